package classroom

import (
	"aula/classroom/safetext"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"aula/store"
)

// Nothing a client sends is trusted: each field is bounded and checked for
// sense before anything is stored or kept. A request that fails gets a 400
// with the reason and changes nothing. The reasons never repeat the value:
// it may be what a learner typed.

// screens are the kiosk's screens as presence names them.
var screens = []string{"", "signin", "home", "list", "lesson", "summary", "join", "settings"}

// checkID says what is wrong with an id from a lesson file ("" allowed).
func checkID(field, id string) error {
	if len(id) > MaxID || !utf8.ValidString(id) ||
		strings.ContainsFunc(id, func(r rune) bool { return unicode.IsSpace(r) || !safetext.Keep(r) }) {
		return fmt.Errorf("the %s does not look like an id from a lesson file", field)
	}
	return nil
}

// checkName says what is wrong with a name a kiosk sent.
func checkName(field, name string) error {
	if len(name) > MaxName || !utf8.ValidString(name) {
		return fmt.Errorf("the %s is longer than %d bytes or not text", field, MaxName)
	}
	return nil
}

func checkCount(field string, n, max int) error {
	if n < 0 || n > max {
		return fmt.Errorf("%s must be from 0 to %d", field, max)
	}
	return nil
}

// checkPresence says what is wrong with a presence report.
func checkPresence(p Presence) error {
	if !slices.Contains(screens, p.Screen) {
		return fmt.Errorf("unknown screen")
	}
	if err := checkName("name", p.Name); err != nil {
		return err
	}
	for _, f := range [...]struct{ name, id string }{{"lesson", p.Lesson}, {"step", p.Step}} {
		if err := checkID(f.name, f.id); err != nil {
			return err
		}
	}
	for _, f := range [...]struct {
		name   string
		n, max int
	}{{"step_index", p.StepIndex, MaxCount}, {"steps", p.Steps, MaxCount}, {"misses", p.Misses, MaxCount},
		{"on_step", p.OnStep, MaxSeconds}, {"idle", p.Idle, MaxSeconds}, {"help_wait", p.HelpWait, MaxSeconds}} {
		if err := checkCount(f.name, f.n, f.max); err != nil {
			return err
		}
	}
	if p.StepIndex > p.Steps {
		return fmt.Errorf("step_index is after the last step")
	}
	if !p.Help && (p.HelpWait != 0 || p.HelpSeen) {
		return fmt.Errorf("help_wait and help_seen need a raised hand")
	}
	return nil
}

// Limits of sense for events: how far an event's time may be from the
// hub's clock (a week of study offline is normal; laptops' clocks are
// wrong by minutes, sometimes hours), and the longest time one action can
// count for.
const (
	eventPast    = 366 * 24 * time.Hour
	eventFuture  = 24 * time.Hour
	maxElapsed   = 24 * time.Hour
	maxStepIndex = MaxCount
)

// checkPush says what is wrong with a batch as a whole; each event is
// judged on its own by checkEvent.
func checkPush(req PushRequest) error {
	if len(req.Events) > MaxBatch {
		return fmt.Errorf("at most %d events per push", MaxBatch)
	}
	if len(req.Learners) > MaxBatch {
		return fmt.Errorf("at most %d learners per push", MaxBatch)
	}
	for i, l := range req.Learners {
		if err := checkName("name", l.Name); err != nil {
			return fmt.Errorf("learner %d: %w", i, err)
		}
		if safetext.Text(l.Name, MaxName) == "" {
			return fmt.Errorf("learner %d: the name is empty once control characters are taken out", i)
		}
	}
	return nil
}

// checkEvent says why the hub does not take one event of a push (a
// Refusal with the reason and what is wrong), or nil; now is the hub's
// clock. One bad event never costs the others of its batch.
func checkEvent(e store.Event, now time.Time) *Refusal {
	switch {
	case e.At.Before(now.Add(-eventPast)) || e.At.After(now.Add(eventFuture)):
		return &Refusal{ID: e.ID, Reason: ReasonClock, Detail: "its time is more than a year before or a day after the hub's clock: check the laptop's date"}
	case e.Elapsed < 0 || e.Elapsed > maxElapsed:
		return &Refusal{ID: e.ID, Reason: ReasonInvalid, Detail: "elapsed must be from 0 to 24 hours"}
	case e.StepIndex > maxStepIndex || e.Steps > maxStepIndex || e.Attempt > maxStepIndex:
		return &Refusal{ID: e.ID, Reason: ReasonInvalid, Detail: fmt.Sprintf("step index, steps or attempt over %d", maxStepIndex)}
	}
	return nil
}

// cleanLearners is the batch's learners with names as they may be shown.
func cleanLearners(ls []store.RemoteLearner) []store.RemoteLearner {
	out := make([]store.RemoteLearner, len(ls))
	for i, l := range ls {
		out[i] = store.RemoteLearner{ID: l.ID, Name: safetext.Text(l.Name, MaxName)}
	}
	return out
}

// cleanPresence is p with its texts as they may be shown.
func cleanPresence(p Presence) Presence {
	p.Name = safetext.Text(p.Name, MaxName)
	p.Lesson = safetext.Text(p.Lesson, MaxID)
	p.Step = safetext.Text(p.Step, MaxID)
	return p
}
