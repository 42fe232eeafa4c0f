package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"aula/lessons"
)

// What the terminal gets, as the README promises it: a Ctrl+C that
// arrives as a signal asks before leaving, and NO_COLOR means no colour.
// e2e_wine_test.go checks the same on the Windows build.

// sgr finds the Select Graphic Rendition sequences (ESC [ … m).
var sgr = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// colourCodes returns the SGR sequences in out that set a colour or dim
// text. Allowed: reset, bold, italic, underline, reverse and their ends.
func colourCodes(out []byte) []string {
	allowed := map[string]bool{"": true, "0": true, "1": true, "3": true, "4": true, "7": true,
		"22": true, "23": true, "24": true, "27": true}
	var bad []string
	for _, m := range sgr.FindAllSubmatch(out, -1) {
		for _, p := range strings.Split(string(m[1]), ";") {
			if !allowed[p] {
				bad = append(bad, string(m[0]))
				break
			}
		}
	}
	return bad
}

func TestColourCodes(t *testing.T) {
	for in, want := range map[string]int{
		"plain":                       0,
		"\x1b[1mbold\x1b[0m":          0,
		"\x1b[4;7mu\x1b[24;27m":       0,
		"\x1b[90mdim grey\x1b[0m":     1,
		"\x1b[1;38;5;12mblue\x1b[0m":  1,
		"\x1b[2mfaint\x1b[22m":        1,
		"\x1b[38;2;1;2;3mrgb\x1b[39m": 2,
	} {
		if got := colourCodes([]byte(in)); len(got) != want {
			t.Errorf("colourCodes(%q) = %q, want %d", in, got, want)
		}
	}
}

// startRecorded starts bin with args in tmux session name, every byte it
// writes to the terminal copied to the file returned: the session's shell
// waits for a line, so that the copy is on before the program starts.
func startRecorded(t *testing.T, tm *tmuxServer, name, logs, bin string, args ...string) string {
	t.Helper()
	raw := filepath.Join(logs, name+".raw")
	tm.startArgs(name, 80, 24, logs, "sh", append([]string{"-c", `read go; exec "$0" "$@"`, bin}, args...)...)
	tm.run("pipe-pane", "-o", "-t", name, "cat >"+shellQuote(raw))
	tm.keys(name, "Enter")
	return raw
}

// colourTmux is a tmux server whose programs get env and neither the
// test's own NO_COLOR nor CI: with CI set, termenv takes the terminal for
// no terminal and drops colours, so a NO_COLOR test would pass whatever
// Aula did.
func colourTmux(t *testing.T, env ...string) *tmuxServer {
	tm := newTmux(t)
	tm.env = slices.DeleteFunc(tm.env, func(kv string) bool {
		return strings.HasPrefix(kv, "NO_COLOR=") || strings.HasPrefix(kv, "CI=")
	})
	tm.env = append(tm.env, env...)
	return tm
}

// A whole lesson in full screen with NO_COLOR set writes no colour code.
func TestE2ENoColor(t *testing.T) {
	tm := colourTmux(t, "NO_COLOR=1")
	bin := aulaBinary(t)
	logs := t.TempDir()
	raw := startRecorded(t, tm, "nc", logs, bin, "--data", t.TempDir(), "--lang", "es")
	playFirstLesson(t, tm, "nc", logs)
	out, err := os.ReadFile(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 1000 {
		t.Fatalf("only %d bytes recorded", len(out))
	}
	if bad := colourCodes(out); len(bad) > 0 {
		t.Errorf("with NO_COLOR, %d colour codes were written, the first %q", len(bad), bad[0])
	}
}

// playFirstLesson signs Lucía up in the kiosk running in session name,
// plays the first lesson (Cómo usar Aula: read and choose steps) and
// leaves.
func playFirstLesson(t *testing.T, tm *tmuxServer, name, logs string) {
	t.Helper()
	tm.waitFor(name, "¿Cómo te llamas?")
	tm.signUp(name, "Lucía")
	tm.waitFor(name, "Empieza por aquí")
	tm.keys(name, "Enter")
	cat := lessonsCatalog(t, "es")
	first := &lessons.Itinerary{LessonIDs: cat.Itineraries[0].LessonIDs[:1]}
	tm.playItinerary(name, "es", cat, first, func(l *lessons.Lesson, st *lessons.Step, _ string) {
		t.Fatalf("the first lesson has a %s step: this test plays read and choose steps", st.Kind)
	})
	tm.keys(name, "Enter") // back home
	tm.quit(name, logs)
}

// A Ctrl+C sent as a signal (as a Windows console sends it) asks before
// leaving, outside kiosk mode too; the learner can stay.
func TestE2EInterruptSignalAsks(t *testing.T) {
	tm := newTmux(t)
	bin := aulaBinary(t)
	logs := t.TempDir()
	tm.start("sig", 80, 24, bin, t.TempDir(), logs)
	tm.waitFor("sig", "¿Cómo te llamas?")
	tm.signUp("sig", "Lucía")
	tm.waitFor("sig", "Hola, Lucía. ¿Qué practicamos hoy?")
	shell := strings.TrimSpace(tm.run("display-message", "-p", "-t", "sig", "#{pane_pid}"))
	out, err := exec.Command("ps", "-o", "pid=", "--ppid", shell).Output()
	pids := strings.Fields(string(out))
	if err != nil || len(pids) != 1 {
		t.Fatalf("the kiosk's process: %q, %v", out, err)
	}
	if err := exec.Command("kill", "-INT", pids[0]).Run(); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("sig", "¿Quieres salir?", "Salir de Aula", "Seguir aquí")
	tm.keys("sig", "Escape")
	tm.waitUntil("sig", "the question to close", func(scr string) bool {
		return !strings.Contains(scr, "¿Quieres salir?") && strings.Contains(scr, "¿Qué practicamos hoy?")
	})
	tm.quit("sig", logs)
}

// lessonsCatalog is the built-in lessons in lang.
func lessonsCatalog(t *testing.T, lang string) *lessons.Catalog {
	t.Helper()
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return lib.Catalog(lang)
}
