package lessons

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The built-in lessons were reviewed on 2026-12-05 (the oldest) and
// 2026-12-06 (the newest).
var (
	firstReviewDay = time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	lastReviewDay  = time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
)

// Every built-in lesson names its sources and its review date, and the
// lessons agree with each other: no warning at all on the review day.
func TestBuiltInLessonsReviewedAndConsistent(t *testing.T) {
	lib, problems := Load(Source{Name: "content", FS: BuiltIn()})
	if len(problems) > 0 {
		t.Fatalf("built-in lessons: %v", problems)
	}
	for _, w := range Review(lib, lastReviewDay) {
		t.Errorf("built-in lessons: %s", w)
	}
	for _, lang := range lib.Langs() {
		for _, l := range lib.Catalog(lang).Lessons {
			if len(l.Sources) == 0 || l.Reviewed == "" {
				t.Errorf("%s: sources %v, reviewed %q", l.File, l.Sources, l.Reviewed)
			}
		}
	}
	var out bytes.Buffer
	WriteSources(&out, lib)
	for _, want := range []string{"# es", "# en", "clave-pin (content/es/clave-pin.yaml), reviewed 2026-12-06",
		"https://clave.gob.es/clave_Home/Clave-Movil/Uso-clave-movil.html", "https://pages.nist.gov/800-63-4/sp800-63b.html"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the sources report has no %q:\n%s", want, out.String())
		}
	}
}

// A review holds 12 months: the day after, every lesson is due again.
func TestReviewIsDueAfterAYear(t *testing.T) {
	lib, _ := Load(Source{Name: "content", FS: BuiltIn()})
	if w := Review(lib, firstReviewDay.AddDate(1, 0, 0)); len(w) != 0 {
		t.Errorf("12 months on, the reviews still hold; got %v", w[0])
	}
	late := Review(lib, lastReviewDay.AddDate(1, 0, 1))
	n := 0
	for _, cat := range lib.catalogs {
		n += len(cat.Lessons)
	}
	if len(late) != n {
		t.Fatalf("%d warnings a year and a day later, want 1 per lesson (%d)", len(late), n)
	}
	if !strings.Contains(late[0].Msg, "over 12 months ago") {
		t.Errorf("warning %q", late[0].Msg)
	}
}

// The folder lessons/testdata/contradiction plants one contradiction of
// each kind; the check finds every one, and nothing else.
func TestReviewCatchesContradictions(t *testing.T) {
	lib, problems := Load(Source{Name: "planted", FS: os.DirFS("testdata/contradiction")})
	if len(problems) > 0 {
		t.Fatalf("the planted lessons should load: %v", problems)
	}
	var got []string
	for _, w := range Review(lib, lastReviewDay) {
		got = append(got, w.String())
	}
	want := []string{
		`planted/es/estafa.yaml:1: fact "passphrase-min-words" is "3" here but "4" in planted/es/facts.yaml:3: the lessons contradict each other`,
		`planted/es/estafa.yaml:1: seg-social.es is shown as a scam here, but planted/es/facts.yaml lists it as official: the lessons contradict each other`,
		`planted/es/estafa.yaml:14: bancoreal-avisos.com is a real web domain that is neither official (facts.yaml, official_domains) nor shown as a scam (fake_domains): say which, or use a practice one (.example)`,
		`planted/es/frase.yaml:1: lesson "frase-plantada" was last reviewed on 2024-06-01, over 12 months ago: check its facts against its sources again`,
		`planted/es/frase.yaml:16: the form is on www.cita-gratis.com, which planted/es/estafa.yaml shows as a scam: use an official domain (facts.yaml) or a practice one (.example)`,
		`planted/es/glossary.yaml:2: fact "passphrase-min-words" is "5" here but "4" in planted/es/facts.yaml:3: the lessons contradict each other`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestProvenanceProblems(t *testing.T) {
	_, problems := Load(Source{Name: "t", FS: fstest.MapFS{"es/a.yaml": {Data: []byte(`id: a
title: A
reviewed: 5/12/2026
sources:
  - name: ""
    url: clave.gob.es
steps:
  - {id: s, kind: read, title: S, text: T, hint: H}
`)}}})
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`reviewed "5/12/2026" should be a date like 2026-12-05`, "source 1 has no name", `url "clave.gob.es" should be a web address`} {
		if !strings.Contains(all, want) {
			t.Errorf("problems %q, want one saying %q", all, want)
		}
	}
}

func TestHostsIn(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Entra en sede.seg-social.gob.es/imv.", []string{"sede.seg-social.gob.es"}},
		{"de notificaciones@seg-social.es", []string{"seg-social.es"}},
		{"Las del Estado terminan en .gob.es, otras en madrid.org", []string{"madrid.org"}},
		{"seguridad-social.gob.es.tramites.example y lucia.prueba@correo.example", nil},
		{"DNI_Lucia_Prueba.pdf, 2.50 €, p. ej. esto", nil},
		{"HTTPS://WWW.SEG-SOCIAL.ES/", []string{"www.seg-social.es"}},
	}
	for _, tt := range tests {
		if got := hostsIn(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("hostsIn(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Learners learn by doing: at most 30 % of the built-in steps only show
// text (issue 15), in every language.
func TestMostStepsAreDoing(t *testing.T) {
	lib, _ := Load(Source{Name: "content", FS: BuiltIn()})
	for _, lang := range lib.Langs() {
		read, all := 0, 0
		for _, l := range lib.Catalog(lang).Lessons {
			for _, s := range l.Steps() {
				all++
				if !s.NeedsAnswer() {
					read++
				}
			}
		}
		if all == 0 || read*100 > all*30 {
			t.Errorf("%s: %d of %d steps only show text (%d %%); keep it to 30 %% at most", lang, read, all, read*100/max(all, 1))
		}
	}
}
