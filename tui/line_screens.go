package tui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/store"
	"aula/tui/access"
	"aula/tui/player"
	"aula/tui/ui"
)

// This file says the kiosk's screens as plain lines (accessible mode, see
// line.go) and turns typed lines into what keys do on the full screen.

// lineFrame is the screen on top now, as lines, with what the frame adds:
// a notice, a save that failed, the raised hand.
func (m *Model) lineFrame() access.Frame {
	cat := m.c.Cat
	var f access.Frame
	switch {
	case m.class.paused != nil:
		text := m.class.paused.Text
		if strings.TrimSpace(text) == "" {
			text = cat.T("paused_default")
		}
		f = access.Frame{Key: "paused:" + text, Lines: []string{cat.T("paused_title"), text, cat.T("paused_wait")}}
	case m.overlay != nil:
		f = m.overlayFrame()
	default:
		if s, ok := m.scr.(access.Screen); ok {
			f = s.LineView()
		} else {
			f = access.Frame{Key: "other:" + m.scr.Title(), Lines: []string{m.scr.Title(), cat.T("line_unsupported")}}
		}
	}
	if m.notice != "" {
		f.News = append([]access.Note{{ID: "notice", Text: m.notice, First: true}}, f.News...)
	}
	if m.saveErr {
		f.News = append(f.News, access.Note{ID: "save", Text: cat.T("save_failed"), Sticky: true})
	} else if m.status != "" && m.status != cat.T("saved") {
		// What the status line says besides "saved": signed out while away,
		// a lesson that is not there…
		f.News = append(f.News, access.Note{ID: "status:" + m.status, Text: m.status, First: true})
	}
	if h := m.class.hand; h.up {
		id, text := "hand", cat.T("hand_waiting_now")
		if h.seen {
			id, text = "hand-seen", cat.T("hand_seen")
		}
		f.News = append(f.News, access.Note{ID: id, Text: text})
	}
	if m.cfg.Class != nil && m.class.state == classroom.Refused {
		f.News = append(f.News, access.Note{ID: "refused", Text: cat.T("class_refused")})
	}
	return f
}

// overlayFrame is a dialog (or the idle warning) as lines.
func (m *Model) overlayFrame() access.Frame {
	cat := m.c.Cat
	switch o := m.overlay.(type) {
	case *ui.Dialog:
		var labels []string
		for _, b := range o.Buttons {
			labels = append(labels, b.Label)
		}
		lines := append([]string{o.Title, o.Text}, access.Numbered(labels)...)
		return access.Frame{Key: "dialog:" + o.Title + "\n" + o.Text, Lines: lines, Prompt: cat.T("line_type_number")}
	case *glossaryOverlay:
		return access.Frame{Key: "glossary", Lines: glossaryLines(m.c, o.terms)}
	case *ui.HelpOverlay:
		lines := []string{cat.T("help_title"), o.Text}
		for _, k := range o.Bindings {
			if h := k.Help(); h.Key != "" {
				lines = append(lines, h.Key+": "+h.Desc)
			}
		}
		return access.Frame{Key: "help", Lines: lines}
	case *pinGate:
		lines := []string{cat.T("gate_title"), cat.T("gate_text")}
		if o.note != "" {
			lines = append(lines, o.note)
		}
		lines = append(lines, cat.T("line_gate_learner"))
		return access.Frame{Key: "gate:" + o.note, Lines: lines, Prompt: cat.T("gate_field"), Secret: true}
	case *idleWarning:
		left := max(int(o.deadline.Sub(m.c.Now()).Round(time.Second)/time.Second), 0)
		return access.Frame{Key: "idle", Lines: []string{cat.T("idle_title"), cat.T("line_idle", "Count", left), cat.T("idle_saved")}}
	}
	return access.Frame{Key: "overlay", Lines: []string{cat.T("line_unsupported")}}
}

// lineTurn handles one typed line as Update handles a key: then the class
// hears where the learner is, and the speech follows the screen.
func (m *Model) lineTurn(text string) access.Result {
	res := m.LineInput(text)
	m.presenceChanged()
	if after := m.afterUpdate(); after != nil {
		res.Cmd = tea.Batch(res.Cmd, after)
	}
	return res
}

