package dashboard

import (
	"testing"
	"time"

	"aula/classroom"
)

// A hub whose data file was damaged at start: the dashboard's first line
// says so, and its help tells the whole truth, in the trainer's language.
func TestDashboardTellsARestoredHub(t *testing.T) {
	src := liveClass(flagRows())
	at := time.Date(2026, 12, 5, 9, 40, 0, 0, time.Local)
	src.snap.Restored = &classroom.Restored{FromBackup: true, BackupTime: at, BadCopies: 1, KeptAt: "/datos/aula.db.damaged-20261205-101500"}
	dd := newDash(t, "es", src, 80, 24)
	dd.must("! Datos dañados: copia del 05/12 09:40 (F1)")
	dd.keys("f1")
	dd.must("estaba dañado", "05/12/2026 a las 09:40", "copia también estaba dañada", "aula.db.damaged-20261205-101500")

	src.snap.Restored = &classroom.Restored{}
	fresh := newDash(t, "en", src, 80, 24)
	fresh.must("! Data damaged: started empty (F1)")
}
