// Package report turns the store's progress into tables for trainers:
// one row per learner and lesson, as CSV or JSON.
package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"aula/lessons"
	"aula/store"
)

// Row is a learner's progress in one lesson.
type Row struct {
	Learner      string    `json:"learner"`
	Laptop       string    `json:"laptop,omitempty"` // on a class hub: which laptop (two Anas are two people)
	Lesson       string    `json:"lesson"`
	Title        string    `json:"title"`
	Status       string    `json:"status"`
	StepsDone    int       `json:"steps_done"`
	Steps        int       `json:"steps"`
	Attempts     int       `json:"attempts"`
	Hints        int       `json:"hints"`
	TimeSpentSec int       `json:"time_spent_seconds"`
	LastActivity time.Time `json:"last_activity"` // local time with its offset; null (CSV: empty) for no activity yet
	TimeZone     string    `json:"time_zone"`     // the zone of last_activity: "CET", "CEST"… (added in issue 17)
}

// MarshalJSON writes last_activity as null for a learner with no
// activity yet, rather than the year 1.
func (r Row) MarshalJSON() ([]byte, error) {
	type plain Row
	if !r.LastActivity.IsZero() {
		return json.Marshal(plain(r))
	}
	return json.Marshal(struct {
		plain
		LastActivity *time.Time `json:"last_activity"`
	}{plain: plain(r)})
}

// Rows builds the report from every learner's progress, times in local
// time; titles come from cat when the lesson is known there.
func Rows(all []store.LearnerProgress, cat *lessons.Catalog) []Row {
	return RowsIn(all, cat, time.Local)
}

// RowsIn is Rows with times in loc. A learner with no activity yet has one
// row, with no lesson and status not_started (noActivity).
func RowsIn(all []store.LearnerProgress, cat *lessons.Catalog, loc *time.Location) []Row {
	var rows []Row
	for _, lp := range all {
		if len(lp.Lessons) == 0 {
			rows = append(rows, noActivity(lp.Learner))
			continue
		}
		for _, p := range lp.Lessons {
			title := p.Lesson
			if l, ok := cat.Lesson(p.Lesson); ok {
				title = l.Title
			}
			rows = append(rows, Row{
				Learner:      lp.Learner.Name,
				Laptop:       laptop(lp.Learner.Device),
				Lesson:       p.Lesson,
				Title:        title,
				Status:       string(p.Status),
				StepsDone:    p.StepsDone(),
				Steps:        p.Steps,
				Attempts:     p.Attempts,
				Hints:        p.Hints,
				TimeSpentSec: int(p.TimeSpent.Round(time.Second) / time.Second),
				LastActivity: p.LastActivity.In(loc).Truncate(time.Second),
				TimeZone:     zoneOf(p.LastActivity.In(loc)),
			})
		}
	}
	return rows
}

// Formats the report can be written in: csv and json by Write, pdf (the
// session report) by Session.WritePDF.
var Formats = []string{"csv", "json", "pdf"}

// Write writes rows in format (csv or json).
func Write(w io.Writer, format string, rows []Row) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if rows == nil {
			rows = []Row{}
		}
		return enc.Encode(rows)
	case "csv":
		records := [][]string{{"learner", "lesson", "title", "status", "steps_done", "steps", "attempts", "hints", "time_spent_seconds", "last_activity", "laptop", "time_zone"}}
		for _, r := range rows {
			last := ""
			if !r.LastActivity.IsZero() {
				last = r.LastActivity.Format(time.RFC3339)
			}
			records = append(records, []string{safeCell(r.Learner), r.Lesson, safeCell(r.Title), r.Status, strconv.Itoa(r.StepsDone), strconv.Itoa(r.Steps),
				strconv.Itoa(r.Attempts), strconv.Itoa(r.Hints), strconv.Itoa(r.TimeSpentSec), last, r.Laptop, r.TimeZone})
		}
		return csv.NewWriter(w).WriteAll(records)
	}
	return fmt.Errorf("unknown format %q: use csv or json", format)
}

// noActivity is the row of a learner who has done nothing yet: listed, so
// the trainer sees who has not begun.
func noActivity(l store.Learner) Row {
	return Row{Learner: l.Name, Laptop: laptop(l.Device), Status: string(store.NotStarted)}
}

// zoneOf names t's zone ("CET"), or its offset when the zone has no name.
func zoneOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	name, _ := t.Zone()
	if name == "" {
		return t.Format("-07:00")
	}
	return name
}

// laptop is a short, stable name for a device: enough to tell laptops apart.
func laptop(device string) string {
	if len(device) > 6 {
		return device[:6]
	}
	return device
}

// safeCell keeps a spreadsheet from reading a name such as "=SUM(A1)" as a
// formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
