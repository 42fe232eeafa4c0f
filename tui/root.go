// Package tui is the learner kiosk: a root model that routes between screens
// (sign-in, home, lesson lists, the lesson player) and one component per
// exercise kind. Update and View do no I/O: disk work runs in commands.
package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	zone "github.com/lrstanley/bubblezone"

	"aula/i18n"
	"aula/lessons"
	"aula/store"
)

// screen is one full screen of the app.
type screen interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	Keys() []key.Binding
	Title() string
	HelpText() string
	Typing() bool
}

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
}

// Model is the root model.
type Model struct {
	c       *Common
	cfg     Config
	scr     screen
	overlay overlay
	width   int
	height  int

	status    string // the save state
	notice    string // said above the sign-in screen until someone signs in
	saveErr   bool
	shared    bool // more than one learner, or a PIN: sign out when idle
	lastInput time.Time
	idleTick  bool // an idle check is scheduled
	startOpen string
}

// overlay is drawn over the current screen and takes the keys while open.
type overlay interface {
	Update(msg tea.Msg) (tea.Cmd, bool) // bool: close the overlay
	View(width, height int) string
}

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
	cat := i18n.New(cfg.Lang)
	c := &Common{
		Styles:  DefaultStyles(),
		Cat:     cat,
		Lessons: cfg.Library.Catalog(cat.Lang()),
		Store:   cfg.Store,
		Keys:    newKeyMap(cat),
		Help:    help.New(),
		Zones:   zone.New(),
		Rec:     NewRecorder(cfg.Store),
		Now:     cfg.Now,
		Tick:    cfg.Tick,
	}
	c.Help.ShortSeparator = " · "
	c.Help.Styles.ShortKey = c.Styles.HelpKey
	c.Help.Styles.ShortDesc = c.Styles.HelpDesc
	c.Help.Styles.ShortSeparator = c.Styles.HelpSep
	c.Help.Styles.FullKey = c.Styles.HelpKey
	c.Help.Styles.FullDesc = c.Styles.HelpDesc
	m := &Model{c: c, cfg: cfg, notice: cfg.Notice, startOpen: cfg.StartLesson, lastInput: cfg.Now()}
	m.scr = newSignIn(c, true)
	return m
}

// Recorder returns the event writer, so main can flush it after the program ends.
func (m *Model) Recorder() *Recorder { return m.c.Rec }

// Init loads the learners.
func (m *Model) Init() tea.Cmd { return loadLearners(m.c.Store) }

// Update routes messages: global keys and navigation here, the rest to the
// overlay or the screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.c.Width = max(msg.Width-2, 0)
		m.c.Height = max(msg.Height-headerHeight-footerHeight, 0)
		m.c.Help.Width = m.c.Width
		return m, nil
	case tea.KeyMsg, tea.MouseMsg:
		m.lastInput = m.c.Now()
		if _, warning := m.overlay.(*idleWarning); warning {
			m.overlay = nil // any input means "I am here"
			if _, isKey := msg.(tea.KeyMsg); isKey {
				return m, nil
			}
		}
	case savedMsg:
		m.saveErr = msg.err != nil
		switch {
		case msg.err != nil:
			m.status = m.c.Cat.T("save_failed")
		case len(msg.events) > 0:
			m.status = m.c.Cat.T("saved")
		}
		return m, nil
	case idleCheckMsg:
		return m, m.checkIdle()
	case signedInMsg:
		return m, m.signedIn(msg.learner, msg.shared)
	case signOutMsg:
		return m, m.signOut()
	case quitMsg:
		return m, tea.Sequence(m.flush(), tea.Quit)
	case goHomeMsg:
		return m, m.goHome()
	case openListMsg:
		m.scr = newLessonList(m.c, msg.itinerary)
		return m, loadProgress(m.c.Store, m.c.Learner.ID)
	case openLessonMsg:
		l, ok := m.c.Lessons.Lesson(msg.id)
		if !ok || m.c.Learner == nil {
			m.status = m.c.Cat.T("no_such_lesson", "ID", msg.id)
			return m, nil
		}
		return m, loadLesson(m.c.Store, m.c.Learner.ID, l)
	case lessonReadyMsg:
		if msg.err != nil {
			m.status = m.c.Cat.T("load_failed")
			return m, nil
		}
		p := newPlayer(m.c, msg.lesson, m.nextLesson(msg.lesson.ID), msg.progress)
		m.scr = p
		return m, p.Init()
	}

	if m.overlay != nil {
		cmd, closed := m.overlay.Update(msg)
		if closed {
			m.overlay = nil
		}
		return m, cmd
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		if cmd, handled := m.globalKey(k); handled {
			return m, cmd
		}
	}
	return m, m.scr.Update(msg)
}

// globalKey handles help and leaving, before the screen sees the key.
func (m *Model) globalKey(k tea.KeyMsg) (tea.Cmd, bool) {
	keys := m.c.Keys
	typing := m.scr.Typing()
	switch {
	case key.Matches(k, keys.Help), key.Matches(k, keys.HelpQ) && !typing:
		m.overlay = newHelpOverlay(m.c, m.scr)
		return nil, true
	case key.Matches(k, keys.ForceQuit):
		m.overlay = m.quitDialog()
		return nil, true
	case key.Matches(k, keys.Quit) && !typing:
		switch m.scr.(type) {
		case *home, *signIn:
			m.overlay = m.quitDialog()
			return nil, true
		}
	case key.Matches(k, keys.Back):
		switch s := m.scr.(type) {
		case *player:
			switch s.escape() {
			case escUsed:
				return nil, true
			case escAsk:
				m.overlay = m.leaveDialog()
				return nil, true
			}
			return m.goHome(), true
		case *lessonList:
			return m.goHome(), true
		}
	}
	return nil, false
}

