package xapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"aula/store"
)

// faultyLRS stands between the hub and the real LRS: down, it hangs up on
// every request; with cuts > 0, it lets the LRS store a POST, then hangs
// up before the hub hears the answer (the LRS dying mid-batch).
type faultyLRS struct {
	srv   *httptest.Server
	to    *url.URL
	down  atomic.Bool
	cuts  atomic.Int32
	posts atomic.Int32 // POSTs that reached it
	cut   atomic.Int32 // POSTs it cut
}

func newFaultyLRS(t *testing.T, endpoint string) *faultyLRS {
	t.Helper()
	f := &faultyLRS{}
	var err error
	if f.to, err = url.Parse(endpoint); err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// endpoint is the xAPI endpoint through the proxy.
func (f *faultyLRS) endpoint() string { return f.srv.URL + f.to.Path }

func (f *faultyLRS) hangUp(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		conn.Close()
	}
}

func (f *faultyLRS) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		f.posts.Add(1)
	}
	if f.down.Load() {
		f.hangUp(w)
		return
	}
	body, _ := io.ReadAll(r.Body)
	req, _ := http.NewRequestWithContext(r.Context(), r.Method, f.to.Scheme+"://"+f.to.Host+r.URL.RequestURI(), bytes.NewReader(body))
	req.Header = r.Header.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if r.Method == http.MethodPost && f.cuts.Add(-1) >= 0 {
		f.cut.Add(1)
		f.hangUp(w) // stored by the LRS, never heard by the hub
		return
	}
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(data)
}

// startSender runs a quick-retrying sender until the test ends.
func startSender(t *testing.T, st *store.Store, c *Client) *Sender {
	t.Helper()
	s := &Sender{Store: st, Client: c, MinWait: 5 * time.Millisecond, MaxWait: 40 * time.Millisecond, Batch: 25}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		stopped(t, <-done)
	})
	return s
}

// exactlyOnce fails unless the LRS holds each statement the plan made
// once: as many as planned, no id twice.
func exactlyOnce(t *testing.T, c *Client, since time.Time, m *Mapper, want int) {
	t.Helper()
	got := centreStatements(t, c, since, m)
	ids := map[string]bool{}
	for _, s := range got {
		if ids[s.ID] {
			t.Errorf("statement %s is in the LRS twice", s.ID)
		}
		ids[s.ID] = true
	}
	if len(got) != want {
		t.Errorf("the LRS holds %d statements of the centre, want %d", len(got), want)
	}
}

func TestLRSDownForTheWholeClassThenBack(t *testing.T) {
	endpoint := needLRS(t)
	since := time.Now().Add(-time.Second)
	lrs := newFaultyLRS(t, endpoint)
	lrs.down.Store(true)
	st, m := hubStore(t, t.TempDir(), uniqueCentre(t))
	defer st.Close()
	s := startSender(t, st, testClient(t, lrs.endpoint()))
	p := playClass(t, 8, 3, time.Now().Add(-2*time.Hour))
	ingest(t, st, p) // the whole class, while the LRS is down
	waitFor(t, 10*time.Second, "the sender to fail three times", func() bool { return lrs.posts.Load() >= 3 })
	if s.Status().LastError == "" {
		t.Error("the status shows no error while the LRS is down")
	}
	if n, aside, _ := st.StatementCounts(); n != p.statements || aside != 0 {
		t.Fatalf("while down: %d pending and %d aside, want %d and 0", n, aside, p.statements)
	}
	lrs.down.Store(false)
	waitFor(t, 30*time.Second, "the outbox to empty", func() bool {
		n, _, _ := st.StatementCounts()
		return n == 0
	})
	exactlyOnce(t, testClient(t, endpoint), since, m, p.statements)
	if s.Status().LastError != "" {
		t.Errorf("the status still shows %q after the LRS came back", s.Status().LastError)
	}
}

