package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/tui/ui"
)

// lineExercise is an exercise said as plain lines in accessible mode. It
// sits on the exercise the player made for the step (the same one the full
// screen uses) and turns typed lines into what keys would do there: the
// player still checks the answer, says the verdict, counts misses, gives
// the hint and the worked example, and saves. A new step kind needs one
// small adapter registered in lineKinds.
type lineExercise interface {
	// describe is what the learner needs besides the step's title and
	// instruction, in reading order: the options numbered, the SMS, the
	// scene. It is printed once, when the step opens.
	describe() []string
	// prompt says what to type now.
	prompt() string
	// line takes one typed line. It changes the exercise as keys would,
	// says what happened (nothing, usually), and reports whether the player
	// should check the answer now.
	line(text string) (say []string, check bool)
}

// Optional parts of a lineExercise, checked with a type assertion.
type (
	// lineSayer words a verdict for accessible mode when the exercise's
	// usual words speak of keys ("press F5"); "" keeps the usual ones.
	lineSayer interface {
		lineSay(v lessons.Verdict) string
	}
	// lineBrowser still takes lines once the step is over (looking around
	// the mailbox); "" lines and the word for "go on" still go on.
	lineBrowser interface{ browse(text string) []string }
	// lineNewser says what changed on its own (a timer ran out, a
	// receipt came), each note once, like a verdict.
	lineNewser interface{ lineNews() []lineNote }
	// lineCmder hands the runner a command after a line (the form's
	// timer, which keys would ask for in Update).
	lineCmder interface{ lineCmd() tea.Cmd }
	// lineSecret says that what is typed now is a practice password: the
	// terminal does not show it, as the full screen masks it.
	lineSecret interface{ secret() bool }
)

// lineAdapter makes the constructor of the adapter for exercises of type E
// (from a component of another type, which components never make, it
// makes a read step's lines rather than panic).
func lineAdapter[E exercise](build func(c *ui.Common, e E) lineExercise) func(*ui.Common, *lessons.Step, exercise) lineExercise {
	return func(c *ui.Common, _ *lessons.Step, ex exercise) lineExercise {
		if e, ok := ex.(E); ok {
			return build(c, e)
		}
		return readLines{c: c}
	}
}

// lineKinds maps a step kind to the adapter that says its exercise as
// lines. It gets the exercise made from components for the same step.
var lineKinds = map[string]func(c *ui.Common, s *lessons.Step, ex exercise) lineExercise{
	"read":     func(c *ui.Common, _ *lessons.Step, _ exercise) lineExercise { return readLines{c: c} },
	"choose":   newChooseLines,
	"scenario": newChooseLines,
	"type":     newTypeLines,
	"order":    newOrderLines,
	"password": newPasswordLines,
	"code":     newCodeLines,
	"phrase":   newPhraseLines,
	"inbox":    newInboxLines,
	"form":     newFormLines,
}

// readLines is an information card: Enter goes on.
type readLines struct{ c *ui.Common }

func (readLines) describe() []string           { return nil }
func (r readLines) prompt() string             { return r.c.Cat.T("line_press_enter") }
func (readLines) line(string) ([]string, bool) { return nil, true }

// lineExercise is the current step's adapter, made when first asked for.
func (p *player) lineExercise() lineExercise {
	if p.lineEx == nil {
		mk, ok := lineKinds[p.step().Kind]
		if !ok {
			mk = lineKinds["read"]
		}
		p.lineEx = mk(p.c, p.step(), p.ex)
	}
	return p.lineEx
}

// lineVerdict is the verdict said in words, with "Right!" or "Not yet."
// before it, as the full screen shows it with a tick or a cross.
func (p *player) lineVerdict() string {
	v := p.verdict
	cat := p.c.Cat
	text := ""
	if s, ok := p.lineExercise().(lineSayer); ok && v.Feedback == "" {
		text = s.lineSay(*v)
	}
	if text == "" && v.Feedback == "" {
		switch v.Reason {
		case lessons.ReasonEmpty, lessons.ReasonNoChoice:
			if _, own := p.ex.(judgedTaker); !own {
				text = cat.T("line_verdict_" + string(v.Reason))
			}
		}
	}
	if text == "" {
		text = p.verdictWords()
	}
	switch {
	case v.Correct:
		return cat.T("right") + " " + text
	case !v.Counts():
		return text
	}
	return cat.T("not_yet") + " " + text
}

