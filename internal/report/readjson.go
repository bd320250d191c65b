package report

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
)

// IsJSONPlan reports whether data looks like a konform/plan/v1 file.
func IsJSONPlan(data []byte) bool {
	var head struct{ Format string }
	return bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) && json.Unmarshal(data, &head) == nil && head.Format == JSONFormat
}

// ReadJSON reads a plan written with --format json back, as far as a
// progress report needs it: the assessment, the tools with their traffic
// lights, and the actions with their priority, status, owner and dates. A
// JSON plan holds no answers, so a report between two JSON plans lists no
// changed answers. Texts come in the plan's one language.
func ReadJSON(cat *catalog.Catalog, name string, data []byte) (*assess.Plan, error) {
	var in jsonPlan
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("%s: not a konform JSON plan: %v", name, err)
	}
	if in.Format != JSONFormat {
		return nil, fmt.Errorf("%s: format must be %s, not %q", name, JSONFormat, in.Format)
	}
	date, err := catalog.ParseDate(in.Date)
	if err != nil {
		return nil, fmt.Errorf("%s: date: %v", name, err)
	}
	both := func(s string) catalog.Text { return catalog.Text{DE: s, EN: s} }
	p := &assess.Plan{Catalog: cat, Lang: in.Lang, OrgCounts: map[catalog.Priority]int{},
		Assessment: answers.Assessment{Organisation: in.Organisation, Assessor: in.Assessor, Date: date, Participants: in.Participants}}
	for pr, n := range in.Overall.Counts {
		p.OrgCounts[catalog.Priority(pr)] = n
	}
	tools := map[string]*assess.Tool{}
	for _, jt := range in.Tools {
		t := &assess.Tool{Key: jt.Key, Catalog: cat.Tool(jt.Tool), Name: both(jt.Name), Kind: jt.Kind, Light: jt.Light, Counts: map[catalog.Priority]int{}}
		for pr, n := range jt.Counts {
			t.Counts[catalog.Priority(pr)] = n
		}
		tools[jt.Key] = t
		p.Tools = append(p.Tools, t)
	}
	for _, ja := range in.Actions {
		topic := cat.Topic(ja.Topic)
		if topic == nil {
			return nil, fmt.Errorf("%s: action %s: unknown topic %q", name, ja.ID, ja.Topic)
		}
		a := &assess.Action{ID: ja.ID, Topic: topic, Priority: catalog.Priority(ja.Priority), Title: both(ja.Title), Why: both(ja.Why),
			Status: ja.Status, DueSet: ja.DueSet}
		if a.Status == "" {
			a.Status = answers.StatusOpen
		}
		if ja.Tool != nil {
			if a.Tool = tools[*ja.Tool]; a.Tool == nil {
				return nil, fmt.Errorf("%s: action %s: tool %q is not among the plan's tools", name, ja.ID, *ja.Tool)
			}
		}
		if ja.Owner != nil {
			a.Owner = *ja.Owner
		}
		if ja.Reason != nil {
			a.Reason = *ja.Reason
		}
		if ja.Due != nil {
			if a.Due, err = catalog.ParseDate(*ja.Due); err != nil {
				return nil, fmt.Errorf("%s: action %s: due: %v", name, ja.ID, err)
			}
		}
		p.Actions = append(p.Actions, a)
	}
	return p, nil
}
