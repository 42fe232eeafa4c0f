package form

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	formjudge "aula/lessons/kinds/form"
	"aula/lessons/validate"
	"aula/tui/exercise"
	"aula/tui/kinds/files"
	"aula/tui/ui"
)

// FormExercise is a simulated online form (step kind "form"): a wizard of
// pages with a page indicator, labelled fields with help and required
// marks, a repeating group, document upload, a review page with "change"
// links, submit and a receipt. Pages are checked as the real ones are, but
// in kinder words; Next is blocked until the page is valid. What the
// learner types lives only here, in memory: only rule ids leave it.
//
// It is a fullExercise, like the mail app: it takes the whole step area
// and Enter; its Submit button hands the answer to the player (TakeCheck),
// so it has no Check key; Esc closes its own panels, and once the learner
// has typed something Esc asks before leaving (the same dialog-in-the-
// exercise the mail app uses before throwing a draft away). The mistakes
// of a page that cannot go on are outcomes the player records
// (TakeOutcomes), not attempts.
//
// The parts live in their own files: form_fields.go (one field: keys and
// drawing), form_check.go (validation glue and outcomes), form_layout.go
// (a page on screen), form_review.go, form_receipt.go, form_session.go
// (time: the session timeout and the SMS code) and form_panels.go (the
// Persona card and the file picker).
type FormExercise struct {
	c    *ui.Common
	Step *lessons.Step
	form *formjudge.Form
	keys formKeys

	Fields map[string]*fieldState // by key: field id, or group#serial.sub for a group's item
	Groups map[string]*groupState // by group id

	Page     int // the page shown; len(Pages) is the review page
	stage    formStage
	Focus    int            // index into targets()
	popup    popup          // a panel over the page
	popupKey string         // the field the popup belongs to
	pickAt   int            // the highlighted line of the popup
	picker   *files.Manager // the file picker, while it is open
	summary  bool           // the error summary is on (after a blocked Next)
	showTop  bool           // right after a blocked Next: the summary on screen if the focus fits too
	Back     bool           // came from the review page: Next returns to it
	scroll   ui.Scroll      // the page body's window
	free     bool           // the view was moved by the page keys or the wheel: it does not follow the focus until the next key
	pageLen  int            // lines of the page body on screen, for the page keys
	pageDone []bool         // pages left with a valid Next: they survive a timeout

	touched   bool       // the learner changed something: leaving asks first
	dlg       *ui.Dialog // asks before leaving the lesson with answers typed
	pending   bool       // Submit was pressed: the player takes the answer to check
	found     []string   // mistake ids for the player to record
	lastInput time.Time  // for the session timeout
	TickDue   time.Time  // when the pending timer fires (zero: none)
	lostPage  string     // the page whose answers a timeout wiped
	Codes     map[string]formjudge.SentCode
	codeSeq   uint64
	recorded  map[string]string // path -> the rule last recorded, so a repeat is not a new outcome

	done    bool
	receipt *receipt
}

// formStage is what the form shows.
type formStage int

const (
	stFill    formStage = iota // pages and the review
	stExpired                  // the session ended: "sign in again"
	stReceipt                  // submitted: the receipt
)

// popup is a panel over the page.
type popup int

const (
	popNone    popup = iota
	popSelect        // a drop-down's list
	popPicker        // the file picker
	popPersona       // the persona card, on a narrow screen
)

// groupState holds the items of a repeating group. Each item has a serial
// number that never changes, so removing one keeps the others' answers.
type groupState struct {
	f       *formjudge.Field
	Serials []int
	next    int
}

// NewFormExercise makes the form of a form step, on its first page.
func NewFormExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	fm := s.Exercise.(*formjudge.Form)
	e := &FormExercise{c: c, Step: s, form: fm, keys: newFormKeys(c),
		Fields: map[string]*fieldState{}, Groups: map[string]*groupState{},
		pageDone: make([]bool, len(fm.Pages)), Codes: map[string]formjudge.SentCode{},
		recorded: map[string]string{}, lastInput: c.Now()}
	for _, pg := range fm.Pages {
		for _, f := range pg.Fields {
			if f.Kind != "group" {
				e.Fields[f.ID] = e.newField(f, f.ID, f.Value)
				continue
			}
			g := &groupState{f: f}
			e.Groups[f.ID] = g
			for _, it := range f.Items {
				e.addItem(g, it)
			}
		}
	}
	e.arrive(0)
	return e
}

