// Package portfolio is a consultancy's view of its clients: a folder of
// answers files, one per client, each assessed – its lights, what is
// overdue, when it is due for review – and, under a changed catalogue,
// what would change for each.
package portfolio

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/report"
)

// SoonDays is how far ahead a due date counts as due soon.
const SoonDays = 30

// Client is one answers file of the folder, assessed and summed up. Only
// the summary is kept, so that a thousand clients stay small.
type Client struct {
	Path string // relative to the folder, with forward slashes
	Err  error  // the file could not be read; the rest is empty

	Organisation string
	Date         catalog.Date
	Quick        bool // a quick check not yet completed
	Lights       []ToolLight
	OrgLight     assess.Light
	Light        assess.Light // the worst of them
	Critical     int          // open critical actions
	High         int          // open high-priority actions
	Overdue      []Item       // due date (agreed, or the plan's) passed, not done
	DueSoon      []Item       // due date within SoonDays
	ReviewBy     catalog.Date
	ReviewDue    bool // ReviewBy is today or past

	// WhatIf is what the changed catalogue changes; nil without one.
	WhatIf *Change
	// SincePlan is what changed since the plan kept next to the answers
	// file (NAME.json, konform plan --format json) was made – by today's
	// catalogue or by the answers; nil where no plan is kept.
	SincePlan *Change
	PlanDate  catalog.Date // the kept plan's assessment date
}

// ToolLight is one tool's light.
type ToolLight struct {
	Name  catalog.Text
	Light assess.Light
}

// Item is one action as the portfolio names it.
type Item struct {
	ID       string
	Title    catalog.Text
	Tool     catalog.Text // empty for the organisation
	Priority catalog.Priority
	Due      catalog.Date
	Old      catalog.Priority // a re-prioritised action's former priority
	OldTitle catalog.Text     // a changed action's former title
	Agreed   bool             // Due was agreed in the answers file, not set by the plan
	Owner    string           // who took the action on, where the answers say
}

// Change is what a changed catalogue changes in one client's plan, in the
// terms of konform diff.
type Change struct {
	Added, Resolved, Reprioritised []Item
	// Changed are actions of the same topic and tool, and priority, that
	// now say something else (another rule leads them).
	Changed []Item
	// Reopened are actions recorded as done (or not applicable) for the
	// measure another rule led before: open again under the changed
	// catalogue, with that measure as OldTitle.
	Reopened   []Item
	Lights     []assess.LightChange
	FirstSteps bool // the first steps are not the same
}

// Empty reports whether nothing changes.
func (c *Change) Empty() bool {
	return len(c.Added)+len(c.Resolved)+len(c.Reprioritised)+len(c.Changed)+len(c.Reopened)+len(c.Lights) == 0 && !c.FirstSteps
}

// Options say against what the clients are assessed.
type Options struct {
	Catalog *catalog.Catalog // the catalogue of today
	WhatIf  *catalog.Catalog // a changed catalogue (an overlay); nil for none
	Today   catalog.Date
}

// Load assesses every answers file under dir (subfolders too; hidden files
// and folders, such as konform's session files, are left out, and so are
// JSON plans), spread over the cores. A file that cannot be read is a
// client with Err, never a stop of the whole view. The clients come sorted
// by urgency (see Sort).
func Load(dir string, o Options) ([]*Client, error) {
	files, err := Files(dir)
	if err != nil {
		return nil, err
	}
	clients := make([]*Client, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				clients[i] = load(dir, files[i], o)
			}
		})
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	clients = slices.DeleteFunc(clients, func(c *Client) bool { return c == nil })
	Sort(clients)
	return clients, nil
}

// Files are the answers files under dir, sorted by path.
func Files(dir string) ([]string, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, msg.Errorf("cannot read %s: %v", dir, fsutil.Reason(err))
	}
	if !fi.IsDir() {
		return nil, msg.Errorf("%s is not a folder; konform portfolio takes a folder of answers files", dir)
	}
	var files []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			files = append(files, path) // reported as unreadable
			return nil
		}
		name := d.Name()
		if path != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".yaml", ".yml", ".json":
			if !d.IsDir() {
				files = append(files, path)
			}
		}
		return nil
	})
	if err != nil {
		return nil, msg.Errorf("cannot read %s: %v", dir, fsutil.Reason(err))
	}
	slices.Sort(files)
	return files, nil
}

// load reads and sums up one client; nil for a JSON plan, which is not a
// client's answers.
func load(dir, path string, o Options) *Client {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		rel = path
	}
	c := &Client{Path: filepath.ToSlash(rel)}
	data, err := answers.ReadFile(path)
	if err != nil {
		c.Err = err
		return c
	}
	if report.IsKonformOutput(data) {
		return nil // a kept plan, or a report of konform's: no client
	}
	f, err := answers.Parse(c.Path, data, o.Catalog)
	if err != nil {
		c.Err = err
		return c
	}
	p := assess.Assess(o.Catalog, f)
	c.sum(p, o.Today)
	// The plan the client was handed, kept as JSON next to the answers.
	kept := strings.TrimSuffix(path, filepath.Ext(path)) + ".json"
	if kept != path {
		if data, err := fsutil.ReadFile(kept, report.MaxJSONPlanSize); err == nil && report.IsJSONPlan(data) {
			if old, err := report.ReadJSON(o.Catalog, kept, data); err == nil {
				c.SincePlan, c.PlanDate = change(old, p), old.Assessment.Date
			}
		}
	}
	if o.WhatIf != nil {
		if g, err := answers.Parse(c.Path, data, o.WhatIf); err != nil {
			c.Err = err
		} else {
			c.WhatIf = whatIf(p, o.WhatIf, g)
		}
	}
	return c
}

