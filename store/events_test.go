package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func mustRecord(t testing.TB, s *Store, e Event) Event {
	t.Helper()
	got, err := s.Record(e)
	if err != nil {
		t.Fatalf("Record(%+v): %v", e, err)
	}
	return got
}

func TestRecordProjection(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	const lesson = "correo"
	ev := func(kind EventKind, step string, idx int) Event {
		return Event{Learner: ana, Kind: kind, Lesson: lesson, Step: step, StepIndex: idx, Steps: 3, Elapsed: 10 * time.Second}
	}

	type want = projection
	var last Event
	check := func(w want) {
		t.Helper()
		checkProjection(t, s, ana, lesson, last, w)
	}

	if p, err := s.LessonProgress(ana, lesson); err != nil || p.Status != NotStarted || p.Learner != ana || p.Lesson != lesson {
		t.Fatalf("LessonProgress before any event = %+v, %v", p, err)
	}

	start := mustRecord(t, s, ev(LessonStarted, "", 0))
	last = start
	check(want{status: InProgress})

	last = mustRecord(t, s, ev(HintShown, "para", 0))
	check(want{status: InProgress, hints: 1})

	e := ev(Answered, "para", 0)
	e.Attempt, e.Mistake = 1, "sin-arroba"
	last = mustRecord(t, s, e)
	check(want{status: InProgress, attempts: 1, hints: 1, mistakes: map[string]int{"para/sin-arroba": 1}})

	e.Attempt, e.Mistake = 2, ""
	last = mustRecord(t, s, e)
	e.Attempt, e.Mistake = 3, "sin-arroba"
	last = mustRecord(t, s, e)
	check(want{status: InProgress, attempts: 3, hints: 1, mistakes: map[string]int{"para/sin-arroba": 2, "para/wrong": 1}})

	e.Attempt, e.Mistake, e.Correct = 4, "", true
	last = mustRecord(t, s, e)
	mistakes := map[string]int{"para/sin-arroba": 2, "para/wrong": 1}
	check(want{status: InProgress, step: 1, done: 1, attempts: 4, hints: 1, mistakes: mistakes})

	e = ev(StepDone, "leer", 1)
	e.How = "read"
	last = mustRecord(t, s, e)
	check(want{status: InProgress, step: 2, done: 2, attempts: 4, hints: 1, mistakes: mistakes})

	// Moving on from the last step keeps Step on it (clamped).
	e = ev(StepDone, "enviar", 2)
	e.How, e.Elapsed = "example", -time.Minute // negative: counts as 0
	last = mustRecord(t, s, e)
	check(want{status: InProgress, step: 2, done: 3, attempts: 4, hints: 1, mistakes: mistakes})

	last = mustRecord(t, s, ev(LessonDone, "", 2))
	check(want{status: Done, step: 0, done: 3, attempts: 4, hints: 1, mistakes: mistakes, completed: true})

	// Reviewing: it stays done, and a step done again is not counted twice.
	last = mustRecord(t, s, ev(LessonStarted, "", 0))
	check(want{status: Done, step: 0, done: 3, attempts: 4, hints: 1, mistakes: mistakes, completed: true})
	last = mustRecord(t, s, ev(StepDone, "para", 0))
	check(want{status: Done, step: 1, done: 3, attempts: 4, hints: 1, mistakes: mistakes, completed: true})
	last = mustRecord(t, s, ev(LessonStarted, "", 0))
	check(want{status: Done, step: 1, done: 3, attempts: 4, hints: 1, mistakes: mistakes, completed: true})

	p, _ := s.LessonProgress(ana, lesson)
	if want := []string{"para", "leer", "enviar"}; !slices.Equal(p.DoneSteps, want) {
		t.Errorf("DoneSteps = %v, want %v", p.DoneSteps, want)
	}
	// 12 events of 10s, one of them negative (counted as 0).
	if p.TimeSpent != 110*time.Second {
		t.Errorf("TimeSpent = %v, want 1m50s", p.TimeSpent)
	}
	if !p.Started.Equal(start.At) {
		t.Errorf("Started = %v, want the first event's time %v", p.Started, start.At)
	}

	checkReopened(t, s, ana, lesson, p)
}

