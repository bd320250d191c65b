// Package questions holds konform's catalogue as reviewable YAML data:
// areas, topics, legal references, sources, the fact schema, the
// questions, the tools and the rules. It is embedded into the binary.
package questions

import "embed"

// FS holds the catalogue files.
//
//go:embed *.yaml
var FS embed.FS
