package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/safe"
)

// NewCSVWriter writes CSV as spreadsheets of language l read it: CRLF,
// and a semicolon between cells in German (German spreadsheet programs
// take the comma for the decimal sign), a comma in English.
func NewCSVWriter(w io.Writer, l catalog.Lang) *csv.Writer {
	c := csv.NewWriter(w)
	c.UseCRLF = true
	if l == catalog.DE {
		c.Comma = ';'
	}
	return c
}

// CSV renders the plan's actions as a table for a spreadsheet or a ticket
// system: one row per action in the plan's order, RFC 4180 (quoted where
// needed, CRLF line ends), UTF-8 with a byte order mark so that
// spreadsheet programs read umlauts. No cell can run as a formula. The id and the due date (YYYY-MM-DD,
// empty for "recommended") are for machines, the rest is in language l.
func CSV(p *assess.Plan, l catalog.Lang) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := NewCSVWriter(&b, l)
	t := func(key string) string { return i18n.T(l, key) }
	_ = w.Write([]string{t("csv.id"), t("csv.priority"), t("csv.due"), t("plan.tool"), t("csv.topic"), t("csv.title"), t("csv.owner"), t("csv.status")})
	for _, a := range p.Actions {
		if a.SupersededBy != nil || a.Conditional {
			continue // not a task while the plan says to replace the tool, or before the question is asked
		}
		tool := t("org.name")
		if a.Tool != nil {
			tool = a.Tool.Name.In(l)
		}
		due := ""
		if !a.Due.IsZero() {
			due = a.Due.String()
		}
		_ = w.Write(cells(a.ID, t("prio."+string(a.Priority)), due, tool, a.Topic.Title.In(l), a.Title.In(l), a.Owner, t("status."+a.Status)))
	}
	w.Flush()
	return b.Bytes()
}

// cells makes text safe for a spreadsheet: no control characters, and a
// cell that a spreadsheet would take for a formula (= + - @ first) starts
// with an apostrophe, which spreadsheets show as text.
func cells(texts ...string) []string {
	for i, s := range texts {
		s = safe.Line(s)
		if t := strings.TrimLeft(s, " "); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
			s = "'" + s
		}
		texts[i] = s
	}
	return texts
}

// Cells makes text safe for a spreadsheet, as the plan's CSV does.
func Cells(texts ...string) []string { return cells(texts...) }
