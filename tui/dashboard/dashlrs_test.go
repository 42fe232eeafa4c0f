package dashboard

import "testing"

// Statements the region's LRS refused are one line on the dashboard, in
// the trainer's language, with where to read more.
func TestDashboardTellsOfRefusedStatements(t *testing.T) {
	src := liveClass(flagRows())
	src.snap.LRSRefused = 2
	newDash(t, "es", src, 80, 24).must("2 rechazados por el LRS: aula hub --status")
	src.snap.LRSRefused = 1
	newDash(t, "en", src, 80, 24).must("1 refused by the LRS: aula hub --status")
}
