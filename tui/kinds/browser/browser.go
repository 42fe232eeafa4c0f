// Package browser is the full screen and the accessible form of browser
// steps: a practice web browser with an address bar that shows whose page
// it is, a padlock that is explained, back and forward, links that can be
// looked at before they are followed, and a download bar.
package browser

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	browserjudge "aula/lessons/kinds/browser"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// BrowserExercise is a practice web browser. It is a full exercise: it
// takes the whole step area and Enter, and after every action that may
// finish or spoil the task it hands the player an answer to check. The
// learner types nothing in it; what they do is kept in memory only, as an
// Answer the judge turns into a rule id.
type BrowserExercise struct {
	c    *ui.Common
	X    *browserjudge.Browser
	keys browserKeys

	history []string // pages, in the order opened with back and forward
	at      int      // the page shown, in history
	Focus   int      // the focused link, button or download (index in its page's blocks), -1 none
	Mark    int      // the focused bookmark (index in the bar), -1 none
	note    string   // a word about the last action (a page saved), until the next
	scroll  int      // first body row shown
	Shown   string   // the link whose real address is shown in the status bar
	Got     *browserjudge.Block
	done    bool

	Ans browserjudge.Answer

	exercise.ToCheck[browserjudge.Answer] // an answer to check after an action, taken by the player

	lay     layout // the page's rows at a width, kept until page or width change
	bodyH   int    // body rows at the last View
	visible []int  // block of each body row drawn at the last View, for clicks
}

type browserKeys struct {
	Move, Press, Inspect, Back, Forward, Check, Page, Save key.Binding
}

func newBrowserKeys(c *ui.Common) browserKeys {
	cat := c.Cat
	letter := func(id string) string { return strings.ToLower(cat.T(id)) }
	both := func(id string, more ...string) key.BindingOpt {
		return key.WithKeys(append([]string{letter(id), strings.ToUpper(letter(id))}, more...)...)
	}
	upper := func(id string) string { return strings.ToUpper(letter(id)) }
	return browserKeys{
		Move:    key.NewBinding(key.WithKeys("tab", "shift+tab", "up", "down"), key.WithHelp("Tab", cat.T("browser_key_move_help"))),
		Press:   key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("browser_key_press_help"))),
		Inspect: key.NewBinding(both("browser_key_inspect"), key.WithHelp(upper("browser_key_inspect"), cat.T("browser_key_inspect_help"))),
		Back:    key.NewBinding(both("browser_key_back", "backspace", "alt+left"), key.WithHelp(upper("browser_key_back"), cat.T("browser_back"))),
		Forward: key.NewBinding(both("browser_key_forward", "alt+right"), key.WithHelp(upper("browser_key_forward"), cat.T("browser_forward"))),
		Check:   key.NewBinding(both("browser_key_check"), key.WithHelp(upper("browser_key_check"), cat.T("key_check"))),
		Page:    key.NewBinding(key.WithKeys("pgdown", "pgup", " "), key.WithHelp(cat.T("inbox_keyname_page"), cat.T("browser_key_page_help"))),
		Save:    key.NewBinding(both("browser_key_bookmark"), key.WithHelp(upper("browser_key_bookmark"), cat.T("browser_key_bookmark_help"))),
	}
}

// NewBrowserExercise opens the browser on the step's start page.
func NewBrowserExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	x, _ := s.Exercise.(*browserjudge.Browser)
	if x == nil {
		x = &browserjudge.Browser{}
	}
	e := &BrowserExercise{c: c, X: x, keys: newBrowserKeys(c), Focus: -1, Mark: -1}
	if x.Page(x.Start) != nil {
		e.history = []string{x.Start}
		e.Ans.Visited = []string{x.Start}
	}
	return e
}

// Page is the page shown, or nil for a browser with no pages.
func (e *BrowserExercise) Page() *browserjudge.Page {
	if e.at >= len(e.history) {
		return nil
	}
	return e.X.Page(e.history[e.at])
}

