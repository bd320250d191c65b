package cli_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/konform/konform/internal/cli"
	"github.com/konform/konform/internal/handoff"
	"github.com/konform/konform/internal/planrun"
)

// konform makes plans itself with its own reading of the flags; whatever
// it accepts, konform-full's command line must read the same way.
func TestLaunchReadsPlanFlagsLikeTheFullCommandLine(t *testing.T) {
	tokens := []string{
		"--answers", "a.yaml", "--answers=b.yaml", "--answers=", "--format", "json", "--format=md", "--format=",
		"--lang", "en", "--lang=de", "-o", "p.md", "-op.md", "-o=p.md", "--output", "--output=q.md",
		"--out-dir", "out/", "--out-dir=out", "--force", "--force=false", "--force=true", "--force=1", "--force=yes",
		"--", "-h", "--help", "x", "-x", "--unknown", "plan", "-", "--answers=-", "-oo", "--lang=",
		"--catalog", "own.yaml", "--catalog=own.yaml", "--format=html", "--format", "csv",
	}
	cases := [][]string{
		{"plan", "--answers", "a.yaml"},
		{"plan", "--answers=a.yaml", "--format", "json", "--lang", "en", "-o", "plan.json", "--force"},
		{"plan", "--answers", "clients/", "--out-dir", "plans/", "--force"},
		{"plan", "--answers", "-"},
	}
	for i, c := range cases {
		if _, ok := handoff.ParsePlan(c); !ok {
			t.Errorf("case %d: konform hands %q on instead of making the plan", i, c)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 40000 {
		args := []string{"plan"}
		for range r.IntN(7) {
			args = append(args, tokens[r.IntN(len(tokens))])
		}
		cases = append(cases, args)
	}
	accepted, handed := 0, 0
	for _, args := range cases {
		// konform-full hands a plan it does not make (HTML) on, spelt
		// anew: the other program must read it as konform-full did, or
		// the two would hand it back and forth.
		if full, err := cli.ParsePlan(args); err == nil && handoff.Maker(full.Format) != "" {
			handed++
			again, ok := handoff.ParsePlan(handoff.Plan(full).Args())
			if !ok || planrun.Options(again) != full {
				t.Fatalf("%q: konform-full hands on %q, which reads as %+v (ok %v)", strings.Join(args, " "), handoff.Plan(full).Args(), again, ok)
			}
		}
		fast, ok := handoff.ParsePlan(args)
		if !ok {
			continue
		}
		accepted++
		full, err := cli.ParsePlan(args)
		if err != nil {
			t.Fatalf("konform makes a plan for %q, konform-full refuses it: %v", strings.Join(args, " "), err)
		}
		if planrun.Options(fast) != full {
			t.Fatalf("%q: konform reads %+v, konform-full %+v", strings.Join(args, " "), fast, full)
		}
	}
	if handed < 100 {
		t.Fatalf("only %d command lines asked konform-full for an HTML plan; the test needs more", handed)
	}
	if accepted < 1000 {
		t.Fatalf("only %d of %d command lines made a plan directly; the test needs more", accepted, len(cases))
	}
}
