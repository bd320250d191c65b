//go:build konform_noyaml

package catalog

// HasYAML is false: this build of konform (built with -tags
// konform_noyaml, as `make build` builds the konform program) carries no
// YAML library, so that a plan starts without setting one up. It reads
// answers files in the YAML they are usually written in by itself and
// hands everything else – catalogue files, unusual YAML – to konform-full
// (see internal/launch).
const HasYAML = false

// OverlayFormat names a catalogue overlay (see overlay.go).
const OverlayFormat = "konform/catalog/v1"

// LoadOverlay needs the YAML library.
func LoadOverlay(*Catalog, string) (*Catalog, error) { return nil, ErrNeedsYAML }
