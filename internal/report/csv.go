package report

import (
	"bytes"
	"encoding/csv"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// CSV renders the plan's actions as a table for a spreadsheet or a ticket
// system: one row per action in the plan's order, RFC 4180 (quoted where
// needed, CRLF line ends), UTF-8 with a byte order mark so that
// spreadsheet programs read umlauts. The id and the due date (YYYY-MM-DD,
// empty for "recommended") are for machines, the rest is in language l.
func CSV(p *assess.Plan, l catalog.Lang) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	t := func(key string) string { return i18n.T(l, key) }
	_ = w.Write([]string{t("csv.id"), t("csv.priority"), t("csv.due"), t("plan.tool"), t("csv.topic"), t("csv.title"), t("csv.owner"), t("csv.status")})
	for _, a := range p.Actions {
		tool := t("org.name")
		if a.Tool != nil {
			tool = a.Tool.Name.In(l)
		}
		due := ""
		if !a.Due.IsZero() {
			due = a.Due.String()
		}
		_ = w.Write([]string{a.ID, t("prio." + string(a.Priority)), due, tool, a.Topic.Title.In(l), a.Title.In(l), a.Owner, t("status." + a.Status)})
	}
	w.Flush()
	return b.Bytes()
}
