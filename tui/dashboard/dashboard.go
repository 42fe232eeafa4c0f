package dashboard

import (
	"context"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/lessons"
	"aula/tui/ui"
)

// Config is what the trainer's dashboard needs.
type Config struct {
	Source  classroom.Source // where the class is read from and commands go
	Library *lessons.Library // lesson and step titles, itineraries
	Lang    string
	Address string // the hub's address for the kiosks; "" when local
	Code    string // the session code; "" takes the one in the snapshot (none when local)
	Key     string // the trainer key, shown in the help (dashtrust.go); "" when unknown
	Trainer string // the trainer's name, shown to a learner asked to share their screen (dashshare.go)
	Papers  Papers // certificates, session report, a learner's record (dashrights.go); nil for a hub elsewhere
	// Published is the library with the lessons folder the trainer
	// published last (nil until one is): its lessons are named by their
	// titles like the built-in ones (dashlessons.go). nil for a hub elsewhere.
	Published func() *lessons.Library
	// Verify checks a certificate's code (dashoffice.go): through the
	// hub's data file, or a hub elsewhere's PathVerify. nil: no verifying.
	Verify func(ctx context.Context, code string) (VerifyAnswer, error)
	// Retention is the centre's retention (dashoffice.go); nil for a hub
	// elsewhere.
	Retention Retention
	Now       func() time.Time
	// Tick schedules a timer message; nil means tea.Tick. Tests replace it.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

// dashRefreshEvery is how often the dashboard reads the class.
const dashRefreshEvery = 2 * time.Second

// dashTimeout bounds one read or command to the source.
const dashTimeout = 5 * time.Second

// dashMaxMessage is the longest message a trainer types, in characters:
// at 4 bytes each at most it stays within classroom.MaxMessage bytes.
const dashMaxMessage = classroom.MaxMessage / 4

// dashView is what the dashboard shows below its top.
type dashView int

const (
	viewList    dashView = iota // one row per learner
	viewDetail                  // one learner, step by step
	viewTrouble                 // the steps the class finds hard
	viewShare                   // a learner's screen (dashshare.go)
)

// Dashboard is the trainer's view of the class: who needs help, where
// everyone is, and the commands that reach the kiosks. It reads its
// Source every 2 seconds in a command; Update and View do no I/O.
type Dashboard struct {
	C    *ui.Common
	k    *dashKeys
	cfg  Config
	live bool

	width, height int
	focus         string // the id of the button with the keyboard's focus, or "" (the list)

	snap  classroom.Snapshot
	gen   int // counts snapshots: drawn rows are kept per gen
	cache struct {
		gen  int
		cols dashCols
		rest []string
	}
	loaded     bool             // a snapshot has arrived
	published  *lessons.Library // the library of Config.Published in use (usePublished)
	hubDown    bool             // the last read failed
	refreshing bool             // a read is under way

	view   dashView
	Cursor int       // the selected row
	selID  uint64    // the selected learner, kept when rows move
	scroll ui.Scroll // the rows' window (its Top is the first row on screen)

	detail       *classroom.Detail
	detailID     uint64
	detailErr    bool
	detailBusy   bool
	detailScroll ui.Scroll // the detail's window

	trouble       string // the lesson in the class view
	troublePicked bool   // the trainer chose it (else: the most common)

	bigCode   bool
	Overlay   ui.Overlay
	status    string
	statusBad bool

	share dashShare // the screen watched (dashshare.go)
}

// Messages of the dashboard.
type (
	// DashTickMsg asks the dashboard to read the hub again.
	DashTickMsg struct{}
	// DashSnapshotMsg brings what the hub's store says now.
	DashSnapshotMsg struct {
		Snap classroom.Snapshot
		err  error
	}
	dashDetailMsg struct {
		id     uint64
		detail classroom.Detail
		err    error
	}
	// dashSendMsg asks to send a command (dialogs answer with it).
	dashSendMsg struct {
		cmd  classroom.Command
		who  string // the learner's name, "" for everyone
		what string // the lesson's title, for go_lesson
	}
	dashSentMsg struct {
		dashSendMsg
		err error
	}
)

// New builds the trainer's dashboard.
func New(cfg Config) *Dashboard {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Tick == nil {
		cfg.Tick = tea.Tick
	}
	c := ui.NewCommon(cfg.Lang, cfg.Library, cfg.Now)
	live := cfg.Source != nil && cfg.Source.Live()
	return &Dashboard{C: c, k: newDashKeys(c.Cat), cfg: cfg, live: live, bigCode: true}
}

// Init reads the class for the first time.
func (d *Dashboard) Init() tea.Cmd { return d.refresh() }

// refresh reads the class in a command, one read at a time.
func (d *Dashboard) refresh() tea.Cmd {
	if d.refreshing || d.cfg.Source == nil {
		return nil
	}
	d.refreshing = true
	src := d.cfg.Source
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), dashTimeout)
		defer cancel()
		s, err := src.Snapshot(ctx)
		return DashSnapshotMsg{Snap: s, err: err}
	}
}

