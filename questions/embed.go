// Package questions holds konform's catalogue as reviewable YAML data:
// areas, topics, legal references, sources, the fact schema, the
// questions, the tools and the rules. The YAML files are embedded for
// checking; konform starts from their compiled form, catalog_gen.go.
package questions

import (
	"embed"
	"sync"

	"github.com/konform/konform/internal/catalog"
)

// FS holds the catalogue files.
//
//go:embed *.yaml
var FS embed.FS

// Drafts holds the wording of the drafts (drafts/*.md.tmpl): text/template
// files, one per kind of draft and language, read by internal/draft.
//
//go:embed drafts/*.md.tmpl
var Drafts embed.FS

// Catalog returns the compiled catalogue: the YAML files, loaded and
// validated at build time and written to catalog_gen.go. After changing a
// YAML file, run `go generate ./questions` (make generate); a test fails
// until you do. Every call returns the same catalogue: do not change it.
//
//go:generate go run gen.go
var Catalog = sync.OnceValues(func() (*catalog.Catalog, error) {
	return catalog.Compiled(compiled())
})
