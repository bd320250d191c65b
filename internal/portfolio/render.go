package portfolio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/safe"
)

// View is what a report of the portfolio says: the clients, the day it
// was made, and the changed catalogue it asks about, if any.
type View struct {
	Clients []*Client
	Today   catalog.Date
	WhatIf  string // the changed catalogue's file name; "" for none
	// WhatIfSources are the sources the changed catalogue brings (a
	// scenario names itself as one), so that a report passed on says what
	// it assumes and as of when.
	WhatIfSources []*catalog.Source
	Lang          catalog.Lang
}

func (v View) t(key string) string { return i18n.T(v.Lang, key) }

// totals are the header's counts.
func (v View) totals() (overdue, review, unreadable, affected int) {
	for _, c := range v.Clients {
		switch {
		case c.Err != nil:
			unreadable++
			continue
		case len(c.Overdue) > 0:
			overdue++
		}
		if c.ReviewDue {
			review++
		}
		if c.WhatIf != nil && !c.WhatIf.Empty() {
			affected++
		}
	}
	return
}

func (v View) check(c *Client) string {
	if c.Quick {
		return v.t("pf.check.quick")
	}
	return v.t("pf.check.full")
}

func (v View) light(l assess.Light) string {
	if l == "" {
		return "–"
	}
	return v.t("light." + string(l))
}

func (v View) prio(p catalog.Priority) string { return v.t("prio." + string(p)) }

func (v View) name(c *Client) string {
	if c.Organisation == "" {
		return c.Path
	}
	return c.Organisation
}

// Label is the client's name in a table: the organisation, with its file
// where another file names the same organisation (an old workshop's file
// beside the new one, a copy).
func (v View) Label(c *Client) string {
	for _, o := range v.Clients {
		if o != c && o.Err == nil && o.Organisation == c.Organisation {
			return c.Organisation + " (" + c.Path + ")"
		}
	}
	return v.name(c)
}

func (v View) itemLine(it Item) string {
	tool := v.t("org.name")
	if it.Tool.DE != "" {
		tool = it.Tool.In(v.Lang)
	}
	s := fmt.Sprintf("**%s** — %s · %s", report.Escape(it.Title.In(v.Lang)), report.Escape(tool), v.prio(it.Priority))
	if it.Owner != "" {
		s += " · " + v.t("plan.owner") + ": " + report.Escape(it.Owner)
	}
	return s
}

