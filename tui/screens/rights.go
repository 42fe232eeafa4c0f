package screens

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/access"
	"aula/tui/ui"
)

// Rights is a learner's data rights on the kiosk, behind the trainer PIN
// (issue 17, part 5): choose a learner of this laptop, then rename them,
// join two profiles of one person (the near name offered first), save a
// copy of their data (JSON and PDF, through RightsPapers: the code of
// aula learners export) or erase them (asked first, No by default). The
// work is the store's (store/rights.go). Every step is a short menu, so
// the keys, the mouse and accessible mode all work alike.
type Rights struct {
	c        *ui.Common
	papers   RightsPapers
	learners []store.Learner
	mode     rightsMode
	cursor   int
	who      int // the learner chosen (index in learners)
	into     int // merge: the profile to keep
	input    textinput.Model
	note     string // what the last action did, or why it could not
	bad      bool
	scroll   ui.Scroll
	input0   time.Time // the last key or click: RightsIdle after it, the screen closes
}

// RightsIdle is how long the learners' data screen stays open without a
// key or a click: a trainer who walks away does not leave it to the next
// learner. The kiosk has no other trainer screen with a timeout to match
// (a learner's idle sign-out is 10 minutes), so it is 2 minutes, about
// what a trainer needs between two choices.
const RightsIdle = 2 * time.Minute

// rightsIdleMsg is the idle clock of one Rights screen looking again.
type rightsIdleMsg struct{ r *Rights }

// RightsPapers makes a learner's files (main's dashPapers, as for the
// dashboard): the export and, after an erasure, the removal of the files
// saved for them.
type RightsPapers interface {
	Export(learner uint64) ([]string, error)
	Erased(name string) int
}

type rightsMode int

const (
	rightsPick      rightsMode = iota // which learner
	rightsActions                     // what to do with them
	rightsRename                      // typing the new name
	rightsMergePick                   // which profile to join them into
	rightsMergeAsk                    // join them? (No first)
	rightsEraseAsk                    // erase them? (No first)
)

// rightsDoneMsg brings what an action did, in words.
type rightsDoneMsg struct {
	note string
	err  error
}

// NewRights makes the screen; it reads the learners when it starts (Init).
func NewRights(c *ui.Common, papers RightsPapers) *Rights {
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = store.MaxNameLen
	in.Cursor.SetMode(cursor.CursorStatic)
	return &Rights{c: c, papers: papers, input: in}
}

// Init reads the learners of this laptop and starts the idle clock.
func (r *Rights) Init() tea.Cmd {
	r.input0 = r.c.Now()
	return tea.Batch(ui.LoadLearners(r.c.Store), r.idleAfter(RightsIdle))
}

// idleAfter looks at the idle clock again after d.
func (r *Rights) idleAfter(d time.Duration) tea.Cmd {
	return r.c.Tick(d, func(time.Time) tea.Msg { return rightsIdleMsg{r: r} })
}

// idle closes the screen, back to the sign-in screen as its Close does,
// when nobody touched it for RightsIdle; else it looks again when that
// time would be up.
func (r *Rights) idle() tea.Cmd {
	left := RightsIdle - r.c.Now().Sub(r.input0)
	if left > 0 {
		return r.idleAfter(left)
	}
	r.input.Blur()
	return ui.Send(ui.SignOutMsg{})
}

// Title names the screen at its top.
func (r *Rights) Title() string { return r.c.Cat.T("rights_title") }

// Typing says whether the name field has the keyboard.
func (r *Rights) Typing() bool { return r.mode == rightsRename }

// ForTrainer marks the screen as the trainer's (ui.ForTrainer): no hand to
// raise here.
func (r *Rights) ForTrainer() {}

// HelpText explains the screen in the help overlay.
func (r *Rights) HelpText() string { return r.c.Cat.T("help_rights") }

// WantsEsc says that Esc goes back one step, inside the screen.
func (r *Rights) WantsEsc() bool { return true }

// Keys lists the bindings the screen adds to the help.
func (r *Rights) Keys() []key.Binding {
	k := r.c.Keys
	if r.mode == rightsRename {
		return []key.Binding{k.Enter, k.Back}
	}
	return []key.Binding{k.Move, k.Enter, k.Back}
}

