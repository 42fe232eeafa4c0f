package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/classroom"
	"aula/store"
	"aula/tui/screens"
	"aula/tui/ui"
)

// This file is the kiosk's side of the classroom: calling the trainer,
// reporting presence, the connection badge and the trainer's commands.

// Class is the kiosk's link to a class hub (a *classroom.Syncer). Its
// methods only hand over data and return at once: nothing waits on the
// network.
type Class interface {
	SetPresence(classroom.Presence)
	Kick()
	SetClass(url, token string)
}

// presenceEvery is how often the kiosk refreshes what the trainer sees.
const presenceEvery = 2 * time.Second

// presenceTickMsg asks the root to report presence again.
type presenceTickMsg struct{}

// hand is the learner's raised hand.
type hand struct {
	up    bool
	since time.Time
	seen  bool
}

// classState is what the root knows about the class.
type classState struct {
	state  classroom.State
	hand   hand
	paused *classroom.Command // the trainer paused the screens
	ticks  bool               // a presence tick is scheduled
	url    string             // the class this laptop is in
	where  presenceKey        // what was last reported
	held   classroom.HeldMsg  // results the hub did not take, kept here
}

// presenceKey is the part of the presence that changes with what the
// learner does (not with the clock): a change is reported at once.
type presenceKey struct {
	learner        uint64
	screen, lesson string
	step, misses   int
	help, seen     bool
}

// presenceChanged reports presence when the learner moved on.
func (m *Model) presenceChanged() {
	if m.cfg.Class == nil {
		return
	}
	p := m.presence()
	k := presenceKey{p.Learner, p.Screen, p.Lesson, p.StepIndex, p.Misses, p.Help, p.HelpSeen}
	if k != m.class.where {
		m.class.where = k
		m.cfg.Class.SetPresence(p)
	}
}

// schedulePresence keeps presence fresh while the kiosk is in a class.
func (m *Model) schedulePresence() tea.Cmd {
	if m.cfg.Class == nil || m.class.ticks {
		return nil
	}
	m.class.ticks = true
	return m.cfg.Tick(presenceEvery, func(time.Time) tea.Msg { return presenceTickMsg{} })
}

// presence is where the kiosk is now, in durations and ids only.
func (m *Model) presence() classroom.Presence {
	now := m.c.Now()
	p := classroom.Presence{Idle: seconds(now.Sub(m.lastInput))}
	if l := m.c.Learner; l != nil {
		p.Learner, p.Name = l.ID, l.Name
	}
	if h := m.class.hand; h.up {
		p.Help, p.HelpWait, p.HelpSeen = true, seconds(now.Sub(h.since)), h.seen
	}
	if s, ok := m.scr.(ui.Placed); ok {
		w := s.Where()
		p.Screen = w.Screen
		if p.Learner == 0 && w.Learner != 0 {
			p.Learner, p.Name = w.Learner, w.Name
		}
		if w.Lesson != "" {
			p.Lesson, p.Steps = w.Lesson, w.Steps
			p.Step, p.StepIndex = w.Step, w.StepIndex
			p.Misses, p.OnStep = w.Misses, seconds(now.Sub(w.Since))
		}
	}
	return p
}

func seconds(d time.Duration) int { return int(max(d, 0) / time.Second) }

// reportPresence hands the syncer the current presence.
func (m *Model) reportPresence() {
	if m.cfg.Class != nil {
		m.class.where = presenceKey{} // report even if nothing changed
		m.presenceChanged()
	}
}

// classUpdate handles the class's messages; handled says the root is done.
func (m *Model) classUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case presenceTickMsg:
		m.class.ticks = false
		m.reportPresence()
		return m.schedulePresence(), true
	case classroom.StatusMsg:
		m.class.state = msg.State
		if msg.State == classroom.Refused {
			m.class.hand = hand{}
		}
		return nil, true
	case classroom.HeldMsg:
		m.class.held = msg
		return nil, true
	case classroom.CommandMsg:
		return m.command(msg.Command), true
	case screens.JoinedMsg:
		m.class.state, m.class.url = classroom.Offline, msg.URL
		m.cfg.Class.SetClass(msg.URL, msg.Token)
		m.overlay = ui.NewDialog(m.c, m.c.Cat.T("joined_title"), m.c.Cat.T("joined_text")+screens.JoinedCheck(m.c.Cat, msg.Pin), []ui.DialogButton{{Label: m.c.Cat.T("btn_ok")}})
		return tea.Batch(m.goHome(), m.schedulePresence()), true
	}
	return nil, false
}

// forMe says whether a command is for this kiosk's learner (or everyone).
func (m *Model) forMe(c classroom.Command) bool {
	if c.To == "" {
		return true
	}
	l := m.c.Learner
	return l != nil && c.To == classroom.Target(m.c.Store.DeviceID(), l.ID)
}

