// Package questions holds konform's catalogue as reviewable YAML data:
// areas, topics, legal references, sources, the fact schema, the
// questions, the tools and the rules. It is embedded into the binary.
package questions

import "embed"

// FS holds the catalogue files.
//
//go:embed *.yaml
var FS embed.FS

// Compiled is the catalogue loaded, validated and stored as JSON at build
// time; konform starts from it. After changing a YAML file, run
// `go generate ./questions` (make generate); a test fails until you do.
//
//go:generate go run gen.go
//go:embed catalog.json
var Compiled []byte
