package classroom

import (
	"aula/classroom/safetext"
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"aula/classroom/share"
	"aula/store"
)

// State is how the kiosk stands with its class.
type State int

// The states of the class connection.
const (
	NoClass   State = iota // this laptop has not joined a class
	Offline                // joined, but the hub cannot be reached: everything is saved here
	Connected              // the hub answers
	Refused                // the hub no longer knows this laptop: join again
	// HubTooOld: the hub answers but refuses this laptop's pushes as bad
	// requests (a hub of an older Aula does not take the event ids of this
	// one). Everything stays saved here; the kiosk asks again now and then,
	// not in a loop, until the hub is updated.
	HubTooOld
)

// StatusMsg tells the kiosk's screen that the connection changed.
type StatusMsg struct {
	State State
	URL   string
}

// HeldMsg tells the kiosk's screen how many results the hub did not take
// (ReasonClock or ReasonInvalid: a wrong date, most often). They are kept
// on this laptop and in its outbox, and sent again later; the rest of the
// outbox goes on meanwhile. Count 0: none is held any more.
type HeldMsg struct {
	Count  int
	Reason string // the reason of the first one held
}

// NamesMsg tells the kiosk's screen, when it reaches a hub, whether the
// centre sends to the region the names of the learners who say yes
// (HubOptions.Names): the kiosk then asks each learner once.
type NamesMsg struct{ On bool }

// CommandMsg brings one trainer command to the kiosk's screen. Pause
// commands also arrive when a kiosk joins a class that is paused.
type CommandMsg struct{ Command Command }

// Syncer is the kiosk's link to the class: it pushes the outbox in batches
// (with backoff when the hub is away), reports presence every few seconds
// and long-polls for the trainer's commands. Nothing the learner does waits
// on it: the screen hands it presence and a nudge, and hears back through
// the send function (the Bubble Tea program's Send).
type Syncer struct {
	st   *store.Store
	send func(any)

	// Every is how often presence goes out; Backoff the first wait after a
	// failure (it doubles up to MaxBackoff). Tests make them short.
	Every      time.Duration
	Backoff    time.Duration
	MaxBackoff time.Duration
	// HoldFor is how long an event the hub refused waits before it is
	// sent again (the hub's clock may be the wrong one, and be put right).
	HoldFor time.Duration

	mu       sync.Mutex
	client   *Client
	gen      int // bumped when the class changes: loops of an old class stop
	state    State
	presence Presence
	kick     chan struct{} // new events in the outbox
	prod     chan struct{} // presence changed in a way the trainer must see now
	changed  chan struct{} // closed (and replaced) when the class changes: every loop hears it

	held     map[string]string // ids the hub refused (ReasonClock, ReasonInvalid) → reason; pushLoop only
	heldFrom time.Time         // when the first of them was held
	heldGen  int               // the class they were refused by

	// later are events of kinds an older hub does not know (newerKind),
	// which a hub answered with a bad request: kept in the outbox and not
	// sent for HoldFor, while the rest of the outbox goes on. Nothing is
	// shown: the hub will take them once it is updated. pushLoop only.
	later     map[string]bool
	laterFrom time.Time

	lessons   kioskLessons  // the lessons folder the class published (publish.go)
	share     share.Outbox  // help at a distance (share_kiosk.go)
	shareWake chan struct{} // the outbox has news
}

// newerKind says whether hubs of an older Aula refuse a kind (their
// refusal is a bad request for the whole push, not a Refusal).
func newerKind(k store.EventKind) bool {
	return k == store.CertificateIssued || k == store.NamesConsent
}

// NewSyncer makes a syncer over the kiosk's store; send delivers StatusMsg
// and CommandMsg to the screen and must not block for long.
func NewSyncer(st *store.Store, send func(any)) *Syncer {
	return &Syncer{
		st: st, send: send,
		Every: 3 * time.Second, Backoff: time.Second, MaxBackoff: 30 * time.Second, HoldFor: 10 * time.Minute,
		kick: make(chan struct{}, 1), prod: make(chan struct{}, 1), changed: make(chan struct{}),
		shareWake: make(chan struct{}, 1),
	}
}

