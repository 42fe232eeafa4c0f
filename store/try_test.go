package store

import (
	"encoding/json"
	"testing"

	"go.etcd.io/bbolt"
)

// A step's misses, its hint and the form page reached stay with the
// progress, so that leaving the lesson or a crash does not start the count
// again (issue 19, item 1 and 2): the worked example still comes at the
// third miss.
func TestProgressKeepsTheStepsTries(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	ev := func(kind EventKind, step string, idx int, f func(*Event)) {
		t.Helper()
		e := Event{Learner: ana, Kind: kind, Lesson: "imv", Step: step, StepIndex: idx, Steps: 4}
		if f != nil {
			f(&e)
		}
		mustRecord(t, s, e)
	}
	try := func() StepTry {
		t.Helper()
		p, err := s.LessonProgress(ana, "imv")
		if err != nil {
			t.Fatal(err)
		}
		return p.Try
	}
	ev(LessonStarted, "uno", 0, nil)
	ev(StepDone, "uno", 0, func(e *Event) { e.How = "read" })
	ev(Answered, "dos", 1, func(e *Event) { e.Attempt, e.Mistake = 1, "a" })
	// A form page that could not go on: an outcome, not a miss.
	ev(Answered, "dos", 1, func(e *Event) { e.Mistake = "dni.required" })
	ev(Answered, "dos", 1, func(e *Event) { e.Attempt, e.Mistake = 2, "a" })
	ev(HintShown, "dos", 1, nil)
	ev(PageReached, "dos", 1, func(e *Event) { e.Page = 4 })
	if got, want := try(), (StepTry{Step: "dos", Misses: 2, Hint: true, Page: 4}); got != want {
		t.Fatalf("Try = %+v, want %+v", got, want)
	}
	// Opening the lesson again keeps it.
	ev(LessonStarted, "dos", 1, nil)
	if got := try(); got.Misses != 2 || !got.Hint {
		t.Errorf("after the lesson opened again, Try = %+v", got)
	}
	ev(PageReached, "dos", 1, nil) // left the form on purpose
	if got := try(); got.Page != 0 || got.Misses != 2 {
		t.Errorf("after leaving the form, Try = %+v", got)
	}
	ev(StepDone, "dos", 1, func(e *Event) { e.How = "example" })
	if got := try(); got != (StepTry{}) {
		t.Errorf("after the step was done, Try = %+v, want none", got)
	}
	ev(Answered, "tres", 2, func(e *Event) { e.Attempt = 1 })
	ev(Answered, "tres", 2, func(e *Event) { e.Attempt, e.Correct = 2, true })
	if got := try(); got != (StepTry{}) {
		t.Errorf("after a right answer, Try = %+v, want none", got)
	}

	// The page reached never leaves the laptop: it is not in the outbox.
	out, err := s.Outbox(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range out {
		if e.Kind == PageReached {
			t.Errorf("the outbox holds %+v", e)
		}
	}
	if _, err := s.Record(Event{Learner: ana, Kind: Answered, Lesson: "imv", Step: "dos", Page: 2}); err == nil {
		t.Error("an answer with a page was stored")
	}
}

// A progress record written before Try existed loads, with nothing to
// resume.
func TestOldProgressRecordLoads(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	old := `{"learner":` + jsonNum(ana) + `,"lesson":"imv","status":"in_progress","step":2,"steps":4,"done_steps":["a","b"],"attempts":3,"hints":1,"time_spent":0,"started":"2026-01-02T10:00:00Z","last_activity":"2026-01-02T10:05:00Z"}`
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketProgress).Put(progressKey(ana, "imv"), []byte(old))
	}); err != nil {
		t.Fatal(err)
	}
	p, err := s.LessonProgress(ana, "imv")
	if err != nil {
		t.Fatal(err)
	}
	if p.Step != 2 || p.Attempts != 3 || p.Try != (StepTry{}) {
		t.Errorf("old record loaded as %+v", p)
	}
	mustRecord(t, s, Event{Learner: ana, Kind: Answered, Lesson: "imv", Step: "c", StepIndex: 2, Steps: 4, Attempt: 1})
	if p, _ = s.LessonProgress(ana, "imv"); p.Try != (StepTry{Step: "c", Misses: 1}) {
		t.Errorf("after a miss, Try = %+v", p.Try)
	}
}

func jsonNum(n uint64) string { b, _ := json.Marshal(n); return string(b) }