// checkReopened: progress survives closing and reopening the file.
func checkReopened(t *testing.T, s *Store, ana uint64, lesson string, before Progress) {
	t.Helper()
	dir := s.dir
	closeChecked(t, s)
	s = openAt(t, dir)
	after, err := s.LessonProgress(ana, lesson)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normTimes(before), normTimes(after)) {
		t.Errorf("after reopening:\n got %+v\nwant %+v", after, before)
	}
	all, err := s.Progress(ana)
	if err != nil || len(all) != 1 || !reflect.DeepEqual(normTimes(all[lesson]), normTimes(after)) {
		t.Errorf("Progress(ana) = %+v, %v", all, err)
	}
}

// projection is what a lesson's progress should say after an event.
type projection struct {
	status          Status
	step, done      int
	attempts, hints int
	mistakes        map[string]int
	completed       bool
}

// checkProjection: the progress of learner ana in lesson says w after
// event last.
func checkProjection(t *testing.T, s *Store, ana uint64, lesson string, last Event, w projection) {
	t.Helper()
	p, err := s.LessonProgress(ana, lesson)
	if err != nil {
		t.Fatal(err)
	}
	if p.Learner != ana || p.Lesson != lesson || p.Steps != 3 {
		t.Errorf("progress is for %d/%s with %d steps", p.Learner, p.Lesson, p.Steps)
	}
	if p.Status != w.status || p.Step != w.step || p.StepsDone() != w.done ||
		p.Attempts != w.attempts || p.Hints != w.hints || !reflect.DeepEqual(p.Mistakes, w.mistakes) ||
		p.Completed.IsZero() == w.completed {
		t.Errorf("after %s:\n got %+v\nwant %+v", last.Kind, p, w)
	}
	if !p.LastActivity.Equal(last.At) {
		t.Errorf("LastActivity = %v, want %v", p.LastActivity, last.At)
	}
}

// normTimes drops the monotonic clock readings so that values read back from
// JSON compare equal.
func normTimes(p Progress) Progress {
	p.Started, p.Completed, p.LastActivity = p.Started.Round(0), p.Completed.Round(0), p.LastActivity.Round(0)
	return p
}

func TestAnswerBeforeLessonStarted(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	mustRecord(t, s, Event{Learner: ana, Kind: Answered, Lesson: "teclado", Step: "f1", Correct: true, Steps: 2})
	p, _ := s.LessonProgress(ana, "teclado")
	if p.Status != InProgress || p.Started.IsZero() || p.Step != 1 {
		t.Errorf("progress = %+v, want in progress at step 1", p)
	}
}

func TestEventsInOrderWithStableIDs(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	ana := mustAdd(t, s, "Ana", "").ID
	bruno := mustAdd(t, s, "Bruno", "").ID
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

	var want []Event
	for i := range 6 {
		who := ana
		if i%2 == 1 {
			who = bruno
		}
		e := Event{Learner: who, Kind: HintShown, Lesson: "teclado", Step: "s" + fmt.Sprint(i), StepIndex: i, Steps: 6}
		if i == 0 {
			e.At = at // a given time is kept
		}
		got := mustRecord(t, s, e)
		if got.Seq != uint64(i+1) || !isRandomID(got.ID) {
			t.Errorf("event %d: Seq %d, ID %q", i, got.Seq, got.ID)
		}
		if got.At.IsZero() || (i == 0 && !got.At.Equal(at)) {
			t.Errorf("event %d: At = %v", i, got.At)
		}
		if who == ana {
			want = append(want, got)
		}
	}

	closeChecked(t, s)
	s = openAt(t, dir)
	evs, err := s.Events(ana)
	if err != nil {
		t.Fatal(err)
	}
	checkSameEvents(t, evs, want)
	// Sequence numbers go on after a reopen; they are never reused.
	if e := mustRecord(t, s, Event{Learner: ana, Kind: HintShown, Lesson: "teclado"}); e.Seq != 7 {
		t.Errorf("Seq after reopen = %d, want 7", e.Seq)
	}
	if evs, _ := s.Events(999); len(evs) != 0 {
		t.Errorf("Events(999) = %v", evs)
	}
}