// SetClass points the syncer at a hub (url and token from joining); an empty
// url stops syncing. The state becomes Offline (NoClass) until the hub
// answers; SetClass does not report that itself, since the screen calls it
// and a report back would wait for the screen.
func (s *Syncer) SetClass(url, token string) {
	s.mu.Lock()
	s.gen++
	s.client, s.state = nil, NoClass
	if url != "" {
		s.client = &Client{URL: url, Device: s.st.DeviceID(), Token: token}
		// The pin the code proved at join is kept with the class.
		if c, err := s.st.Class(); err == nil && c.URL == url {
			s.client.Pin = c.Pin
		}
		s.state = Offline
	}
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	nudge(s.kick)
}

// Kick says that the outbox has new events.
func (s *Syncer) Kick() { nudge(s.kick) }

// SetPresence hands the syncer where the kiosk is now. Changes the trainer
// must see at once (a hand going up or down) go out straight away.
func (s *Syncer) SetPresence(p Presence) {
	// Within what the hub accepts (a kiosk left on for weeks).
	p.Idle, p.OnStep, p.HelpWait = min(p.Idle, MaxSeconds), min(p.OnStep, MaxSeconds), min(p.HelpWait, MaxSeconds)
	s.mu.Lock()
	urgent := p.Help != s.presence.Help || p.Learner != s.presence.Learner
	s.presence = p
	s.mu.Unlock()
	if urgent {
		nudge(s.prod)
	}
}

// State is the connection state now.
func (s *Syncer) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

func nudge(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

func (s *Syncer) setState(st State) {
	s.mu.Lock()
	changed := s.state != st
	s.state = st
	url := ""
	if s.client != nil {
		url = s.client.URL
	}
	s.mu.Unlock()
	if changed && s.send != nil {
		s.send(StatusMsg{State: st, URL: url})
	}
}

// current is the client of the class now, its generation, and the channel
// that is closed when the class changes.
func (s *Syncer) current() (*Client, int, chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client, s.gen, s.changed
}

// result turns the outcome of a request into the connection state.
func (s *Syncer) result(gen int, err error) {
	s.mu.Lock()
	stale := gen != s.gen
	s.mu.Unlock()
	switch {
	case stale:
	case err == nil:
		if s.State() != HubTooOld { // presence alone does not prove the hub takes results
			s.setState(Connected)
		}
	case errors.Is(err, ErrNotJoined):
		s.setState(Refused)
	case errors.Is(err, ErrBadRequest):
		s.setState(HubTooOld)
	default:
		s.setState(Offline)
	}
}

// pushed sets the state a push's answer proves (Connected ends
// HubTooOld), unless the class changed meanwhile.
func (s *Syncer) pushed(gen int, st State) {
	s.mu.Lock()
	stale := gen != s.gen
	s.mu.Unlock()
	if !stale {
		s.setState(st)
	}
}

// Run syncs until ctx ends. Run it once, in its own goroutine.
func (s *Syncer) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for _, loop := range []func(context.Context){s.pushLoop, s.presenceLoop, s.pollLoop, s.takeBackLoop, s.shareLoop} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			loop(ctx)
		}()
	}
	wg.Wait()
}

// wait pauses for d, or until ctx ends or one of the channels has news.
func wait(ctx context.Context, d time.Duration, wake ...chan struct{}) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	var a, b chan struct{}
	if len(wake) > 0 {
		a = wake[0]
	}
	if len(wake) > 1 {
		b = wake[1]
	}
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
	case <-a:
	case <-b:
	}
	return true
}

