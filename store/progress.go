package store

import (
	"bytes"
	"slices"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// Status is where a learner is with a lesson.
type Status string

// The statuses of a lesson.
const (
	NotStarted Status = "not_started"
	InProgress Status = "in_progress"
	Done       Status = "done"
)

// Progress is a learner's progress in one lesson: a projection of their
// events, kept up to date by Record.
type Progress struct {
	Learner      uint64         `json:"learner"`
	Lesson       string         `json:"lesson"`
	Status       Status         `json:"status"`
	Step         int            `json:"step"` // index of the step to resume at
	Steps        int            `json:"steps"`
	DoneSteps    []string       `json:"done_steps"` // ids of steps done at least once, unique, in first-done order
	Attempts     int            `json:"attempts"`
	Hints        int            `json:"hints"`
	Mistakes     map[string]int `json:"mistakes,omitempty"` // "stepID/mistakeID" -> count (for trainers)
	TimeSpent    time.Duration  `json:"time_spent"`
	Started      time.Time      `json:"started"`
	Completed    time.Time      `json:"completed,omitempty"`
	LastActivity time.Time      `json:"last_activity"`
	// Try is how the step to resume at went so far, so that leaving the
	// lesson (or a crash) does not start its count of misses again. Absent
	// in records written before it existed: nothing to resume.
	Try StepTry `json:"try,omitzero"`
}

// StepTry is how the learner's tries at one step went: outcomes only.
type StepTry struct {
	Step   string `json:"step,omitempty"`   // the step's id
	Misses int    `json:"misses,omitempty"` // wrong answers (the hint comes at 2, the worked example at 3)
	Hint   bool   `json:"hint,omitempty"`   // the hint was shown
	Page   int    `json:"page,omitempty"`   // a form: the page reached (0-based); 0 after leaving it on purpose
}

// tryAt is the Try of step, started afresh when it was about another step.
func (p *Progress) tryAt(step string) *StepTry {
	if p.Try.Step != step {
		p.Try = StepTry{Step: step}
	}
	return &p.Try
}

// StepsDone is how many different steps the learner has done, at most Steps.
func (p Progress) StepsDone() int {
	if p.Steps > 0 {
		return min(len(p.DoneSteps), p.Steps)
	}
	return len(p.DoneSteps)
}

// LearnerProgress is one learner with their progress in every lesson they
// have touched.
type LearnerProgress struct {
	Learner Learner
	Lessons []Progress // sorted by lesson id
}

// apply updates the projection with one event (already validated, with At
// set and Elapsed >= 0).
func (p *Progress) apply(e Event) {
	p.TimeSpent += max(e.Elapsed, 0)
	p.LastActivity = e.At
	if e.Steps > 0 {
		p.Steps = e.Steps
	}
	// Any event means the lesson has started, even if lesson_started was
	// never recorded.
	if p.Started.IsZero() {
		p.Started = e.At
	}
	if p.Status == NotStarted || p.Status == "" {
		p.Status = InProgress
	}

	switch e.Kind {
	case LessonStarted:
		// A Done lesson stays Done: the learner is reviewing it.
		if p.Status == Done && p.Step >= p.Steps {
			p.Step = 0
		}
	case Answered:
		p.Attempts++
		if e.Correct {
			p.markDone(e.Step)
			p.Step = e.StepIndex + 1
			p.Try = StepTry{}
			break
		}
		if e.Attempt > 0 {
			// An answer judged wrong; a mistake the exercise found by
			// itself (a form page that could not go on) has no attempt.
			p.tryAt(e.Step).Misses++
		}
		mistake := e.Mistake
		if mistake == "" {
			mistake = "wrong"
		}
		if p.Mistakes == nil {
			p.Mistakes = map[string]int{}
		}
		p.Mistakes[e.Step+"/"+mistake]++
	case HintShown:
		p.Hints++
		if e.Step != "" {
			p.tryAt(e.Step).Hint = true
		}
	case PageReached:
		p.tryAt(e.Step).Page = e.Page
	case StepDone:
		p.markDone(e.Step)
		p.Step = e.StepIndex + 1
		p.Try = StepTry{}
	case LessonDone:
		p.Status = Done
		p.Completed = e.At
		p.Step = 0
		p.Try = StepTry{}
	}

	if p.Steps > 0 && p.Step >= p.Steps {
		p.Step = p.Steps - 1
	}
	p.Step = max(p.Step, 0)
}

func (p *Progress) markDone(step string) {
	if !slices.Contains(p.DoneSteps, step) {
		p.DoneSteps = append(p.DoneSteps, step)
	}
}

// LessonProgress is a learner's progress in one lesson; a lesson never
// started gives Progress{Learner, Lesson, Status: NotStarted}, not an error.
func (s *Store) LessonProgress(learner uint64, lesson string) (Progress, error) {
	p := Progress{Learner: learner, Lesson: lesson, Status: NotStarted}
	err := s.db.View(func(tx *bbolt.Tx) error {
		_, err := get(tx.Bucket(bucketProgress), progressKey(learner, lesson), &p)
		return err
	})
	if err != nil {
		return Progress{}, err
	}
	return p, nil
}

// Progress is a learner's progress in every lesson they have touched, by
// lesson id.
func (s *Store) Progress(learner uint64) (map[string]Progress, error) {
	m := map[string]Progress{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		ps, err := progressOf(tx, learner)
		for _, p := range ps {
			m[p.Lesson] = p
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// AllProgress is every learner (sorted by name) with their progress rows
// (sorted by lesson id), read in one transaction: the trainer's view.
func (s *Store) AllProgress() ([]LearnerProgress, error) {
	var all []LearnerProgress
	err := s.db.View(func(tx *bbolt.Tx) error {
		ls, err := learners(tx)
		if err != nil {
			return err
		}
		for _, l := range ls {
			ps, err := progressOf(tx, l.ID)
			if err != nil {
				return err
			}
			all = append(all, LearnerProgress{Learner: l, Lessons: ps})
		}
		return nil
	})
	return all, err
}

// progressOf reads a learner's progress rows, in key (= lesson id) order.
func progressOf(tx *bbolt.Tx, learner uint64) ([]Progress, error) {
	var ps []Progress
	prefix := u64(learner)
	c := tx.Bucket(bucketProgress).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var p Progress
		if err := decode(v, &p); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// ProgressBetween is like AllProgress, but built from the events that
// happened in [from, to) only (by the clock of the laptop that recorded
// them): a class session or a date range. Learners with no events in the
// range are left out.
func (s *Store) ProgressBetween(from, to time.Time) ([]LearnerProgress, error) {
	var all []LearnerProgress
	err := s.db.View(func(tx *bbolt.Tx) error {
		ls, err := learners(tx)
		if err != nil {
			return err
		}
		events := tx.Bucket(bucketEvents)
		for _, l := range ls {
			byLesson := map[string]*Progress{}
			prefix := u64(l.ID)
			c := events.Cursor()
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				var e Event
				if err := decode(v, &e); err != nil {
					return err
				}
				if e.At.Before(from) || !e.At.Before(to) || e.Kind.lessonless() {
					continue
				}
				p := byLesson[e.Lesson]
				if p == nil {
					p = &Progress{Learner: l.ID, Lesson: e.Lesson, Status: NotStarted}
					byLesson[e.Lesson] = p
				}
				p.apply(e)
			}
			if len(byLesson) == 0 {
				continue
			}
			lp := LearnerProgress{Learner: l}
			for _, p := range byLesson {
				lp.Lessons = append(lp.Lessons, *p)
			}
			slices.SortFunc(lp.Lessons, func(a, b Progress) int { return strings.Compare(a.Lesson, b.Lesson) })
			all = append(all, lp)
		}
		return nil
	})
	return all, err
}
