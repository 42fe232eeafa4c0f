package xapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// While kiosks keep pushing, the sender sends one batch per Pace and no
// larger batches; once the class is quiet, it catches up at full speed.
func TestSenderGivesWayWhileKiosksPush(t *testing.T) {
	st, _ := hubStore(t, t.TempDir(), uniqueCentre(t))
	defer st.Close()
	first := playClass(t, 6, 1, time.Now().Add(-2*time.Hour))
	ingest(t, st, first)
	more := playClass(t, 2, 0, time.Now().Add(-time.Hour))

	var mu sync.Mutex
	var sizes []int
	var paced []int // len(sizes) when the sender waited Pace
	lrs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var batch []json.RawMessage
		if err := json.NewDecoder(r.Body).Decode(&batch); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		mu.Lock()
		sizes = append(sizes, len(batch))
		n := len(sizes)
		mu.Unlock()
		if n == 1 { // a kiosk pushes while the first batch is on its way
			ingest(t, st, more)
		}
		_, _ = w.Write([]byte("[]"))
	}))
	defer lrs.Close()

	s := &Sender{Store: st, Client: testClient(t, lrs.URL+"/xAPI"), Batch: 5, Pace: time.Hour}
	s.wait = func(ctx context.Context, d time.Duration) error {
		if d != time.Hour {
			t.Errorf("the sender waited %v, want its Pace (1h)", d)
		}
		mu.Lock()
		paced = append(paced, len(sizes))
		mu.Unlock()
		return ctx.Err()
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	waitFor(t, 30*time.Second, "the outbox to empty", func() bool {
		n, _, err := st.StatementCounts()
		return err == nil && n == 0
	})
	cancel()
	stopped(t, <-done)

	mu.Lock()
	defer mu.Unlock()
	if len(paced) != 1 || paced[0] != 1 {
		t.Fatalf("the sender waited its Pace after batches %v, want once, after the batch during which a kiosk pushed", paced)
	}
	if len(sizes) < 4 || sizes[0] != 5 || sizes[1] != 5 || sizes[2] != 10 || sizes[3] != 20 {
		t.Fatalf("batch sizes %v: want 5, 5 after the class pushed, then growing (10, 20) once it was quiet", sizes)
	}
	total := 0
	for _, n := range sizes {
		total += n
	}
	if want := first.statements + more.statements; total != want {
		t.Errorf("the LRS got %d statements, want %d", total, want)
	}
}
