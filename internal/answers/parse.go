package answers

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/safe"
)

// MaxText is the longest free text (answer or note) accepted.
const MaxText = 10000

// futureVersion is N in konform/answers/vN, or 0.
func futureVersion(f string) int {
	v, ok := strings.CutPrefix(f, "konform/answers/v")
	if !ok || v == "" || strings.Trim(v, "0123456789") != "" {
		return 0
	}
	n, _ := strconv.Atoi(v)
	return n
}

// Parse reads an answers file (YAML or JSON) strictly against the
// catalogue. name is used in error messages. On any problem it returns
// *Errors listing all of them.
func Parse(name string, data []byte, cat *catalog.Catalog) (*File, error) {
	return parse(name, data, cat, false)
}

// ParseSession reads a wizard session: an answers file that may not have
// reached the choice of tools yet.
func ParseSession(name string, data []byte, cat *catalog.Catalog) (*File, error) {
	return parse(name, data, cat, true)
}

// conflicts reports the markers git leaves where a merge of two edits to
// one answers file could not be resolved, one error per conflict, before
// the YAML parser would stumble somewhere inside it.
func conflicts(data []byte, errs *Errors) bool {
	found := false
	start := 0
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		switch {
		case strings.HasPrefix(line, "<<<<<<<"):
			start = i + 1
		case strings.HasPrefix(line, ">>>>>>>") && start > 0:
			errs.add(Pos{start, 1}, "lines %d to %d: an unresolved merge conflict – git left its markers (<<<<<<<, =======, >>>>>>>) here; keep the right lines of both sides and delete the marker lines", start, i+1)
			found, start = true, 0
		}
	}
	if start > 0 {
		errs.add(Pos{start, 1}, "line %d: the start of a merge conflict (<<<<<<<) without its end; resolve it and delete the marker lines", start)
		found = true
	}
	return found
}

func parse(name string, data []byte, cat *catalog.Catalog, session bool) (*File, error) {
	errs := &Errors{File: name}
	if len(data) > MaxSize {
		errs.add(Pos{1, 1}, "%s", (&fsutil.TooLargeError{Size: int64(len(data)), Max: MaxSize}).Error())
		return nil, errs
	}
	if conflicts(data, errs) {
		return nil, errs
	}
	root, derr := catalog.ParseDocument(data, "an answers file")
	switch {
	case derr != nil:
		errs.add(Pos{derr.Line, derr.Col}, "%v", derr.Say)
		return nil, errs
	case root == nil:
		errs.add(Pos{1, 1}, "the file is empty; it needs at least format, assessment and tools")
		return nil, errs
	}
	p := &parser{cat: cat, errs: errs, session: session, f: &File{Lang: catalog.DE, Context: map[string]Value{}, Notes: map[string]string{}}}
	p.root(root)
	if len(errs.List) > 0 {
		errs.sort()
		return nil, errs
	}
	return p.f, nil
}

type parser struct {
	cat     *catalog.Catalog
	errs    *Errors
	f       *File
	session bool // tools may still be missing
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// fields walks a mapping, reporting duplicate and unknown keys, and calls
// f for each known one.
func (p *parser) fields(n *yaml.Node, what any, allowed []string, f func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		if allowed == nil {
			p.errs.add(pos(n), "%s must be a mapping of ids to values, e.g. sector: health", what)
		} else {
			p.errs.add(pos(n), "%s must be a mapping of %s", what, strings.Join(allowed, ", "))
		}
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			p.errs.add(pos(k), "%q appears twice in %s (first at line %d); keep one", k.Value, what, first)
			continue
		}
		seen[k.Value] = k.Line
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			p.errs.add(pos(k), "unknown key %q in %s; allowed: %s", k.Value, what, strings.Join(allowed, ", "))
			continue
		}
		f(k.Value, k, v)
	}
}

func (p *parser) scalar(n *yaml.Node, what any) (string, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		p.errs.add(pos(n), "%s is empty; give a value or leave the line out", what)
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		p.errs.add(pos(n), "%s must be a single value", what)
		return "", false
	}
	// One spelling for one text: "Ärztehaus" typed as A + combining
	// diaeresis (NFD, as some systems store it) is the same name as with Ä.
	return norm.NFC.String(n.Value), true
}

func (p *parser) text(n *yaml.Node, what any) (string, bool) {
	s, ok := p.scalar(n, what)
	if !ok {
		return "", false
	}
	// counted in characters, as the wizard's fields count them
	if l := utf8.RuneCountInString(s); l > MaxText {
		p.errs.add(pos(n), "%s is %d characters long; at most %d are allowed", what, l, MaxText)
		return "", false
	}
	if r, bad := safe.FindControl(s); bad {
		p.errs.add(pos(n), "%s contains a control character (U+%04X); remove it", what, r)
		return "", false
	}
	return s, true
}