// lineInput handles one typed line: first the words that work everywhere,
// then the dialog or the screen.
func (m *Model) LineInput(text string) access.Result {
	cat := m.c.Cat
	if m.class.paused != nil {
		return access.Say(cat.T("paused_wait"))
	}
	m.lastInput = m.c.Now()
	if _, warning := m.overlay.(*idleWarning); warning {
		m.overlay = nil // any line means "I am here"
		return access.Say(cat.T("line_still_here"))
	}
	raw := false
	if r, ok := m.scr.(access.Raw); ok && m.overlay == nil {
		raw = r.LineRaw()
	}
	if !raw {
		if res, ok := m.lineCommand(text); ok {
			return res
		}
	}
	if d, ok := m.overlay.(*ui.Dialog); ok {
		if access.IsWord(m.c, text, "line_cmd_back") {
			m.overlay = nil
			return access.Result{}
		}
		i, ok := access.Number(text, len(d.Buttons))
		if !ok {
			return access.Say(access.NotNumber(m.c, text, len(d.Buttons)))
		}
		cmd, closed := d.Press(i - 1)
		if closed {
			m.overlay = nil
		}
		return access.Result{Cmd: cmd}
	}
	if g, ok := m.overlay.(*pinGate); ok {
		if access.IsWord(m.c, text, "line_cmd_back") {
			g.Close()
			m.overlay = nil
			return access.Result{}
		}
		if g.checking {
			return access.Say(cat.T("gate_checking"))
		}
		// The typed line is the PIN: into the gate's own field, then
		// checked as Enter would (the field is wiped at once).
		pin := []rune(strings.TrimSpace(text))
		if len(pin) > store.MaxTrainerPIN {
			return access.Say(cat.T("gate_pin_format", "Min", store.MinTrainerPIN, "Max", store.MaxTrainerPIN))
		}
		g.field.Wipe()
		g.field.Insert(pin)
		return access.Result{Cmd: g.submit()}
	}
	if m.overlay != nil {
		return access.Say(cat.T("line_unsupported"))
	}
	if !raw && access.IsWord(m.c, text, "line_cmd_back") {
		if e, ok := m.scr.(interface{ WantsEsc() bool }); !ok || !e.WantsEsc() {
			switch m.scr.(type) {
			case *player.Player, *lessonList, *joinScreen, *settings:
				return access.Result{Cmd: m.goHome()}
			}
			return access.Result{Cmd: m.scr.Update(tea.KeyMsg{Type: tea.KeyEsc})}
		}
	}
	if s, ok := m.scr.(access.Screen); ok {
		return s.LineInput(text)
	}
	return access.Say(cat.T("line_unsupported"))
}

// lineCommand handles the words that work on every screen.
func (m *Model) lineCommand(text string) (access.Result, bool) {
	c, cat := m.c, m.c.Cat
	is := func(id string) bool { return access.IsWord(c, text, id) }
	p, inLesson := m.scr.(*player.Player)
	switch {
	case is("line_cmd_help"):
		return access.Say(m.lineHelp()...), true
	case is("line_cmd_repeat"):
		return access.Result{Repeat: true}, true
	case is("line_cmd_quit"):
		m.overlay = m.quitDialog()
		return access.Result{}, true
	case is("line_cmd_read"):
		return access.Result{Cmd: m.readAloud()}, true
	case is("line_cmd_glossary"):
		return access.Say(glossaryLines(c, m.glossaryTerms())...), true
	case m.overlay != nil:
		return access.Result{}, false
	case m.cfg.Class != nil && is("line_cmd_call"):
		cmd := m.toggleHand()
		if m.class.hand.up {
			return access.Result{Cmd: cmd}, true // the frame says the hand is up
		}
		return access.Result{Say: []string{cat.T("line_hand_down")}, Cmd: cmd}, true
	case c.Learner == nil:
		return access.Result{}, false
	case is("line_cmd_home"):
		return access.Result{Cmd: m.goHome(), Repeat: true}, true
	case is("line_cmd_settings"):
		m.show(newSettings(c))
		return access.Result{}, true
	case is("line_cmd_hint"):
		if !inLesson || p.Finished || p.Step().Hint == "" {
			return access.Say(cat.T("line_no_hint")), true
		}
		if p.Hint {
			return access.Say(cat.T("hint_label") + " " + p.Step().Hint), true
		}
		return access.Result{Cmd: p.ShowHint()}, true
	}
	return access.Result{}, false
}

