package tui

import (
	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
)

// The messages a screen returns to the root: what the user did. The root
// is the only writer of the answers and the session; it stores what a
// message carries, saves, recomputes the steps and picks the next screen.

// langChosen: the language of the wizard, from the welcome screen.
type langChosen struct{ lang catalog.Lang }

// checkChosen: a new quick or full check (answers.CheckQuick, CheckFull).
type checkChosen struct{ check string }

// resumeChosen: go on with a saved session; complete turns a quick check
// into a full one.
type resumeChosen struct {
	path     string
	complete bool
}

// assessed: the assessment's organisation, assessor, participants and date.
type assessed struct {
	org, assessor string
	participants  []string
	date          catalog.Date
}

// toolsChosen: the tools ticked, on to their questions.
type toolsChosen struct{ ids []string }

// toolsKept: the user goes back from the tool list; its ticks are kept
// for coming forward again.
type toolsKept struct{ ids []string }

// customTool: the name, kind and known facts of a tool not in the catalogue.
type customTool struct {
	tool  string // the tool's key
	name  string
	kind  catalog.Kind
	facts map[string]string // fact id -> value; "" for not known
}

// factsSeen: the fact sheet has been read; on to the next step.
type factsSeen struct{}

// answered: the answer to a question of the organisation (tool "") or a
// tool; no items removes the answer.
type answered struct {
	tool  string
	q     *catalog.Question
	value []string
}

// noted: the note on a question; "" removes it.
type noted struct {
	tool string
	q    *catalog.Question
	note string
}

// back: the user goes back from the screen.
type back struct{}

// openCompare: the tools to compare side by side.
type openCompare struct{ ids []string }

// changeAnswer: from the review, to the step that asks it again.
type changeAnswer struct{ step step }

// completeCheck: from the review, complete the quick check into a full one.
type completeCheck struct{}

// openPreview: the plan as it stands.
type openPreview struct{}

// openActions: the plan's actions, to record their progress.
type openActions struct{}

// openSave: the save screen.
type openSave struct{}

// actionRecorded: the status, owner, due date and reason of an action.
type actionRecorded struct {
	id    string
	state answers.ActionState
}

// save: write the plan to path, with the extra files ("json", "answers",
// "drafts").
type save struct {
	path   string
	extras []string
}

// overwrite: the files that exist may be replaced (replaceAll) or the
// drafts kept (keepDrafts).
type overwrite struct{ mode overwriteMode }

// saveSession: keep the session at path from now on.
type saveSession struct{ path string }

// openCopy: go on in a copy of a session open in another konform.
type openCopy struct{}
