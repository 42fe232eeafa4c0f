package screens

import (
	"aula/classroom/discovery"
	"context"
	"errors"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/i18n"
	"aula/store"
)

// Joining a class, the parts that talk to the hub: proving the code, and
// waiting for the trainer when the hub puts the laptop on its waiting
// list. Discovery goes on while the screen is open: a hub started later
// shows up.

// discoverRound is how long one search for hubs listens (answers come in
// milliseconds); discoverAgain the pause between searches.
const (
	discoverRound = 800 * time.Millisecond
	discoverAgain = 2 * time.Second
)

// joinWaitMsg says the laptop waits for the trainer to let it in.
type joinWaitMsg struct{ j *classroom.Joining }

// discoverRounds bounds the searches of one visit to the screen (about a
// minute): a hub started after the screen opened is found.
const discoverRounds = 30

// again searches for hubs once more after a pause, while none was found
// and nobody is joining.
func (j *JoinScreen) again(d Discover) tea.Cmd {
	if d == nil || j.busy || len(j.found) > 0 || j.rounds >= discoverRounds {
		return nil
	}
	j.rounds++
	return tea.Tick(discoverAgain, func(time.Time) tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), discoverRound)
		defer cancel()
		return foundMsg{hubs: d(ctx), d: d}
	})
}

// startJoin proves the code to the hub at url and keeps the class.
func startJoin(st *store.Store, url, code string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		name := ""
		if ls, err := st.Learners(); err == nil && len(ls) == 1 {
			name = ls[0].Name
		}
		token := ""
		if c, err := st.Class(); err == nil && c.URL == url {
			token = c.Token
		}
		jn, c, err := classroom.StartJoin(ctx, url, code, st.DeviceID(), token, name)
		if err != nil {
			return joinErrMsg{err}
		}
		if jn.Ticket != "" {
			return joinWaitMsg{jn}
		}
		return keepClass(st, c)
	}
}

func keepClass(st *store.Store, c store.Class) tea.Msg {
	if err := st.SetClass(c); err != nil {
		return joinErrMsg{err}
	}
	return JoinedMsg{URL: c.URL, Token: c.Token, Pin: c.Pin}
}

// JoinedCheck is the short fingerprint of the class's certificate, for
// the careful to compare with the trainer's screen ("" without one).
func JoinedCheck(cat *i18n.Catalog, pin string) string {
	if pin == "" {
		return ""
	}
	return " " + cat.T("joined_check", "Fingerprint", classroom.ShortFingerprint(pin))
}

// waiting shows the laptop's number and asks the hub until the trainer
// decides (ten minutes at most).
func (j *JoinScreen) waiting(msg joinWaitMsg) tea.Cmd {
	j.wait = msg.j
	st := j.c.Store
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		c, err := msg.j.Wait(ctx)
		if err != nil {
			return joinErrMsg{err}
		}
		return keepClass(st, c)
	}
}

// busyText is what the screen says while joining.
func (j *JoinScreen) busyText() string {
	if j.wait != nil {
		return j.c.Cat.T("join_waiting", "Laptop", j.wait.Laptop)
	}
	return j.c.Cat.T("join_busy")
}

func (j *JoinScreen) waitLaptop() string {
	if j.wait != nil {
		return j.wait.Laptop
	}
	return ""
}

// joinErrText words the errors of the new join ("" for the others).
func joinErrText(cat *i18n.Catalog, err error) string {
	switch {
	case errors.Is(err, classroom.ErrRefused):
		return cat.T("join_refused")
	case errors.Is(err, classroom.ErrWaitingGone), errors.Is(err, context.DeadlineExceeded):
		return cat.T("join_wait_over")
	case errors.Is(err, classroom.ErrNotTheClass):
		return cat.T("join_not_the_class")
	}
	return ""
}

func sameHubs(a, b []discovery.Found) bool { return slices.Equal(a, b) }