// command carries out a trainer's command.
func (m *Model) command(c classroom.Command) tea.Cmd {
	cat := m.c.Cat
	switch c.Kind {
	case classroom.CmdPause:
		m.class.paused = &c
	case classroom.CmdResume:
		if m.class.paused != nil {
			m.class.paused = nil
			m.lastInput = m.c.Now() // a pause is not the learner being away
		}
	case classroom.CmdErase:
		return m.eraseCommand(c) // rights.go
	case classroom.CmdRename:
		return m.renameCommand(c) // rights.go
	case classroom.CmdMerge:
		return m.mergeCommand(c) // rights.go
	}
	if !m.forMe(c) || m.shareCommand(c) { // share.go
		return nil
	}
	switch c.Kind {
	case classroom.CmdMessage:
		m.overlay = ui.NewDialog(m.c, cat.T("trainer_message_title"), c.Text, []ui.DialogButton{{Label: cat.T("btn_ok")}})
	case classroom.CmdAckHelp:
		if m.class.hand.up {
			m.class.hand.seen = true
		}
	case classroom.CmdGoLesson:
		if m.c.Learner == nil {
			m.startOpen = c.Lesson // after sign-in
			return nil
		}
		if _, ok := m.c.Lessons.Lesson(c.Lesson); !ok {
			return nil
		}
		return ui.Send(ui.OpenLessonMsg{ID: c.Lesson})
	case classroom.CmdResetPIN:
		if l := m.c.Learner; l != nil {
			return resetPIN(m.c.Store, l.ID)
		}
	}
	return nil
}

func resetPIN(st *store.Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		_ = st.SetPIN(id, "") // the trainer sees the result in the learner's next sign-in
		return nil
	}
}

// toggleHand raises or lowers the learner's hand and records it.
// callTrainer is F4: in a class it raises or lowers the hand; outside one
// nobody would be told, so it says so and what to do instead.
func (m *Model) callTrainer() tea.Cmd {
	if m.cfg.Class == nil || (m.class.state == classroom.NoClass && !m.class.hand.up) {
		cat := m.c.Cat
		m.overlay = ui.NewDialog(m.c, cat.T("hand_no_class_title"), cat.T("hand_no_class_text"),
			[]ui.DialogButton{{Label: cat.T("btn_ok")}})
		return nil
	}
	return m.toggleHand()
}

// handWaiting is what a raised hand not yet seen says: sent now, or sent
// when the class can be reached again.
func (m *Model) handWaiting() string {
	cat := m.c.Cat
	if m.class.state != classroom.Connected {
		return cat.T("hand_waiting_offline")
	}
	if mins := int(m.c.Now().Sub(m.class.hand.since) / time.Minute); mins > 0 {
		return cat.T("hand_waiting", "Count", mins)
	}
	return cat.T("hand_waiting_now")
}

func (m *Model) toggleHand() tea.Cmd {
	h := &m.class.hand
	h.up, h.seen = !h.up, false
	h.since = m.c.Now()
	kind := store.HelpAsked
	if !h.up {
		kind = store.HelpCancelled
	}
	var cmd tea.Cmd
	if l := m.c.Learner; l != nil {
		e := store.Event{Learner: l.ID, Kind: kind, At: h.since}
		if p, ok := m.scr.(ui.Placed); ok {
			if w := p.Where(); w.Lesson != "" {
				e.Lesson, e.Step, e.StepIndex, e.Steps = w.Lesson, w.Step, w.StepIndex, w.Steps
			}
		}
		cmd = m.c.Rec.Record(e)
	}
	return cmd
}

// classStatus is the quiet line about the class and the raised hand.
func (m *Model) classStatus() string {
	if m.cfg.Class == nil {
		return ""
	}
	st, cat := m.c.Styles, m.c.Cat
	var parts []string
	if h := m.class.hand; h.up {
		if h.seen {
			parts = append(parts, st.Good.Render("✋ "+cat.T("hand_seen")))
		} else {
			parts = append(parts, st.Bad.Render("✋ "+m.handWaiting()))
		}
	}
	switch m.class.state {
	case classroom.Connected:
		parts = append(parts, st.Dim.Render("● "+cat.T("class_connected")))
	case classroom.Offline:
		parts = append(parts, st.Dim.Render("○ "+cat.T("class_offline")))
	case classroom.Refused:
		parts = append(parts, st.Bad.Render("! "+cat.T("class_refused")))
	case classroom.HubTooOld:
		parts = append(parts, st.Bad.Render("! "+cat.T("class_hub_old")))
	}
	if h := m.class.held; h.Count > 0 && m.class.state != classroom.Refused {
		words := "class_held_clock"
		if h.Reason != classroom.ReasonClock {
			words = "class_held"
		}
		parts = append(parts, st.Bad.Render("! "+cat.T(words, "Count", h.Count)))
	}
	return strings.Join(parts, "  ")
}

// pauseView covers the screen while the trainer has it paused.
func (m *Model) pauseView(width, height int) string {
	st, cat := m.c.Styles, m.c.Cat
	text := m.class.paused.Text
	if strings.TrimSpace(text) == "" {
		text = cat.T("paused_default")
	}
	inner := ui.Clamp(width-8, 10, 60)
	box := st.Dialog.Render(st.Title.Render(cat.T("paused_title")) + "\n\n" +
		lipgloss.NewStyle().Width(inner).Render(ui.Wrap(text, inner)) + "\n\n" + st.Dim.Render(cat.T("paused_wait")))
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}

// handKey is the binding shown on every screen while in a class.
func (m *Model) handKey() key.Binding {
	k := m.c.Keys.CallTrainer
	if m.class.hand.up {
		k.SetHelp(k.Help().Key, m.c.Cat.T("key_hand_down"))
	}
	return k
}

// joined says whether this laptop is already in the class at url.
func (m *Model) joined(url string) bool {
	return m.class.url == url && m.class.state != classroom.Refused
}
