package cli

// German help. The English texts live with the commands; here is their
// German, keyed by the command path and, for flags, "path --flag". A test
// checks that every command and flag a user can see has its German.
var helpDE = map[string]string{
	"konform": "DSGVO-Check für Messenger und Videokonferenzen",
	"konform (long)": `konform geht mit Ihnen die DSGVO-Checkliste für Messenger und
Videokonferenz-Werkzeuge durch und erstellt einen priorisierten
Aktionsplan in Markdown: was zu tun ist, bis wann, warum und auf welcher
Rechtsgrundlage.

Es arbeitet vollständig offline und sendet nichts.`,
	"konform (example)": `  # Einen Plan aus einer Antwortdatei erstellen
  konform plan --answers examples/craft-whatsapp.yaml -o plan.md

  # Den leeren Fragebogen für einen Workshop auf Papier drucken
  konform questions --lang de > fragebogen.md

  # Zeigen, was konform über ein Werkzeug weiß
  konform tools show zoom`,
	"konform --accessible": "einfache Fragen nacheinander für Screenreader (auch ACCESSIBLE=1 oder TERM=dumb)",
	"konform --catalog":    "eigene Katalogdatei: ergänzt Werkzeuge, korrigiert Fakten (auch KONFORM_CATALOG)",
	"konform --check":      "quick: nur die Fragen, die eine kritische Maßnahme auslösen können (etwa 10 Minuten); full: alle Fragen; mit --resume ergänzt full einen Schnellcheck (Standard: wird beim Start gefragt, im barrierearmen Modus full)",
	"konform --lang":       "Sprache: de oder en (Standard: aus LC_ALL, LC_MESSAGES, LANG)",
	"konform --resume":     "die Sitzung in dieser Antwortdatei fortsetzen",

	"konform run": "den interaktiven Assistenten starten (Standard)",
	"konform run (long)": `Startet den Assistenten, der Sie durch die Checkliste führt und den Plan
speichert. Jede Antwort wird sofort in einer Sitzungsdatei in Ihrem
Statusordner ($XDG_STATE_HOME/konform) gesichert, nichts geht verloren;
--resume setzt eine Sitzung fort.`,

	"konform plan": "den Aktionsplan aus einer Antwortdatei erstellen",
	"konform plan (long)": `Liest eine Antwortdatei (YAML oder JSON, siehe README), bewertet sie und
gibt den Aktionsplan als Markdown (Standard), JSON, CSV oder HTML aus. Mit
-o wird der Plan in eine Datei geschrieben; eine vorhandene Datei wird nur
mit --force ersetzt.

Mit einem Ordner als --answers und --out-dir erhält jede Antwortdatei im
Ordner ihren Plan, benannt wie die Datei; fehlerhafte Dateien werden
gemeldet und übersprungen.`,
	"konform plan --answers": "Antwortdatei (YAML oder JSON; - für die Standardeingabe)",
	"konform plan --format":  "Ausgabeformat: md, json, csv, html oder txt (eine Zeile je Maßnahme, für git diff)",
	"konform plan --lang":    "Sprache des Plans: de oder en (Standard: lang der Antwortdatei)",
	"konform plan --output":  "den Plan in diese Datei statt auf die Standardausgabe schreiben (- ist die Standardausgabe)",
	"konform plan --out-dir": "bei einem Ordner mit Antwortdateien: je Datei einen Plan hierhin schreiben",
	"konform plan --force":   "eine vorhandene Ausgabedatei ersetzen",

	"konform questions":          "der leere Fragebogen, für Papier oder als JSON",
	"konform questions --format": "Ausgabeformat: md oder json",
	"konform questions --lang":   "Sprache: de oder en (Standard: aus LC_ALL, LC_MESSAGES, LANG)",
	"konform questions --quick":  "nur die Fragen des Schnellchecks (die eine kritische Maßnahme auslösen können)",

	"konform tools":          "die Werkzeuge im Katalog, mit datierten Fakten",
	"konform tools --kind":   "nur Messenger (messenger) oder Videotools (video)",
	"konform tools --format": "Ausgabeformat: table, md oder json",
	"konform tools --lang":   "Sprache: de oder en (Standard: aus LC_ALL, LC_MESSAGES, LANG)",

	"konform tools show":        "den Steckbrief eines Werkzeugs mit Daten und Quellen zeigen",
	"konform tools show --lang": "Sprache: de oder en (Standard: aus LC_ALL, LC_MESSAGES, LANG)",

	"konform portfolio": "Alle Mandanten in einer Übersicht: Ampeln, Überfälliges, fällige Überprüfungen",
	"konform portfolio (long)": `Liest einen Ordner mit Antwortdateien, eine je Mandant (auch in
Unterordnern), und zeigt alle Mandanten in einer Übersicht, das
Dringendste zuerst: die letzte Prüfung und ihre Art (ein nicht
vervollständigter Schnellcheck ist markiert), die Ampel, offene kritische
und hohe Maßnahmen, Maßnahmen, deren vereinbartes Fälligkeitsdatum
verstrichen ist oder in den nächsten 30 Tagen liegt, und den Tag, an dem
die Bewertung zu überprüfen ist (assessment.review in der Antwortdatei,
sonst ein Jahr danach). Eine Datei, die sich nicht lesen lässt, steht mit
ihrem Fehler in der Liste; die anderen werden trotzdem gezeigt.
Mit --catalog DATEI wird jeder Mandant unter dem geänderten Katalog neu
bewertet, und die Übersicht zeigt, für wen sich was ändern würde:
Maßnahmen neu, entfallen oder mit anderer Priorität, Ampeln, die sich
bewegen, erste Schritte, die sich ändern. Versteckte Dateien und
JSON-Pläne im Ordner bleiben außen vor.`,
	"konform portfolio --date":   "Stand der Übersicht, JJJJ-MM-TT (Standard: heute)",
	"konform portfolio --force":  "die Ausgabedatei ersetzen, falls es sie gibt",
	"konform portfolio --format": "Ausgabeformat: table, md, json oder csv",
	"konform portfolio --lang":   "Sprache: de oder en (Standard: aus LC_ALL, LC_MESSAGES, LANG)",
	"konform portfolio --output": "in diese Datei schreiben statt auf die Standardausgabe",
	"konform compare":            "Werkzeuge nebeneinander vergleichen: Fakten und die Maßnahmen, die jedes bräuchte",
	"konform compare (long)": `Zeigt die Katalogfakten von zwei oder mehr Werkzeugen nebeneinander, jede
mit Datum, und zählt nach Priorität die Maßnahmen, die jedes Werkzeug in
Ihrem Umfeld bräuchte. Mit --answers sind die Organisationsantworten
dieser Datei das Umfeld (eine Praxis mit Schweigepflicht braucht mehr als
ein Handwerksbetrieb); ohne gilt jede Organisationsfrage als ungeklärt.`,
	"konform compare --answers": "die Antworten der Organisation aus dieser Antwortdatei als Umfeld nehmen",
	"konform compare --date":    "zu diesem Datum vergleichen, JJJJ-MM-TT (Standard: Datum der Antwortdatei, sonst heute)",
	"konform compare --format":  "Ausgabeformat: table, md oder json",
	"konform compare --lang":    "Sprache: de oder en (Standard: die der Antwortdatei, sonst aus LC_ALL, LC_MESSAGES, LANG)",

	"konform diff": "Fortschritt zwischen zwei Bewertungen: erledigt, neu, geändert",
	"konform diff (long)": `Vergleicht zwei Antwortdateien derselben Organisation, etwa aus zwei
Workshops im Abstand von sechs Monaten: erledigte Maßnahmen (umgesetzt,
nicht zutreffend oder von den Antworten nicht mehr verlangt), neue
Maßnahmen, Maßnahmen mit geänderter Priorität oder geändertem Stand, die
Ampeln damals und heute und die geänderten Antworten. Den Markdown-Bericht
kann man nach dem zweiten Workshop übergeben. Auch zwei JSON-Pläne
(konform plan --format json) lassen sich vergleichen, außer den Antworten,
die ein JSON-Plan nicht enthält. Gleiche Dateien ergeben einen leeren
Bericht; zwei verschiedene Organisationen werden mit einer Warnung
verglichen.`,
	"konform diff --format": "Ausgabeformat: md oder json",
	"konform diff --lang":   "Sprache: de oder en (Standard: die der neueren Antwortdatei)",

	"konform validate":        "Antwortdateien prüfen und jedes Problem melden",
	"konform version":         "die Version von konform ausgeben",
	"konform completion":      "Vervollständigung für die Shell: bash, zsh, fish, …",
	"konform help":            "Hilfe zu jedem Befehl",
	"konform completion bash": "das Vervollständigungs-Skript für die bash erzeugen",
	"konform completion bash (long)": `Erzeugt das Vervollständigungs-Skript für die bash. Es braucht das Paket „bash-completion“.

In der laufenden Sitzung laden:

  source <(konform completion bash)

Für jede neue Sitzung einmal:

  Linux: konform completion bash > /etc/bash_completion.d/konform
  macOS: konform completion bash > $(brew --prefix)/etc/bash_completion.d/konform

Danach eine neue Shell starten.`,
	"konform completion bash --no-descriptions": "Vorschläge ohne Beschreibungen",
	"konform completion zsh":                    "das Vervollständigungs-Skript für die zsh erzeugen",
	"konform completion zsh (long)": `Erzeugt das Vervollständigungs-Skript für die zsh. Ist die Vervollständigung in der zsh noch nicht eingeschaltet, einmal ausführen:

  echo "autoload -U compinit; compinit" >> ~/.zshrc

In der laufenden Sitzung laden:

  source <(konform completion zsh)

Für jede neue Sitzung einmal:

  Linux: konform completion zsh > "${fpath[1]}/_konform"
  macOS: konform completion zsh > $(brew --prefix)/share/zsh/site-functions/_konform

Danach eine neue Shell starten.`,
	"konform completion zsh --no-descriptions": "Vorschläge ohne Beschreibungen",
	"konform completion fish":                  "das Vervollständigungs-Skript für die fish erzeugen",
	"konform completion fish (long)": `Erzeugt das Vervollständigungs-Skript für die fish.

In der laufenden Sitzung laden:

  konform completion fish | source

Für jede neue Sitzung einmal:

  konform completion fish > ~/.config/fish/completions/konform.fish

Danach eine neue Shell starten.`,
	"konform completion fish --no-descriptions": "Vorschläge ohne Beschreibungen",
	"konform completion powershell":             "das Vervollständigungs-Skript für die PowerShell erzeugen",
	"konform completion powershell (long)": `Erzeugt das Vervollständigungs-Skript für die PowerShell.

In der laufenden Sitzung laden:

  konform completion powershell | Out-String | Invoke-Expression

Für jede neue Sitzung einmal:

  die Ausgabe von „konform completion powershell“ in Ihr PowerShell-Profil aufnehmen

Danach eine neue Shell starten.`,
	"konform completion powershell --no-descriptions": "Vorschläge ohne Beschreibungen",
	"konform help (long)": `Hilfe zu jedem Befehl: konform help BEFEHL, zum Beispiel konform help
plan.`,
	"konform completion (long)": `Erzeugt das Vervollständigungs-Skript für Ihre Shell. Wie man es lädt,
steht in der Hilfe der jeweiligen Shell, etwa konform completion bash
--help.`,
	"konform run --accessible": "einfache Fragen nacheinander für Screenreader (auch ACCESSIBLE=1 oder TERM=dumb)",
	"konform run --check":      "quick: nur die Fragen, die eine kritische Maßnahme auslösen können (etwa 10 Minuten); full: alle Fragen; mit --resume ergänzt full einen Schnellcheck (Standard: wird beim Start gefragt, im barrierearmen Modus full)",
	"konform run --lang":       "Sprache: de oder en (Standard: aus LC_ALL, LC_MESSAGES, LANG)",
	"konform run --resume":     "die Sitzung in dieser Antwortdatei fortsetzen",
	"konform draft":            "Entwürfe der Dokumente, die der Plan verlangt: Verzeichnis, Hinweise, Richtlinie, DSFA- und AVV-Prüfung",
	"konform draft (long)": `Schreibt erste Entwürfe aus einer Antwortdatei: das Verzeichnis von
Verarbeitungstätigkeiten (records), Abschnitte für die Datenschutzhinweise
(notice), eine Nutzungsrichtlinie für Beschäftigte (policy), eine
dokumentierte Schwellwertanalyse zur Datenschutz-Folgenabschätzung
(dpia-check) und eine Prüfliste für die Auftragsverarbeitungsverträge der
Anbieter (dpa-check). Jedes Feld, das die Antworten offenlassen, ist mit
„zu klären: …“ und der Frage markiert, die es füllt; die Markierungen
werden oben in jedem Entwurf gezählt.

Ohne -o oder --out-dir gehen die Entwürfe auf die Standardausgabe;
--out-dir schreibt eine Datei je Art. Mit einem Ordner als --answers
erhält jede Antwortdatei ihre Entwürfe in --out-dir.`,
	"konform draft (example)": `  konform draft --answers praxis.yaml --out-dir entwuerfe/
  konform draft --answers praxis.yaml --kind records -o verzeichnis.md
  konform draft --answers praxis.yaml --kind dpia-check --format html -o dsfa.html`,
	"konform draft --answers": "Antwortdatei (YAML oder JSON; - für die Standardeingabe) oder ein Ordner davon",
	"konform draft --kind":    "welcher Entwurf: records, notice, policy, dpia-check, dpa-check oder all",
	"konform draft --format":  "Ausgabeformat: md oder html",
	"konform draft --lang":    "Sprache der Entwürfe: de oder en (Standard: lang der Antwortdatei)",
	"konform draft --output":  "den Entwurf in diese Datei schreiben (nur eine Art)",
	"konform draft --out-dir": "eine Datei je Art in diesen Ordner schreiben",
	"konform draft --force":   "vorhandene Dateien ersetzen",
}
