package tui

import (
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/store"
)

// maxGap is the longest pause counted as time spent on a lesson: a learner
// who goes for a coffee is not studying.
const maxGap = 5 * time.Minute

// stepState is where the learner is within one step.
type stepState int

const (
	asking   stepState = iota // waiting for an answer
	solved                    // answered right: Enter goes on
	revealed                  // third miss: the worked example is shown, Enter goes on
)

// player shows a lesson, one step per screen.
type player struct {
	c        *Common
	lesson   *lessons.Lesson
	next     *lessons.Lesson // the next lesson of the itinerary, if any
	idx      int
	ex       exercise
	state    stepState
	misses   int
	verdict  *lessons.Verdict
	hint     bool // the hint is on screen
	finished bool // the summary is on screen
	last     time.Time
	scroll   int // first line shown when the step is taller than the screen
}

func newPlayer(c *Common, l *lessons.Lesson, next *lessons.Lesson, p store.Progress) *player {
	idx := 0
	if p.Status != store.Done && p.Step > 0 && p.Step < len(l.Steps) {
		idx = p.Step
	}
	pl := &player{c: c, lesson: l, next: next, last: c.Now()}
	pl.enter(idx)
	return pl
}

// Init records that the lesson was opened.
func (p *player) Init() tea.Cmd { return p.record(store.LessonStarted, nil) }

func (p *player) step() *lessons.Step { return p.lesson.Steps[p.idx] }

// enter shows step i afresh.
func (p *player) enter(i int) {
	p.idx = i
	p.state, p.misses, p.verdict, p.hint, p.scroll = asking, 0, nil, false, 0
	s := p.step()
	mk, ok := components[s.Kind]
	if !ok {
		mk = components["read"]
	}
	p.ex = mk(p.c, s)
	if !s.NeedsAnswer() {
		p.state = solved
	}
}

// record queues an event about the current step.
func (p *player) record(kind store.EventKind, fill func(*store.Event)) tea.Cmd {
	now := p.c.Now()
	gap := now.Sub(p.last)
	if gap > maxGap {
		gap = maxGap
	}
	p.last = now
	e := store.Event{Learner: p.c.Learner.ID, Kind: kind, Lesson: p.lesson.ID, Step: p.step().ID,
		StepIndex: p.idx, Steps: len(p.lesson.Steps), Elapsed: gap, At: now}
	if fill != nil {
		fill(&e)
	}
	return p.c.Rec.Record(e)
}

func (p *player) Update(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	if p.finished {
		if m, ok := msg.(tea.KeyMsg); ok && key.Matches(m, k.Enter) {
			return p.afterSummary(p.next != nil)
		}
		if m, ok := msg.(tea.MouseMsg); ok && isClick(m) {
			switch {
			case p.next != nil && p.c.Zones.Get("btn-next-lesson").InBounds(m):
				return p.afterSummary(true)
			case p.c.Zones.Get("btn-home").InBounds(m):
				return p.afterSummary(false)
			}
		}
		return nil
	}
	_, full := p.ex.(fullScreen)
	full = full && p.state == asking // it handles Enter, paging and the wheel itself
	switch msg := msg.(type) {
	case checkAnswerMsg:
		if p.state == asking {
			return p.enterPressed()
		}
		return nil
	case fieldOutcomesMsg:
		if p.state == asking {
			return p.recordOutcomes(msg.mistakes)
		}
		return nil
	case tea.KeyMsg:
		switch {
		case full && key.Matches(msg, k.Hint):
			return p.showHint()
		case full:
		case key.Matches(msg, k.Enter):
			return p.enterPressed()
		case key.Matches(msg, k.Hint):
			return p.showHint()
		case msg.String() == "pgup":
			p.scroll = max(p.scroll-p.c.Height/2, 0)
			return nil
		case msg.String() == "pgdown":
			p.scroll += p.c.Height / 2
			return nil
		}
	case tea.MouseMsg:
		if full {
			if isClick(msg) && p.c.Zones.Get("btn-hint").InBounds(msg) {
				return p.showHint()
			}
			break
		}
		if msg.Button == tea.MouseButtonWheelUp {
			p.scroll = max(p.scroll-1, 0)
			return nil
		}
		if msg.Button == tea.MouseButtonWheelDown {
			p.scroll++
			return nil
		}
		if isClick(msg) {
			switch {
			case p.c.Zones.Get("btn-check").InBounds(msg):
				return p.enterPressed()
			case p.c.Zones.Get("btn-hint").InBounds(msg):
				return p.showHint()
			}
		}
	}
	return p.ex.Update(msg)
}

func isClick(m tea.MouseMsg) bool {
	return m.Action == tea.MouseActionRelease && m.Button == tea.MouseButtonLeft
}