// loadDetail reads one learner's steps in a command.
func (d *Dashboard) loadDetail(id uint64) tea.Cmd {
	if d.cfg.Source == nil || d.detailBusy {
		return nil
	}
	d.detailBusy = true
	src := d.cfg.Source
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), dashTimeout)
		defer cancel()
		det, err := src.Detail(ctx, id)
		return dashDetailMsg{id: id, detail: det, err: err}
	}
}

// sendCommand gives the source a command in a command.
func (d *Dashboard) sendCommand(m dashSendMsg) tea.Cmd {
	src := d.cfg.Source
	if src == nil {
		return nil
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), dashTimeout)
		defer cancel()
		return dashSentMsg{dashSendMsg: m, err: src.Send(ctx, m.cmd)}
	}
}

// Update handles data, keys and the mouse.
func (d *Dashboard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		d.width, d.height = msg.Width, msg.Height
		d.C.Width = max(msg.Width-2, 0)
		d.C.Height = max(msg.Height-2, 0)
		d.C.Help.Width = d.C.Width
		d.keepVisible()
		return d, nil
	case DashTickMsg:
		return d, d.refresh()
	case DashSnapshotMsg:
		return d, d.gotSnapshot(msg)
	case dashDetailMsg:
		d.detailBusy = false
		if msg.id == d.detailID {
			d.detailErr = msg.err != nil
			if msg.err == nil {
				det := msg.detail
				d.detail = &det
			}
		}
		return d, nil
	case dashSendMsg:
		return d, d.sendCommand(msg)
	case dashSentMsg:
		d.sent(msg)
		return d, d.afterErase(msg) // dashrights.go
	case dashPapersMsg: // dashrights.go
		d.gotPapers(msg)
		return d, nil
	case ui.QuitMsg:
		return d, tea.Quit
	}
	for _, handle := range []func(tea.Msg) (tea.Cmd, bool){d.shareUpdate, d.shareSaid, d.officeUpdate} { // dashshare.go
		if cmd, ok := handle(msg); ok {
			return d, cmd
		}
	}
	if d.Overlay != nil {
		cmd, closed := d.Overlay.Update(msg)
		if closed {
			d.Overlay = nil
		}
		return d, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return d, d.key(msg)
	case tea.MouseMsg:
		return d, d.mouse(msg)
	}
	return d, nil
}

// gotSnapshot takes a new view of the class, keeps the selected learner
// selected, and schedules the next read.
func (d *Dashboard) gotSnapshot(msg DashSnapshotMsg) tea.Cmd {
	d.refreshing = false
	next := d.cfg.Tick(dashRefreshEvery, func(time.Time) tea.Msg { return DashTickMsg{} })
	if msg.err != nil {
		d.hubDown = true
		d.status, d.statusBad = d.C.Cat.T("dash_unreachable"), true
		return next
	}
	if d.hubDown && d.status == d.C.Cat.T("dash_unreachable") {
		d.status, d.statusBad = d.C.Cat.T("dash_back"), false
	}
	d.hubDown = false
	d.snap, d.loaded = msg.Snap, true
	d.usePublished()
	d.gen++
	d.Cursor = 0
	for i, r := range d.snap.Rows {
		if r.ID == d.selID {
			d.Cursor = i
		}
	}
	d.select_(d.Cursor)
	if !d.troublePicked {
		d.trouble = ""
	}
	if d.view == viewDetail {
		return tea.Batch(next, d.loadDetail(d.detailID))
	}
	return next
}

// select_ moves the selection to row i (clamped) and keeps it on screen.
func (d *Dashboard) select_(i int) {
	n := len(d.snap.Rows)
	if n == 0 {
		d.Cursor, d.selID = 0, 0
		d.scroll.Home()
		return
	}
	d.Cursor = ui.Clamp(i, 0, n-1)
	d.selID = d.snap.Rows[d.Cursor].ID
	d.keepVisible()
}

// keepVisible scrolls the list so that the selected row shows.
func (d *Dashboard) keepVisible() {
	room := d.ListRoom()
	n := len(d.snap.Rows)
	if room < 1 || n <= room {
		d.scroll.Home()
		return
	}
	d.scroll.Keep(d.Cursor, d.Cursor, n, room)
}

// selected is the selected learner's row.
func (d *Dashboard) selected() (classroom.Row, bool) {
	if d.Cursor < len(d.snap.Rows) {
		return d.snap.Rows[d.Cursor], true
	}
	return classroom.Row{}, false
}

// subject is the learner the actions are about: in the detail view the one
// shown, in the list the selected one.
func (d *Dashboard) subject() (classroom.Row, bool) {
	if d.view == viewDetail {
		for _, r := range d.snap.Rows {
			if r.ID == d.detailID {
				return r, true
			}
		}
		if d.detail != nil && d.detail.Learner.ID == d.detailID {
			l := d.detail.Learner
			return classroom.Row{ID: l.ID, Name: l.Name, Device: l.Device, RemoteID: l.RemoteID}, true
		}
		return classroom.Row{}, false
	}
	return d.selected()
}

