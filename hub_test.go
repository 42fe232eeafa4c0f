package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"aula/i18n"
	"aula/lessons"
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

	hubOnABusyPort(t, st, dir, lib)

	start := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		h, hl, code := startHub(st, dir, hubFlagsFor(t, append([]string{"--listen", "127.0.0.1:0"}, args...)...), false, lib, i18n.New("en"), &out, &errb)
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

// The hub says its start in the trainer's language: Spanish here.
func TestHubStartSpeaksTheTrainersLanguage(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	lib, _ := openLessons("")
	var out, errb bytes.Buffer
	h, hl, _ := startHub(st, dir, hubFlagsFor(t, "--listen", "127.0.0.1:0", "--plain-http", "--show-key"), false, lib, i18n.New("es"), &out, &errb)
	if h == nil {
		t.Fatalf("start in Spanish: %s", errb.String())
	}
	hl.Close()
	for _, want := range []string{"Hub de la clase en http://127.0.0.1:", "Código de la sesión: ", "AVISO: HTTP sin cifrar", "Clave de la persona formadora"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the hub in Spanish said:\n%s\nwant %q", out.String(), want)
		}
	}
	if strings.Contains(out.String(), "Session code") || strings.Contains(out.String(), "Class hub") {
		t.Errorf("English in the Spanish hub's words:\n%s", out.String())
	}
}

// A hub copies its data file while it serves (at start, every few minutes,
// on the way out), and a damaged file at the next start is told to the
// trainer in their language, on the hub's output and the dashboard's
// snapshot, with the copy's time; the copy's learners are there.
func TestHubBacksUpAndTellsDamage(t *testing.T) {
	dir := t.TempDir()
	lib, _ := loadLessons("")
	st, err := store.Open(dir, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Ingest("0123456789abcdef", []store.RemoteLearner{{ID: 1, Name: "Rosa"}}, nil); err != nil {
		t.Fatal(err)
	}
	if said := serveAWhile(t, st, dir, lib); strings.Contains(said, "dañado") {
		t.Fatalf("a sound file told as damaged:\n%s", said)
	}
	bak := filepath.Join(dir, store.FileName+".bak")
	fi, err := os.Stat(bak)
	if err != nil {
		t.Fatalf("the hub made no copy: %v", err)
	}
	if _, err := os.Stat(bak + ".1"); err != nil {
		t.Errorf("no copy at start and on the way out: %v", err)
	}

	if err := os.WriteFile(filepath.Join(dir, store.FileName), []byte(strings.Repeat("roto", 8192)), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(dir, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out, errb bytes.Buffer
	h, hl, code := startHub(st, dir, hubFlagsFor(t, "--listen", "127.0.0.1:0"), false, lib, i18n.New("es"), &out, &errb)
	if h == nil {
		t.Fatalf("start after damage: %d %s", code, errb.String())
	}
	hl.Close()
	said := out.String()
	if !strings.HasPrefix(said, "! El archivo de datos del concentrador estaba dañado") ||
		!strings.Contains(said, fi.ModTime().Local().Format("15:04")) || !strings.Contains(said, ".damaged-") {
		t.Errorf("the hub said at start:\n%s", said)
	}
	snap, err := h.Snapshot(context.Background())
	if err != nil || snap.Restored == nil || !snap.Restored.FromBackup || !snap.Restored.BackupTime.Equal(fi.ModTime()) {
		t.Fatalf("the dashboard's snapshot: %+v, %v", snap.Restored, err)
	}
	if l, err := st.HubLearner("0123456789abcdef", 1); err != nil || l.Name != "Rosa" {
		t.Errorf("the copy's learner: %+v, %v", l, err)
	}
}

// serveAWhile starts a hub over st in Spanish, serves and stops it, closes
// st (which waits for the copies) and returns what the hub said at start.
func serveAWhile(t *testing.T, st *store.Store, dir string, lib *lessons.Library) string {
	t.Helper()
	var out, errb bytes.Buffer
	h, hl, code := startHub(st, dir, hubFlagsFor(t, "--listen", "127.0.0.1:0"), false, lib, i18n.New("es"), &out, &errb)
	if h == nil {
		t.Fatalf("start: %d %s", code, errb.String())
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serveHub(ctx, h, hl, nil) }()
	stop()
	if err := <-served; err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// hubOnABusyPort: a hub that cannot listen says so and makes no key.
func hubOnABusyPort(t *testing.T, st *store.Store, dir string, lib *lessons.Library) {
	t.Helper()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	var out, errb bytes.Buffer
	if h, _, code := startHub(st, dir, hubFlagsFor(t, "--listen", busy.Addr().String()), false, lib, i18n.New("en"), &out, &errb); h != nil || code != exitUsage {
		t.Fatalf("a busy port: hub %v, code %d", h, code)
	}
	if !strings.Contains(errb.String(), "cannot listen on") {
		t.Errorf("busy port said %q", errb.String())
	}
	if k, _ := st.KeptTrainerKey(); k != "" {
		t.Fatal("a hub that never started made a trainer key")
	}

}