// Markdown is the portfolio as a report to keep or hand on.
func Markdown(v View) []byte {
	var b bytes.Buffer
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	overdue, review, unreadable, affected := v.totals()
	line("# %s", v.t("pf.title"))
	line("")
	line("- **%s:** %s", v.t("pf.today"), v.Today)
	line("- **%s:** %d", v.t("pf.clients"), len(v.Clients))
	line("- **%s:** %d · **%s:** %d · **%s:** %d", v.t("pf.overdue.clients"), overdue, v.t("pf.review.clients"), review, v.t("pf.unreadable"), unreadable)
	if v.WhatIf != "" {
		line("- **%s:** %s – %s", v.t("pf.whatif"), report.Escape(v.WhatIf), fmt.Sprintf(v.t("pf.affected"), affected, len(v.Clients)-unreadable))
	}
	line("")
	line("| %s | %s | %s | %s | %s | %s | %s | %s |", v.t("pf.client"), v.t("pf.check"), v.t("plan.light"), v.t("prio.critical"), v.t("prio.high"), v.t("pf.overdue"), v.t("pf.soon"), v.t("pf.review"))
	line("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |")
	for _, c := range v.Clients {
		if c.Err != nil {
			line("| %s | %s | | | | | | |", report.Escape(c.Path), v.t("pf.unreadable.one"))
			continue
		}
		rev := c.ReviewBy.String()
		if c.ReviewDue {
			rev = "**" + rev + " – " + v.t("pf.review.due") + "**"
		}
		line("| %s<br>`%s` | %s, %s | %s | %d | %d | %d | %d | %s |", report.Escape(v.name(c)), report.Escape(c.Path), v.check(c), c.Date, v.light(c.Light),
			c.Critical, c.High, len(c.Overdue), len(c.DueSoon), rev)
	}
	line("")
	if overdue > 0 {
		line("## %s", v.t("pf.overdue.title"))
		line("")
		for _, c := range v.Clients {
			if c.Err != nil || len(c.Overdue)+len(c.DueSoon) == 0 {
				continue
			}
			line("### %s (`%s`)", report.Escape(v.name(c)), report.Escape(c.Path))
			line("")
			for _, it := range c.Overdue {
				line("- %s · %s", v.itemLine(it), fmt.Sprintf(v.t(agreed(it, "pf.overdue.since")), it.Due))
			}
			for _, it := range c.DueSoon {
				line("- %s · %s", v.itemLine(it), fmt.Sprintf(v.t(agreed(it, "pf.due.on")), it.Due))
			}
			line("")
		}
	}
	if v.WhatIf != "" {
		line("## %s", fmt.Sprintf(v.t("pf.whatif.title"), report.Escape(v.WhatIf)))
		line("")
		for _, src := range v.WhatIfSources {
			line("%s", report.Escape(v.sourceLine(src)))
			line("")
		}
		if affected == 0 {
			line("%s", v.t("pf.whatif.none"))
			line("")
		}
		for _, c := range v.Clients {
			if c.Err == nil && c.WhatIf != nil && !c.WhatIf.Empty() {
				v.changeMD(line, c, c.WhatIf, "")
			}
		}
	}
	since := 0
	for _, c := range v.Clients {
		if c.Err == nil && c.SincePlan != nil && !c.SincePlan.Empty() {
			since++
		}
	}
	if since > 0 {
		line("## %s", v.t("pf.since.title"))
		line("")
		line("%s", v.t("pf.since.intro"))
		line("")
		for _, c := range v.Clients {
			if c.Err == nil && c.SincePlan != nil && !c.SincePlan.Empty() {
				v.changeMD(line, c, c.SincePlan, fmt.Sprintf(v.t("pf.since.of"), c.PlanDate))
			}
		}
	}
	if unreadable > 0 {
		line("## %s", v.t("pf.unreadable"))
		line("")
		for _, c := range v.Clients {
			if c.Err != nil {
				line("- `%s`:", report.Escape(c.Path))
				for _, l := range strings.Split(msg.Localize(c.Err, string(v.Lang)), "\n") {
					line("  - %s", report.Escape(safe.Line(l)))
				}
			}
		}
		line("")
	}
	return b.Bytes()
}

// ClientChanges is what the changed catalogue changes for client c, as a
// Markdown section to put before its plan; "" without a changed catalogue.
func (v View) ClientChanges(c *Client) string {
	if v.WhatIf == "" || c.Err != nil || c.WhatIf == nil {
		return ""
	}
	var b bytes.Buffer
	line := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	line("# %s", fmt.Sprintf(v.t("pf.whatif.title"), report.Escape(v.WhatIf)))
	line("")
	for _, src := range v.WhatIfSources {
		line("%s", report.Escape(v.sourceLine(src)))
		line("")
	}
	if c.WhatIf.Empty() {
		line("%s", v.t("pf.whatif.nothing"))
		line("")
	} else {
		v.changeMD(line, c, c.WhatIf, "")
	}
	line("%s", v.t("pf.whatif.planbelow"))
	line("")
	return b.String()
}

// ClientCount is "1 Mandant", "6 Mandanten".
func (v View) ClientCount() string {
	if len(v.Clients) == 1 {
		return "1 " + v.t("pf.client.one")
	}
	return fmt.Sprintf("%d %s", len(v.Clients), v.t("pf.clients"))
}

// counts says in words what a change holds: "1 neu, 2 geändert" – only
// the parts there are.
func (v View) counts(w *Change) string {
	var parts []string
	for _, p := range []struct {
		n   int
		key string
	}{{len(w.Added), "pf.whatif.n.new"}, {len(w.Resolved), "pf.whatif.n.gone"}, {len(w.Reprioritised) + len(w.Changed) + len(w.Reopened), "pf.whatif.n.changed"}, {len(w.Lights), "pf.whatif.n.lights"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf(v.t(p.key), p.n))
		}
	}
	if len(parts) == 0 && w.FirstSteps {
		parts = append(parts, v.t("pf.whatif.firststeps"))
	}
	return strings.Join(parts, ", ")
}

