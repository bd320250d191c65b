package cli

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/planfiles"
	"github.com/konform/konform/internal/report"
)

// batchResult is what happened to one answers file.
type batchResult struct {
	out      string
	err      error
	warnings []error
}

// runBatch makes one plan per answers file in a folder, spread over the
// cores. A bad file is reported and skipped; the others are still written.
func runBatch(o *planOptions, cat *catalog.Catalog) error {
	if !isDir(o.Answers) {
		return inputErr("--out-dir needs --answers to be a folder of answers files; %s is not a folder", o.Answers)
	}
	if o.OutDir == "" {
		return inputErr("%s is a folder; give --out-dir for the plans", o.Answers)
	}
	if o.Out != "" {
		return inputErr("-o writes one plan; with a folder of answers use --out-dir")
	}
	files, err := answersFiles(o.Answers)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
		return inputErr("cannot create %s: %v", o.OutDir, fsutil.Reason(err))
	}
	if err := checkBatchNames(files, o.Answers, o.OutDir, o.Format); err != nil {
		return err
	}
	results := make([]batchResult, len(files))
	inParallel(files, func(i int) { results[i] = planOne(o, cat, files[i]) })
	fsutil.SyncDir(o.OutDir)

	failed := 0
	for _, r := range results {
		for _, w := range r.warnings {
			o.warn("%v", w)
		}
		if r.err != nil {
			failed++
			printErr(o.io.Err, r.err, o.lang(o.Lang))
		}
	}
	o.say("wrote %d of %d plans to %s", len(files)-failed, len(files), o.OutDir)
	if failed > 0 {
		return inputErr("%d of %d answers files had errors and were skipped", failed, len(files))
	}
	return nil
}

// planOne reads, assesses, renders and writes one answers file.
func planOne(o *planOptions, cat *catalog.Catalog, path string) batchResult {
	p, l, r := assessOne(cat, path, o.Lang)
	if r.err != nil {
		return r
	}
	r.out = planPath(o.OutDir, path, o.Format)
	mode := planfiles.New
	if o.Force {
		mode = planfiles.Replace
	}
	_, existing, err := planfiles.Write([]planfiles.File{{Path: r.out, Data: func() ([]byte, error) { return report.Formats[o.Format](p, l), nil }}},
		planfiles.Options{Mode: mode, NoDirSync: true})
	var werr *planfiles.Error
	switch {
	case len(existing) > 0:
		r.err = msg.Errorf("%s exists; add --force to replace the plans", r.out)
	case errors.As(err, &werr):
		r.err = msg.Errorf("cannot write %s: %v", werr.Path, werr.Err)
	}
	return r
}

// answersFiles are the answers files in dir (*.yaml, *.yml, *.json),
// sorted. Whether each is a regular file is checked when it is read.
func answersFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, inputErr("cannot read %s: %v", dir, fsutil.Reason(err))
	}
	var files []string
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".yaml", ".yml", ".json":
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			path := filepath.Join(dir, e.Name())
			// A plan kept beside its answers (NAME.json), or another
			// report of konform's, is no answers file.
			if data, err := fsutil.ReadFile(path, report.MaxJSONPlanSize); err == nil && report.IsKonformOutput(data) {
				continue
			}
			files = append(files, path)
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, inputErr("%s holds no answers files (*.yaml, *.yml, *.json)", dir)
	}
	return files, nil
}

// planPath is where the plan of the answers file path goes.
func planPath(outDir, path, format string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return filepath.Join(outDir, base+"."+format)
}

// checkBatchNames refuses, before anything is written, a batch whose plans
// would overwrite one of its answers files or each other. Names are
// compared without case, as some file systems do.
func checkBatchNames(files []string, answersDir, outDir, format string) error {
	sameDir := false
	if a, err := os.Stat(answersDir); err == nil {
		if b, err := os.Stat(outDir); err == nil {
			sameDir = os.SameFile(a, b)
		}
	}
	inputs := map[string]string{}
	if sameDir {
		for _, f := range files {
			inputs[strings.ToLower(filepath.Base(f))] = f
		}
	}
	var problems []error
	byPlan := map[string][]string{}
	var plans []string
	for _, f := range files {
		out := planPath(outDir, f, format)
		key := strings.ToLower(filepath.Base(out))
		if in, ok := inputs[key]; ok {
			problems = append(problems, msg.Errorf("the plan of %s would replace the answers file %s", f, in))
		}
		if byPlan[key] == nil {
			plans = append(plans, key)
		}
		byPlan[key] = append(byPlan[key], f)
	}
	for _, key := range plans {
		if ins := byPlan[key]; len(ins) > 1 {
			problems = append(problems, msg.Errorf("%s would each be planned into %s", strings.Join(ins, ", "), planPath(outDir, ins[0], format)))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return inputErr("nothing was written: %v\nchoose another --out-dir, or rename the answers files", errors.Join(problems...))
}

// Large answers files pass a gate of their own: a file of the largest size
// konform reads takes some 40 MB to plan, so however many cores there are,
// at most bigAtOnce of them are in memory at once and a batch stays within
// a few hundred MB.
const (
	bigFile   = 64 << 10
	bigAtOnce = 4
)

// inParallel calls do for each file's index on more workers than cores –
// much of a file's time is waiting for the disk to confirm the write.
func inParallel(files []string, do func(i int)) {
	jobs := make(chan int)
	big := make(chan struct{}, bigAtOnce)
	var wg sync.WaitGroup
	for range 4 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				if fi, err := os.Stat(files[i]); err == nil && fi.Size() > bigFile {
					big <- struct{}{}
					do(i)
					<-big
					continue
				}
				do(i)
			}
		})
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// assessOne reads and assesses one answers file of a batch: the plan, its
// language (the flag's, else the file's) and the warnings, or the error.
func assessOne(cat *catalog.Catalog, path, lang string) (*assess.Plan, catalog.Lang, batchResult) {
	data, err := answers.ReadFile(path)
	if err != nil {
		return nil, "", batchResult{err: asInput(err)}
	}
	f, err := answers.Parse(path, data, cat)
	if err != nil {
		return nil, "", batchResult{err: asInput(err)}
	}
	p := assess.Assess(cat, f)
	var r batchResult
	for _, w := range p.Warnings {
		r.warnings = append(r.warnings, msg.Errorf("%s:%d:%d: %v", path, w.Pos.Line, w.Pos.Col, w.Msg))
	}
	l := catalog.Lang(lang)
	if l == "" {
		l = p.Lang
	}
	return p, l, r
}
