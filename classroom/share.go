package classroom

import (
	"aula/classroom/safetext"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"aula/classroom/share"
	"aula/store"
)

// Help at a distance (issue 17): the trainer asks to see a learner's
// screen; the learner's kiosk asks the learner; once they allow it, the
// kiosk sends text frames of its screen (fields masked, no colours, no
// control characters) and the dashboard watches them. The trainer can
// point at a place and send a short message; nothing reaches the
// learner's keyboard. Package share holds the relay and the frames.

// The share routes.
const (
	PathShareAsk    = "/api/v1/share/ask"    // POST share.Ask -> share.AskReply (trainer)
	PathShareAnswer = "/api/v1/share/answer" // POST share.Answer -> 204 (device): allow, decline or stop
	PathShareFrame  = "/api/v1/share/frame"  // POST share.Frame -> 204 (device)
	PathShareWatch  = "/api/v1/share/watch"  // GET ?share=ID&after=N -> share.Update, waits for news (trainer)
	PathShareSay    = "/api/v1/share/say"    // POST share.Say -> 204 (trainer): point, message or stop
)

// ShareSource is a Source through which the trainer can watch a screen
// (the hub in-process, or a Client).
type ShareSource interface {
	AskShare(ctx context.Context, to, trainer string) (string, error)
	WatchShare(ctx context.Context, id string, after uint64) (share.Update, error)
	SayShare(ctx context.Context, s share.Say) error
}

func (h *Hub) shareRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST "+PathShareAsk, h.trainer(h.shareAsk))
	mux.HandleFunc("POST "+PathShareAnswer, h.device(h.shareAnswer))
	mux.HandleFunc("POST "+PathShareFrame, h.device(h.shareFrame))
	mux.HandleFunc("GET "+PathShareWatch, h.trainer(h.shareWatch))
	mux.HandleFunc("POST "+PathShareSay, h.trainer(h.shareSay))
}

