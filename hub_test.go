package main

import (
	"bytes"
	"flag"
	"io"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"aula/store"
)

func hubFlagsFor(t *testing.T, args ...string) *hubFlags {
	t.Helper()
	fs := flag.NewFlagSet("hub", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	hf := addHubFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return hf
}

var keyLine = regexp.MustCompile(`(?m)^   ([0-9a-f]{64})$`)

// The trainer key: printed at the first start, at any start with
// --show-key, replaced with --new-key; never made when the hub cannot
// listen (it would be saved and never shown).
func TestHubStartShowsAndRotatesTheKey(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	lib, _ := loadLessons("")

	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	var out, errb bytes.Buffer
	if h, _, code := startHub(st, dir, hubFlagsFor(t, "--listen", busy.Addr().String()), lib, &out, &errb); h != nil || code != exitUsage {
		t.Fatalf("a busy port: hub %v, code %d", h, code)
	}
	if !strings.Contains(errb.String(), "cannot listen on") {
		t.Errorf("busy port said %q", errb.String())
	}
	if k, _ := st.KeptTrainerKey(); k != "" {
		t.Fatal("a hub that never started made a trainer key")
	}

	start := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		h, hl, code := startHub(st, dir, hubFlagsFor(t, append([]string{"--listen", "127.0.0.1:0"}, args...)...), lib, &out, &errb)
		if h == nil {
			t.Fatalf("start %v: %d %s", args, code, errb.String())
		}
		hl.Close()
		if !regexp.MustCompile(`Session code: \d{3} \d{3}\n`).MatchString(out.String()) || !strings.Contains(out.String(), "://127.0.0.1:") {
			t.Errorf("start %v said:\n%s", args, out.String())
		}
		return out.String()
	}
	firstOut := start()
	if !strings.Contains(firstOut, "https://127.0.0.1:") || !strings.Contains(firstOut, "--pin ") {
		t.Errorf("the first start said:\n%s", firstOut)
	}
	first := keyLine.FindStringSubmatch(firstOut)
	if first == nil {
		t.Fatal("the first start did not print the key")
	}
	if keyLine.MatchString(start()) {
		t.Error("a later start printed the key without --show-key")
	}
	if again := keyLine.FindStringSubmatch(start("--show-key")); again == nil || again[1] != first[1] {
		t.Errorf("--show-key printed %v, want %s", again, first[1])
	}
	rotated := keyLine.FindStringSubmatch(start("--new-key"))
	if rotated == nil || rotated[1] == first[1] || st.CheckTrainerKey(first[1]) || !st.CheckTrainerKey(rotated[1]) {
		t.Errorf("--new-key: %v", rotated)
	}
	if out := start("--plain-http"); !strings.Contains(out, "WARNING: plain HTTP") || !strings.Contains(out, "http://127.0.0.1:") {
		t.Errorf("plain HTTP said:\n%s", out)
	}
}
