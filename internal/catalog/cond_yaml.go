//go:build !konform_noyaml

package catalog

import (
	"fmt"

	"go.yaml.in/yaml/v4"
)

// UnmarshalYAML decodes strictly and remembers where the condition stands.
func (c *Cond) UnmarshalYAML(n *yaml.Node) error {
	type plain Cond
	var p plain
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a condition is a mapping (all, any, not, any_tool, q, fact, kind, tool)", n.Line)
	}
	if err := n.Load(&p, yaml.WithKnownFields()); err != nil {
		return err
	}
	*c = Cond(p)
	c.Line, c.Column = n.Line, n.Column
	return nil
}