// addItem adds an item to a group, filled with values (or empty).
func (e *FormExercise) addItem(g *groupState, values map[string]string) {
	serial := g.next
	g.next++
	g.Serials = append(g.Serials, serial)
	for _, sub := range g.f.Fields {
		k := ItemKey(g.f.ID, serial, sub.ID)
		e.Fields[k] = e.newField(sub, k, values[sub.ID])
	}
}

// removeItem takes item serial out of a group, with its answers.
func (e *FormExercise) removeItem(g *groupState, serial int) {
	for i, s := range g.Serials {
		if s == serial {
			g.Serials = append(g.Serials[:i:i], g.Serials[i+1:]...)
			break
		}
	}
	for _, sub := range g.f.Fields {
		delete(e.Fields, ItemKey(g.f.ID, serial, sub.ID))
	}
}

// ItemKey is the key of sub-field sub of item serial of a group.
func ItemKey(group string, serial int, sub string) string {
	return group + "#" + strconv.Itoa(serial) + "." + sub
}

// onPage returns the index of the page a top-level field is on.
func (e *FormExercise) onPage(id string) int {
	for i, pg := range e.form.Pages {
		for _, f := range pg.Fields {
			if f.ID == id {
				return i
			}
		}
	}
	return -1
}

// reviewPage is the index of the review page.
func (e *FormExercise) reviewPage() int { return len(e.form.Pages) }

// EnterPage shows page i with the focus on its first target.
func (e *FormExercise) EnterPage(i int) {
	e.Page, e.Focus, e.scroll, e.summary, e.popup, e.free = i, 0, ui.Scroll{}, false, popNone, false
	e.focusField()
}

// arrive shows page i coming from the page before it (or signing in
// again): as on a real site, a code field's SMS is sent then, unless a
// code still valid was sent already. Going back, or to a page to fix it,
// sends nothing: an expired code waits for "Ask for another code".
func (e *FormExercise) arrive(i int) {
	e.EnterPage(i)
	if i >= len(e.form.Pages) {
		return
	}
	for _, f := range e.form.Pages[i].Fields {
		if f.Kind == "code" {
			if sent, ok := e.Codes[f.ID]; !ok || !e.c.Now().Before(sent.Expires) {
				e.sendCode(f)
			}
		}
	}
}

// Update handles keys, clicks and the form's timer.
func (e *FormExercise) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case FormTickMsg:
		if msg.Owner != e {
			return nil
		}
		e.TickDue = time.Time{}
		e.checkTimeout(e.c.Now())
		return e.ensureTick()
	case tea.KeyMsg:
		cmd := e.key(msg)
		return tea.Batch(cmd, e.ensureTick())
	case tea.MouseMsg:
		cmd := e.mouse(msg)
		return tea.Batch(cmd, e.ensureTick())
	}
	return nil
}

func (e *FormExercise) key(msg tea.KeyMsg) tea.Cmd {
	now := e.c.Now()
	if e.stage == stReceipt {
		switch {
		case key.Matches(msg, e.keys.Mark):
			e.receipt.saved = true
		case msg.Type == tea.KeyDown, msg.Type == tea.KeyPgDown:
			e.scroll.By(1) // a receipt taller than the screen
		case msg.Type == tea.KeyUp, msg.Type == tea.KeyPgUp:
			e.scroll.By(-1)
		}
		return nil
	}
	if e.done {
		return nil
	}
	if e.checkTimeout(now) {
		return nil // the key that finds the session ended only shows that it ended
	}
	if e.dlg != nil {
		e.lastInput = now
		cmd, closed := e.dlg.Update(msg)
		if closed {
			e.dlg = nil
		}
		return cmd
	}
	if key.Matches(msg, e.c.Keys.Back) {
		e.escape()
		return nil
	}
	if e.stage == stExpired {
		if key.Matches(msg, e.keys.Enter, e.keys.Mark) {
			e.signInAgain()
		}
		return nil
	}
	if e.warning(now) {
		e.lastInput = now // "I am here": the key only keeps the session
		return nil
	}
	e.lastInput = now
	e.showTop = false
	if key.Matches(msg, e.keys.Persona) {
		switch {
		case e.popup == popPersona:
			e.popup = popNone
		case e.form.Persona != nil && !e.isWide():
			e.popup = popPersona
		}
		return nil
	}
	switch e.popup {
	case popPersona:
		if key.Matches(msg, e.c.Keys.Enter) {
			e.popup = popNone
		}
		return nil
	case popSelect, popPicker:
		return e.popupKeys(msg)
	}
	return e.pageKey(msg)
}

