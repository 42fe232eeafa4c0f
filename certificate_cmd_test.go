package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aula/store"
)

// finishedItinerary makes a data file in dir where name finished the
// lessons of primeros-pasos, in a centre with a name and a trainer.
func finishedItinerary(t *testing.T, dir, name string) {
	t.Helper()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveCentre(store.Centre{Name: "Centro Cívico La Almozara", Trainer: "Íñigo Pérez"}); err != nil {
		t.Fatal(err)
	}
	l, err := st.AddLearner(name, "")
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := loadLessons("")
	at := time.Date(2026, 12, 5, 11, 0, 0, 0, time.Local)
	for i, id := range []string{"usar-aula", "teclado", "seguridad-basica"} {
		n := len(lib.Catalog("es").Lessons[id].Steps())
		e := store.Event{Learner: l.ID, Kind: store.LessonDone, Lesson: id, Step: "final", StepIndex: n - 1, Steps: n,
			Elapsed: time.Minute, At: at.Add(time.Duration(i) * time.Minute)}
		if _, err := st.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	// Begun, not finished: the mail itinerary.
	if _, err := st.Record(store.Event{Learner: l.ID, Kind: store.LessonDone, Lesson: "correo-leer", Step: "final",
		StepIndex: 0, Steps: 1, At: at}); err != nil {
		t.Fatal(err)
	}
}

func TestCertificateCLIEndToEnd(t *testing.T) {
	data := t.TempDir()
	finishedItinerary(t, data, "Begoña Núñez")
	out := filepath.Join(t.TempDir(), "para-imprimir", "begona.pdf")

	// Typed as the trainer would, in lower case and without the tilde's
	// composed form.
	code, stdout, stderr := runAula(t, "certificate", "--learner", "begoña núñez", "--itinerary", "primeros-pasos",
		"--out", out, "--data", data, "--lang", "es")
	wantCode(t, code, exitOK, stdout, stderr)
	if !strings.Contains(stdout, "Certificado guardado: "+out) || !strings.Contains(stdout, "Código de verificación: ") {
		t.Fatalf("aula certificate said:\n%s", stdout)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, w := range []string{"Certificado de aprovechamiento", "Begoña Núñez", "Primeros pasos", "Persona formadora: Íñigo Pérez",
			"Fecha: 5 de diciembre de 2026", "4.2 Protección de datos personales y privacidad"} {
			if !strings.Contains(flat, w) {
				t.Errorf("the certificate lacks %q:\n%s", w, text)
			}
		}
	}
	certCode := strings.TrimSpace(stdout[strings.Index(stdout, "Código de verificación: ")+len("Código de verificación: "):])

	// Genuine, said in English.
	code, stdout, stderr = runAula(t, "certificate", "verify", certCode, "--data", data, "--lang", "en")
	wantCode(t, code, exitOK, stdout, stderr)
	for _, w := range []string{"GENUINE", "Learner:    Begoña Núñez", "Itinerary:  First steps (primeros-pasos)", "Date:       2026-12-05",
		"Centre:     Centro Cívico La Almozara", "does not prove"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("verify said:\n%s\nwant %q", stdout, w)
		}
	}
	// Typed in groups with spaces, as read from paper.
	args := append([]string{"certificate", "verify", "--data", data, "--lang", "es"}, strings.Split(strings.ReplaceAll(certCode, "-", " "), " ")...)
	code, stdout, stderr = runAula(t, args...)
	wantCode(t, code, exitOK, stdout, stderr)
	if !strings.HasPrefix(stdout, "AUTÉNTICO") {
		t.Errorf("verify in groups said:\n%s", stdout)
	}

	// One letter changed: refused.
	tampered := []byte(certCode)
	i := len(tampered) / 3
	if tampered[i] == '-' {
		i++
	}
	if tampered[i] == 'Q' {
		tampered[i] = 'R'
	} else {
		tampered[i] = 'Q'
	}
	code, stdout, _ = runAula(t, "certificate", "verify", string(tampered), "--data", data, "--lang", "es")
	if code != exitProblem || (!strings.HasPrefix(stdout, "NO ES AUTÉNTICO") && !strings.HasPrefix(stdout, "NO SE PUEDE LEER")) {
		t.Errorf("a tampered code: exit %d,\n%s", code, stdout)
	}

	// On another computer, with this centre's public key.
	code, stdout, stderr = runAula(t, "certificate", "key", "--data", data, "--lang", "en")
	wantCode(t, code, exitOK, stdout, stderr)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	pub := lines[len(lines)-1]
	other := t.TempDir()
	code, stdout, stderr = runAula(t, "certificate", "verify", certCode, "--key", pub, "--data", other, "--lang", "en")
	wantCode(t, code, exitOK, stdout, stderr)
	// Without it, that computer has no centre key to check with, and
	// creates none.
	if err := os.WriteFile(filepath.Join(other, "x"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runAula(t, "certificate", "verify", certCode, "--data", other, "--lang", "en")
	if code != exitData || !strings.Contains(stderr, "there is no Aula data in") {
		t.Errorf("verify without data: exit %d, %s", code, stderr)
	}
}

func TestCertificateCLIMistakes(t *testing.T) {
	data := t.TempDir()
	finishedItinerary(t, data, "Ana")
	missing := filepath.Join(t.TempDir(), "no-existe")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown flag, named", []string{"--lerner", "Ana", "--lang", "es"}, exitUsage, "--lerner no es una opción de esta orden"},
		{"unknown flag in English", []string{"--lang", "en", "--itinerari", "x"}, exitUsage, "--itinerari is not an option of this command"},
		{"flag without value", []string{"--lang", "en", "--learner"}, exitUsage, "--learner needs a value after it"},
		{"no --learner", []string{"--itinerary", "primeros-pasos", "--data", data, "--lang", "en"}, exitUsage, "--learner is missing"},
		{"no --itinerary: the list", []string{"--learner", "Ana", "--data", data, "--lang", "es"}, exitUsage, "primeros-pasos (Primeros pasos)"},
		{"unknown itinerary", []string{"--learner", "Ana", "--itinerary", "cocina", "--data", data, "--lang", "en"}, exitUsage, "there is no itinerary “cocina”"},
		{"nobody called", []string{"--learner", "Luis", "--itinerary", "primeros-pasos", "--data", data, "--lang", "en"}, exitProblem, "nobody is called “Luis”"},
		{"not finished", []string{"--learner", "Ana", "--itinerary", "correo-electronico", "--data", data, "--lang", "es"}, exitProblem,
			"Ana todavía no ha terminado «El correo electrónico»: lleva 1 de 5 lecciones"},
		{"--data missing", []string{"--learner", "Ana", "--itinerary", "primeros-pasos", "--data", missing, "--lang", "en"}, exitData,
			"the data folder " + missing + " does not exist"},
		{"--out unwritable", []string{"--learner", "Ana", "--itinerary", "primeros-pasos", "--data", data, "--out", filepath.Join(data, "aula.db", "x.pdf"), "--lang", "en"},
			exitProblem, "--out: cannot write"},
		{"verify without a code", []string{"verify", "--data", data, "--lang", "en"}, exitUsage, "the CODE is missing"},
		{"verify with a bad key", []string{"verify", "ABC", "--key", "nope", "--lang", "en"}, exitUsage, "--key: not a centre key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runAula(t, append([]string{"certificate"}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s\nwant %q", code, tc.code, stdout, stderr, tc.want)
			}
		})
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("a --data folder that did not exist was created (%v)", err)
	}
	// A code that is not a code.
	code, stdout, _ := runAula(t, "certificate", "verify", "hola-que-tal", "--data", data, "--lang", "es")
	if code != exitProblem || !strings.Contains(stdout, "NO SE PUEDE LEER") {
		t.Errorf("verify hola: exit %d\n%s", code, stdout)
	}
}