func (p *player) lineView() lineFrame {
	cat := p.c.Cat
	if p.finished {
		return p.lineSummary()
	}
	s := p.step()
	a := p.lineExercise()
	lines := []string{cat.T("step_of", "N", p.idx+1, "Total", len(p.lesson.Steps)) + ". " + s.Title, s.Text}
	lines = append(lines, a.describe()...)
	if terms := p.terms(); len(terms) > 0 {
		lines = append(lines, cat.T("line_glossary_here", "Words", termWords(terms), "Word", word(p.c, "line_cmd_glossary")))
	}
	f := lineFrame{key: fmt.Sprintf("lesson:%s:%d", p.lesson.ID, p.idx), lines: lines}
	if p.verdict != nil {
		f.news = append(f.news, lineNote{id: fmt.Sprintf("verdict:%d", p.judged), text: p.lineVerdict()})
	}
	if p.hint && p.state != solved {
		f.news = append(f.news, lineNote{id: "hint", text: cat.T("hint_label") + " " + s.Hint})
	}
	if p.state == revealed {
		f.news = append(f.news, lineNote{id: "example", text: cat.T("example_label") + " " + s.Example})
	}
	if n, ok := a.(lineNewser); ok {
		f.news = append(f.news, n.lineNews()...)
	}
	if p.state == asking {
		f.prompt = a.prompt()
		if s, ok := a.(lineSecret); ok {
			f.secret = s.secret()
		}
	} else {
		f.prompt = cat.T("line_press_enter")
	}
	return f
}

// summaryChoices are the ways on from the summary: the next lesson (if
// any) and home.
func (p *player) summaryChoices() []string {
	cat := p.c.Cat
	if p.next != nil {
		return []string{cat.T("btn_next_lesson") + ": " + p.next.Title, cat.T("btn_home")}
	}
	return []string{cat.T("btn_home")}
}

func (p *player) lineSummary() lineFrame {
	cat := p.c.Cat
	lines := []string{cat.T("lesson_done_title") + " " + p.lesson.Title, cat.T("learned_label")}
	for _, l := range p.lesson.Learned {
		lines = append(lines, "- "+l)
	}
	lines = append(lines, numbered(p.summaryChoices())...)
	return lineFrame{key: "summary:" + p.lesson.ID, lines: lines, prompt: cat.T("line_type_number")}
}

func (p *player) lineInput(text string) lineResult {
	c, cat := p.c, p.c.Cat
	if p.finished {
		if strings.TrimSpace(text) == "" {
			return lineResult{cmd: p.afterSummary(p.next != nil)}
		}
		n := len(p.summaryChoices())
		i, ok := number(text, n)
		if !ok {
			return say(notNumber(c, text, n))
		}
		return lineResult{cmd: p.afterSummary(p.next != nil && i == 1)}
	}
	a := p.lineExercise()
	if p.state != asking {
		if strings.TrimSpace(text) == "" || isWord(c, text, "line_cmd_next") {
			return lineResult{cmd: p.enterPressed()}
		}
		if b, ok := a.(lineBrowser); ok {
			if out := b.browse(text); len(out) > 0 {
				return say(out...)
			}
		}
		return say(cat.T("line_press_enter"))
	}
	out, check := a.line(text)
	cmds := []tea.Cmd{p.takeFromExercise()}
	if check && p.state == asking {
		cmds = append(cmds, p.enterPressed())
	}
	if c, ok := a.(lineCmder); ok {
		cmds = append(cmds, c.lineCmd())
	}
	return lineResult{say: out, cmd: tea.Batch(cmds...)}
}

// lineCommands are the words the step's exercise understands.
func (p *player) lineCommands() []string {
	if p.finished {
		return nil
	}
	if w, ok := p.lineExercise().(lineWords); ok {
		return w.lineCommands()
	}
	return nil
}

// lineRaw says whether the exercise wants every line as typed (the body of
// an email).
func (p *player) lineRaw() bool {
	if p.finished || p.state != asking {
		return false
	}
	r, ok := p.lineExercise().(lineRaw)
	return ok && r.lineRaw()
}

// spoken is what F6 reads on a step: its title and instruction, what the
// exercise adds to them (the options, the SMS), and the feedback, the hint
// and the worked example on screen.
func (p *player) spoken() string {
	cat := p.c.Cat
	if p.finished {
		return strings.Join(p.lineSummary().lines, "\n")
	}
	s := p.step()
	parts := []string{s.Title, s.Text}
	if sp, ok := p.lineExercise().(spoken); ok {
		parts = append(parts, sp.spoken())
	}
	if p.verdict != nil {
		parts = append(parts, p.lineVerdict())
	}
	if p.hint && p.state != solved {
		parts = append(parts, cat.T("hint_label")+" "+s.Hint)
	}
	if p.state == revealed {
		parts = append(parts, cat.T("example_label")+" "+s.Example)
	}
	return strings.Join(parts, "\n")
}
