// Package report renders what konform assesses: a plan as Markdown, JSON,
// CSV or HTML, a comparison of tools, a progress report between two
// assessments and the blank questionnaire. Renderers are pure: the same
// input gives the same bytes.
package report

import (
	"maps"
	"slices"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
)

// Formats are the plan's output formats by name; a batch run names each
// plan file with the format's name as its extension.
var Formats = map[string]func(*assess.Plan, catalog.Lang) []byte{
	"md":   Markdown,
	"json": JSON,
	"csv":  CSV,
	"html": HTML,
	"txt":  Lines,
}

// FormatNames are the names of Formats, sorted.
func FormatNames() []string { return slices.Sorted(maps.Keys(Formats)) }
