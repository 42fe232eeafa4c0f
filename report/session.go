package report

import (
	"cmp"
	"slices"
	"time"

	"aula/lessons"
	"aula/store"
)

// The session report (aula report --format pdf): who came and who did
// not, what each did, the help asked for and how long it waited, and the
// steps where the class struggled most. Built from the events of a range
// of days, apart from the CSV and JSON rows.

// Session is one class session (or a range of days) as the trainer sees it.
type Session struct {
	From, To  time.Time // [From, To), local time; To is zero for "until now"
	Centre    string
	Trainer   string
	Came      []Attendee
	Absent    []string // learners known here with nothing in the range
	Help      []HelpRequest
	Struggles []Struggle // the steps with most wrong answers, most first
	Made      time.Time  // when the report was made
}

// Attendee is what one learner did in the session.
type Attendee struct {
	Name        string
	Laptop      string
	TimeOnTask  time.Duration
	Started     int      // lessons opened
	Finished    int      // lessons finished
	Itineraries []string // itineraries finished in the range (a certificate is ready for each)
}

// HelpRequest is one call for the trainer (F4) and how long it waited: until
// the learner cancelled it or did the next thing (the trainer came).
type HelpRequest struct {
	Learner string
	At      time.Time
	Waited  time.Duration
	Open    bool // nothing happened after it in the range
}

// Struggle is a step where learners answered wrongly.
type Struggle struct {
	Lesson, Step string // titles
	Misses       int    // wrong answers
	Learners     int    // learners who missed it at least once
}

// maxStruggles is how many steps the report lists.
const maxStruggles = 5

// stepKey names a step of a lesson.
type stepKey struct{ lesson, step string }

// tally counts the wrong answers per step, and who gave them.
type tally struct {
	misses   map[stepKey]*Struggle
	missedBy map[stepKey]map[uint64]bool
}

// BuildSession reads the events in [from, to) of every learner, titles
// from cat. A zero to leaves the range open.
func BuildSession(st *store.Store, cat *lessons.Catalog, from, to time.Time) (*Session, error) {
	s := &Session{From: from, To: to}
	if c, err := st.Centre(); err == nil {
		s.Centre, s.Trainer = c.Name, c.Trainer
	}
	learners, err := st.Learners()
	if err != nil {
		return nil, err
	}
	t := tally{misses: map[stepKey]*Struggle{}, missedBy: map[stepKey]map[uint64]bool{}}
	for _, l := range learners {
		events, err := st.Events(l.ID)
		if err != nil {
			return nil, err
		}
		a, active := s.attend(l, events, &t)
		if !active {
			s.Absent = append(s.Absent, l.Name)
			continue
		}
		if a.Itineraries, err = itinerariesFinished(st, cat, l.ID, from, to); err != nil {
			return nil, err
		}
		s.Came = append(s.Came, a)
	}
	s.Struggles = t.hardest(cat)
	slices.SortStableFunc(s.Help, func(a, b HelpRequest) int { return a.At.Compare(b.At) })
	return s, nil
}

// attend walks l's events in the session: what l did, the help l asked
// for (added to s.Help) and l's wrong answers (counted in t). active is
// false when l did nothing in the session.
func (s *Session) attend(l store.Learner, events []store.Event, t *tally) (a Attendee, active bool) {
	a = Attendee{Name: l.Name, Laptop: laptop(l.Device)}
	help := -1 // the request of this learner waiting, as an index into s.Help
	for _, e := range events {
		if e.At.Before(s.From) || (!s.To.IsZero() && !e.At.Before(s.To)) {
			continue
		}
		active = true
		if help >= 0 && e.Kind != store.HelpAsked {
			s.Help[help].Waited, s.Help[help].Open = e.At.Sub(s.Help[help].At), false
			help = -1
		}
		a.TimeOnTask += e.Elapsed
		switch e.Kind {
		case store.LessonStarted:
			a.Started++
		case store.LessonDone:
			a.Finished++
		case store.HelpAsked:
			if help < 0 {
				s.Help = append(s.Help, HelpRequest{Learner: l.Name, At: e.At, Open: true})
				help = len(s.Help) - 1
			}
		case store.Answered:
			if !e.Correct {
				t.miss(stepKey{e.Lesson, e.Step}, l.ID)
			}
		}
	}
	return a, active
}

func (t *tally) miss(k stepKey, learner uint64) {
	if t.misses[k] == nil {
		t.misses[k] = &Struggle{Lesson: k.lesson, Step: k.step}
		t.missedBy[k] = map[uint64]bool{}
	}
	t.misses[k].Misses++
	t.missedBy[k][learner] = true
}

// hardest are the steps with most wrong answers, titled from cat, at most
// maxStruggles.
func (t *tally) hardest(cat *lessons.Catalog) []Struggle {
	var out []Struggle
	for k, m := range t.misses {
		m.Learners = len(t.missedBy[k])
		if l, ok := cat.Lesson(k.lesson); ok {
			m.Lesson = l.Title
			if i := l.StepIndex(k.step); i >= 0 {
				m.Step = l.Steps()[i].Title
			}
		}
		out = append(out, *m)
	}
	slices.SortFunc(out, func(a, b Struggle) int {
		return cmp.Or(b.Misses-a.Misses, b.Learners-a.Learners, cmp.Compare(a.Lesson, b.Lesson), cmp.Compare(a.Step, b.Step))
	})
	if len(out) > maxStruggles {
		out = out[:maxStruggles]
	}
	return out
}

// itinerariesFinished are the titles of the itineraries whose last lesson
// learner finished in [from, to).
func itinerariesFinished(st *store.Store, cat *lessons.Catalog, learner uint64, from, to time.Time) ([]string, error) {
	prog, err := st.Progress(learner)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, it := range cat.Itineraries {
		var last time.Time
		done := len(it.LessonIDs) > 0
		for _, id := range it.LessonIDs {
			p, ok := prog[id]
			if !ok || p.Status != store.Done {
				done = false
				break
			}
			if p.Completed.After(last) {
				last = p.Completed
			}
		}
		if done && !last.Before(from) && (to.IsZero() || last.Before(to)) {
			out = append(out, it.Title)
		}
	}
	return out, nil
}
