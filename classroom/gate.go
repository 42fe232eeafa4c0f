package classroom

import (
	"aula/classroom/safetext"
	"crypto/hmac"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"time"
)

// The gate decides who joins. The numbers are the arithmetic of
// docs/security.md: keep them in step.
const (
	// CodeDigits is the length of the session code: 10^6 codes.
	CodeDigits = 6
	// guessBurst and guessEvery are the hub-wide budget of join attempts
	// that are judged: 30 at once, then one every 6 seconds (10 a
	// minute). Attempts with the right code give theirs back, so a class
	// joining at once costs nothing; only wrong codes spend it.
	guessBurst = 30
	guessEvery = 6 * time.Second
	// ipBurst and ipEvery are the same per address, so that one address
	// cannot spend everyone's budget.
	ipBurst = 5
	ipEvery = time.Minute
	// maxWaiting laptops wait for the trainer at most, ipWaiting of them
	// from one address; a waiting laptop that stops asking for waitGone
	// leaves the list.
	maxWaiting = 40
	ipWaiting  = 3
	waitGone   = 30 * time.Second
	// guessedFor is how long the dashboard says "the class is being
	// guessed at" after the budget ran out.
	guessedFor = 10 * time.Minute
	// handshakeTTL is how long a kiosk has to finish a join it started.
	handshakeTTL = 30 * time.Second
	maxHandshake = 2 * guessBurst
	// MaxDevices is the most laptops one hub knows.
	MaxDevices = 2000
)

// bucket is a token bucket on the hub's clock. Unlike rate.Limiter it gives
// tokens back, which the right code does.
type bucket struct {
	tokens float64
	last   time.Time
	every  time.Duration
	burst  float64
}

func newBucket(every time.Duration, burst int, now time.Time) *bucket {
	return &bucket{tokens: float64(burst), last: now, every: every, burst: float64(burst)}
}

func (b *bucket) fill(now time.Time) {
	if now.After(b.last) {
		b.tokens = min(b.burst, b.tokens+float64(now.Sub(b.last))/float64(b.every))
		b.last = now
	}
}

