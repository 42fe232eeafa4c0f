// Package tui is the learner kiosk: a root model that routes between screens
// (sign-in, home, lesson lists, the lesson player) and one component per
// exercise kind. Update and View do no I/O: disk work runs in commands.
package tui

import (
	"fmt"
	"io"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/lessons"
	"aula/store"
	"aula/tui/player"
	"aula/tui/screens"
	"aula/tui/ui"
)

// Config is what the kiosk needs to start.
type Config struct {
	Store       *store.Store
	Library     *lessons.Library
	Lang        string
	StartLesson string        // open this lesson right after sign-in
	Notice      string        // said on the first screen (a restored data file…)
	IdleAfter   time.Duration // no input for this long on a shared laptop: warn; 0 means 10 minutes
	IdleGrace   time.Duration // then sign out after this; 0 means 60 seconds
	Now         func() time.Time
	// Tick schedules a timer message; nil means tea.Tick. Tests replace it.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// Class is the link to a class hub (nil: no classroom features).
	Class Class
	// Discover finds hubs on the network for the join screen (nil: none).
	Discover screens.Discover
	// HubURL is a hub to join after sign-in (aula --hub URL), unless this
	// laptop is already in that class.
	HubURL string
	// Joined is the class this laptop is in (from the data file), if any.
	Joined string
	// Kiosk: closing Aula needs the trainer PIN (aula --kiosk), if one is
	// set (TrainerPIN); without one the quit dialog says how to set it.
	Kiosk      bool
	TrainerPIN bool
	// SignedIn starts the kiosk with this learner already in (after
	// switching between the full screen and accessible mode).
	SignedIn *store.Learner
	// Lines is set when the kiosk runs as plain lines of text for a screen
	// reader (RunLines), not as a full screen.
	Lines bool
	// Speaker reads the screen aloud (F6); nil when the computer has no
	// speech.
	Speaker Speaker
	// Recovery: the data file was damaged at open; a notice over the first
	// screen says so (recovered.go).
	Recovery *store.Recovery
	// Debug, when not nil, logs every message the root receives (see
	// debugLine): aula --debug FILE.
	Debug io.Writer
	// Preview: a trainer trying their lessons (aula lessons preview); the
	// status line says that nothing is kept.
	Preview bool
	// Papers saves a learner's data as files for the learners' data
	// screen (main's dashPapers); nil: that screen cannot export.
	Papers screens.RightsPapers
}

// Model is the root model.
type Model struct {
	c       *ui.Common
	cfg     Config
	scr     ui.Screen
	overlay ui.Overlay
	width   int
	height  int

	status    string // the save state
	notice    string // said above the sign-in screen until someone signs in
	saveErr   bool
	shared    bool // more than one learner, or a PIN: sign out when idle
	lastInput time.Time
	idleTick  bool // an idle check is scheduled
	startOpen string
	class     classState
	gate      gate       // wrong trainer PINs (kiosk mode)
	switchTo  modeSwitch // the mode to go on in once this one ends
	speech    speechState
	names     namesState  // the question about the learner's name and the region (names.go)
	reload    reloadState // the library read again: a trainer's preview, a class's lessons (reload.go)
	share     shareState  // help at a distance (share.go)
}

// modeSwitch is a request to go on in the other mode: the full screen or
// plain lines for a screen reader.
type modeSwitch int

const (
	stayInMode modeSwitch = iota
	toLines
	toFullScreen
)

// New builds the kiosk.
func New(cfg Config) *Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.IdleAfter == 0 {
		cfg.IdleAfter = 10 * time.Minute
	}
	if cfg.Tick == nil {
		cfg.Tick = tea.Tick
	}
	if cfg.IdleGrace == 0 {
		cfg.IdleGrace = 60 * time.Second
	}
	c := ui.NewCommon(cfg.Lang, cfg.Library, cfg.Now)
	c.Store, c.Rec, c.InClass = cfg.Store, ui.NewRecorder(cfg.Store), cfg.Class != nil
	c.Tick = cfg.Tick
	c.Kiosk = true
	m := &Model{c: c, cfg: cfg, notice: cfg.Notice, startOpen: cfg.StartLesson, lastInput: cfg.Now()}
	if cfg.Joined != "" {
		m.class.url, m.class.state = cfg.Joined, classroom.Offline
	}
	m.scr = screens.NewSignIn(c, true)
	m.overlay = recoveryDialog(c, cfg.Recovery, cfg.Joined != "")
	return m
}

