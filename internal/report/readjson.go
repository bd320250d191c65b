package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/safe"
)

// MaxJSONPlanSize is the largest JSON plan konform reads back: a plan of
// an answers file of 1 MiB with the most tools is smaller.
const MaxJSONPlanSize = 32 << 20

var bom = []byte("\xef\xbb\xbf")

// IsJSONPlan reports whether data looks like a konform/plan/v1 file.
func IsJSONPlan(data []byte) bool {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, bom))
	if !bytes.HasPrefix(data, []byte("{")) {
		return false
	}
	var head struct{ Format string }
	return json.Unmarshal(data, &head) == nil && head.Format == JSONFormat
}

// IsKonformOutput reports whether data is JSON konform wrote that is not an
// answers file: a plan, a portfolio, a comparison, a difference
// ("format": "konform/…/v1" other than konform/answers/v1).
func IsKonformOutput(data []byte) bool {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, bom))
	if !bytes.HasPrefix(data, []byte("{")) {
		return false
	}
	var head struct{ Format string }
	if json.Unmarshal(data, &head) != nil {
		return false
	}
	return strings.HasPrefix(head.Format, "konform/") && !strings.HasPrefix(head.Format, "konform/answers/")
}

// ReadJSON reads a plan written with --format json back, as far as a
// progress report needs it: the assessment, the tools with their traffic
// lights, and the actions with their priority, status, owner and dates. A
// JSON plan holds no answers, so a report between two JSON plans lists no
// changed answers. Texts come in the plan's one language.
//
// A JSON plan may have been edited by hand or made by anyone: every field
// is checked against what konform writes, and every problem is reported
// with the field's path (tools[2].light).
func ReadJSON(cat *catalog.Catalog, name string, data []byte) (*assess.Plan, error) {
	data = bytes.TrimPrefix(data, bom)
	var in jsonPlan
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("%s: not a konform JSON plan: %s", name, jsonError(data, err))
	}
	if in.Format != JSONFormat {
		return nil, fmt.Errorf("%s: format must be %s, not %q", name, JSONFormat, catalog.Clip(in.Format))
	}
	v := &planCheck{name: name}
	if in.Lang != catalog.DE && in.Lang != catalog.EN {
		v.fail("lang", "must be de or en, not %q", in.Lang)
	}
	date := v.date("date", in.Date)
	both := func(s string) catalog.Text { s = safe.Text(s); return catalog.Text{DE: s, EN: s} }
	p := &assess.Plan{Catalog: cat, Lang: in.Lang, OrgCounts: v.counts("organisation_wide.counts", in.Overall.Counts),
		Assessment: answers.Assessment{Organisation: safe.Text(in.Organisation), Assessor: safe.Text(in.Assessor), Date: date}}
	for _, s := range in.Participants {
		p.Assessment.Participants = append(p.Assessment.Participants, safe.Text(s))
	}
	switch in.Check {
	case answers.CheckQuick:
		p.Assessment.Check = answers.CheckQuick
	case answers.CheckFull, "": // plans written before the quick check have none
	default:
		v.fail("check", "must be %s or %s, not %q", answers.CheckQuick, answers.CheckFull, catalog.Clip(in.Check))
	}
	v.light("organisation_wide.light", in.Overall.Light)
	tools := map[string]*assess.Tool{}
	for i, jt := range in.Tools {
		at := fmt.Sprintf("tools[%d]", i)
		if !validKey(jt.Key) {
			v.fail(at+".key", "%q is not a tool key as konform writes them", jt.Key)
		} else if tools[jt.Key] != nil {
			v.fail(at+".key", "%q appears twice", jt.Key)
		}
		if !jt.Kind.Valid() {
			v.fail(at+".kind", "must be one of %s, not %q", catalog.KindList(), jt.Kind)
		}
		v.light(at+".light", jt.Light)
		t := &assess.Tool{Key: jt.Key, Catalog: cat.Tool(jt.Tool), Name: both(jt.Name), Kind: jt.Kind, Light: jt.Light,
			Counts: v.counts(at+".counts", jt.Counts)}
		tools[jt.Key] = t
		p.Tools = append(p.Tools, t)
	}
	for i, ja := range in.Actions {
		at := fmt.Sprintf("actions[%d]", i)
		topic := cat.Topic(ja.Topic)
		if topic == nil {
			v.fail(at+".topic", "unknown topic %q", ja.Topic)
			continue
		}
		a := &assess.Action{ID: ja.ID, Topic: topic, Priority: catalog.Priority(ja.Priority), Title: both(ja.Title), Why: both(ja.Why),
			Status: ja.Status, DueSet: ja.DueSet}
		if !slices.Contains(catalog.Priorities, a.Priority) {
			v.fail(at+".priority", "must be one of critical, high, medium, low, not %q", ja.Priority)
		}
		if a.Status == "" {
			a.Status = answers.StatusOpen
		}
		if !slices.Contains(answers.Statuses, a.Status) {
			v.fail(at+".status", "must be one of %s, not %q", strings.Join(answers.Statuses, ", "), ja.Status)
		}
		key := "organisation"
		if ja.Tool != nil {
			key = *ja.Tool
			if a.Tool = tools[key]; a.Tool == nil {
				v.fail(at+".tool", "%q is not among the plan's tools", key)
			}
		}
		if ja.ID != ja.Topic+"/"+key {
			v.fail(at+".id", "must be %s/%s (topic/tool), not %q", ja.Topic, key, ja.ID)
		}
		if ja.Owner != nil {
			a.Owner = safe.Text(*ja.Owner)
		}
		if ja.Reason != nil {
			a.Reason = safe.Text(*ja.Reason)
		}
		if ja.Due != nil {
			a.Due = v.date(at+".due", *ja.Due)
		}
		p.Actions = append(p.Actions, a)
	}
	for _, id := range in.FirstSteps {
		for _, a := range p.Actions {
			if a.ID == id {
				p.FirstSteps = append(p.FirstSteps, a)
			}
		}
	}
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	return p, nil
}