func (b *bucket) take(now time.Time) bool {
	b.fill(now)
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (b *bucket) give(now time.Time) {
	b.fill(now)
	b.tokens = min(b.burst, b.tokens+1)
}

// Waiting is a laptop that asked to join and waits for the trainer.
type Waiting struct {
	ID       string        `json:"id"`       // what the dashboard admits or refuses by
	Laptop   string        `json:"laptop"`   // a number the hub chose, shown on the laptop's screen too
	Name     string        `json:"name"`     // what the laptop says it is (cleaned; anyone can say anything)
	Replaces bool          `json:"replaces"` // the laptop's id is already in the class
	Since    time.Duration `json:"since"`
}

// waiter is a laptop on the waiting list, as the hub keeps it.
type waiter struct {
	Waiting
	ticket   []byte // the kiosk's secret to ask about it
	req      JoinRequest
	ip       string
	asked    time.Time // the kiosk's last question
	since    time.Time
	decided  int // 0 waiting, 1 admitted, -1 refused
	decideAt time.Time
}

// handshake is a join the hub answered and the kiosk must finish.
type handshake struct {
	device, ip string
	hubConfirm []byte
	kioskProof []byte
	charged    bool // took a guess from the budget: the right code gives it back
	replace    bool // may replace a laptop with the same id (its own token, or the trainer said so)
	at         time.Time
}

// gate is the join state of a hub: budgets, the waiting list and
// handshakes in progress.
type gate struct {
	mu        sync.Mutex
	budget    *bucket
	perIP     map[string]*bucket
	waiting   []*waiter
	hands     map[string]*handshake
	guessedAt time.Time
	wrong     int  // wrong codes since the start
	approve   bool // every new laptop waits for the trainer
}

func newGate(now time.Time, approve bool) *gate {
	return &gate{budget: newBucket(guessEvery, guessBurst, now), perIP: map[string]*bucket{}, hands: map[string]*handshake{}, approve: approve}
}

func (g *gate) ip(addr string, now time.Time) *bucket {
	b, ok := g.perIP[addr]
	if !ok {
		if len(g.perIP) >= 10000 {
			// Forget full buckets: they are as new ones.
			for k, v := range g.perIP {
				if v.fill(now); v.tokens >= v.burst {
					delete(g.perIP, k)
				}
			}
			if len(g.perIP) >= 10000 {
				g.perIP = map[string]*bucket{} // a flood of addresses: the hub-wide budget still holds
			}
		}
		b = newBucket(ipEvery, ipBurst, now)
		g.perIP[addr] = b
	}
	return b
}

// sweep drops waiters that stopped asking and handshakes never finished.
func (g *gate) sweep(now time.Time) {
	g.waiting = slices.DeleteFunc(g.waiting, func(w *waiter) bool {
		return now.Sub(w.asked) > waitGone || (w.decided != 0 && now.Sub(w.decideAt) > waitGone)
	})
	for id, hs := range g.hands {
		if now.Sub(hs.at) > handshakeTTL {
			delete(g.hands, id)
		}
	}
}

// Guessed says whether the class is being guessed at: the budget ran out
// lately.
func (g *gate) guessed(now time.Time) bool {
	return !g.guessedAt.IsZero() && now.Sub(g.guessedAt) < guessedFor
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// enqueue puts a laptop on the waiting list and returns its ticket, or
// "" when the list (or this address's share of it) is full.
func (g *gate) enqueue(req JoinRequest, ip string, replaces bool, now time.Time) (ticket string, laptop string) {
	g.sweep(now)
	n := 0
	for _, w := range g.waiting {
		if w.ip == ip {
			n++
		}
	}
	if n >= ipWaiting || len(g.waiting) >= maxWaiting {
		return "", ""
	}
	laptop = g.laptopNumber()
	t := randomHex(16)
	g.waiting = append(g.waiting, &waiter{
		Waiting: Waiting{ID: randomHex(6), Laptop: laptop, Name: safetext.Text(req.Name, MaxName), Replaces: replaces},
		ticket:  hashTicket(t), req: req, ip: ip, asked: now, since: now,
	})
	return t, laptop
}

// laptopNumber is a 3-digit number no other waiting laptop has: the
// trainer asks "who is 472?" and the learner reads it off the screen.
func (g *gate) laptopNumber() string {
	for {
		n, _ := rand.Int(rand.Reader, big.NewInt(900))
		s := fmt.Sprintf("%03d", n.Int64()+100)
		if !slices.ContainsFunc(g.waiting, func(w *waiter) bool { return w.Laptop == s }) {
			return s
		}
	}
}

func hashTicket(t string) []byte {
	b, err := hex.DecodeString(t)
	if err != nil {
		return nil
	}
	return confirm(b, "ticket")
}

// byTicket finds the waiter of a kiosk's ticket.
func (g *gate) byTicket(t string) *waiter {
	h := hashTicket(t)
	if h == nil {
		return nil
	}
	for _, w := range g.waiting {
		if hmac.Equal(w.ticket, h) {
			return w
		}
	}
	return nil
}

// list is the waiting list for the dashboard, oldest first.
func (g *gate) list(now time.Time) []Waiting {
	g.sweep(now)
	var out []Waiting
	for _, w := range g.waiting {
		if w.decided == 0 {
			x := w.Waiting
			x.Since = now.Sub(w.since).Round(time.Second)
			out = append(out, x)
		}
	}
	return out
}

// decide admits or refuses a waiting laptop by its ID.
func (g *gate) decide(id string, admit bool, now time.Time) error {
	for _, w := range g.waiting {
		if w.ID == id && w.decided == 0 {
			w.decided, w.decideAt = -1, now
			if admit {
				w.decided = 1
			}
			return nil
		}
	}
	return fmt.Errorf("no laptop %q is waiting to join", id)
}

func (g *gate) remove(w *waiter) {
	g.waiting = slices.DeleteFunc(g.waiting, func(x *waiter) bool { return x == w })
}