var topKeys = []string{"format", "lang", "assessment", "context", "notes", "tools", "actions"}

func (p *parser) root(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.errs.add(pos(n), "an answers file is a mapping with the keys %s", strings.Join(topKeys, ", "))
		return
	}
	// The format decides how to read the rest: check it first.
	var formatNode, toolsNode, assessmentNode *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch n.Content[i].Value {
		case "format":
			formatNode = n.Content[i+1]
		case "tools":
			toolsNode = n.Content[i+1]
		case "assessment":
			assessmentNode = n.Content[i+1]
		}
	}
	if formatNode == nil {
		p.errs.add(pos(n), "format is missing; the first line should be: format: %s", Format)
		return
	}
	if f, ok := p.scalar(formatNode, "format"); ok && f != Format {
		if futureVersion(f) > 1 {
			p.errs.add(pos(formatNode), "format %s was written by a newer konform; this version reads %s – please update konform", f, Format)
			return
		}
		p.errs.add(pos(formatNode), "format must be %s, not %q", Format, f)
		return
	}
	if assessmentNode == nil {
		p.errs.add(pos(n), "assessment is missing; it needs at least organisation and date")
	}
	if toolsNode == nil && !p.session {
		p.errs.add(pos(n), "tools is missing; list at least one tool, e.g. tools: [{tool: whatsapp}]")
	}
	var notesNode, actionsNode *yaml.Node
	p.fields(n, "the answers file", topKeys, func(key string, _, v *yaml.Node) {
		switch key {
		case "lang":
			if s, ok := p.scalar(v, "lang"); ok {
				if l, err := catalog.ParseLang(s); err != nil {
					p.errs.add(pos(v), "lang must be de or en, not %q", s)
				} else {
					p.f.Lang = l
				}
			}
		case "assessment":
			p.assessment(v)
		case "context":
			p.answers(v, "context", catalog.ScopeContext, p.f.Context)
		case "notes":
			notesNode = v
		case "tools":
			p.tools(v)
		case "actions":
			actionsNode = v
		}
	})
	if notesNode != nil {
		p.notes(notesNode, "notes", catalog.ScopeContext, p.f.Notes)
	}
	if actionsNode != nil {
		p.actions(actionsNode)
	}
}

// actions reads the organisation's record of its plan's actions: action id
// → status, owner, due, reason. The tools are read first: an action id
// names a topic and a tool of this file, or the organisation.
func (p *parser) actions(n *yaml.Node) {
	keys := []string{"organisation"}
	for _, t := range p.f.Tools {
		keys = append(keys, t.Key())
	}
	p.fields(n, "actions", nil, func(id string, k, v *yaml.Node) {
		topic, key, ok := strings.Cut(id, "/")
		switch {
		case !ok:
			p.errs.add(pos(k), "action %q: an action id is topic/tool, as the plan shows it (e.g. stop-use/whatsapp)", id)
			return
		case p.cat.Topic(topic) == nil:
			ids := make([]string, len(p.cat.Topics))
			for i, t := range p.cat.Topics {
				ids[i] = t.ID
			}
			if s := Suggest(topic, ids); s != "" {
				p.errs.add(pos(k), "action %q: %q is not a topic; did you mean %s?", id, topic, s)
			} else {
				p.errs.add(pos(k), "action %q: %q is not a topic", id, topic)
			}
			return
		case !slices.Contains(keys, key):
			p.errs.add(pos(k), "action %q: %q is not a tool of this file; use one of %s", id, key, strings.Join(keys, ", "))
			return
		}
		st := ActionState{Pos: pos(k)}
		p.fields(v, msg.Errorf("action %q", id), []string{"status", "owner", "due", "reason"}, func(field string, _, fv *yaml.Node) {
			switch field {
			case "status":
				if s, ok := p.scalar(fv, "status"); ok {
					if !slices.Contains(Statuses, s) {
						p.errs.add(pos(fv), "status must be one of %s, not %q", strings.Join(Statuses, ", "), s)
						return
					}
					st.Status = s
				}
			case "owner":
				if s, ok := p.text(fv, "owner"); ok {
					st.Owner = s
				}
			case "due":
				if s, ok := p.scalar(fv, "due"); ok {
					d, err := catalog.ParseDate(s)
					if err != nil {
						p.errs.add(pos(fv), "due %q is not a date; write it as YYYY-MM-DD", s)
						return
					}
					if d.Year() < MinYear || d.Year() > MaxYear {
						p.errs.add(pos(fv), "due %s is not a due date; konform takes dates from %d to %d", s, MinYear, MaxYear)
						return
					}
					st.Due = d
				}
			case "reason":
				if s, ok := p.text(fv, "reason"); ok {
					st.Reason = s
				}
			}
		})
		if st.Status == StatusNotApplicable && strings.TrimSpace(st.Reason) == "" && v.Kind == yaml.MappingNode {
			p.errs.add(pos(k), "action %q is not_applicable but has no reason; say why it does not apply (reason: ...)", id)
		}
		if p.f.Actions == nil {
			p.f.Actions = map[string]ActionState{}
		}
		p.f.Actions[id] = st
	})
}