// chosen is the learner the actions are for.
func (r *Rights) chosen() store.Learner { return r.learners[r.who] }

// others are the learners a merge may keep: the near name first.
func (r *Rights) others() []int {
	var out []int
	rest := make([]store.Learner, 0, len(r.learners))
	idx := make([]int, 0, len(r.learners))
	for i, l := range r.learners {
		if i != r.who {
			rest, idx = append(rest, l), append(idx, i)
		}
	}
	if n := nearName(rest, r.chosen().Name); n >= 0 {
		out = append(out, idx[n])
		idx = append(idx[:n:n], idx[n+1:]...)
	}
	return append(out, idx...)
}

// heading and text say the step; options are its choices, in order; the
// last one always goes back.
func (r *Rights) heading() (title, text string, options []string) {
	cat := r.c.Cat
	switch r.mode {
	case rightsActions:
		return r.chosen().Name, cat.T("rights_actions_text"), []string{
			cat.T("rights_rename"), cat.T("rights_merge"), cat.T("rights_export"), cat.T("rights_erase"), cat.T("rights_back")}
	case rightsRename:
		return cat.T("rights_rename_title", "Name", r.chosen().Name), cat.T("rights_rename_text"), nil
	case rightsMergePick:
		others := r.others()
		for i, o := range others {
			name := r.learners[o].Name
			if i == 0 && nearName([]store.Learner{r.learners[o]}, r.chosen().Name) == 0 {
				name = cat.T("rights_merge_near", "Name", name)
			}
			options = append(options, name)
		}
		text := cat.T("rights_merge_text", "Name", r.chosen().Name)
		if len(others) == 0 {
			text = cat.T("rights_merge_nobody")
		}
		return cat.T("rights_merge_title", "Name", r.chosen().Name), text, append(options, cat.T("rights_back"))
	case rightsMergeAsk:
		from, into := r.chosen().Name, r.learners[r.into].Name
		return cat.T("rights_merge_ask_title"), cat.T("rights_merge_ask", "From", from, "Into", into),
			[]string{cat.T("rights_no"), cat.T("rights_merge_yes", "Into", into)}
	case rightsEraseAsk:
		text := cat.T("rights_erase_ask", "Name", r.chosen().Name, "Count", store.BackupGenerations)
		if r.c.InClass {
			text += " " + cat.T("rights_erase_ask_class")
		}
		return cat.T("rights_erase_ask_title", "Name", r.chosen().Name), text,
			[]string{cat.T("rights_no"), cat.T("rights_erase_yes", "Name", r.chosen().Name)}
	}
	for _, l := range r.learners {
		options = append(options, l.Name)
	}
	text = cat.T("rights_pick_text")
	if len(r.learners) == 0 {
		text = cat.T("rights_nobody")
	}
	return cat.T("rights_title"), text, append(options, cat.T("rights_close"))
}

// Update handles keys, clicks and what the actions bring back.
func (r *Rights) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ui.LearnersMsg:
		r.learners = nil
		for _, l := range msg.Learners {
			if !l.Remote() {
				r.learners = append(r.learners, l)
			}
		}
		if msg.Err != nil {
			r.note, r.bad = r.c.Cat.T("rights_failed", "Err", msg.Err.Error()), true
		}
		if r.mode != rightsPick && r.who >= len(r.learners) {
			r.mode, r.cursor = rightsPick, 0
		}
	case rightsDoneMsg:
		r.note, r.bad = msg.note, msg.err != nil
		if msg.err != nil {
			r.note = r.said(msg.err)
		}
		r.mode, r.cursor = rightsPick, 0
		return ui.LoadLearners(r.c.Store)
	case rightsIdleMsg:
		if msg.r == r {
			return r.idle()
		}
	case tea.KeyMsg:
		r.input0 = r.c.Now()
		return r.key(msg)
	case tea.MouseMsg:
		r.input0 = r.c.Now()
		if !ui.IsClick(msg) {
			return nil
		}
		_, _, options := r.heading()
		for i := range options {
			if r.c.Zones.Get(fmt.Sprintf("rights-%d", i)).InBounds(msg) {
				return r.choose(i)
			}
		}
	}
	return nil
}

