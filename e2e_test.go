package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"aula/lessons"
	"aula/store"
)

// The end-to-end test builds the real binary and drives it in tmux, as a
// learner would at the keyboard. It only synchronises by polling the screen
// (or a file the kiosk's shell writes when it ends) with a deadline, never by
// sleeping a fixed time.

const waitLimit = 10 * time.Second

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// aulaBinary builds the binary once per test run.
func aulaBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "aula-e2e-bin-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "aula")
		goTool, err := exec.LookPath("go")
		if err != nil {
			buildErr = err
			return
		}
		cmd := exec.Command(goTool, "build", "-o", builtBin, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin))
	}
	os.Exit(code)
}

// tmuxServer is one private tmux server (its own socket) for one test.
type tmuxServer struct {
	t      *testing.T
	socket string
	conf   string
	env    []string
	// before is shell words run before the program (the Windows run sets
	// trap '' INT: under Wine a Ctrl+C also reaches the shell around it).
	before string
}

var socketSeq struct {
	sync.Mutex
	n int
}

func newTmux(t *testing.T) *tmuxServer {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; CI installs it and runs this test")
	}
	socketSeq.Lock()
	socketSeq.n++
	n := socketSeq.n
	socketSeq.Unlock()
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	// No status line (the pane gets the whole window), keep dead panes (a
	// session stays until the test kills it), no delay after Esc, and a
	// POSIX shell to run the start command.
	writeFile(t, conf, "set -g status off\nset -g remain-on-exit on\nset -sg escape-time 0\nset -g history-limit 100\nset -g default-shell /bin/sh\n")
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") && !strings.HasPrefix(kv, "TMUX_PANE=") {
			env = append(env, kv)
		}
	}
	s := &tmuxServer{t: t, socket: fmt.Sprintf("aula-e2e-%d-%d-%d", os.Getpid(), time.Now().UnixNano()%1e6, n), conf: conf, env: env}
	t.Cleanup(func() { _ = s.cmd("kill-server").Run() })
	return s
}

func (s *tmuxServer) cmd(args ...string) *exec.Cmd {
	cmd := exec.Command("tmux", append([]string{"-u", "-L", s.socket, "-f", s.conf}, args...)...)
	cmd.Env = s.env
	return cmd
}