func (p *parser) assessment(n *yaml.Node) {
	a := &p.f.Assessment
	var sawOrg, sawDate bool
	var reviewNode *yaml.Node
	p.fields(n, "assessment", []string{"organisation", "assessor", "date", "participants", "check", "review"}, func(key string, _, v *yaml.Node) {
		switch key {
		case "organisation":
			sawOrg = true
			if s, ok := p.text(v, "organisation"); ok {
				if strings.TrimSpace(s) == "" {
					p.errs.add(pos(v), "organisation is empty; name the organisation assessed")
				}
				a.Organisation = s
			}
		case "assessor":
			if s, ok := p.text(v, "assessor"); ok {
				a.Assessor = s
			}
		case "date":
			sawDate = true
			// Due dates lie up to a year after it, and every plan must be
			// readable again (dates have four digits).
			a.Date = p.date(v, "date", "date %q is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22",
				"date %s is not the date of an assessment; konform takes dates from %d to %d")
		case "review":
			reviewNode = v
			a.Review = p.date(v, "review", "review %q is not a date; write the day the assessment is to be reviewed as YYYY-MM-DD, e.g. 2027-11-22",
				"review %s is not a date konform takes; it takes dates from %d to %d")
		case "check":
			if s, ok := p.scalar(v, "check"); ok {
				switch s {
				case CheckQuick:
					a.Check = CheckQuick
				case CheckFull:
				default:
					p.errs.add(pos(v), "check %q is not a kind of assessment; write %s or %s", s, CheckQuick, CheckFull)
				}
			}
		case "participants":
			if v.Kind != yaml.SequenceNode {
				p.errs.add(pos(v), "participants must be a list, e.g. [\"Anna Beispiel\", \"Ben Muster\"]")
				return
			}
			for _, c := range v.Content {
				if s, ok := p.text(c, "a participant"); ok {
					a.Participants = append(a.Participants, s)
				}
			}
		}
	})
	if n.Kind == yaml.MappingNode {
		if !sawOrg {
			p.errs.add(pos(n), "assessment.organisation is missing")
		}
		if !sawDate {
			p.errs.add(pos(n), "assessment.date is missing; write it as YYYY-MM-DD")
		}
	}
	if reviewNode != nil && !a.Review.IsZero() && !a.Date.IsZero() && a.Review.Before(a.Date.Time) {
		p.errs.add(pos(reviewNode), "review %s lies before the assessment of %s; write the day the assessment is to be reviewed, after it", a.Review, a.Date)
	}
}

// date reads a date of the assessment, with the messages for one that is
// not a date (notDate: %q) and one out of range (outOfRange: %s, %d, %d).
func (p *parser) date(v *yaml.Node, what, notDate, outOfRange string) catalog.Date {
	s, ok := p.scalar(v, what)
	if !ok {
		return catalog.Date{}
	}
	d, err := catalog.ParseDate(s)
	switch {
	case err != nil:
		p.errs.add(pos(v), notDate, s)
	case d.Year() < MinYear || d.Year() > MaxYear:
		p.errs.add(pos(v), outOfRange, s, MinYear, MaxYear)
	}
	return d
}

// answers reads question id → value for one scope.
func (p *parser) answers(n *yaml.Node, what string, scope catalog.Scope, into map[string]Value) {
	p.fields(n, what, nil, func(id string, k, v *yaml.Node) {
		q := p.question(k, id, scope)
		if q == nil {
			return
		}
		if val, ok := p.value(q, v); ok {
			into[id] = val
		}
	})
}

func (p *parser) notes(n *yaml.Node, what string, scope catalog.Scope, into map[string]string) {
	p.fields(n, what, nil, func(id string, k, v *yaml.Node) {
		if p.question(k, id, scope) == nil {
			return
		}
		if s, ok := p.text(v, "a note"); ok {
			into[id] = s
		}
	})
}

