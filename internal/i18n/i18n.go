// Package i18n owns konform's interface strings in German and English and
// the detection of the user's language.
package i18n

import (
	"strings"

	"github.com/konform/konform/internal/catalog"
)

// Strings of the plan and the command line, by key.
var strs = map[string]catalog.Text{
	"plan.title":        {DE: "Datenschutz-Aktionsplan: Messenger und Videokonferenzen", EN: "Data protection action plan: messengers and video conferencing"},
	"plan.org":          {DE: "Organisation", EN: "Organisation"},
	"plan.date":         {DE: "Datum der Bewertung", EN: "Date of assessment"},
	"plan.assessor":     {DE: "Bewertet von", EN: "Assessed by"},
	"plan.participants": {DE: "Beteiligte", EN: "Participants"},
	"plan.tools":        {DE: "Werkzeuge", EN: "Tools"},
	"plan.summary":      {DE: "Zusammenfassung", EN: "Summary"},
	"plan.tool":         {DE: "Werkzeug", EN: "Tool"},
	"plan.light":        {DE: "Ampel", EN: "Traffic light"},
	"plan.total":        {DE: "Summe", EN: "Total"},
	"plan.orgrow":       {DE: "Organisation (übergreifend)", EN: "Organisation (overall)"},
	"plan.lightlegend": {DE: "Ampel: rot = mindestens eine kritische Maßnahme, gelb = mindestens eine Maßnahme mit hoher Priorität, grün = sonst.",
		EN: "Traffic light: red = at least one critical action, amber = at least one high-priority action, green = otherwise."},
	"plan.noactions":    {DE: "Keine Maßnahmen in dieser Stufe.", EN: "No actions at this level."},
	"plan.actions":      {DE: "Maßnahmen", EN: "Actions"},
	"plan.actionsintro": {DE: "Haken Sie erledigte Maßnahmen ab. Fälligkeiten gelten ab dem Datum der Bewertung.", EN: "Tick off actions as you complete them. Due dates count from the date of the assessment."},
	"plan.why":          {DE: "Warum", EN: "Why"},
	"plan.because":      {DE: "Ausgelöst durch", EN: "Triggered by"},
	"plan.legal":        {DE: "Rechtsgrundlage", EN: "Legal basis"},
	"plan.sources":      {DE: "Quellen", EN: "Sources"},
	"plan.id":           {DE: "Kennung", EN: "ID"},
	"plan.due":          {DE: "fällig", EN: "due"},
	"plan.due.now":      {DE: "sofort", EN: "immediately"},
	"plan.due.by":       {DE: "bis", EN: "by"},
	"plan.due.low":      {DE: "empfohlen", EN: "recommended"},
	"plan.open":         {DE: "Offene Fragen", EN: "Open questions"},
	"plan.openintro":    {DE: "Diese Punkte sind noch zu klären. Bis dahin geht der Plan vorsichtshalber vom ungünstigeren Fall aus.", EN: "These points still need clarifying. Until then the plan assumes the less favourable case, to be safe."},
	"plan.noopen":       {DE: "Keine offenen Fragen.", EN: "No open questions."},
	"plan.assume":       {DE: "Annahme bis zur Klärung", EN: "Assumed until clarified"},
	"plan.notanswered":  {DE: "nicht beantwortet", EN: "not answered"},
	"plan.note":         {DE: "Notiz", EN: "Note"},
	"plan.facts":        {DE: "Steckbriefe der Werkzeuge", EN: "Tool fact sheets"},
	"plan.factsheet":    {DE: "Steckbrief", EN: "Fact sheet"},
	"plan.vendor":       {DE: "Anbieter", EN: "Provider"},
	"plan.kind":         {DE: "Art", EN: "Kind"},
	"plan.fact":         {DE: "Merkmal", EN: "Fact"},
	"plan.value":        {DE: "Wert", EN: "Value"},
	"plan.asof":         {DE: "Stand", EN: "As of"},
	"plan.source":       {DE: "Quelle", EN: "Source"},
	"quote.open":        {DE: "„", EN: "“"},
	"quote.close":       {DE: "“", EN: "”"},
	"plan.also":         {DE: "Außerdem", EN: "Also"},
	"plan.stalelegend":  {DE: "⚠️ = Stand älter als 24 Monate: vor einer Entscheidung beim Anbieter prüfen.", EN: "⚠️ = older than 24 months: check with the provider before deciding."},
	"plan.stale":        {DE: "älter als 24 Monate – prüfen", EN: "older than 24 months – check"},
	"plan.byuser":       {DE: "Angabe aus der Bewertung", EN: "given in the assessment"},
	"plan.issues":       {DE: "Bekannte Probleme", EN: "Known issues"},
	"plan.alternatives": {DE: "Alternativen aus dem Katalog", EN: "Alternatives in the catalogue"},
	"plan.nofacts":      {DE: "Für dieses Werkzeug wurden keine Fakten angegeben.", EN: "No facts were given for this tool."},
	"plan.appendix":     {DE: "Anhang: Antworten", EN: "Appendix: answers"},
	"plan.answers":      {DE: "Antworten", EN: "Answers"},
	"plan.area":         {DE: "Bereich", EN: "Area"},
	"plan.question":     {DE: "Frage", EN: "Question"},
	"plan.answer":       {DE: "Antwort", EN: "Answer"},
	"plan.origin":       {DE: "Herkunft", EN: "Origin"},
	"origin.given":      {DE: "angegeben", EN: "given"},
	"origin.fact":       {DE: "aus dem Katalog", EN: "from the catalogue"},
	"origin.missing":    {DE: "nicht beantwortet", EN: "not answered"},
	"plan.factof":       {DE: "Katalog-Fakt", EN: "Catalogue fact"},
	"plan.disclaimer": {DE: "Hinweis: Dieser Plan ist eine Checkliste und keine Rechtsberatung. Er ersetzt nicht die Prüfung im Einzelfall durch Ihre Datenschutzbeauftragte oder eine Anwältin bzw. einen Anwalt.",
		EN: "Note: this plan is a checklist, not legal advice. It does not replace a case-by-case review by your data protection officer or a lawyer."},
	"plan.owner":                {DE: "verantwortlich", EN: "owner"},
	"plan.due.agreed":           {DE: "vereinbart", EN: "agreed"},
	"plan.progress":             {DE: "Stand der Umsetzung", EN: "Progress"},
	"plan.notapplicable":        {DE: "Nicht zutreffend", EN: "Not applicable"},
	"plan.notapplicable.intro":  {DE: "Diese Maßnahmen wurden als nicht zutreffend festgehalten. Prüfen Sie die Begründung bei der nächsten Bewertung.", EN: "These actions were recorded as not applicable. Check the reason at the next assessment."},
	"plan.reason":               {DE: "Begründung", EN: "Reason"},
	"status.open":               {DE: "offen", EN: "open"},
	"status.in_progress":        {DE: "in Arbeit", EN: "in progress"},
	"status.done":               {DE: "erledigt", EN: "done"},
	"status.not_applicable":     {DE: "nicht zutreffend", EN: "not applicable"},
	"compare.title":             {DE: "Werkzeugvergleich", EN: "Tool comparison"},
	"compare.date":              {DE: "Stand des Vergleichs", EN: "Compared on"},
	"compare.context":           {DE: "Kontext", EN: "Context"},
	"compare.context.none":      {DE: "ohne Antwortdatei – alle Fragen zur Organisation gelten als ungeklärt, gezählt wird der ungünstigere Fall.", EN: "no answers file – every question about the organisation counts as unclear, and the less favourable case is counted."},
	"compare.context.file":      {DE: "die Antworten von %s zur Organisation.", EN: "the organisation answers of %s."},
	"compare.facts":             {DE: "Merkmale laut Katalog", EN: "Facts from the catalogue"},
	"compare.actions":           {DE: "Nötige Maßnahmen in diesem Kontext", EN: "Actions needed in this context"},
	"compare.actions.intro":     {DE: "So viele Maßnahmen bräuchte jedes Werkzeug, nach Priorität. Fragen zum Werkzeug selbst gelten als ungeklärt; wo der Katalog einen Fakt kennt, gilt der Fakt. Weniger und weniger dringende Maßnahmen sprechen für ein Werkzeug – die Entscheidung nehmen sie Ihnen nicht ab.", EN: "How many actions each tool would need, by priority. Questions about the tool itself count as unclear; where the catalogue knows a fact, the fact counts. Fewer and less urgent actions speak for a tool – they do not make the decision for you."},
	"compare.issues.short":      {DE: "Bekannte Probleme", EN: "Known issues"},
	"compare.actions.short":     {DE: "Maßnahmen (Anzahl)", EN: "Actions (count)"},
	"compare.noissues":          {DE: "Keine bekannt.", EN: "None known."},
	"compare.more":              {DE: "Mit Stand, Quellen und bekannten Problemen: --format md", EN: "With dates, sources and known issues: --format md"},
	"compare.disclaimer":        {DE: "Hinweis: Dieser Vergleich ist keine Rechtsberatung. Er ersetzt nicht die Prüfung im Einzelfall durch Ihre Datenschutzbeauftragte oder eine Anwältin bzw. einen Anwalt.", EN: "Note: this comparison is not legal advice. It does not replace a case-by-case review by your data protection officer or a lawyer."},
	"kind.messenger":            {DE: "Messenger", EN: "Messenger"},
	"kind.video":                {DE: "Videokonferenz", EN: "Video conferencing"},
	"light.red":                 {DE: "🔴 rot", EN: "🔴 red"},
	"light.amber":               {DE: "🟠 gelb", EN: "🟠 amber"},
	"light.green":               {DE: "🟢 grün", EN: "🟢 green"},
	"priority.critical":         {DE: "Kritisch – sofort handeln", EN: "Critical – act immediately"},
	"priority.high":             {DE: "Hoch – innerhalb von 30 Tagen", EN: "High – within 30 days"},
	"priority.medium":           {DE: "Mittel – innerhalb von 90 Tagen", EN: "Medium – within 90 days"},
	"priority.low":              {DE: "Niedrig – empfohlen", EN: "Low – recommended"},
	"prio.critical":             {DE: "Kritisch", EN: "Critical"},
	"prio.high":                 {DE: "Hoch", EN: "High"},
	"prio.medium":               {DE: "Mittel", EN: "Medium"},
	"prio.low":                  {DE: "Niedrig", EN: "Low"},
	"org.name":                  {DE: "Organisation", EN: "Organisation"},
	"tools.title":               {DE: "Werkzeuge im Katalog", EN: "Tools in the catalogue"},
	"tools.other":               {DE: "Nicht dabei? Mit tool: other beschreiben Sie ein eigenes Werkzeug.", EN: "Not listed? Describe your own tool with tool: other."},
	"tools.more":                {DE: "Alle Fakten mit Stand und Quelle: konform tools show ID", EN: "All facts with dates and sources: konform tools show ID"},
	"fact.short.seat":           {DE: "Sitz", EN: "Seat"},
	"fact.short.hosting":        {DE: "Server", EN: "Servers"},
	"fact.short.e2e":            {DE: "E2E", EN: "E2E"},
	"fact.short.avv":            {DE: "AVV", EN: "DPA"},
	"fact.short.berlin_2020":    {DE: "Berlin 2020", EN: "Berlin 2020"},
	"fact.short.business_use":   {DE: "Geschäftl. Nutzung", EN: "Business use"},
	"fact.short.edition":        {DE: "Angebot", EN: "Edition"},
	"fact.short.open_source":    {DE: "Open Source", EN: "Open source"},
	"fact.short.self_hostable":  {DE: "Selbst betreibbar", EN: "Self-hostable"},
	"fact.short.certifications": {DE: "Zertifikate", EN: "Certifications"},
	"fact.short.own_purposes":   {DE: "Eigene Zwecke", EN: "Own purposes"},
	"ui.welcome.title":          {DE: "konform – Datenschutz-Check für Messenger und Videokonferenzen", EN: "konform – GDPR check for messengers and video conferencing"},
	"ui.welcome.text":           {DE: "konform geht mit Ihnen die DSGVO-Checkliste für Ihre Messenger und Videotools durch und erstellt einen Aktionsplan: was zu tun ist, bis wann, warum und auf welcher Rechtsgrundlage. Dauer: etwa 10 Minuten je Werkzeug. Alles bleibt auf diesem Rechner.", EN: "konform walks you through the GDPR checklist for your messengers and video tools and builds an action plan: what to do, by when, why and on which legal basis. It takes about 10 minutes per tool. Everything stays on this computer."},
	"ui.lang":                   {DE: "Sprache / Language", EN: "Language / Sprache"},
	"ui.start":                  {DE: "Womit beginnen?", EN: "How do you want to start?"},
	"ui.start.new":              {DE: "Neue Bewertung", EN: "New assessment"},
	"ui.start.resume":           {DE: "fortsetzen", EN: "resume"},
	"ui.start.broken":           {DE: "nicht lesbar", EN: "cannot be read"},
	"ui.assessment":             {DE: "Die Bewertung", EN: "The assessment"},
	"ui.org":                    {DE: "Organisation", EN: "Organisation"},
	"ui.org.required":           {DE: "Bitte die Organisation angeben.", EN: "Please name the organisation."},
	"ui.assessor":               {DE: "Bewertet von (optional)", EN: "Assessed by (optional)"},
	"ui.participants":           {DE: "Beteiligte, durch Komma getrennt (optional)", EN: "Participants, separated by commas (optional)"},
	"ui.tools":                  {DE: "Welche Werkzeuge nutzen Sie?", EN: "Which tools do you use?"},
	"ui.tools.help":             {DE: "Leertaste wählt aus, / filtert, Enter bestätigt. Nicht dabei? „Anderes Werkzeug“ wählen.", EN: "Space selects, / filters, enter confirms. Not listed? Choose \"Other tool\"."},
	"ui.tools.required":         {DE: "Bitte mindestens ein Werkzeug wählen.", EN: "Please choose at least one tool."},
	"ui.other":                  {DE: "Anderes Werkzeug", EN: "Other tool"},
	"ui.other.name":             {DE: "Name des Werkzeugs", EN: "Name of the tool"},
	"ui.other.notknown":         {DE: "nicht bekannt", EN: "not known"},
	"ui.other.kind":             {DE: "Art des Werkzeugs", EN: "Kind of tool"},
	"ui.facts.intro":            {DE: "Das weiß der Katalog über dieses Werkzeug. Die folgenden Fragen sind damit vorbelegt – korrigieren Sie dort, was für Ihren Vertrag anders ist.", EN: "This is what the catalogue knows about the tool. The following questions are prefilled from it – correct there whatever is different for your contract."},
	"ui.facts.user":             {DE: "Ihre Angaben zu diesem Werkzeug, Stand heute. Die folgenden Fragen sind damit vorbelegt.", EN: "What you said about this tool, as of today. The following questions are prefilled from it."},
	"ui.facts.none":             {DE: "Der Katalog kennt keine Fakten zu diesem Werkzeug.", EN: "The catalogue has no facts about this tool."},
	"ui.facts.go":               {DE: "Enter: weiter", EN: "enter: continue"},
	"ui.step.min":               {DE: "Schritt %d von mind. %d", EN: "Step %d of at least %d"},
	"ui.step":                   {DE: "Schritt %d von %d", EN: "Step %d of %d"},
	"ui.saved":                  {DE: "Gesichert in", EN: "Saved to"},
	"ui.why":                    {DE: "Warum wir fragen", EN: "Why we ask"},
	"ui.note":                   {DE: "Notiz", EN: "Note"},
	"ui.note.title":             {DE: "Notiz zu dieser Frage (Enter speichert, leer löscht)", EN: "Note on this question (enter saves, empty deletes)"},
	"ui.prefill":                {DE: "Vorschlag aus dem Katalog", EN: "Suggested by the catalogue"},
	"ui.review":                 {DE: "Überblick: alle Antworten", EN: "Review: all answers"},
	"ui.review.help":            {DE: "↑/↓ wählen · Enter ändern · p Plan ansehen", EN: "↑/↓ select · enter change · p view the plan"},
	"ui.preview":                {DE: "Vorschau des Plans", EN: "Plan preview"},
	"ui.preview.help":           {DE: "↑/↓ blättern · s speichern · shift+tab zurück", EN: "↑/↓ scroll · s save · shift+tab back"},
	"ui.save":                   {DE: "Plan speichern", EN: "Save the plan"},
	"ui.save.path":              {DE: "Datei für den Plan (Markdown)", EN: "File for the plan (Markdown)"},
	"ui.save.extra":             {DE: "Zusätzlich speichern", EN: "Also save"},
	"ui.save.json":              {DE: "Plan als JSON (.json)", EN: "Plan as JSON (.json)"},
	"ui.save.answers":           {DE: "Antworten (.answers.yaml)", EN: "Answers (.answers.yaml)"},
	"ui.save.exists":            {DE: "%s gibt es schon. Überschreiben? (j/n)", EN: "%s exists. Overwrite? (y/n)"},
	"ui.save.error":             {DE: "Nicht gespeichert", EN: "Not saved"},
	"ui.done":                   {DE: "Fertig – gespeichert:", EN: "Done – saved:"},
	"ui.done.help":              {DE: "Enter oder q beendet konform.", EN: "enter or q quits konform."},
	"ui.quit":                   {DE: "konform beenden? Ihre Antworten sind gesichert. (j/n)", EN: "Quit konform? Your answers are saved. (y/n)"},
	"ui.small":                  {DE: "Bitte vergrößern Sie das Fenster auf mindestens %d×%d Zeichen.", EN: "Please make the window at least %d×%d characters."},
	"ui.keys.question":          {DE: "enter weiter · shift+tab zurück · ? warum · ctrl+o Notiz · ctrl+c beenden", EN: "enter next · shift+tab back · ? why · ctrl+o note · ctrl+c quit"},
	"ui.keys.form":              {DE: "enter weiter · shift+tab zurück · ctrl+c beenden", EN: "enter next · shift+tab back · ctrl+c quit"},
	"ui.multi.required":         {DE: "Bitte mindestens eine Antwort wählen (Leertaste) – auch „Unbekannt“ geht.", EN: "Please choose at least one answer (space) – \"Unknown\" is fine too."},
	"acc.intro":                 {DE: "Barrierearmer Modus: eine Frage nach der anderen. Antworten Sie mit der Nummer einer Antwort und Enter. ? zeigt, warum wir fragen; ! gefolgt von Text speichert eine Notiz; < geht eine Frage zurück. Eine leere Zeile übernimmt den Vorschlag in Klammern.", EN: "Accessible mode: one question after another. Answer with the number of an answer and enter. ? shows why we ask; ! followed by text saves a note; < goes back one question. An empty line takes the suggestion in brackets."},
	"acc.question":              {DE: "Frage %d von %d", EN: "Question %d of %d"},
	"acc.choose":                {DE: "Ihre Wahl", EN: "Your choice"},
	"acc.multi":                 {DE: "Mehrere Nummern durch Komma trennen", EN: "Separate several numbers with commas"},
	"acc.invalid":               {DE: "Das ist keine der Antworten. Bitte eine Nummer von 1 bis %d.", EN: "That is not one of the answers. Please a number from 1 to %d."},
	"acc.notesaved":             {DE: "Notiz gespeichert.", EN: "Note saved."},
	"acc.eof":                   {DE: "Die Eingabe endet vor dem Ende der Bewertung.", EN: "The input ends before the end of the assessment."},
	"acc.toolsprompt":           {DE: "Nummern der Werkzeuge, durch Komma getrennt", EN: "Numbers of the tools, separated by commas"},
	"acc.facts":                 {DE: "Fakten aus dem Katalog", EN: "Facts from the catalogue"},
	"acc.summary":               {DE: "Ergebnis", EN: "Result"},
	"acc.overwrite":             {DE: "%s gibt es schon. Überschreiben? (j/n)", EN: "%s exists. Overwrite? (y/n)"},
	"acc.extras":                {DE: "Auch JSON-Plan und Antworten speichern? (j/n)", EN: "Also save the JSON plan and the answers? (y/n)"},
	"ui.back":                   {DE: "zurück", EN: "back"},
	"ui.noanswer":               {DE: "–", EN: "–"},
	"q.title":                   {DE: "Fragebogen: Datenschutz bei Messengern und Videokonferenzen", EN: "Questionnaire: data protection for messengers and video conferencing"},
	"q.intro":                   {DE: "Kreuzen Sie je Frage eine Antwort an. „Unbekannt – zu klären“ ist eine gute Antwort: Sie wird im Plan zur offenen Frage. Fragen mit „Nur wenn“ überspringen Sie, wenn die Bedingung nicht zutrifft; „A / B“ heißt: eine dieser Antworten.", EN: "Tick one answer per question. \"Unknown – to clarify\" is a good answer: it becomes an open question in the plan. Skip questions marked \"Only if\" when the condition does not hold; \"A / B\" means: one of these answers."},
	"q.scope.context":           {DE: "Teil 1: Fragen zur Organisation", EN: "Part 1: Questions about the organisation"},
	"q.scope.tool":              {DE: "Teil 2: Fragen je Werkzeug", EN: "Part 2: Questions for each tool"},
	"q.pertool":                 {DE: "Beantworten Sie diesen Teil für jedes Werkzeug einmal (z. B. einmal für WhatsApp, einmal für Zoom).", EN: "Answer this part once for each tool (e.g. once for WhatsApp, once for Zoom)."},
	"q.onlyif":                  {DE: "Nur wenn", EN: "Only if"},
	"q.freetext":                {DE: "Freitext", EN: "Free text"},
	"q.multi":                   {DE: "Mehrere Antworten möglich.", EN: "Several answers possible."},
	"q.and":                     {DE: "und", EN: "and"},
	"q.or":                      {DE: "oder", EN: "or"},
	"q.not":                     {DE: "nicht", EN: "not"},
	"q.anytool":                 {DE: "bei einem der Werkzeuge", EN: "for one of the tools"},
	"q.kindis":                  {DE: "das Werkzeug ist:", EN: "the tool is:"},
	"q.toolis":                  {DE: "das Werkzeug ist", EN: "the tool is"},
}

// T returns the string for key in the language; a missing key is a bug
// and shows as the key itself so tests catch it.
func T(l catalog.Lang, key string) string {
	t, ok := strs[key]
	if !ok {
		return "!" + key
	}
	return t.In(l)
}

// Keys lists every key, for tests.
func Keys() []string {
	keys := make([]string, 0, len(strs))
	for k := range strs {
		keys = append(keys, k)
	}
	return keys
}

// Detect picks the language from the environment variables LC_ALL,
// LC_MESSAGES and LANG, in that order; German unless they say English.
func Detect(getenv func(string) string) catalog.Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		s := strings.ToLower(getenv(v))
		if s == "" || s == "c" || s == "posix" {
			continue
		}
		if strings.HasPrefix(s, "en") {
			return catalog.EN
		}
		return catalog.DE
	}
	return catalog.DE
}
