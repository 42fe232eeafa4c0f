package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"aula/lessons"
	"aula/store"
)

// runAula calls run as the command line would and returns what it said.
func runAula(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// wantCode fails the test when run did not end with the expected code.
func wantCode(t *testing.T, got, want int, stdout, stderr string) {
	t.Helper()
	if got != want {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", got, want, stdout, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, out, errOut := runAula(t, "version")
	wantCode(t, code, exitOK, out, errOut)
	if out != "aula "+version+"\n" {
		t.Errorf("version said %q, want %q", out, "aula "+version+"\n")
	}
}

func TestHelpListsCommandsAndFlags(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "help"} {
		t.Run(arg, func(t *testing.T) {
			code, out, errOut := runAula(t, arg)
			wantCode(t, code, exitOK, out, errOut)
			// Help that was asked for goes to stdout, where a pager can read it.
			for _, want := range []string{
				"lessons check", "lessons list", "report", "learners reset-pin", "version",
				"--data", "--lang", "--lesson", "--lessons", "--format", "--json",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("help does not mention %q:\n%s", want, out)
				}
			}
			if errOut != "" {
				t.Errorf("help wrote to stderr: %q", errOut)
			}
		})
	}
}

func TestUnknownFlagIsAUsageErrorOnStderr(t *testing.T) {
	for _, c := range []struct{ env, said, usage string }{
		{"en_GB.UTF-8", "aula: --bogus is not an option of this command.", "Usage:"},
		{"es_ES.UTF-8", "aula: --bogus no es una opción de esta orden.", "Uso:"},
	} {
		t.Setenv("LANG", c.env)
		code, out, errOut := runAula(t, "--bogus")
		wantCode(t, code, exitUsage, out, errOut)
		if out != "" {
			t.Errorf("a usage error wrote to stdout: %q", out)
		}
		if !strings.HasPrefix(errOut, c.said+"\n") || !strings.Contains(errOut, c.usage) {
			t.Errorf("LANG=%s: stderr should name the flag and show the usage in its language:\n%s", c.env, errOut)
		}
	}
}

// Every command's flag mistakes and help are said in the language of
// --lang, else of the environment, never in English by default.
func TestEveryCommandSpeaksTheLanguageAsked(t *testing.T) {
	t.Setenv("LANG", "es_ES.UTF-8")
	for _, cmd := range [][]string{{}, {"hub"}, {"trainer"}, {"setup"}, {"region"}, {"report"}, {"learners"}, {"certificate"}} {
		code, out, errOut := runAula(t, append(cmd, "--bogus")...)
		wantCode(t, code, exitUsage, out, errOut)
		if !strings.Contains(errOut, "--bogus no es una opción de esta orden") || strings.Contains(errOut, "flag provided") {
			t.Errorf("aula %v --bogus, in Spanish: %q", cmd, errOut)
		}
		code, out, errOut = runAula(t, append(cmd, "--bogus", "--lang", "en")...)
		wantCode(t, code, exitUsage, out, errOut)
		if !strings.Contains(errOut, "--bogus is not an option of this command") {
			t.Errorf("aula %v --bogus --lang en: %q", cmd, errOut)
		}
	}
	for _, cmd := range [][]string{{}, {"hub"}, {"trainer"}, {"setup"}, {"region"}} {
		code, out, errOut := runAula(t, append(cmd, "--help")...)
		wantCode(t, code, exitOK, out, errOut)
		if !strings.Contains(out, "Uso:") || !strings.Contains(out, "Opciones del quiosco:") {
			t.Errorf("aula %v --help, in Spanish:\n%s", cmd, out)
		}
	}
	code, out, errOut := runAula(t, "nada")
	wantCode(t, code, exitUsage, out, errOut)
	if errOut != "aula: no existe la orden «nada». Mira aula --help.\n" {
		t.Errorf("an unknown command, in Spanish: %q", errOut)
	}
}

func TestUnknownCommand(t *testing.T) {
	code, out, errOut := runAula(t, "frobnicate", "--data", t.TempDir(), "--lang", "en")
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, "“frobnicate”") {
		t.Errorf("stderr should name the command: %q", errOut)
	}
}