// lineHelp says what can be typed here.
func (m *Model) lineHelp() []string {
	c, cat := m.c, m.c.Cat
	out := []string{cat.T("line_help_intro")}
	if w, ok := m.scr.(access.Words); ok && m.overlay == nil {
		if words := w.LineCommands(); len(words) > 0 {
			out = append(out, cat.T("line_help_here"))
			out = append(out, words...)
		}
	}
	everywhere := []string{access.Word(c, "line_cmd_repeat"), access.Word(c, "line_cmd_help")}
	if c.Learner != nil {
		everywhere = append(everywhere, access.Word(c, "line_cmd_hint"), access.Word(c, "line_cmd_read"), access.Word(c, "line_cmd_glossary"),
			access.Word(c, "line_cmd_back"), access.Word(c, "line_cmd_home"), access.Word(c, "line_cmd_settings"))
	}
	if m.cfg.Class != nil {
		everywhere = append(everywhere, access.Word(c, "line_cmd_call"))
	}
	everywhere = append(everywhere, access.Word(c, "line_cmd_quit"))
	out = append(out, cat.T("line_help_words", "Words", strings.Join(everywhere, ", ")))
	return out
}

// Sign-in.

func (s *signIn) LineView() access.Frame {
	cat := s.c.Cat
	f := access.Frame{Key: fmt.Sprintf("signin:%d:%d", s.mode, len(s.learners))}
	switch s.mode {
	case loading:
		f.Lines = []string{cat.T("loading")}
	case pickName:
		var rows []string
		for _, l := range s.learners {
			name := l.Name
			if l.HasPIN() {
				name += " (" + cat.T("has_pin") + ")"
			}
			rows = append(rows, name)
		}
		rows = append(rows, cat.T("add_me"))
		f.Lines = append([]string{cat.T("who_are_you")}, access.Numbered(rows)...)
		f.Prompt = cat.T("line_pick_name")
	case addName:
		if len(s.learners) == 0 {
			f.Lines = []string{cat.T("welcome"), cat.T("welcome_text")}
		}
		f.Lines = append(f.Lines, cat.T("your_name"), cat.T("your_name_text"))
	case askPIN:
		f.Lines = append([]string{cat.T("want_pin", "Name", s.name), cat.T("want_pin_text")},
			access.Numbered([]string{cat.T("pin_no"), cat.T("pin_yes")})...)
		f.Prompt = cat.T("line_type_number")
	case newPIN:
		f.Lines, f.Secret = []string{cat.T("new_pin"), cat.T("new_pin_text")}, true
	case repeatPIN:
		f.Lines, f.Secret = []string{cat.T("repeat_pin"), cat.T("repeat_pin_text")}, true
	case enterPIN:
		f.Lines, f.Secret = []string{cat.T("enter_pin", "Name", s.learners[s.cursor].Name), cat.T("enter_pin_text")}, true
	case pinLocked:
		f.Lines = []string{cat.T("pin_locked_title"), cat.T("pin_locked_text")}
		f.Prompt = cat.T("line_press_enter")
	}
	if s.busy {
		f.News = append(f.News, access.Note{ID: "busy", Text: cat.T("checking")})
	}
	if s.msg != "" {
		f.News = append(f.News, access.Note{ID: "msg:" + s.msg, Text: s.msg, Sticky: true})
	}
	return f
}

