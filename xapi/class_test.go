package xapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"
	"time"

	"aula/lessons"
	"aula/store"
)

var testLib = func() *lessons.Library {
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		panic(fmt.Sprint(problems))
	}
	return lib
}()

// firstItinerary is the built-in lessons' first itinerary, in Spanish.
func firstItinerary() *lessons.Itinerary {
	return testLib.Catalog(lessons.DefaultLanguage).Itineraries[0]
}

func randomHex(n int) string {
	b := make([]byte, n/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// classPlan is what a class did, and what a region must count from it.
type classPlan struct {
	device   string
	learners []store.RemoteLearner
	events   []store.Event // in order, learner ids as the kiosk knows them
	// expected counts for the centre as a whole
	statements int // statements the events make
	finishers  int // learners who finish the first itinerary
}

// playClass makes a class of n learners on one laptop: every learner
// starts the first itinerary's lessons; in each lesson they answer the
// first question wrong (a mistake id from the lesson file), use a hint,
// answer again right; learners with an even number also see the worked
// example of the first lesson's question; the first finishers finish
// every lesson (and so the itinerary: they get its certificate), the
// others only the first one.
// The names carry the marker "Zqx" so a scan can look for them.
func playClass(t testing.TB, n, finishers int, at time.Time) classPlan {
	t.Helper()
	p := classPlan{device: randomHex(16), finishers: finishers}
	it := firstItinerary()
	for i := range n {
		id := uint64(i + 1)
		p.learners = append(p.learners, store.RemoteLearner{ID: id, Name: fmt.Sprintf("Ana Zqx%d López", i)})
		ev := func(e store.Event) {
			e.ID, e.Learner, e.At = randomHex(32), id, at
			at = at.Add(time.Second)
			p.events = append(p.events, e)
		}
		for li, lid := range it.LessonIDs {
			l, ok := testLib.Catalog(lessons.DefaultLanguage).Lesson(lid)
			if !ok {
				t.Fatalf("no lesson %s", lid)
			}
			q := 0
			for l.Steps()[q].Kind == "read" {
				q++
			}
			step := l.Steps()[q]
			ev(store.Event{Kind: store.LessonStarted, Lesson: lid, Steps: len(l.Steps())})
			ev(store.Event{Kind: store.StepDone, Lesson: lid, Step: l.Steps()[0].ID, How: "read", Steps: len(l.Steps())}) // no statement
			ev(store.Event{Kind: store.Answered, Lesson: lid, Step: step.ID, StepIndex: q, Steps: len(l.Steps()), Attempt: 1, Mistake: "wrong-option"})
			ev(store.Event{Kind: store.HintShown, Lesson: lid, Step: step.ID, StepIndex: q, Steps: len(l.Steps())})
			ev(store.Event{Kind: store.Answered, Lesson: lid, Step: step.ID, StepIndex: q, Steps: len(l.Steps()), Attempt: 2, Correct: true})
			ev(store.Event{Kind: store.HelpAsked}) // no statement
			p.statements += 4
			if li == 0 && i%2 == 0 {
				ev(store.Event{Kind: store.StepDone, Lesson: lid, Step: step.ID, StepIndex: q, How: "example", Steps: len(l.Steps())})
				p.statements++
			}
			if i < finishers || li == 0 {
				ev(store.Event{Kind: store.LessonDone, Lesson: lid, Steps: len(l.Steps())})
				p.statements++
			}
		}
		if i < finishers {
			p.statements++ // the itinerary
			// and the kiosk issues its certificate
			ev(store.Event{Kind: store.CertificateIssued, Itinerary: it.ID, Certificate: randomHex(store.CertificateRefLen)})
			p.statements++
		}
	}
	return p
}

// lessonsDone is how many learner-and-lesson completions the plan holds.
func (p classPlan) lessonsDone() int {
	return p.finishers*len(firstItinerary().LessonIDs) + (len(p.learners) - p.finishers)
}

// ingest gives the plan's events to st as a hub gets them: in pushes of
// up to 50 events.
func ingest(t testing.TB, st *store.Store, p classPlan) {
	t.Helper()
	for i := 0; i < len(p.events); i += 50 {
		batch := p.events[i:min(i+50, len(p.events))]
		named := map[uint64]bool{}
		var ls []store.RemoteLearner
		for _, e := range batch {
			if !named[e.Learner] {
				named[e.Learner] = true
				ls = append(ls, p.learners[e.Learner-1])
			}
		}
		res, err := st.Ingest(p.device, ls, batch)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Collisions) > 0 {
			t.Fatalf("collisions: %v", res.Collisions)
		}
	}
}

// hubStore is a hub's store whose Ingest makes statements for centre.
func hubStore(t testing.TB, dir, centre string) (*store.Store, *Mapper) {
	t.Helper()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := &Mapper{Centre: centre, Library: testLib}
	st.SetStatements(m.Make)
	return st, m
}

// sendAll runs a sender over st until its outbox is empty, at most 30 s.
func sendAll(t *testing.T, st *store.Store, c *Client) *Sender {
	t.Helper()
	s := &Sender{Store: st, Client: c, MinWait: 5 * time.Millisecond, MaxWait: 50 * time.Millisecond, Batch: 40}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() {
		cancel()
		stopped(t, <-done)
	}()
	waitFor(t, 30*time.Second, "the outbox to empty", func() bool {
		n, _, err := st.StatementCounts()
		return err == nil && n == 0
	})
	return s
}

// waitFor polls cond until it holds, failing after limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s", limit, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// centreStatements reads back every statement of a centre stored since.
func centreStatements(t *testing.T, c *Client, since time.Time, m *Mapper) []Statement {
	t.Helper()
	var out []Statement
	err := c.Statements(context.Background(), Query{Since: since, Limit: 100}, func(s Statement) error {
		if s.Actor.Account != nil && s.Actor.Account.HomePage == m.CentreIRI() {
			out = append(out, s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func testClient(t *testing.T, endpoint string) *Client {
	t.Helper()
	c, err := NewClient(endpoint, "aula-test", "secret")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// uniqueCentre is a centre id no other test uses.
func uniqueCentre(t *testing.T) string { return "centre-" + randomHex(8) }

// stopped fails unless a sender ended because it was told to (its
// context cancelled).
func stopped(t testing.TB, err error) {
	t.Helper()
	if !errors.Is(err, context.Canceled) {
		t.Errorf("the sender stopped by itself: %v", err)
	}
}
