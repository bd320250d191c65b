//go:build konform_noyaml

package answers

import "github.com/konform/konform/internal/catalog"

// decodeYAML: this build carries no YAML library (see catalog.HasYAML);
// a file decodeLite does not read goes to konform-full.
func decodeYAML([]byte, *Errors) (*node, error) { return nil, catalog.ErrNeedsYAML }
