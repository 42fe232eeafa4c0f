package player

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// Coming back to a step (issue 19, items 1 and 2): the misses and the hint
// stored with the progress carry on where they were, and a practice form
// that a crash emptied offers to go back to the page it had reached.

// resumeMsg is the learner's answer to the offer: the page to go to (0:
// start again from the first).
type resumeMsg struct{ Page int }

// restore carries on the current step's tries as stored in t.
func (p *Player) restore(t store.StepTry) {
	s := p.Step()
	if t.Step != s.ID || !s.NeedsAnswer() {
		return
	}
	p.Misses = t.Misses
	p.Hint = s.Hint != "" && (t.Hint || t.Misses >= 2)
	if p.Misses >= 3 {
		p.State = revealed
		p.Ex.SetDone(true)
		return
	}
	r, ok := p.Ex.(exercise.Resumer)
	if !ok || t.Page <= 0 {
		return
	}
	p.reached = t.Page
	cat := p.c.Cat
	page := min(t.Page, r.Pages()) + 1 // as the form counts them, from 1
	goTo := cat.T("resume_form_go", "N", page)
	if t.Page >= r.Pages() {
		goTo = cat.T("resume_form_review")
	}
	p.resumeDlg = ui.NewDialog(p.c, cat.T("resume_form_title"), cat.T("resume_form_text", "N", page, "Total", r.Pages()),
		[]ui.DialogButton{{Label: goTo, Msg: resumeMsg{Page: t.Page}}, {Label: cat.T("resume_form_start"), Msg: resumeMsg{}}})
}

// resumeUpdate handles the offer while it is on screen.
func (p *Player) resumeUpdate(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(resumeMsg); ok {
		return p.resume(m.Page)
	}
	switch msg.(type) {
	case tea.KeyMsg, tea.MouseMsg:
		cmd, closed := p.resumeDlg.Update(msg)
		if closed && cmd == nil {
			return p.resume(0) // Esc: start again
		}
		return cmd
	}
	return nil
}

// resume closes the offer and goes to page (0: the first, empty).
func (p *Player) resume(page int) tea.Cmd {
	p.resumeDlg = nil
	r, ok := p.Ex.(exercise.Resumer)
	if !ok {
		return nil
	}
	if page > 0 {
		r.ResumeAt(page)
	}
	return p.noteReached()
}

// noteReached stores the page of a form the learner has reached when it
// changed: only the number, never what was typed.
func (p *Player) noteReached() tea.Cmd {
	r, ok := p.Ex.(exercise.Resumer)
	if !ok || p.State != Asking {
		return nil
	}
	n := r.Reached()
	if n == p.reached {
		return nil
	}
	p.reached = n
	return p.record(store.PageReached, func(e *store.Event) { e.Page = n })
}

// leaveForm stores that the form was left on purpose (its answers were
// thrown away with the learner's say-so): nothing to offer next time. The
// event is queued; the next read of the progress or the end of the
// program writes it.
func (p *Player) leaveForm() {
	if p.reached > 0 && !p.Finished && p.State == Asking {
		p.reached = 0
		p.record(store.PageReached, nil)
	}
}

// lineResume is the offer in accessible mode: what happened, then the two
// answers by number.
func (p *Player) lineResume() access.Frame {
	d := p.resumeDlg
	labels := make([]string, len(d.Buttons))
	for i, b := range d.Buttons {
		labels[i] = b.Label
	}
	lines := append([]string{d.Title + ".", d.Text}, access.Numbered(labels)...)
	return access.Frame{Key: fmt.Sprintf("resume:%s:%d", p.Lesson.ID, p.Idx), Lines: lines, Prompt: p.c.Cat.T("line_type_number")}
}

// lineResumeInput takes the answer to the offer typed as a number.
func (p *Player) lineResumeInput(text string) access.Result {
	n := len(p.resumeDlg.Buttons)
	i, ok := access.Number(text, n)
	if !ok {
		return access.Say(access.NotNumber(p.c, text, n))
	}
	m, _ := p.resumeDlg.Buttons[i-1].Msg.(resumeMsg)
	return access.Result{Cmd: p.resume(m.Page)}
}