// sourceLine names a source of the changed catalogue: "Grundlage: TITLE
// (BY, DATE)".
func (v View) sourceLine(src *catalog.Source) string {
	return fmt.Sprintf("%s: %s (%s, %s)", v.t("pf.whatif.basis"), src.Title, src.Publisher(v.Lang), src.Date)
}

// WhatIfHeader is the line that names the changed catalogue and its
// sources, for the terminal's view.
func (v View) WhatIfHeader() string {
	s := v.t("pf.whatif") + ": " + v.WhatIf
	for _, src := range v.WhatIfSources {
		// who says it first: "Annahme für die Planung – keine Tatsache"
		// must survive a narrow screen
		s += fmt.Sprintf(" · %s (%s): %s", src.Publisher(v.Lang), src.Date, src.Title)
	}
	return safe.Line(s)
}

// agreed is the key for a due date as agreed, or key+".plan" for the
// plan's own.
func agreed(it Item, key string) string {
	if it.Agreed {
		return key
	}
	return key + ".plan"
}

// changeMD writes what changes for client c, in the words of konform
// diff; note follows the heading where given.
func (v View) changeMD(line func(string, ...any), c *Client, w *Change, note string) {
	line("### %s (`%s`)", report.Escape(v.name(c)), report.Escape(c.Path))
	line("")
	if note != "" {
		line("%s", note)
		line("")
	}
	for _, it := range w.Added {
		line("- %s: %s", v.t("diff.added"), v.itemLine(it))
	}
	for _, it := range w.Resolved {
		line("- %s: %s", v.t("pf.whatif.gone"), v.itemLine(it))
	}
	for _, it := range w.Reprioritised {
		line("- %s: %s (%s → %s)", v.t("diff.priority"), v.itemLine(it), v.prio(it.Old), v.prio(it.Priority))
	}
	for _, it := range w.Changed {
		line("- %s: %s (%s: %s)", v.t("pf.whatif.changed"), v.itemLine(it), v.t("pf.whatif.before"), report.Escape(it.OldTitle.In(v.Lang)))
	}
	for _, it := range w.Reopened {
		line("- %s: %s (%s: %s)", v.t("pf.whatif.reopened"), v.itemLine(it), v.t("pf.whatif.donefor"), report.Escape(it.OldTitle.In(v.Lang)))
	}
	for _, l := range w.Lights {
		name := v.t("plan.orgrow")
		if l.Key != "organisation" {
			name = report.Escape(l.Name.In(v.Lang))
		}
		line("- %s: %s %s → %s", v.t("plan.light"), name, v.light(l.Old), v.light(l.New))
	}
	if w.FirstSteps {
		line("- %s", v.t("pf.whatif.firststeps"))
	}
	line("")
}

