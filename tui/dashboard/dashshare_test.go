package dashboard

import (
	"context"
	"errors"
	"strings"
	"testing"

	"aula/classroom"
	"aula/classroom/share"
)

// shareFake is a class whose hub can show screens: it keeps the asks and
// what the trainer said; a watch stays "in flight" (the test delivers its
// answer, late, when it wants).
type shareFake struct {
	*fakeSource
	asks    []string
	says    []share.Say
	watches []uint64 // the copy's frame each watch asked from
}

var errInFlight = errors.New("still waiting")

func (f *shareFake) AskShare(_ context.Context, to, trainer string) (string, error) {
	f.asks = append(f.asks, to+" "+trainer)
	return "s1", nil
}

func (f *shareFake) WatchShare(_ context.Context, _ string, after uint64) (share.Update, error) {
	f.watches = append(f.watches, after)
	return share.Update{}, errInFlight
}

func (f *shareFake) SayShare(_ context.Context, s share.Say) error {
	f.says = append(f.says, s)
	return nil
}

func newShareDash(t *testing.T, lang string) (*dashDriver, *shareFake) {
	t.Helper()
	f := &shareFake{fakeSource: liveClass(flagRows())}
	dd := newDash(t, lang, f.fakeSource, 100, 30)
	dd.d.cfg.Source, dd.d.cfg.Trainer = f, "Marta"
	return dd, f
}

func update(seq, after uint64, full bool, rows ...string) dashShareMsg {
	u := share.Update{Share: "s1", State: share.Sharing, Seq: seq, After: after, Full: full, Width: 40, Height: 4}
	for i, r := range rows {
		if r != "" {
			u.Lines = append(u.Lines, share.Line{Row: i, Text: r})
		}
	}
	return dashShareMsg{id: "s1", u: u}
}

// w asks to see the selected learner's screen; the copy follows the
// newest frame whatever order the answers come in; Enter points, m
// writes, Esc stops.
func TestDashboardWatchesAScreenKeepingTheNewest(t *testing.T) {
	dd, f := newShareDash(t, "es")
	row := dd.d.snap.Rows[0]
	dd.must("w ver su pantalla")
	dd.keys("w")
	if len(f.asks) != 1 || f.asks[0] != row.Target()+" Marta" {
		t.Fatalf("asks %q", f.asks)
	}
	dd.must("Pantalla de "+row.Name, "Esperando a que "+row.Name+" diga que sí", "No se ve nada hasta que lo permita")
	dd.send(update(3, 0, true, "Aula · Contraseña", "", "  [••••]", "F1 más teclas"))
	dd.must("│  [••••]", "compartida desde las", "Intro señalar aquí")
	// Late and out of order: an older whole frame, and a part made for a
	// copy newer than this one, change nothing; a part for this copy does.
	dd.send(update(2, 0, true, "old", "old", "old", "old"))
	dd.send(update(9, 5, false, "", "", "  [•••••••]"))
	dd.mustNot("old", "•••••••")
	dd.send(update(4, 3, false, "", "", "  [•••••]"))
	dd.must("│  [•••••]")
	dd.send(dashShareMsg{id: "gone", u: share.Update{Share: "gone", State: share.Ended, Seq: 99}})
	dd.must("│  [•••••]")
	if n := len(f.watches); n == 0 || f.watches[n-1] != 4 {
		t.Errorf("the next watch asks from frame %v, want 4", f.watches)
	}
	// Hostile text from a hub that is not ours never reaches the terminal.
	dd.send(update(5, 4, false, "\x1b]0;owned\x07\x1b[2Jhola\u202e"))
	if v := dd.view(); strings.Contains(v, "\x1b]0") || strings.Contains(v, "\u202e") || !strings.Contains(v, "│hola") {
		t.Errorf("a row with escapes is drawn as %q", lineOf(t, v, "hola"))
	}
	dd.keys("down", "down", "right", "right", "enter")
	if n := len(f.says); n != 1 || f.says[0].Kind != share.SayPoint || *f.says[0].Point != (share.Point{Row: 2, Col: 2}) {
		t.Fatalf("says %+v", f.says)
	}
	dd.must(row.Name + " ve una marca donde has señalado.")
	dd.keys("m", "Pulsa Tab", "enter")
	if n := len(f.says); n != 2 || f.says[1].Kind != share.SayMessage || f.says[1].Text != "Pulsa Tab" {
		t.Fatalf("says %+v", f.says)
	}
	dd.keys("esc")
	if n := len(f.says); n != 3 || f.says[2].Kind != share.SayStop {
		t.Fatalf("says %+v", f.says)
	}
	dd.must("Has dejado de ver la pantalla de " + row.Name)
	dd.mustNot("│")
}

// A learner who says no, or stops: the dashboard says so and goes back.
func TestDashboardShareDeclinedAndEnded(t *testing.T) {
	dd, _ := newShareDash(t, "en")
	name := dd.d.snap.Rows[0].Name
	dd.keys("w")
	dd.send(dashShareMsg{id: "s1", u: share.Update{Share: "s1", State: share.Declined}})
	dd.must(name + " said no, or did not answer.")
	dd.mustNot(name + "'s screen")
	dd.keys("w")
	dd.send(update(1, 0, true, "Aula"))
	dd.must(name + "'s screen")
	dd.send(dashShareMsg{id: "s1", u: share.Update{Share: "s1", State: share.Ended, Seq: 1}})
	dd.must(name + " stopped sharing their screen.")
}

// Without a hub that shows screens, w says why.
func TestDashboardCannotWatchWithoutAHub(t *testing.T) {
	src := liveClass(flagRows())
	dd := newDash(t, "en", src, 100, 30)
	dd.mustNot("see their screen")
	dd.keys("w")
	dd.must("Screens can be seen only through a class hub")
	if c := src.commands(); len(c) != 0 {
		t.Errorf("sent %+v", c)
	}
	var _ classroom.ShareSource = (*classroom.Hub)(nil)
	var _ classroom.ShareSource = (*classroom.Client)(nil)
}
