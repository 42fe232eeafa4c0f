package browser

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
	"aula/lessons/validate"
)

const fixture = `
pages:
  - id: search
    url: https://buscador.example/buscar?q=cita
    title: Buscador
    blocks:
      - heading: Resultados
      - link: Cita previa Seguridad Social, pídela aquí
        id: ad-lookalike
        to: lookalike
        ad: true
      - link: Cita previa - Seguridad Social
        id: official
        to: sede
        result: true
  - id: lookalike
    url: https://www.citaprevia-seguridadsocial.com/
    title: Gestión de citas
    blocks:
      - text: Pague 19,90 euros.
  - id: sede
    url: https://sede.seg-social.gob.es/cita
    title: Sede electrónica
    blocks:
      - download: justificante.pdf
        id: receipt
        size: 85 KB
      - download: folleto.pdf
        id: leaflet
        size: 2 MB
rules:
  - id: no-ad
    check: no-ad
    feedback: That was an advert.
  - id: look
    check: inspected
    values: [ad-lookalike]
    feedback: Look where it goes first.
  - id: official
    check: reached
    values: [sede]
    feedback: You have not reached the official site yet.
  - id: receipt
    check: downloaded
    values: [receipt]
    feedback: Download the receipt.
    wrong:
      leaflet: That is the leaflet, not the receipt.
`

func load(t testing.TB, src string) (*Browser, []judge.Problem) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	x := &Browser{}
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
	if x.Start != "search" {
		t.Errorf("start defaulted to %q, want the first page", x.Start)
	}
	if b, p := x.Block("official"); b == nil || p.ID != "search" || x.Target(b) != "https://sede.seg-social.gob.es/cita" {
		t.Errorf("official link: %v %v", b, p)
	}
}

func TestCheckReportsEachProblemAtItsLine(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"link to a missing page", "to: sede", "to: nowhere", `:14: step "s": link "official" opens page "nowhere"`},
		{"rule naming a missing page", "values: [sede]", "values: [nowhere]", `:41: step "s" rule 3: there is no page "nowhere"`},
		{"rule naming a missing link", "values: [ad-lookalike]", "values: [nolink]", `:37: step "s" rule 2: there is no link "nolink"`},
		{"bad page id", "id: sede\n", "id: Sede\n", `:21: step "s": page id "Sede" should be`},
		{"duplicate page id", "id: lookalike\n    url", "id: search\n    url", `:16: step "s": page id "search" is used twice`},
		{"address without host", "url: https://sede.seg-social.gob.es/cita", "url: sede", `:22: step "s": page "sede" needs url`},
		{"two things in a block", "- text: Pague 19,90 euros.", "- text: Pague\n        heading: Two", `:20: step "s" page "lookalike" block 1: a block is one of`},
		{"unknown check", "check: no-ad", "check: no-adverts", `:33: step "s" rule 1: check "no-adverts" is not one of`},
		{"download without size", "size: 85 KB", "result: false", `:25: step "s": download "receipt" needs a size`},
		{"wrong for a missing download", "leaflet: That", "pamphlet: That", `rule 4: wrong "pamphlet" should be a download`},
		{"misspelt key", "ad: true", "advert: true", `:11: unknown field "advert"`},
		{"missing start page", "pages:", "start: home\npages:", `:2: step "s": start "home" is not one of its pages`},
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

