package dashboard

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"aula/classroom"
	"aula/tui/internal/tuitest"
)

// Golden screens of the trainer's dashboard at 80×24 and 120×40 in both
// languages, through a real Bubble Tea program. Regenerate with
// `go test ./tui -run GoldenDashboard -update`, then read every file.
func TestGoldenDashboard(t *testing.T) {
	local := func() *fakeSource {
		rows := flagRows()[:3]
		for i := range rows {
			rows[i].Device, rows[i].RemoteID, rows[i].Present, rows[i].Seen, rows[i].Flags = "", 0, nil, 0, nil
		}
		rows[0].Last = dashAt.Add(-2 * time.Hour)
		return &fakeSource{snap: classroom.Snapshot{At: dashAt, Rows: rows}}
	}
	cases := []struct {
		name  string
		src   func() *fakeSource
		drive func(tm *teatest.TestModel)
		wait  map[string]string
	}{
		{name: "empty", src: func() *fakeSource { return liveClass(nil) },
			wait: map[string]string{"es": "Todavía no ha entrado nadie", "en": "Nobody has joined yet"}},
		{name: "one", src: func() *fakeSource { return liveClass(flagRows()[4:5]) },
			wait: map[string]string{"es": "Fátima", "en": "Fátima"}},
		{name: "flags", src: func() *fakeSource { return liveClass(flagRows()) },
			wait: map[string]string{"es": "Pilar", "en": "Pilar"}},
		{name: "thirty", src: func() *fakeSource { return liveClass(classRows(30)) },
			wait: map[string]string{"es": "30 personas", "en": "30 people"}},
		{name: "detail", src: func() *fakeSource { return liveClass(flagRows()) },
			drive: func(tm *teatest.TestModel) { tm.Send(tea.KeyMsg{Type: tea.KeyEnter}) },
			wait:  map[string]string{"es": "Intentos", "en": "Tries"}},
		{name: "class", src: func() *fakeSource { return liveClass(flagRows()) },
			drive: func(tm *teatest.TestModel) { tuitest.TypeKeys(tm, "v") },
			wait:  map[string]string{"es": "Error más común", "en": "Most common mistake"}},
		{name: "pause", src: func() *fakeSource { return liveClass(flagRows()) },
			drive: func(tm *teatest.TestModel) { tuitest.TypeKeys(tm, "P") },
			wait:  map[string]string{"es": "mirad aquí", "en": "Eyes on me"}},
		{name: "local", src: local,
			wait: map[string]string{"es": "Panel de este portátil", "en": "This laptop's dashboard"}},
	}
	for _, lang := range []string{"es", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, gc := range cases {
				t.Run(fmt.Sprintf("%s-%dx%d-%s", gc.name, size[0], size[1], lang), func(t *testing.T) {
					src := gc.src()
					addr, code := "http://192.168.1.23:7420", "4821"
					if !src.live {
						addr, code = "", ""
					}
					m := New(Config{Source: src, Library: tuitest.Library(t), Lang: lang, Address: addr, Code: code,
						Now:  func() time.Time { return dashAt },
						Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
					tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
					if gc.drive != nil {
						// The class must be on screen before the keys act on it.
						teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Pilar")) },
							teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
						gc.drive(tm)
					}
					want := gc.wait[lang]
					teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
						teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
					if err := tm.Quit(); err != nil {
						t.Fatal(err)
					}
					final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Dashboard)
					golden.RequireEqual(t, []byte(final.View()))
				})
			}
		}
	}
}
