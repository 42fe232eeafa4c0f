package xapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"aula/classroom"
	"aula/store"
)

// BenchmarkHubLoadWithLRS is the classroom load of BENCHMARKS.md (300
// kiosks, each pushing 20 answer events a second, for 10 s, to a hub
// served over HTTPS with its own certificate) three times: without an
// LRS; with every event turned into a statement in the ingest transaction
// and a sender emptying the outbox all along into a stub that takes
// everything at once (an LRS on another machine, which costs the hub's
// machine nothing: "lrs-elsewhere"); and into the Node LRS on the same two
// cores as the hub and the kiosks ("lrs-on"). The kiosks' p99 must not
// change: sending never makes a kiosk wait.
//
//	go test ./xapi/ -run '^$' -bench HubLoadWithLRS -benchtime 1x
func BenchmarkHubLoadWithLRS(b *testing.B) {
	stub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = w.Write([]byte("[]"))
	}))
	defer stub.Close()
	for _, run := range []struct{ name, endpoint string }{
		{"lrs-off", ""}, {"lrs-elsewhere", stub.URL + "/xAPI"}, {"lrs-on", needLRS(b)},
	} {
		b.Run(run.name, func(b *testing.B) {
			for range b.N {
				runHubLoad(b, run.endpoint)
			}
		})
	}
}

func runHubLoad(b *testing.B, endpoint string) { //nolint:funlen // one load run: start, drive, measure, in order
	lrsOn := endpoint != ""
	const kiosks, batch, seconds = 300, 20, 10
	st, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var s *Sender
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	if lrsOn {
		m := &Mapper{Centre: "load-" + randomHex(8), Library: testLib}
		st.SetStatements(m.Make)
		c, err := NewClient(endpoint, "load", "secret")
		if err != nil {
			b.Fatal(err)
		}
		s = &Sender{Store: st, Client: c}
		go func() { done <- s.Run(ctx) }()
	} else {
		done <- context.Canceled // no sender
	}
	defer func() {
		cancel()
		stopped(b, <-done)
	}()
	cert, err := classroom.HubCert(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	pin, _ := classroom.CertFingerprint(cert)
	h, err := classroom.NewHub(st, classroom.HubOptions{Code: "123456", Fingerprint: pin})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h.Handler())
	srv.TLS = classroom.ServerTLS(cert)
	srv.StartTLS()
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: kiosks * 2, TLSClientConfig: classroom.PinnedTLS(pin), ForceAttemptHTTP2: true}
	defer tr.CloseIdleConnections()
	httpc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	clients := make([]*classroom.Client, kiosks)
	for i := range clients {
		clients[i] = &classroom.Client{URL: srv.URL, Device: randomHex(16), HTTP: httpc}
		if _, err := clients[i].Join(ctx, h.Code()); err != nil {
			b.Fatalf("kiosk %d joins: %v", i, err)
		}
	}
	step := firstItinerary().LessonIDs[0]
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	errs := 0
	start := time.Now()
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			learner := store.RemoteLearner{ID: 1, Name: fmt.Sprintf("Learner %d", i)}
			// kiosks start at different moments, as in a room
			next := start.Add(time.Duration(i) * time.Second / kiosks)
			for round := range seconds {
				time.Sleep(time.Until(next))
				next = next.Add(time.Second)
				evs := make([]store.Event, batch)
				for j := range evs {
					evs[j] = store.Event{ID: randomHex(32), Learner: 1, Kind: store.Answered, Lesson: step, Step: "flechas",
						StepIndex: 1, Steps: 8, Attempt: round*batch + j + 1, At: time.Now()}
				}
				t0 := time.Now()
				_, err := c.Push(ctx, classroom.PushRequest{Learners: []store.RemoteLearner{learner}, Events: evs})
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				if err != nil {
					errs++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if errs > 0 {
		b.Fatalf("%d pushes failed", errs)
	}
	slices.Sort(lat)
	p := func(q float64) float64 {
		return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(p(0.50), "push-p50-ms")
	b.ReportMetric(p(0.99), "push-p99-ms")
	b.ReportMetric(float64(kiosks*batch*seconds)/elapsed.Seconds(), "events/s")
	if s != nil {
		pending, aside, _ := st.StatementCounts()
		if aside > 0 {
			b.Fatalf("%d statements refused", aside)
		}
		b.ReportMetric(float64(s.Status().Sent)/elapsed.Seconds(), "sent/s")
		b.ReportMetric(float64(pending), "pending")
	}
}