func TestJudge(t *testing.T) {
	x, _ := load(t, fixture)
	act := func(kind, id string) *Action { return &Action{Kind: kind, ID: id} }
	for _, tc := range []struct {
		name     string
		a        Answer
		correct  bool
		reason   judge.Reason
		mistake  string
		feedback string
	}{
		{"not an answer", Answer{}, false, judge.ReasonInvalid, "", ""},
		{"check with nothing done", Answer{Visited: []string{"search"}}, false, judge.ReasonWrong, "look", "Look where it goes first."},
		{"advert followed", Answer{Visited: []string{"search", "lookalike"}, Followed: []string{"ad-lookalike"},
			Unseen: []string{"ad-lookalike"}, Last: act(ActFollow, "ad-lookalike")}, false, judge.ReasonWrong, "no-ad", "That was an advert."},
		{"inspected, task under way", Answer{Visited: []string{"search"}, Inspected: []string{"ad-lookalike"},
			Last: act(ActInspect, "ad-lookalike")}, false, judge.ReasonPending, "", ""},
		{"official followed without the look", Answer{Visited: []string{"search", "sede"}, Followed: []string{"official"},
			Last: act(ActFollow, "official")}, false, judge.ReasonPending, "", ""},
		{"asked to check on the official site without the look", Answer{Visited: []string{"search", "sede"}, Followed: []string{"official"}},
			false, judge.ReasonWrong, "look", "Look where it goes first."},
		{"wrong file", Answer{Visited: []string{"search", "sede"}, Followed: []string{"official"}, Inspected: []string{"ad-lookalike"},
			Downloaded: []string{"leaflet"}, Last: act(ActDownload, "leaflet")}, false, judge.ReasonWrong, "receipt:leaflet", "That is the leaflet, not the receipt."},
		{"all done", Answer{Visited: []string{"search", "sede"}, Followed: []string{"official"}, Inspected: []string{"ad-lookalike"},
			Downloaded: []string{"leaflet", "receipt"}, Last: act(ActDownload, "receipt")}, true, "", "", ""},
		{"an advert opened earlier was a miss then, not for ever", Answer{Visited: []string{"search", "lookalike", "search", "sede"},
			Followed: []string{"ad-lookalike", "official"}, Inspected: []string{"ad-lookalike"}, Unseen: []string{"ad-lookalike"},
			Downloaded: []string{"receipt"}}, true, "", "", ""},
		{"the look-alike followed without a look, then the advert rule speaks first", Answer{Visited: []string{"search", "lookalike"},
			Followed: []string{"ad-lookalike"}, Unseen: []string{"ad-lookalike"}, Last: act(ActFollow, "ad-lookalike")},
			false, judge.ReasonWrong, "no-ad", "That was an advert."},
		{"an advert looked at after a first visit is still an advert", Answer{Visited: []string{"search", "lookalike", "search", "lookalike"},
			Followed: []string{"ad-lookalike", "ad-lookalike"}, Inspected: []string{"ad-lookalike"}, Unseen: []string{"ad-lookalike"},
			Last: act(ActFollow, "ad-lookalike")}, false, judge.ReasonWrong, "no-ad", "That was an advert."},
		{"going back after an advert is not a new mistake", Answer{Visited: []string{"search", "lookalike", "search"},
			Followed: []string{"ad-lookalike"}, Last: act(ActBack, "")}, false, judge.ReasonPending, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a judge.Answer = tc.a
			if tc.name == "not an answer" {
				a = "text"
			}
			v := x.Judge(a)
			if v.Correct != tc.correct || v.Reason != tc.reason || v.Mistake != tc.mistake || v.Feedback != tc.feedback {
				t.Errorf("got %+v", v)
			}
		})
	}
}

// FuzzBrowser loads any lesson data and judges any sequence of actions in
// it: never a panic, and a verdict is either right or has a reason.
func FuzzBrowser(f *testing.F) {
	f.Add(fixture, "search,sede", "official", "ad-lookalike", "receipt", byte(0))
	f.Add("pages: [~]\nrules: [~, {check: reached}]", "", "", "", "", byte(1))
	f.Add("pages:\n  - id: a\n    blocks: [{link: x, to: a}, ~]\n", "a", "a-1", "a-1", "", byte(2))
	f.Add(bookmarkFixture, "search", "bookmark-1", "", "", byte(5))
	f.Fuzz(func(t *testing.T, src, visited, followed, inspected, downloaded string, last byte) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil || len(doc.Content) == 0 {
			return
		}
		x := &Browser{}
		if doc.Content[0].Decode(x) != nil {
			return
		}
		x.Check(&judge.Problems{}, "s", doc.Content[0])
		_ = x.Shape()
		split := func(s string) []string { return strings.Split(s, ",") }
		a := Answer{Visited: split(visited), Followed: split(followed), Inspected: split(inspected), Downloaded: split(downloaded),
			Saved: split(visited)}
		kinds := []string{"", ActFollow, ActInspect, ActDownload, ActBack, ActBookmark}
		if k := kinds[int(last)%len(kinds)]; k != "" {
			a.Last = &Action{Kind: k, ID: a.Followed[0]}
		}
		v := x.Judge(a)
		if !v.Correct && v.Reason == "" {
			t.Errorf("a wrong verdict without a reason: %+v", v)
		}
		for _, pg := range x.Pages {
			for _, b := range pg.Blocks {
				_ = x.Target(b)
				_ = validate.Domain(validate.Host(pg.URL))
			}
		}
	})
}
