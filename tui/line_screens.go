package tui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/store"
	"aula/tui/access"
	"aula/tui/screens"
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
		id, text := "hand", m.handWaiting()
		if h.seen {
			id, text = "hand-seen", cat.T("hand_seen")
		}
		f.News = append(f.News, access.Note{ID: id, Text: text})
	}
	if m.share.id != "" {
		f.News = append(f.News, access.Note{ID: "share:" + m.share.id, Text: cat.T("line_share_on", "Name", m.trainerName(m.share.trainer))})
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
	case *problemsOverlay:
		return o.frame() // reload.go
	case *shareAsk:
		return access.Frame{Key: "share:" + o.id, Lines: []string{o.Title, cat.T("line_share_ask_text", "Name", m.trainerName(o.trainer))}, Prompt: cat.T("line_share_ask")}
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

// dialogLine takes a typed line in a dialog: a button's number, or back.
func (m *Model) dialogLine(d *ui.Dialog, text string) access.Result {
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

// gateLine takes a typed line at the trainer PIN gate: the PIN, or back.
func (m *Model) gateLine(g *pinGate, text string) access.Result {
	cat := m.c.Cat
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

// LineInput handles one typed line: first the words that work everywhere,
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
	if m.share.id != "" && access.IsWord(m.c, text, "line_cmd_share_stop") {
		m.stopSharing()
		return access.Say(cat.T("share_stopped"))
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
		return m.dialogLine(d, text)
	}
	if g, ok := m.overlay.(*pinGate); ok {
		return m.gateLine(g, text)
	}
	if a, ok := m.overlay.(*shareAsk); ok {
		return m.shareLine(a, text) // share.go
	}
	if m.overlay != nil {
		return access.Say(cat.T("line_unsupported"))
	}
	if !raw && access.IsWord(m.c, text, "line_cmd_back") && !m.scrTakesBackWord() {
		if e, ok := m.scr.(ui.TakesEsc); !ok || !e.WantsEsc() {
			if m.escGoesHome() {
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
		m.show(screens.NewSettings(c))
		return access.Result{}, true
	case is("line_cmd_hint"):
		if h, ok := m.scr.(access.Hinter); ok {
			return h.LineHint(), true
		}
		return access.Say(cat.T("line_no_hint")), true
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

// scrTakesBackWord says whether the screen takes the word "back" itself.
func (m *Model) scrTakesBackWord() bool {
	b, ok := m.scr.(ui.TakesBackWord)
	return ok && b.WantsBackWord()
}