func TestLessonsCheckBuiltIn(t *testing.T) {
	code, out, errOut := runAula(t, "lessons", "check", "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	want := fmt.Sprintf("ok: %d lessons", len(lib.Catalog("es").Lessons))
	if !strings.HasPrefix(out, want) {
		t.Errorf("lessons check said %q, want it to start with %q", out, want)
	}
}

// writeFile writes a test file, making its folder.
func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLessonsCheckBrokenFolder(t *testing.T) {
	dir := t.TempDir()
	// Line numbers matter: the step without a hint starts on line 4, the
	// unknown kind is on line 9.
	writeFile(t, filepath.Join(dir, "es", "mala.yaml"), `id: mala
title: Lección mala
steps:
  - id: uno
    kind: read
    title: Uno
    text: Hola.
  - id: dos
    kind: bailar
    title: Dos
    text: Adiós.
    hint: Ninguna.
`)
	// The English file is fine and matches what is left of the Spanish one
	// (the step with the unknown kind is dropped), so every problem is in es.
	writeFile(t, filepath.Join(dir, "en", "mala.yaml"), `id: mala
title: Bad lesson
steps:
  - id: uno
    kind: read
    title: One
    text: Hello.
    hint: Press Enter.
`)
	// The same file, in the trainer's language (--lang, else the
	// environment's): English, Spanish; file:line first on every line.
	file := filepath.ToSlash(filepath.Join(dir, "es", "mala.yaml"))
	kinds := strings.Join(lessons.Kinds(), ", ")
	for _, tc := range []struct {
		args  []string
		want  []string
		count string
	}{
		{[]string{"--lang", "en"}, []string{
			file + `:4: step "uno" has no hint: every step needs one`,
			file + `:9: step "dos": kind "bailar" is not one of ` + kinds,
		}, "2 problems found."},
		{[]string{"--lang", "es"}, []string{
			file + `:4: el paso "uno" no tiene pista (hint): todos los pasos necesitan una`,
			file + `:9: paso "dos": kind "bailar" no es ninguno de estos: ` + kinds,
		}, "Hay 2 problemas."},
	} {
		code, out, errOut := runAula(t, append([]string{"lessons", "check", dir}, tc.args...)...)
		wantCode(t, code, exitProblem, out, errOut)
		got := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("lessons check %v printed\n%s\nwant\n%s", tc.args, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
		if !strings.Contains(errOut, tc.count) {
			t.Errorf("lessons check %v: stderr should count the problems: %q", tc.args, errOut)
		}
	}
}

func TestLessonsCheckMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	code, out, errOut := runAula(t, "lessons", "check", dir, "--lang", "en")
	wantCode(t, code, exitProblem, out, errOut)
	if !strings.Contains(errOut, dir) || !strings.Contains(errOut, "does not exist") {
		t.Errorf("stderr should say the folder does not exist: %q", errOut)
	}
}

func TestLessonsListText(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"es", []string{"primeros-pasos  Primeros pasos", "usar-aula", "Cómo usar Aula", "teclado", "seguridad-basica", "8 pasos  read,choose"}},
		{"en", []string{"primeros-pasos  First steps", "usar-aula", "How to use Aula", "teclado", "seguridad-basica", "8 steps  read,choose"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			code, out, errOut := runAula(t, "lessons", "list", "--lang", tt.lang)
			wantCode(t, code, exitOK, out, errOut)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("lessons list --lang %s does not say %q:\n%s", tt.lang, w, out)
				}
			}

		})
	}
}

type listJSON struct {
	Lang        string `json:"lang"`
	Itineraries []struct {
		ID      string `json:"id"`
		Title   string `json:"title"`
		Lessons []struct {
			ID    string   `json:"id"`
			Title string   `json:"title"`
			Topic string   `json:"topic"`
			Steps int      `json:"steps"`
			Kinds []string `json:"step_kinds"`
		} `json:"lessons"`
	} `json:"itineraries"`
}