// checkSameEvents: evs are want, in order, each with its own id.
func checkSameEvents(t *testing.T, evs, want []Event) {
	t.Helper()
	if len(evs) != len(want) {
		t.Fatalf("Events(ana) has %d events, want %d", len(evs), len(want))
	}
	for i := range evs {
		if evs[i].ID != want[i].ID || evs[i].Seq != want[i].Seq || evs[i].Step != want[i].Step || !evs[i].At.Equal(want[i].At) {
			t.Errorf("event %d = %+v, want %+v", i, evs[i], want[i])
		}
		for _, other := range evs[:i] {
			if other.ID == evs[i].ID {
				t.Errorf("two events with id %q", other.ID)
			}
		}
	}
}

func TestRecordRejects(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	for _, tc := range []struct {
		e    Event
		want error
	}{
		{Event{Learner: 999, Kind: HintShown, Lesson: "teclado"}, ErrNotFound},
		{Event{Learner: ana, Kind: "typed", Lesson: "teclado"}, ErrBadEvent},
		{Event{Learner: ana, Kind: HintShown}, ErrBadEvent},
		{Event{Learner: ana, Kind: Answered, Lesson: "teclado"}, ErrBadEvent},
		{Event{Learner: ana, Kind: StepDone, Lesson: "teclado"}, ErrBadEvent},
		{Event{Learner: ana, Kind: StepDone, Lesson: "teclado", Step: "a", How: "skipped"}, ErrBadEvent},
		{Event{Learner: ana, Kind: StepDone, Lesson: "teclado", Step: "a", StepIndex: -1}, ErrBadEvent},
		{Event{Learner: ana, Kind: Answered, Lesson: "teclado", Step: "a", Mistake: "mi clave es Perro2024"}, ErrBadEvent},
		{Event{Learner: ana, Kind: Answered, Lesson: "teclado", Step: "a", Mistake: strings.Repeat("x", 65)}, ErrBadEvent},
		// Password steps store a score and advice ids, never the password.
		{Event{Learner: ana, Kind: Answered, Lesson: "claves", Step: "a", Score: scorePtr(5)}, ErrBadEvent},
		{Event{Learner: ana, Kind: Answered, Lesson: "claves", Step: "a", Score: scorePtr(-1)}, ErrBadEvent},
		{Event{Learner: ana, Kind: Answered, Lesson: "claves", Step: "a", Advice: []string{"common", "Perro 2024"}}, ErrBadEvent},
		{Event{Learner: ana, Kind: Answered, Lesson: "claves", Step: "a", Advice: make([]string, 17)}, ErrBadEvent},
		// A certificate: the itinerary and a short hex reference, nothing else.
		{Event{Learner: ana, Kind: CertificateIssued, Certificate: "0123456789abcdef"}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo"}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "Ana Lopez 12345!"}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789ABCDEF"}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789abcdef0"}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "Ana López", Certificate: "0123456789abcdef"}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789abcdef", Lesson: "teclado"}, ErrBadEvent},
		// Its key: an Ed25519 public key in base32, and only there.
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789abcdef", CentreKey: strings.Repeat("A", 51)}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789abcdef", CentreKey: strings.Repeat("A", 53)}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789abcdef", CentreKey: strings.Repeat("a", 52)}, ErrBadEvent},
		{Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789abcdef", CentreKey: strings.Repeat("A", 51) + "\x1b"}, ErrBadEvent},
		{Event{Learner: ana, Kind: LessonDone, Lesson: "teclado", CentreKey: strings.Repeat("A", 52)}, ErrBadEvent},
		{Event{Learner: ana, Kind: LessonDone, Lesson: "teclado", Itinerary: "correo"}, ErrBadEvent},
		{Event{Learner: ana, Kind: LessonDone, Lesson: "teclado", Certificate: "0123456789abcdef"}, ErrBadEvent},
	} {
		if _, err := s.Record(tc.e); !errors.Is(err, tc.want) {
			t.Errorf("Record(%+v): %v, want %v", tc.e, err, tc.want)
		}
	}
	if out, _ := s.Outbox(0); len(out) != 0 {
		t.Errorf("rejected events reached the outbox: %v", out)
	}
	if p, _ := s.Progress(ana); len(p) != 0 {
		t.Errorf("rejected events made progress: %v", p)
	}
}

func scorePtr(n int) *int { return &n }

