package classroom

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"aula/store"
)

// Hub is the classroom server: it lets laptops join with the session code,
// stores what they push (exactly once), keeps their presence in memory and
// hands the trainer's commands out by long-poll. It is safe for concurrent
// use. Trainer mode uses it in-process as the dashboard's Source.
type Hub struct {
	st    *store.Store
	code  string
	id    string // hub id + start time: kiosks notice a restart by it
	now   func() time.Time
	wait  time.Duration // longest long-poll
	lim   *joinLimiter
	mu    sync.Mutex
	pres  map[string]presenceEntry // by device id
	cmds  []Command
	seq   uint64
	pause *Command
	news  chan struct{} // closed and replaced when a command arrives
}

type presenceEntry struct {
	p  Presence
	at time.Time // when it arrived, by the hub's clock
}

// HubOptions change a hub's behaviour; the zero value is fine.
type HubOptions struct {
	Code string           // session code; "" makes a random 4-digit one
	Now  func() time.Time // nil means time.Now
	Wait time.Duration    // longest long-poll; 0 means 25 seconds
}

// NewHub makes a hub over st (the hub's own data file).
func NewHub(st *store.Store, opt HubOptions) (*Hub, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Wait <= 0 {
		opt.Wait = 25 * time.Second
	}
	if opt.Code == "" {
		n, err := rand.Int(rand.Reader, big.NewInt(10000))
		if err != nil {
			return nil, err
		}
		opt.Code = fmt.Sprintf("%04d", n.Int64())
	}
	hid, err := st.HubID()
	if err != nil {
		return nil, err
	}
	return &Hub{
		st: st, code: opt.Code, now: opt.Now, wait: opt.Wait,
		id:   hid + "-" + strconv.FormatInt(opt.Now().UnixNano(), 36),
		lim:  newJoinLimiter(),
		pres: map[string]presenceEntry{},
		news: make(chan struct{}),
	}, nil
}

// Code is the session code learners type to join.
func (h *Hub) Code() string { return h.code }

// Store is the hub's data file.
func (h *Hub) Store() *store.Store { return h.st }

// Handler serves the hub's API.
func (h *Hub) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+PathJoin, h.join)
	mux.HandleFunc("POST "+PathPush, h.device(h.push))
	mux.HandleFunc("POST "+PathPresence, h.device(h.presence))
	mux.HandleFunc("GET "+PathCommands, h.device(h.poll))
	mux.HandleFunc("GET "+PathEvents, h.device(h.events)) // recover.go
	mux.HandleFunc("GET "+PathClass, h.trainer(h.class))
	mux.HandleFunc("GET "+PathLearner, h.trainer(h.learner))
	mux.HandleFunc("POST "+PathCommand, h.trainer(h.command))
	return http.MaxBytesHandler(mux, MaxBody)
}

func bearer(r *http.Request) string {
	a := r.Header.Get("Authorization")
	if t, ok := strings.CutPrefix(a, "Bearer "); ok {
		return t
	}
	return ""
}

// device wraps a handler that needs a device token.
func (h *Hub) device(next func(w http.ResponseWriter, r *http.Request, dev string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		dev := r.Header.Get(HeaderDevice)
		if err := h.st.CheckDevice(dev, bearer(r)); err != nil {
			writeError(w, http.StatusUnauthorized, "this laptop has not joined the class, or its token is wrong: join again with the session code")
			return
		}
		next(w, r, dev)
	}
}

// trainer wraps a handler that needs the trainer key.
func (h *Hub) trainer(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !h.st.CheckTrainerKey(bearer(r)) {
			writeError(w, http.StatusUnauthorized, "the trainer key is missing or wrong")
			return
		}
		next(w, r)
	}
}

func (h *Hub) join(w http.ResponseWriter, r *http.Request) {
	ip := clientIP(r)
	if !h.lim.allowed(ip) {
		writeError(w, http.StatusTooManyRequests, "too many wrong session codes: wait a minute and try again")
		return
	}
	var req JoinRequest
	if err := decodeJSON(r.Body, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(req.Code)), []byte(h.code)) != 1 {
		h.lim.failed(ip)
		writeError(w, http.StatusForbidden, "wrong session code")
		return
	}
	tok, err := h.st.AddDevice(req.Device)
	if errors.Is(err, store.ErrBadEvent) {
		writeError(w, http.StatusBadRequest, "the device id must have 16 hex characters")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the hub could not save the laptop: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, JoinResponse{Token: tok, Hub: h.id})
}

func (h *Hub) push(w http.ResponseWriter, r *http.Request, dev string) {
	var req PushRequest
	if err := decodeJSON(r.Body, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if len(req.Events) > MaxBatch {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("at most %d events per push", MaxBatch))
		return
	}
	res, err := h.st.Ingest(dev, req.Learners, req.Events)
	if errors.Is(err, store.ErrBadEvent) {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the hub could not store the events: "+err.Error())
		return
	}
	resp := PushResponse{Stored: res.Stored, Duplicates: res.Duplicates, Confirmed: res.Confirmed}
	for _, id := range res.Collisions {
		resp.Refused = append(resp.Refused, Refusal{ID: id, Reason: ReasonCollision})
	}
	writeJSON(w, http.StatusOK, resp)
}

