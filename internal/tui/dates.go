package tui

import (
	"strings"
	"time"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
)

// parseUserDate reads a date as people type it: 2027-01-31 or, as German
// users write it, 31.01.2027 (also 31.1.2027).
// assessmentDate reads the date of the assessment as typed: the due dates
// count from it, and answers files take years from answers.MinYear to
// answers.MaxYear.
func assessmentDate(s string) (catalog.Date, bool) {
	d, err := parseUserDate(strings.TrimSpace(s))
	if err != nil || d.Year() < answers.MinYear || d.Year() > answers.MaxYear {
		return catalog.Date{}, false
	}
	return d, true
}

func parseUserDate(s string) (catalog.Date, error) {
	if d, err := catalog.ParseDate(s); err == nil {
		return d, nil
	}
	t, err := time.Parse("2.1.2006", s)
	if err != nil {
		return catalog.Date{}, err
	}
	return catalog.Date{Time: t}, nil
}
