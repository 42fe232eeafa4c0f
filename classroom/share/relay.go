package share

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// Timing of the relay.
const (
	MaxShares = 16               // shares the hub holds at once (asked or sharing)
	AskFor    = 2 * time.Minute  // an ask nobody answers is declined
	QuietFor  = 10 * time.Minute // a share whose kiosk sends nothing ends
	KeepEnded = time.Minute      // an ended share is remembered, for the dashboard to hear it
	// MinGap is the least time between two frames of one share at the hub;
	// the kiosk sends at most one every SendEvery.
	MinGap    = 20 * time.Millisecond
	SendEvery = 50 * time.Millisecond
)

// Relay holds the hub's shares: who asked whom, whether the learner
// allowed it, and the newest frame. Frames live in memory only. It is safe
// for concurrent use.
type Relay struct {
	now    func() time.Time
	clean  func(string) string
	mu     sync.Mutex
	shares map[string]*entry
}

type entry struct {
	id      string
	device  string
	learner uint64
	state   State
	at      time.Time // the last news: ask, answer or frame
	last    time.Time // the last frame
	scr     Screen
	news    chan struct{} // closed and replaced at every change
}

// NewRelay makes an empty relay; clean is the sanitiser every row must
// already pass (see Check).
func NewRelay(now func() time.Time, clean func(string) string) *Relay {
	return &Relay{now: now, clean: clean, shares: map[string]*entry{}}
}

// Ask opens a share of learner's screen on device, waiting for the
// learner's answer, and returns its id.
func (r *Relay) Ask(device string, learner uint64) (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep()
	open := 0
	for _, e := range r.shares {
		if e.state == Asked || e.state == Sharing {
			open++
		}
	}
	if open >= MaxShares {
		return "", ErrTooMany
	}
	id := hex.EncodeToString(b[:])
	r.shares[id] = &entry{id: id, device: device, learner: learner, state: Asked, at: r.now(), news: make(chan struct{})}
	return id, nil
}

// Target is the laptop and learner of share id.
func (r *Relay) Target(id string) (device string, learner uint64, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.shares[id]
	if !ok {
		return "", 0, ErrNoShare
	}
	return e.device, e.learner, nil
}

// mine is share id when device may act on it; call with r.mu held.
func (r *Relay) mine(device, id string) (*entry, error) {
	r.sweep()
	e, ok := r.shares[id]
	switch {
	case !ok:
		return nil, ErrNoShare
	case e.device != device:
		return nil, ErrNotYours
	}
	return e, nil
}

// Answer is the learner's answer from device: allow starts an asked share;
// no declines it, or ends it while it is shared. The frame is forgotten at
// once.
func (r *Relay) Answer(device, id string, allow bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, err := r.mine(device, id)
	if err != nil {
		return err
	}
	switch {
	case allow && e.state == Asked:
		e.set(Sharing, r.now())
	case allow:
		return ErrNotAsked
	case e.state == Asked:
		e.set(Declined, r.now())
	case e.state == Sharing:
		e.set(Ended, r.now())
	}
	return nil
}

// End ends share id from the trainer's side.
func (r *Relay) End(id string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.shares[id]
	if !ok {
		return ErrNoShare
	}
	if e.state == Asked || e.state == Sharing {
		e.set(Ended, r.now())
	}
	return nil
}

// set moves the share to st and wakes its watchers; a share that is over
// holds no frame.
func (e *entry) set(st State, now time.Time) {
	e.state, e.at = st, now
	if st == Declined || st == Ended {
		e.scr = Screen{Seq: e.scr.Seq}
	}
	e.wake()
}

func (e *entry) wake() {
	close(e.news)
	e.news = make(chan struct{})
}

// Put takes a frame from device. Only a share the learner allowed takes
// frames; a frame no newer than the one held is refused, and so is one
// that builds on a frame the hub does not hold.
func (r *Relay) Put(device string, f Frame) error {
	if err := Check(f, r.clean); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	e, err := r.mine(device, f.Share)
	if err != nil {
		return err
	}
	now := r.now()
	switch {
	case e.state != Sharing:
		return ErrNotAsked
	case f.Seq <= e.scr.Seq:
		return &BadFrameError{Why: "seq must grow"}
	case f.Base != 0 && (f.Base != e.scr.Seq || f.Width != e.scr.Width || f.Height != e.scr.Height):
		return ErrBase
	case !e.last.IsZero() && now.Sub(e.last) < MinGap:
		return ErrTooFast
	}
	e.scr.take(f)
	e.at, e.last = now, now
	e.wake()
	return nil
}

// Watch answers the dashboard that has frame after of share id: at once
// when there is news, else when news comes or wait is over.
func (r *Relay) Watch(ctx context.Context, id string, after uint64, wait time.Duration) (Update, error) {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	for {
		r.mu.Lock()
		r.sweep()
		e, ok := r.shares[id]
		if !ok {
			r.mu.Unlock()
			return Update{}, ErrNoShare
		}
		u := e.scr.since(after)
		u.Share, u.State = id, e.state
		news := e.news
		r.mu.Unlock()
		if u.Seq != after || u.State != Sharing && u.State != Asked {
			return u, nil
		}
		select {
		case <-news:
		case <-ctx.Done():
			return u, nil
		}
	}
}

// sweep declines asks nobody answered, ends quiet shares and forgets
// those over for a while; call with r.mu held.
func (r *Relay) sweep() {
	now := r.now()
	for id, e := range r.shares {
		switch {
		case e.state == Asked && now.Sub(e.at) > AskFor:
			e.set(Declined, now)
		case e.state == Sharing && now.Sub(e.at) > QuietFor:
			e.set(Ended, now)
		case (e.state == Declined || e.state == Ended) && now.Sub(e.at) > KeepEnded:
			delete(r.shares, id)
		}
	}
}

// Held is everything the relay holds now, as text, for tests that look
// for what must never reach the hub.
func (r *Relay) Held() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b []byte
	for _, e := range r.shares {
		b = append(b, e.scr.Text()...)
	}
	return string(b)
}
