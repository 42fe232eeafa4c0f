// Package player is the lesson player: it shows a lesson's steps, checks
// answers with the judges, gives feedback and hints, and saves progress.
package player

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/store"
	"aula/tui/exercise"
	"aula/tui/kinds"
	"aula/tui/ui"
)

// maxGap is the longest pause counted as time spent on a lesson: a learner
// who goes for a coffee is not studying.
const maxGap = 5 * time.Minute

// stepState is where the learner is within one step.
type stepState int

// Where the learner is within a step.
const (
	Asking   stepState = iota // waiting for an answer
	Solved                    // answered right: Enter goes on
	revealed                  // third miss: the worked example is shown, Enter goes on
)

// Player shows a lesson, one step per screen.
type Player struct {
	c       *ui.Common
	Lesson  *lessons.Lesson
	next    *lessons.Lesson // the next lesson of the itinerary, if any
	Idx     int
	Ex      exercise.Exercise
	State   stepState
	Misses  int
	Verdict *lessons.Verdict
	// Stale says the answer changed since Verdict judged it: the verdict
	// then shows dimmed, as about the answer before, never beside a new
	// answer it would contradict.
	Stale    bool
	judgedAs lessons.Answer // the answer Verdict judged (forgotten with the step)
	Hint     bool           // the hint is on screen
	Finished bool           // the summary is on screen
	onHome   bool           // the summary's focus is on "Back to home" rather than "Next lesson"
	last     time.Time
	Entered  time.Time             // when the current step came on screen
	scroll   ui.Scroll             // the step's window when it is taller than the screen
	judged   int                   // verdicts given so far in the lesson: each one is said once
	lineEx   exercise.LineExercise // the exercise said as lines (accessible mode), made when first asked
	gloss    glossed               // the instruction with the glossary's words marked
	reached  int                   // a form: the page reached, as last stored
	// resumeDlg offers to go back to the page a crash took the learner
	// away from (a form), with the practice data filled in again.
	resumeDlg *ui.Dialog
	cert      *certificateMsg // the certificate the lesson earned (certificate.go)
}

// NewPlayer opens lesson l at the step its progress p reached; next is the lesson offered after it.
func NewPlayer(c *ui.Common, l *lessons.Lesson, next *lessons.Lesson, p store.Progress) *Player {
	idx := 0
	if p.Status != store.Done && p.Step > 0 && p.Step < len(l.Steps()) {
		idx = p.Step
	}
	pl := &Player{c: c, Lesson: l, next: next, last: c.Now()}
	pl.enter(idx)
	pl.restore(p.Try)
	return pl
}

// Init records that the lesson was opened and starts the first step.
func (p *Player) Init() tea.Cmd { return tea.Batch(p.record(store.LessonStarted, nil), p.start()) }

// start starts what the exercise on screen needs (a timer), if anything.
func (p *Player) start() tea.Cmd {
	if s, ok := p.Ex.(exercise.Starter); ok {
		return s.Start()
	}
	return nil
}

// Close makes the exercise on screen forget what the learner typed: the
// Lesson is being left.
func (p *Player) Close() {
	p.leaveForm()
	p.Wipe()
}

// Wipe forgets what was typed in the current exercise.
func (p *Player) Wipe() {
	p.judgedAs = nil
	if w, ok := p.Ex.(exercise.Wiper); ok {
		w.Wipe()
	}
}

// Step is the step on screen.
func (p *Player) Step() *lessons.Step { return p.Lesson.Steps()[p.Idx] }

// enter shows step i afresh.
func (p *Player) enter(i int) {
	if p.Ex != nil {
		p.Wipe()
	}
	p.Idx = i
	p.Entered = p.c.Now()
	p.State, p.Misses, p.Verdict, p.Hint, p.scroll, p.reached, p.resumeDlg = Asking, 0, nil, false, ui.Scroll{}, 0, nil
	p.Stale, p.judgedAs = false, nil
	s := p.Step()
	p.Ex = kinds.Lookup(s.Kind).New(p.c, s)
	p.lineEx = nil
	p.gloss = glossed{}
	if !s.NeedsAnswer() {
		p.State = Solved
	}
}