// question looks up a question id and checks it belongs in this scope.
func (p *parser) question(k *yaml.Node, id string, scope catalog.Scope) *catalog.Question {
	q := p.cat.Question(id)
	if q == nil {
		if s := Suggest(id, questionIDs(p.cat, scope)); s != "" {
			p.errs.add(pos(k), "unknown question %q; did you mean %q? (see `konform questions`)", id, s)
		} else {
			p.errs.add(pos(k), "unknown question %q (see `konform questions`)", id)
		}
		return nil
	}
	if q.Scope != scope {
		if scope == catalog.ScopeContext {
			p.errs.add(pos(k), "%q is asked per tool; put it under the tool's answers", id)
		} else {
			p.errs.add(pos(k), "%q is asked once for the organisation; put it under context", id)
		}
		return nil
	}
	return q
}

func questionIDs(cat *catalog.Catalog, scope catalog.Scope) []string {
	var ids []string
	for _, q := range cat.QuestionsIn(scope) {
		ids = append(ids, q.ID)
	}
	return ids
}

// value checks an answer against the question's type and options.
func (p *parser) value(q *catalog.Question, v *yaml.Node) (Value, bool) {
	val := Value{Pos: pos(v)}
	allowed := strings.Join(q.OptionIDs(), ", ")
	switch q.Type {
	case catalog.FreeText:
		s, ok := p.text(v, msg.Errorf("the answer to %q", q.ID))
		val.Items = []string{s}
		return val, ok
	case catalog.MultiChoice:
		if v.Kind != yaml.SequenceNode {
			p.errs.add(pos(v), "%q takes a list of options, e.g. [%s]; allowed: %s", q.ID, q.Options[0].ID, allowed)
			return val, false
		}
		if len(v.Content) > len(q.Options) {
			// Each option at most once: a longer list is wrong as a whole.
			p.errs.add(pos(v), "%q has %d entries, but only %d options, each to be chosen at most once; allowed: %s", q.ID, len(v.Content), len(q.Options), allowed)
			return val, false
		}
		ok := true
		for _, c := range v.Content {
			s, good := p.scalar(c, msg.Errorf("each answer to %q", q.ID))
			switch {
			case !good:
				ok = false
			case slices.Contains(val.Items, s):
				p.errs.add(pos(c), "%q is chosen twice for %q", s, q.ID)
				ok = false
			case !slices.Contains(q.OptionIDs(), s):
				p.errs.add(pos(c), "%q is not an option of %q; allowed: %s", s, q.ID, allowed)
				ok = false
			default:
				val.Items = append(val.Items, s)
			}
		}
		if ok && len(val.Items) == 0 {
			p.errs.add(pos(v), "%q has an empty list; choose at least one option or leave the question out", q.ID)
			ok = false
		}
		return val, ok
	default:
		s, ok := p.scalar(v, msg.Errorf("the answer to %q", q.ID))
		if !ok {
			return val, false
		}
		if !slices.Contains(q.OptionIDs(), s) {
			p.errs.add(pos(v), "%q must be one of %s, not %q", q.ID, allowed, s)
			return val, false
		}
		val.Items = []string{s}
		return val, true
	}
}

var toolKeys = []string{"tool", "name", "kind", "facts", "answers", "notes"}

