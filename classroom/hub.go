package classroom

import (
	"aula/classroom/safetext"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"aula/classroom/share"
	"aula/store"
)

// Hub is the classroom server: it lets laptops join with the session code,
// stores what they push (exactly once), keeps their presence in memory and
// hands the trainer's commands out by long-poll. It is safe for concurrent
// use. Trainer mode uses it in-process as the dashboard's Source.
type Hub struct {
	st       *store.Store
	code     string
	id       string // hub id + start time: kiosks notice a restart by it
	now      func() time.Time
	wait     time.Duration // longest long-poll
	mode     string        // how kiosks check this hub: TLSSelf, TLSCA, TLSProxy, TLSPlain
	fp       string        // the fingerprint of the certificate it serves (TLSSelf, TLSCA)
	lessons  func(id string) bool
	names    bool // HubOptions.Names
	gate     *gate
	mu       sync.Mutex
	pres     map[string]presenceEntry // by device id
	cmds     []Command
	seq      uint64
	pause    *Command
	news     chan struct{} // closed and replaced when a command arrives
	announce string        // why the hub cannot be found on the network, if it cannot
	swept    time.Time     // when departed laptops' presence was last forgotten
	pub      publishState  // the lessons folder the trainer publishes (publish.go)
	share    *share.Relay  // help at a distance (share.go)
	verify   http.Handler  // HubOptions.Verify
}

type presenceEntry struct {
	p  Presence
	at time.Time // when it arrived, by the hub's clock
}

// How a hub is reached (HubOptions.TLS).
const (
	TLSSelf  = "self"  // HTTPS with the hub's own certificate, pinned by the kiosks at join (the default)
	TLSCA    = "ca"    // HTTPS with a certificate from a public authority (--tls-cert)
	TLSProxy = "proxy" // plain HTTP behind a reverse proxy that serves HTTPS with a public certificate
	TLSPlain = "plain" // plain HTTP on the network (--plain-http): anyone on it can read and change the class
)

// HubOptions change a hub's behaviour; the zero value is fine for tests
// (a self-certified hub whose fingerprint is Fingerprint).
type HubOptions struct {
	Code        string           // session code; "" makes a random one of CodeDigits digits
	Now         func() time.Time // nil means time.Now
	Wait        time.Duration    // longest long-poll; 0 means 25 seconds
	TLS         string           // TLSSelf ("" too), TLSCA, TLSProxy, TLSPlain
	Fingerprint string           // of the certificate served (TLSSelf, TLSCA)
	Approve     bool             // every new laptop waits for the trainer to let it in
	// Names: the centre sends to the region the names of the learners who
	// say yes (aula hub --xapi-names); kiosks ask their learners.
	Names bool
	// Lesson says whether a lesson id exists, for the go-to-lesson
	// command; nil accepts any well-formed id.
	Lesson func(id string) bool
	// Verify checks a certificate's code for the trainer at PathVerify
	// (certificate.Handler); nil: the hub has no such route.
	Verify http.Handler
}

// NewHub makes a hub over st (the hub's own data file).
func NewHub(st *store.Store, opt HubOptions) (*Hub, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Wait <= 0 {
		opt.Wait = 25 * time.Second
	}
	if opt.TLS == "" {
		opt.TLS = TLSSelf
	}
	switch opt.TLS {
	case TLSSelf, TLSCA:
		if opt.Fingerprint == "" {
			return nil, errors.New("the hub needs the fingerprint of its certificate")
		}
	case TLSProxy, TLSPlain:
	default:
		return nil, fmt.Errorf("unknown TLS mode %q", opt.TLS)
	}
	if opt.Code == "" {
		opt.Code = NewCode()
	}
	hid, err := st.HubID()
	if err != nil {
		return nil, err
	}
	return &Hub{
		st: st, code: opt.Code, now: opt.Now, wait: opt.Wait, mode: opt.TLS, fp: opt.Fingerprint, lessons: opt.Lesson, names: opt.Names, verify: opt.Verify,
		id:    hid + "-" + strconv.FormatInt(opt.Now().UnixNano(), 36),
		gate:  newGate(opt.Now(), opt.Approve),
		pres:  map[string]presenceEntry{},
		news:  make(chan struct{}),
		share: share.NewRelay(opt.Now, func(s string) string { return safetext.Line(s, share.MaxLine) }),
	}, nil
}

// NewCode is a random session code of CodeDigits digits.
func NewCode() string {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("%06d", n.Int64())
}

