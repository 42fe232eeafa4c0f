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
	rows := RowsIn(sample(), lib.Catalog("en"), time.UTC)
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

// Times are the trainer's local time, with the zone stated; a learner
// with no activity yet is listed; the columns of before stay, in order.
func TestReportLocalTimeAndLearnersWithoutActivity(t *testing.T) {
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	all := append(sample(), store.LearnerProgress{Learner: store.Learner{ID: 2, Name: "Bruno"}})
	madrid := time.FixedZone("CET", 3600)
	rows := RowsIn(all, lib.Catalog("es"), madrid)
	if len(rows) != 2 {
		t.Fatalf("rows = %+v, want Lucía's lesson and Bruno", rows)
	}
	if got := rows[0].LastActivity.Format(time.RFC3339); got != "2026-03-02T11:00:00+01:00" || rows[0].TimeZone != "CET" {
		t.Errorf("last activity = %s %s, want 11:00 CET", got, rows[0].TimeZone)
	}
	if b := rows[1]; b.Learner != "Bruno" || b.Status != "not_started" || b.Lesson != "" || !b.LastActivity.IsZero() {
		t.Errorf("Bruno's row = %+v", b)
	}
}

func localRows(t *testing.T) []Row {
	t.Helper()
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	all := append(sample(), store.LearnerProgress{Learner: store.Learner{ID: 2, Name: "Bruno"}})
	return RowsIn(all, lib.Catalog("es"), time.FixedZone("CET", 3600))
}

func TestReportCSVKeepsItsColumnsAndAddsTheZone(t *testing.T) {
	rows := localRows(t)
	var buf bytes.Buffer
	if err := Write(&buf, "csv", rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	before := []string{"learner", "lesson", "title", "status", "steps_done", "steps", "attempts", "hints", "time_spent_seconds", "last_activity", "laptop"}
	for i, h := range before {
		if recs[0][i] != h {
			t.Fatalf("column %d is %q, was %q: columns are added, never renamed or moved", i, recs[0][i], h)
		}
	}
	if recs[0][len(before)] != "time_zone" {
		t.Errorf("header = %v", recs[0])
	}
	if recs[1][9] != "2026-03-02T11:00:00+01:00" || recs[1][11] != "CET" {
		t.Errorf("Lucía's CSV row = %v", recs[1])
	}
	if recs[2][0] != "Bruno" || recs[2][3] != "not_started" || recs[2][9] != "" {
		t.Errorf("Bruno's CSV row = %v", recs[2])
	}
}

func TestReportJSONSaysNoActivityAsNull(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "json", localRows(t)); err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back[0]["last_activity"] != "2026-03-02T11:00:00+01:00" || back[0]["time_zone"] != "CET" {
		t.Errorf("Lucía in JSON = %v", back[0])
	}
	if v, ok := back[1]["last_activity"]; !ok || v != nil || back[1]["status"] != "not_started" {
		t.Errorf("Bruno in JSON = %v; want last_activity null", back[1])
	}
}