// record queues an event about the current step.
func (p *Player) record(kind store.EventKind, fill func(*store.Event)) tea.Cmd {
	now := p.c.Now()
	gap := now.Sub(p.last)
	if gap > maxGap {
		gap = maxGap
	}
	p.last = now
	e := store.Event{Learner: p.c.Learner.ID, Kind: kind, Lesson: p.Lesson.ID, Step: p.Step().ID,
		StepIndex: p.Idx, Steps: len(p.Lesson.Steps()), Elapsed: gap, At: now}
	if fill != nil {
		fill(&e)
	}
	return p.c.Rec.Record(e)
}

// Update handles keys and clicks meant for the screen.
func (p *Player) Update(msg tea.Msg) tea.Cmd {
	if p.takeCertificate(msg) {
		return nil
	}
	if p.Finished {
		return p.summaryUpdate(msg)
	}
	if p.resumeDlg != nil {
		return p.resumeUpdate(msg)
	}
	// A full exercise (the mail app) uses Enter, the page keys and the
	// mouse wheel itself while the step is being answered.
	_, isFull := p.Ex.(exercise.Full)
	own := isFull && p.State == Asking
	var cmd tea.Cmd
	handled := false
	switch msg := msg.(type) {
	case tea.KeyMsg:
		cmd, handled = p.stepKey(msg, isFull, own)
	case tea.MouseMsg:
		cmd, handled = p.stepMouse(msg, isFull)
	}
	if handled {
		return cmd
	}
	cmd = p.Ex.Update(msg)
	cmd = tea.Batch(cmd, p.takeFromExercise())
	p.noticeChange()
	return cmd
}

// noticeChange marks the verdict on screen stale when the answer is no
// longer the one it judged (a field edited, a person added, a password
// changed under its meter), and fresh again if the learner puts it back.
// Every kind gets this here, once: feedback belongs to the answer it
// judged.
func (p *Player) noticeChange() {
	if p.Verdict == nil || p.State != Asking {
		return
	}
	p.Stale = !exercise.SameAnswer(p.Ex, p.judgedAs, p.Ex.Answer())
}

// summaryUpdate handles keys and clicks on the summary at the end.
func (p *Player) summaryUpdate(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	if m, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(m, k.Enter):
			return p.afterSummary(p.next != nil && !p.onHome)
		case p.next != nil && key.Matches(m, k.Tab, k.Left, k.Right):
			p.onHome = !p.onHome // two buttons: every move goes to the other
		}
	}
	if m, ok := msg.(tea.MouseMsg); ok && ui.IsClick(m) {
		switch {
		case p.next != nil && p.c.Zones.Get("btn-next-lesson").InBounds(m):
			return p.afterSummary(true)
		case p.c.Zones.Get("btn-home").InBounds(m):
			return p.afterSummary(false)
		}
	}
	return nil
}

// stepKey handles the player's own keys during a step; false leaves the
// key to the exercise. own says the exercise takes Enter itself.
func (p *Player) stepKey(msg tea.KeyMsg, isFull, own bool) (tea.Cmd, bool) {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Enter) && !own:
		if t, ok := p.Ex.(exercise.EnterTaker); ok && p.State == Asking && t.TakeEnter() {
			return nil, true
		}
		return p.enterPressed(), true
	case key.Matches(msg, k.Hint):
		return p.ShowHint(), true
	case key.Matches(msg, k.PageUp) && !isFull:
		p.scroll.By(-p.c.Height / 2)
		return nil, true
	case key.Matches(msg, k.PageDown) && !isFull:
		p.scroll.By(p.c.Height / 2)
		return nil, true
	}
	return nil, false
}

