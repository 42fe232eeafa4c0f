package files

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
)

const fixture = `
start: downloads
folders:
  - id: downloads
    name: Descargas
    files:
      - id: receipt
        name: justificante_solicitud.pdf
        kb: 85
        date: 2026-12-05
        preview: Justificante de presentación.
      - id: old-receipt
        name: justificante_2025.pdf
        kb: 80
        date: 2025-11-03
        preview: Justificante del año pasado.
      - id: invoice
        name: factura.pdf.exe
        kb: 1200
        date: 2026-12-04
        preview: Un programa.
  - id: documents
    name: Documentos
rules:
  - id: no-exe
    check: not-opened
    values: [invoice]
    feedback: That is a program, not a PDF.
  - id: sort
    check: sorted
    values: [date]
    feedback: Sort by date.
  - id: open
    check: opened
    values: [receipt]
    feedback: Open the new receipt.
    wrong:
      old-receipt: That is last year's receipt, look at the date.
  - id: name
    check: renamed
    file: receipt
    values: [justificante, ingreso]
    feedback: Rename the receipt.
    wrong:
      extension: Keep the .pdf ending.
      spaces: No spaces, please.
      accents: No accents, please.
      words: Say what it is.
  - id: move
    check: moved
    file: receipt
    folder: Trámites
    feedback: Move it to a new folder Trámites.
    wrong:
      elsewhere: That is another folder.
  - id: choose
    check: chosen
    values: [receipt]
    feedback: Choose the receipt.
    wrong:
      old-receipt: That one is from last year.
  - id: bin
    check: deleted
    values: [invoice]
    feedback: Put the program in the bin.
`

func load(t testing.TB, src string) (*Files, []judge.Problem) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	x := &Files{}
	if err := doc.Content[0].Decode(x); err != nil {
		t.Fatal(err)
	}
	p := &judge.Problems{File: "t.yaml"}
	x.Check(p, "s", doc.Content[0])
	return x, p.List
}

func TestCheckFixtureIsClean(t *testing.T) {
	x, probs := load(t, fixture)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if f, in := x.File("invoice"); f == nil || in.ID != "downloads" || Ext(f.Name) != "EXE" {
		t.Errorf("invoice: %v in %v", f, in)
	}
}