// quitDialog asks before leaving; a signed-in learner may also just sign out.
func (m *Model) quitDialog() overlay {
	cat := m.c.Cat
	if m.c.Learner == nil {
		return newDialog(m.c, cat.T("quit_title"), cat.T("quit_text_nobody"), []dialogButton{
			{label: cat.T("btn_close_app"), msg: quitMsg{}},
			{label: cat.T("btn_stay")},
		})
	}
	return newDialog(m.c, cat.T("quit_title"), cat.T("quit_text"), []dialogButton{
		{label: cat.T("btn_close_app"), msg: quitMsg{}},
		{label: cat.T("btn_switch"), msg: signOutMsg{}},
		{label: cat.T("btn_stay")},
	})
}

// leaveDialog asks before leaving a lesson that would lose what the learner
// typed (a half-filled form). Staying is the first answer: nothing is lost.
func (m *Model) leaveDialog() overlay {
	cat := m.c.Cat
	return newDialog(m.c, cat.T("form_leave_title"), cat.T("form_leave_text"), []dialogButton{
		{label: cat.T("form_leave_stay")},
		{label: cat.T("form_leave_go"), msg: goHomeMsg{}},
	})
}

func (m *Model) signedIn(l store.Learner, shared bool) tea.Cmd {
	m.c.Learner = &l
	m.shared = shared
	m.notice = ""
	m.lastInput = m.c.Now()
	if !m.saveErr {
		m.status = ""
	}
	cmds := []tea.Cmd{m.scheduleIdle()}
	if id := m.startOpen; id != "" {
		m.startOpen = ""
		m.scr = newHome(m.c)
		cmds = append(cmds, send(openLessonMsg{id: id}))
	} else {
		cmds = append(cmds, m.goHome())
	}
	return tea.Batch(cmds...)
}

func (m *Model) signOut() tea.Cmd {
	m.c.Learner = nil
	m.overlay = nil
	m.scr = newSignIn(m.c, false)
	return tea.Sequence(m.flush(), loadLearners(m.c.Store))
}

func (m *Model) goHome() tea.Cmd {
	if m.c.Learner == nil {
		return nil
	}
	m.scr = newHome(m.c)
	return loadProgress(m.c.Store, m.c.Learner.ID)
}

// flush commits queued events before leaving.
func (m *Model) flush() tea.Cmd { return m.c.Rec.flushCmd() }

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

// View draws the frame: header, the screen (or an overlay), status and keys.
func (m *Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		return m.tooSmall()
	}
	st := m.c.Styles
	w := m.c.Width

	left := st.Header.Render("Aula") + st.HeaderDim.Render(" · "+m.scr.Title())
	right := ""
	if m.c.Learner != nil {
		right = st.HeaderDim.Render(m.c.Learner.Name)
	}
	header := lipgloss.NewStyle().MaxWidth(w).Render(left + strings.Repeat(" ", max(w-lipgloss.Width(left)-lipgloss.Width(right), 1)) + right)

	var body string
	var keys []key.Binding
	if m.overlay != nil {
		body = m.overlay.View(w, m.c.Height)
		if h, ok := m.overlay.(interface{ Keys() []key.Binding }); ok {
			keys = h.Keys()
		}
	} else {
		body = m.scr.View()
		keys = m.scr.Keys()
		if m.notice != "" {
			note := lipgloss.NewStyle().Width(m.c.textWidth()).Render(st.Bad.Render("! ") + m.notice)
			body = note + "\n\n" + body
		}
	}
	// On a wide terminal the reading column sits in the middle. Overlays
	// centre themselves in the whole width already.
	wide := false
	if f, ok := m.scr.(interface{ fullWidth() bool }); ok {
		wide = f.fullWidth()
	}
	if pad := (w - maxTextWidth) / 2; pad > 10 && m.overlay == nil && !wide {
		body = lipgloss.NewStyle().PaddingLeft(pad).Render(body)
	}
	body = lipgloss.NewStyle().Width(w).Height(m.c.Height).MaxHeight(m.c.Height).MaxWidth(w).Render(body)

	status := m.status
	if m.saveErr {
		status = st.Bad.Render("! " + status)
	} else if status != "" {
		status = st.Status.Render(status)
	}
	status = lipgloss.NewStyle().MaxWidth(w).Render(status)
	// F1 comes first on every screen: it is the way out of any doubt.
	keys = append([]key.Binding{m.c.Keys.Help}, keys...)
	footer := status + "\n" + lipgloss.NewStyle().MaxWidth(w).Render(m.c.Help.ShortHelpView(keys))
	return m.c.Zones.Scan(st.App.Render(header + "\n\n" + body + "\n" + footer))
}

// tooSmall asks for a bigger window, in whatever room there is.
func (m *Model) tooSmall() string {
	msg := m.c.Cat.T("too_small")
	if m.width < 2 || m.height < 1 {
		return ""
	}
	return lipgloss.NewStyle().Width(m.width).MaxWidth(m.width).MaxHeight(m.height).Render(msg)
}
