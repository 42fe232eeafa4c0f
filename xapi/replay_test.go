package xapi

import (
	"bytes"
	"testing"
	"time"
)

// aula report --format xapi makes again, from the events, the very
// statements the hub put in its outbox: a centre without internet and
// one with it report the same, and an import after a send doubles nothing.
func TestReplayMakesTheOutboxStatements(t *testing.T) {
	st, m := hubStore(t, t.TempDir(), uniqueCentre(t))
	defer st.Close()
	p := playClass(t, 5, 2, time.Now().Add(-time.Hour))
	ingest(t, st, p)
	pend, err := st.PendingStatements(0)
	if err != nil {
		t.Fatal(err)
	}
	again, err := st.ReplayStatements(m.Make, time.Time{}, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(pend) {
		t.Fatalf("the replay made %d statements, the outbox holds %d", len(again), len(pend))
	}
	byID := map[string][]byte{}
	for _, s := range pend {
		byID[s.ID] = s.Body
	}
	for _, s := range again {
		if !bytes.Equal(byID[s.ID], s.Body) {
			t.Fatalf("statement %s differs:\noutbox %s\nreplay %s", s.ID, byID[s.ID], s.Body)
		}
	}
	// A period before the class holds nothing.
	none, err := st.ReplayStatements(m.Make, time.Time{}, time.Now().Add(-2*time.Hour))
	if err != nil || len(none) != 0 {
		t.Errorf("before the class: %d statements, %v", len(none), err)
	}
}