// key handles a key: the name field takes it while renaming.
func (r *Rights) key(msg tea.KeyMsg) tea.Cmd {
	k := r.c.Keys
	if key.Matches(msg, k.Back) {
		return r.back()
	}
	if r.mode == rightsRename {
		if key.Matches(msg, k.Enter) {
			return r.rename(r.input.Value())
		}
		var cmd tea.Cmd
		r.input, cmd = r.input.Update(msg)
		return cmd
	}
	_, _, options := r.heading()
	n := len(options)
	switch {
	case key.Matches(msg, k.Up):
		r.cursor = (r.cursor - 1 + n) % n
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		r.cursor = (r.cursor + 1) % n
	case key.Matches(msg, k.Enter):
		return r.choose(r.cursor)
	}
	return nil
}

// back goes one step back; from the list, out of the screen.
func (r *Rights) back() tea.Cmd {
	switch r.mode {
	case rightsPick:
		return ui.Send(ui.SignOutMsg{}) // the sign-in screen, nobody signed in
	case rightsActions:
		r.mode, r.cursor = rightsPick, r.who
	case rightsMergeAsk:
		r.mode, r.cursor = rightsMergePick, 0
	default:
		r.input.Blur()
		r.mode, r.cursor = rightsActions, 0
	}
	return nil
}

// choose carries out option i of the step on screen.
func (r *Rights) choose(i int) tea.Cmd {
	_, _, options := r.heading()
	if i < 0 || i >= len(options) {
		return nil
	}
	if i == len(options)-1 && r.mode != rightsMergeAsk && r.mode != rightsEraseAsk {
		return r.back() // the last option goes back
	}
	r.note, r.bad = "", false
	switch r.mode {
	case rightsPick:
		r.who, r.mode, r.cursor = i, rightsActions, 0
	case rightsActions:
		return r.action(i)
	case rightsMergePick:
		r.into, r.mode, r.cursor = r.others()[i], rightsMergeAsk, 0
	case rightsMergeAsk, rightsEraseAsk:
		if i == 0 { // No
			r.mode, r.cursor = rightsActions, 0
			return nil
		}
		if r.mode == rightsMergeAsk {
			return r.merge()
		}
		return r.erase()
	}
	return nil
}

// action opens the step of action i of the actions' menu.
func (r *Rights) action(i int) tea.Cmd {
	switch i {
	case 0:
		r.mode = rightsRename
		r.input.SetValue(r.chosen().Name)
		r.input.CursorEnd()
		return r.input.Focus()
	case 1:
		r.mode, r.cursor = rightsMergePick, 0
	case 2:
		return r.export()
	case 3:
		r.mode, r.cursor = rightsEraseAsk, 0 // No first
	}
	return nil
}

// said is a store error in the trainer's words.
func (r *Rights) said(err error) string {
	cat := r.c.Cat
	switch {
	case errors.Is(err, store.ErrNameTaken):
		return cat.T("rights_name_taken")
	case errors.Is(err, store.ErrBadName):
		return cat.T("rights_bad_name", "Max", store.MaxNameLen)
	}
	return cat.T("rights_failed", "Err", err.Error())
}

func (r *Rights) rename(name string) tea.Cmd {
	l := r.chosen()
	if strings.TrimSpace(name) == "" || name == l.Name {
		r.mode, r.cursor = rightsActions, 0
		return nil
	}
	if err := store.CheckName(name); err != nil {
		r.note, r.bad = r.said(err), true
		return nil
	}
	st, cat := r.c.Store, r.c.Cat
	return func() tea.Msg {
		if err := st.RenameLearner(l.ID, name); err != nil {
			return rightsDoneMsg{err: err}
		}
		nl, _ := st.Learner(l.ID)
		return rightsDoneMsg{note: cat.T("rights_renamed", "Old", l.Name, "Name", nl.Name)}
	}
}

