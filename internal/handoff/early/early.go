// Package early hands a command line that is not `konform plan` to
// konform-full while konform is still starting: Go sets packages up in
// the order of their import paths, as far as their imports allow, and
// this one needs only the standard library, so its init runs before the
// YAML library and the catalogue are set up, which only plans need. Only
// cmd/konform imports it.
package early

import (
	"os"

	"github.com/konform/konform/internal/handoff"
)

func init() {
	if _, ok := handoff.ParsePlan(os.Args[1:]); !ok {
		os.Exit(handoff.Full(os.Args[1:]))
	}
}