func (s *signIn) LineInput(text string) access.Result {
	c, cat := s.c, s.c.Cat
	if s.busy {
		return access.Say(cat.T("checking"))
	}
	switch s.mode {
	case pickName:
		if i, ok := access.Number(text, s.rows()); ok {
			s.cursor = i - 1
			return access.Result{Cmd: s.pick()}
		}
		for i, l := range s.learners {
			if access.Fold(l.Name) == access.Fold(text) {
				s.cursor = i
				return access.Result{Cmd: s.pick()}
			}
		}
		return access.Say(access.NotNumber(c, text, s.rows()))
	case askPIN:
		switch {
		case access.IsWord(c, text, "line_cmd_no"):
			s.choice = 0
		case access.IsWord(c, text, "line_cmd_yes"):
			s.choice = 1
		default:
			i, ok := access.Number(text, 2)
			if !ok {
				return access.Say(access.NotNumber(c, text, 2))
			}
			s.choice = i - 1
		}
		return access.Result{Cmd: s.answerPINQuestion()}
	case pinLocked:
		s.mode, s.msg = pickName, ""
		return access.Result{}
	case addName, newPIN, repeatPIN, enterPIN:
		v := strings.TrimSpace(text)
		if s.mode != addName && strings.ContainsFunc(v, func(r rune) bool { return r < '0' || r > '9' }) {
			s.msg = cat.T("pin_digits_only")
			return access.Result{}
		}
		if s.mode == addName {
			v = access.ClipRunes(v, store.MaxNameLen+1) // too long is said by the usual check
		} else {
			v = access.ClipRunes(v, 5)
		}
		s.input.SetValue(v)
		s.msg = ""
		return access.Result{Cmd: s.submit()}
	}
	return access.Result{}
}

// Home.

// lineLabel is a row of the home screen in words.
func (h *home) lineLabel(r homeRow) string {
	c, cat := h.c, h.c.Cat
	switch {
	case r.lesson != "":
		l, _ := c.Lessons.Lesson(r.lesson)
		if _, started := continueLesson(c.Lessons, h.progress); started {
			p := h.progress[l.ID]
			return cat.T("continue") + ": " + cat.T("line_lesson_at_step", "Title", l.Title, "N", p.Step+1, "Total", len(l.Steps))
		}
		return cat.T("start_here") + ": " + l.Title
	case r.itinerary != "":
		for _, it := range c.Lessons.Itineraries {
			if it.ID == r.itinerary {
				done := 0
				for _, id := range it.LessonIDs {
					if h.progress[id].Status == store.Done {
						done++
					}
				}
				return cat.T("line_itinerary", "Title", it.Title, "Words", cat.T("lessons_done", "Done", done, "Count", len(it.LessonIDs)))
			}
		}
	case r.join:
		return cat.T("home_join")
	case r.settings:
		return cat.T("home_settings")
	}
	return cat.T("all_lessons", "Count", len(c.Lessons.Lessons))
}

func (h *home) LineView() access.Frame {
	cat := h.c.Cat
	if !h.loaded {
		return access.Frame{Key: "home:loading", Lines: []string{cat.T("loading")}}
	}
	var rows []string
	for _, r := range h.rows {
		rows = append(rows, h.lineLabel(r))
	}
	lines := append([]string{cat.T("home_title") + ". " + cat.T("hello", "Name", h.c.Learner.Name)}, access.Numbered(rows)...)
	return access.Frame{Key: "home", Lines: lines, Prompt: cat.T("line_type_number")}
}

func (h *home) LineInput(text string) access.Result {
	if !h.loaded {
		return access.Say(h.c.Cat.T("loading"))
	}
	i, ok := access.Number(text, len(h.rows))
	if !ok {
		return access.Say(access.NotNumber(h.c, text, len(h.rows)))
	}
	h.cursor = i - 1
	return access.Result{Cmd: h.open(h.rows[i-1])}
}

// Lesson lists.

