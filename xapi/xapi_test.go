package xapi

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"aula/store"
)

func TestRoundTripCountsWhatTheClassDid(t *testing.T) {
	endpoint := needLRS(t)
	since := time.Now().Add(-time.Second)
	st, m := hubStore(t, t.TempDir(), uniqueCentre(t))
	defer st.Close()
	p := playClass(t, 6, 2, time.Now().Add(-time.Hour))
	ingest(t, st, p)
	if n, _, _ := st.StatementCounts(); n != p.statements {
		t.Fatalf("the outbox holds %d statements, the class made %d", n, p.statements)
	}
	c := testClient(t, endpoint)
	s := sendAll(t, st, c)
	if got := s.Status().Sent; got != p.statements {
		t.Errorf("sent %d statements, want %d", got, p.statements)
	}
	got := centreStatements(t, c, since, m)
	if len(got) != p.statements {
		t.Fatalf("the LRS holds %d statements of the centre, want %d", len(got), p.statements)
	}
	checkFilters(t, c, since, m, 6)
	all, err := Fetch(context.Background(), c, since, "")
	if err != nil {
		t.Fatal(err)
	}
	rows := Summarize(all, "es")
	var centre, itin *Row
	for i, r := range rows {
		if r.Centre == m.CentreIRI() && r.Itinerary == "" {
			centre = &rows[i]
		}
		if r.Centre == m.CentreIRI() && r.Itinerary == m.itineraryIRI(firstItinerary().ID) {
			itin = &rows[i]
		}
	}
	if centre == nil || itin == nil {
		t.Fatalf("no rows for the centre in %+v", rows)
	}
	for _, r := range []*Row{centre, itin} {
		checkClassRow(t, r, p)
	}
	if itin.ItineraryName != firstItinerary().Title {
		t.Errorf("the itinerary is called %q, want %q", itin.ItineraryName, firstItinerary().Title)
	}
}

func TestStatementsPassTheValidatorAndKeepNoNames(t *testing.T) {
	st, _ := hubStore(t, t.TempDir(), uniqueCentre(t))
	defer st.Close()
	p := playClass(t, 4, 1, time.Now().Add(-time.Hour))
	ingest(t, st, p)
	pend, err := st.PendingStatements(0)
	if err != nil {
		t.Fatal(err)
	}
	bodies := make([]json.RawMessage, len(pend))
	actors := map[string]bool{}
	earned := 0
	for i, s := range pend {
		bodies[i] = s.Body
		body := string(s.Body)
		for _, l := range p.learners {
			for _, part := range strings.Fields(l.Name) {
				if strings.Contains(body, part) {
					t.Fatalf("statement %s holds %q of a learner's name: %s", s.ID, part, body)
				}
			}
		}
		if strings.Contains(body, "Zqx") {
			t.Fatalf("statement %s holds a learner's name: %s", s.ID, body)
		}
		var stmt Statement
		if err := json.Unmarshal(s.Body, &stmt); err != nil {
			t.Fatal(err)
		}
		actors[stmt.Actor.Account.Name] = true
		if stmt.Verb.ID == VerbEarned {
			earned++
		}
		checkStrings(t, s.Body)
	}
	if len(actors) != len(p.learners) {
		t.Errorf("%d different actors for %d learners", len(actors), len(p.learners))
	}
	if earned == 0 {
		t.Error("no certificate statement was scanned")
	}
	all, _ := json.Marshal(bodies)
	validateStatements(t, all)
}

// A certificate issued is "earned" the itinerary's certificate, with its
// reference and nothing about the person but the pseudonym.
func TestCertificateStatement(t *testing.T) {
	m := &Mapper{Centre: "norte", Library: testLib, Base: "https://region.example/aula"}
	it := firstItinerary()
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	e := store.Event{ID: randomHex(32), Kind: store.CertificateIssued, Itinerary: it.ID, Certificate: "0123456789abcdef", At: at}
	sts := m.Statements(store.StatementInput{Event: e, Actor: "pseudo"})
	if len(sts) != 1 {
		t.Fatalf("%d statements, want 1", len(sts))
	}
	s := sts[0]
	if s.ID != StatementID(e.ID, "") || s.Verb.ID != VerbEarned || s.Verb.Display["es"] != "obtuvo" {
		t.Errorf("id %s, verb %+v", s.ID, s.Verb)
	}
	if want := "https://region.example/aula/certificates/" + it.ID; s.Object.ID != want || s.Object.Definition.Type != TypeCertificate || s.Object.Definition.Name["es"] != it.Title {
		t.Errorf("object %+v, want %s named %q", s.Object, want, it.Title)
	}
	if s.Result == nil || s.Result.Extensions[ExtCertificate] != "0123456789abcdef" || s.Result.Completion == nil || !*s.Result.Completion {
		t.Errorf("result %+v", s.Result)
	}
	ca := s.Context.ContextActivities
	if len(ca.Parent) != 1 || ca.Parent[0].ID != m.itineraryIRI(it.ID) || len(ca.Grouping) != 1 || ca.Grouping[0].ID != m.CentreIRI() {
		t.Errorf("context activities %+v", ca)
	}
	if s.Actor.Account.Name != "pseudo" || s.Actor.Account.HomePage != m.CentreIRI() || s.Timestamp != "2026-12-05T10:00:00.000Z" {
		t.Errorf("actor %+v at %s", s.Actor.Account, s.Timestamp)
	}
}

