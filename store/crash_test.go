package store

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// crashWriterEnv makes the test binary a writer of answers (see
// TestCrashWriter) instead of running the tests.
const crashWriterEnv = "AULA_CRASH_WRITER_DIR"

// TestCrashWriter is the child of TestKillNineLoop: it records answers
// without end in the data folder it is given and prints each event's id
// once Record has returned (the answer is acknowledged). Every seventh
// event finishes a lesson, which starts a backup, so kills land in backups
// too. Run by itself it does nothing.
func TestCrashWriter(t *testing.T) {
	dir := os.Getenv(crashWriterEnv)
	if dir == "" {
		t.Skip("only run as the child of TestKillNineLoop")
	}
	s, err := Open(dir, Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	if s.Recovered() != nil {
		fmt.Println("damaged:", s.Recovered().DamagedPath)
		os.Exit(4)
	}
	ls, err := s.Learners()
	if err != nil {
		os.Exit(5)
	}
	var ana uint64
	if len(ls) > 0 {
		ana = ls[0].ID
	} else if ana, err = func() (uint64, error) { l, err := s.AddLearner("Ana", ""); return l.ID, err }(); err != nil {
		os.Exit(6)
	}
	out := bufio.NewWriter(os.Stdout)
	for i := 1; ; i++ {
		e := Event{Learner: ana, Kind: Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 5, Attempt: i, Mistake: "sin-arroba"}
		switch {
		case i%7 == 0:
			e = Event{Learner: ana, Kind: LessonDone, Lesson: "teclado", Steps: 5}
		case i%5 == 0:
			// A form page reached: what Aula offers after a crash.
			e = Event{Learner: ana, Kind: PageReached, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 5, Page: i % 6}
		}
		got, err := s.Record(e)
		if err != nil {
			fmt.Println("record:", err)
			os.Exit(7)
		}
		fmt.Fprintln(out, got.ID)
		out.Flush()
	}
}

// A laptop switched off in the middle of a stream of answers, a hundred
// times over (SIGKILL to a real process writing the file): the file is
// never damaged and no answer that was acknowledged is missing.
// killWriter starts a writer on the data folder dir, lets it acknowledge
// a few answers (added to acked), then kills it while it writes: kill
// number done.
func killWriter(t *testing.T, dir string, done int, acked map[string]bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashWriterEnv+"="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Let it acknowledge a few answers (a different number each time),
	// then pull the plug while it writes the next ones.
	want := 1 + rand.IntN(25)
	sc := bufio.NewScanner(stdout)
	n := 0
	for n < want && sc.Scan() {
		line := sc.Text()
		if !isRandomID(line) {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("kill %d: the writer says %q", done, line)
		}
		acked[line] = true
		n++
	}
	if n < want {
		_ = cmd.Wait()
		t.Fatalf("kill %d: the writer stopped after %d answers: %v", done, n, sc.Err())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	// What it printed before dying was acknowledged too.
	for sc.Scan() {
		if isRandomID(sc.Text()) {
			acked[sc.Text()] = true
		}
	}
	var exit *exec.ExitError
	if err := cmd.Wait(); !errors.As(err, &exit) {
		t.Fatalf("kill %d: the writer was not killed: %v", done, err)
	}

}

// checkAfterKill: after kill number done, the file opens undamaged and
// holds every acknowledged answer, once.
func checkAfterKill(t *testing.T, dir string, done int, acked map[string]bool) {
	t.Helper()
	s, err := Open(dir, Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("kill %d: open: %v", done, err)
	}
	if s.Recovered() != nil {
		t.Fatalf("kill %d: the file was damaged: %+v", done, s.Recovered())
	}
	if err := s.check(); err != nil {
		t.Fatalf("kill %d: tx.Check: %v", done, err)
	}
	ls, err := s.Learners()
	if err != nil || len(ls) != 1 {
		t.Fatalf("kill %d: learners %+v, %v", done, ls, err)
	}
	evs, err := s.Events(ls[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, e := range evs {
		if have[e.ID] {
			t.Fatalf("kill %d: event %s twice", done, e.ID)
		}
		have[e.ID] = true
	}
	for id := range acked {
		if !have[id] {
			t.Fatalf("kill %d: acknowledged answer %s lost", done, id)
		}
	}
	// The progress (with the step's misses and the page reached, what
	// a learner resumes from) is the one its events make.
	proj := Progress{Learner: ls[0].ID, Lesson: "teclado", Status: NotStarted}
	for _, e := range evs {
		proj.apply(e)
	}
	if got, err := s.LessonProgress(ls[0].ID, "teclado"); err != nil || got.Try != proj.Try || got.Attempts != proj.Attempts || got.Status != proj.Status {
		t.Fatalf("kill %d: progress %+v (%v), its events make %+v", done, got, err, proj)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestKillNineLoop(t *testing.T) {
	if os.Getenv(crashWriterEnv) != "" {
		t.Skip("the child runs only TestCrashWriter")
	}
	kills := 100
	if testing.Short() {
		kills = 15
	}
	dir := t.TempDir()
	acked := map[string]bool{}
	deadline := time.Now().Add(90 * time.Second)
	done := 0
	for ; done < kills && time.Now().Before(deadline); done++ {
		killWriter(t, dir, done, acked)
		checkAfterKill(t, dir, done, acked)
	}
	if done < kills && !testing.Short() {
		t.Logf("stopped after %d kills (time bound)", done)
	}
	if done < 10 {
		t.Fatalf("only %d kills in the time allowed", done)
	}
	// The backups the writers started are sound or absent, never half.
	for _, p := range backupPaths(filepath.Join(dir, FileName)) {
		if _, err := os.Stat(p); err == nil {
			if err := checkFile(p); err != nil {
				t.Errorf("%s: %v", filepath.Base(p), err)
			}
		}
	}
	t.Logf("%d kills, %d acknowledged answers, all present, 0 corrupt", done, len(acked))
}
