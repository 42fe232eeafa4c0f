package classroom

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"aula/store"
)

// A kiosk whose data file was restored from a copy (or started afresh)
// asks the hub for what it holds of this laptop's work and takes back what
// the copy lacks: the events made between the copy and the damage, which
// the kiosk had pushed.

// PathEvents lists the device's own events the hub holds (device):
// GET ?since=RFC3339&after=cursor -> EventsResponse.
const PathEvents = "/api/v1/events"

// eventsPage is how many events one answer brings.
const eventsPage = 500

// EventsResponse is one page of a device's events, as the kiosk sent them.
type EventsResponse struct {
	Events []store.Event `json:"events"`
	Next   string        `json:"next,omitempty"` // ask again with after=Next; "" when done
}

// events answers with dev's own events: a device token reads only its own.
func (h *Hub) events(w http.ResponseWriter, r *http.Request, dev string) {
	q := r.URL.Query()
	var since time.Time
	if v := q.Get("since"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			writeError(w, http.StatusBadRequest, "since must be a time like 2026-12-05T10:00:00Z")
			return
		}
		since = t
	}
	evs, next, err := h.st.DeviceEvents(dev, since, q.Get("after"), eventsPage)
	if errors.Is(err, store.ErrBadEvent) {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the hub could not read the events: "+err.Error())
		return
	}
	if evs == nil {
		evs = []store.Event{}
	}
	writeJSON(w, http.StatusOK, EventsResponse{Events: evs, Next: next})
}

// Events reads one page of this device's events from the hub.
func (c *Client) Events(ctx context.Context, since time.Time, after string) (EventsResponse, error) {
	q := url.Values{}
	if !since.IsZero() {
		q.Set("since", since.UTC().Format(time.RFC3339))
	}
	if after != "" {
		q.Set("after", after)
	}
	path := PathEvents
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	var r EventsResponse
	err := c.do(ctx, http.MethodGet, path, nil, &r)
	return r, err
}

// takeBackLoop runs once after a restore: as soon as the class answers, it
// takes back from the hub what the restored file lacks. It gives up when
// the hub no longer knows this laptop.
func (s *Syncer) takeBackLoop(ctx context.Context) {
	rec := s.st.Recovered()
	if rec == nil {
		return
	}
	var since time.Time
	if rec.FromBackup {
		since = rec.BackupTime.Add(-time.Hour) // a margin: what the copy has is skipped by id
	}
	fails := 0
	for {
		c, _, changed := s.current()
		if c != nil {
			err := s.takeBack(ctx, c, since)
			if err == nil || errors.Is(err, ErrNotJoined) {
				return
			}
			fails++
		}
		next := time.Minute
		if c != nil {
			next = s.backoff(fails)
		}
		if !wait(ctx, next, changed) {
			return
		}
	}
}

// takeBack reads every page and adds what the log lacks.
func (s *Syncer) takeBack(ctx context.Context, c *Client, since time.Time) error {
	var all []store.Event
	after := ""
	for {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		r, err := c.Events(rctx, since, after)
		cancel()
		if err != nil {
			return err
		}
		all = append(all, r.Events...)
		if r.Next == "" || r.Next == after {
			break
		}
		after = r.Next
	}
	_, err := s.st.TakeBack(all)
	return err
}