// Recorder returns the event writer, so main can flush it after the program ends.
func (m *Model) Recorder() *ui.Recorder { return m.c.Rec }

// Init loads the learners, or signs in the learner given in the
// configuration.
func (m *Model) Init() tea.Cmd {
	if l := m.cfg.SignedIn; l != nil {
		st, id := m.c.Store, l.ID
		return func() tea.Msg {
			fresh, err := st.Learner(id)
			if err != nil {
				return ui.LearnersMsg{Err: err}
			}
			all, _ := st.Learners()
			return ui.SignedInMsg{Learner: fresh, Shared: len(all) > 1 || fresh.HasPIN()}
		}
	}
	return ui.LoadLearners(m.c.Store)
}

// Switch says whether the learner asked to go on in the other mode when
// this one ended: accessible (plain lines) or not, and who is signed in.
func (m *Model) Switch() (accessible bool, learner *store.Learner, ok bool) {
	if m.switchTo == stayInMode || m.c.Learner == nil {
		return false, nil, false
	}
	l := *m.c.Learner
	return m.switchTo == toLines, &l, true
}

// Update routes messages, then tells the class where the kiosk is now if
// that changed.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.update(msg)
	m.presenceChanged()
	m.askNames()
	if after := m.afterUpdate(); after != nil {
		cmd = tea.Batch(cmd, after)
	}
	if copied := m.shareAfter(msg); copied != nil { // share.go
		cmd = tea.Batch(cmd, copied)
	}
	return m, cmd
}

// Update routes a message: first what the kiosk itself handles (size,
// input, saves, the session), then the screens' requests to move, then the
// Class, and the rest to the overlay or the screen. The root handles no
// screen's own messages.
func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.cfg.Debug != nil {
		fmt.Fprintln(m.cfg.Debug, m.c.Now().Format("15:04:05.000"), debugLine(msg))
	}
	for _, handle := range []func(tea.Msg) (tea.Cmd, bool){m.shareUpdate, m.kioskUpdate, m.navigate, m.classUpdate, m.namesUpdate} {
		if cmd, handled := handle(msg); handled {
			return m, cmd
		}
	}
	return m, m.route(msg)
}

// kioskUpdate handles what belongs to the kiosk as a whole: the terminal's
// size, input while the trainer pauses or the idle warning shows, saves,
// idleness, signing in and out, leaving, and the trainer PIN gate.
func (m *Model) kioskUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return nil, true
	case tea.KeyMsg, tea.MouseMsg:
		return m.input(msg)
	case ui.SavedMsg:
		m.saved(msg)
		return nil, true
	case idleCheckMsg:
		return m.checkIdle(), true
	case ui.SignedInMsg:
		return m.signedIn(msg.Learner, msg.Shared), true
	case ui.SignOutMsg:
		return m.signOut(), true
	case backgroundMsg:
		return msg.cmd, true // the full screen waits for no command anyway
	case speechDoneMsg:
		return m.speechDone(msg), true
	case ui.QuitMsg:
		m.stopSpeech()
		m.stopSharing()
		if c, ok := m.scr.(ui.Closer); ok {
			c.Close() // forget any practice password before leaving
		}
		return ui.Sequence(m.flush(), tea.Quit), true
	case askTrainerPINMsg, trainerPINCheckedMsg, gateTickMsg:
		return m.gateUpdate(msg), true
	case openRightsMsg:
		return m.openRights(), true // kiosk.go
	case ui.LessonsMsg:
		return m.lessonsChanged(msg), true
	}
	return nil, false
}