// stepMouse handles the wheel and the player's buttons during a step;
// false leaves the event to the exercise.
func (p *Player) stepMouse(msg tea.MouseMsg, isFull bool) (tea.Cmd, bool) {
	if msg.Button == tea.MouseButtonWheelUp && !isFull {
		p.scroll.By(-1)
		return nil, true
	}
	if msg.Button == tea.MouseButtonWheelDown && !isFull {
		p.scroll.By(1)
		return nil, true
	}
	if ui.IsClick(msg) {
		switch {
		case p.checkButton() && p.c.Zones.Get("btn-check").InBounds(msg):
			return p.enterPressed(), true
		case p.c.Zones.Get("btn-hint").InBounds(msg):
			return p.ShowHint(), true
		}
	}
	return nil, false
}

// recordOutcomes records mistakes the exercise found by itself (a form page
// that could not go on). They are not attempts: no attempt number, no miss.
func (p *Player) recordOutcomes(mistakes []string) tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range mistakes {
		cmds = append(cmds, p.record(store.Answered, func(e *store.Event) { e.Mistake = id }))
	}
	return tea.Batch(cmds...)
}

// checkButton says whether the Check button is on screen: not for a full
// exercise that has a submit button of its own.
func (p *Player) checkButton() bool {
	f, ok := p.Ex.(exercise.Full)
	return p.State != Asking || !ok || f.CheckKey().Enabled()
}

// takeFromExercise takes what the exercise hands the player after an
// action (a key, or a line in accessible mode): mistakes it found by itself
// (outcomeTaker), and an answer to check at once (a full exercise: a sent
// email, a submitted form). Both ways in use it, so whatever an exercise
// hands over is dealt with once, here.
func (p *Player) takeFromExercise() tea.Cmd {
	if p.State != Asking {
		return nil
	}
	var cmd tea.Cmd
	if o, ok := p.Ex.(exercise.OutcomeTaker); ok {
		cmd = p.recordOutcomes(o.TakeOutcomes())
	}
	cmd = tea.Batch(cmd, p.noteReached())
	if full, ok := p.Ex.(exercise.Full); ok {
		if a := full.TakeCheck(); a != nil {
			return tea.Batch(cmd, p.judge(a))
		}
	}
	return cmd
}

// enterPressed checks the answer, or goes on when the step is over.
func (p *Player) enterPressed() tea.Cmd {
	s := p.Step()
	switch p.State {
	case Solved:
		if !s.NeedsAnswer() {
			return tea.Batch(p.record(store.StepDone, func(e *store.Event) { e.How = "read" }), p.advance())
		}
		return p.advance()
	case revealed:
		return tea.Batch(p.record(store.StepDone, func(e *store.Event) { e.How = "example" }), p.advance())
	}
	return p.judge(p.Ex.Answer())
}

// judge checks an answer, says the verdict, records it and moves the step on.
func (p *Player) judge(a lessons.Answer) tea.Cmd {
	s := p.Step()
	v := s.Judge(a)
	if v.Reason == lessons.ReasonPending {
		// A task under way, nothing wrong so far: nothing to say yet.
		return nil
	}
	p.Verdict = &v
	p.judged++
	p.scroll.End() // show the feedback: the view clamps to the bottom
	if j, ok := p.Ex.(exercise.JudgedTaker); ok {
		j.Judged(v)
	}
	p.Stale, p.judgedAs = false, p.Ex.Answer() // after Judged, which may empty a box
	if !v.Counts() {
		// Nothing given yet: a reminder, not a miss.
		return nil
	}
	attempt := p.Misses + 1
	cmds := []tea.Cmd{p.record(store.Answered, func(e *store.Event) {
		e.Attempt, e.Correct, e.Mistake = attempt, v.Correct, v.Mistake
		if st := v.Strength; st != nil {
			// The strength of a practice password, never the password.
			score := int(st.Level)
			e.Score, e.Advice = &score, append([]string(nil), st.Advice...)
		}
	})}
	if v.Correct {
		p.State = Solved
		p.Ex.SetDone(true)
		return tea.Batch(cmds...)
	}
	p.Misses++
	if p.Misses >= 2 && !p.Hint {
		cmds = append(cmds, p.ShowHint())
	}
	if p.Misses >= 3 {
		p.State = revealed
		p.Ex.SetDone(true)
	}
	return tea.Batch(cmds...)
}