// active are the indexes of the page's links, buttons and downloads.
func (e *BrowserExercise) active() []int {
	p := e.Page()
	if p == nil {
		return nil
	}
	var out []int
	for i, b := range p.Blocks {
		if b.Active() {
			out = append(out, i)
		}
	}
	return out
}

// Focused is the focused link, button, download or bookmark, or nil.
func (e *BrowserExercise) Focused() *browserjudge.Block {
	if bar := e.Bar(); e.Mark >= 0 && e.Mark < len(bar) {
		return bar[e.Mark]
	}
	p := e.Page()
	if p == nil || e.Focus < 0 || e.Focus >= len(p.Blocks) {
		return nil
	}
	return p.Blocks[e.Focus]
}

// Answer is what was done so far; Last is nil: the learner asks to check.
func (e *BrowserExercise) Answer() lessons.Answer { return e.answer(nil) }

func (e *BrowserExercise) answer(last *browserjudge.Action) browserjudge.Answer {
	a := e.Ans
	a.Visited = slices.Clone(a.Visited)
	a.Followed = slices.Clone(a.Followed)
	a.Inspected = slices.Clone(a.Inspected)
	a.Downloaded = slices.Clone(a.Downloaded)
	a.Unseen = slices.Clone(a.Unseen)
	a.Saved = slices.Clone(a.Saved)
	a.Last = last
	return a
}

// did records an action and asks the player to check.
func (e *BrowserExercise) did(kind, id string) {
	a := e.answer(&browserjudge.Action{Kind: kind, ID: id})
	e.Put(a)
}

// CheckKey is the letter that asks to check, shown on the Check button.
func (e *BrowserExercise) CheckKey() key.Binding { return e.keys.Check }

// Typing is always false: nothing is typed in the practice browser.
func (e *BrowserExercise) Typing() bool { return false }

// WantsEsc is false: Esc goes home, as everywhere.
func (e *BrowserExercise) WantsEsc() bool { return false }

// WantsBackWord says whether accessible mode's "back" goes to the page
// before: while the step is open and there is one. On the first page the
// word leaves the lesson, as everywhere.
func (e *BrowserExercise) WantsBackWord() bool { return !e.done && e.CanGo(-1) }

// SetDone freezes the browser once the step is solved or shown: the page
// can still be read and scrolled.
func (e *BrowserExercise) SetDone(done bool) { e.done = done }

// Keys are the browser's keys for the help line.
func (e *BrowserExercise) Keys() []key.Binding {
	k := e.keys
	if e.done {
		return []key.Binding{k.Page}
	}
	// Enter, back and forward are on the screen: the address bar shows
	// their keys.
	if e.HasBar() {
		return []key.Binding{k.Move, k.Inspect, k.Save}
	}
	return []key.Binding{k.Move, k.Inspect}
}

// Update handles keys and clicks.
func (e *BrowserExercise) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case tea.KeyMsg:
		e.key(m)
	case tea.MouseMsg:
		e.mouse(m)
	}
	return nil
}

func (e *BrowserExercise) key(k tea.KeyMsg) {
	ks := e.keys
	switch {
	case key.Matches(k, ks.Page):
		e.page(k.String() == "pgup")
	case e.done:
	case k.String() == "tab" || k.String() == "down":
		e.move(1)
	case k.String() == "shift+tab" || k.String() == "up":
		e.move(-1)
	case key.Matches(k, ks.Press):
		e.Press()
	case key.Matches(k, ks.Inspect):
		e.Inspect()
	case key.Matches(k, ks.Back):
		e.Go(-1)
	case key.Matches(k, ks.Forward):
		e.Go(1)
	case key.Matches(k, ks.Save):
		e.Save()
	}
}

// move focuses the next (delta 1) or previous (-1) bookmark, link,
// button or download, round the bookmarks bar and the page.
func (e *BrowserExercise) move(delta int) {
	act := e.active()
	nb := len(e.Bar())
	n := nb + len(act)
	if n == 0 {
		return
	}
	i := -1
	if e.Mark >= 0 {
		i = e.Mark
	} else if j := slices.Index(act, e.Focus); j >= 0 {
		i = nb + j
	}
	switch {
	case i < 0 && delta > 0:
		i = 0
	case i < 0:
		i = n - 1
	default:
		i = (i + delta + n) % n
	}
	e.Mark, e.Focus = -1, -1
	if i < nb {
		e.Mark = i
	} else {
		e.Focus = act[i-nb]
	}
	e.Shown, e.note = "", ""
	e.keepFocusShown()
}

