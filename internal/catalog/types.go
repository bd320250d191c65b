// Package catalog owns konform's knowledge as data: the questions, the
// tools with their dated facts, the rules that turn answers into actions,
// and the legal references and sources they cite. It loads the YAML files
// from an fs.FS and refuses a catalogue that is not consistent.
package catalog

import (
	"slices"
	"strings"
	"time"

	"github.com/konform/konform/internal/msg"
)

// Lang is an interface and content language.
type Lang string

// The languages every text of the catalogue exists in.
const (
	DE Lang = "de"
	EN Lang = "en"
)

// Langs lists the supported languages in a stable order.
var Langs = []Lang{DE, EN}

// ParseLang accepts "de" or "en".
func ParseLang(s string) (Lang, error) {
	switch Lang(s) {
	case DE, EN:
		return Lang(s), nil
	}
	return "", msg.Errorf("%q is not a language; use de or en", s)
}

// Text is a sentence or label in both languages.
type Text struct {
	DE string `yaml:"de" json:"de"`
	EN string `yaml:"en" json:"en"`
}

// In returns the text in the given language.
func (t Text) In(l Lang) string {
	if l == EN {
		return t.EN
	}
	return t.DE
}

// Scope says where a question is asked or a rule is evaluated: once for the
// organisation ("context") or once per tool.
type Scope string

// The scopes.
const (
	ScopeContext      Scope = "context"
	ScopeTool         Scope = "tool"
	ScopeOrganisation Scope = "organisation" // rules evaluated once per assessment
)

// Kind is what a tool is for.
type Kind string

// The tool kinds.
const (
	KindMessenger Kind = "messenger"
	KindVideo     Kind = "video"
	KindNotetaker Kind = "notetaker" // an AI bot that joins meetings and takes notes
)

// Kinds are the tool kinds in the order lists show them.
var Kinds = []Kind{KindMessenger, KindVideo, KindNotetaker}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// KindList is "messenger, video, notetaker", for error messages.
func KindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// QType is the kind of answer a question takes.
type QType string

// The question types.
const (
	SingleChoice QType = "single" // one option
	MultiChoice  QType = "multi"  // any number of options
	YesNo        QType = "yesno"  // yes, no or unknown
	FreeText     QType = "text"   // free text
)

// Priority orders actions; its due period follows from it.
type Priority string

// The priorities, most urgent first.
const (
	Critical Priority = "critical"
	High     Priority = "high"
	Medium   Priority = "medium"
	Low      Priority = "low"
)

// Priorities lists the priorities, most urgent first.
var Priorities = []Priority{Critical, High, Medium, Low}

// Rank is 0 for critical up to 3 for low.
func (p Priority) Rank() int {
	for i, q := range Priorities {
		if p == q {
			return i
		}
	}
	return len(Priorities)
}

// DueDays is the number of days from the assessment date to the due date,
// or -1 for "recommended" (no date).
func (p Priority) DueDays() int {
	switch p {
	case Critical:
		return 0
	case High:
		return 30
	case Medium:
		return 90
	}
	return -1
}

// Unknown is the option id every factual question offers; Yes and No are
// the other answers of a yes/no question.
const (
	Unknown = "unknown"
	Yes     = "yes"
	No      = "no"
)

// Area is a checklist area: a section of the questionnaire.
type Area struct {
	ID    string `yaml:"id"`
	Scope Scope  `yaml:"scope"`
	Title Text   `yaml:"title"`
	Intro Text   `yaml:"intro"`
	// AfterTools: the area's questions on the organisation are asked at
	// the end of the check, after the tools (the details for the drafts).
	AfterTools bool `yaml:"after_tools,omitempty"`
}

// Topic is one of the fixed action topics.
type Topic struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
	// Group orders the first steps of a plan: stop (stop or replace the
	// tool), data (protect data already at risk), legal (what the law
	// requires), hygiene (good practice).
	Group string `yaml:"group"`
	// IfKept marks actions that only matter while the tool is kept: when
	// the plan says to replace the tool, they are listed under that action
	// instead of standing on their own.
	IfKept bool `yaml:"if_kept,omitempty"`
	// Replaces marks the topics that, at critical priority, make the plan
	// replace a tool: "all" (stop using it) or "clients" (replace it for
	// the people outside).
	Replaces string `yaml:"replaces,omitempty"`
	// Outward marks topics that concern the people outside (notice,
	// consent, imprint): when a tool is replaced only for them and stays
	// for internal uses, only these actions go with it.
	Outward bool `yaml:"outward,omitempty"`
}