// Table is the portfolio for the terminal: one line per client, most
// urgent first, then the unreadable files with their errors.
func Table(v View) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n%s %s\n\n", v.t("pf.title"), v.t("pf.today"), v.Today)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", v.t("pf.client"), v.t("pf.check"), v.t("plan.light"), v.t("pf.crit.short"), v.t("pf.high.short"), v.t("pf.overdue"), v.t("pf.soon"), v.t("pf.review"))
	if v.WhatIf != "" {
		fmt.Fprintf(tw, "\t%s", v.t("pf.whatif.short"))
	}
	fmt.Fprintln(tw)
	for _, c := range v.Clients {
		if c.Err != nil {
			continue
		}
		rev := c.ReviewBy.String()
		if c.ReviewDue {
			rev += " ⚠"
		}
		check := c.Date.String() + " " + v.t("pf.check.full.short")
		if c.Quick {
			check = c.Date.String() + " " + v.t("pf.check.quick.short")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s", safe.Line(v.Label(c)), check, v.light(c.Light), c.Critical, c.High, len(c.Overdue), len(c.DueSoon), rev)
		if c.WhatIf != nil {
			what := "–"
			if !c.WhatIf.Empty() {
				what = v.counts(c.WhatIf)
			}
			fmt.Fprintf(tw, "\t%s", what)
		}
		fmt.Fprintln(tw)
	}
	_ = tw.Flush()
	if len(v.Clients) == 0 {
		b.WriteString(v.t("pf.empty") + "\n")
	}
	overdue, review, unreadable, affected := v.totals()
	clients := v.t("pf.clients")
	if len(v.Clients) == 1 {
		clients = v.t("pf.client.one")
	}
	fmt.Fprintf(&b, "\n%d %s · %s: %d · %s: %d", len(v.Clients), clients, v.t("pf.overdue.clients"), overdue, v.t("pf.review.clients"), review)
	if v.WhatIf != "" {
		fmt.Fprintf(&b, " · %s", fmt.Sprintf(v.t("pf.affected"), affected, len(v.Clients)-unreadable))
	}
	b.WriteString("\n")
	if v.WhatIf != "" {
		b.WriteString(v.WhatIfHeader() + "\n")
	}
	var changed []string
	for _, c := range v.Clients {
		if c.Err == nil && c.SincePlan != nil && !c.SincePlan.Empty() {
			changed = append(changed, safe.Line(v.name(c)))
		}
	}
	if len(changed) > 0 {
		fmt.Fprintf(&b, "%s: %s\n", v.t("pf.since.table"), strings.Join(changed, ", "))
	}
	if slices.ContainsFunc(v.Clients, func(c *Client) bool { return c.Quick && c.Err == nil }) {
		b.WriteString(v.t("pf.quick.note") + "\n")
	}
	for _, c := range v.Clients {
		if c.Err == nil {
			continue
		}
		fmt.Fprintf(&b, "%s – %s:\n", c.Path, v.t("pf.unreadable.one"))
		for _, l := range strings.Split(msg.Localize(c.Err, string(v.Lang)), "\n") {
			fmt.Fprintf(&b, "  %s\n", safe.Line(l))
		}
	}
	return b.Bytes()
}

