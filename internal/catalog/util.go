package catalog

import (
	"errors"
	"maps"
	"slices"
)

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// ErrNeedsYAML says that a file needs the YAML library, which this build
// of konform does not carry (HasYAML); konform-full reads it.
var ErrNeedsYAML = errors.New("this program reads files without the YAML library, and this one needs it")