// TopicGroups are the groups of topics, in the order a plan's first
// steps take them.
var TopicGroups = []string{"stop", "data", "legal", "hygiene"}

// Term is a word of the trade a plan explains once, in its glossary, and
// links from where it is first used.
type Term struct {
	ID      string `yaml:"id"`
	Term    Text   `yaml:"term"`
	Forms   Forms  `yaml:"forms"` // how texts spell it, each a whole word
	Explain Text   `yaml:"explain"`
}

// Forms are a term's spellings in both languages.
type Forms struct {
	DE []string `yaml:"de"`
	EN []string `yaml:"en"`
}

// In returns the spellings in language l.
func (f Forms) In(l Lang) []string {
	if l == EN {
		return f.EN
	}
	return f.DE
}

// LegalRef is a norm an action relies on.
type LegalRef struct {
	ID    string `yaml:"id"`
	Label Text   `yaml:"label"` // "Art. 28 DSGVO" / "Art. 28 GDPR"
	Title Text   `yaml:"title"` // what the norm is about
	// When limits the norm to organisations whose answers meet it (a
	// profession's own law: § 62a StBerG for tax advisers only). An
	// action that cites it names it only there.
	When *Cond `yaml:"when,omitempty"`
}

// Source dates that are not dates: a list the publisher keeps current, and
// a page that carries no date (its statements hold for the day it was read).
const (
	SourceOngoing = "ongoing"
	SourceUndated = "undated"
)

// Source is where a fact or a recommendation comes from.
type Source struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"` // as published (usually German)
	By    string `yaml:"by"`
	// ByEN says By in English where By describes rather than names
	// ("Bundesgesetzgeber"); names stay as they are.
	ByEN string `yaml:"by_en,omitempty"`
	Date string `yaml:"date"` // as precise as known: 2020, 2020-07, 2020-07-03; or SourceOngoing, SourceUndated
	URL  string `yaml:"url,omitempty"`
	// File names a source article in shared/seeds, for whoever maintains
	// the catalogue; users read the title, publisher and date.
	File string `yaml:"file,omitempty"`
	// Read is the day the URL was read, for a source that changes.
	Read string `yaml:"read,omitempty"`
	Note Text   `yaml:"note"`
}

// Publisher is who published the source, in language l.
func (s Source) Publisher(l Lang) string {
	if l == EN && s.ByEN != "" {
		return s.ByEN
	}
	return s.By
}

// Option is one answer to a choice question.
type Option struct {
	ID    string `yaml:"id" json:"id"`
	Label Text   `yaml:"label" json:"label"`
	// Short is an optional short label for narrow tables.
	Short Text `yaml:"short,omitempty" json:"short,omitzero"`
	// Words are texts that rule texts use as placeholders ({clients}),
	// for the organisation that gave this answer (sector only).
	Words map[string]Text `yaml:"words,omitempty" json:"-"`
	// Outward marks a use of a tool with people outside the organisation
	// (customers, patients, clients, members): such a tool faces them, and
	// what they are told and asked follows (used_for only).
	Outward bool `yaml:"outward,omitempty" json:"outward,omitempty"`
	// Basis is the legal basis of processing for this purpose (used_for);
	// BasisSpecial the one under Art. 9 GDPR where special categories of
	// data are part of it. BasisOutward, where set, replaces Basis when
	// the activity also concerns people outside (meetings of a tool also
	// used with clients).
	Basis        Text `yaml:"basis,omitempty" json:"-"`
	BasisSpecial Text `yaml:"basis_special,omitempty" json:"-"`
	BasisOutward Text `yaml:"basis_outward,omitempty" json:"-"`
	// Retention is how long the law keeps what this answer brings: for a
	// use its own duty (orders: business letters), for a sector the files
	// of the profession. File marks a use whose content belongs in the
	// client's file, so that the sector's retention applies.
	Retention Text `yaml:"retention,omitempty" json:"-"`
	File      bool `yaml:"file,omitempty" json:"-"`
	// Alternatives are, for a sector, the tools plans propose by kind in
	// place of each tool's own alternatives.
	Alternatives map[Kind][]string `yaml:"alternatives,omitempty" json:"-"`
}

// WordsQuestion is the question whose answer's Words fill the
// placeholders of rule texts.
const WordsQuestion = "sector"

