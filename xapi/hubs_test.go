package xapi

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"aula/classroom"
	"aula/store"
)

// A centre: a hub over its own data file, serving on loopback, that
// writes statements as the centre.
type centreHub struct {
	st  *store.Store
	m   *Mapper
	hub *classroom.Hub
	srv *httptest.Server
}

func newCentreHub(t *testing.T, centre string) *centreHub {
	t.Helper()
	st, m := hubStore(t, t.TempDir(), centre)
	t.Cleanup(func() { st.Close() })
	h, err := classroom.NewHub(st, classroom.HubOptions{TLS: classroom.TLSPlain})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h.Handler())
	t.Cleanup(srv.Close)
	return &centreHub{st: st, m: m, hub: h, srv: srv}
}

// join is the plan's laptop joining the class with the session code.
func (c *centreHub) join(t *testing.T, p classPlan) *classroom.Client {
	t.Helper()
	k := &classroom.Client{URL: c.srv.URL, Device: p.device}
	if _, err := k.Join(context.Background(), c.hub.Code()); err != nil {
		t.Fatal(err)
	}
	return k
}

// push sends the plan's events as its laptop does, in batches.
func push(t *testing.T, k *classroom.Client, p classPlan) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < len(p.events); i += 40 {
		batch := p.events[i:min(i+40, len(p.events))]
		named := map[uint64]bool{}
		var ls []store.RemoteLearner
		for _, e := range batch {
			if !named[e.Learner] {
				named[e.Learner] = true
				ls = append(ls, p.learners[e.Learner-1])
			}
		}
		res, err := k.Push(ctx, classroom.PushRequest{Learners: ls, Events: batch})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Confirmed) != len(batch) {
			t.Fatalf("the hub confirmed %d of %d events: %+v", len(res.Confirmed), len(batch), res.Refused)
		}
	}
}

// Three centres on one machine, each with its class and its hub, send to
// one LRS; the region's summary shows each centre's own numbers.
func TestThreeCentresOneRegion(t *testing.T) {
	endpoint := needLRS(t)
	since := time.Now().Add(-time.Second)
	c := testClient(t, endpoint)
	plans := []struct {
		learners, finishers int
	}{{7, 2}, {4, 4}, {10, 0}}
	var hubs []*centreHub
	for i, pl := range plans {
		h := newCentreHub(t, uniqueCentre(t))
		startSender(t, h.st, c)
		p := playClass(t, pl.learners, pl.finishers, time.Now().Add(-time.Hour))
		k := h.join(t, p)
		push(t, k, p)
		// a laptop that lost the hub's answer pushes everything again
		if i == 0 {
			push(t, k, p)
		}
		hubs = append(hubs, h)
		waitFor(t, 30*time.Second, "the outbox to empty", func() bool {
			n, _, _ := h.st.StatementCounts()
			return n == 0
		})
		exactlyOnce(t, c, since, h.m, p.statements)
	}
	all, err := Fetch(context.Background(), c, since, "")
	if err != nil {
		t.Fatal(err)
	}
	rows := Summarize(all, "en")
	for i, h := range hubs {
		pl := plans[i]
		var got *Row
		for j, r := range rows {
			if r.Centre == h.m.CentreIRI() && r.Itinerary == "" {
				got = &rows[j]
			}
		}
		lessons := pl.finishers*len(firstItinerary().LessonIDs) + pl.learners - pl.finishers
		switch {
		case got == nil:
			t.Errorf("centre %d: no row", i)
		case got.Learners != pl.learners || got.LessonsCompleted != lessons || got.ItinerariesCompleted != pl.finishers ||
			got.CertificatesIssued != pl.finishers:
			t.Errorf("centre %d: %d learners, %d lessons, %d itineraries, %d certificates; want %d, %d, %d, %d", i,
				got.Learners, got.LessonsCompleted, got.ItinerariesCompleted, got.CertificatesIssued, pl.learners, lessons, pl.finishers, pl.finishers)
		}
	}
}
