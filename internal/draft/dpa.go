package draft

import (
	"strings"

	"github.com/konform/konform/internal/report"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
)

// langOf reads a language code.
func langOf(l string) catalog.Lang {
	if l == string(catalog.EN) {
		return catalog.EN
	}
	return catalog.DE
}

// dpaItem is one point of the checklist: ticked where the answers already
// show it, with the answer that does.
type dpaItem struct {
	Text, Why string
	Done      bool
}

// dpaProvider is the checklist for one tool's agreement.
type dpaProvider struct {
	Tool, Vendor, Host, Signed string
	Facts                      []string
	Items                      []dpaItem
}

// dpaCheck writes, for each tool whose provider offers a processing
// agreement (or whose host or IT service provider needs one), the points
// of Art. 28 GDPR to check in it – with the sector's own (secrecy,
// § 393 SGB V) and the tool's AI – ticking what the answers show.
func (w *writer) dpaCheck() {
	var v struct {
		Providers, Successors []dpaProvider
		None                  []string
	}
	for _, t := range w.p.Tools {
		offered := w.factIs(t, "avv", "offered", "on_request") || has(w.tool(t, "dpa_signed"), "signed")
		host := w.factIs(t, "avv", "not_needed") && (has(w.tool(t, "server_site"), "rented") || has(w.tool(t, "operating_model"), "provider_hosted"))
		if !offered && !host {
			v.None = append(v.None, w.noDPA(t))
			continue
		}
		d := dpaProvider{Tool: w.name(t), Vendor: w.vendor(t)}
		if host {
			d.Host = w.say("host.rented")
			if has(w.tool(t, "operating_model"), "provider_hosted") {
				d.Host = w.say("host.it")
			}
			ref := ""
			if id := w.actionRef(t, "dpa-contract"); id != "" {
				ref = w.say("action", id)
			}
			s := w.say("signed.host", ref)
			d.Signed = w.gapText(s)
			// Who the host is, and that the organisation – not whoever
			// looks after the server for it – holds the contract.
			who := "host.who"
			if has(w.tool(t, "operating_model"), "provider_hosted") {
				who = "host.who.it"
			}
			d.Facts = append([]string{w.say(who, w.gapSay(who+".gap"))}, d.Facts...)
		} else {
			for _, f := range []string{"avv", "dpf", "hosting", "certifications", "ai"} {
				if x := w.factText(t, f); x != "" {
					d.Facts = append(d.Facts, w.say("fact."+f, x))
				} else if f == "avv" {
					d.Facts = append(d.Facts, w.say("fact.avv", w.gap(w.q("dpa_signed"))))
				}
			}
			if t.Lead != nil && t.Lead.Pause && has(w.tool(t, "account"), "private", "mixed") {
				// Suspended, run through private accounts: no agreement
				// of the organisation's is possible there – one comes
				// with a release, on an account of the organisation.
				d.Signed = w.say("signed.paused")
			} else {
				d.Signed = w.signed(t)
			}
		}
		d.Items = w.dpaItems(t, host, false)
		if t.Gone() && !t.Lead.Pause {
			// The plan ends the tool: what is left to check in its
			// agreement is the way out, not the full Art. 28 list.
			d.Facts = append([]string{w.say("exit.note", w.actionTitle(t.Lead))}, d.Facts...)
			d.Items = nil
			for _, id := range []string{"exit.export", "exit.delete", "exit.channels", "exit.file"} {
				d.Items = append(d.Items, dpaItem{Text: w.say(id, w.name(t))})
			}
		}
		v.Providers = append(v.Providers, d)
	}
	var reminders *dpaProvider // a practice's reminders by text message or e-mail
	// A tool the plan replaces for the people outside needs a successor
	// with an agreement: its checklist is ready, nothing ticked – the
	// answers are about the old tool.
	for _, t := range w.p.Tools {
		if t.Lead == nil || t.Lead.Pause { // suspended until approved: no successor
			continue
		}
		d := dpaProvider{Tool: w.say("successor.of", w.name(t)), Vendor: w.gapSay("successor.vendor"), Signed: w.say("signed.successor")}
		{
			var names []string
			for _, a := range t.Alternatives {
				// Only those that sign an agreement (or whose agreement is
				// made with the provider chosen among several, as with the
				// TI-Messenger and the certified video services).
				// Not one that keeps its own purposes: it would need the
				// very caveats the plan replaces the tool for.
				if own, ok := a.Facts["own_purposes"]; ok && own.Value == "reserved" {
					continue
				}
				if f, ok := a.Facts["avv"]; ok && (f.Value == "offered" || f.Value == "on_request" || f.Value == "to_verify") {
					name := report.Escape(a.Name.In(w.l))
					if own, ok := a.Facts["own_purposes"]; ok && own.Value == "to_verify" {
						name += " " + w.say("proposed.own")
					}
					names = append(names, name)
				}
			}
			if len(names) > 0 {
				d.Facts = append(d.Facts, w.say("fact.proposed", strings.Join(names, ", ")))
			}
		}
		for _, it := range w.dpaItems(t, false, true) { // the successor: its own rows, secrets included
			if !strings.HasPrefix(it.Text, w.say("item.ai", w.profession())) {
				it.Done, it.Why = false, ""
				d.Items = append(d.Items, it)
			}
		}
		// A practice's video consultations need a certified service,
		// notified to the association of physicians or dentists.
		if t.Kind == catalog.KindVideo && has(w.ctx("sector"), "health") {
			d.Items = append(d.Items, dpaItem{Text: w.say("item.kbv", strings.Join(w.ctx("practice_type"), ""))})
		}
		// A practice's messages to patients go through the TI-Messenger
		// or the practice software's reminders: the messenger's approval
		// here, the reminders' sending service a contract of its own.
		if t.Kind == catalog.KindMessenger && has(w.ctx("sector"), "health") {
			d.Items = append(d.Items, dpaItem{Text: w.say("item.tim")})
		}
		v.Successors = append(v.Successors, d)
		if t.Kind == catalog.KindMessenger && has(w.ctx("sector"), "health", "counselling") && reminders == nil {
			reminders = &dpaProvider{Tool: w.say("reminders.service"), Vendor: w.gapSay("reminders.vendor"), Signed: w.say("signed.reminders")}
			for _, it := range d.Items {
				if it.Text != w.say("item.tim") {
					reminders.Items = append(reminders.Items, it)
				}
			}
			for _, id := range []string{"item.reminders.consent", "item.reminders.content"} {
				reminders.Items = append(reminders.Items, dpaItem{Text: w.say(id)})
			}
		}
	}
	if reminders != nil {
		v.Successors = append(v.Successors, *reminders)
	}
	w.exec("doc", v)
}