// enterPressed checks the answer, or goes on when the step is over.
func (p *player) enterPressed() tea.Cmd {
	s := p.step()
	switch p.state {
	case solved:
		if !s.NeedsAnswer() {
			return tea.Batch(p.record(store.StepDone, func(e *store.Event) { e.How = "read" }), p.advance())
		}
		return p.advance()
	case revealed:
		return tea.Batch(p.record(store.StepDone, func(e *store.Event) { e.How = "example" }), p.advance())
	}
	v := s.Judge(p.ex.Answer())
	p.verdict = &v
	p.scroll = 1 << 20 // show the feedback: the view clamps to the bottom
	if v.Reason == lessons.ReasonEmpty || v.Reason == lessons.ReasonNoChoice {
		// Nothing given yet: a reminder, not a miss.
		return nil
	}
	attempt := p.misses + 1
	cmds := []tea.Cmd{p.record(store.Answered, func(e *store.Event) {
		e.Attempt, e.Correct, e.Mistake = attempt, v.Correct, v.Mistake
	})}
	if v.Correct {
		p.state = solved
		p.ex.SetDone(true)
		return tea.Batch(cmds...)
	}
	p.misses++
	if p.misses >= 2 && !p.hint {
		cmds = append(cmds, p.showHint())
	}
	if p.misses >= 3 {
		p.state = revealed
		p.ex.SetDone(true)
	}
	return tea.Batch(cmds...)
}

// recordOutcomes records mistakes an exercise found by itself (a form page
// that could not go on): answers that are not a submitted attempt, so they
// count no miss towards the hint and the worked example.
func (p *player) recordOutcomes(mistakes []string) tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range mistakes {
		cmds = append(cmds, p.record(store.Answered, func(e *store.Event) { e.Mistake = id }))
	}
	return tea.Batch(cmds...)
}

// escape is Esc in a lesson. The exercise may use it first (to close a
// panel of its own): escUsed. If leaving would lose what the learner typed,
// the root asks first: escAsk. Otherwise the lesson is left: escLeave.
func (p *player) escape() escResult {
	g, ok := p.ex.(leaveGuard)
	if !ok || p.finished {
		return escLeave
	}
	if g.Esc() {
		return escUsed
	}
	if g.Unsaved() {
		return escAsk
	}
	return escLeave
}

type escResult int

const (
	escLeave escResult = iota
	escUsed
	escAsk
)

// fullWidth says whether the screen uses the whole width (a form with the
// persona card beside it), so the root does not centre a reading column.
func (p *player) fullWidth() bool {
	f, ok := p.ex.(fullScreen)
	return ok && !p.finished && f.Wide()
}

// showHint puts the hint on screen and counts it once per step.
func (p *player) showHint() tea.Cmd {
	if p.hint || p.step().Hint == "" {
		return nil
	}
	p.hint = true
	p.scroll = 1 << 20
	return p.record(store.HintShown, nil)
}

// advance goes to the next step, or to the summary after the last one.
func (p *player) advance() tea.Cmd {
	if p.idx+1 < len(p.lesson.Steps) {
		p.enter(p.idx + 1)
		return nil
	}
	p.finished = true
	p.scroll = 0
	return p.record(store.LessonDone, nil)
}

// afterSummary leaves the summary for the next lesson or the home screen.
func (p *player) afterSummary(next bool) tea.Cmd {
	if next && p.next != nil {
		id := p.next.ID
		return func() tea.Msg { return openLessonMsg{id: id} }
	}
	return func() tea.Msg { return goHomeMsg{} }
}

func (p *player) Title() string { return p.lesson.Title }

func (p *player) Typing() bool { return !p.finished && p.ex.Typing() }

func (p *player) HelpText() string {
	if p.finished {
		return p.c.Cat.T("help_summary")
	}
	return p.c.Cat.T("help_player_" + p.step().Kind)
}

func (p *player) Keys() []key.Binding {
	k := p.c.Keys
	if p.finished {
		return []key.Binding{k.Enter, k.Back}
	}
	_, full := p.ex.(fullScreen)
	if p.state != asking {
		if full {
			return append(append([]key.Binding{}, p.ex.Keys()...), k.Next, k.Back)
		}
		return []key.Binding{k.Next, k.Back}
	}
	keys := append([]key.Binding{}, p.ex.Keys()...)
	if full {
		for _, b := range keys {
			if slices.Contains(b.Keys(), "esc") {
				return append(keys, k.Hint) // Esc closes the exercise's panel first
			}
		}
		return append(keys, k.Hint, k.Back)
	}
	return append(keys, k.Check, k.Hint, k.Back)
}

func (p *player) View() string {
	if p.finished {
		return p.viewSummary()
	}
	if f, ok := p.ex.(fullScreen); ok {
		return p.viewFull(f)
	}
	c, st, cat := p.c, p.c.Styles, p.c.Cat
	w := c.textWidth()
	s := p.step()
	wrap := lipgloss.NewStyle().Width(w)

	var parts []string
	parts = append(parts, st.Dim.Render(cat.T("step_of", "N", p.idx+1, "Total", len(p.lesson.Steps))))
	parts = append(parts, st.Title.Render(wrap.Render(s.Title)), "")
	parts = append(parts, wrap.Render(s.Text))
	if ev := p.ex.View(w); ev != "" {
		parts = append(parts, "", ev)
	}
	if fb := p.feedback(w); fb != "" {
		parts = append(parts, "", fb)
	}
	parts = append(parts, "", p.buttons())
	return p.fit(strings.Join(parts, "\n"))
}