// CSV is one row per client for a spreadsheet (RFC 4180, UTF-8 with a
// byte order mark, no cell that runs as a formula).
func CSV(v View) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := report.NewCSVWriter(&b, v.Lang)
	head := []string{v.t("pf.file"), v.t("pf.client"), v.t("plan.date"), v.t("pf.check"), v.t("plan.light"), v.t("prio.critical"), v.t("prio.high"), v.t("pf.overdue"), v.t("pf.soon"), v.t("pf.review"), v.t("pf.review.due"), v.t("pf.error")}
	if v.WhatIf != "" {
		head = append(head, v.t("diff.added"), v.t("pf.whatif.gone"), v.t("diff.priority"))
	}
	_ = w.Write(head)
	for _, c := range v.Clients {
		if c.Err != nil {
			row := report.Cells(c.Path, "", "", "", "", "", "", "", "", "", "", msg.Localize(c.Err, string(v.Lang)))
			if v.WhatIf != "" {
				row = append(row, "", "", "")
			}
			_ = w.Write(row)
			continue
		}
		yes := ""
		if c.ReviewDue {
			yes = v.t("pf.yes")
		}
		row := report.Cells(c.Path, c.Organisation, c.Date.String(), v.check(c), strings.TrimSpace(strings.TrimLeft(v.light(c.Light), "🔴🟡🟢")),
			fmt.Sprint(c.Critical), fmt.Sprint(c.High), fmt.Sprint(len(c.Overdue)), fmt.Sprint(len(c.DueSoon)), c.ReviewBy.String(), yes, "")
		if c.WhatIf != nil {
			row = append(row, fmt.Sprint(len(c.WhatIf.Added)), fmt.Sprint(len(c.WhatIf.Resolved)), fmt.Sprint(len(c.WhatIf.Reprioritised)+len(c.WhatIf.Changed)+len(c.WhatIf.Reopened)))
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// JSON is the portfolio for other programs (konform/portfolio/v1).
func JSON(v View) []byte {
	type item struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Tool     string `json:"tool,omitempty"`
		Priority string `json:"priority"`
		Due      string `json:"due,omitempty"`
		Old      string `json:"old_priority,omitempty"`
		OldTitle string `json:"old_title,omitempty"`
		Agreed   bool   `json:"due_agreed,omitempty"`
		Owner    string `json:"owner,omitempty"`
	}
	items := func(its []Item) []item {
		out := []item{}
		for _, it := range its {
			x := item{ID: it.ID, Title: it.Title.In(v.Lang), Tool: it.Tool.In(v.Lang), Priority: string(it.Priority), Old: string(it.Old), OldTitle: it.OldTitle.In(v.Lang), Agreed: it.Agreed, Owner: it.Owner}
			if !it.Due.IsZero() {
				x.Due = it.Due.String()
			}
			out = append(out, x)
		}
		return out
	}
	type light struct {
		Tool  string `json:"tool"`
		Light string `json:"light"`
	}
	type whatIf struct {
		Added         []item              `json:"added"`
		Resolved      []item              `json:"resolved"`
		Reprioritised []item              `json:"reprioritised"`
		Changed       []item              `json:"changed"`
		Reopened      []item              `json:"reopened"`
		Lights        []map[string]string `json:"lights"`
		FirstSteps    bool                `json:"first_steps_change"`
	}
	type client struct {
		File         string  `json:"file"`
		Error        string  `json:"error,omitempty"`
		Organisation string  `json:"organisation,omitempty"`
		Date         string  `json:"date,omitempty"`
		Check        string  `json:"check,omitempty"`
		Light        string  `json:"light,omitempty"`
		OrgLight     string  `json:"organisation_light,omitempty"`
		Tools        []light `json:"tools,omitempty"`
		Critical     int     `json:"critical"`
		High         int     `json:"high"`
		Overdue      []item  `json:"overdue"`
		DueSoon      []item  `json:"due_soon"`
		ReviewBy     string  `json:"review_by,omitempty"`
		ReviewDue    bool    `json:"review_due"`
		WhatIf       *whatIf `json:"what_if,omitempty"`
		SincePlan    *whatIf `json:"since_plan,omitempty"`
	}
	out := struct {
		Format  string   `json:"format"`
		Today   string   `json:"today"`
		WhatIf  string   `json:"what_if_catalog,omitempty"`
		Clients []client `json:"clients"`
	}{Format: "konform/portfolio/v1", Today: v.Today.String(), WhatIf: v.WhatIf, Clients: []client{}}
	for _, c := range v.Clients {
		if c.Err != nil {
			out.Clients = append(out.Clients, client{File: c.Path, Error: msg.Localize(c.Err, string(v.Lang)), Overdue: []item{}, DueSoon: []item{}})
			continue
		}
		check := "full"
		if c.Quick {
			check = "quick"
		}
		x := client{File: c.Path, Organisation: c.Organisation, Date: c.Date.String(), Check: check, Light: string(c.Light), OrgLight: string(c.OrgLight),
			Critical: c.Critical, High: c.High, Overdue: items(c.Overdue), DueSoon: items(c.DueSoon), ReviewBy: c.ReviewBy.String(), ReviewDue: c.ReviewDue}
		for _, l := range c.Lights {
			x.Tools = append(x.Tools, light{Tool: l.Name.In(v.Lang), Light: string(l.Light)})
		}
		conv := func(w *Change) *whatIf {
			if w == nil {
				return nil
			}
			out := &whatIf{Added: items(w.Added), Resolved: items(w.Resolved), Reprioritised: items(w.Reprioritised), Changed: items(w.Changed), Reopened: items(w.Reopened), Lights: []map[string]string{}, FirstSteps: w.FirstSteps}
			for _, l := range w.Lights {
				name := "organisation"
				if l.Key != "organisation" {
					name = l.Name.In(v.Lang)
				}
				out.Lights = append(out.Lights, map[string]string{"tool": name, "old": string(l.Old), "new": string(l.New)})
			}
			return out
		}
		x.SincePlan = conv(c.SincePlan)
		x.WhatIf = conv(c.WhatIf)
		out.Clients = append(out.Clients, x)
	}
	data, _ := json.MarshalIndent(out, "", "  ")
	return append(data, '\n')
}