// input notes that someone is there; while the trainer has the screens it
// swallows the input, and the first input after the idle warning only
// closes it (a click still goes on to the screen).
func (m *Model) input(msg tea.Msg) (tea.Cmd, bool) {
	if m.class.paused != nil {
		return nil, true // the trainer has the screens: input waits
	}
	m.lastInput = m.c.Now()
	if _, warning := m.overlay.(*idleWarning); warning {
		m.overlay = nil // any input means "I am here"
		_, isKey := msg.(tea.KeyMsg)
		return nil, isKey
	}
	return nil, false
}

// saved shows whether what was queued reached the disk, and tells the class
// link there is something to send.
func (m *Model) saved(msg ui.SavedMsg) {
	if len(msg.Events) > 0 && m.cfg.Class != nil {
		m.cfg.Class.Kick()
	}
	m.saveErr = msg.Err != nil
	switch {
	case msg.Err != nil:
		m.status = m.c.Cat.T("save_failed")
	case len(msg.Events) > 0 && m.cfg.Preview:
		m.status = m.c.Cat.T("preview_nothing_kept") // the preview's events go to a file it deletes
	case len(msg.Events) > 0:
		m.status = m.c.Cat.T("saved")
	}
}

// gateUpdate runs the trainer PIN gate before closing a kiosk.
func (m *Model) gateUpdate(msg tea.Msg) tea.Cmd {
	if ask, ok := msg.(askTrainerPINMsg); ok {
		m.overlay = newPinGate(m.c, &m.gate, ask.rights)
		return nil
	}
	g, ok := m.overlay.(*pinGate)
	if !ok {
		return nil
	}
	if _, tick := msg.(gateTickMsg); tick {
		return g.ticked()
	}
	cmd, closed := g.checked(msg.(trainerPINCheckedMsg))
	if closed {
		m.overlay = nil
	}
	return cmd
}

// navigate handles the screens' requests to move (see ui's navigation
// messages) and the settings' requests.
func (m *Model) navigate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case ui.GoHomeMsg:
		return m.goHome(), true
	case ui.OpenSettingsMsg:
		if m.c.Learner != nil {
			m.show(screens.NewSettings(m.c))
		}
		return nil, true
	case screens.PrefsChangedMsg:
		return m.setPrefs(msg.Prefs), true
	case screens.PrefsSavedMsg:
		m.saveErr = msg.Err != nil
		m.status = m.c.Cat.T("saved")
		if msg.Err != nil {
			m.status = m.c.Cat.T("save_failed")
		}
		return nil, true
	case screens.SwitchModeMsg:
		return m.askSwitch(msg.Accessible), true
	case screens.SwitchNowMsg:
		return m.switchMode(msg.Accessible), true
	case ui.OpenJoinMsg:
		return m.openJoin(), true
	case ui.OpenListMsg:
		m.show(screens.NewLessonList(m.c, msg.Itinerary))
		return ui.LoadProgress(m.c.Rec, m.c.Learner.ID), true
	case ui.OpenLessonMsg:
		return m.openLesson(msg.ID), true
	case ui.LessonReadyMsg:
		if msg.Err != nil {
			m.status = m.c.Cat.T("load_failed")
			return nil, true
		}
		p := player.NewPlayer(m.c, msg.Lesson, m.nextLesson(msg.Lesson.ID), msg.Progress)
		m.show(p)
		return p.Init(), true
	}
	return nil, false
}

// openJoin shows the join screen, looking for hubs when it can. The address
// is the one given to Aula, or else the class this laptop joined before (a
// refused join must not make the learner type it again).
func (m *Model) openJoin() tea.Cmd {
	addr := m.cfg.HubURL
	if addr == "" {
		addr = m.class.url
	}
	looking := m.cfg.Discover != nil && addr == ""
	j := screens.NewJoinScreen(m.c, addr)
	j.Looking = looking
	m.scr = j
	if !looking {
		return nil
	}
	return screens.DiscoverHubs(m.cfg.Discover)
}

// openLesson reads where the learner is in lesson id, to open it.
func (m *Model) openLesson(id string) tea.Cmd {
	l, ok := m.c.Lessons.Lesson(id)
	if !ok || m.c.Learner == nil {
		m.status = m.c.Cat.T("no_such_lesson", "ID", id)
		return nil
	}
	return ui.LoadLesson(m.c.Rec, m.c.Learner.ID, l)
}

