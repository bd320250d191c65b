package catalog

import (
	"encoding/json"
	"fmt"
)

// The compiled catalogue: the YAML catalogue, loaded and validated once at
// build time (go generate ./questions) and stored as JSON, which starts in
// a fraction of the time YAML parsing and validation take. A test checks
// that it matches the YAML.

// MarshalCompiled writes a loaded catalogue in compiled form. The output
// is stable: the same catalogue gives the same bytes.
func (c *Catalog) MarshalCompiled() ([]byte, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// LoadCompiled reads a catalogue written by MarshalCompiled. It was
// validated when it was compiled.
func LoadCompiled(b []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("compiled catalogue: %w", err)
	}
	if err := c.index(); err != nil {
		return nil, err
	}
	return &c, nil
}