func (r *Rights) merge() tea.Cmd {
	from, into := r.chosen(), r.learners[r.into]
	st, cat := r.c.Store, r.c.Cat
	return func() tea.Msg {
		n, err := st.MergeLearners(from.ID, into.ID)
		return rightsDoneMsg{note: cat.T("rights_merged", "From", from.Name, "Into", into.Name, "Count", n), err: err}
	}
}

func (r *Rights) export() tea.Cmd {
	l, p, cat := r.chosen(), r.papers, r.c.Cat
	if p == nil {
		r.note, r.bad = cat.T("rights_no_export"), true
		return nil
	}
	return func() tea.Msg {
		paths, err := p.Export(l.ID)
		if err != nil {
			return rightsDoneMsg{err: err}
		}
		return rightsDoneMsg{note: cat.T("rights_exported", "Name", l.Name, "Paths", strings.Join(paths, "\n"))}
	}
}

func (r *Rights) erase() tea.Cmd {
	l, p, st, cat := r.chosen(), r.papers, r.c.Store, r.c.Cat
	later := "rights_erased_backups"
	if r.c.InClass {
		later = "rights_erased_later"
	}
	return func() tea.Msg {
		er, err := st.EraseLearner(l.ID)
		if err != nil {
			return rightsDoneMsg{err: err}
		}
		note := cat.T("rights_erased", "Name", er.Name, "Count", er.Events)
		if p != nil {
			if n := p.Erased(er.Name); n > 0 {
				note += " " + cat.T("rights_erased_files", "Count", n)
			}
		}
		return rightsDoneMsg{note: note + " " + cat.T(later, "Count", store.BackupGenerations)}
	}
}

// View draws the step on screen.
func (r *Rights) View() string {
	c, st := r.c, r.c.Styles
	w := c.TextWidth()
	wrap := ui.Wrapper(w)
	title, text, options := r.heading()
	var pg ui.Page
	pg.Add(st.Title.Render(title), wrap.Render(text), "")
	if r.note != "" {
		note := wrap.Render(r.note)
		if r.bad {
			note = st.Bad.Render("! ") + note
		}
		pg.Add(note, "")
	}
	if r.mode == rightsRename {
		pg.Add(st.Input.Render(c.InputView(r.input)))
		return pg.Show(&r.scroll, c.Height)
	}
	for i, o := range options {
		on := i == r.cursor
		line := "  " + ui.Button(c, fmt.Sprintf("rights-%d", i), o, on)
		if on {
			line = "▶ " + ui.Button(c, fmt.Sprintf("rights-%d", i), o, on)
		}
		if c.Large && i > 0 {
			pg.Add("")
		}
		pg.Add(line)
		if on {
			pg.Select(pg.Len() - 1)
		}
	}
	return pg.Show(&r.scroll, c.Height)
}

// LineView is the step in accessible mode.
func (r *Rights) LineView() access.Frame {
	cat := r.c.Cat
	title, text, options := r.heading()
	lines := []string{title, text}
	if r.mode == rightsRename {
		return access.Frame{Key: "rights:rename", Lines: lines, News: r.lineNote(), Prompt: cat.T("rights_line_rename")}
	}
	lines = append(lines, access.Numbered(options)...)
	return access.Frame{Key: fmt.Sprintf("rights:%d:%d:%d", r.mode, r.who, len(r.learners)), Lines: lines, News: r.lineNote(), Prompt: cat.T("line_type_number")}
}

// lineNote is what the last action did, said once.
func (r *Rights) lineNote() []access.Note {
	if r.note == "" {
		return nil
	}
	return []access.Note{{ID: "rights:" + r.note, Text: r.note, First: true}}
}

// LineInput takes one typed line: the new name, or an option's number.
func (r *Rights) LineInput(text string) access.Result {
	if r.mode == rightsRename {
		return access.Result{Cmd: r.rename(strings.TrimSpace(text))}
	}
	_, _, options := r.heading()
	i, ok := access.Number(text, len(options))
	if !ok {
		return access.Say(access.NotNumber(r.c, text, len(options)))
	}
	r.cursor = i - 1
	return access.Result{Cmd: r.choose(i - 1)}
}
