package tui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"aula/classroom"
	"aula/classroom/share"
)

// lockedSharing is fakeSharing for accessible mode, whose runner calls it
// from its own goroutine.
type lockedSharing struct {
	fakeClass
	mu      sync.Mutex
	answers []share.Answer
	frames  []string
}

func (f *lockedSharing) AnswerShare(id string, allow bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.answers = append(f.answers, share.Answer{Share: id, Allow: allow})
}

func (f *lockedSharing) ShareFrame(id, screen string, _ int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.frames = append(f.frames, id+"|"+screen)
}

func (f *lockedSharing) got() ([]share.Answer, []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]share.Answer(nil), f.answers...), append([]string(nil), f.frames...)
}

// gotWhen waits (at most 5 s) until the answers and frames sent so far
// meet ok, and returns them: the kiosk says its line at once and sends the
// answer from a command, which may come a moment later.
func (f *lockedSharing) gotWhen(ok func([]share.Answer, []string) bool) ([]share.Answer, []string) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		answers, frames := f.got()
		if ok(answers, frames) || time.Now().After(deadline) {
			return answers, frames
		}
		time.Sleep(time.Millisecond) // polling the runner's goroutine, with a deadline
	}
}

// In accessible mode the learner is asked in words; an empty line and any
// other word say no, "sí" says yes; then a copy goes to the trainer, and
// "parar" stops it.
func TestLinesShareAskTypedAnswer(t *testing.T) {
	st := withLearner(t, "Lucía")
	f := &lockedSharing{}
	s := startLineSession(t, st, Config{Lang: "es", Class: f, Joined: "http://10.0.0.1:7420"})
	s.expect("Hola, Lucía")
	ls, err := st.Learners()
	if err != nil || len(ls) != 1 {
		t.Fatalf("learners %v, %v", ls, err)
	}
	ask := func(id string) {
		s.r.Send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdShareAsk, To: classroom.Target(st.DeviceID(), ls[0].ID), Share: id, Text: "Ana"}})
		s.expect("Ana (quien te forma) quiere ver lo que Aula te dice. ¿Permitir?")
		s.expect("Escribe sí para permitirlo. Cualquier otra cosa, o solo Intro, es que no.")
	}
	ask("s1")
	s.send("")
	s.expect("Tu pantalla no se comparte.")
	ask("s2")
	s.send("bueno")
	s.expect("Tu pantalla no se comparte.")
	if answers, frames := f.gotWhen(func(a []share.Answer, _ []string) bool { return len(a) >= 2 }); len(answers) != 2 || answers[0] != (share.Answer{Share: "s1"}) || answers[1] != (share.Answer{Share: "s2"}) || len(frames) != 0 {
		t.Fatalf("after two no: answers %+v, frames %q", answers, frames)
	}
	ask("s3")
	s.send("Sí")
	s.expect("Ana ve tu pantalla. Para dejar de compartir, escribe parar.")
	answers, frames := f.gotWhen(func(a []share.Answer, fr []string) bool { return len(a) >= 3 && len(fr) > 0 })
	if len(answers) != 3 || answers[2] != (share.Answer{Share: "s3", Allow: true}) {
		t.Fatalf("answers after sí: %+v", answers)
	}
	if len(frames) == 0 || !strings.HasPrefix(frames[len(frames)-1], "s3|") || !strings.Contains(frames[len(frames)-1], "Lucía") {
		t.Fatalf("no copy of the screen after sí: %q", frames)
	}
	s.send("parar")
	s.expect("Has dejado de compartir tu pantalla.")
	if answers, _ := f.gotWhen(func(a []share.Answer, _ []string) bool { return len(a) >= 4 }); answers[len(answers)-1] != (share.Answer{Share: "s3"}) {
		t.Fatalf("the stop went as %+v", answers[len(answers)-1])
	}
}