// planCheck collects what is wrong in a JSON plan.
type planCheck struct {
	name string
	errs []error
}

func (v *planCheck) fail(field, format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = catalog.Clip(s)
		}
	}
	v.errs = append(v.errs, fmt.Errorf("%s: %s %s", v.name, field, fmt.Sprintf(format, args...)))
}

func (v *planCheck) date(field, s string) catalog.Date {
	d, err := catalog.ParseDate(s)
	if err != nil {
		v.fail(field, "%v", err)
	}
	return d
}

func (v *planCheck) light(field string, l assess.Light) {
	if l != assess.Red && l != assess.Amber && l != assess.Green {
		v.fail(field, "must be red, amber or green, not %q", l)
	}
}

func (v *planCheck) counts(field string, in map[string]int) map[catalog.Priority]int {
	out := map[catalog.Priority]int{}
	for pr, n := range in {
		switch {
		case !slices.Contains(catalog.Priorities, catalog.Priority(pr)):
			v.fail(field, "has %q, which is not a priority", pr)
		case n < 0:
			v.fail(field+"."+pr, "must not be negative")
		default:
			out[catalog.Priority(pr)] = n
		}
	}
	return out
}

// validKey reports whether s is a tool key as konform writes them: a
// catalogue id, for a custom tool followed by a dash and a slug.
func validKey(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	for _, r := range s {
		switch {
		case r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		default:
			return false
		}
	}
	return true
}

// jsonError says where in data a JSON error is, as line and column.
func jsonError(data []byte, err error) string {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
		err = fmt.Errorf("%s has the wrong kind of value (%s)", te.Field, te.Value)
	}
	if off < 0 || off > int64(len(data)) {
		return err.Error()
	}
	line := bytes.Count(data[:off], []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	return fmt.Sprintf("line %d, column %d: %v", line, col, err)
}
