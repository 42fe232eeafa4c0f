package classroom

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"aula/store"
)

// Statements the region's LRS refused reach the trainer's dashboard in
// the snapshot, local or remote.
func TestSnapshotCountsRefusedStatements(t *testing.T) {
	h := newTestHub(t)
	st := h.Store()
	st.SetStatements(func(in store.StatementInput) ([]store.Statement, error) {
		return []store.Statement{{ID: "s-" + in.Event.ID, Body: json.RawMessage(`{}`)}}, nil
	})
	ev := store.Event{ID: strings.Repeat("c", 32), Learner: 1, Kind: store.LessonStarted, Lesson: "usar-aula", At: time.Now()}
	if _, err := st.Ingest("0123456789abcdef", []store.RemoteLearner{{ID: 1, Name: "Rosa"}}, []store.Event{ev}); err != nil {
		t.Fatal(err)
	}
	pend, err := st.PendingStatements(0)
	if err != nil || len(pend) != 1 {
		t.Fatalf("pending %v, %v", pend, err)
	}
	if err := st.SetStatementAside(pend[0].Seq, 400, "malformed"); err != nil {
		t.Fatal(err)
	}
	snap, err := h.trainer.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if snap.LRSRefused != 1 {
		t.Errorf("the snapshot counts %d refused statements, want 1", snap.LRSRefused)
	}
}
