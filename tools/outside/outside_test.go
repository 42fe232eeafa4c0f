//go:build linux

package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneRound is a smoke test: one round on a freshly built binary
// reaches every screen and reports every figure. (It checks that the
// measurement works, not that Aula is fast: BENCHMARKS.md holds the
// figures of a full run.)
func TestOneRound(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and drives the binary")
	}
	if _, err := exec.LookPath("less"); err != nil {
		t.Skip("no less for the baseline")
	}
	// Built as the end-to-end tests build it, so the build cache serves both.
	bin := filepath.Join(t.TempDir(), "aula")
	if out, err := exec.Command("go", "build", "-o", bin, "../..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var out strings.Builder
	if err := run(config{rounds: 1, keys: 2, bin: bin, chromium: "/nonexistent", silent: true, out: &out}); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"| start |", "| start, silent terminal |", "| start: less |",
		"| key: choose step |", "| key: mail app |", "| key: 20-field form page |",
		"| aula version |", "| first frame (home) |", "| a lesson (choose step) |",
		"| password step, 64 look-alikes pasted |", "| mail app |", "| form, 20 fields |", "| dashboard, 30 learners |",
		"| less on the lesson's text |", "Aula / less =", "No Chromium at /nonexistent"} {
		if !strings.Contains(out.String(), row) {
			t.Errorf("no %q in the report:\n%s", row, out.String())
		}
	}
}
