package share

import "sync"

// Outbox is what a kiosk has to send: the learner's answers, in order,
// and the newest frame of the share they allowed. The screen writes it;
// one loop reads it. It is safe for concurrent use.
type Outbox struct {
	mu      sync.Mutex
	id      string // the share the learner allowed; "" when none
	answers []Answer
	text    string // the newest frame not yet sent
	width   int
	has     bool
}

// maxAnswers bounds the answers waiting (a learner pressing allow and
// stop over and over while the hub is away).
const maxAnswers = 8

// Pending is what the loop takes from the outbox at once.
type Pending struct {
	Answers []Answer
	Share   string // the share frames are for; "" when none
	Text    string // the newest frame, when Has
	Width   int
	Has     bool
}

// Answer queues the learner's answer to share id: allow starts it; no
// declines it or stops it, and drops any frame of it not yet sent.
func (o *Outbox) Answer(id string, allow bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	switch {
	case allow:
		o.id, o.has, o.text = id, false, ""
	case o.id == id:
		o.id, o.has, o.text = "", false, ""
	}
	if len(o.answers) < maxAnswers {
		o.answers = append(o.answers, Answer{Share: id, Allow: allow})
	}
}

// Frame keeps screen as the newest frame of share id, and says false
// (keeping nothing) when id is not the share the learner allowed.
func (o *Outbox) Frame(id, screen string, width int) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if id == "" || id != o.id {
		return false
	}
	o.text, o.width, o.has = screen, width, true
	return true
}

// Take empties the outbox.
func (o *Outbox) Take() Pending {
	o.mu.Lock()
	defer o.mu.Unlock()
	p := Pending{Answers: o.answers, Share: o.id, Text: o.text, Width: o.width, Has: o.has}
	o.answers, o.has, o.text = nil, false, ""
	return p
}

// Again puts back a frame that was not sent, unless a newer one came or
// the share is over.
func (o *Outbox) Again(p Pending) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.has && o.id == p.Share && p.Share != "" {
		o.text, o.width, o.has = p.Text, p.Width, true
	}
}

// End forgets share id: nothing more of it is sent.
func (o *Outbox) End(id string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.id == id {
		o.id, o.has, o.text = "", false, ""
	}
}