func (ll *lessonList) LineView() access.Frame {
	cat := ll.c.Cat
	lines := []string{ll.Title()}
	if ll.itinerary != nil && ll.itinerary.Description != "" {
		lines = append(lines, ll.itinerary.Description)
	}
	var rows []string
	for _, l := range ll.lessons {
		state := ll.state(l)
		if ll.progress[l.ID].Status == store.Done {
			state = cat.T("state_done") // the word, without the tick
		}
		rows = append(rows, l.Title+": "+access.Sentence(state))
	}
	id := "all"
	if ll.itinerary != nil {
		id = ll.itinerary.ID
	}
	return access.Frame{Key: "list:" + id, Lines: append(lines, access.Numbered(rows)...), Prompt: cat.T("line_type_number")}
}

func (ll *lessonList) LineInput(text string) access.Result {
	i, ok := access.Number(text, len(ll.lessons))
	if !ok {
		return access.Say(access.NotNumber(ll.c, text, len(ll.lessons)))
	}
	ll.cursor = i - 1
	return access.Result{Cmd: ui.Send(ui.OpenLessonMsg{ID: ll.lessons[i-1].ID})}
}

// Settings.

func (s *settings) LineView() access.Frame {
	cat := s.c.Cat
	var rows []string
	for _, r := range s.settingRows() {
		rows = append(rows, r[0]+": "+r[1]+". "+r[2])
	}
	rows = append(rows, cat.T("btn_home"))
	lines := append([]string{cat.T("settings_title"), cat.T("line_settings_text")}, access.Numbered(rows)...)
	return access.Frame{Key: "settings", Lines: lines, Prompt: cat.T("line_type_number")}
}

func (s *settings) LineInput(text string) access.Result {
	i, ok := access.Number(text, setRows)
	if !ok {
		return access.Say(access.NotNumber(s.c, text, setRows))
	}
	s.cursor = i - 1
	cmd := s.change(i-1, 1)
	if i-1 == setAccessible || i-1 == setBack {
		return access.Result{Cmd: cmd}
	}
	r := s.settingRows()[i-1]
	return access.Result{Say: []string{r[0] + ": " + r[1] + "."}, Cmd: cmd}
}

// Joining the class: a class found on the network by its number, or the
// address typed; then the code.

func (j *joinScreen) LineView() access.Frame {
	cat := j.c.Cat
	lines := []string{cat.T("join_heading"), cat.T("join_privacy")}
	switch {
	case j.looking:
		lines = append(lines, cat.T("join_looking"))
	case len(j.found) > 0:
		var hubs []string
		for _, h := range j.found {
			hubs = append(hubs, h.Name+" ("+strings.TrimPrefix(h.URL, "http://")+")")
		}
		lines = append(append(lines, cat.T("join_found")), access.Numbered(hubs)...)
	}
	f := access.Frame{Key: fmt.Sprintf("join:%v:%d", j.looking, len(j.found)), Lines: lines}
	switch {
	case j.busy:
		f.News = append(f.News, access.Note{ID: "busy", Text: cat.T("join_busy")})
	case j.field() == 1:
		f.Prompt = cat.T("line_join_code", "Address", j.addr.Value())
	case len(j.found) > 0:
		f.Prompt = cat.T("line_join_pick")
	default:
		f.Prompt = cat.T("line_join_address")
	}
	if j.msg != "" {
		f.News = append(f.News, access.Note{ID: "msg:" + j.msg, Text: j.msg, Sticky: true})
	}
	return f
}

func (j *joinScreen) LineInput(text string) access.Result {
	if j.busy || j.looking {
		return access.Say(j.c.Cat.T("loading"))
	}
	text = access.ClipRunes(strings.TrimSpace(text), 200)
	j.msg = ""
	if j.field() == 1 {
		if text == "" {
			j.focus(0) // back to the address
			return access.Result{}
		}
		j.code.SetValue(access.ClipRunes(text, 4))
		return access.Result{Cmd: j.submit()}
	}
	if i, ok := access.Number(text, len(j.found)); ok {
		j.cursor = i - 1
		return access.Result{Cmd: j.enter()}
	}
	if text == "" {
		return access.Say(j.LineView().Prompt)
	}
	j.addr.SetValue(text)
	j.focus(1)
	return access.Result{}
}