// Question is one question of the questionnaire.
type Question struct {
	ID      string   `yaml:"id"`
	Area    string   `yaml:"area"`
	Type    QType    `yaml:"type"`
	Title   Text     `yaml:"title"`
	Help    Text     `yaml:"help"`
	Options []Option `yaml:"options,omitempty"`
	// ShowIf hides the question unless it holds.
	ShowIf *Cond `yaml:"show_if,omitempty"`
	// Prefill names a tool fact whose value, where it is one of the
	// options, answers the question until the user answers it.
	Prefill string `yaml:"prefill,omitempty"`
	// ShowsFact names a tool fact whose detail the question shows under
	// its title, for the tool asked about: the question about AI features
	// names the tool's own (Copilot, Meta AI, which cannot be removed).
	ShowsFact string `yaml:"shows_fact,omitempty"`
	// Assume says what the plan assumes while the answer is unknown.
	Assume Text `yaml:"assume,omitempty"`
	// Says are, for a yes/no or single-choice question about the
	// organisation, the words rule texts use as placeholders, for each
	// answer (a yes/no question not asked counts as "no", a choice as
	// "unknown"): a sentence that names the works council where there is
	// one, asks where it is not known and is left out where there is none;
	// the professional law of a tax firm or a law firm.
	Says map[string]map[string]Text `yaml:"says,omitempty"`

	Scope Scope `yaml:"-"`
	Index int   `yaml:"-"` // position in the questionnaire
}

