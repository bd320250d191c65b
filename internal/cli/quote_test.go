package cli

import "testing"

// The resume command konform prints can be pasted into a shell as it is.
func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/ana/.local/state/konform/session-20261122-090000.yaml": "/home/ana/.local/state/konform/session-20261122-090000.yaml",
		"/home/ana/Meine Dateien/praxis.yaml":                         "'/home/ana/Meine Dateien/praxis.yaml'",
		"/tmp/O'Brien & Söhne.yaml":                                   `'/tmp/O'\''Brien & Söhne.yaml'`,
		"/tmp/Ärztehaus.yaml":                                         "/tmp/Ärztehaus.yaml",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
