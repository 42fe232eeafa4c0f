package watch

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// start watches dir and returns a channel that hears each call of changed.
func start(t *testing.T, dir string, quiet time.Duration) <-chan struct{} {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	calls := make(chan struct{}, 16)
	done := make(chan error, 1)
	ready := make(chan struct{})
	go func() {
		close(ready)
		done <- Folder(ctx, dir, quiet, func() { calls <- struct{}{} })
	}()
	<-ready
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Folder: %v", err)
		}
	})
	return calls
}

// heard waits (at most 5 s) for a call of changed, and fails without one.
func heard(t *testing.T, calls <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-calls:
	case <-time.After(5 * time.Second):
		t.Fatalf("no change heard after %s", what)
	}
}

// until repeats act until changed is called: the watcher is being set up
// in its goroutine, and an event before it is watching is not seen.
func until(t *testing.T, calls <-chan struct{}, act func()) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		act()
		select {
		case <-calls:
			return
		case <-time.After(time.Second):
		}
	}
	t.Fatal("the watcher never started")
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A save in place, a save by rename (vim, gedit), a new language folder
// and a file in it: each is heard. Swap files are not.
func TestFolderHearsSaves(t *testing.T) {
	dir := t.TempDir()
	es := filepath.Join(dir, "es")
	if err := os.Mkdir(es, 0o755); err != nil {
		t.Fatal(err)
	}
	lesson := filepath.Join(es, "l.yaml")
	write(t, lesson, "id: l\n")
	calls := start(t, dir, 30*time.Millisecond)
	until(t, calls, func() { write(t, lesson, "id: l\ntitle: A\n") })

	// Saved by rename: a new file, renamed over the old one.
	tmp := filepath.Join(es, "l.yaml.tmp")
	write(t, tmp, "id: l\ntitle: B\n")
	if err := os.Rename(tmp, lesson); err != nil {
		t.Fatal(err)
	}
	heard(t, calls, "a save by rename")

	// The old file removed, a new one made (another editor's way).
	if err := os.Remove(lesson); err != nil {
		t.Fatal(err)
	}
	write(t, lesson, "id: l\ntitle: C\n")
	heard(t, calls, "a remove and create")

	// A language folder made later, and a file in it.
	en := filepath.Join(dir, "en")
	if err := os.Mkdir(en, 0o755); err != nil {
		t.Fatal(err)
	}
	heard(t, calls, "a new folder")
	write(t, filepath.Join(en, "l.yaml"), "id: l\n")
	heard(t, calls, "a file in the new folder")

	// An editor's swap file alone is not a change.
	write(t, filepath.Join(es, ".l.yaml.swp"), "x")
	write(t, filepath.Join(es, "4913"), "x")
	select {
	case <-calls:
		t.Error("a swap file was taken for a change")
	case <-time.After(300 * time.Millisecond):
	}
}

// Several events close together make one call (quiet is long enough for
// five writes on a loaded machine).
func TestFolderWaitsForQuiet(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.yaml")
	calls := start(t, dir, 400*time.Millisecond)
	until(t, calls, func() { write(t, p, "x") })
	for i := range 5 {
		write(t, p, string(rune('a'+i)))
	}
	heard(t, calls, "five writes")
	select {
	case <-calls:
		t.Error("five writes in a row made two reads")
	case <-time.After(time.Second):
	}
}

// A folder that is not there is an error at once.
func TestFolderMissing(t *testing.T) {
	err := Folder(context.Background(), filepath.Join(t.TempDir(), "nope"), time.Millisecond, func() {})
	if err == nil {
		t.Fatal("watching a missing folder should fail")
	}
}