// ShowHint puts the hint on screen and counts it once per step.
func (p *Player) ShowHint() tea.Cmd {
	if p.Hint || p.Step().Hint == "" {
		return nil
	}
	p.Hint = true
	p.scroll.End()
	return p.record(store.HintShown, nil)
}

// advance goes to the next step, or to the summary after the last one.
func (p *Player) advance() tea.Cmd {
	if p.Idx+1 < len(p.Lesson.Steps()) {
		p.enter(p.Idx + 1)
		return p.start()
	}
	p.Wipe()
	p.Finished = true
	p.scroll.Home()
	return tea.Batch(p.record(store.LessonDone, nil), p.issueCertificates()) // the certificate is read after the write
}

// afterSummary leaves the summary for the next lesson or the home screen.
func (p *Player) afterSummary(next bool) tea.Cmd {
	if next && p.next != nil {
		id := p.next.ID
		return func() tea.Msg { return ui.OpenLessonMsg{ID: id} }
	}
	return func() tea.Msg { return ui.GoHomeMsg{} }
}

// Title names the screen at its top.
func (p *Player) Title() string { return p.Lesson.Title }

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (p *Player) Typing() bool { return !p.Finished && p.Ex.Typing() }

// WantsEsc says whether Esc belongs to the exercise now (closing a form,
// Asking before a draft is thrown away) rather than meaning "go home". The
// root asks before its own Esc handling.
func (p *Player) WantsEsc() bool {
	if p.resumeDlg != nil && !p.Finished {
		return true // Esc closes the offer: start again
	}
	f, ok := p.Ex.(exercise.Full)
	return ok && !p.Finished && p.State == Asking && f.WantsEsc()
}

// WantsBackWord says whether accessible mode's word "back" belongs to the
// exercise now (the practice browser's previous page).
func (p *Player) WantsBackWord() bool {
	b, ok := p.Ex.(ui.TakesBackWord)
	return ok && !p.Finished && p.State == Asking && b.WantsBackWord()
}

// FullWidth says whether the screen uses the whole width (a full
// exercise), so the root does not centre it as a reading column.
func (p *Player) FullWidth() bool {
	_, ok := p.Ex.(exercise.Full)
	return ok && !p.Finished
}

// HelpText explains the screen in the help overlay.
func (p *Player) HelpText() string {
	if p.Finished {
		return p.c.Cat.T("help_summary")
	}
	return p.c.Cat.T("help_player_" + p.Step().Kind)
}

// Keys lists the bindings the screen adds to the help.
func (p *Player) Keys() []key.Binding {
	k := p.c.Keys
	if p.Finished {
		return []key.Binding{k.Enter, k.Back}
	}
	if p.resumeDlg != nil {
		return p.resumeDlg.Keys()
	}
	if p.State != Asking {
		return append(append([]key.Binding{k.Next}, p.doneKeys()...), k.Back)
	}
	keys := append([]key.Binding{}, p.Ex.Keys()...)
	if _, ok := p.Ex.(exercise.Full); ok {
		// The exercise has its own check key; Esc may be its own too.
		keys = append(keys, k.Hint)
		if !p.WantsEsc() {
			keys = append(keys, k.Back)
		}
	} else {
		keys = append(keys, k.Check, k.Hint, k.Back)
	}
	return keys
}

// doneKeys are the keys a full exercise still has once the step is over
// (looking around the mailbox).
func (p *Player) doneKeys() []key.Binding {
	if _, ok := p.Ex.(exercise.Full); ok {
		return p.Ex.Keys()
	}
	return nil
}
