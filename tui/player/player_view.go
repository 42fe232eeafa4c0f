package player

// What the lesson player draws: the step, its verdict and buttons, the
// summary at the end.

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"aula/tui/exercise"
	"aula/tui/ui"
)

// View draws the screen.
func (p *Player) View() string {
	if p.Finished {
		return p.viewSummary()
	}
	if p.resumeDlg != nil {
		return p.resumeDlg.View(p.c.Width, p.c.Height)
	}
	if f, ok := p.Ex.(exercise.Full); ok {
		return p.viewFull(f)
	}
	c, st, cat := p.c, p.c.Styles, p.c.Cat
	w := c.TextWidth()
	s := p.Step()
	wrap := ui.Wrapper(w)

	var parts []string
	parts = append(parts, st.Dim.Render(cat.T("step_of", "N", p.Idx+1, "Total", len(p.Lesson.Steps()))))
	parts = append(parts, st.Title.Render(wrap.Render(s.Title)), "")
	parts = append(parts, p.wrappedInstruction(w))
	if ev := p.Ex.View(w); ev != "" {
		parts = append(parts, "", ev)
	}
	if fb := p.feedback(w); fb != "" {
		parts = append(parts, "", fb)
	}
	parts = append(parts, "", p.buttons())
	return p.fit(strings.Join(parts, "\n"))
}

// minFullHeight is the least room a full exercise gets; below it the step
// scrolls.
const minFullHeight = 9

// viewFull lays out a step whose exercise is a whole application: a line
// with the step number and title, the instruction, the exercise in all the
// room left, then the feedback and the buttons.
func (p *Player) viewFull(f exercise.Full) string {
	c, st, cat := p.c, p.c.Styles, p.c.Cat
	w := c.Width
	s := p.Step()
	head := lipgloss.NewStyle().MaxWidth(w).Render(st.Dim.Render(cat.T("step_of", "N", p.Idx+1, "Total", len(p.Lesson.Steps()))+" · ") + st.Title.Render(s.Title))
	text := p.wrappedInstruction(w)
	fb := p.feedback(w)
	btns := p.buttons()
	used := 1 + lipgloss.Height(text) + 1
	if fb != "" {
		used += lipgloss.Height(fb)
	}
	parts := []string{head, text}
	if c.Height-used > minFullHeight+4 {
		parts = append(parts, "") // room to breathe
		used++
	}
	parts = append(parts, f.ViewFull(w, max(c.Height-used, minFullHeight)))
	if fb != "" {
		parts = append(parts, fb)
	}
	parts = append(parts, btns)
	return p.fit(strings.Join(parts, "\n"))
}

// feedback is what the app says about the last answer, the hint and the
// worked example.
func (p *Player) feedback(w int) string {
	st, cat, s := p.c.Styles, p.c.Cat, p.Step()
	wrap := ui.Wrapper(w)
	var lines []string
	if v := p.Verdict; v != nil {
		text := p.verdictWords()
		switch {
		case p.Stale:
			lines = append(lines, wrap.Render(st.Dim.Render(cat.T("feedback_stale")+" "+text)))
		case v.Correct:
			lines = append(lines, wrap.Render(st.Good.Render("✔ "+cat.T("right"))+" "+text))
		case !v.Counts():
			lines = append(lines, wrap.Render(st.Hint.Render("→ ")+text))
		default:
			lines = append(lines, wrap.Render(st.Bad.Render("✗ "+cat.T("not_yet"))+" "+text))
		}
	}
	if p.Hint && p.State != Solved {
		lines = append(lines, wrap.Render(st.Hint.Render(cat.T("hint_label"))+" "+s.Hint))
	}
	if p.State == revealed {
		lines = append(lines, wrap.Render(st.Title.Render(cat.T("example_label"))+" "+st.Example.Render(s.Example)))
		lines = append(lines, wrap.Render(cat.T("example_go_on")))
	}
	return strings.Join(lines, "\n")
}

// verdictWords is what the app says about the last answer: the lesson's
// own words, the exercise's, or the catalog's for the reason.
func (p *Player) verdictWords() string {
	v := p.Verdict
	if v == nil {
		return ""
	}
	text := v.Feedback
	if j, ok := p.Ex.(exercise.JudgedTaker); ok && text == "" {
		text = j.Say(*v)
	}
	if text == "" {
		text = p.c.Cat.T("verdict_"+string(v.Reason), "Item", v.Param)
	}
	return text
}

func (p *Player) buttons() string {
	cat := p.c.Cat
	if p.State != Asking {
		return ui.Button(p.c, "btn-check", cat.T("btn_next"), true)
	}
	hint := ui.Button(p.c, "btn-hint", cat.T("btn_hint"), false)
	if !p.checkButton() {
		return hint
	}
	check := cat.T("btn_check")
	if f, ok := p.Ex.(exercise.Full); ok {
		check += " (" + strings.ToUpper(f.CheckKey().Help().Key) + ")"
	}
	return ui.Button(p.c, "btn-check", check, true) + " " + hint
}

// fit shows the part of body that fits the content height, keeping the
// scroll position within bounds; a last line says there is more.
func (p *Player) fit(body string) string {
	return p.scroll.FitText(p.c, body, p.c.Height, p.c.Cat.T("more_below"), p.c.Cat.T("more_above"))
}

// focusMark points at the button Enter presses, so focus shows without
// colour too.
func focusMark(on bool) string {
	if on {
		return "▶ "
	}
	return "  "
}

func (p *Player) viewSummary() string {
	c, st, cat := p.c, p.c.Styles, p.c.Cat
	w := c.TextWidth()
	wrap := ui.Wrapper(w)
	parts := []string{
		st.Good.Render("✔ " + cat.T("lesson_done_title")),
		st.Title.Render(wrap.Render(p.Lesson.Title)), "",
		cat.T("learned_label"),
	}
	for _, l := range p.Lesson.Learned {
		parts = append(parts, ui.Wrap("  • "+l, w))
	}
	parts = append(parts, "")
	parts = append(parts, p.certificateLines()...)
	// The buttons stay on screen under what scrolls, so that the one with
	// the focus is never hidden below "more below".
	var buttons string
	if p.next != nil {
		parts = append(parts, wrap.Render(cat.T("next_lesson_is", "Title", p.next.Title)), "")
		buttons = focusMark(!p.onHome) + ui.Button(c, "btn-next-lesson", cat.T("btn_next_lesson"), !p.onHome) + " " +
			focusMark(p.onHome) + ui.Button(c, "btn-home", cat.T("btn_home"), p.onHome)
	} else {
		// The only button has the focus, and shows it as every other does.
		buttons = focusMark(true) + ui.Button(c, "btn-home", cat.T("btn_home"), true)
	}
	body := strings.Join(parts, "\n")
	h := strings.Count(buttons, "\n") + 1
	if p.c.Height-h < 2 {
		return p.fit(body + "\n" + buttons)
	}
	return p.scroll.FitText(p.c, body, p.c.Height-h, cat.T("more_below"), cat.T("more_above")) + "\n" + buttons
}
