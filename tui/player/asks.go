package player

import (
	"aula/lessons"
	"aula/tui/access"
	"aula/tui/ui"
)

// What the player answers when the root asks (see the interfaces in ui).

// Where says the lesson and step on screen, or that the summary is.
func (p *Player) Where() ui.Where {
	w := ui.Where{Screen: "lesson", Lesson: p.Lesson.ID, Steps: len(p.Lesson.Steps()),
		Step: p.Step().ID, StepIndex: p.Idx, Misses: p.Misses, Since: p.Entered}
	if p.Finished {
		w.Screen = "summary"
	}
	return w
}

// EscGoesHome says that Esc leaves a lesson for home (unless WantsEsc).
func (p *Player) EscGoesHome() bool { return true }

// GlossaryTerms are the words of the step on screen the glossary explains;
// none on the summary.
func (p *Player) GlossaryTerms() []*lessons.Term {
	if p.Finished {
		return nil
	}
	return p.Terms()
}

// Page is the step on screen, or one past the last on the summary: speech
// stops when it changes.
func (p *Player) Page() int {
	if p.Finished {
		return len(p.Lesson.Steps())
	}
	return p.Idx
}

// LineHint is what the word "hint" does in accessible mode.
func (p *Player) LineHint() access.Result {
	cat := p.c.Cat
	if p.Finished || p.Step().Hint == "" {
		return access.Say(cat.T("line_no_hint"))
	}
	if p.Hint {
		return access.Say(cat.T("hint_label") + " " + p.Step().LineHint())
	}
	return access.Result{Cmd: p.ShowHint()}
}
