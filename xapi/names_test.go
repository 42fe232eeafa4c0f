package xapi

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"aula/store"
)

// consentPlan is a class of 4 where learner 1 said yes before the class,
// learner 2 said no, learner 3 was never asked, and learner 4 said yes
// after their first lesson and no again before their last. It returns the
// plan and, per learner's name, the events (by id) after which the name
// may be in a statement.
func consentPlan(t *testing.T) classPlan {
	t.Helper()
	p := playClass(t, 4, 4, time.Now().Add(-2*time.Hour))
	at := func(i int) time.Time { return p.events[i].At }
	consent := func(learner uint64, yes bool, when time.Time) store.Event {
		return store.Event{ID: randomHex(32), Learner: learner, Kind: store.NamesConsent, Consent: yes, At: when}
	}
	var out []store.Event
	for i, e := range p.events {
		first := i == 0 || p.events[i-1].Learner != e.Learner
		switch {
		case first && e.Learner == 1:
			out = append(out, consent(1, true, at(i)))
		case first && e.Learner == 2:
			out = append(out, consent(2, false, at(i)))
		case e.Learner == 4 && e.Kind == store.LessonStarted && e.Lesson == firstItinerary().LessonIDs[1]:
			out = append(out, consent(4, true, at(i)))
		case e.Learner == 4 && e.Kind == store.LessonStarted && e.Lesson == firstItinerary().LessonIDs[len(firstItinerary().LessonIDs)-1]:
			out = append(out, consent(4, false, at(i)))
		}
		out = append(out, e)
	}
	p.events = out
	return p
}

// With --xapi-names, a statement names its learner only after a yes and
// until a no; without it, no statement holds a name whatever the learner
// said. Replaying (aula report --format xapi) makes the same statements.
func TestNamesOnlyAfterTheLearnerSaysYes(t *testing.T) {
	p := consentPlan(t)
	for _, on := range []bool{true, false} {
		st, m := hubStore(t, t.TempDir(), uniqueCentre(t))
		m.Names = on
		ingest(t, st, p)
		pend, err := st.PendingStatements(0)
		if err != nil {
			t.Fatal(err)
		}
		named := map[string]int{}
		var bodies []json.RawMessage
		for _, s := range pend {
			var stmt Statement
			if err := json.Unmarshal(s.Body, &stmt); err != nil {
				t.Fatal(err)
			}
			if stmt.Actor.Name != "" {
				named[stmt.Actor.Name]++
				if stmt.Actor.Account == nil || stmt.Actor.Account.Name == "" {
					t.Errorf("a named statement lost its pseudonymous account: %s", s.Body)
				}
			}
			bodies = append(bodies, s.Body)
		}
		if !on {
			if len(named) > 0 {
				t.Errorf("names off: statements named %v", named)
			}
			st.Close()
			continue
		}
		l := p.learners
		if named[l[0].Name] == 0 || named[l[1].Name] != 0 || named[l[2].Name] != 0 {
			t.Errorf("named %v: want %q (yes) and not %q (no) nor %q (never asked)", named, l[0].Name, l[1].Name, l[2].Name)
		}
		// Learner 4 said yes for the lessons between the first and the
		// last: some statements, fewer than learner 1's.
		if n := named[l[3].Name]; n == 0 || n >= named[l[0].Name] {
			t.Errorf("learner 4 (yes, then no) named in %d statements, learner 1 (yes) in %d", n, named[l[0].Name])
		}
		sameReplay(t, st, m, pend)
		for _, b := range bodies {
			if strings.Contains(string(b), "consent") {
				t.Fatalf("a consent made a statement: %s", b)
			}
		}
		all, _ := json.Marshal(bodies)
		validateStatements(t, all) // an agent with a name and an account is valid xAPI
		st.Close()
	}
}

// sameReplay checks that a replay makes the statements of the outbox.
func sameReplay(t *testing.T, st *store.Store, m *Mapper, pend []store.PendingStatement) {
	t.Helper()
	again, err := st.ReplayStatements(m.Make, time.Time{}, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, s := range pend {
		byID[s.ID] = string(s.Body)
	}
	if len(again) != len(pend) {
		t.Fatalf("the replay made %d statements, the outbox holds %d", len(again), len(pend))
	}
	for _, s := range again {
		if byID[s.ID] != string(s.Body) {
			t.Fatalf("the replay differs from the outbox:\n%s\n%s", byID[s.ID], s.Body)
		}
	}
}