// SpacedCode is a code as people read it aloud: "482 913".
func SpacedCode(code string) string {
	if len(code) == CodeDigits {
		return code[:3] + " " + code[3:]
	}
	return code
}

// NormalizeCode keeps the digits of what a learner typed ("482 913",
// "482-913").
func NormalizeCode(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SetAnnounceError tells the dashboard why the hub cannot be found on the
// network ("" when it can).
func (h *Hub) SetAnnounceError(msg string) {
	h.mu.Lock()
	h.announce = msg
	h.mu.Unlock()
}

// Fingerprint is the short fingerprint of the hub's certificate, "" for
// a hub without its own.
func (h *Hub) Fingerprint() string {
	if h.mode != TLSSelf {
		return ""
	}
	return ShortFingerprint(h.fp)
}

// Plain reports whether the hub talks plain HTTP on the network.
func (h *Hub) Plain() bool { return h.mode == TLSPlain }

// Code is the session code learners type to join.
func (h *Hub) Code() string { return h.code }

// Store is the hub's data file.
func (h *Hub) Store() *store.Store { return h.st }

// Restored says what was done about a damaged data file when the hub's
// store opened; nil when the file was sound.
func (h *Hub) Restored() *Restored { return restored(h.st) }

// Handler serves the hub's API.
func (h *Hub) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+PathJoin, h.join)
	mux.HandleFunc("POST "+PathJoinWait, h.joinWait)
	mux.HandleFunc("POST "+PathJoinDone, h.joinDone)
	mux.HandleFunc("POST "+PathPush, h.device(h.push))
	mux.HandleFunc("POST "+PathPresence, h.device(h.presence))
	mux.HandleFunc("GET "+PathCommands, h.device(h.poll))
	mux.HandleFunc("GET "+PathEvents, h.device(h.events)) // recover.go
	mux.HandleFunc("GET "+PathClass, h.trainer(h.class))
	mux.HandleFunc("GET "+PathLearner, h.trainer(h.learner))
	mux.HandleFunc("POST "+PathCommand, h.trainer(h.command))
	mux.HandleFunc("GET "+PathLessons, h.device(h.lessonsGet)) // publish.go
	h.shareRoutes(mux)                                         // share.go
	mux.HandleFunc("POST "+PathErase, h.device(h.erase))       // rights.go
	if h.verify != nil {
		mux.HandleFunc("POST "+PathVerify, h.trainer(h.verify.ServeHTTP))
	}
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

