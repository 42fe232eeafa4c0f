package classroom

import (
	"crypto/hmac"
	"errors"
	"net/http"
	"time"

	"github.com/gtank/ristretto255"

	"aula/store"
)

// The hub's side of joining. Every attempt is counted before anything is
// judged, whatever the connection does (the body has arrived whole when
// the count is taken, under one lock). An attempt the budget cannot pay
// for is not refused: the laptop goes on the waiting list for the trainer,
// so wrong guesses from others never keep the right code out.

// checkJoin says what is wrong with a join request, "" when nothing.
func (h *Hub) checkJoin(req JoinRequest) string {
	switch {
	case !validDevice(req.Device):
		return "the device id must have 16 hex characters"
	case len(req.Nonce) != nonceLen:
		return "the nonce must have 16 bytes"
	case len(req.Share) != shareLen || ristretto255.NewElement().Decode(req.Share) != nil:
		return "the share is not a valid point"
	case len(req.Name) > MaxName:
		return "the laptop's name is too long"
	case len(req.Token) > 128:
		return "the token is too long"
	}
	ok := false
	switch req.Mode {
	case ModePinned:
		ok = h.mode == TLSSelf || h.mode == TLSCA
	case ModeCA:
		ok = h.mode == TLSCA || h.mode == TLSProxy
	case ModePlain:
		ok = h.mode == TLSPlain
	}
	if !ok {
		return "this hub is not reached that way (" + req.Mode + "): check the address, http or https"
	}
	return ""
}

func validDevice(id string) bool {
	if len(id) != 16 {
		return false
	}
	for i := range len(id) {
		c := id[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func (h *Hub) join(w http.ResponseWriter, r *http.Request) {
	var req JoinRequest
	if err := decodeJSON(r.Body, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if msg := h.checkJoin(req); msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	known, err := h.st.HasDevice(req.Device)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the hub could not read its laptops: "+err.Error())
		return
	}
	own := known && req.Token != "" && h.st.CheckDevice(req.Device, req.Token) == nil
	if !known {
		if n, err := h.st.DeviceCount(); err != nil || n >= MaxDevices {
			writeError(w, http.StatusConflict, "the class has as many laptops as it can take: the trainer can forget some")
			return
		}
	}
	ip, now := clientIP(r), h.now()
	g := h.gate
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sweep(now)
	// A laptop id the class knows is replaced only with its own token or
	// by the trainer; with approval on, every new laptop waits.
	wait := (known && !own) || g.approve
	if !wait {
		ipb := g.ip(ip, now)
		switch {
		case !ipb.take(now):
			g.guessedAt, wait = now, true
		case !g.budget.take(now):
			ipb.give(now)
			g.guessedAt, wait = now, true
		}
	}
	if wait {
		ticket, laptop := g.enqueue(req, ip, known, now)
		if ticket == "" {
			writeError(w, http.StatusTooManyRequests, "too many laptops are waiting to join: ask the trainer")
			return
		}
		writeJSON(w, http.StatusAccepted, JoinResponse{Ticket: ticket, Laptop: laptop})
		return
	}
	writeJSON(w, http.StatusOK, h.answer(req, ip, true, own, now))
}

// answer runs the hub's half of the exchange and keeps the handshake.
// Called with g.mu held; req is valid.
func (h *Hub) answer(req JoinRequest, ip string, charged, replace bool, now time.Time) JoinResponse {
	fp := ""
	if req.Mode == ModePinned {
		fp = h.fp
	}
	gen := pakeGenerator(h.code, pakeCI(req.Mode, fp, req.Device), req.Nonce)
	y, share := pakeShare(gen)
	isk, err := pakeKey(y, req.Share, req.Nonce, req.Share, share)
	if err != nil {
		// An identity point: no key. The hub answers as for a wrong
		// code, with a confirmation that proves nothing.
		isk = []byte(randomHex(32))
	}
	id := randomHex(16)
	g := h.gate
	if charged {
		// Counted as a wrong code until the kiosk proves otherwise: a
		// guesser learns from the hub's proof and never comes back.
		g.wrong++
	}
	if len(g.hands) >= maxHandshake {
		for k := range g.hands { // the budget bounds them; this is a backstop
			delete(g.hands, k)
			break
		}
	}
	g.hands[id] = &handshake{device: req.Device, ip: ip, hubConfirm: confirm(isk, "hub"), kioskProof: confirm(isk, "kiosk"),
		charged: charged, replace: replace, at: now}
	return JoinResponse{Share: share, Confirm: confirm(isk, "hub"), Handshake: id}
}

func (h *Hub) joinDone(w http.ResponseWriter, r *http.Request) {
	var req JoinFinish
	if err := decodeJSON(r.Body, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	now := h.now()
	g := h.gate
	g.mu.Lock()
	hs, ok := g.hands[req.Handshake]
	if ok {
		delete(g.hands, req.Handshake) // one try per handshake
	}
	right := ok && now.Sub(hs.at) <= handshakeTTL && hmac.Equal(hs.kioskProof, req.Confirm)
	switch {
	case !ok:
	case !right && !hs.charged:
		g.wrong++ // a charged one was counted when it was judged
	case right && hs.charged:
		g.wrong--
		g.budget.give(now)
		g.ip(hs.ip, now).give(now)
	}
	g.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "this join is unknown or too old: start again")
		return
	}
	if !right {
		writeError(w, http.StatusForbidden, "wrong session code")
		return
	}
	if !hs.replace {
		if known, err := h.st.HasDevice(hs.device); err != nil || known {
			writeError(w, http.StatusConflict, "another laptop with this id joined meanwhile: join again")
			return
		}
	}
	tok, err := h.st.AddDevice(hs.device)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the hub could not save the laptop: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, Joined{Token: tok, Hub: h.id})
}

func (h *Hub) joinWait(w http.ResponseWriter, r *http.Request) {
	var req JoinWait
	if err := decodeJSON(r.Body, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	now := h.now()
	g := h.gate
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sweep(now)
	wt := g.byTicket(req.Ticket)
	switch {
	case wt == nil:
		writeError(w, http.StatusNotFound, "this laptop is not waiting to join any more: join again")
	case wt.decided == 0:
		wt.asked = now
		writeJSON(w, http.StatusAccepted, JoinResponse{Ticket: req.Ticket, Laptop: wt.Laptop})
	case wt.decided < 0:
		g.remove(wt)
		writeError(w, http.StatusForbidden, errRefusedText)
	default:
		g.remove(wt)
		// Let in by the trainer: the code is still proved, but the budget
		// is not spent (the trainer chose this laptop).
		writeJSON(w, http.StatusOK, h.answer(wt.req, wt.ip, false, true, now))
	}
}

const errRefusedText = "the trainer did not let this laptop in"

// Waiting lists the laptops that wait for the trainer.
func (h *Hub) Waiting() []Waiting {
	h.gate.mu.Lock()
	defer h.gate.mu.Unlock()
	return h.gate.list(h.now())
}

// Guessed reports whether someone has been guessing the session code
// lately (the budget of guesses ran out), and how many wrong codes came.
func (h *Hub) Guessed() (bool, int) {
	h.gate.mu.Lock()
	defer h.gate.mu.Unlock()
	return h.gate.guessed(h.now()), h.gate.wrong
}

// Forget revokes a laptop: its token stops working and its presence goes.
func (h *Hub) Forget(device string) error {
	if err := h.st.ForgetDevice(device); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errors.New("the class does not know that laptop")
		}
		return err
	}
	h.mu.Lock()
	delete(h.pres, device)
	h.mu.Unlock()
	return nil
}