// page scrolls the page by a screen.
func (e *BrowserExercise) page(up bool) {
	step := max(e.bodyH-1, 1)
	if up {
		e.scroll = max(e.scroll-step, 0)
		return
	}
	e.scroll = max(min(e.scroll+step, len(e.lay.rows)-e.bodyH), 0)
}

// Inspect shows where the focused link or button really goes, as hovering
// over it does in a real browser.
func (e *BrowserExercise) Inspect() {
	b := e.Focused()
	if b == nil || b.Kind() == browserjudge.BlockDownload {
		return
	}
	e.Shown = b.ID
	if !slices.Contains(e.Ans.Inspected, b.ID) {
		e.Ans.Inspected = append(e.Ans.Inspected, b.ID)
	}
	e.did(browserjudge.ActInspect, b.ID)
}

// Press follows the focused link or button, or takes the download.
func (e *BrowserExercise) Press() {
	b := e.Focused()
	if b == nil {
		return
	}
	if b.Kind() == browserjudge.BlockDownload {
		e.Got = b
		e.Ans.Downloaded = append(e.Ans.Downloaded, b.ID)
		e.did(browserjudge.ActDownload, b.ID)
		return
	}
	if e.X.Page(b.To) == nil {
		return
	}
	e.Ans.Followed = append(e.Ans.Followed, b.ID)
	if !slices.Contains(e.Ans.Inspected, b.ID) && !slices.Contains(e.Ans.Unseen, b.ID) {
		e.Ans.Unseen = append(e.Ans.Unseen, b.ID)
	}
	e.history = append(e.history[:e.at+1], b.To)
	e.at = len(e.history) - 1
	e.Ans.Visited = append(e.Ans.Visited, b.To)
	e.opened()
	e.did(browserjudge.ActFollow, b.ID)
}

// Go goes back (-1) or forward (1) in the history.
func (e *BrowserExercise) Go(delta int) {
	to := e.at + delta
	if to < 0 || to >= len(e.history) {
		return
	}
	e.at = to
	e.Ans.Visited = append(e.Ans.Visited, e.history[to])
	e.opened()
	e.did(browserjudge.ActBack, "")
}

// CanGo says whether there is a page to go back (-1) or forward (1) to.
func (e *BrowserExercise) CanGo(delta int) bool {
	to := e.at + delta
	return to >= 0 && to < len(e.history)
}

// opened starts a page at its top with nothing focused.
func (e *BrowserExercise) opened() {
	e.Focus, e.Mark, e.scroll, e.Shown, e.note = -1, -1, 0, "", ""
}

// mouse: a click on a link that is not focused focuses it and shows where
// it goes (as hovering does); a click on the focused one follows it.
func (e *BrowserExercise) mouse(m tea.MouseMsg) {
	switch m.Button {
	case tea.MouseButtonWheelUp:
		e.scroll = max(e.scroll-1, 0)
		return
	case tea.MouseButtonWheelDown:
		e.scroll = max(min(e.scroll+1, len(e.lay.rows)-e.bodyH), 0)
		return
	}
	if !ui.IsClick(m) || e.done {
		return
	}
	in := func(id string) bool { return e.c.Zones.Get(id).InBounds(m) }
	switch {
	case in("browser-back"):
		e.Go(-1)
		return
	case in("browser-forward"):
		e.Go(1)
		return
	case in("browser-save"):
		e.Save()
		return
	}
	for i := range e.Bar() {
		if in(markZone(i)) {
			e.clickMark(i)
			return
		}
	}
	for i, blk := range e.visible {
		if blk < 0 || !in(rowZone(i)) {
			continue
		}
		if blk == e.Focus {
			e.Press()
			return
		}
		e.Focus = blk
		e.Inspect()
		return
	}
}
