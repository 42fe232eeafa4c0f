package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
	"time"

	"aula/lessons"
	"aula/store"
)

func sample() []store.LearnerProgress {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	return []store.LearnerProgress{{
		Learner: store.Learner{ID: 1, Name: "=Lucía"},
		Lessons: []store.Progress{{Learner: 1, Lesson: "usar-aula", Status: store.InProgress, Steps: 8,
			DoneSteps: []string{"bienvenida", "flechas"}, Attempts: 3, Hints: 1, TimeSpent: 95 * time.Second, LastActivity: at}},
	}}
}

func TestRowsAndFormats(t *testing.T) {
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	rows := Rows(sample(), lib.Catalog("en"))
	if len(rows) != 1 {
		t.Fatalf("rows = %d", len(rows))
	}
	r := rows[0]
	if r.Title != "How to use Aula" || r.StepsDone != 2 || r.Steps != 8 || r.Attempts != 3 || r.Hints != 1 || r.TimeSpentSec != 95 || r.Status != "in_progress" {
		t.Fatalf("row = %+v", r)
	}
	t.Run("csv", func(t *testing.T) { checkCSV(t, rows) })
	t.Run("json", func(t *testing.T) { checkJSON(t, rows) })
	if err := Write(&bytes.Buffer{}, "xml", rows); err == nil {
		t.Fatal("xml should be refused")
	}
}

// checkCSV: the rows as CSV, a name that looks like a formula made safe.
func checkCSV(t *testing.T, rows []Row) {
	var buf bytes.Buffer
	if err := Write(&buf, "csv", rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("csv = %v, %v", recs, err)
	}
	if recs[1][0] != "'=Lucía" {
		t.Errorf("a name starting with = must not become a spreadsheet formula: %q", recs[1][0])
	}
	if recs[1][9] != "2026-03-02T10:00:00Z" {
		t.Errorf("last activity = %q", recs[1][9])
	}
}

// checkJSON: the rows as JSON, and no rows as an empty list.
func checkJSON(t *testing.T, rows []Row) {
	var buf bytes.Buffer
	if err := Write(&buf, "json", rows); err != nil {
		t.Fatal(err)
	}
	var back []Row
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || len(back) != 1 || back[0].Learner != "=Lucía" {
		t.Fatalf("json = %s (%v)", buf.String(), err)
	}

	buf.Reset()
	if err := Write(&buf, "json", nil); err != nil || bytes.TrimSpace(buf.Bytes())[0] != '[' {
		t.Fatalf("an empty report should be an empty JSON list, got %q", buf.String())
	}
}
