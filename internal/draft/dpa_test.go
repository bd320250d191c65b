package draft_test

import (
	"strings"
	"testing"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/testkit"
)

// rowOf is the checklist row that starts with the point's text.
func rowOf(md, point string) string {
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| "+point) {
			return line
		}
	}
	return ""
}

// The DPA checklist is a table with a column for where each clause was
// found; it has the points of Art. 28 beyond paragraph 3 (guarantees, the
// duty to warn, flow-down), the secrecy clauses of the client's own
// profession, § 393 SGB V for a practice, AI where the tool has it – and
// ticks what the answers already show.
func TestDPAChecklist(t *testing.T) {
	tax := plan(t, base+`context: {sector: legal_tax, secrecy_203: "yes"}
tools:
  - tool: zoom
    answers: {dpa_signed: signed, dpa_checked: "yes", transfer_basis: scc, own_purposes: excluded, confidentiality_bound: "yes", ai_features: "on"}
`)
	md := string(draft.Make(tax, draft.DPACheck, catalog.DE).Markdown)
	if !strings.Contains(md, "| Prüfpunkt | erfüllt | Fundstelle im Vertrag |") {
		t.Fatalf("no table with a column for where each clause was found:\n%s", md)
	}
	for point, ticked := range map[string]bool{
		"hinreichende Garantien (Art. 28 Abs. 1)": false,
		"Hinweispflicht": false,
		"dieselben Pflichten für jeden Unterauftragsverarbeiter":              false,
		"d) Unterauftragsverarbeiter":                                         true, // DPA checked
		"Drittlandübermittlung":                                               true, // SCC answered
		"keine Nutzung der Daten für eigene Zwecke":                           true,
		"Verpflichtung zur Verschwiegenheit in Textform (§ 62a Abs. 3 StBerG": true,
		"Dienstleister im Ausland":                                            false, // Zoom sits in the USA
		"KI-Funktionen":                                                       false,
	} {
		row := rowOf(md, point)
		if row == "" {
			t.Errorf("no point %q:\n%s", point, md)
			continue
		}
		if got := strings.Contains(row, "[x]"); got != ticked {
			t.Errorf("%q ticked %v, want %v: %s", point, got, ticked, row)
		}
	}
	practice := plan(t, base+`context: {sector: health, secrecy_203: "yes"}
tools:
  - tool: zoom
    answers: {used_for: [consultations], dpa_signed: signed}
`)
	md = string(draft.Make(practice, draft.DPACheck, catalog.DE).Markdown)
	for _, want := range []string{"§ 393 SGB V", "§ 203 Abs. 4 Satz 2 Nr. 1 StGB"} {
		if !strings.Contains(md, want) {
			t.Errorf("a practice's checklist lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "§ 62a") {
		t.Errorf("a practice's checklist names the tax advisers' rules:\n%s", md)
	}
	// A tool the plan replaces gets its successor's checklist, nothing
	// ticked, proposing only providers that sign an agreement.
	shop := testkit.Assess(t, testkit.Catalog(t), testkit.Example("craft-whatsapp.yaml"))
	md = string(draft.Make(shop, draft.DPACheck, catalog.DE).Markdown)
	succ := md[strings.Index(md, "## Nachfolger für WhatsApp"):]
	if !strings.Contains(succ, "Threema Work") || strings.Contains(succ, "Signal") || strings.Contains(succ, "[x]") || !strings.Contains(succ, "(Art. 28 Abs. 4)") {
		t.Errorf("the successor's checklist:\n%s", succ)
	}
	// A firm's own professional law, not its neighbour's: in the checklist
	// and in the usage policy.
	for prof, want := range map[string][2]string{"law": {"§ 43e Abs. 3 BRAO", "§ 62a"}, "tax": {"§ 62a Abs. 3 StBerG", "§ 43e"}} {
		firm := plan(t, base+`context: {sector: legal_tax, profession: `+prof+`, secrecy_203: "yes"}
tools:
  - tool: zoom
    answers: {dpa_signed: signed, confidentiality_bound: "yes"}
`)
		for _, kind := range []draft.Kind{draft.DPACheck, draft.Policy} {
			md := string(draft.Make(firm, kind, catalog.DE).Markdown)
			if kind == draft.DPACheck && !strings.Contains(md, want[0]) || strings.Contains(md, want[1]) {
				t.Errorf("%s firm, %s: want %q, not %q:\n%s", prof, kind, want[0], want[1], md)
			}
		}
	}
}
