package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aula/lessons"
	"aula/store"
)

// class records a morning: Ana finishes primeros-pasos and asks for help
// once (answered 3 minutes later); Luis misses the same step twice; Bruno,
// who has a profile, does not come.
func class(t *testing.T) (*store.Store, *lessons.Library, time.Time) {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if err := st.SaveCentre(store.Centre{Name: "Centro Cívico La Almozara", Trainer: "Íñigo Pérez"}); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 12, 5, 10, 0, 0, 0, time.Local)
	add := func(name string) uint64 {
		l, err := st.AddLearner(name, "")
		if err != nil {
			t.Fatal(err)
		}
		return l.ID
	}
	ana, luis := add("Ana Núñez"), add("Luis")
	add("Bruno")
	rec := func(e store.Event) {
		t.Helper()
		if _, err := st.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	for i, id := range []string{"usar-aula", "teclado", "seguridad-basica"} {
		n := len(lib.Catalog("es").Lessons[id].Steps())
		rec(store.Event{Learner: ana, Kind: store.LessonStarted, Lesson: id, Step: "x", Steps: n, At: day.Add(time.Duration(i*10) * time.Minute)})
		rec(store.Event{Learner: ana, Kind: store.LessonDone, Lesson: id, Step: "x", StepIndex: n - 1, Steps: n, Elapsed: 8 * time.Minute,
			At: day.Add(time.Duration(i*10+8) * time.Minute)})
	}
	rec(store.Event{Learner: ana, Kind: store.HelpAsked, At: day.Add(40 * time.Minute)})
	rec(store.Event{Learner: ana, Kind: store.HelpCancelled, At: day.Add(43 * time.Minute)})
	rec(store.Event{Learner: luis, Kind: store.LessonStarted, Lesson: "usar-aula", Step: "bienvenida", Steps: 8, At: day})
	for i := range 2 {
		rec(store.Event{Learner: luis, Kind: store.Answered, Lesson: "usar-aula", Step: "flechas", StepIndex: 1, Steps: 8, Attempt: i + 1,
			Mistake: "arriba", Elapsed: time.Minute, At: day.Add(time.Duration(i+1) * time.Minute)})
	}
	// The day before: not in the session.
	rec(store.Event{Learner: luis, Kind: store.LessonStarted, Lesson: "teclado", Step: "x", Steps: 9, At: day.AddDate(0, 0, -1)})
	return st, lib, day
}

func TestSessionSaysWhoCameAndWhatHappened(t *testing.T) {
	st, lib, _ := class(t)
	from := time.Date(2026, 12, 5, 0, 0, 0, 0, time.Local)
	s, err := BuildSession(st, lib.Catalog("en"), from, from.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Came) != 2 || s.Came[0].Name != "Ana Núñez" || s.Came[1].Name != "Luis" {
		t.Fatalf("came = %+v", s.Came)
	}
	if a := s.Came[0]; a.Started != 3 || a.Finished != 3 || a.TimeOnTask != 24*time.Minute || len(a.Itineraries) != 1 || a.Itineraries[0] != "First steps" {
		t.Errorf("Ana = %+v", a)
	}
	if l := s.Came[1]; l.Started != 1 || l.Finished != 0 {
		t.Errorf("Luis = %+v (the day before must not count)", l)
	}
	if len(s.Absent) != 1 || s.Absent[0] != "Bruno" {
		t.Errorf("absent = %v", s.Absent)
	}
}

func TestSessionSaysTheHelpAndTheHardSteps(t *testing.T) {
	st, lib, day := class(t)
	from := time.Date(2026, 12, 5, 0, 0, 0, 0, time.Local)
	s, err := BuildSession(st, lib.Catalog("en"), from, from.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Help) != 1 || s.Help[0].Waited != 3*time.Minute || s.Help[0].Open || !s.Help[0].At.Equal(day.Add(40*time.Minute)) {
		t.Errorf("help = %+v", s.Help)
	}
	if len(s.Struggles) != 1 || s.Struggles[0].Misses != 2 || s.Struggles[0].Learners != 1 || s.Struggles[0].Lesson != "How to use Aula" {
		t.Errorf("struggles = %+v", s.Struggles)
	}
}

func TestSessionPDFInBothLanguages(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is not installed; .ci/run installs it")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	st, lib, day := class(t)
	from := time.Date(2026, 12, 5, 0, 0, 0, 0, time.Local)
	asked := day.Add(40 * time.Minute).Format("15:04") // local time
	zone, _ := day.Zone()
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"es", []string{"Informe de la sesión", "Sesión del 2026-12-05", "Centro Cívico La Almozara · Persona formadora: Íñigo Pérez",
			"hora local (" + zone + ")", "Quién vino (2 personas)", "Ana Núñez", "24 min", "Primeros pasos", "No vino (1), aunque tiene perfil aquí: Bruno.",
			asked + " · Ana Núñez · esperó 3 min", "Cómo usar Aula —", "2 fallos, de 1 persona", "Itinerarios terminados (certificado)"}},
		{"en", []string{"Session report", "Session of 2026-12-05", "Trainer: Íñigo Pérez", "local time (" + zone + ")", "Who came (2 learners)",
			"First steps", "Did not come (1)", asked + " · Ana Núñez · waited 3 min", "How to use Aula —", "2 wrong answers, from 1 learner",
			"Itineraries finished (certificate)"}},
	} {
		s, err := BuildSession(st, lib.Catalog(tc.lang), from, from.AddDate(0, 0, 1))
		if err != nil {
			t.Fatal(err)
		}
		s.Made = time.Date(2026, 12, 5, 13, 0, 0, 0, time.Local)
		var buf bytes.Buffer
		if err := s.WritePDF(&buf, tc.lang, time.Local); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "r.pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(out)), " ")
		for _, w := range tc.want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: the report lacks %q:\n%s", tc.lang, w, out)
			}
		}
	}
}