func TestCheckReportsEachProblemAtItsLine(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"file without ending", "name: factura.pdf.exe", "name: factura", `:17: step "s": file "invoice" needs a name with its ending`},
		{"bad date", "date: 2025-11-03", "date: 3/11/2025", `:15: step "s": file "old-receipt" needs a date`},
		{"no size", "kb: 1200", "kb: 0", `:17: step "s": file "invoice" needs kb`},
		{"no preview", "preview: Un programa.", "preview: \"\"", `:17: step "s": file "invoice" needs a preview`},
		{"unknown file in values", "values: [invoice]\n    feedback: That", "values: [nofile]\n    feedback: That", `:27: step "s" rule 1: there is no file "nofile"`},
		{"unknown sort", "values: [date]", "values: [colour]", `:31: step "s" rule 2: sort "colour" is not one of`},
		{"rename without file", "file: receipt\n    values: [justificante", "values: [justificante", `step "s" rule 4: check "renamed" needs file`},
		{"two words in one", "values: [justificante, ingreso]", "values: [justificante ingreso]", `rule 4: "justificante ingreso" should be one word`},
		{"bad wrong key", "extension: Keep", "ending: Keep", `rule 4: wrong "ending" is not one of`},
		{"wrong for the right file", "old-receipt: That one", "receipt: That one", `rule 6: wrong "receipt" should be a file not asked for`},
		{"move to where it is", "folder: Trámites", "folder: downloads", `rule 5: file "receipt" is in folder "downloads" already`},
		{"unknown check", "check: sorted", "check: ordered", `:30: step "s" rule 2: check "ordered" is not one of`},
		{"bin as a folder", "- id: documents", "- id: trash", `folder id "trash" is the bin`},
		{"missing start", "start: downloads", "start: desk", `:2: step "s": start "desk" is not one of its folders`},
		{"misspelt key", "kb: 85", "size: 85", `:9: unknown field "size"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(fixture, tc.old, tc.new, 1)
			if src == fixture {
				t.Fatalf("fixture has no %q", tc.old)
			}
			_, probs := load(t, src)
			var all []string
			for _, p := range probs {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tc.want) {
				t.Errorf("want a problem containing %q, got:\n%s", tc.want, strings.Join(all, "\n"))
			}
		})
	}
}

// done is an answer that meets every rule of the fixture.
func done(x *Files) Answer { return x.Sample() }

func TestSampleMeetsEveryRule(t *testing.T) {
	x, _ := load(t, fixture)
	if v := x.Judge(x.Solution()); !v.Correct {
		t.Fatalf("the sample is judged %+v", v)
	}
	if got := x.Sample().Names["receipt"]; got != "justificante-ingreso.pdf" {
		t.Errorf("sample name %q", got)
	}
}

func TestJudgeEachMistake(t *testing.T) {
	x, _ := load(t, fixture)
	for _, tc := range []struct {
		name     string
		change   func(a *Answer)
		mistake  string
		feedback string
	}{
		{"opened the program", func(a *Answer) { a.Last = &Action{Kind: ActOpen, ID: "invoice"} }, "no-exe", "That is a program, not a PDF."},
		{"not sorted", func(a *Answer) { a.Sorted = nil }, "sort", "Sort by date."},
		{"sorted by name only", func(a *Answer) { a.Sorted = []string{SortName} }, "sort", "Sort by date."},
		{"opened nothing", func(a *Answer) { a.Opened = nil }, "open", "Open the new receipt."},
		{"opened last year's", func(a *Answer) {
			a.Opened = []string{"old-receipt"}
			a.Last = &Action{Kind: ActOpen, ID: "old-receipt"}
		}, "open:old-receipt", "That is last year's receipt, look at the date."},
		{"not renamed", func(a *Answer) { delete(a.Names, "receipt") }, "name", "Rename the receipt."},
		{"lost the ending", func(a *Answer) { a.Names["receipt"] = "justificante-ingreso" }, "name:extension", "Keep the .pdf ending."},
		{"changed the ending", func(a *Answer) { a.Names["receipt"] = "justificante-ingreso.jpg" }, "name:extension", "Keep the .pdf ending."},
		{"spaces", func(a *Answer) { a.Names["receipt"] = "justificante ingreso.pdf" }, "name:spaces", "No spaces, please."},
		{"accents", func(a *Answer) { a.Names["receipt"] = "justificante-ingreso-mínimo.pdf" }, "name:accents", "No accents, please."},
		{"signs", func(a *Answer) { a.Names["receipt"] = "justificante/ingreso.pdf" }, "name:accents", "No accents, please."},
		{"missing a word", func(a *Answer) { a.Names["receipt"] = "papel-ingreso.pdf" }, "name:words", "Say what it is."},
		{"not moved", func(a *Answer) { delete(a.Where, "receipt") }, "move", "Move it to a new folder Trámites."},
		{"moved elsewhere", func(a *Answer) { a.Where["receipt"] = "documents" }, "move:elsewhere", "That is another folder."},
		{"folder with another name", func(a *Answer) { a.Made["made-1"] = "Papeles" }, "move:elsewhere", "That is another folder."},
		{"chose nothing", func(a *Answer) { a.Chosen = "" }, "choose", "Choose the receipt."},
		{"chose last year's", func(a *Answer) { a.Chosen = "old-receipt" }, "choose:old-receipt", "That one is from last year."},
		{"program kept", func(a *Answer) { delete(a.Where, "invoice") }, "bin", "Put the program in the bin."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := done(x)
			tc.change(&a)
			v := x.Judge(a)
			if v.Correct || v.Mistake != tc.mistake || v.Feedback != tc.feedback || v.Reason != judge.ReasonWrong {
				t.Errorf("got %+v, want mistake %q with %q", v, tc.mistake, tc.feedback)
			}
		})
	}
}

func TestFolderNamesFoldAccentsAndCase(t *testing.T) {
	x, _ := load(t, fixture)
	a := done(x)
	a.Made["made-1"] = "tramites"
	if v := x.Judge(a); !v.Correct {
		t.Errorf("a folder typed «tramites» for «Trámites»: %+v", v)
	}
}

// After an action only that action's mistake is said; a task under way is
// pending.
func TestJudgeAfterAnAction(t *testing.T) {
	x, _ := load(t, fixture)
	empty := Answer{}
	for _, tc := range []struct {
		name    string
		a       Answer
		mistake string
		reason  judge.Reason
	}{
		{"sorting, nothing else yet", Answer{Sorted: []string{SortDate}, Last: &Action{Kind: ActSort}}, "", judge.ReasonPending},
		{"opening the right file", Answer{Opened: []string{"receipt"}, Last: &Action{Kind: ActOpen, ID: "receipt"}}, "", judge.ReasonPending},
		{"opening the program", Answer{Last: &Action{Kind: ActOpen, ID: "invoice"}}, "no-exe", judge.ReasonWrong},
		{"opening last year's", Answer{Opened: []string{"old-receipt"}, Last: &Action{Kind: ActOpen, ID: "old-receipt"}}, "open:old-receipt", judge.ReasonWrong},
		{"a bad name", Answer{Names: map[string]string{"receipt": "mi justificante.pdf"}, Last: &Action{Kind: ActRename, ID: "receipt"}}, "name:spaces", judge.ReasonWrong},
		{"a move elsewhere", Answer{Where: map[string]string{"receipt": "documents"}, Last: &Action{Kind: ActMove, ID: "receipt"}}, "move:elsewhere", judge.ReasonWrong},
		{"choosing last year's", Answer{Chosen: "old-receipt", Last: &Action{Kind: ActChoose, ID: "old-receipt"}}, "choose:old-receipt", judge.ReasonWrong},
		{"checking with nothing done", empty, "sort", judge.ReasonWrong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := x.Judge(tc.a)
			if v.Correct || v.Mistake != tc.mistake || v.Reason != tc.reason {
				t.Errorf("got %+v, want mistake %q reason %q", v, tc.mistake, tc.reason)
			}
		})
	}
	if v := x.Judge("not an answer"); v.Reason != judge.ReasonInvalid {
		t.Errorf("a foreign answer: %+v", v)
	}
}

func TestShapeLeavesOutWordsAndNames(t *testing.T) {
	es, _ := load(t, fixture)
	en, _ := load(t, strings.NewReplacer("Descargas", "Downloads", "justificante, ingreso", "receipt, income", "folder: Trámites", "folder: Forms").Replace(fixture))
	if strings.Join(es.Shape(), "\n") != strings.Join(en.Shape(), "\n") {
		t.Errorf("shapes differ:\n%v\n%v", es.Shape(), en.Shape())
	}
	other, _ := load(t, strings.Replace(fixture, "kb: 85", "kb: 86", 1))
	if strings.Join(es.Shape(), "\n") == strings.Join(other.Shape(), "\n") {
		t.Error("a file of another size has the same shape")
	}
}

func FuzzNameMistake(f *testing.F) {
	for _, s := range []string{"a b.pdf", "justificante.pdf", "x.", "ñ.pdf", "", ".pdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		m := NameMistake("justificante.pdf", name, []string{"justificante"})
		if m == "" && (strings.Contains(name, " ") || Ext(name) != "PDF") {
			t.Errorf("%q passes", name)
		}
	})
}
