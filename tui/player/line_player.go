package player

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/kinds"
	"aula/tui/ui"
)

// lineExercise is the current step's adapter, made when first asked for.
func (p *Player) lineExercise() exercise.LineExercise {
	if p.lineEx == nil {
		p.lineEx = kinds.Lookup(p.Step().Kind).Lines(p.c, p.Step(), p.Ex)
	}
	return p.lineEx
}

// lineVerdict is the verdict said in words, with "Right!" or "Not yet."
// before it, as the full screen shows it with a tick or a cross.
func (p *Player) lineVerdict() string {
	v := p.Verdict
	cat := p.c.Cat
	text := ""
	if s, ok := p.lineExercise().(exercise.LineSayer); ok && v.Feedback == "" {
		text = s.LineSay(*v)
	}
	if text == "" && v.Feedback == "" {
		switch v.Reason {
		case lessons.ReasonEmpty, lessons.ReasonNoChoice:
			if _, own := p.Ex.(exercise.JudgedTaker); !own {
				text = cat.T("line_verdict_" + string(v.Reason))
			}
		}
	}
	if text == "" {
		// The lesson's words, in their accessible wording when they name
		// keys (access: feedback:).
		text = p.Step().LineFeedback(p.verdictWords())
	}
	switch {
	case v.Correct:
		return cat.T("right") + " " + text
	case !v.Counts():
		return text
	}
	return cat.T("not_yet") + " " + text
}

// LineView is the screen in accessible mode: the lines to say and the question.
func (p *Player) LineView() access.Frame {
	cat := p.c.Cat
	if p.Finished {
		return p.lineSummary()
	}
	if p.resumeDlg != nil {
		return p.lineResume()
	}
	s := p.Step()
	a := p.lineExercise()
	lines := []string{cat.T("step_of", "N", p.Idx+1, "Total", len(p.Lesson.Steps())) + ". " + s.Title, s.LineText()}
	lines = append(lines, a.Describe()...)
	if terms := p.Terms(); len(terms) > 0 {
		lines = append(lines, cat.T("line_glossary_here", "Words", termWords(terms), "Word", access.Word(p.c, "line_cmd_glossary")))
	}
	f := access.Frame{Key: fmt.Sprintf("lesson:%s:%d", p.Lesson.ID, p.Idx), Lines: lines}
	if p.Verdict != nil {
		f.News = append(f.News, access.Note{ID: fmt.Sprintf("verdict:%d", p.judged), Text: p.lineVerdict()})
	}
	if p.Hint && p.State != Solved {
		f.News = append(f.News, access.Note{ID: "hint", Text: cat.T("hint_label") + " " + s.LineHint()})
	}
	if p.State == revealed {
		f.News = append(f.News, access.Note{ID: "example", Text: cat.T("example_label") + " " + s.LineExample()})
	}
	if n, ok := a.(exercise.LineNewser); ok {
		f.News = append(f.News, n.LineNews()...)
	}
	if p.State == Asking {
		f.Prompt = a.Prompt()
		if s, ok := a.(exercise.LineSecret); ok {
			f.Secret = s.Secret()
		}
	} else {
		f.Prompt = cat.T("line_press_enter")
	}
	return f
}

// summaryChoices are the ways on from the summary: the next lesson (if
// any) and home.
func (p *Player) summaryChoices() []string {
	cat := p.c.Cat
	if p.next != nil {
		return []string{cat.T("btn_next_lesson") + ": " + p.next.Title, cat.T("btn_home")}
	}
	return []string{cat.T("btn_home")}
}

func (p *Player) lineSummary() access.Frame {
	cat := p.c.Cat
	lines := []string{cat.T("lesson_done_title") + " " + p.Lesson.Title, cat.T("learned_label")}
	for _, l := range p.Lesson.Learned {
		lines = append(lines, "- "+l)
	}
	lines = append(lines, access.Numbered(p.summaryChoices())...)
	return access.Frame{Key: "summary:" + p.Lesson.ID, Lines: lines, Prompt: cat.T("line_type_number"), News: p.certificateNews()}
}

// LineInput takes one line typed in accessible mode.
func (p *Player) LineInput(text string) access.Result {
	c, cat := p.c, p.c.Cat
	if p.Finished {
		if strings.TrimSpace(text) == "" {
			return access.Result{Cmd: p.afterSummary(p.next != nil)}
		}
		n := len(p.summaryChoices())
		i, ok := access.Number(text, n)
		if !ok {
			return access.Say(access.NotNumber(c, text, n))
		}
		return access.Result{Cmd: p.afterSummary(p.next != nil && i == 1)}
	}
	if p.resumeDlg != nil {
		return p.lineResumeInput(text)
	}
	a := p.lineExercise()
	if p.State != Asking {
		if strings.TrimSpace(text) == "" || access.IsWord(c, text, "line_cmd_next") {
			return access.Result{Cmd: p.enterPressed()}
		}
		if b, ok := a.(exercise.LineBrowser); ok {
			if out := b.Browse(text); len(out) > 0 {
				return access.Say(out...)
			}
		}
		return access.Say(cat.T("line_press_enter"))
	}
	out, check := a.Line(text)
	cmds := []tea.Cmd{p.takeFromExercise()}
	p.noticeChange()
	if check && p.State == Asking {
		cmds = append(cmds, p.enterPressed())
	}
	if c, ok := a.(exercise.LineCmder); ok {
		cmds = append(cmds, c.LineCmd())
	}
	return access.Result{Say: out, Cmd: tea.Batch(cmds...)}
}

// LineCommands are the words the step's exercise understands.
func (p *Player) LineCommands() []string {
	if p.Finished || p.resumeDlg != nil {
		return nil
	}
	if w, ok := p.lineExercise().(access.Words); ok {
		return w.LineCommands()
	}
	return nil
}

// LineRaw says whether the exercise wants every line as typed (the body of
// an email).
func (p *Player) LineRaw() bool {
	if p.Finished || p.resumeDlg != nil || p.State != Asking {
		return false
	}
	r, ok := p.lineExercise().(access.Raw)
	return ok && r.LineRaw()
}

// Spoken is what F6 reads on a step: its title and instruction, what the
// exercise adds to them (the options, the SMS), and the feedback, the hint
// and the worked example on screen.
func (p *Player) Spoken() string {
	cat := p.c.Cat
	if p.Finished {
		return strings.Join(p.lineSummary().Lines, "\n")
	}
	s := p.Step()
	parts := []string{s.Title, s.Text}
	if sp, ok := p.lineExercise().(ui.Spoken); ok {
		parts = append(parts, sp.Spoken())
	}
	if p.Verdict != nil {
		parts = append(parts, p.lineVerdict())
	}
	if p.Hint && p.State != Solved {
		parts = append(parts, cat.T("hint_label")+" "+s.Hint)
	}
	if p.State == revealed {
		parts = append(parts, cat.T("example_label")+" "+s.Example)
	}
	return strings.Join(parts, "\n")
}