// backoff is the next wait after n failures in a row, with some jitter so a
// classroom of kiosks does not knock all at once when the hub comes back.
func (s *Syncer) backoff(n int) time.Duration {
	d := s.Backoff
	for i := 1; i < n && d < s.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, s.MaxBackoff)
	return d/2 + rand.N(d/2+1)
}

// pushLoop empties the outbox into the hub, a batch at a time.
func (s *Syncer) pushLoop(ctx context.Context) {
	fails := 0
	for {
		c, gen, changed := s.current()
		next := time.Minute // idle: wait for a kick
		if gen != s.heldGen {
			// Another class: what the last one refused goes to this one.
			s.heldGen, s.later = gen, nil
			if len(s.held) > 0 {
				s.hold(nil)
			}
		}
		if c != nil && s.State() != Refused {
			more, err := s.pushOnce(ctx, c)
			s.result(gen, err)
			switch {
			case errors.Is(err, ErrBadRequest):
				// Not a hub that is away but one that does not understand
				// (result said so): ask again now and then, not in a loop.
				fails, next = 0, s.HoldFor
			case err != nil:
				fails++
				next = s.backoff(fails)
			case more:
				fails, next = 0, 0
			default:
				fails = 0
				s.pushed(gen, Connected)
			}
			if len(s.held) > 0 && next > 0 {
				// Held events go again when their wait is over.
				next = min(next, max(s.HoldFor-time.Since(s.heldFrom), time.Millisecond))
			}
			if len(s.later) > 0 && next > 0 {
				next = min(next, max(s.HoldFor-time.Since(s.laterFrom), time.Millisecond))
			}
		}
		if next == 0 {
			if ctx.Err() != nil {
				return
			}
			continue
		}
		if !wait(ctx, next, s.kick, changed) {
			return
		}
	}
}

// pushOnce sends one batch and acknowledges it; more says the outbox had more.
func (s *Syncer) pushOnce(ctx context.Context, c *Client) (more bool, err error) {
	if len(s.held) > 0 && time.Since(s.heldFrom) >= s.HoldFor {
		s.hold(nil) // time to try them again
	}
	s.laterAgain()
	if err := s.sendErasures(ctx, c); err != nil { // rights.go
		return false, err
	}
	all, err := s.st.Outbox(MaxBatch + 1 + len(s.held) + len(s.later))
	if err != nil {
		return false, err
	}
	evs := slices.DeleteFunc(all, func(e store.Event) bool { _, held := s.held[e.ID]; return held || s.later[e.ID] })
	if len(evs) == 0 {
		return false, nil
	}
	more = len(evs) > MaxBatch
	evs = evs[:min(len(evs), MaxBatch)]
	req := PushRequest{Events: evs}
	seen := map[uint64]bool{}
	for _, e := range evs {
		if seen[e.Learner] {
			continue
		}
		seen[e.Learner] = true
		l, err := s.st.Learner(e.Learner)
		if err != nil {
			return false, err
		}
		req.Learners = append(req.Learners, store.RemoteLearner{ID: l.ID, Name: l.Name})
	}
	rctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	resp, err := c.Push(rctx, req)
	if errors.Is(err, ErrBadRequest) && s.putOff(evs) {
		return true, nil // perhaps a hub of an older Aula: the rest goes without them
	}
	if err != nil {
		return false, err
	}
	// Only what the hub confirmed leaves the outbox, id by id.
	if err := s.st.AckOutbox(resp.Confirmed...); err != nil {
		return false, err
	}
	s.erasedAtHub(resp.Erased) // rights.go
	var held []Refusal
	for _, r := range resp.Refused {
		if r.Reason != ReasonCollision {
			// Kept here and in the outbox, not sent again for a while,
			// and told: the rest of the outbox goes on.
			held = append(held, r)
			continue
		}
		// Another event holds this id at the hub: this one gets a new id
		// and goes again at once, so the hub keeps both.
		if _, err := s.st.Reissue(r.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
			return false, err
		}
		more = true
	}
	if len(held) > 0 {
		s.hold(held)
	}
	return more, nil
}

