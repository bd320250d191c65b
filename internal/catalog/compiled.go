package catalog

import "fmt"

// The compiled catalogue: the YAML catalogue, loaded and validated once at
// build time (go generate ./questions) and written as Go source by
// internal/catalog/gocode, so that konform starts without parsing YAML. A
// test checks that it matches the YAML.

// Compiled makes a catalogue written by gocode.Source ready for use. It was
// validated when it was generated.
func Compiled(c *Catalog) (*Catalog, error) {
	if err := c.index(); err != nil {
		return nil, fmt.Errorf("compiled catalogue: %w", err)
	}
	return c, nil
}
