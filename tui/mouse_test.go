package tui

import (
	"testing"
	"time"

	"aula/tui/kinds/choose"

	tea "github.com/charmbracelet/bubbletea"
	zone "github.com/lrstanley/bubblezone"
)

// click draws the screen and clicks the top-left cell of zone id. The zone
// worker stores a frame's zones on its own goroutine; drawing the frame on
// a fresh zone manager means the first place the manager knows for id is
// where this frame put it (a button that moved, btn-check on the next step,
// is not clicked where it was). Only bubblezone's public API is used.
func (d *driver) click(id string) {
	d.t.Helper()
	d.settle()
	old := d.m.c.Zones
	d.m.c.Zones = zone.New()
	old.Close()
	_ = d.m.View()
	deadline := time.Now().Add(2 * time.Second)
	var z *zone.ZoneInfo
	for {
		z = d.m.c.Zones.Get(id)
		if !z.IsZero() {
			break
		}
		if time.Now().After(deadline) {
			d.t.Fatalf("zone %q is not on screen:\n%s", id, d.view())
		}
		time.Sleep(time.Millisecond) // polling the zone worker, with a deadline
	}
	at := tea.MouseMsg{X: z.StartX, Y: z.StartY, Button: tea.MouseButtonLeft}
	at.Action = tea.MouseActionPress
	d.send(at)
	at.Action = tea.MouseActionRelease
	d.send(at)
}

func TestMouseClicksRowsOptionsAndButtons(t *testing.T) {
	d := newDriver(t, "en")
	d.signUp("Lucía")
	d.click("home-0") // "Start here"
	d.must("Step 1 of 8")
	d.click("btn-check") // "Go on" on a read step
	d.must("Step 2 of 8")

	p := d.player()
	ex := p.Ex.(*choose.ChooseExercise)
	right := -1
	for i, o := range ex.Opts {
		if o.Correct {
			right = i
		}
	}
	d.click(ex.ZoneID(right))
	if ex.Cursor != right {
		t.Fatalf("clicking option %d left the cursor on %d", right, ex.Cursor)
	}
	d.click("btn-hint")
	d.must("Hint:")
	d.click("btn-check")
	d.must("✔ Well done!")
	d.click("btn-check")
	d.must("Step 3 of 8")

	d.keys("ctrl+c")
	d.click("dlg-2") // "Stay here"
	d.mustNot("Do you want to leave?")
	d.must("Step 3 of 8")
}

func TestMouseTicksMultipleChoice(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Lucía")
	d.keys("enter")
	for d.player().Step().ID != "teclas-ayuda" {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	ex := d.player().Ex.(*choose.ChooseExercise)
	for i, o := range ex.Opts {
		if o.Correct {
			d.click(ex.ZoneID(i))
		}
	}
	d.click("btn-check")
	d.must("✔ ¡Bien!")
}
