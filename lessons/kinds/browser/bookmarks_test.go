package browser

import (
	"slices"
	"strings"
	"testing"

	"aula/lessons/judge"
)

// A search full of adverts, a bookmarks bar with the official portal, and
// a task: open the official site from the bookmarks and save it there.
const bookmarkFixture = `
pages:
  - id: search
    url: https://buscador.example/buscar?q=seguridad+social
    title: Buscador
    blocks:
      - link: Seguridad Social, trámites rápidos
        id: ad
        to: lookalike
        ad: true
  - id: lookalike
    url: https://www.tramites-ss.example/
    title: Trámites
    blocks:
      - text: Pague 19,90 euros.
  - id: portal
    url: https://administracion.gob.es/
    title: Punto de Acceso General
    blocks:
      - link: Seguridad Social
        id: to-sede
        to: sede
  - id: sede
    url: https://sede.seg-social.gob.es/
    title: Sede electrónica
    blocks:
      - text: Trámites gratis.
bookmarks:
  - link: Punto de Acceso General
    to: portal
  - link: Trámites
    id: fake-bookmark
    to: lookalike
rules:
  - id: no-ad
    check: no-ad
    feedback: That was an advert.
  - id: no-lookalike
    check: not-opened
    values: [lookalike]
    feedback: That is not the official site.
  - id: saved
    check: bookmarked
    values: [sede]
    feedback: Save the official site to your bookmarks.
    wrong:
      lookalike: You saved the look-alike.
      search: You saved the search page.
`

func TestBookmarksAreChecked(t *testing.T) {
	x, probs := load(t, bookmarkFixture)
	if len(probs) > 0 {
		t.Fatalf("fixture: %v", probs)
	}
	if x.Bookmarks[0].ID != "bookmark-1" {
		t.Errorf("a bookmark without an id gets bookmark-1, got %q", x.Bookmarks[0].ID)
	}
	if b, pg := x.Block("bookmark-1"); b == nil || pg != nil || x.Target(b) != "https://administracion.gob.es/" {
		t.Errorf("Block finds a bookmark, on no page: %v %v", b, pg)
	}
	if !slices.Contains(x.Shape(), "bookmark bookmark-1 to=portal") {
		t.Errorf("the shape holds the bookmarks: %v", x.Shape())
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"bookmark to a missing page", "to: portal\n  - link", "to: nowhere\n  - link", `:30: step "s": link "bookmark-1" opens page "nowhere"`},
		{"bookmark that is not a link", "  - link: Punto de Acceso General", "  - text: Punto de Acceso General", `:29: step "s" bookmark 1: a bookmark is a link`},
		{"bookmark that is an advert", "id: fake-bookmark", "id: fake-bookmark\n    ad: true", `:31: step "s" bookmark 2: a bookmark is a link`},
		{"bookmark id used twice", "id: fake-bookmark", "id: ad", `:32: step "s": id "ad" is used twice`},
		{"bookmarked names a missing page", "values: [sede]", "values: [home]", `step "s" rule 3: there is no page "home"`},
		{"wrong names a missing page", "search: You", "home: You", `rule 3: wrong "home" should be a page not asked for`},
		{"wrong on another check", "feedback: That was an advert.", "feedback: That was an advert.\n    wrong: {ad: x}", `rule 1: wrong is only for downloaded and bookmarked checks`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(bookmarkFixture, tc.old, tc.new, 1)
			if src == bookmarkFixture {
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

func TestJudgeBookmarks(t *testing.T) {
	x, _ := load(t, bookmarkFixture)
	act := func(kind, id string) *Action { return &Action{Kind: kind, ID: id} }
	for _, tc := range []struct {
		name     string
		a        Answer
		correct  bool
		reason   judge.Reason
		mistake  string
		feedback string
	}{
		{"nothing saved, asked to check", Answer{Visited: []string{"search"}}, false, judge.ReasonWrong, "saved", "Save the official site to your bookmarks."},
		{"a bookmark followed, task under way", Answer{Visited: []string{"search", "portal"}, Followed: []string{"bookmark-1"},
			Last: act(ActFollow, "bookmark-1")}, false, judge.ReasonPending, "", ""},
		{"a bookmark to a forbidden page is that page's mistake", Answer{Visited: []string{"search", "lookalike"},
			Followed: []string{"fake-bookmark"}, Last: act(ActFollow, "fake-bookmark")}, false, judge.ReasonWrong, "no-lookalike", "That is not the official site."},
		{"the wrong page saved, with its own words", Answer{Visited: []string{"search"}, Saved: []string{"search"},
			Last: act(ActBookmark, "search")}, false, judge.ReasonWrong, "saved:search", "You saved the search page."},
		{"the right page saved", Answer{Visited: []string{"search", "portal", "sede"}, Followed: []string{"bookmark-1", "to-sede"},
			Saved: []string{"search", "sede"}, Last: act(ActBookmark, "sede")}, true, "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := x.Judge(tc.a)
			if v.Correct != tc.correct || v.Reason != tc.reason || v.Mistake != tc.mistake || v.Feedback != tc.feedback {
				t.Errorf("got %+v", v)
			}
		})
	}
}

// The sample way through goes by the bookmarks bar when the page has no
// link that leads there, and saves the page the rule asks for.
func TestSampleUsesTheBookmarks(t *testing.T) {
	x, _ := load(t, bookmarkFixture)
	a := x.Sample()
	if !slices.Equal(a.Followed, []string{"bookmark-1", "to-sede"}) || !slices.Equal(a.Saved, []string{"sede"}) {
		t.Errorf("sample: %+v", a)
	}
	if v := x.Judge(a); !v.Correct {
		t.Errorf("the sample is judged %+v", v)
	}
}
