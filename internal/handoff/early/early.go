// Package early hands a command line that konform does not run itself –
// anything but a plan in Markdown, JSON or CSV – to konform-full or
// konform-html while konform is still starting: Go sets packages up in
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
	if name := handoff.Route(os.Args[1:]); name != "" {
		os.Exit(handoff.Hand(name, os.Args[1:]))
	}
}
