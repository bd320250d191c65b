package catalog_test

import (
	"testing"

	"github.com/konform/konform/internal/testkit"
)

// The quick check asks what can bring about or clear a critical action,
// and what decides whether those questions are shown – nothing else.
func TestQuickSet(t *testing.T) {
	cat := testkit.Catalog(t)
	for id, want := range map[string]bool{
		"sector":            true,  // sector rules with critical actions
		"dpa_signed":        true,  // no DPA is critical
		"marketing_consent": true,  // advertising without consent is critical
		"marketing_here":    true,  // decides whether marketing_consent is asked
		"b2c_marketing":     true,  // decides whether marketing_here is asked
		"usage_policy":      false, // only high actions
		"app_lock":          false, // only low actions
		"auto_delete":       false,
	} {
		q := cat.Question(id)
		if q == nil {
			t.Fatalf("no question %s", id)
		}
		if got := cat.Quick(q); got != want {
			t.Errorf("%s: quick %v, want %v", id, got, want)
		}
	}
	n := 0
	for _, q := range cat.Questions {
		if cat.Quick(q) {
			n++
		}
	}
	if n == 0 || n > len(cat.Questions)/2 {
		t.Errorf("%d of %d questions are quick", n, len(cat.Questions))
	}
}