func TestLessonsListJSON(t *testing.T) {
	titles := map[string]map[string]string{}
	for _, lang := range []string{"es", "en"} {
		code, out, errOut := runAula(t, "lessons", "list", "--json", "--lang", lang)
		wantCode(t, code, exitOK, out, errOut)
		var got listJSON
		dec := json.NewDecoder(strings.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%s: not the expected JSON: %v\n%s", lang, err, out)
		}
		if got.Lang != lang {
			t.Errorf("lang = %q, want %q", got.Lang, lang)
		}
		if len(got.Itineraries) == 0 || got.Itineraries[0].ID != "primeros-pasos" {
			t.Fatalf("%s: want primeros-pasos first, got %+v", lang, got.Itineraries)
		}
		it := got.Itineraries[0]
		var ids []string
		titles[lang] = map[string]string{"itinerary": it.Title}
		for _, l := range it.Lessons {
			ids = append(ids, l.ID)
			titles[lang][l.ID] = l.Title
			if l.Steps <= 0 || len(l.Kinds) == 0 || l.Title == "" || l.Topic == "" {
				t.Errorf("%s: lesson %q is missing steps, step kinds, title or topic: %+v", lang, l.ID, l)
			}
			if l.Kinds[0] != "read" {
				t.Errorf("%s: lesson %q step_kinds = %v, want read first", lang, l.ID, l.Kinds)
			}
		}
		if strings.Join(ids, ",") != "usar-aula,teclado,seguridad-basica" {
			t.Errorf("%s: lessons %v, want usar-aula, teclado, seguridad-basica", lang, ids)
		}
	}
	if got := titles["es"]["usar-aula"]; got != "Cómo usar Aula" {
		t.Errorf("es title of usar-aula = %q", got)
	}
	if got := titles["en"]["usar-aula"]; got != "How to use Aula" {
		t.Errorf("en title of usar-aula = %q", got)
	}
	for k, es := range titles["es"] {
		if en := titles["en"][k]; en == es {
			t.Errorf("%s has the same title in es and en: %q", k, es)
		}
	}
}

const csvHeader = "learner,lesson,title,status,steps_done,steps,attempts,hints,time_spent_seconds,last_activity,laptop,time_zone"

func TestReportEmpty(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runAula(t, "report", "--data", dir)
	wantCode(t, code, exitOK, out, errOut)
	if out != csvHeader+"\n" {
		t.Errorf("empty CSV report = %q, want the header only", out)
	}
	code, out, errOut = runAula(t, "report", "--data", dir, "--format", "json")
	wantCode(t, code, exitOK, out, errOut)
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("empty JSON report = %q, want []", out)
	}
}

