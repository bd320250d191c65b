package portfolio_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/portfolio"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/testkit"
)

var (
	orgLine    = regexp.MustCompile(`(?m)^  organisation: .*$`)
	reviewLine = regexp.MustCompile(`(?m)^  review: .*\n`)
	dateLine   = regexp.MustCompile(`(?m)^  date: .*$`)
)

// clients writes a consultancy's folder of n clients made from the
// examples: every seventh a copy of the follow-up workshop whose agreed due
// dates have passed by day, every fifth with a review date that has
// passed, every tenth assessed on day (fresh: nothing overdue yet), in
// subfolders by kind; then three files that cannot be read, a JSON plan
// and a hidden session file, which are not clients. The others are
// overdue by their plans' own due dates.
func clients(t testing.TB, n int) (dir string, overdue, review map[string]bool) {
	dir, overdue, review, _ = clientsAgreed(t, n)
	return dir, overdue, review
}

func clientsAgreed(t testing.TB, n int) (dir string, overdue, review, agreed map[string]bool) {
	t.Helper()
	dir = t.TempDir()
	overdue, review, agreed = map[string]bool{}, map[string]bool{}, map[string]bool{}
	var base []string
	for _, f := range testkit.Examples(t) {
		if !strings.HasSuffix(f, "craft-whatsapp-2027-05.yaml") {
			base = append(base, f)
		}
	}
	followUp := filepath.Join(filepath.Dir(base[0]), "craft-whatsapp-2027-05.yaml")
	for i := range n {
		src := base[i%len(base)]
		if i%7 == 3 {
			src = followUp
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		org := fmt.Sprintf("Mandant %02d GmbH", i)
		text := orgLine.ReplaceAllString(string(data), "  organisation: "+org)
		if i%5 == 1 {
			text = reviewLine.ReplaceAllString(text, "")
			text = strings.Replace(text, "\nassessment:\n", "\nassessment:\n  review: 2027-07-01\n", 1)
			review[org] = true
		}
		switch {
		case src == followUp:
			overdue[org], agreed[org] = true, true
		case i%10 == 4:
			text = dateLine.ReplaceAllString(text, "  date: 2027-08-01")
		default:
			overdue[org] = true
		}
		sub := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("mandant-%02d.yaml", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("kaputt-datum.yaml", "format: konform/answers/v1\nlang: de\nassessment: {organisation: Kaputt, date: 2026-13-01}\ntools: [{tool: zoom}]\n")
	write("kaputt-werkzeug.yaml", "format: konform/answers/v1\nlang: de\nassessment: {organisation: Kaputt, date: 2026-11-01}\ntools: [{tool: zooom}]\n")
	write("konflikt.yaml", "format: konform/answers/v1\nlang: de\nassessment:\n<<<<<<< HEAD\n  organisation: A\n=======\n  organisation: B\n>>>>>>> other\n  date: 2026-11-01\ntools: [{tool: zoom}]\n")
	write("plan.json", `{"format": "konform/plan/v1", "organisation": "kein Mandant"}`)
	write("uebersicht.json", `{"format": "konform/portfolio/v1", "today": "2027-08-01", "clients": []}`)
	write(".mandant-01.yaml.lock", "4711")
	return dir, overdue, review, agreed
}

func TestPortfolioOfFiftyClients(t *testing.T) {
	cat := testkit.Catalog(t)
	dir, overdue, review, agreed := clientsAgreed(t, 50)
	today, _ := catalog.ParseDate("2027-08-01")
	cs, err := portfolio.Load(dir, portfolio.Options{Catalog: cat, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 53 {
		t.Fatalf("%d clients, want 50 and 3 unreadable (the JSON plan and the hidden file are none)", len(cs))
	}
	for i, c := range cs[:3] {
		if c.Err == nil {
			t.Errorf("client %d (%s): the unreadable files come first", i, c.Path)
		}
	}
	for _, c := range cs[3:] {
		if c.Err != nil {
			t.Errorf("%s: %v", c.Path, c.Err)
			continue
		}
		if got := len(c.Overdue) > 0; got != overdue[c.Organisation] {
			t.Errorf("%s: overdue %v, want %v (%+v)", c.Organisation, got, overdue[c.Organisation], c.Overdue)
		}
		if !overdue[c.Organisation] && len(c.DueSoon) == 0 {
			t.Errorf("%s: assessed today, yet nothing is due soon", c.Organisation)
		}
		if got := slices.ContainsFunc(c.Overdue, func(it portfolio.Item) bool { return it.Agreed }); got != agreed[c.Organisation] {
			t.Errorf("%s: an agreed due date overdue %v, want %v", c.Organisation, got, agreed[c.Organisation])
		}
		if c.ReviewDue != review[c.Organisation] {
			t.Errorf("%s: review due %v (by %s), want %v", c.Organisation, c.ReviewDue, c.ReviewBy, review[c.Organisation])
		}
	}
	// Most urgent first: after the unreadable, the clients with overdue
	// actions.
	for i, c := range cs[3 : 3+len(overdue)] {
		if len(c.Overdue) == 0 {
			t.Errorf("row %d (%s) has nothing overdue, yet comes before a client who has", i+3, c.Organisation)
		}
	}

	v := portfolio.View{Clients: cs, Today: today, Lang: catalog.DE}
	md := string(portfolio.Markdown(v))
	for org := range overdue {
		if !strings.Contains(md, "### "+org+" (`") {
			t.Errorf("the report does not list %s's overdue actions", org)
		}
	}
	for _, want := range []string{"laut Plan fällig 2026-11-22 – überfällig", "laut Plan fällig 2027-08-01\n", "- **Mandanten:** 53", fmt.Sprintf("**mit überfälligen Maßnahmen:** %d · **Überprüfung fällig:** %d · **Nicht lesbar:** 3", len(overdue), len(review)),
		"vereinbart bis 2027-06-30 – überfällig", "**2027-07-01 – Überprüfung fällig**", "kaputt-datum.yaml:3:", "kaputt-werkzeug.yaml:4:", "konflikt.yaml:4:"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown report lacks %q", want)
		}
	}
	table := string(portfolio.Table(v))
	if !strings.Contains(table, "Mandant 00 GmbH") || !strings.Contains(table, "konflikt.yaml – nicht lesbar:") {
		t.Errorf("the terminal view:\n%s", table)
	}
	if strings.Contains(md+table, "kein Mandant") {
		t.Error("a JSON plan is taken for a client")
	}
}

// With a changed catalogue, the view says for whom what changes: the DPF
// overlay moves the transfers of US providers the catalogue lists as
// certified, and leaves a club on its own Jitsi server alone.
func TestPortfolioWhatIfTheDPFFalls(t *testing.T) {
	cat := testkit.Catalog(t)
	dpf, err := catalog.LoadOverlay(cat, filepath.Join("..", "..", "examples", "catalog", "dpf-falls.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir, _, _ := clients(t, 12)
	today, _ := catalog.ParseDate("2027-08-01")
	cs, err := portfolio.Load(dir, portfolio.Options{Catalog: cat, WhatIf: dpf, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	affected := 0
	for _, c := range cs {
		if c.Err != nil {
			continue
		}
		club := strings.HasPrefix(c.Path, "association-jitsi/")
		switch {
		case c.WhatIf == nil:
			t.Fatalf("%s: no what-if", c.Path)
		case club && !c.WhatIf.Empty():
			t.Errorf("%s: the club's own server moves with the DPF: %+v", c.Path, c.WhatIf)
		case strings.HasPrefix(c.Path, "medical-zoom-whatsapp/") && len(c.WhatIf.Reprioritised) == 0:
			t.Errorf("%s: Zoom and WhatsApp's transfers do not move: %+v", c.Path, c.WhatIf)
		case strings.HasPrefix(c.Path, "tax-teams-signal/") && !critical(c.WhatIf, "third-country-transfer/microsoft-teams"):
			// its answers name the DPF as the basis of Teams' transfers:
			// the client most exposed when the DPF falls
			t.Errorf("%s: Teams' transfer on the DPF does not become critical: %+v", c.Path, c.WhatIf)
		}
		for _, it := range append(append(append([]portfolio.Item{}, c.WhatIf.Added...), c.WhatIf.Reprioritised...), c.WhatIf.Changed...) {
			if strings.HasPrefix(c.Path, "craft-whatsapp/") && strings.HasPrefix(it.ID, "third-country-transfer/") {
				// the painters' WhatsApp is replaced: its transfer is no duty
				t.Errorf("%s: a change on the replaced tool counts: %+v", c.Path, it)
			}
		}
		if !c.WhatIf.Empty() {
			affected++
		}
	}
	md := string(portfolio.Markdown(portfolio.View{Clients: cs, Today: today, Lang: catalog.DE, WhatIf: "dpf-falls.yaml"}))
	if !strings.Contains(md, fmt.Sprintf("%d von %d Mandanten betroffen", affected, len(cs)-3)) || !strings.Contains(md, "Andere Priorität: **Übermittlungsgrundlage von Zoom klären") {
		t.Errorf("the what-if report:\n%s", md)
	}
}

// The overlay for a provider that moves: a practice on Threema Work sees
// its transfer action change; a client without Threema Work sees nothing.
func TestPortfolioWhatIfAProviderMoves(t *testing.T) {
	cat := testkit.Catalog(t)
	moved, err := catalog.LoadOverlay(cat, filepath.Join("..", "..", "examples", "catalog", "provider-moves.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("kern.yaml", "format: konform/answers/v1\nlang: de\nassessment: {organisation: Physiopraxis Kern, date: 2026-11-22}\ncontext: {sector: health, partners: both, partner_groups: [patients], staff: small}\ntools:\n  - tool: threema-work\n    answers: {used_for: [appointments, internal], dpa_signed: signed}\n")
	write("maler.yaml", "format: konform/answers/v1\nlang: de\nassessment: {organisation: Maler, date: 2026-11-22}\ntools: [{tool: signal}]\n")
	today, _ := catalog.ParseDate("2027-01-01")
	cs, err := portfolio.Load(dir, portfolio.Options{Catalog: cat, WhatIf: moved, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		switch c.Path {
		case "kern.yaml":
			if len(c.WhatIf.Changed)+len(c.WhatIf.Added)+len(c.WhatIf.Reprioritised) == 0 {
				t.Errorf("the practice on Threema Work sees no change: %+v", c.WhatIf)
			}
		case "maler.yaml":
			if !c.WhatIf.Empty() {
				t.Errorf("a client without Threema Work is affected: %+v", c.WhatIf)
			}
		}
	}
}

// A plan kept as JSON next to the answers (NAME.json) is what the client
// was handed: the view lists the clients whose plan today's catalogue or
// answers change since, and not the ones whose plan still holds.
func TestPortfolioSinceTheLastPlan(t *testing.T) {
	cat := testkit.Catalog(t)
	root := testkit.Root()
	dir := t.TempDir()
	copyFile := func(from, to string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	keepPlan := func(answersFile, to string) {
		p := assess.Assess(cat, testkit.Answers(t, cat, answersFile))
		if err := os.WriteFile(filepath.Join(dir, to), report.JSON(p, p.Lang), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Sommer's plan was made at the first workshop; the answers are of the
	// second. The club's plan was made from the answers it has now.
	copyFile(filepath.Join(root, "examples", "craft-whatsapp-2027-05.yaml"), "sommer.yaml")
	keepPlan(filepath.Join(root, "examples", "craft-whatsapp.yaml"), "sommer.json")
	copyFile(filepath.Join(root, "examples", "association-jitsi.yaml"), "tsv.yaml")
	keepPlan(filepath.Join(root, "examples", "association-jitsi.yaml"), "tsv.json")
	today, _ := catalog.ParseDate("2027-08-01")
	cs, err := portfolio.Load(dir, portfolio.Options{Catalog: cat, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d clients, want 2 (the kept plans are none)", len(cs))
	}
	for _, c := range cs {
		switch {
		case c.SincePlan == nil:
			t.Errorf("%s: the kept plan is not read", c.Path)
		case c.Path == "sommer.yaml" && (c.SincePlan.Empty() || len(c.SincePlan.Resolved) == 0):
			t.Errorf("sommer: the second workshop changes nothing since the first plan: %+v", c.SincePlan)
		case c.Path == "tsv.yaml" && !c.SincePlan.Empty():
			t.Errorf("tsv: its plan still holds, yet changes are listed: %+v", c.SincePlan)
		}
	}
	md := string(portfolio.Markdown(portfolio.View{Clients: cs, Today: today, Lang: catalog.DE}))
	if !strings.Contains(md, "## Seit dem letzten Plan geändert") || !strings.Contains(md, "### Malerbetrieb Sommer GmbH (`sommer.yaml`)\n\nPlan vom 2026-11-22.") || strings.Contains(md, "(`tsv.yaml`)\n\nPlan vom") {
		t.Errorf("the report since the last plan:\n%s", md)
	}
}

func critical(c *portfolio.Change, id string) bool {
	for _, it := range append(append([]portfolio.Item{}, c.Added...), c.Reprioritised...) {
		if it.ID == id && it.Priority == catalog.Critical {
			return true
		}
	}
	return false
}

// Two files of one organisation – last year's workshop beside this year's,
// a copy – are told apart by their file in the table; a single one is not.
func TestPortfolioTellsTwinsApart(t *testing.T) {
	cat := testkit.Catalog(t)
	dir := t.TempDir()
	for name, date := range map[string]string{"2025/maler.yaml": "2025-10-10", "maler.yaml": "2026-11-22", "tsv.yaml": "2026-11-22"} {
		org := "Maler Sommer"
		if name == "tsv.yaml" {
			org = "TSV"
		}
		_ = os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		text := fmt.Sprintf("format: konform/answers/v1\nlang: de\nassessment: {organisation: %s, date: %s}\ntools: [{tool: signal}]\n", org, date)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	today, _ := catalog.ParseDate("2026-12-05")
	cs, err := portfolio.Load(dir, portfolio.Options{Catalog: cat, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	table := string(portfolio.Table(portfolio.View{Clients: cs, Today: today, Lang: catalog.DE}))
	for _, want := range []string{"Maler Sommer (2025/maler.yaml)", "Maler Sommer (maler.yaml)", "\nTSV "} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
}

// A client that recorded the old DPF action as done is not spared when
// the DPF falls: the critical action another rule now leads opens again,
// and the report says what was done before.
func TestPortfolioWhatIfReopensWhatWasDoneForTheFormerMeasure(t *testing.T) {
	cat := testkit.Catalog(t)
	dpf, err := catalog.LoadOverlay(cat, filepath.Join("..", "..", "examples", "catalog", "dpf-falls.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(testkit.Root(), "examples", "tax-teams-signal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if strings.Contains(text, "\nactions:") {
		t.Fatal("the example records actions already; the test adds its own")
	}
	text += "actions:\n  third-country-transfer/microsoft-teams: {status: done}\n"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hoffmann.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	today, _ := catalog.ParseDate("2026-12-05")
	cs, err := portfolio.Load(dir, portfolio.Options{Catalog: cat, WhatIf: dpf, Today: today})
	if err != nil || len(cs) != 1 || cs[0].Err != nil {
		t.Fatalf("%v %+v", err, cs)
	}
	w := cs[0].WhatIf
	if len(w.Reopened) != 1 || w.Reopened[0].ID != "third-country-transfer/microsoft-teams" || w.Reopened[0].Priority != catalog.Critical {
		t.Fatalf("the done DPF action does not open again: %+v", w)
	}
	md := string(portfolio.Markdown(portfolio.View{Clients: cs, Today: today, Lang: catalog.DE, WhatIf: "dpf-falls.yaml"}))
	if !strings.Contains(md, "- Wieder offen: **Die Übermittlung bei Microsoft Teams stützt sich auf das DPF, das sie nicht mehr trägt") || !strings.Contains(md, "1 von 1 Mandanten betroffen") {
		t.Errorf("the report:\n%s", md)
	}
}
