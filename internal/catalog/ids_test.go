package catalog

import "testing"

func TestIDSyntax(t *testing.T) {
	for _, c := range []struct {
		id           string
		snake, kebab bool
	}{
		{"sector", true, true}, {"e2e", true, true}, {"business_use", true, false}, {"art-28", false, true},
		{"", false, false}, {"2fa", false, false}, {"Zoom", false, false}, {"a__b", false, false}, {"a_", false, false},
		{"a-", false, false}, {"_a", false, false}, {"a_b-c", false, false}, {"ä", false, false}, {"a b", false, false},
	} {
		if got := snakeID.MatchString(c.id); got != c.snake {
			t.Errorf("snake %q: %v", c.id, got)
		}
		if got := kebabID.MatchString(c.id); got != c.kebab {
			t.Errorf("kebab %q: %v", c.id, got)
		}
	}
}