// dpaItems are the points to check in the tool's agreement.
func (w *writer) dpaItems(t *assess.Tool, host, successor bool) []dpaItem {
	checked := has(w.tool(t, "dpa_checked"), "yes")
	prof := w.profession()
	item := func(id string, done bool, why string) dpaItem {
		return dpaItem{Text: w.say("item."+id, prof), Done: done, Why: why}
	}
	byCheck := ""
	if checked {
		byCheck = w.say("done.checked")
	}
	answer := func(q string) string {
		if v := w.tool(t, q); len(v) > 0 {
			return w.say("done.answer", strings.Join(w.labels(q, v), ", "))
		}
		return ""
	}
	items := []dpaItem{
		item("subject", false, ""),
		item("a", false, ""),
		item("warn", false, ""),
		item("b", false, ""),
		item("c", false, ""),
		item("guarantees", false, ""),
		item("d", checked, byCheck),
		item("flowdown", false, ""),
		item("e", false, ""),
		item("f", false, ""),
		item("g", checked, byCheck),
		item("h", false, ""),
		item("location", checked, byCheck),
	}
	if !host {
		tb := w.tool(t, "transfer_basis")
		// The DPF covers certified US recipients only: ticked for it where
		// no other sub-processor is abroad.
		onlyUS := has(w.tool(t, "non_eu_subprocessors"), "no")
		items = append(items, item("transfer", has(tb, "scc", "bcr") || has(tb, "dpf") && onlyUS, answer("transfer_basis")))
		items = append(items, item("own", checked || has(w.tool(t, "own_purposes"), "excluded"), answer("own_purposes")))
	}
	if t.Kind == catalog.KindNotetaker || has(w.tool(t, "ai_features"), "on", "with_rules", catalog.Unknown) {
		items = append(items, item("ai", false, ""))
	}
	if !successor && w.p.SecretsBarred(t) && has(w.ctx("secrecy_203"), "yes", catalog.Unknown) {
		// The plan keeps professional secrets and health data out of the
		// tool: the rows for them do not apply while that holds.
		return append(items, dpaItem{Text: w.say("item.barred", w.name(t)), Done: true, Why: w.say("done.barred")})
	}
	bound := has(w.tool(t, "confidentiality_bound"), "yes")
	switch {
	case has(w.ctx("secrecy_203"), "yes") && has(w.ctx("sector"), "legal_tax"):
		items = append(items, item("secrecy.tax", bound, answer("confidentiality_bound")))
		if !w.factIs(t, "seat", "germany", "eu_eea") {
			items = append(items, item("secrecy.abroad", false, ""))
		}
	case has(w.ctx("secrecy_203"), "yes"):
		items = append(items, item("secrecy", bound, answer("confidentiality_bound")))
	}
	if has(w.ctx("sector"), "health", "counselling") && (has(w.tool(t, "special_categories"), "yes", catalog.Unknown) || has(w.tool(t, "used_for"), "consultations", "appointments", "customer_contact")) {
		items = append(items, item("c5", false, ""))
	}
	return items
}

// noDPA says why a tool has no agreement to check.
func (w *writer) noDPA(t *assess.Tool) string {
	switch {
	case w.factIs(t, "avv", "not_needed") && has(w.tool(t, "server_site"), "own_premises"):
		return w.say("none.own_premises", w.name(t))
	case w.factIs(t, "avv", "not_needed"):
		return w.say("none.selfrun", map[string]string{"Tool": w.name(t), "Gap": w.gap(w.q("server_site"))})
	case w.factIs(t, "avv", "not_offered") || has(w.tool(t, "dpa_signed"), "not_offered"):
		return w.say("none.not_offered", w.name(t))
	}
	return w.say("none.unknown", map[string]string{"Tool": w.name(t), "Gap": w.gap(w.q("dpa_signed"))})
}

func (w *writer) signed(t *assess.Tool) string {
	switch v := w.tool(t, "dpa_signed"); {
	case has(v, "signed"):
		return w.say("signed.yes")
	case has(v, "not_signed"):
		return w.say("signed.no")
	case has(v, "not_offered"):
		return w.say("signed.not_offered")
	}
	return w.gap(w.q("dpa_signed"))
}