// route hands the rest on: read aloud works everywhere, an overlay takes
// the input, then the keys that work on every screen, then the screen.
// What commands bring back still goes to the screen under an overlay (the
// home screen's progress, a saved answer).
func (m *Model) route(msg tea.Msg) tea.Cmd {
	k, isKey := msg.(tea.KeyMsg)
	if isKey && key.Matches(k, m.c.Keys.ReadAloud) {
		return m.readAloud()
	}
	_, isMouse := msg.(tea.MouseMsg)
	if m.hidden() && (isKey || isMouse) {
		return m.hiddenKey(k, isKey)
	}
	if m.overlay != nil && (isKey || isMouse) {
		cmd, closed := m.overlay.Update(msg)
		if closed {
			m.overlay = nil
		}
		return cmd
	}
	if isKey {
		if cmd, handled := m.globalKey(k); handled {
			return cmd
		}
	}
	return m.scr.Update(msg)
}

// hiddenKey is a key or click while the window is too small to show the
// screen: what the learner cannot see must not change, so only leaving and
// help are taken (they open once the window is big enough).
func (m *Model) hiddenKey(k tea.KeyMsg, isKey bool) tea.Cmd {
	keys := m.c.Keys
	if !isKey || m.overlay != nil {
		return nil
	}
	if key.Matches(k, keys.ForceQuit, keys.Quit, keys.Help, keys.HelpQ) {
		cmd, _ := m.globalKey(k)
		return cmd
	}
	return nil
}

// resize works out the content area from the terminal's size and the
// margins of the layout.
func (m *Model) resize() {
	m.c.Width = max(m.width-2*m.c.Styles.PadX, 0)
	m.c.Height = max(m.height-ui.HeaderHeight-ui.FooterHeight, 0)
	m.c.Help.Width = m.c.Width
}

// globalKey handles help and leaving, before the screen sees the key.
func (m *Model) globalKey(k tea.KeyMsg) (tea.Cmd, bool) {
	keys := m.c.Keys
	typing := m.scr.Typing()
	switch {
	case key.Matches(k, keys.Help), key.Matches(k, keys.HelpQ) && !typing:
		m.overlay = ui.NewHelpOverlay(m.c, m.scr)
		return nil, true
	case key.Matches(k, keys.Glossary):
		return m.openGlossary(), true
	case key.Matches(k, keys.CallTrainer):
		if _, trainers := m.scr.(ui.ForTrainer); trainers {
			return nil, true // nobody signed in to raise a hand for
		}
		return m.callTrainer(), true
	case key.Matches(k, keys.ForceQuit):
		m.overlay = m.quitDialog()
		return nil, true
	case key.Matches(k, keys.Quit) && !typing:
		if q, ok := m.scr.(ui.AsksToQuitOnQ); ok && q.QAsksToQuit() {
			m.overlay = m.quitDialog()
			return nil, true
		}
	case key.Matches(k, keys.Back):
		if m.escGoesHome() {
			return m.goHome(), true
		}
	}
	return nil, false
}

// escGoesHome says whether Esc leaves the screen for home now: the screen
// says so, and it does not want Esc for itself (to close a form or ask
// first).
func (m *Model) escGoesHome() bool {
	if e, ok := m.scr.(ui.TakesEsc); ok && e.WantsEsc() {
		return false
	}
	h, ok := m.scr.(ui.GoesHomeOnEsc)
	return ok && h.EscGoesHome()
}

// show puts s on screen. The screen it replaces may hold what a learner
// typed as practice: it is told to forget it first.
func (m *Model) show(s ui.Screen) {
	if c, ok := m.scr.(ui.Closer); ok {
		c.Close()
	}
	m.scr = s
}