func (p *parser) tools(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.errs.add(pos(n), "tools must be a list, e.g. tools: [{tool: whatsapp}]")
		return
	}
	if len(n.Content) == 0 && !p.session {
		p.errs.add(pos(n), "tools is empty; list at least one tool (see `konform tools`)")
	}
	if len(n.Content) > MaxTools {
		p.errs.add(pos(n.Content[MaxTools]), "too many tools: an answers file lists at most %d; split the assessment into several files", MaxTools)
		return
	}
	seen := map[string]int{}
	for _, tn := range n.Content {
		t := &Tool{Pos: pos(tn), Answers: map[string]Value{}, Notes: map[string]string{}}
		var kindNode, factsNode, answersNode, notesNode *yaml.Node
		var toolNode *yaml.Node
		nameBad := false // a name that was reported already
		p.fields(tn, "a tool entry", toolKeys, func(key string, _, v *yaml.Node) {
			switch key {
			case "tool":
				toolNode = v
				t.ID, _ = p.scalar(v, "tool")
			case "name":
				var ok bool
				t.Name, ok = p.text(v, "name")
				nameBad = !ok
			case "kind":
				kindNode = v
			case "facts":
				factsNode = v
			case "answers":
				answersNode = v
			case "notes":
				notesNode = v
			}
		})
		if tn.Kind != yaml.MappingNode {
			continue
		}
		if toolNode == nil {
			p.errs.add(pos(tn), "a tool entry needs tool: <id> (see `konform tools`)")
			continue
		}
		ct := p.cat.Tool(t.ID)
		if ct == nil {
			var ids []string
			for _, c := range p.cat.Tools {
				ids = append(ids, c.ID)
			}
			if s := Suggest(t.ID, ids); s != "" {
				p.errs.add(pos(toolNode), "unknown tool %q; did you mean %q? (see `konform tools`)", t.ID, s)
			} else {
				p.errs.add(pos(toolNode), "unknown tool %q (see `konform tools`)", t.ID)
			}
			continue
		}
		t.Kind = ct.Kind
		if ct.Custom {
			p.custom(t, tn, kindNode, factsNode, nameBad)
		} else {
			for _, extra := range []struct {
				key  string
				node *yaml.Node
			}{{"kind", kindNode}, {"facts", factsNode}} {
				if extra.node != nil {
					p.errs.add(pos(extra.node), "%s is only for tool: %s; the catalogue knows %s's facts", extra.key, customID(p.cat), t.ID)
				}
			}
			if t.Name != "" {
				p.errs.add(pos(tn), "name is only for tool: %s", customID(p.cat))
				t.Name = ""
			}
		}
		if first, dup := seen[t.Key()]; dup {
			p.errs.add(pos(toolNode), "tool %q is listed twice (first at line %d); assess each tool once", t.Key(), first)
			continue
		}
		seen[t.Key()] = t.Pos.Line
		if answersNode != nil {
			p.answers(answersNode, "answers", catalog.ScopeTool, t.Answers)
		}
		if notesNode != nil {
			p.notes(notesNode, "notes", catalog.ScopeTool, t.Notes)
		}
		p.f.Tools = append(p.f.Tools, t)
	}
}

func customID(cat *catalog.Catalog) string {
	for _, t := range cat.Tools {
		if t.Custom {
			return t.ID
		}
	}
	return "other"
}

// custom reads the name, kind and facts the user gives for "other tool".
func (p *parser) custom(t *Tool, tn, kindNode, factsNode *yaml.Node, nameBad bool) {
	if strings.TrimSpace(t.Name) == "" && !nameBad {
		p.errs.add(pos(tn), "tool: %s needs name: <the tool's name>", t.ID)
	}
	if kindNode == nil {
		p.errs.add(pos(tn), "tool: %s needs kind: (one of %s)", t.ID, catalog.KindList())
	} else if s, ok := p.scalar(kindNode, "kind"); ok {
		if k := catalog.Kind(s); k.Valid() {
			t.Kind = k
		} else {
			p.errs.add(pos(kindNode), "kind must be one of %s, not %q", catalog.KindList(), s)
		}
	}
	t.Facts = map[string]Value{}
	if factsNode == nil {
		return
	}
	p.fields(factsNode, "facts", nil, func(id string, k, v *yaml.Node) {
		d := p.cat.FactDef(id)
		if d == nil {
			var ids []string
			for _, f := range p.cat.FactDefs {
				ids = append(ids, f.ID)
			}
			p.errs.add(pos(k), "unknown fact %q; facts are: %s", id, strings.Join(ids, ", "))
			return
		}
		var vals []string
		for _, o := range d.Values {
			vals = append(vals, o.ID)
		}
		val := Value{Pos: pos(v)}
		nodes := []*yaml.Node{v}
		if d.List {
			if v.Kind != yaml.SequenceNode {
				p.errs.add(pos(v), "fact %q takes a list, e.g. [%s]", id, vals[0])
				return
			}
			nodes = v.Content
		}
		for _, c := range nodes {
			s, ok := p.scalar(c, msg.Errorf("fact %q", id))
			if !ok {
				return
			}
			if !slices.Contains(vals, s) {
				p.errs.add(pos(c), "fact %q must be one of %s, not %q", id, strings.Join(vals, ", "), s)
				return
			}
			val.Items = append(val.Items, s)
		}
		t.Facts[id] = val
	})
}

// Suggest returns the candidate closest to s, if it is close enough (for
// "did you mean" in error messages), or "".
func Suggest(s string, candidates []string) string {
	if len(s) > 100 { // no id is that long: nothing is close
		return ""
	}
	best, bestD := "", len(s)/2+1
	for _, c := range candidates {
		if d := distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
