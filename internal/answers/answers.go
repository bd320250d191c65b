// Package answers owns the answers file that users and the wizard share:
// it parses it strictly, reporting every problem with its line and column,
// and writes it back in a stable form.
package answers

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/msg"
)

// Format is the format identifier this version reads and writes.
const Format = "konform/answers/v1"

// MaxSize is the largest answers file konform reads.
const MaxSize = 1 << 20

// The years an assessment may be dated in.
const (
	MinYear = 1990
	MaxYear = 2999
)

// MaxTools is the most tools an answers file may list: far more than any
// organisation assesses at once, few enough that every plan stays small.
const MaxTools = 100

// Pos is a place in the file, 1-based; zero where unknown.
type Pos struct{ Line, Col int }

// Value is an answer: one option id, several (multiple choice), or text.
type Value struct {
	Items []string
	Pos   Pos
}

// Assessment describes who assessed what and when.
type Assessment struct {
	Organisation string
	Assessor     string
	Date         catalog.Date
	Participants []string
	// Check is CheckQuick for a quick check; "" (CheckFull) for the full one.
	Check string
	// Review is when the assessment is to be reviewed (Art. 24(1) GDPR);
	// zero for the default, a year after Date (see ReviewBy).
	Review catalog.Date
}

// ReviewBy is the day the assessment is due for review: the one recorded,
// else a year after it was made.
func (a Assessment) ReviewBy() catalog.Date {
	if !a.Review.IsZero() {
		return a.Review
	}
	return catalog.Date{Time: a.Date.AddDate(1, 0, 0)}
}

// The kinds of assessment: the quick check asks only the questions that can
// bring about or clear a critical action (catalog.Catalog.Quick); the full
// check asks every question that applies.
const (
	CheckQuick = "quick"
	CheckFull  = "full"
)

// Quick reports whether the assessment is a quick check.
func (a Assessment) Quick() bool { return a.Check == CheckQuick }

// Tool is one tool of the assessment with its answers.
type Tool struct {
	ID      string // catalogue id
	Name    string // for the custom tool
	Kind    catalog.Kind
	Facts   map[string]Value // for the custom tool
	Answers map[string]Value
	Notes   map[string]string
	Pos     Pos
}

// Key names the tool instance: the catalogue id, or for the custom tool
// "other-" and a slug of its name.
func (t *Tool) Key() string {
	if t.Name == "" {
		return t.ID
	}
	return t.ID + "-" + Slug(t.Name)
}

// File is a parsed answers file.
type File struct {
	Lang       catalog.Lang
	Assessment Assessment
	Context    map[string]Value
	Notes      map[string]string // notes on context questions
	Tools      []*Tool
	Actions    map[string]ActionState // by action id
}

// Error is one problem at one place.
type Error struct {
	Pos Pos
	Msg string // in English
	m   *msg.Msg
}

// Statuses of an action, as written in the answers file.
const (
	StatusOpen          = "open"
	StatusInProgress    = "in_progress"
	StatusDone          = "done"
	StatusNotApplicable = "not_applicable"
)

// Statuses lists them in the order a plan goes through them.
var Statuses = []string{StatusOpen, StatusInProgress, StatusDone, StatusNotApplicable}

// ActionState is what the organisation has recorded about one action of
// its plan: who owns it, by when, and how far it is. The action is named
// by its id in the plan: topic/tool (e.g. stop-use/whatsapp) or
// topic/organisation.
type ActionState struct {
	Status string       // one of Statuses; "" counts as open
	Owner  string       // who sees to it
	Due    catalog.Date // instead of the due date the priority gives
	Reason string       // why it does not apply (not_applicable)
	Pos    Pos
}

// MaxErrors is how many problems of one file are listed; the rest are
// counted. A file of half a million wrong entries gets a readable answer,
// not half a million lines (and the memory they take).
const MaxErrors = 50

// Errors are the problems of one file: the first MaxErrors of them, and
// how many more there are.
type Errors struct {
	File string
	List []Error
	More int
}

func (e *Errors) Error() string { return e.In("en") }

// In says the problems in German ("de") or English, one line each.
func (e *Errors) In(l string) string {
	lines := make([]string, len(e.List))
	for i, x := range e.List {
		text := x.Msg
		if x.m != nil {
			text = x.m.In(l)
		}
		lines[i] = fmt.Sprintf("%s:%d:%d: %s", e.File, x.Pos.Line, x.Pos.Col, text)
	}
	if e.More > 0 {
		lines = append(lines, fmt.Sprintf("%s: %s", e.File, msg.Errorf("… and %d more problems; correct these and run konform validate again", e.More).(*msg.Msg).In(l)))
	}
	return strings.Join(lines, "\n")
}

func (e *Errors) add(p Pos, format string, args ...any) {
	if len(e.List) >= MaxErrors {
		e.More++
		return
	}
	for i, a := range args {
		// Only text from the file can be this long (the catalogue's lists
		// of allowed values are shorter): a message never echoes a megabyte.
		if s, ok := a.(string); ok && len(s) > 400 {
			args[i] = catalog.Clip(s)
		}
	}
	m := msg.Errorf(format, args...).(*msg.Msg)
	e.List = append(e.List, Error{Pos: p, Msg: m.Error(), m: m})
}

func (e *Errors) sort() {
	sort.SliceStable(e.List, func(i, j int) bool {
		a, b := e.List[i].Pos, e.List[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Slug makes a lower-case, dash-separated id from a name. German umlauts
// are spelt out; other letters and digits of any script are kept, so that
// names in other scripts get distinct ids. A name without any gets one
// made from its bytes.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'ä':
			b.WriteString("ae")
		case r == 'ö':
			b.WriteString("oe")
		case r == 'ü':
			b.WriteString("ue")
		case r == 'ß':
			b.WriteString("ss")
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'),
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		dash = false
	}
	if out := strings.TrimSuffix(b.String(), "-"); out != "" || s == "" {
		return out
	}
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("x%08x", h.Sum32())
}

// maxFileSlug is the longest slug a file name carries: with konform's
// prefixes, the date and the longest draft's name the file name stays well
// under the 255 bytes file systems allow.
const maxFileSlug = 60

// FileSlug is Slug for a file name: a long name is cut at a dash (or a
// letter) before maxFileSlug bytes and gets a short hash of the whole name,
// so two long names that begin alike still make two files.
func FileSlug(s string) string {
	slug := Slug(s)
	if len(slug) <= maxFileSlug {
		return slug
	}
	h := fnv.New32a()
	h.Write([]byte(s))
	cut := slug[:maxFileSlug-9]
	for !utf8.ValidString(cut) { // not inside a letter
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, '-'); i > len(cut)/2 {
		cut = cut[:i]
	}
	return fmt.Sprintf("%s-%08x", strings.TrimSuffix(cut, "-"), h.Sum32())
}