// recordProgress makes Ana, who read one step of usar-aula, asked for a
// hint, missed once and then got the second step right, and finished
// teclado.
func recordProgress(t *testing.T, dir string) time.Time {
	t.Helper()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ana, err := st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)
	events := []store.Event{
		{Kind: store.LessonStarted, Lesson: "usar-aula", Step: "bienvenida", StepIndex: 0, Steps: 8},
		{Kind: store.StepDone, Lesson: "usar-aula", Step: "bienvenida", StepIndex: 0, Steps: 8, How: "read", Elapsed: 30 * time.Second},
		{Kind: store.HintShown, Lesson: "usar-aula", Step: "flechas", StepIndex: 1, Steps: 8, Elapsed: 10 * time.Second},
		{Kind: store.Answered, Lesson: "usar-aula", Step: "flechas", StepIndex: 1, Steps: 8, Attempt: 1, Mistake: "arriba", Elapsed: 20 * time.Second},
		{Kind: store.Answered, Lesson: "usar-aula", Step: "flechas", StepIndex: 1, Steps: 8, Attempt: 2, Correct: true, Elapsed: 5 * time.Second},
		{Kind: store.LessonDone, Lesson: "teclado", Step: "final", StepIndex: 8, Steps: 9, Elapsed: 90 * time.Second},
	}
	for i, e := range events {
		e.Learner = ana.ID
		e.At = at.Add(time.Duration(i) * time.Minute)
		if _, err := st.Record(e); err != nil {
			t.Fatalf("recording %s: %v", e.Kind, err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return at
}

func TestReportWithProgress(t *testing.T) {
	dir := t.TempDir()
	at := recordProgress(t, dir)

	code, out, errOut := runAula(t, "report", "--data", dir, "--format", "csv", "--lang", "es")
	wantCode(t, code, exitOK, out, errOut)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	want := [][]string{
		strings.Split(csvHeader, ","),
		{"Ana", "teclado", "El teclado para internet", "done", "0", "9", "0", "0", "90", at.Add(5 * time.Minute).Local().Format(time.RFC3339), "", zoneName(at)},
		{"Ana", "usar-aula", "Cómo usar Aula", "in_progress", "2", "8", "2", "1", "65", at.Add(4 * time.Minute).Local().Format(time.RFC3339), "", zoneName(at)},
	}
	if len(recs) != len(want) {
		t.Fatalf("CSV has %d records, want %d:\n%s", len(recs), len(want), out)
	}
	for i := range want {
		if strings.Join(recs[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("CSV record %d:\n got %q\nwant %q", i, recs[i], want[i])
		}
	}

	code, out, errOut = runAula(t, "report", "--data", dir, "--format", "json", "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	var rows []struct {
		Learner      string    `json:"learner"`
		Lesson       string    `json:"lesson"`
		Title        string    `json:"title"`
		Status       string    `json:"status"`
		StepsDone    int       `json:"steps_done"`
		Steps        int       `json:"steps"`
		Attempts     int       `json:"attempts"`
		Hints        int       `json:"hints"`
		TimeSpent    int       `json:"time_spent_seconds"`
		LastActivity time.Time `json:"last_activity"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rows) != 2 {
		t.Fatalf("JSON has %d rows, want 2:\n%s", len(rows), out)
	}
	r := rows[1]
	if r.Learner != "Ana" || r.Lesson != "usar-aula" || r.Title != "How to use Aula" || r.Status != "in_progress" ||
		r.StepsDone != 2 || r.Steps != 8 || r.Attempts != 2 || r.Hints != 1 || r.TimeSpent != 65 ||
		!r.LastActivity.Equal(at.Add(4*time.Minute)) {
		t.Errorf("usar-aula row = %+v", r)
	}
	if r := rows[0]; r.Lesson != "teclado" || r.Status != "done" || r.TimeSpent != 90 {
		t.Errorf("teclado row = %+v", r)
	}
}

// zoneName is the local zone's name at t, as the report states it.
func zoneName(t time.Time) string {
	name, _ := t.Local().Zone()
	return name
}

func TestReportBadFormat(t *testing.T) {
	code, out, errOut := runAula(t, "report", "--data", t.TempDir(), "--format", "xml")
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, "xml") {
		t.Errorf("stderr should name the format: %q", errOut)
	}
}

func TestLearnersResetPIN(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Lucía", "Álvaro", "Bruno"} {
		if _, err := st.AddLearner(name, "1234"); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	// Any case, spaces around, flags after the name.
	code, out, errOut := runAula(t, "learners", "reset-pin", " ÁLVARO ", "--data", dir, "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	if out != "Álvaro: PIN removed. They choose a new one at their next sign-in.\n" {
		t.Errorf("stdout = %q", out)
	}
	// The name typed decomposed (i + combining acute accent), as some
	// keyboards and copied file names give it; names are stored in NFC.
	// Said in the language of the environment when --lang is not given.
	t.Setenv("LANG", "es_ES.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	code, out, errOut = runAula(t, "learners", "reset-pin", "Luci\u0301a", "--data", dir)
	wantCode(t, code, exitOK, out, errOut)
	if out != "Lucía: PIN quitado. La próxima vez que entre elegirá uno nuevo.\n" {
		t.Errorf("stdout = %q", out)
	}

	code, out, errOut = runAula(t, "learners", "reset-pin", "Nadie", "--data", dir, "--lang", "en")
	wantCode(t, code, exitProblem, out, errOut)
	if errOut != "aula learners: nobody is called “Nadie”.\n" {
		t.Errorf("stderr should name who was not found: %q", errOut)
	}
	code, out, errOut = runAula(t, "learners", "reset-pin", "--data", dir)
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, "Uso: aula learners reset-pin NOMBRE") {
		t.Errorf("usage in Spanish = %q", errOut)
	}
	code, out, errOut = runAula(t, "learners", "reset-pin", "Ana", "--dta", dir, "--lang", "en")
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, "aula learners: --dta is not an option of this command.") {
		t.Errorf("a mistyped flag = %q", errOut)
	}
	missing := filepath.Join(dir, "nope")
	code, out, errOut = runAula(t, "learners", "reset-pin", "Ana", "--data", missing, "--lang", "en")
	wantCode(t, code, exitData, out, errOut)
	if _, err := os.Stat(missing); !os.IsNotExist(err) || !strings.Contains(errOut, "does not exist") {
		t.Errorf("--data %s: %q, and it is there now (%v)", missing, errOut, err)
	}

	st, err = store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.Learners()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("learners = %+v, want 3", all)
	}
	for _, l := range all {
		if wantPIN := l.Name == "Bruno"; l.HasPIN() != wantPIN {
			t.Errorf("%s has a PIN: %v, want %v", l.Name, l.HasPIN(), wantPIN)
		}
		if ok, err := st.CheckPIN(l.ID, "9999"); err != nil || ok != (l.Name != "Bruno") {
			t.Errorf("%s: CheckPIN(9999) = %v, %v", l.Name, ok, err)
		}
	}
}

// runKioskWithin runs the kiosk and fails if it has not returned in limit:
// it must give up before it draws anything.
func runKioskWithin(t *testing.T, limit time.Duration, args ...string) (code int, stdout, stderr string, took time.Duration) {
	t.Helper()
	type result struct {
		code        int
		out, errOut string
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		var out, errOut bytes.Buffer
		c := run(args, &out, &errOut)
		done <- result{c, out.String(), errOut.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.errOut, time.Since(start)
	case <-time.After(limit):
		t.Fatalf("aula %s did not return within %v", strings.Join(args, " "), limit)
	}
	return
}

func TestKioskDataLocked(t *testing.T) {
	tests := []struct {
		lang, want string
	}{
		{"es", "Aula ya está abierta"},
		{"en", "already open"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			dir := t.TempDir()
			st, err := store.Open(dir, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			code, out, errOut, took := runKioskWithin(t, 5*time.Second, "--data", dir, "--lang", tt.lang)
			wantCode(t, code, exitLocked, out, errOut)
			if took > 2*time.Second {
				t.Errorf("giving up took %v, want at most 2s", took)
			}
			if !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, filepath.Join(dir, store.FileName)) {
				t.Errorf("stderr should say %q and name the data file:\n%s", tt.want, errOut)
			}
		})
	}
}

func TestKioskReportAndLearnersWhenLocked(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t.Setenv("LANG", "en_GB.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	for _, args := range [][]string{
		{"report", "--data", dir},
		{"learners", "reset-pin", "Ana", "--data", dir},
	} {
		code, out, errOut, _ := runKioskWithin(t, 5*time.Second, args...)
		wantCode(t, code, exitLocked, out, errOut)
		if !strings.Contains(errOut, "already open") {
			t.Errorf("aula %s: stderr = %q", args[0], errOut)
		}
	}
}

func TestKioskBadLanguage(t *testing.T) {
	t.Setenv("LANG", "en_GB.UTF-8")
	code, out, errOut, _ := runKioskWithin(t, 5*time.Second, "--lang", "fr", "--data", t.TempDir())
	wantCode(t, code, exitUsage, out, errOut)
	if errOut != "aula: --lang must be one of es, en, not “fr”.\n" {
		t.Errorf("stderr should name the language: %q", errOut)
	}
}

func TestKioskUnknownLesson(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut, _ := runKioskWithin(t, 5*time.Second, "--lesson", "nope", "--lang", "es", "--data", dir)
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, "«nope»") {
		t.Errorf("stderr should name the lesson: %q", errOut)
	}
	code, out, errOut, _ = runKioskWithin(t, 5*time.Second, "--lesson", "nope", "--lang", "en", "--data", dir)
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, `"nope"`) {
		t.Errorf("stderr should name the lesson: %q", errOut)
	}
}

func TestReportSessionAndDateRange(t *testing.T) {
	dir := t.TempDir()
	at := recordProgress(t, dir)
	day := at.Format(time.DateOnly)
	next := at.AddDate(0, 0, 1).Format(time.DateOnly)

	code, out, errOut := runAula(t, "report", "--data", dir, "--session", day)
	wantCode(t, code, exitOK, out, errOut)
	if !strings.Contains(out, "Ana,teclado,") || !strings.Contains(out, "Ana,usar-aula,") {
		t.Errorf("the session's report misses rows:\n%s", out)
	}
	code, out, errOut = runAula(t, "report", "--data", dir, "--from", next, "--to", next)
	wantCode(t, code, exitOK, out, errOut)
	if out != csvHeader+"\n" {
		t.Errorf("a day without class = %q, want the header only", out)
	}
	for _, bad := range [][]string{{"--from", "24/11/2026"}, {"--to", "yesterday"}, {"--from", next, "--to", day}} {
		code, out, errOut = runAula(t, append([]string{"report", "--data", dir}, bad...)...)
		wantCode(t, code, exitUsage, out, errOut)
		if !strings.Contains(errOut, "--") {
			t.Errorf("%v: no message naming the flag: %q", bad, errOut)
		}
	}
}

func TestTrainerKeyIsKeptOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	url := "http://192.168.1.23:7420"
	if _, err := trainerKey(dir, url, ""); err == nil || !strings.Contains(err.Error(), "--key") {
		t.Fatalf("no key yet: %v", err)
	}
	if k, err := trainerKey(dir, url, " abc123 "); err != nil || k != "abc123" {
		t.Fatalf("given key: %q, %v", k, err)
	}
	if k, err := trainerKey(dir, url, ""); err != nil || k != "abc123" {
		t.Fatalf("kept key: %q, %v", k, err)
	}
	if _, err := trainerKey(dir, "http://10.0.0.9:7420", ""); err == nil {
		t.Error("a key for another hub was used")
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(filepath.Join(dir, trainerKeysFile))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("keys file: %v, %v", fi, err)
		}
	}
}

func TestTrainerAgainstAHubWithoutKey(t *testing.T) {
	code, out, errOut := runAula(t, "trainer", "--data", t.TempDir(), "--hub", "192.168.1.23")
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, "trainer key") {
		t.Errorf("stderr = %q", errOut)
	}
}

// A third language is a folder of lessons: aula lessons check picks it up
// and lists what is missing, lesson by lesson and in a summary.
func TestLessonsCheckThirdLanguage(t *testing.T) {
	dir := filepath.Join("lessons", "testdata", "third-language")
	code, out, errOut := runAula(t, "lessons", "check", dir, "--lang", "en")
	wantCode(t, code, exitProblem, out, errOut)
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	total := len(lib.Catalog("es").Lessons) + 2
	for _, want := range []string{
		filepath.ToSlash(filepath.Join(dir, "es", "despedida.yaml")) + `:1: lesson "despedida-prueba" has no "pt" translation`,
		`content/es/usar-aula.yaml:1: lesson "usar-aula" has no "pt" translation`,
		`itinerary "primeros-pasos" has no "pt" version`,
		fmt.Sprintf("  pt: 1 of %d lessons translated, %d missing; the app's own words have no file yet (i18n/messages.pt.yaml)", total, total-1),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lessons check printed\n%s\nwant %q", out, want)
		}
	}
	if strings.Contains(out, `"en" translation`) || strings.Contains(out, "  en:") {
		t.Errorf("English is complete, yet reported:\n%s", out)
	}
}

// Long instructions are warned about, and the check still passes.
func TestLessonsCheckWarnsAboutLongInstructions(t *testing.T) {
	dir := t.TempDir()
	long := "id: larga\ntitle: Larga\nsteps:\n  - id: paso\n    kind: read\n    title: Paso\n    text: " +
		strings.Repeat("Una frase corta. ", lessons.MaxSentences+2) + "\n    hint: Pulsa Intro.\n"
	writeFile(t, filepath.Join(dir, "es", "larga.yaml"), long)
	writeFile(t, filepath.Join(dir, "en", "larga.yaml"), strings.ReplaceAll(long, "Una frase corta.", "A short sentence."))
	code, out, errOut := runAula(t, "lessons", "check", dir, "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	for _, lang := range []string{"es", "en"} {
		want := filepath.ToSlash(filepath.Join(dir, lang, "larga.yaml")) + `:4: warning: step "paso": the instruction has 8 sentences; keep it to 6 at most`
		if !strings.Contains(out, want) {
			t.Errorf("lessons check printed\n%s\nwant %q", out, want)
		}
	}
	if !strings.Contains(out, "ok: ") {
		t.Errorf("warnings must not fail the check:\n%s", out)
	}
}
