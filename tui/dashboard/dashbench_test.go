package dashboard

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
)

// BenchmarkDashboardKey is one arrow key on the dashboard through Update
// and View: 30 learners at 120×40.
func BenchmarkDashboardKey(b *testing.B) {
	dd := newDash(b, "es", liveClass(classRows(30)), 120, 40)
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		k := down
		if i/29%2 == 1 {
			k = up
		}
		dd.d.Update(k)
		_ = dd.d.View()
	}
}

// BenchmarkDashboardRefresh is a new snapshot of 30 learners through
// Update and View at 120×40 (what happens every 2 seconds).
func BenchmarkDashboardRefresh(b *testing.B) {
	dd := newDash(b, "es", liveClass(classRows(30)), 120, 40)
	snap := classroom.Snapshot{At: dashAt, Rows: classRows(30)}
	b.ResetTimer()
	for b.Loop() {
		dd.d.Update(DashSnapshotMsg{Snap: snap})
		_ = dd.d.View()
	}
}
