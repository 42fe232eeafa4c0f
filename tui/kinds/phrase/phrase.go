package phrase

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/lessons/validate"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// PhraseExercise is the passphrase builder: words to pick in a grid, the
// phrase they make, and its strength as it grows. Space (or a click) adds
// the word under the cursor; Backspace takes the last one away.
type PhraseExercise struct {
	c       *ui.Common
	step    *lessons.Step
	ex      *lessons.Passphrase
	Order   []*lessons.Word // as shown
	Cursor  int
	picked  []string
	st      validate.Strength
	done    bool
	addKey  key.Binding
	dropKey key.Binding
}

// PhraseColumns is how many words a row of the grid holds.
const PhraseColumns = 4

// NewPhraseExercise makes the exercise of a passphrase step.
func NewPhraseExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	ex := s.Exercise.(*lessons.Passphrase)
	ch := &lessons.Choose{}
	for _, w := range ex.Words {
		ch.Options = append(ch.Options, &lessons.Option{ID: w.ID})
	}
	e := &PhraseExercise{c: c, step: s, ex: ex}
	for _, o := range ch.Shown(s.ID) { // the same mix as a choose step
		e.Order = append(e.Order, ex.WordByID(o.ID))
	}
	e.addKey = key.NewBinding(key.WithKeys(" "), key.WithHelp(c.Cat.T("keyname_space"), c.Cat.T("key_add_word")))
	e.dropKey = key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", c.Cat.T("key_drop_word")))
	e.judge()
	return e
}

// Start reads the strength dictionaries in the background (once per run).
func (e *PhraseExercise) Start() tea.Cmd { return ui.WarmStrength }

// ZoneID names the mouse zone of item i.
func (e *PhraseExercise) ZoneID(i int) string { return fmt.Sprintf("word-%s-%d", e.step.ID, i) }

func (e *PhraseExercise) judge() {
	e.st = validate.PasswordStrength(e.ex.Phrase(e.picked), "")
}

// Update handles keys and clicks meant for the exercise.
func (e *PhraseExercise) Update(msg tea.Msg) tea.Cmd {
	if e.done {
		return nil
	}
	n := len(e.Order)
	switch msg := msg.(type) {
	case tea.KeyMsg:
		k := e.c.Keys
		switch {
		case key.Matches(msg, k.Left):
			e.Cursor = (e.Cursor - 1 + n) % n
		case key.Matches(msg, k.Right):
			e.Cursor = (e.Cursor + 1) % n
		case key.Matches(msg, k.Up):
			e.Cursor = (e.Cursor - PhraseColumns + n*PhraseColumns) % n
		case key.Matches(msg, k.Down):
			e.Cursor = (e.Cursor + PhraseColumns) % n
		case key.Matches(msg, e.addKey):
			e.add(e.Cursor)
		case key.Matches(msg, e.dropKey):
			if len(e.picked) > 0 {
				e.picked = e.picked[:len(e.picked)-1]
				e.judge()
			}
		}
	case tea.MouseMsg:
		if !ui.IsClick(msg) {
			return nil
		}
		for i := range e.Order {
			if e.c.Zones.Get(e.ZoneID(i)).InBounds(msg) {
				e.Cursor = i
				e.add(i)
			}
		}
	}
	return nil
}

// add puts word i at the end of the phrase; a phrase has at most 8 words.
func (e *PhraseExercise) add(i int) {
	if len(e.picked) < 8 {
		e.picked = append(e.picked, e.Order[i].ID)
		e.judge()
	}
}

// Answer is what the learner has given so far.
func (e *PhraseExercise) Answer() lessons.Answer {
	return lessons.PassphraseAnswer(append([]string(nil), e.picked...))
}

// View draws the exercise.
func (e *PhraseExercise) View(width int) string {
	st, cat := e.c.Styles, e.c.Cat
	cellW := 0
	for _, w := range e.Order {
		cellW = max(cellW, lipgloss.Width(w.Text)+4)
	}
	cols := ui.Clamp(width/max(cellW+1, 1), 1, PhraseColumns)
	var rows []string
	var row []string
	for i, w := range e.Order {
		cell := "  " + w.Text
		if i == e.Cursor && !e.done {
			cell = "▶ " + w.Text
		}
		cell = lipgloss.NewStyle().Width(cellW).Render(cell)
		if i == e.Cursor && !e.done {
			cell = st.Cursor.Render(cell)
		}
		row = append(row, e.c.Zones.Mark(e.ZoneID(i), cell))
		if len(row) == cols || i == len(e.Order)-1 {
			if e.c.Large && len(rows) > 0 {
				rows = append(rows, "")
			}
			rows = append(rows, strings.Join(row, " "))
			row = nil
		}
	}
	phrase := e.ex.Phrase(e.picked)
	if phrase == "" {
		phrase = st.Dim.Render(cat.T("phrase_empty"))
	} else {
		phrase = st.Title.Render(phrase)
	}
	count := cat.T("phrase_count", "Count", len(e.picked), "Min", e.ex.MinWords)
	lines := append(rows, "",
		ui.Wrap(cat.T("phrase_label")+" "+phrase, width),
		"  "+st.Dim.Render(count),
		ui.StrengthMeter(e.c, e.st.Level, e.ex.GoalLevel(), len(e.picked) == 0, width))
	return strings.Join(lines, "\n")
}

// Keys lists the bindings the exercise adds to the help.
func (e *PhraseExercise) Keys() []key.Binding {
	k := e.c.Keys
	move := key.NewBinding(key.WithKeys("up", "down", "left", "right"), key.WithHelp("←↑↓→", k.Move.Help().Desc))
	return []key.Binding{move, e.addKey, e.dropKey}
}

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (e *PhraseExercise) Typing() bool { return false }

// SetDone freezes the exercise once it is solved or shown.
func (e *PhraseExercise) SetDone(done bool) { e.done = done }

// Judged has nothing to undo: the learner changes the phrase themselves.
func (e *PhraseExercise) Judged(lessons.Verdict) {}

// Say words the verdicts of the builder.
func (e *PhraseExercise) Say(v lessons.Verdict) string {
	cat := e.c.Cat
	switch v.Reason {
	case lessons.ReasonNoChoice:
		return cat.T("verdict_phrase_none")
	case lessons.ReasonRepeated:
		return cat.T("verdict_phrase_repeated", "Word", v.Param)
	case lessons.ReasonFewWords:
		n, _ := strconv.Atoi(v.Param) // 0 if the judge said no number
		return cat.T("verdict_phrase_few", "Count", n, "Min", e.ex.MinWords)
	case lessons.ReasonWeak:
		return cat.T("verdict_weak", "Level", ui.LevelName(cat, ui.LevelOf(v)), "Goal", ui.LevelName(cat, e.ex.GoalLevel())) +
			" " + cat.T("pw_advice_add_word")
	}
	return ""
}
