package report

// HTML: konform's Markdown (a plan, a progress report) as one
// self-contained file: no scripts, no external requests (a content
// security policy forbids them), inline CSS made for printing, so that
// printing it from a browser gives a clean PDF.

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/safe"
)

// The parts of GitHub's Markdown that plans use; no linkify, so text from an
// answers file stays text. Raw HTML is not rendered.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithAutoHeadingID())) // the glossary's links need the headings' ids

// HTML is the plan p as one HTML page in language l: its Markdown,
// rendered.
func HTML(p *assess.Plan, l catalog.Lang) []byte {
	title := fmt.Sprintf("%s – %s", i18n.T(l, "plan.title"), safe.Line(p.Assessment.Organisation))
	out, err := Document(Markdown(p, l), title, l)
	if err != nil {
		panic(err) // goldmark writes to memory: it does not fail
	}
	return out
}

// Document renders Markdown as a whole HTML document titled title.
func Document(markdown []byte, title string, l catalog.Lang) ([]byte, error) {
	var body bytes.Buffer
	if err := md.Convert(markdown, &body); err != nil {
		return nil, fmt.Errorf("rendering HTML: %w", err)
	}
	// The traffic lights are drawn, not emoji: where no emoji font is
	// installed an emoji prints as an empty box. The label beside them
	// ("rot", "red") says the same in words.
	lit := lights.Replace(body.String())
	body.Reset()
	body.WriteString(lit)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="konform">
<title>%s</title>
<style>
%s</style>
</head>
<body>
<main>
%s</main>
</body>
</html>
`, l, html.EscapeString(title), css, body.Bytes())
	return b.Bytes(), nil
}

// lights draws the plan's traffic lights as CSS shapes.
var lights = strings.NewReplacer(
	"🔴", `<span class="light red" aria-hidden="true"></span>`,
	"🟡", `<span class="light amber" aria-hidden="true"></span>`,
	"🟢", `<span class="light green" aria-hidden="true"></span>`)

// css is for the screen and for paper: readable line lengths, tables that
// keep their borders, no heading left alone at the foot of a page.
const css = `:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.6em; border-bottom: 2px solid #5b3fd1; padding-bottom: .3em; }
h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
h3 { font-size: 1.1em; margin-top: 1.4em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; margin: 1em 0; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .3em .55em; vertical-align: top; text-align: left; }
th { background: #f1eefc; }
td[align="right"], th[align="right"] { text-align: right; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
ul { padding-left: 1.4em; }
li { margin: .25em 0; }
li > ul { margin-top: .2em; color: #333; }
li:has(> input[type="checkbox"]), li:has(> p > input[type="checkbox"]) { list-style: none; margin-left: -1.4em; margin-top: .8em; }
li > p { margin: .2em 0; }
input[type="checkbox"] { margin-right: .45em; transform: scale(1.15); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: #f4f4f4; padding: 0 .2em; }
hr { border: 0; border-top: 1px solid #ccc; margin: 2em 0 1em; }
.light { display: inline-block; width: .75em; height: .75em; border-radius: 50%; border: 1px solid rgba(0,0,0,.35); vertical-align: -.05em; margin-right: .15em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.light.red { background: #d32f2f; }
.light.amber { background: #f0a500; }
.light.green { background: #2e7d32; }
strong.gap { display: inline-block; border: 1.5px dashed #b45309; background: #fff7e6; color: #7c2d12; padding: 0 .3em; border-radius: 3px; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  main { max-width: none; margin: 0; padding: 0; }
  body { font-size: 10pt; }
  th { background: #eee; }
}
`