// shareStatus is the status the hub answers a relay's error with.
func shareStatus(err error) int {
	var bad *share.BadFrameError
	switch {
	case errors.As(err, &bad), errors.Is(err, errBadShareReq):
		return http.StatusBadRequest
	case errors.Is(err, share.ErrNoShare):
		return http.StatusNotFound
	case errors.Is(err, share.ErrNotYours):
		return http.StatusForbidden
	case errors.Is(err, share.ErrNotAsked):
		return http.StatusConflict
	case errors.Is(err, share.ErrBase):
		return http.StatusPreconditionFailed
	case errors.Is(err, share.ErrTooFast), errors.Is(err, share.ErrTooMany):
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

var errBadShareReq = errors.New("bad share request")

func (h *Hub) shareAsk(w http.ResponseWriter, r *http.Request) {
	var a share.Ask
	if err := decodeJSON(r.Body, &a); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	id, err := h.AskShare(r.Context(), a.To, a.Trainer)
	if err != nil {
		writeError(w, shareStatus(err), err.Error())
		return
	}
	writeJSON(w, http.StatusOK, share.AskReply{Share: id})
}

// AskShare asks the kiosk of learner to ("device/learner") to share its
// screen; the learner is shown trainer's name. Only a learner that laptop
// has brought to the hub with its own token can be asked.
func (h *Hub) AskShare(_ context.Context, to, trainer string) (string, error) {
	dev, id, ok := strings.Cut(to, "/")
	n, err := strconv.ParseUint(id, 10, 64)
	if !ok || err != nil || dev == "" || len(to) > 2*MaxID {
		return "", fmt.Errorf("%w: to is a learner as device/number", errBadShareReq)
	}
	if len(trainer) > share.MaxName {
		return "", fmt.Errorf("%w: the trainer's name is longer than %d bytes", errBadShareReq, share.MaxName)
	}
	if _, err := h.st.HubLearner(dev, n); errors.Is(err, store.ErrNotFound) {
		return "", fmt.Errorf("%w: no laptop in the class has that learner", share.ErrNoShare)
	} else if err != nil {
		return "", err
	}
	sid, err := h.share.Ask(dev, n)
	if err != nil {
		return "", err
	}
	h.log(Command{Kind: CmdShareAsk, To: to, Share: sid, Text: safetext.Text(trainer, share.MaxName)})
	return sid, nil
}

func (h *Hub) shareAnswer(w http.ResponseWriter, r *http.Request, dev string) {
	var a share.Answer
	if err := decodeJSON(r.Body, &a); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := h.share.Answer(dev, a.Share, a.Allow); err != nil {
		writeError(w, shareStatus(err), err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Hub) shareFrame(w http.ResponseWriter, r *http.Request, dev string) {
	var f share.Frame
	if err := decodeJSON(r.Body, &f); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := h.share.Put(dev, f); err != nil {
		writeError(w, shareStatus(err), err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Hub) shareWatch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	after, err := strconv.ParseUint(q.Get("after"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "after must be a number")
		return
	}
	u, err := h.share.Watch(r.Context(), q.Get("share"), after, h.wait)
	if err != nil {
		writeError(w, shareStatus(err), err.Error())
		return
	}
	writeJSON(w, http.StatusOK, u)
}

// WatchShare waits for news of share id newer than frame after (trainer
// mode, in-process).
func (h *Hub) WatchShare(ctx context.Context, id string, after uint64) (share.Update, error) {
	return h.share.Watch(ctx, id, after, h.wait)
}

func (h *Hub) shareSay(w http.ResponseWriter, r *http.Request) {
	var s share.Say
	if err := decodeJSON(r.Body, &s); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := h.SayShare(r.Context(), s); err != nil {
		writeError(w, shareStatus(err), err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// SayShare points, writes or stops on share s.Share: it becomes a command
// for that learner's kiosk.
func (h *Hub) SayShare(_ context.Context, s share.Say) error {
	if err := s.Check(func(t string) string { return safetext.Text(t, share.MaxSay) }); err != nil {
		return fmt.Errorf("%w: %w", errBadShareReq, err)
	}
	dev, n, err := h.share.Target(s.Share)
	if err != nil {
		return err
	}
	c := Command{To: Target(dev, n), Share: s.Share}
	switch s.Kind {
	case share.SayPoint:
		c.Kind, c.Point = CmdSharePoint, s.Point
	case share.SayMessage:
		c.Kind, c.Text = CmdShareSay, safetext.Text(s.Text, share.MaxSay)
	case share.SayStop:
		c.Kind = CmdShareStop
		if err := h.share.End(s.Share); err != nil {
			return err
		}
	}
	h.log(c)
	return nil
}

// Held is what the hub holds of the screens shared now, as text (tests).
func (h *Hub) Held() string { return h.share.Held() }

// AskShare asks to see a learner's screen (trainer).
func (c *Client) AskShare(ctx context.Context, to, trainer string) (string, error) {
	var a share.AskReply
	err := c.do(ctx, http.MethodPost, PathShareAsk, share.Ask{To: to, Trainer: trainer}, &a)
	return a.Share, err
}

// WatchShare waits for news of a share (trainer). What reaches the
// trainer's terminal is cleaned here again: the hub may be another's.
func (c *Client) WatchShare(ctx context.Context, id string, after uint64) (share.Update, error) {
	var u share.Update
	q := "?share=" + url.QueryEscape(id) + "&after=" + strconv.FormatUint(after, 10)
	if err := c.do(ctx, http.MethodGet, PathShareWatch+q, nil, &u); err != nil {
		return u, err
	}
	for i := range u.Lines {
		u.Lines[i].Text = safetext.Line(u.Lines[i].Text, share.MaxLine)
	}
	return u, nil
}

// SayShare points, writes or stops (trainer).
func (c *Client) SayShare(ctx context.Context, s share.Say) error {
	return c.do(ctx, http.MethodPost, PathShareSay, s, nil)
}