// Option returns the option with the given id.
func (q *Question) Option(id string) (Option, bool) {
	for _, o := range q.Options {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

// OptionIDs lists the ids of the options in order.
func (q *Question) OptionIDs() []string {
	ids := make([]string, len(q.Options))
	for i, o := range q.Options {
		ids[i] = o.ID
	}
	return ids
}

// FactDef declares a fact a tool can carry, and its allowed values.
type FactDef struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
	// Short is the title in a narrow table (konform tools, compare).
	Short Text `yaml:"short,omitempty"`
	// Show says where konform shows the fact: "sheet" (fact sheets in the
	// wizard, the plan and tools show), "compare" (comparisons), "table"
	// (the tools list), "custom" (asked of a tool not in the catalogue),
	// "required" (every catalogue tool states it). Facts.yaml's order is
	// the order everywhere.
	Show   []string `yaml:"show,omitempty"`
	List   bool     `yaml:"list,omitempty"` // several values (certifications)
	Values []Option `yaml:"values"`
	// Kind restricts the fact to tools of one kind.
	Kind Kind `yaml:"kind,omitempty"`
}

// Shows reports whether the fact is shown where (see Show).
func (d *FactDef) Shows(where string) bool { return slices.Contains(d.Show, where) }

// Value returns the declared value with the given id.
func (d *FactDef) Value(id string) (Option, bool) {
	for _, o := range d.Values {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

// Fact is a dated statement about a tool.
type Fact struct {
	Value  string   `yaml:"value,omitempty"`
	Values []string `yaml:"values,omitempty"`
	Detail Text     `yaml:"detail,omitempty"`
	AsOf   Date     `yaml:"as_of"`
	Source []string `yaml:"source"`

	Overlay bool `yaml:"-" json:"-"` // from the user's catalogue file (--catalog)
}

// All returns the fact's values whether it is a list or a single value.
func (f Fact) All() []string {
	if f.Value != "" {
		return []string{f.Value}
	}
	return f.Values
}

// Issue is a dated known problem of a tool.
type Issue struct {
	Text   Text     `yaml:"text"`
	AsOf   Date     `yaml:"as_of"`
	Source []string `yaml:"source"`
}

// Tool is a messenger or video-conferencing service in the catalogue.
type Tool struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
	// PublicName is how a text the client publishes (the privacy notice,
	// the first-contact message) names the tool, where Name carries a
	// distinction only the organisation needs ("WhatsApp (private App)").
	// Empty: Name.
	PublicName Text            `yaml:"public_name,omitempty"`
	Kind       Kind            `yaml:"kind"`
	Vendor     string          `yaml:"vendor"`
	About      Text            `yaml:"about"`
	Facts      map[string]Fact `yaml:"facts"` // by fact id
	Issues     []Issue         `yaml:"issues,omitempty"`
	// BusinessVersion is the id of the tool's business edition, if any.
	BusinessVersion string `yaml:"business_version,omitempty"`
	// Aliases are other names people type for the tool (teams, jitsi).
	Aliases []string `yaml:"aliases,omitempty"`
	// Alternatives are tool ids a consultant would propose instead.
	Alternatives []string `yaml:"alternatives,omitempty"`
	// Chat marks a video tool with a team chat of its own (channels,
	// files) beside its meetings: the team's coordination over it is an
	// activity of its own, not its meetings.
	Chat bool `yaml:"chat,omitempty"`
	// Custom marks the "other tool" entry whose name and facts the user gives.
	Custom bool `yaml:"custom,omitempty"`
	// PrivacyPolicy is the id of the source that is the provider's own
	// privacy notice: the notice links to its URL.
	PrivacyPolicy string `yaml:"privacy_policy,omitempty"`
	// Family groups editions of one product (the WhatsApp apps): a plan's
	// first steps name a topic once per family. Empty: the tool's id.
	Family string `yaml:"family,omitempty"`

	Overlay bool `yaml:"-" json:"-"` // added by the user's catalogue file (--catalog)
}

// Date is a calendar day, written YYYY-MM-DD.
type Date struct{ time.Time }

// DateLayout is how dates are written everywhere in konform.
const DateLayout = "2006-01-02"

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, msg.Errorf("%q is not a date; write YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// UnmarshalText implements encoding.TextUnmarshaler; empty is no date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(DateLayout)
}

// Rule turns a condition on answers and facts into actions.
type Rule struct {
	ID      string           `yaml:"id"`
	Scope   Scope            `yaml:"scope"`
	When    Cond             `yaml:"when"`
	Actions []ActionTemplate `yaml:"actions"`
}

// ActionTemplate is an action a rule emits; "{tool}" in its texts is
// replaced by the tool's name.
type ActionTemplate struct {
	Topic    string   `yaml:"topic"`
	Priority Priority `yaml:"priority"`
	Title    Text     `yaml:"title"`
	Why      Text     `yaml:"why"`
	Legal    []string `yaml:"legal"`
	Sources  []string `yaml:"sources"`
	// People marks a duty that follows the people, not the tool (parents'
	// consent, a release from secrecy): it stays open when the plan
	// replaces the tool, because it binds the successor as well.
	People bool `yaml:"people,omitempty"`
	// Document marks a task of documentation: it is never among a plan's
	// first steps.
	Document bool `yaml:"document,omitempty"`
	// Policy is what the usage policy asks of staff while the action is
	// open: the target setting or rule, not the current state.
	Policy Text `yaml:"policy,omitempty"`
	// Secrets marks an action that makes the tool fit to carry content
	// under professional secrecy or health data (end-to-end encryption
	// for it, the cloud rules of health care, an expert's review of it).
	// BarsSecrets marks an action that keeps such content out of the tool
	// for good (a practice's video tool that is not certified stays, at
	// most, for meetings without patient data). While a tool has an
	// action that bars secrets still to do, its Secrets actions are left
	// out of the plan: they would prepare the tool for what it must not
	// carry.
	Secrets     bool `yaml:"secrets,omitempty"`
	BarsSecrets bool `yaml:"bars_secrets,omitempty"`
	// HoldsAI marks an action that keeps the AI features of the tools it
	// names locked while it is open (until a works agreement covers
	// them): drafts then say they are not in use, not how they are used.
	HoldsAI bool `yaml:"holds_ai,omitempty"`
	// Erasure is a deletion the action sets for good (findings deleted
	// once they are in the record); the record of processing lists it
	// under the erasure periods of the tool's activities for the uses
	// ErasureFor names.
	// Interim is the channel people use meanwhile when the action stops
	// the tool at once (the usage policy names it instead of a gap).
	Interim    Text     `yaml:"interim,omitempty"`
	Erasure    Text     `yaml:"erasure,omitempty"`
	ErasureFor []string `yaml:"erasure_for,omitempty"`
	// Transfer names where data go (a hosting value, usa) while the action
	// is open: a transfer the answers do not show (a server's default
	// STUN service). The record names it until the action is done.
	Transfer string `yaml:"transfer,omitempty"`
	// IfKept marks an action that only matters while the tool is kept,
	// on a topic that otherwise stays when the tool is replaced (handing
	// over a messenger's chats matters while it runs; the plan that
	// replaces it says what to keep before the switch).
	IfKept bool `yaml:"if_kept,omitempty"`
	// Pause marks an action that stops a tool until it is approved (a
	// note-taker taken off the calendar): the points that only matter
	// while the tool is kept are the conditions for its approval.
	Pause bool `yaml:"pause,omitempty"`
}