func (h *Hub) push(w http.ResponseWriter, r *http.Request, dev string) {
	var req PushRequest
	if err := decodeJSON(r.Body, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := checkPush(req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var refused []Refusal
	now, good := h.now(), req.Events[:0:0]
	for _, e := range req.Events {
		if r := checkEvent(e, now); r != nil {
			refused = append(refused, *r)
			continue
		}
		good = append(good, e)
	}
	if len(refused) > 0 {
		// Learners come with their events: none is kept for refused ones.
		named := map[uint64]bool{}
		for _, e := range good {
			named[e.Learner] = true
		}
		req.Learners = slices.DeleteFunc(req.Learners, func(l store.RemoteLearner) bool { return !named[l.ID] })
	}
	req.Events = good
	if err := h.roomFor(dev, req.Learners); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	req.Learners = cleanLearners(req.Learners)
	res, err := h.st.Ingest(dev, req.Learners, req.Events)
	if errors.Is(err, store.ErrBadEvent) {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the hub could not store the events: "+err.Error())
		return
	}
	resp := PushResponse{Stored: res.Stored, Duplicates: res.Duplicates, Confirmed: res.Confirmed, Refused: refused, Erased: res.Erased}
	for _, id := range res.Collisions {
		resp.Refused = append(resp.Refused, Refusal{ID: id, Reason: ReasonCollision})
	}
	writeJSON(w, http.StatusOK, resp)
}

// roomFor refuses learners a laptop adds beyond MaxLearners.
func (h *Hub) roomFor(dev string, ls []store.RemoteLearner) error {
	added := 0
	for _, l := range ls {
		if _, err := h.st.HubLearner(dev, l.ID); errors.Is(err, store.ErrNotFound) {
			added++
		}
	}
	if added == 0 {
		return nil
	}
	n, err := h.st.RemoteLearnerCount(dev)
	if err != nil {
		return err
	}
	if n+added > MaxLearners {
		return fmt.Errorf("a laptop can have at most %d learners in the class", MaxLearners)
	}
	return nil
}

func (h *Hub) presence(w http.ResponseWriter, r *http.Request, dev string) {
	var p Presence
	if err := decodeJSON(r.Body, &p); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := checkPresence(p); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	p = cleanPresence(p)
	if p.Learner != 0 {
		if _, err := h.st.HubLearner(dev, p.Learner); errors.Is(err, store.ErrNotFound) {
			// Signed in, nothing pushed yet: the trainer still sees them.
			ls := []store.RemoteLearner{{ID: p.Learner, Name: p.Name}}
			if err := h.roomFor(dev, ls); err != nil {
				writeError(w, http.StatusBadRequest, err.Error())
				return
			}
			if p.Name == "" {
				writeError(w, http.StatusBadRequest, "a learner the hub does not know needs a name")
				return
			}
			if _, err := h.st.Ingest(dev, ls, nil); err != nil {
				writeError(w, http.StatusBadRequest, err.Error())
				return
			}
		}
	}
	now := h.now()
	h.mu.Lock()
	h.pres[dev] = presenceEntry{p: p, at: now}
	h.forgetDeparted(now)
	h.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// presenceKept is how long the hub remembers a laptop that stopped
// reporting: long enough for the dashboard to show it offline, no more.
const presenceKept = time.Hour

// forgetDeparted drops the presence of laptops gone for presenceKept;
// called with h.mu held, at most once a minute.
func (h *Hub) forgetDeparted(now time.Time) {
	if now.Sub(h.swept) < time.Minute {
		return
	}
	h.swept = now
	for dev, e := range h.pres {
		if now.Sub(e.at) > presenceKept {
			delete(h.pres, dev)
		}
	}
}

// poll answers with the commands for dev after ?after=N, waiting up to the
// long-poll time for one. Without after it answers at once with where the
// log is, so a new kiosk does not replay old messages.
func (h *Hub) poll(w http.ResponseWriter, r *http.Request, dev string) {
	q := r.URL.Query().Get("after")
	if q == "" {
		h.mu.Lock()
		resp := PollResponse{Hub: h.id, Commands: []Command{}, Pause: h.pause, Last: h.seq, Names: h.names}
		h.mu.Unlock()
		resp.Lessons = h.lessonsVersion()
		h.rights(&resp, dev)
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
		resp := PollResponse{Hub: h.id, Commands: out, Pause: h.pause, Last: h.seq, Names: h.names}
		news := h.news
		h.mu.Unlock()
		resp.Lessons = h.lessonsVersion()
		h.rights(&resp, dev)
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
	if err := h.checkCommand(&c); err != nil {
		return c, err
	}
	switch c.Kind {
	case CmdAdmit, CmdRefuse:
		h.gate.mu.Lock()
		defer h.gate.mu.Unlock()
		return c, h.gate.decide(c.To, c.Kind == CmdAdmit, h.now())
	case CmdForget:
		return c, h.Forget(c.To)
	case CmdErase: // rights.go: the hub's copy now, the kiosk's when it hears
		if err := eraseOn(h.st, c.To); err != nil {
			return c, err
		}
	case CmdRename:
		if err := renameOn(h.st, c); err != nil {
			return c, err
		}
	case CmdMerge:
		if err := mergeOn(h.st, c); err != nil {
			return c, err
		}
	}
	return h.log(c), nil
}

// log appends a checked command to the log and wakes the long-polls.
func (h *Hub) log(c Command) Command {
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
	return c
}

// checkCommand says what is wrong with a command and cleans its text.
func (h *Hub) checkCommand(c *Command) error {
	switch {
	case !c.Kind.valid():
		return fmt.Errorf("unknown command %q", safetext.Text(string(c.Kind), 40))
	case c.Seq != 0:
		return errors.New("the hub numbers commands itself: leave seq out")
	case len(c.Text) > MaxMessage:
		return fmt.Errorf("the message is longer than %d characters", MaxMessage)
	case len(c.To) > 64:
		return errors.New("the command is for nobody the hub knows")
	}
	c.Text = safetext.Text(c.Text, MaxMessage)
	switch {
	case c.Kind == CmdMessage && c.Text == "":
		return errors.New("the message is empty")
	case c.Kind == CmdGoLesson && c.Lesson == "":
		return errors.New("which lesson? the lesson id is missing")
	case c.Kind == CmdGoLesson && (checkID("lesson", c.Lesson) != nil || (h.lessons != nil && !h.lessons(c.Lesson))):
		return errors.New("there is no such lesson")
	case c.Kind != CmdGoLesson && c.Lesson != "":
		return errors.New("only go_lesson names a lesson")
	case c.Kind.forOne() && c.To == "":
		return errors.New("this command is for one learner or laptop: say which")
	}
	return nil
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