func (h *Hub) presence(w http.ResponseWriter, r *http.Request, dev string) {
	var p Presence
	if err := decodeJSON(r.Body, &p); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if p.Learner != 0 {
		if _, err := h.st.HubLearner(dev, p.Learner); errors.Is(err, store.ErrNotFound) {
			// Signed in, nothing pushed yet: the trainer still sees them.
			if _, err := h.st.Ingest(dev, []store.RemoteLearner{{ID: p.Learner, Name: p.Name}}, nil); err != nil {
				writeError(w, http.StatusBadRequest, err.Error())
				return
			}
		}
	}
	h.mu.Lock()
	h.pres[dev] = presenceEntry{p: p, at: h.now()}
	h.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// poll answers with the commands for dev after ?after=N, waiting up to the
// long-poll time for one. Without after it answers at once with where the
// log is, so a new kiosk does not replay old messages.
func (h *Hub) poll(w http.ResponseWriter, r *http.Request, dev string) {
	q := r.URL.Query().Get("after")
	if q == "" {
		h.mu.Lock()
		resp := PollResponse{Hub: h.id, Commands: []Command{}, Pause: h.pause, Last: h.seq}
		h.mu.Unlock()
		writeJSON(w, http.StatusOK, resp)
		return
	}
	after, err := strconv.ParseUint(q, 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "after must be a number")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.wait)
	defer cancel()
	for {
		h.mu.Lock()
		var out []Command
		for _, c := range h.cmds {
			if c.Seq > after && (c.To == "" || strings.HasPrefix(c.To, dev+"/")) {
				out = append(out, c)
			}
		}
		resp := PollResponse{Hub: h.id, Commands: out, Pause: h.pause, Last: h.seq}
		news := h.news
		h.mu.Unlock()
		if len(out) > 0 || after > resp.Last {
			writeJSON(w, http.StatusOK, resp)
			return
		}
		select {
		case <-news:
		case <-ctx.Done():
			resp.Commands = []Command{}
			writeJSON(w, http.StatusOK, resp)
			return
		}
	}
}

func (h *Hub) class(w http.ResponseWriter, r *http.Request) {
	snap, err := h.Snapshot(r.Context())
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, snap)
}

func (h *Hub) learner(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(r.URL.Query().Get("id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "id must be a learner number")
		return
	}
	d, err := h.Detail(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no such learner")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (h *Hub) command(w http.ResponseWriter, r *http.Request) {
	var c Command
	if err := decodeJSON(r.Body, &c); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	c, err := h.add(c)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// Send gives a command to the kiosks (trainer mode, in-process).
func (h *Hub) Send(_ context.Context, c Command) error {
	_, err := h.add(c)
	return err
}

// add checks a command and appends it to the log, waking the long-polls.
func (h *Hub) add(c Command) (Command, error) {
	switch {
	case !c.Kind.valid():
		return c, fmt.Errorf("unknown command %q", c.Kind)
	case len(c.Text) > MaxMessage:
		return c, fmt.Errorf("the message is longer than %d characters", MaxMessage)
	case (c.Kind == CmdMessage) && strings.TrimSpace(c.Text) == "":
		return c, errors.New("the message is empty")
	case c.Kind == CmdGoLesson && c.Lesson == "":
		return c, errors.New("which lesson? the lesson id is missing")
	case (c.Kind == CmdAckHelp || c.Kind == CmdResetPIN) && c.To == "":
		return c, errors.New("this command is for one learner: say which")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seq++
	c.Seq = h.seq
	h.cmds = append(h.cmds, c)
	if len(h.cmds) > 1000 { // a long day: forget the oldest
		h.cmds = append([]Command(nil), h.cmds[len(h.cmds)-500:]...)
	}
	switch c.Kind {
	case CmdPause:
		h.pause = &c
	case CmdResume:
		h.pause = nil
	}
	close(h.news)
	h.news = make(chan struct{})
	return c, nil
}

// Live is true: a hub reaches the kiosks.
func (h *Hub) Live() bool { return true }

// clientIP is the request's remote address without the port.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// joinLimiter slows down guessing the session code: each address may get
// it wrong 5 times, then once every 10 seconds; all addresses together 30
// times a minute.
type joinLimiter struct {
	mu     sync.Mutex
	perIP  map[string]*rate.Limiter
	global *rate.Limiter
}

func newJoinLimiter() *joinLimiter {
	return &joinLimiter{perIP: map[string]*rate.Limiter{}, global: rate.NewLimiter(rate.Every(2*time.Second), 30)}
}

func (l *joinLimiter) get(ip string) *rate.Limiter {
	lim, ok := l.perIP[ip]
	if !ok {
		if len(l.perIP) > 10000 {
			l.perIP = map[string]*rate.Limiter{}
		}
		lim = rate.NewLimiter(rate.Every(10*time.Second), 5)
		l.perIP[ip] = lim
	}
	return lim
}

// allowed says whether ip may try a code now.
func (l *joinLimiter) allowed(ip string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.get(ip).Tokens() >= 1 && l.global.Tokens() >= 1
}

// failed counts a wrong code.
func (l *joinLimiter) failed(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.get(ip).Allow()
	l.global.Allow()
}