// pageKey handles a key on a page or the review.
func (e *FormExercise) pageKey(msg tea.KeyMsg) tea.Cmd {
	ts := e.Targets()
	if len(ts) == 0 {
		return nil
	}
	e.Focus = ui.Clamp(e.Focus, 0, len(ts)-1)
	t := ts[e.Focus]
	k := e.c.Keys
	e.free = false // any other key brings the focus back into view
	if fs := e.Fields[t.Key]; fs != nil && t.Kind == TField && fs.F.Kind == "day" {
		if cmd, used := e.dayKey(fs, msg); used {
			return cmd
		}
	}
	if e.navKey(msg, t) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Enter):
		return e.activate(t, true)
	case key.Matches(msg, e.keys.Mark) && !e.isText(t):
		return e.activate(t, false)
	}
	return e.fieldKey(t, msg)
}

// navKey moves the focus or the view for a key that does that, and says
// whether it did.
func (e *FormExercise) navKey(msg tea.KeyMsg, t Target) bool {
	k := e.c.Keys
	switch {
	case msg.Type == tea.KeyTab || msg.Type == tea.KeyDown:
		e.move(1)
	case msg.Type == tea.KeyShiftTab || msg.Type == tea.KeyUp:
		e.move(-1)
	case key.Matches(msg, k.PageDown):
		e.pageBy(1)
	case key.Matches(msg, k.PageUp):
		e.pageBy(-1)
	case msg.Type == tea.KeyLeft && t.Kind >= TNext:
		e.move(-1)
	case msg.Type == tea.KeyRight && t.Kind >= TNext:
		e.move(1)
	default:
		return false
	}
	return true
}

// fieldKey handles a key meant for the field under the focus: text typed,
// a file taken off, a letter in a drop-down.
func (e *FormExercise) fieldKey(t Target, msg tea.KeyMsg) tea.Cmd {
	fs := e.Fields[t.Key]
	if t.Kind != TField || fs == nil {
		return nil
	}
	if fs.F.IsText() {
		if fs.typeKey(msg) {
			e.changed(fs)
		}
		return nil
	}
	switch fs.F.Kind {
	case "file":
		if msg.Type == tea.KeyBackspace || msg.Type == tea.KeyDelete {
			fs.Value = ""
			e.changed(fs)
		}
	case "select":
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 0 {
			// A letter jumps to the first option that starts with it, as in
			// a web page's drop-down.
			if i := fs.optionStarting(string(msg.Runes), fs.optionIndex()); i >= 0 {
				e.openPopup(popSelect, fs.key, i)
			}
		}
	}
	return nil
}

func (e *FormExercise) isText(t Target) bool {
	fs := e.Fields[t.Key]
	return t.Kind == TField && fs != nil && fs.F.IsText()
}

// Move moves the focus by n targets, staying on the page.
func (e *FormExercise) move(n int) {
	ts := e.Targets()
	e.Focus = ui.Clamp(e.Focus+n, 0, max(len(ts)-1, 0))
	e.focusField()
}

// focusField gives the keyboard to the text field under the focus, if any.
func (e *FormExercise) focusField() {
	ts := e.Targets()
	key := ""
	if e.Focus < len(ts) && ts[e.Focus].Kind == TField {
		key = ts[e.Focus].Key
	}
	for k, fs := range e.Fields {
		if !fs.F.IsText() {
			continue
		}
		if k == key && !e.done {
			fs.Input.Focus()
			fs.Input.CursorEnd()
		} else {
			fs.Input.Blur()
		}
	}
}

// FocusOn puts the focus on the target of field key (or its first option).
func (e *FormExercise) FocusOn(k string) {
	for i, t := range e.Targets() {
		if t.Key == k && (t.Kind == TField || t.Kind == tOption || t.Kind == TAdd) {
			e.Focus = i
			break
		}
	}
	e.focusField()
}

