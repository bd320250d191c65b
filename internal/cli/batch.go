package cli

import (
	"errors"
	"fmt"
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
	"github.com/konform/konform/internal/plan"
)

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// batchResult is what happened to one answers file.
type batchResult struct {
	out      string
	err      error
	warnings []string
}

// runBatch makes one plan per answers file in a folder, spread over the
// cores. A bad file is reported and skipped; the others are still written.
func (a *app) runBatch(o planOptions, lang catalog.Lang) error {
	if !isDir(o.answers) {
		return inputErr("--out-dir needs --answers to be a folder of answers files; %s is not a folder", o.answers)
	}
	if o.outDir == "" {
		return inputErr("%s is a folder; give --out-dir for the plans", o.answers)
	}
	if o.out != "" {
		return inputErr("-o writes one plan; with a folder of answers use --out-dir")
	}
	cat, err := a.catalog()
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(o.answers)
	if err != nil {
		return inputErr("cannot read %s: %v", o.answers, unwrapPath(err))
	}
	var files []string
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".yaml", ".yml", ".json":
			if !e.IsDir() {
				files = append(files, filepath.Join(o.answers, e.Name()))
			}
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		return inputErr("%s holds no answers files (*.yaml, *.yml, *.json)", o.answers)
	}
	if err := os.MkdirAll(o.outDir, 0o755); err != nil {
		return inputErr("cannot create %s: %v", o.outDir, unwrapPath(err))
	}
	ext := ".md"
	if o.format == "json" {
		ext = ".json"
	}
	results := make([]batchResult, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	// More workers than cores: much of a plan's time is waiting for the
	// disk to confirm the write.
	for range 4 * runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = planOne(cat, files[i], o, lang, ext)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	fsutil.SyncDir(o.outDir)

	failed := 0
	for _, r := range results {
		for _, w := range r.warnings {
			a.warn("%s", w)
		}
		if r.err != nil {
			failed++
			for _, line := range strings.Split(r.err.Error(), "\n") {
				fmt.Fprintf(a.io.Err, "konform: %s\n", line)
			}
		}
	}
	fmt.Fprintf(a.io.Err, "konform: wrote %d of %d plans to %s\n", len(files)-failed, len(files), o.outDir)
	if failed > 0 {
		return &exitError{code: ExitInput, err: fmt.Errorf("%d of %d answers files had errors and were skipped", failed, len(files))}
	}
	return nil
}

// planOne reads, assesses, renders and writes one answers file.
func planOne(cat *catalog.Catalog, path string, o planOptions, lang catalog.Lang, ext string) batchResult {
	data, err := readLimited(path)
	if err != nil {
		return batchResult{err: err}
	}
	f, err := answers.Parse(path, data, cat)
	if err != nil {
		return batchResult{err: err}
	}
	p := assess.Assess(cat, f)
	var r batchResult
	for _, w := range p.Warnings {
		r.warnings = append(r.warnings, fmt.Sprintf("%s:%d:%d: %s", path, w.Pos.Line, w.Pos.Col, w.Msg))
	}
	l := lang
	if l == "" {
		l = p.Lang
	}
	out := plan.Markdown(p, l)
	if ext == ".json" {
		out = plan.JSON(p, l)
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	r.out = filepath.Join(o.outDir, base+ext)
	err = fsutil.WriteFileNoDirSync(r.out, out, 0o644, o.force)
	switch {
	case errors.Is(err, fsutil.ErrExists):
		r.err = fmt.Errorf("%s exists; add --force to replace the plans", r.out)
	case err != nil:
		r.err = fmt.Errorf("cannot write %s: %v", r.out, unwrapPath(err))
	}
	return r
}