// fullMinHeight is the least room a full-screen exercise gets; below it the
// step scrolls as a whole.
const fullMinHeight = 8

// viewFull draws a full-screen exercise under a one-line heading and the
// instruction, with the feedback below it.
func (p *player) viewFull(f fullScreen) string {
	c, st, cat := p.c, p.c.Styles, p.c.Cat
	w := c.textWidth()
	s := p.step()
	head := st.Dim.Render(cat.T("step_of", "N", p.idx+1, "Total", len(p.lesson.Steps))) + " · " + st.Title.Render(s.Title)
	head = lipgloss.NewStyle().MaxWidth(c.Width).Render(head)
	text := lipgloss.NewStyle().Width(w).Render(s.Text)
	var bottom []string
	if fb := p.feedback(w); fb != "" {
		bottom = append(bottom, "", fb)
	}
	if p.state != asking {
		bottom = append(bottom, "", p.buttons())
	}
	used := 1 + lipgloss.Height(text) + 1
	for _, b := range bottom {
		used += lipgloss.Height(b)
	}
	body := f.ViewSized(c.Width, max(c.Height-used, fullMinHeight))
	parts := append([]string{head, text, body}, bottom...)
	return p.fit(strings.Join(parts, "\n"))
}

// feedback is what the app says about the last answer, the hint and the
// worked example.
func (p *player) feedback(w int) string {
	st, cat, s := p.c.Styles, p.c.Cat, p.step()
	wrap := lipgloss.NewStyle().Width(w)
	var lines []string
	if v := p.verdict; v != nil {
		text := v.Feedback
		if text == "" {
			text = cat.T("verdict_"+string(v.Reason), "Item", v.Param)
		}
		switch {
		case v.Correct:
			lines = append(lines, wrap.Render(st.Good.Render("✔ "+cat.T("right"))+" "+text))
		case v.Reason == lessons.ReasonEmpty || v.Reason == lessons.ReasonNoChoice:
			lines = append(lines, wrap.Render(st.Hint.Render("→ ")+text))
		default:
			lines = append(lines, wrap.Render(st.Bad.Render("✗ "+cat.T("not_yet"))+" "+text))
		}
	}
	if p.hint && p.state != solved {
		lines = append(lines, wrap.Render(st.Hint.Render(cat.T("hint_label"))+" "+s.Hint))
	}
	if p.state == revealed {
		lines = append(lines, wrap.Render(st.Title.Render(cat.T("example_label"))+" "+st.Example.Render(s.Example)))
		lines = append(lines, wrap.Render(cat.T("example_go_on")))
	}
	return strings.Join(lines, "\n")
}

func (p *player) buttons() string {
	cat := p.c.Cat
	if p.state != asking {
		return button(p.c, "btn-check", cat.T("btn_next"), true)
	}
	return button(p.c, "btn-check", cat.T("btn_check"), true) + " " + button(p.c, "btn-hint", cat.T("btn_hint"), false)
}

// fit shows the part of body that fits the content height, keeping the
// scroll position within bounds; a last line says there is more.
func (p *player) fit(body string) string {
	lines := strings.Split(body, "\n")
	h := p.c.Height
	if len(lines) <= h || h < 2 {
		p.scroll = 0
		return body
	}
	page := h - 1
	p.scroll = clamp(p.scroll, 0, len(lines)-page)
	out := append([]string{}, lines[p.scroll:p.scroll+page]...)
	more := p.c.Cat.T("more_below")
	if p.scroll+page >= len(lines) {
		more = p.c.Cat.T("more_above")
	}
	out = append(out, p.c.Styles.Dim.Render(more))
	return strings.Join(out, "\n")
}

func (p *player) viewSummary() string {
	c, st, cat := p.c, p.c.Styles, p.c.Cat
	w := c.textWidth()
	wrap := lipgloss.NewStyle().Width(w)
	parts := []string{
		st.Good.Render("✔ " + cat.T("lesson_done_title")),
		st.Title.Render(wrap.Render(p.lesson.Title)), "",
		cat.T("learned_label"),
	}
	for _, l := range p.lesson.Learned {
		parts = append(parts, wrap.Render("  • "+l))
	}
	parts = append(parts, "")
	if p.next != nil {
		parts = append(parts, wrap.Render(cat.T("next_lesson_is", "Title", p.next.Title)), "",
			button(c, "btn-next-lesson", cat.T("btn_next_lesson"), true)+" "+button(c, "btn-home", cat.T("btn_home"), false))
	} else {
		parts = append(parts, button(c, "btn-home", cat.T("btn_home"), true))
	}
	return p.fit(strings.Join(parts, "\n"))
}

// button draws a clickable button; the default one (Enter) stands out.
func button(c *Common, id, label string, isDefault bool) string {
	st := c.Styles.Button
	if isDefault {
		st = c.Styles.ButtonOn
	}
	return c.Zones.Mark(id, st.Render("[ "+label+" ]"))
}