// putOff keeps the events of newer kinds among evs for later (see
// Syncer.later); false when there are none.
func (s *Syncer) putOff(evs []store.Event) bool {
	if !slices.ContainsFunc(evs, func(e store.Event) bool { return newerKind(e.Kind) }) {
		return false
	}
	if len(s.later) == 0 {
		s.later, s.laterFrom = map[string]bool{}, time.Now()
	}
	for _, e := range evs {
		if newerKind(e.Kind) {
			s.later[e.ID] = true
		}
	}
	return true
}

// laterAgain lets the events put off go again once their wait is over
// (the hub may have been updated).
func (s *Syncer) laterAgain() {
	if len(s.later) > 0 && time.Since(s.laterFrom) >= s.HoldFor {
		s.later = nil
	}
}

// hold adds refused events to those held and tells the screen; nil lets
// them all go again.
func (s *Syncer) hold(rs []Refusal) {
	if rs == nil {
		s.held = nil
	}
	if len(s.held) == 0 && len(rs) > 0 {
		s.held, s.heldFrom = map[string]string{}, time.Now()
	}
	reason := ""
	for _, r := range rs {
		s.held[r.ID] = r.Reason
		reason = r.Reason
	}
	if s.send != nil {
		s.send(HeldMsg{Count: len(s.held), Reason: reason})
	}
}

// presenceLoop reports where the kiosk is every Every, and at once when the
// hand goes up or down.
func (s *Syncer) presenceLoop(ctx context.Context) {
	for {
		c, gen, changed := s.current()
		if c != nil && s.State() != Refused {
			s.mu.Lock()
			p := s.presence
			s.mu.Unlock()
			rctx, cancel := context.WithTimeout(ctx, timeout)
			err := c.Presence(rctx, p)
			cancel()
			s.result(gen, err)
		}
		if !wait(ctx, s.Every, s.prod, changed) {
			return
		}
	}
}

// pollLoop long-polls for commands and hands them to the screen.
func (s *Syncer) pollLoop(ctx context.Context) {
	var hub string
	after := int64(-1)
	lastGen := -1
	fails := 0
	for {
		c, gen, changed := s.current()
		if gen != lastGen {
			hub, after, lastGen = "", -1, gen
		}
		if c == nil || s.State() == Refused {
			if !wait(ctx, time.Minute, changed) {
				return
			}
			continue
		}
		rctx, cancel := context.WithTimeout(ctx, time.Minute)
		r, err := c.Poll(rctx, after)
		cancel()
		if ctx.Err() != nil {
			return
		}
		s.result(gen, err)
		if err != nil {
			fails++
			if !wait(ctx, s.backoff(fails), changed) {
				return
			}
			continue
		}
		fails = 0
		if r.Hub != hub && s.send != nil {
			s.send(NamesMsg{On: r.Names}) // whether the centre asks the learners
		}
		s.lessonsNews(ctx, c, r.Lessons) // publish.go
		s.fromHub(ctx, c, r)             // rights.go
		if r.Hub != hub {
			// The first answer, a new hub, or the same one restarted: its
			// log starts afresh. Take the state it is in (paused or not),
			// not its old news.
			hub, after = r.Hub, int64(r.Last)
			if r.Pause != nil {
				s.deliver(*r.Pause)
			} else {
				s.deliver(Command{Kind: CmdResume})
			}
			continue
		}
		for _, cmd := range r.Commands {
			s.deliver(cmd)
		}
		after = int64(r.Last)
	}
}

func (s *Syncer) deliver(c Command) {
	// What reaches the learner's screen is text only, whatever the hub sent.
	c.Text = safetext.Text(c.Text, MaxMessage)
	c.Lesson = safetext.Text(c.Lesson, MaxID)
	if s.send != nil {
		s.send(CommandMsg{Command: c})
	}
}
