package i18n

import (
	"strings"
	"testing"

	"github.com/konform/konform/internal/catalog"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want catalog.Lang
	}{
		{map[string]string{}, catalog.DE},
		{map[string]string{"LANG": "en_GB.UTF-8"}, catalog.EN},
		{map[string]string{"LANG": "de_DE.UTF-8"}, catalog.DE},
		{map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, catalog.EN},
		{map[string]string{"LC_MESSAGES": "de_AT", "LANG": "en_US"}, catalog.DE},
		{map[string]string{"LC_ALL": "C", "LANG": "en_US"}, catalog.EN},
	}
	for _, tc := range tests {
		if got := Detect(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("Detect(%v) = %s, want %s", tc.env, got, tc.want)
		}
	}
}

func TestEveryStringHasBothLanguages(t *testing.T) {
	for _, k := range Keys() {
		for _, l := range catalog.Langs {
			if strings.TrimSpace(T(l, k)) == "" {
				t.Errorf("%s has no %s text", k, l)
			}
		}
	}
	if T(catalog.DE, "no.such.key") != "!no.such.key" {
		t.Error("a missing key must show, not vanish")
	}
}