func (d *Dashboard) key(msg tea.KeyMsg) tea.Cmd {
	k, dk := d.C.Keys, d.k
	if cmd, ok := d.trustKey(msg); ok { // dashtrust.go
		return cmd
	}
	if cmd, ok := d.shareKey(msg); ok { // dashshare.go: watching a screen takes the keys first
		return cmd
	}
	if cmd, ok := d.focusKey(msg); ok { // dashfocus.go
		return cmd
	}
	if cmd, ok := d.rightsKey(msg); ok { // dashrights.go
		return cmd
	}
	if cmd, ok := d.officeKey(msg); ok { // dashoffice.go
		return cmd
	}
	switch {
	case key.Matches(msg, k.Help), key.Matches(msg, k.HelpQ):
		d.Overlay = dashHelp{ui.NewHelp(d.C, d.helpText(), d.keys())}
		return nil
	case key.Matches(msg, k.ForceQuit), key.Matches(msg, dk.Quit):
		d.Overlay = d.quitDialog()
		return nil
	case key.Matches(msg, dk.Code):
		d.bigCode = !d.bigCode
		d.keepVisible()
		return nil
	case key.Matches(msg, dk.ClassView):
		if d.view == viewTrouble {
			d.view = viewList
		} else {
			d.view = viewTrouble
		}
		return nil
	case key.Matches(msg, dk.MessageAll):
		return d.askMessage(nil)
	case key.Matches(msg, dk.LessonAll):
		return d.askLesson(nil)
	case key.Matches(msg, dk.Pause):
		return d.pauseOrResume()
	}
	switch d.view {
	case viewDetail:
		return d.detailKey(msg)
	case viewTrouble:
		d.troubleKey(msg)
		return nil
	}
	return d.listKey(msg)
}

// troubleKey handles a key in the view of learners in trouble.
func (d *Dashboard) troubleKey(msg tea.KeyMsg) {
	k, dk := d.C.Keys, d.k
	switch {
	case key.Matches(msg, k.Back):
		d.view = viewList
	case key.Matches(msg, dk.OtherLesson):
		d.otherLesson(key.Matches(msg, k.Right))
	}
}

// listKey handles a key in the list of learners.
func (d *Dashboard) listKey(msg tea.KeyMsg) tea.Cmd {
	k, dk := d.C.Keys, d.k
	n := len(d.snap.Rows)
	room := max(d.ListRoom(), 1)
	switch {
	case key.Matches(msg, k.Up):
		d.select_(d.Cursor - 1)
	case key.Matches(msg, k.Down):
		d.select_(d.Cursor + 1)
	case key.Matches(msg, dk.PageUp):
		d.select_(d.Cursor - room)
	case key.Matches(msg, dk.PageDown):
		d.select_(d.Cursor + room)
	case key.Matches(msg, k.First):
		d.select_(0)
	case key.Matches(msg, k.Last):
		d.select_(n - 1)
	case key.Matches(msg, dk.Open):
		return d.openDetail()
	default:
		return d.learnerAction(msg)
	}
	return nil
}

func (d *Dashboard) detailKey(msg tea.KeyMsg) tea.Cmd {
	k, dk := d.C.Keys, d.k
	page := max(d.detailRoom()-1, 1)
	switch {
	case key.Matches(msg, k.Back):
		d.view = viewList
	case key.Matches(msg, k.Up):
		d.detailScroll.By(-1)
	case key.Matches(msg, k.Down):
		d.detailScroll.By(1)
	case key.Matches(msg, dk.PageUp):
		d.detailScroll.By(-page)
	case key.Matches(msg, dk.PageDown):
		d.detailScroll.By(page)
	default:
		return d.learnerAction(msg)
	}
	return nil
}

// learnerAction handles the keys that act on one learner.
func (d *Dashboard) learnerAction(msg tea.KeyMsg) tea.Cmd {
	dk := d.k
	switch {
	case key.Matches(msg, dk.Message):
		if r, ok := d.subject(); ok {
			return d.askMessage(&r)
		}
	case key.Matches(msg, dk.Lesson):
		if r, ok := d.subject(); ok {
			return d.askLesson(&r)
		}
	case key.Matches(msg, dk.ResetPIN):
		if r, ok := d.subject(); ok {
			return d.askResetPIN(r)
		}
	case key.Matches(msg, dk.Ack):
		if r, ok := d.subject(); ok {
			return d.ackHelp(r)
		}
	}
	return nil
}

// openDetail shows the selected learner step by step.
func (d *Dashboard) openDetail() tea.Cmd {
	r, ok := d.selected()
	if !ok {
		return nil
	}
	if d.detailID != r.ID {
		d.detail, d.detailErr = nil, false
	}
	d.view, d.detailID, d.detailScroll = viewDetail, r.ID, ui.Scroll{}
	d.detailBusy = false // a late answer for another learner is ignored by id
	return d.loadDetail(r.ID)
}

// notLive explains that this dashboard cannot reach kiosks.
func (d *Dashboard) notLive() tea.Cmd {
	d.status, d.statusBad = d.C.Cat.T("dash_not_live"), true
	return nil
}

// clean drops control characters from text that came over the network.
func clean(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
