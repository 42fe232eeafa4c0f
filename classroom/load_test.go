package classroom

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aula/store"
)

// load is a classroom day squeezed into seconds: kiosks that report
// presence every 2 seconds and push answer events in batches (as after a
// week offline), some batches sent twice as after a lost answer.
type load struct {
	Kiosks   int
	Duration time.Duration
	Batch    int           // events per push
	Pushes   int           // pushes per kiosk, 0 for as many as fit in Duration
	Every    time.Duration // time between a kiosk's pushes (0: back to back)
}

type loadResult struct {
	sent      int64 // distinct events pushed and acknowledged
	stored    int64 // as the hub counted them on arrival
	dups      int64 // retries the hub recognised
	latencies []time.Duration
	pushLat   []time.Duration
	elapsed   time.Duration
	errs      int64
}

func (r *loadResult) p(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	slices.Sort(r.latencies)
	return r.latencies[min(len(r.latencies)-1, int(q*float64(len(r.latencies))))]
}

func randomDevice() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// run drives the load against the hub at url and checks the hub afterwards.
func (l load) run(t testing.TB, h *Hub, url, pin string) *loadResult {
	t.Helper()
	tr := &http.Transport{MaxIdleConnsPerHost: l.Kiosks * 2, MaxConnsPerHost: 0, TLSClientConfig: PinnedTLS(pin), ForceAttemptHTTP2: true}
	defer tr.CloseIdleConnections()
	httpc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	ctx := context.Background()
	kiosks := make([]*Client, l.Kiosks)
	for i := range kiosks {
		c := &Client{URL: url, Device: randomDevice(), HTTP: httpc}
		if _, err := c.Join(ctx, h.Code()); err != nil {
			t.Fatalf("kiosk %d joins: %v", i, err)
		}
		kiosks[i] = c
	}
	res := &loadResult{}
	var mu sync.Mutex
	note := func(d time.Duration) {
		mu.Lock()
		res.latencies = append(res.latencies, d)
		mu.Unlock()
	}
	stop := make(chan struct{})
	var wg, pushers sync.WaitGroup
	start := time.Now()
	for i, c := range kiosks {
		wg.Add(1)
		pushers.Add(1)
		learner := store.RemoteLearner{ID: 1, Name: fmt.Sprintf("Learner %d", i)}
		go func() { // presence every 2 s
			defer wg.Done()
			l.presence(ctx, c, i, learner.Name, stop, res, note)
		}()
		go func() { // answers
			defer pushers.Done()
			l.answers(ctx, c, i, learner, start, stop, res, &mu, note)
		}()
	}
	if l.Pushes == 0 {
		time.Sleep(l.Duration) // the length of the run, not synchronisation
	}
	if l.Pushes == 0 {
		close(stop)
		pushers.Wait()
	} else {
		pushers.Wait()
		close(stop)
	}
	wg.Wait()
	res.elapsed = time.Since(start)

	// Zero lost, zero duplicated: the hub holds exactly what was sent.
	var total int64
	for _, c := range kiosks {
		hl, err := h.st.HubLearner(c.Device, 1)
		if err != nil {
			t.Fatalf("kiosk %s: %v", c.Device, err)
		}
		evs, err := h.st.Events(hl.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range evs {
			if seen[e.ID] {
				t.Fatalf("event %s stored twice", e.ID)
			}
			seen[e.ID] = true
		}
		total += int64(len(evs))
	}
	if res.errs > 0 {
		t.Fatalf("%d requests failed", res.errs)
	}
	if total != res.sent || res.stored != res.sent {
		t.Fatalf("sent %d events, hub counted %d on arrival and holds %d", res.sent, res.stored, total)
	}
	return res
}

// newLoadHub is a hub as aula hub serves it: HTTPS with its own
// certificate, which the kiosks pin.
func newLoadHub(t testing.TB) (h *Hub, url, pin string) {
	t.Helper()
	st := openStore(t)
	cert, err := HubCert(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pin, _ = CertFingerprint(cert)
	h, err = NewHub(st, HubOptions{Code: "123456", Fingerprint: pin})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h.Handler())
	srv.TLS = ServerTLS(cert)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return h, srv.URL, pin
}

// A small classroom in every test run: nothing lost, nothing doubled.
func TestLoadSmallClassroomLosesNothing(t *testing.T) {
	h, url, pin := newLoadHub(t)
	res := load{Kiosks: 30, Batch: 10, Pushes: 10}.run(t, h, url, pin)
	if res.dups == 0 {
		t.Error("no retried batch was recognised as a duplicate")
	}
}

// BenchmarkClassroomSaturation pushes back to back: the most the hub can
// ingest on this machine, and the latency when it is saturated.
func BenchmarkClassroomSaturation(b *testing.B) {
	for range b.N {
		h, url, pin := newLoadHub(b)
		res := load{Kiosks: 300, Batch: 20, Duration: 10 * time.Second}.run(b, h, url, pin)
		b.ReportMetric(float64(res.sent)/res.elapsed.Seconds(), "events/s")
		b.ReportMetric(float64(res.p(0.99).Microseconds())/1000, "p99-ms")
	}
}

// BenchmarkClassroomLoad is ten classrooms (300 kiosks) against one hub
// for 10 seconds: each kiosk reports presence every 2 seconds and pushes 20
// answer events every second (6,000 events/s offered). It reports the
// p50/p99 latency of every request and the durable ingest rate; the run
// fails on any lost or duplicated event.
//
//	go test ./classroom/ -run '^$' -bench ClassroomLoad -benchtime 1x
func BenchmarkClassroomLoad(b *testing.B) {
	for range b.N {
		h, url, pin := newLoadHub(b)
		res := load{Kiosks: 300, Batch: 20, Every: time.Second, Duration: 10 * time.Second}.run(b, h, url, pin)
		b.ReportMetric(float64(res.sent)/res.elapsed.Seconds(), "events/s")
		b.ReportMetric(float64(res.p(0.50).Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(res.p(0.99).Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(len(res.latencies))/res.elapsed.Seconds(), "req/s")
		res.latencies = res.pushLat
		b.ReportMetric(float64(res.p(0.99).Microseconds())/1000, "push-p99-ms")
	}
}

// presence reports kiosk i's presence every 2 s until stop.
func (l load) presence(ctx context.Context, c *Client, i int, name string, stop chan struct{}, res *loadResult, note func(time.Duration)) {
	// Kiosks are switched on at different moments, as in a real
	// room: their reports do not all land in the same millisecond.
	select {
	case <-stop:
		return
	case <-time.After(time.Duration(i) * 2 * time.Second / time.Duration(l.Kiosks)):
	}
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for n := 0; ; n++ {
		t0 := time.Now()
		if err := c.Presence(ctx, Presence{Learner: 1, Name: name, Screen: "lesson", Lesson: "teclado", StepIndex: n % 9, Steps: 9}); err != nil {
			atomic.AddInt64(&res.errs, 1)
		}
		note(time.Since(t0))
		select {
		case <-stop:
			return
		case <-tick.C:
		}
	}
}

// answers pushes kiosk i's batches (every tenth twice, as when an answer
// is lost) until stop or l.Pushes.
func (l load) answers(ctx context.Context, c *Client, i int, learner store.RemoteLearner, start time.Time, stop chan struct{}, res *loadResult, mu *sync.Mutex, note func(time.Duration)) {
	seq := uint64(0)
	var tick <-chan time.Time
	if l.Every > 0 {
		// Learners answer at different moments.
		time.Sleep(time.Duration(i) * l.Every / time.Duration(l.Kiosks))
		t := time.NewTicker(l.Every)
		defer t.Stop()
		tick = t.C
	}
	for n := 0; l.Pushes == 0 || n < l.Pushes; n++ {
		select {
		case <-stop:
			return
		default:
		}
		if tick != nil && n > 0 {
			select {
			case <-stop:
				return
			case <-tick:
			}
		}
		req := PushRequest{Learners: []store.RemoteLearner{learner}}
		for range l.Batch {
			seq++
			req.Events = append(req.Events, store.Event{ID: fmt.Sprintf("%s:%d", c.Device, seq), Seq: seq, Learner: 1,
				Kind: store.Answered, Lesson: "teclado", Step: "arroba", StepIndex: 2, Steps: 9, Attempt: 1, Mistake: "sin-arroba", At: start})
		}
		tries := 1
		if n%10 == 9 {
			tries = 2 // the answer was lost: the same batch again
		}
		for range tries {
			t0 := time.Now()
			r, err := c.Push(ctx, req)
			note(time.Since(t0))
			mu.Lock()
			res.pushLat = append(res.pushLat, time.Since(t0))
			mu.Unlock()
			if err != nil {
				atomic.AddInt64(&res.errs, 1)
				continue
			}
			atomic.AddInt64(&res.stored, int64(r.Stored))
			atomic.AddInt64(&res.dups, int64(r.Duplicates))
		}
		atomic.AddInt64(&res.sent, int64(l.Batch))
	}
}
