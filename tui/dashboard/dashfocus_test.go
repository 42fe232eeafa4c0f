package dashboard

import (
	"regexp"
	"slices"
	"testing"

	"aula/classroom"
)

// focusedButton is the button with the ▶ on screen, or "".
var focusedButton = regexp.MustCompile(`▶ ?(?:(\[[^\]]+\][^\[\n]*?)(?: {2,}|\n|$)|([←→]))`)

func (dd *dashDriver) tabThrough(t *testing.T) []string {
	t.Helper()
	var seen []string
	for range 20 {
		dd.keys("tab")
		m := focusedButton.FindStringSubmatch(dd.view())
		if m == nil {
			return seen // back to the list
		}
		seen = append(seen, m[1]+m[2])
	}
	t.Fatalf("Tab never came back to the list: %q", seen)
	return nil
}

// Every button of the dashboard is reached with Tab, in the order drawn,
// shows its focus, and Enter presses it (issue 19 item 7: the actions
// were reached by their letters and the mouse only).
func TestDashboardButtonsByTab(t *testing.T) {
	dd := newDash(t, "es", liveClass(flagRows()), 120, 40)
	top := []string{"[M] Mensaje a todos", "[P] Pausar pantallas", "[L] Todos a una lección"}
	if got := dd.tabThrough(t); !slices.Equal(got, top) {
		t.Fatalf("the list's buttons by Tab: %q, want %q", got, top)
	}
	dd.keys("shift+tab")
	dd.must("▶ [L] Todos a una lección")
	dd.keys("enter")
	dd.must("¿A qué lección vamos todos?")
	dd.keys("esc")
	dd.keys("tab") // from the last button back to the list: ↓ moves the selection again
	dd.keys("down")
	if dd.d.Cursor != 1 {
		t.Fatalf("after Tab back to the list ↓ selected row %d", dd.d.Cursor)
	}

	dd.keys("up", "enter") // Lucía's steps
	detail := append(slices.Clone(top), "[m] Mensaje", "[a] Ya voy", "[l] Enviar a una lección", "[r] Quitar el PIN", "[Esc] Volver")
	if got := dd.tabThrough(t); !slices.Equal(got, detail) {
		t.Fatalf("the detail's buttons by Tab: %q, want %q", got, detail)
	}
	dd.keys("shift+tab", "shift+tab", "shift+tab", "shift+tab") // Ya voy
	dd.must("▶ [a] Ya voy")
	got := sentOne(t, dd, "enter")
	if want := (classroom.Command{Kind: classroom.CmdAckHelp, To: flagRows()[0].Target()}); got != want {
		t.Fatalf("Enter on Ya voy sent %+v, want %+v", got, want)
	}
	dd.keys("right", "right", "right") // → along the buttons: Volver
	dd.must("▶ [Esc] Volver")
	dd.keys("enter")
	if dd.d.view != viewList {
		t.Fatalf("Enter on Volver left the view at %d", dd.d.view)
	}
	dd.mustNot("▶ [")

	dd.keys("v") // the class view
	got2 := dd.tabThrough(t)
	if want := append(slices.Clone(top), "←", "→", "[Esc] Volver"); !slices.Equal(got2, want) {
		t.Fatalf("the class view's buttons by Tab: %q, want %q", got2, want)
	}
}