// run runs a tmux command and fails the test if it fails.
func (s *tmuxServer) run(args ...string) string {
	s.t.Helper()
	out, err := s.cmd(args...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// start opens session name at w×h running the kiosk on data in Spanish.
// A shell around the kiosk writes its exit status to name.exit in dir once
// it ends (and its stderr to name.stderr): tmux builds linked with
// libutempter can miss a pane's SIGCHLD (tmux/tmux#311, #4559), so
// #{pane_dead} is not a reliable sign that the program ended.
func (s *tmuxServer) start(name string, w, h int, bin, data, dir string) {
	s.t.Helper()
	s.startArgs(name, w, h, dir, bin, "--data", data, "--lang", "es")
}

// startArgs opens session name at w×h running bin with args, as start does.
func (s *tmuxServer) startArgs(name string, w, h int, dir, bin string, args ...string) {
	s.t.Helper()
	exit := filepath.Join(dir, name+".exit")
	quoted := []string{shellQuote(bin)}
	for _, a := range args {
		quoted = append(quoted, shellQuote(a))
	}
	command := fmt.Sprintf("%sTERM=xterm-256color %s 2>%s; echo $? >%s.tmp && mv %s.tmp %s",
		s.before, strings.Join(quoted, " "), shellQuote(filepath.Join(dir, name+".stderr")),
		shellQuote(exit), shellQuote(exit), shellQuote(exit))
	s.run("new-session", "-d", "-s", name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), command)
}

// moveTo presses Down, one key at a time, until the cursor line shows
// cursor (the lists' order may change as lessons are added).
func (s *tmuxServer) moveTo(name, cursor string) {
	s.t.Helper()
	scr := s.screen(name)
	for i := 0; i < 40 && !strings.Contains(scr, cursor); i++ {
		before := scr
		s.keys(name, "Down")
		scr = s.waitUntil(name, "the cursor to move towards "+cursor, func(now string) bool { return now != before })
	}
	if !strings.Contains(scr, cursor) {
		s.t.Fatalf("the cursor never reached %q:\n%s", cursor, scr)
	}
}

// screen is what the pane shows now, without trailing spaces.
func (s *tmuxServer) screen(name string) string {
	s.t.Helper()
	out := s.run("capture-pane", "-p", "-t", name)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// flat joins the screen's lines and collapses spaces, so that a sentence
// wrapped over two lines still matches.
func flat(screen string) string { return strings.Join(strings.Fields(screen), " ") }

// waitFor polls the screen until it shows every one of wants (wrapping
// allowed) and returns it.
func (s *tmuxServer) waitFor(name string, wants ...string) string {
	s.t.Helper()
	return s.waitUntil(name, strings.Join(wants, " and "), func(scr string) bool {
		for _, w := range wants {
			if !strings.Contains(flat(scr), flat(w)) {
				return false
			}
		}
		return true
	})
}

func (s *tmuxServer) waitUntil(name, what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(waitLimit)
	var scr string
	for {
		scr = s.screen(name)
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("after %v the screen still does not show %s:\n%s", waitLimit, what, scr)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

func (s *tmuxServer) keys(name string, keys ...string) {
	s.t.Helper()
	s.run(append([]string{"send-keys", "-t", name}, keys...)...)
}

func (s *tmuxServer) typeText(name, text string) {
	s.t.Helper()
	s.run("send-keys", "-t", name, "-l", text)
}

// waitExit waits for the kiosk started in session name with files in dir
// to end and returns its exit status.
func (s *tmuxServer) waitExit(name, dir string) int {
	s.t.Helper()
	exit := filepath.Join(dir, name+".exit")
	deadline := time.Now().Add(waitLimit)
	for {
		if b, err := os.ReadFile(exit); err == nil {
			code, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil {
				s.t.Fatalf("%s: %q is not an exit status", exit, b)
			}
			return code
		}
		if time.Now().After(deadline) {
			scr := s.screen(name)
			s.dumpGoroutines(name, exit)
			s.t.Fatalf("the kiosk did not end within %v:\n%s", waitLimit, scr)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// dumpGoroutines asks a hung kiosk (the child of the pane's shell) for its
// goroutines: SIGQUIT makes a Go program print them to stderr, which start
// sends to a file that the test logs when it fails.
func (s *tmuxServer) dumpGoroutines(name, exit string) {
	shell := strings.TrimSpace(s.run("display-message", "-p", "-t", name, "#{pane_pid}"))
	out, _ := exec.Command("ps", "-o", "pid=", "--ppid", shell).Output()
	for _, pid := range strings.Fields(string(out)) {
		_ = exec.Command("kill", "-QUIT", pid).Run()
	}
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(exit); err == nil {
			return
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// quit leaves the kiosk the way a learner does from anywhere: Ctrl+C, then
// "Salir de Aula"; it must end with status 0.
func (s *tmuxServer) quit(name, dir string) {
	s.t.Helper()
	s.quitAs(name, dir, "¿Quieres salir?", "Salir de Aula")
}

// quitAs is quit in any language: Ctrl+C, wait for the question and the
// button, ↓ (from "Stay here", the default, round to the close button),
// Enter; the kiosk must end with status 0.
func (s *tmuxServer) quitAs(name, dir, question, button string) {
	s.t.Helper()
	s.keys(name, "C-c")
	s.waitFor(name, question, button)
	s.keys(name, "Down")
	s.keys(name, "Enter")
	if code := s.waitExit(name, dir); code != 0 {
		s.t.Fatalf("the kiosk ended with status %d, want 0", code)
	}
}

// signUp types a new learner's name and says no to the PIN, once the name
// box is there (keys sent while the list of learners loads are dropped).
func (s *tmuxServer) signUp(name, who string) {
	s.t.Helper()
	s.waitFor(name, "› ")
	s.typeText(name, who)
	s.waitFor(name, "› "+who)
	s.keys(name, "Enter")
	s.waitFor(name, "PIN")
	s.keys(name, "Enter") // no PIN
}

// itineraryOf is the built-in itinerary id, which has at least 5 lessons.
func itineraryOf(t *testing.T, cat *lessons.Catalog, id string) *lessons.Itinerary {
	t.Helper()
	for _, it := range cat.Itineraries {
		if it.ID == id && len(it.LessonIDs) >= 5 {
			return it
		}
	}
	t.Fatalf("no itinerary %s with at least 5 lessons", id)
	return nil
}

// playItinerary plays every lesson of it, from the first step of the first
// one, in lang: read steps go on, choose steps are answered right, and
// answer answers the other kinds (scr is the step's screen). Every step
// must end right, and every lesson with its summary.
func (s *tmuxServer) playItinerary(name, lang string, cat *lessons.Catalog, it *lessons.Itinerary,
	answer func(l *lessons.Lesson, st *lessons.Step, scr string)) {
	s.t.Helper()
	w := e2eWords[lang]
	for li, id := range it.LessonIDs {
		l, _ := cat.Lesson(id)
		for si, st := range l.Steps() {
			counter := fmt.Sprintf("%d de %d", si+1, len(l.Steps()))
			if lang == "en" {
				counter = fmt.Sprintf("%d of %d", si+1, len(l.Steps()))
			}
			scr := s.waitFor(name, counter, st.Title)
			switch ex := st.Exercise.(type) {
			case *lessons.Read:
				s.keys(name, "Enter")
				continue
			case *lessons.Choose:
				pickChoices(s.t, s, name, scr, ex)
			default:
				answer(l, st, scr)
			}
			s.waitFor(name, "✔ "+w.right)
			s.keys(name, "Enter")
		}
		s.waitFor(name, w.summary, l.Title)
		if li+1 < len(it.LessonIDs) {
			s.keys(name, "Enter") // the next lesson is the default
		}
	}
}

// storedAfter opens the data folder of a kiosk that has ended and returns
// its only learner's events, after checking that every lesson of ids is
// done.
func storedAfter(t *testing.T, data string, ids []string) []store.Event {
	t.Helper()
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	learners, err := st.Learners()
	if err != nil || len(learners) != 1 {
		t.Fatalf("learners: %v, %v", learners, err)
	}
	prog, _ := st.Progress(learners[0].ID)
	evs, _ := st.Events(learners[0].ID)
	for _, id := range ids {
		if prog[id].Status != store.Done {
			t.Errorf("lesson %s is %s, want done", id, prog[id].Status)
		}
	}
	return evs
}

// optionLine is an option of a choose step: "▶ 2 (•) La flecha ↓".
var optionLine = regexp.MustCompile(`^\s*(▶)?\s*([1-9]) \((•| )\) (.+)$`)

type shownOption struct {
	n      int // 1-based, as shown
	cursor bool
	text   string
}

func options(screen string) []shownOption {
	var opts []shownOption
	for _, l := range strings.Split(screen, "\n") {
		if m := optionLine.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[2])
			opts = append(opts, shownOption{n: n, cursor: m[1] != "", text: m[4]})
		}
	}
	return opts
}

func TestE2EKiosk(t *testing.T) {
	tm := newTmux(t)
	bin := aulaBinary(t)
	data := t.TempDir()
	logs := t.TempDir()
	t.Cleanup(func() {
		if t.Failed() {
			for _, name := range []string{"one", "two"} {
				if b, err := os.ReadFile(filepath.Join(logs, name+".stderr")); err == nil && len(b) > 0 {
					t.Logf("stderr of kiosk %s:\n%s", name, b)
				}
			}
		}
	})

	// First run: nobody yet, so the kiosk asks for a name.
	tm.start("one", 80, 24, bin, data, logs)
	tm.waitFor("one", "Te damos la bienvenida a Aula", "¿Cómo te llamas?")
	tm.typeText("one", "Lucía")
	tm.waitFor("one", "› Lucía")
	tm.keys("one", "Enter")
	tm.waitFor("one", "Hola, Lucía. ¿Quieres un PIN?", "▶ (•) No, gracias")
	tm.keys("one", "Enter")
	home := tm.waitFor("one", "Hola, Lucía. ¿Qué practicamos hoy?", "Empieza por aquí")
	if !strings.Contains(home, "Cómo usar Aula") {
		t.Fatalf("the home should offer the first lesson:\n%s", home)
	}

	// A second Aula on the same data gives up at once, in plain words.
	t.Run("second instance", func(t *testing.T) {
		checkSecondInstance(t, bin, data)
	})

	tm.keys("one", "Enter")
	tm.waitFor("one", "Paso 1 de 8", "Te damos la bienvenida")
	tm.keys("one", "Enter")
	scr := tm.waitFor("one", "Paso 2 de 8", "Moverte con las flechas")

	// Find the right option on screen (the order is mixed) and go to it
	// with the arrow keys.
	arrowToDownOption(t, tm, "one", scr)
	tm.keys("one", "Enter")
	tm.waitFor("one", "¡Bien!", "Seguir")
	tm.keys("one", "Enter")
	tm.waitFor("one", "Paso 3 de 8", "Si no sabes seguir")
	tm.quit("one", logs)
	tm.run("kill-session", "-t", "one")

	// What was done is on disk: the trainer's report says so.
	t.Run("report", func(t *testing.T) {
		checkKioskReport(t, bin, data)
	})

	// Second run: the only learner goes straight in and can carry on.
	tm.start("two", 80, 24, bin, data, logs)
	want := []string{"Hola, Lucía. ¿Qué practicamos hoy?", "Seguir donde lo dejaste", "Cómo usar Aula · paso 3 de 8"}
	home80 := tm.waitFor("two", want...)

	checkHomeSizes(t, tm, "two", home80, want)

	tm.keys("two", "Enter")
	tm.waitFor("two", "Paso 3 de 8", "Si no sabes seguir")
	tm.quit("two", logs)
}

// checkSecondInstance starts a second Aula on data, which another holds:
// it must give up at once, in plain words, with exitLocked.
func checkSecondInstance(t *testing.T, bin, data string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--data", data, "--lang", "es")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("the second Aula was still running after 5s (stderr: %s)", stderr.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != exitLocked {
		t.Errorf("second Aula ended with %d, want %d; stderr: %s", code, exitLocked, stderr.String())
	}
	if took > 2*time.Second {
		t.Errorf("second Aula took %v to give up, want at most 2s", took)
	}
	if !strings.Contains(stderr.String(), "Aula ya está abierta") {
		t.Errorf("stderr = %q, want it to say Aula ya está abierta", stderr.String())
	}
}

// arrowToDownOption finds, on scr, the option that mentions ↓ and moves
// the cursor of session to it with the arrow keys.
func arrowToDownOption(t *testing.T, tm *tmuxServer, session, scr string) {
	t.Helper()
	opts := options(scr)
	if len(opts) != 3 {
		t.Fatalf("want 3 options on screen, found %+v:\n%s", opts, scr)
	}
	cur, target := -1, -1
	for i, o := range opts {
		if o.cursor {
			cur = i
		}
		if strings.Contains(o.text, "↓") {
			target = i
		}
	}
	if cur < 0 || target < 0 {
		t.Fatalf("no cursor or no option with ↓ among %+v", opts)
	}
	for i := cur; i < target; i++ {
		tm.keys(session, "Down")
	}
	for i := cur; i > target; i-- {
		tm.keys(session, "Up")
	}
	tm.waitUntil(session, fmt.Sprintf("the cursor on option %d", opts[target].n), func(scr string) bool {
		for _, o := range options(scr) {
			if o.cursor {
				return o.n == opts[target].n
			}
		}
		return false
	})
}

// checkKioskReport reads the trainer's CSV report of data: Lucía has
// done 2 of the 8 steps of usar-aula, in one attempt.
func checkKioskReport(t *testing.T, bin, data string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "report", "--data", data, "--format", "csv", "--lang", "es")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("report: %v\n%s", err, out)
	}
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("report is not CSV: %v\n%s", err, out)
	}
	found := false
	for _, r := range recs[1:] {
		if len(r) < 7 || r[1] != "usar-aula" {
			continue
		}
		found = true
		if r[0] != "Lucía" || r[3] != "in_progress" || r[4] != "2" || r[5] != "8" || r[6] != "1" {
			t.Errorf("usar-aula row = %q, want Lucía, in_progress, steps_done 2 of 8, 1 attempt", r)
		}
	}
	if !found {
		t.Errorf("no usar-aula row in the report:\n%s", out)
	}
}

// checkHomeSizes resizes session's terminal: at 120×40 the home shows what
// it showed at 80×24 (home80), at 30×8 it asks for more room, and back at
// 80×24 the home comes back.
func checkHomeSizes(t *testing.T, tm *tmuxServer, session, home80 string, want []string) {
	t.Helper()
	// A big terminal shows the same home.
	tm.run("resize-window", "-t", session, "-x", "120", "-y", "40")
	big := tm.waitUntil(session, "the home at 120×40", func(scr string) bool {
		// The header spans the width (the learner's name is at the right)
		// and the keys line sits at the bottom.
		lines := strings.Split(scr, "\n")
		return strings.HasSuffix(lines[0], "Lucía") && utf8.RuneCountInString(lines[0]) > 110 &&
			len(lines) >= 39 && strings.Contains(lines[len(lines)-1], "F1 ayuda") &&
			strings.Contains(scr, "Seguir donde lo dejaste")
	})
	for _, w := range append(want, "Itinerarios", "Primeros pasos", "Ver todas las lecciones (") {
		if !strings.Contains(flat(big), flat(w)) {
			t.Errorf("at 120×40 the home does not show %q:\n%s", w, big)
		}
		if !strings.Contains(flat(home80), flat(w)) {
			t.Errorf("at 80×24 the home does not show %q:\n%s", w, home80)
		}
	}

	// A tiny one asks for more room, and the home comes back after.
	tm.run("resize-window", "-t", session, "-x", "30", "-y", "8")
	small := tm.waitFor(session, "muy pequeña", "Ctrl")
	if strings.Contains(small, "Seguir donde") {
		t.Errorf("at 30×8 the home should not be drawn:\n%s", small)
	}
	tm.run("resize-window", "-t", session, "-x", "80", "-y", "24")
	tm.waitFor(session, want...)
}