// sum keeps what the portfolio shows of plan p.
func (c *Client) sum(p *assess.Plan, today catalog.Date) {
	a := p.Assessment
	c.Organisation, c.Date, c.Quick = a.Organisation, a.Date, a.Quick()
	c.OrgLight, c.Light = p.OrgLight(), p.OrgLight()
	for _, t := range p.Tools {
		c.Lights = append(c.Lights, ToolLight{Name: t.Name, Light: t.Light})
		if worse(t.Light, c.Light) {
			c.Light = t.Light
		}
	}
	soon := today.AddDate(0, 0, SoonDays)
	for _, x := range p.Actions {
		if !x.Open() {
			continue
		}
		switch x.Priority {
		case catalog.Critical:
			c.Critical++
		case catalog.High:
			c.High++
		}
		// The plan's own due dates count as much as agreed ones: a plan
		// that said "immediately" a year ago is a year overdue. Only the
		// recommendations have none.
		if x.Due.IsZero() {
			continue
		}
		switch {
		case x.Due.Before(today.Time):
			c.Overdue = append(c.Overdue, item(x))
		case !x.Due.After(soon):
			c.DueSoon = append(c.DueSoon, item(x))
		}
	}
	c.ReviewBy = a.ReviewBy()
	c.ReviewDue = !c.ReviewBy.After(today.Time)
}

func item(a *assess.Action) Item {
	it := Item{ID: a.ID, Title: a.Title, Priority: a.Priority, Due: a.Due, Agreed: a.DueSet, Owner: a.Owner}
	if a.Tool != nil {
		it.Tool = a.Tool.Name
	}
	return it
}

var severity = map[assess.Light]int{assess.Green: 1, assess.Amber: 2, assess.Red: 3}

func worse(a, b assess.Light) bool { return severity[a] > severity[b] }

// whatIf is what the changed catalogue changes for the client of plan p
// (answers g). A status recorded for an action that another rule leads
// under the changed catalogue was recorded for the former measure: done
// then is not done now – the action opens again, and says so.
func whatIf(p *assess.Plan, cat *catalog.Catalog, g *answers.File) *Change {
	q := assess.Assess(cat, g)
	old := map[string]*assess.Action{}
	for _, a := range p.Actions {
		old[a.ID] = a
	}
	var reopened []Item
	for _, a := range q.Actions {
		o := old[a.ID]
		st, recorded := g.Actions[a.ID]
		if o == nil || !recorded || a.Pending() || len(a.Rules) == 0 || len(o.Rules) == 0 || a.Rules[0] == o.Rules[0] {
			continue
		}
		st.Status = ""
		g.Actions[a.ID] = st
		it := item(a)
		it.OldTitle = o.Title
		reopened = append(reopened, it)
	}
	if len(reopened) > 0 {
		q = assess.Assess(cat, g)
	}
	c := change(p, q)
	c.Reopened = reopened
	return c
}

// change is what the plan under the changed catalogue changes, as konform
// diff words it.
func change(old, cur *assess.Plan) *Change {
	d := assess.Compute(old, cur)
	c := &Change{}
	for _, l := range d.Lights {
		if l.Old != l.New {
			c.Lights = append(c.Lights, l)
		}
	}
	// An action that falls away while its tool is replaced (superseded) is
	// no duty of the client's: its changes do not make a client affected.
	for _, r := range d.Resolved {
		if r.Old.Open() {
			c.Resolved = append(c.Resolved, item(r.Old))
		}
	}
	for _, a := range d.Added {
		if a.Open() {
			c.Added = append(c.Added, item(a))
		}
	}
	for _, p := range d.Priority {
		if !p.Old.Open() && !p.New.Open() {
			continue
		}
		it := item(p.New)
		it.Old = p.Old.Priority
		c.Reprioritised = append(c.Reprioritised, it)
	}
	moved := map[string]bool{}
	for _, p := range d.Priority {
		moved[p.New.ID] = true
	}
	for _, a := range cur.Actions {
		if moved[a.ID] || !a.Open() {
			continue
		}
		for _, o := range old.Actions {
			if o.ID == a.ID && o.Open() && o.Title.In(old.Lang) != a.Title.In(old.Lang) {
				it := item(a)
				it.OldTitle = o.Title
				c.Changed = append(c.Changed, it)
			}
		}
	}
	ids := func(p *assess.Plan) []string {
		var out []string
		for _, a := range p.FirstSteps {
			out = append(out, a.ID)
		}
		return out
	}
	c.FirstSteps = !slices.Equal(ids(old), ids(cur))
	return c
}

// Sort orders the clients by urgency: unreadable files first (they need a
// hand), then overdue actions, open critical actions, a review due, open
// high actions; then by name.
func Sort(cs []*Client) {
	key := func(c *Client) []int {
		due := 0
		if c.ReviewDue {
			due = 1
		}
		bad := 0
		if c.Err != nil {
			bad = 1
		}
		return []int{bad, len(c.Overdue), due, len(c.DueSoon), c.Critical, c.High}
	}
	slices.SortStableFunc(cs, func(a, b *Client) int {
		if c := slices.Compare(key(b), key(a)); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
}
