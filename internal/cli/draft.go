package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/planfiles"
)

// draftOptions are the flags of `konform draft`.
type draftOptions struct {
	*app
	Answers string // file, folder or "-"
	Kind    string // a draft kind or "all"
	Format  string // md or html
	Lang    string
	Out     string // -o: one draft's file
	OutDir  string // a folder for one file per kind (and per answers file)
	Force   bool
}

func newDraftCmd(a *app, runF func(*draftOptions) error) *cobra.Command {
	o := &draftOptions{app: a}
	cmd := &cobra.Command{
		Use:   "draft --answers FILE",
		Short: "Drafts of the documents the plan asks for: records, notice, policy, DPIA and DPA checks",
		Long: `Writes first drafts from an answers file: the record of processing
activities (records), privacy-notice sections (notice), a usage policy for
staff (policy), a documented DPIA threshold check (dpia-check) and a
checklist for the providers' processing agreements (dpa-check). Every field
the answers leave open is marked "to clarify: …" with the question to
answer, and the marks are counted at the top of each draft.

Without -o or --out-dir the drafts go to standard output; --out-dir writes
one file per kind. With a folder as --answers, every answers file gets its
drafts in --out-dir.`,
		Example: `  konform draft --answers praxis.yaml --out-dir entwuerfe/
  konform draft --answers praxis.yaml --kind records -o verzeichnis.md
  konform draft --answers praxis.yaml --kind dpia-check --format html -o dsfa.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return runDraft(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Answers, "answers", "", "answers file (YAML or JSON; - for standard input), or a folder of them")
	o.Kind = "all"
	cmd.Flags().Var(&kindValue{p: &o.Kind}, "kind", "which draft: records, notice, policy, dpia-check, dpa-check or all – or a draft file's name (privacy-notice, datenschutzhinweise, …)")
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(append(draft.KindNames(), "all"), cobra.ShellCompDirectiveNoFileComp))
	enumFlag(cmd, &o.Format, "format", "md", []string{"md", "html"}, "output format: md or html")
	langFlag(cmd, &o.Lang, "language of the drafts: de or en (default: the answers file's lang)")
	f.StringVarP(&o.Out, "output", "o", "", "write the draft to this file (one kind only)")
	f.StringVar(&o.OutDir, "out-dir", "", "write one file per kind into this folder")
	f.BoolVar(&o.Force, "force", false, "replace files that exist")
	_ = cmd.MarkFlagRequired("answers")
	return cmd
}

func (o *draftOptions) kinds() []draft.Kind {
	if o.Kind == "all" {
		return draft.Kinds
	}
	return []draft.Kind{draft.Kind(o.Kind)}
}

func runDraft(o *draftOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	if o.Out == "-" {
		o.Out = ""
	}
	switch {
	case o.Out != "" && o.OutDir != "":
		return inputErr("-o writes one draft, --out-dir one file per kind; give one of them")
	case o.Out != "" && o.Kind == "all":
		return inputErr("-o writes one draft; choose it with --kind, or write all with --out-dir")
	case isDir(o.Answers) && o.OutDir == "":
		return inputErr("%s is a folder; give --out-dir for the drafts", o.Answers)
	case o.Format == "html" && o.Out == "" && o.OutDir == "" && o.Kind == "all":
		// Five HTML documents in one stream are no HTML document.
		return inputErr("HTML to standard output is one document: choose it with --kind, or write all with --out-dir")
	}
	if isDir(o.Answers) {
		return o.batch(cat)
	}
	if o.Out != "" {
		if err := checkOutput(o.Out, o.Answers, o.Force); err != nil {
			return err
		}
	}
	f, err := o.loadAnswers(cat, o.Answers)
	if err != nil {
		return err
	}
	p := o.assess(cat, o.Answers, f)
	lang := catalog.Lang(o.Lang)
	if lang == "" {
		lang = p.Lang
	}
	if o.OutDir == "" {
		var out bytes.Buffer
		for i, k := range o.kinds() {
			if i > 0 {
				out.WriteString("\n---\n\n")
			}
			b, err := o.render(p, k, lang)
			if err != nil {
				return err
			}
			out.Write(b)
		}
		return o.emit(out.Bytes(), o.Out, o.Force)
	}
	return o.writeAll(p, lang, "")
}

// render is one draft in the chosen format.
func (o *draftOptions) render(p *assess.Plan, k draft.Kind, l catalog.Lang) ([]byte, error) {
	d, err := draft.Write(p, k, l)
	if err != nil {
		return nil, inputErr("the wording of the drafts: %v", err)
	}
	if o.Format == "html" {
		return d.HTML(p, l), nil
	}
	return d.Markdown, nil
}

// draftPath is where a draft goes in the out-dir: prefix (the answers
// file's name in a batch, else the organisation and date) and the kind.
func (o *draftOptions) draftPath(p *assess.Plan, k draft.Kind, l catalog.Lang, prefix string) string {
	if prefix == "" {
		prefix = "konform-" + answers.FileSlug(p.Assessment.Organisation) + "-" + p.Assessment.Date.String()
	}
	return filepath.Join(o.OutDir, prefix+"-"+k.Stem(l)+"."+o.Format)
}

// writeAll writes every chosen kind into the out-dir; nothing is written
// when one of the files exists without --force.
func (o *draftOptions) writeAll(p *assess.Plan, l catalog.Lang, prefix string) error {
	if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
		return inputErr("cannot create %s: %v", o.OutDir, err)
	}
	if err := writeFiles(o.files(p, l, prefix), o.Force, planfiles.Options{}); err != nil {
		return err
	}
	for _, k := range o.kinds() {
		o.say("wrote %s", o.draftPath(p, k, l, prefix))
	}
	return nil
}

// files are the chosen kinds' drafts as files to write.
func (o *draftOptions) files(p *assess.Plan, l catalog.Lang, prefix string) []planfiles.File {
	var files []planfiles.File
	for _, k := range o.kinds() {
		files = append(files, planfiles.File{Path: o.draftPath(p, k, l, prefix), Data: func() ([]byte, error) { return o.render(p, k, l) }})
	}
	return files
}

// batch writes the drafts of every answers file in a folder; a bad file
// is reported and skipped.
func (o *draftOptions) batch(cat *catalog.Catalog) error {
	files, err := answersFiles(o.Answers)
	if err != nil {
		return err
	}
	// Two answers files with one name (praxis.yaml, Praxis.json) would
	// write the same drafts: refused before anything is written.
	seen := map[string]string{}
	for _, path := range files {
		key := strings.ToLower(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
		if first, dup := seen[key]; dup {
			return inputErr("nothing was written: %s and %s would write the same drafts; rename one of them", first, path)
		}
		seen[key] = path
	}
	if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
		return inputErr("cannot create %s: %v", o.OutDir, fsutil.Reason(err))
	}
	// The plan batch's workers; the folder is synced once at the end.
	results := make([]batchResult, len(files))
	inParallel(files, func(i int) { results[i] = o.draftOne(cat, files[i]) })
	fsutil.SyncDir(o.OutDir)
	failed, written := 0, 0
	for _, r := range results {
		for _, w := range r.warnings {
			o.warn("%v", w)
		}
		if r.err != nil {
			failed++
			printErr(o.io.Err, r.err, o.lang(o.Lang))
			continue
		}
		written++
	}
	o.say("wrote the drafts of %d of %d answers files to %s", written, len(files), o.OutDir)
	if failed > 0 {
		return inputErr("%d of %d answers files had errors and were skipped", failed, len(files))
	}
	return nil
}

// draftOne writes the drafts of one answers file of a batch. Nothing of it
// stays half-written: when one draft cannot be written, those written
// before it are removed again.
func (o *draftOptions) draftOne(cat *catalog.Catalog, path string) batchResult {
	p, l, r := assessOne(cat, path, o.Lang)
	if r.err != nil {
		return r
	}
	prefix := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	r.err = writeFiles(o.files(p, l, prefix), o.Force, planfiles.Options{NoDirSync: true, AllOrNothing: true})
	return r
}

// kindValue is --kind: a kind, all, or the name a draft file of that kind
// carries in either language (privacy-notice, datenschutzhinweise): one
// vocabulary for the command line and the files it writes.
type kindValue struct{ p *string }

func (k *kindValue) String() string { return *k.p }
func (k *kindValue) Type() string   { return "string" }

func (k *kindValue) Set(s string) error {
	if s == "all" {
		*k.p = s
		return nil
	}
	for _, kd := range draft.Kinds {
		if s == string(kd) || s == kd.Stem(catalog.DE) || s == kd.Stem(catalog.EN) {
			*k.p = string(kd)
			return nil
		}
	}
	return msg.Errorf("must be one of %s, all – or a draft file's name such as %s or %s", strings.Join(draft.KindNames(), ", "), draft.Notice.Stem(catalog.EN), draft.Notice.Stem(catalog.DE))
}
