package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// internal/initstack grows the main goroutine's stack for every init that
// comes after it, so it must be the first init after the runtime's (see
// its doc). The built binary says in which order its inits ran.
func TestInitStackRunsFirst(t *testing.T) {
	cmd := exec.Command(aulaBinary(t), "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("aula version: %v\n%s", err, out)
	}
	var inits []string
	for line := range strings.Lines(string(out)) {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			inits = append(inits, f[1])
		}
	}
	for i, pkg := range inits {
		if pkg != "runtime" {
			continue
		}
		if i+1 >= len(inits) || inits[i+1] != "aula/internal/initstack" {
			t.Fatalf("after the runtime's inits came %v, want aula/internal/initstack first", inits[i+1:min(i+4, len(inits))])
		}
		return
	}
	t.Fatalf("no init of the runtime in the trace:\n%s", out)
}