func TestLRSKilledMidBatchDoublesNothing(t *testing.T) {
	endpoint := needLRS(t)
	since := time.Now().Add(-time.Second)
	lrs := newFaultyLRS(t, endpoint)
	lrs.cuts.Store(3) // three batches stored but never acknowledged
	st, m := hubStore(t, t.TempDir(), uniqueCentre(t))
	defer st.Close()
	p := playClass(t, 8, 3, time.Now().Add(-2*time.Hour))
	ingest(t, st, p)
	startSender(t, st, testClient(t, lrs.endpoint()))
	waitFor(t, 30*time.Second, "the outbox to empty", func() bool {
		n, _, _ := st.StatementCounts()
		return n == 0
	})
	if lrs.cut.Load() != 3 {
		t.Fatalf("%d batches were cut, want 3", lrs.cut.Load())
	}
	if _, aside, _ := st.StatementCounts(); aside != 0 {
		t.Errorf("%d statements set aside after a resend; the LRS should have recognised them", aside)
	}
	exactlyOnce(t, testClient(t, endpoint), since, m, p.statements)
}

func TestRefusedStatementIsKeptAsideWithTheReason(t *testing.T) {
	endpoint := needLRS(t)
	since := time.Now().Add(-time.Second)
	st, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := &Mapper{Centre: uniqueCentre(t), Library: testLib}
	p := playClass(t, 5, 2, time.Now().Add(-2*time.Hour))
	bad := p.events[2].ID // an answer: its statement gets a verb that is no IRI
	st.SetStatements(func(in store.StatementInput) ([]store.Statement, error) {
		sts, err := m.Make(in)
		if in.Event.ID == bad {
			sts[0].Body = json.RawMessage(strings.Replace(string(sts[0].Body), VerbAnswered, "answered", 1))
		}
		return sts, err
	})
	ingest(t, st, p)
	// Another statement with the id of one of the class's: a conflict.
	pend, _ := st.PendingStatements(0)
	clash := pend[len(pend)-1]
	other := strings.Replace(string(clash.Body), `"timestamp":"`, `"timestamp":"1`, 1)
	other = strings.Replace(other, `"timestamp":"12026`, `"timestamp":"2025`, 1)
	c := testClient(t, endpoint)
	if err := c.Post(context.Background(), []json.RawMessage{json.RawMessage(other)}); err != nil {
		t.Fatal(err)
	}
	startSender(t, st, c)
	waitFor(t, 30*time.Second, "the outbox to empty", func() bool {
		n, _, _ := st.StatementCounts()
		return n == 0
	})
	aside, err := st.AsideStatements()
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 2 {
		t.Fatalf("%d statements aside, want 2: %+v", len(aside), aside)
	}
	codes := map[int]string{}
	for _, a := range aside {
		codes[a.Status] = a.Statement.ID
		if a.Reason == "" {
			t.Errorf("statement %s is aside without a reason", a.Statement.ID)
		}
	}
	if codes[http.StatusBadRequest] == "" || codes[http.StatusConflict] != clash.ID {
		t.Errorf("aside: %+v; want one refused as malformed (400) and %s as conflicting (409)", aside, clash.ID)
	}
	// The others all arrived; the conflicting id holds the other statement.
	exactlyOnce(t, c, since, m, p.statements-1)
}

func TestHubRestartedWithStatementsPending(t *testing.T) {
	endpoint := needLRS(t)
	since := time.Now().Add(-time.Second)
	dir, centre := t.TempDir(), uniqueCentre(t)
	st, m := hubStore(t, dir, centre)
	p := playClass(t, 8, 3, time.Now().Add(-2*time.Hour))
	ingest(t, st, p)
	// Part of the outbox goes, then the hub stops.
	c := testClient(t, endpoint)
	s := &Sender{Store: st, Client: c, Batch: 10}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	waitFor(t, 30*time.Second, "some statements to go", func() bool { return s.Status().Sent >= 20 })
	cancel()
	stopped(t, <-done)
	left, _, _ := st.StatementCounts()
	if left == 0 {
		t.Fatal("everything went before the restart: nothing is pending")
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, _ = hubStore(t, dir, centre)
	defer st.Close()
	if n, _, _ := st.StatementCounts(); n != left {
		t.Fatalf("after the restart %d statements are pending, before it %d", n, left)
	}
	sendAll(t, st, c)
	exactlyOnce(t, c, since, m, p.statements)
}