// quitDialog asks before leaving; a signed-in learner may also just sign out.
// The focus starts on "Stay here".
// In kiosk mode "Close Aula" asks for the trainer PIN first.
func (m *Model) quitDialog() ui.Overlay {
	cat := m.c.Cat
	var close tea.Msg = ui.QuitMsg{}
	text, nobody := cat.T("quit_text"), cat.T("quit_text_nobody")
	switch {
	case m.cfg.Kiosk && m.cfg.TrainerPIN:
		close = askTrainerPINMsg{}
		text += " " + cat.T("kiosk_quit_needs_pin")
		nobody += " " + cat.T("kiosk_quit_needs_pin")
	case m.cfg.Kiosk:
		text += "\n\n" + cat.T("kiosk_no_pin")
		nobody += "\n\n" + cat.T("kiosk_no_pin")
	}
	var rights []ui.DialogButton // the learners' data, behind the trainer PIN
	if m.cfg.TrainerPIN && !m.cfg.Preview {
		rights = []ui.DialogButton{{Label: cat.T("btn_rights"), Msg: askTrainerPINMsg{rights: true}}}
	}
	// "Stay here" comes last, so that ↓ from it goes round to "Close Aula".
	stay := ui.DialogButton{Label: cat.T("btn_stay")}
	if m.c.Learner == nil {
		buttons := append(append([]ui.DialogButton{{Label: cat.T("btn_close_app"), Msg: close}}, rights...), stay)
		return ui.NewDialog(m.c, cat.T("quit_title"), nobody, buttons).StartOn(len(buttons) - 1)
	}
	buttons := append(append([]ui.DialogButton{
		{Label: cat.T("btn_close_app"), Msg: close},
		{Label: cat.T("btn_switch"), Msg: ui.SignOutMsg{}},
	}, rights...), stay)
	return ui.NewDialog(m.c, cat.T("quit_title"), text, buttons).StartOn(len(buttons) - 1) // q then Enter out of habit must not close Aula
}

func (m *Model) signedIn(l store.Learner, shared bool) tea.Cmd {
	m.c.Learner = &l
	m.c.ApplyPrefs(l.Prefs)
	m.resize()
	if l.Prefs.Accessible && !m.cfg.Lines {
		// This learner reads with a screen reader: go on in plain lines.
		m.switchTo = toLines
		return ui.Sequence(m.flush(), tea.Quit)
	}
	m.shared = shared
	m.notice = ""
	m.lastInput = m.c.Now()
	if !m.saveErr {
		m.status = ""
	}
	cmds := []tea.Cmd{m.scheduleIdle(), m.schedulePresence(), m.readNames(l.ID)}
	if url := m.cfg.HubURL; url != "" && !m.joined(url) {
		m.scr = screens.NewHome(m.c)
		cmds = append(cmds, ui.Send(ui.OpenJoinMsg{}))
	} else if id := m.startOpen; id != "" {
		m.startOpen = ""
		m.show(screens.NewHome(m.c))
		cmds = append(cmds, ui.Send(ui.OpenLessonMsg{ID: id}))
	} else {
		cmds = append(cmds, m.goHome())
	}
	return tea.Batch(cmds...)
}

func (m *Model) signOut() tea.Cmd {
	if m.class.hand.up {
		m.toggleHand() // records that the hand went down, before signing out
	}
	m.stopSharing()
	m.c.Learner = nil
	m.names, m.c.NamesYes = namesState{}, false
	m.c.ApplyPrefs(store.Prefs{})
	m.resize()
	m.overlay = nil
	m.show(screens.NewSignIn(m.c, false))
	return ui.Sequence(m.flush(), backupCmd(m.c.Store), ui.LoadLearners(m.c.Store))
}

func (m *Model) goHome() tea.Cmd {
	if m.c.Learner == nil {
		return nil
	}
	m.show(screens.NewHome(m.c))
	return ui.LoadProgress(m.c.Rec, m.c.Learner.ID)
}

// flush commits queued events before leaving.
func (m *Model) flush() tea.Cmd { return m.c.Rec.FlushCmd() }

// nextLesson is the lesson after id in the first itinerary that has it.
func (m *Model) nextLesson(id string) *lessons.Lesson {
	for _, it := range m.c.Lessons.Itineraries {
		for i, lid := range it.LessonIDs {
			if lid == id && i+1 < len(it.LessonIDs) {
				l, _ := m.c.Lessons.Lesson(it.LessonIDs[i+1])
				return l
			}
		}
	}
	return nil
}