// checkStrings fails when a statement holds a string that is not one of
// what a statement may carry: IRIs, ids, times, names from the lesson
// files, verb displays; so never what a learner typed, nor a name.
func checkStrings(t *testing.T, body []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{"Aula": true, "Agent": true, "Activity": true, "other": true, "wrong-option": true}
	for _, names := range verbNames.Get() {
		for _, n := range names {
			known[n] = true
		}
	}
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		case string:
			switch {
			case known[x], strings.HasPrefix(x, "http://"), strings.HasPrefix(x, "https://"),
				isHex(x, 32), isHex(x, store.CertificateRefLen), len(x) == 36 && x[8] == '-', len(x) == 24 && x[10] == 'T':
			case fromLessons(x):
			default:
				t.Errorf("a statement holds %q, which is none of what a statement may carry", x)
			}
		}
	}
	walk(v)
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// fromLessons says whether s is a lesson, step or itinerary name made from
// the lesson files, or a centre id of the tests.
func fromLessons(s string) bool {
	if strings.HasPrefix(s, "centre-") {
		return true
	}
	for _, lang := range testLib.Langs() {
		cat := testLib.Catalog(lang)
		for _, it := range cat.Itineraries {
			if s == it.Title {
				return true
			}
		}
		for _, l := range cat.Lessons {
			if s == l.Title {
				return true
			}
			for _, st := range l.Steps() {
				if s == l.Title+" — "+st.Title || s == l.Title+" — "+st.ID {
					return true
				}
			}
		}
	}
	return false
}

// checkFilters reads a centre's statements back by verb, page after page
// (7 a page), and by activity.
func checkFilters(t *testing.T, c *Client, since time.Time, m *Mapper, learners int) {
	t.Helper()
	// The verb filter, and "more" page after page (7 a page).
	answers := 0
	err := c.Statements(context.Background(), Query{Since: since, Verb: VerbAnswered, Limit: 7}, func(s Statement) error {
		if s.Verb.ID != VerbAnswered {
			t.Errorf("asked for answers, got %s", s.Verb.ID)
		}
		if s.Actor.Account.HomePage == m.CentreIRI() {
			answers++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := learners * len(firstItinerary().LessonIDs) * 2; answers != want {
		t.Errorf("%d answers read back page by page, want %d", answers, want)
	}
	// The activity filter: one lesson, its steps' statements included.
	lesson := m.lessonIRI(firstItinerary().LessonIDs[1])
	err = c.Statements(context.Background(), Query{Since: since, Activity: lesson}, func(s Statement) error {
		if s.Object.ID != lesson && !strings.HasPrefix(s.Object.ID, lesson+"/") {
			t.Errorf("asked for %s, got a statement about %s", lesson, s.Object.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkClassRow checks the counts of a row of the class playClass(t, 6, 2).
func checkClassRow(t *testing.T, r *Row, p classPlan) {
	t.Helper()
	if r.Learners != 6 || r.LessonsCompleted != p.lessonsDone() || r.ItinerariesCompleted != 2 || r.CertificatesIssued != 2 {
		t.Errorf("row %q: %d learners, %d lessons, %d itineraries completed, %d certificates; want 6, %d, 2, 2",
			r.Itinerary, r.Learners, r.LessonsCompleted, r.ItinerariesCompleted, r.CertificatesIssued, p.lessonsDone())
	}
	if len(r.WorkedExample) == 0 || r.WorkedExample[0].Needed != 3 || r.WorkedExample[0].Learners != 6 {
		t.Errorf("row %q: worked example %+v, want the first lesson's question needed by 3 of 6", r.Itinerary, r.WorkedExample)
	}
}