// activate is Enter (next true) or Space on a target.
func (e *FormExercise) activate(t Target, enter bool) tea.Cmd {
	switch t.Kind {
	case TBack:
		e.goBack()
	case TNext:
		return e.next()
	case TSubmit:
		return e.submit()
	case tChange:
		e.Back = true
		e.EnterPage(t.N)
	case TAdd:
		e.addPerson(e.Groups[t.Key])
	case TRemove:
		e.removePerson(e.Groups[t.Key], t.N)
	case tNewCode:
		e.sendCode(e.Fields[t.Key].F)
		if fs := e.Fields[t.Key]; fs != nil {
			fs.Input.SetValue("")
			e.changed(fs)
		}
	case tOption:
		fs := e.Fields[t.Key]
		o := fs.F.Options[t.N]
		if o.Full {
			// A time already taken says so at once, and is not ticked: as
			// on a real site, what was chosen before stays chosen.
			fs.Err = validate.RuleOptionFull
			return nil
		}
		fs.Value = o.ID
		e.changed(fs)
		if enter {
			e.moveAfter(t.Key)
		}
	case TField:
		e.activateField(e.Fields[t.Key], enter)
	}
	return nil
}

// addPerson adds an empty item to group g, with the focus on its first box.
func (e *FormExercise) addPerson(g *groupState) {
	if len(g.Serials) < g.f.MaxItem {
		e.addItem(g, nil)
		e.touched = true
		e.FocusOn(ItemKey(g.f.ID, g.Serials[len(g.Serials)-1], g.f.Fields[0].ID))
	}
}

// removePerson takes item serial out of group g. The focus goes to what
// takes the removed person's place: the next person, or the Add button.
func (e *FormExercise) removePerson(g *groupState, serial int) {
	first := e.Focus
	ts, prefix := e.Targets(), ItemKey(g.f.ID, serial, "")
	for first > 0 && strings.HasPrefix(ts[first-1].Key, prefix) {
		first--
	}
	e.removeItem(g, serial)
	e.touched = true
	e.revalidate()
	e.Focus = first
	e.move(0)
}

// activateField is Enter (enter true) or Space on field fs.
func (e *FormExercise) activateField(fs *fieldState, enter bool) {
	switch fs.F.Kind {
	case "check":
		// Space or a click ticks and unticks; Enter only goes on, so
		// that a consent is never given by pressing Enter to move.
		if enter {
			e.moveToNextBox()
			break
		}
		fs.Value = map[bool]string{true: "", false: "yes"}[fs.Value == "yes"]
		e.changed(fs)
	case "select":
		e.openPopup(popSelect, fs.key, max(fs.optionIndex(), 0))
	case "file":
		e.openPicker(fs)
	case "day":
		e.pickDay(fs)
		if enter && fs.Err == "" {
			e.moveToNextBox()
		}
	default:
		if enter {
			e.moveToNextBox()
		}
	}
}

// moveToNextBox is Enter in a text field: the focus goes to the next field
// or to Next, passing over the small buttons (remove a person, ask for a
// new code), so that pressing Enter again and again never removes anyone.
func (e *FormExercise) moveToNextBox() {
	ts := e.Targets()
	for i := e.Focus + 1; i < len(ts); i++ {
		if k := ts[i].Kind; k == TField || k == tOption || k >= TNext {
			e.Focus = i
			break
		}
	}
	e.focusField()
}

// moveAfter puts the focus on the first target after field key's targets.
func (e *FormExercise) moveAfter(k string) {
	ts := e.Targets()
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].Key == k && (ts[i].Kind == tOption || ts[i].Kind == TField) {
			e.Focus = i
			break
		}
	}
	e.moveToNextBox()
}

// changed notes that the learner changed field fs: a shown error is
// checked again at once, so it goes away as soon as it is fixed.
func (e *FormExercise) changed(fs *fieldState) {
	e.touched = true
	if fs.Err != "" {
		e.revalidate()
	}
}

// goBack shows the page before, keeping every answer.
func (e *FormExercise) goBack() {
	if e.Page == e.reviewPage() {
		e.EnterPage(len(e.form.Pages) - 1)
		return
	}
	if e.Page > 0 {
		e.Back = false
		e.EnterPage(e.Page - 1)
	}
}

// signInAgain leaves the "session ended" screen for the page the learner
// was on.
func (e *FormExercise) signInAgain() {
	e.stage = stFill
	e.lastInput = e.c.Now()
	e.arrive(e.Page)
}

// pageBy moves the view (not the focus) by n screens, as the page keys do
// on a web page; the next other key brings the focus back into view.
func (e *FormExercise) pageBy(n int) {
	e.free = true
	e.scroll.By(n * max(e.pageLen-1, 1))
}
