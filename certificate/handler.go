package certificate

import (
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"time"
)

// The hub checks a code for the trainer (the dashboard, and aula
// certificate verify while the hub holds the data file) at
// classroom.PathVerify, behind the trainer key. Each request is counted
// before it is read or judged: a check reads every certificate the class
// recorded, so a hub answers checkBurst at once and then one every
// checkEvery, whoever asks.
const (
	// MaxCode is the longest code a check reads, in bytes: a code is
	// about 110 letters with its dashes; a pasted one may carry spaces.
	MaxCode    = 400
	checkBurst = 20
	checkEvery = 3 * time.Second
)

// CheckRequest is what the trainer sends: the code as typed or pasted.
type CheckRequest struct {
	Code string `json:"code"`
}

// Handler answers a CheckRequest with the Verdict of check (Check over
// the hub's data file). now is the clock of the count (nil: time.Now).
// Errors are {"error": "..."}, as the hub's others.
func Handler(check func(code string) (Verdict, error), now func() time.Time) http.Handler {
	if now == nil {
		now = time.Now
	}
	c := &counter{now: now, tokens: checkBurst, last: now()}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !c.take() {
			answer(w, http.StatusTooManyRequests, errorBody{"too many certificate checks: wait a few seconds"})
			return
		}
		var req CheckRequest
		body, err := io.ReadAll(io.LimitReader(r.Body, MaxCode+64))
		if err != nil || len(body) > MaxCode+32 || json.Unmarshal(body, &req) != nil {
			answer(w, http.StatusBadRequest, errorBody{"send {\"code\": \"...\"} with a code of at most 400 bytes"})
			return
		}
		if len(req.Code) > MaxCode {
			answer(w, http.StatusBadRequest, errorBody{"the code is too long: at most 400 bytes"})
			return
		}
		v, err := check(req.Code)
		if err != nil {
			answer(w, http.StatusInternalServerError, errorBody{"the hub could not read its data file"})
			return
		}
		answer(w, http.StatusOK, v)
	})
}

type errorBody struct {
	Error string `json:"error"`
}

func answer(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// counter is a token bucket: checkBurst at once, one more every checkEvery.
type counter struct {
	mu     sync.Mutex
	now    func() time.Time
	tokens float64
	last   time.Time
}

func (c *counter) take() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.now()
	if t.After(c.last) {
		c.tokens = min(checkBurst, c.tokens+float64(t.Sub(c.last))/float64(checkEvery))
		c.last = t
	}
	if c.tokens < 1 {
		return false
	}
	c.tokens--
	return true
}
