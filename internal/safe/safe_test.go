package safe

import "testing"

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"Malerbetrieb Sommer":             "Malerbetrieb Sommer",
		"a\x1b[31mred\x1b[0m":             "a[31mred[0m",
		"clip\x1b]52;c;ZXZpbA==\x07board": "clip]52;c;ZXZpbA==board",
		"line\nbreak\tand tab":            "line\nbreak\tand tab",
		"c1\u009bcontrol\x7f":             "c1control",
		"carriage\rreturn":                "carriagereturn",
		"Größe – „Zitat“ 微信":              "Größe – „Zitat“ 微信",
		"bad \xff byte":                   "bad  byte",
		"invoice\u202efdp.exe":            "invoicefdp.exe",
		"isolate\u2066d\u2069":            "isolated",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line("a\nb\tc\x1b"); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
}