// A certificate issued is an outcome: it is kept, goes to the outbox
// with its itinerary and reference, and is no lesson's progress.
func TestRecordCertificateIssued(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	e, err := s.Record(Event{Learner: ana, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789abcdef"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Outbox(0)
	if err != nil || len(out) != 1 {
		t.Fatalf("outbox: %v, %v; want the certificate", out, err)
	}
	if got := out[0]; got.ID != e.ID || got.Kind != CertificateIssued || got.Itinerary != "correo" || got.Certificate != "0123456789abcdef" {
		t.Errorf("outbox event %+v, want the certificate of correo", got)
	}
	if p, _ := s.Progress(ana); len(p) != 0 {
		t.Errorf("a certificate made progress: %v", p)
	}
	evs, _ := s.Events(ana)
	if len(evs) != 1 || evs[0].Certificate != "0123456789abcdef" {
		t.Errorf("log: %+v", evs)
	}
	// Its hash covers the new fields: another certificate under the same
	// id is a different event.
	other := e
	other.Certificate = "fedcba9876543210"
	if bytes.Equal(eventHash("d", e), eventHash("d", other)) {
		t.Error("the event hash ignores the certificate's reference")
	}
	other = e
	other.Itinerary = "primeros-pasos"
	if bytes.Equal(eventHash("d", e), eventHash("d", other)) {
		t.Error("the event hash ignores the certificate's itinerary")
	}
}

func TestRecordScoreAndAdvice(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	mustRecord(t, s, Event{Learner: ana, Kind: Answered, Lesson: "claves", Step: "crear", Attempt: 1,
		Mistake: "common", Score: scorePtr(0), Advice: []string{"common", "add_word"}})
	evs, err := s.Events(ana)
	if err != nil || len(evs) != 1 {
		t.Fatalf("events = %v, %v", evs, err)
	}
	if e := evs[0]; e.Score == nil || *e.Score != 0 || strings.Join(e.Advice, ",") != "common,add_word" {
		t.Errorf("stored score %v and advice %v, want 0 and common,add_word", e.Score, e.Advice)
	}
}

func TestAllProgress(t *testing.T) {
	s := openTemp(t)
	bruno := mustAdd(t, s, "Bruno", "").ID
	ana := mustAdd(t, s, "ana", "").ID
	mustAdd(t, s, "Carmen", "") // no progress yet
	for _, r := range []struct {
		who    uint64
		lesson string
	}{{bruno, "teclado"}, {ana, "usar-aula"}, {ana, "correo"}, {bruno, "correo"}} {
		mustRecord(t, s, Event{Learner: r.who, Kind: LessonStarted, Lesson: r.lesson, Steps: 4})
	}
	all, err := s.AllProgress()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, lp := range all {
		row := lp.Learner.Name + ":"
		for _, p := range lp.Lessons {
			if p.Learner != lp.Learner.ID || p.Status != InProgress {
				t.Errorf("row %+v under %s", p, lp.Learner.Name)
			}
			row += p.Lesson + " "
		}
		got = append(got, strings.TrimSpace(row))
	}
	want := []string{"ana:correo usar-aula", "Bruno:correo teclado", "Carmen:"}
	if !slices.Equal(got, want) {
		t.Errorf("AllProgress = %q, want %q", got, want)
	}
}

func TestOutbox(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	bruno := mustAdd(t, s, "Bruno", "").ID
	var seqs []uint64
	var ids []string
	for i := range 5 {
		who := ana
		if i == 2 {
			who = bruno
		}
		e := mustRecord(t, s, Event{Learner: who, Kind: LessonStarted, Lesson: "teclado"})
		seqs, ids = append(seqs, e.Seq), append(ids, e.ID)
	}
	outSeqs := func(limit int) []uint64 {
		t.Helper()
		out, err := s.Outbox(limit)
		if err != nil {
			t.Fatal(err)
		}
		var got []uint64
		for _, e := range out {
			if e.ID == "" || e.Learner == 0 {
				t.Errorf("outbox event %+v is not complete", e)
			}
			got = append(got, e.Seq)
		}
		return got
	}
	if got := outSeqs(0); !slices.Equal(got, seqs) {
		t.Errorf("Outbox(0) = %v, want %v", got, seqs)
	}
	if got := outSeqs(2); !slices.Equal(got, seqs[:2]) {
		t.Errorf("Outbox(2) = %v, want %v", got, seqs[:2])
	}
	// Only the confirmed events leave, whatever their place; unknown ids
	// change nothing.
	if err := s.AckOutbox(ids[0], ids[2], "0123456789abcdef0123456789abcdef"); err != nil {
		t.Fatal(err)
	}
	if got, want := outSeqs(10), []uint64{seqs[1], seqs[3], seqs[4]}; !slices.Equal(got, want) {
		t.Errorf("after acking events 0 and 2: %v, want %v", got, want)
	}
	if err := s.AckOutbox(ids...); err != nil {
		t.Fatal(err)
	}
	if got := outSeqs(0); len(got) != 0 {
		t.Errorf("after acking everything: %v", got)
	}
	// Delivered events stay in the log.
	if evs, _ := s.Events(ana); len(evs) != 4 {
		t.Errorf("Events(ana) has %d events after acking, want 4", len(evs))
	}
}

// The log holds ids and outcomes only. This test records a realistic
// lesson and then reads the raw file to show what is in it.
func TestPrivacyOnlyIDsAndOutcomes(t *testing.T) {
	// Event has no field for what a learner typed. If a field is added,
	// this test fails: decide then whether it could ever carry typed text.
	var fields []string
	for f := range reflect.TypeFor[Event]().Fields() {
		fields = append(fields, f.Name+":"+f.Type.String())
	}
	wantFields := "ID:string Seq:uint64 Learner:uint64 Kind:store.EventKind Lesson:string Step:string " +
		"StepIndex:int Steps:int Attempt:int Correct:bool Mistake:string How:string " +
		"Score:*int Advice:[]string Page:int Itinerary:string Certificate:string CentreKey:string Consent:bool Elapsed:time.Duration At:time.Time" // Page: a number, the form page reached; Itinerary: an id; Certificate: hex digits, CentreKey: base32 letters (validCertificate); Consent: a yes or a no
	if got := strings.Join(fields, " "); got != wantFields {
		t.Errorf("Event fields changed:\n got %s\nwant %s", got, wantFields)
	}

	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	// What the learner typed in the practice: the app keeps it in memory
	// only, judges it, and records the verdict's mistake id.
	typed := "ana.lopez(at)correo.es"
	base := Event{Learner: ana, Lesson: "correo", Step: "escribir-correo", StepIndex: 1, Steps: 3}
	for _, e := range []Event{
		{Kind: LessonStarted},
		{Kind: Answered, Attempt: 1, Mistake: "sin-arroba"},
		{Kind: HintShown},
		{Kind: Answered, Attempt: 2, Correct: true},
	} {
		e.Learner, e.Lesson, e.Step, e.StepIndex, e.Steps = base.Learner, base.Lesson, base.Step, base.StepIndex, base.Steps
		mustRecord(t, s, e)
	}

	raw, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(`"mistake":"sin-arroba"`)) {
		t.Error("the mistake id is not in the file")
	}
	for _, secret := range []string{typed, "ana.lopez", "correo.es"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the file contains typed text %q", secret)
		}
	}

	// Every stored event and progress value has only these keys.
	allowed := map[string]bool{}
	for _, k := range []string{"id", "seq", "learner", "kind", "lesson", "step", "step_index", "steps",
		"attempt", "correct", "mistake", "how", "score", "advice", "elapsed", "at",
		"status", "done_steps", "attempts", "hints", "mistakes", "time_spent", "started", "completed", "last_activity"} {
		allowed[k] = true
	}
	if err := s.db.View(func(tx *bbolt.Tx) error {
		for _, bucket := range [][]byte{bucketEvents, bucketProgress} {
			if err := tx.Bucket(bucket).ForEach(func(_, v []byte) error {
				var m map[string]json.RawMessage
				if err := json.Unmarshal(v, &m); err != nil {
					return err
				}
				for k := range m {
					if !allowed[k] {
						t.Errorf("%s value has an unexpected key %q", bucket, k)
					}
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkRecord is one durable Record (one committed transaction, with
// fsync) per op on a real file.
func BenchmarkRecord(b *testing.B) {
	s, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		if err := s.check(); err != nil {
			b.Error(err)
		}
		s.Close()
	}()
	ana, err := s.AddLearner("Ana", "")
	if err != nil {
		b.Fatal(err)
	}
	e := Event{Learner: ana.ID, Kind: Answered, Lesson: "correo", Step: "escribir-correo", StepIndex: 1, Steps: 5,
		Attempt: 1, Mistake: "sin-arroba", Elapsed: 4 * time.Second}
	for b.Loop() {
		if _, err := s.Record(e); err != nil {
			b.Fatal(err)
		}
	}
}
