//go:build linux

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"aula/classroom"
	"aula/lessons"
	"aula/store"
)

// The Windows build, run for real under Wine (deploy/wine/setup.sh says
// how and why): the commands, the data folder, the lock, the reports, the
// hub both ways, accessible mode through a lesson of every step kind, and
// the full-screen kiosk in tmux. Without Wine the test is skipped with a
// message, except in CI (CI set), where it fails: .ci/run installs Wine.
//
// What Wine 8 cannot show (its console keeps escape sequences as text, so
// the layout, colours and alternate screen are garbled by Wine itself) is
// listed in docs/setup-windows.md, for a real laptop.

// wineTimeout bounds any one Windows command: Wine starts a program in
// about a second once its server runs; the first start takes longer.
const wineTimeout = 60 * time.Second

// wineRun is the Windows build and a Wine prefix of its own.
type wineRun struct {
	exe    string // the Windows build
	prefix string // a Windows 10 prefix for this test only
	user   string // the Windows user's folder, in the prefix
}

// windowsUnderWine builds the Windows binary and prepares a Wine prefix
// for this test. The prefix is a copy of one kept in the user's cache
// folder (deploy/wine/setup.sh makes or updates it): making one takes half
// a minute, copying it a second.
func windowsUnderWine(t *testing.T) *wineRun {
	t.Helper()
	var missing []string
	for _, cmd := range []string{"wine", "wineserver", "x86_64-w64-mingw32-gcc"} {
		if _, err := exec.LookPath(cmd); err != nil {
			missing = append(missing, cmd)
		}
	}
	if len(missing) > 0 {
		msg := "the Windows tests need Wine and MinGW (missing: " + strings.Join(missing, ", ") +
			"): apt install wine wine64 gcc-mingw-w64-x86-64-win32; .ci/run does"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	template := filepath.Join(cache, "aula", "wine-prefix")
	if err := os.MkdirAll(filepath.Dir(template), 0o755); err != nil {
		t.Fatal(err)
	}
	// One setup at a time (two test runs may share the cache).
	lock, err := os.OpenFile(template+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	setup := exec.Command("deploy/wine/setup.sh", template)
	if out, err := setup.CombinedOutput(); err != nil {
		t.Fatalf("deploy/wine/setup.sh: %v\n%s", err, out)
	}
	w := &wineRun{prefix: filepath.Join(t.TempDir(), "prefix")}
	if err := copyPrefix(template, w.prefix); err != nil {
		t.Fatal(err)
	}
	_ = syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)

	bin := t.TempDir()
	w.exe = filepath.Join(bin, "aula.exe")
	build := exec.Command("go", "build", "-o", w.exe, ".")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build for Windows: %v\n%s", err, out)
	}
	users, _ := filepath.Glob(filepath.Join(w.prefix, "drive_c", "users", "*", "AppData"))
	if len(users) != 1 {
		t.Fatalf("want one user in the Wine prefix, found %v", users)
	}
	w.user = filepath.Dir(users[0])

	// Every wine command and tmux session of the test uses this prefix.
	t.Setenv("WINEPREFIX", w.prefix)
	t.Setenv("WINEDEBUG", "-all")
	t.Setenv("WINEDLLOVERRIDES", "mscoree,mshtml=;winemenubuilder.exe=d")
	// One Wine server for the whole test, stopped at its end. It and the
	// Windows services Wine starts with the first program live on: their
	// output goes to a file, not to a pipe the test would wait on.
	warm, err := os.Create(filepath.Join(bin, "wine-start.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer warm.Close()
	server := exec.Command("wineserver", "-p")
	server.Stdout, server.Stderr = warm, warm
	if err := server.Run(); err != nil {
		t.Fatalf("wineserver -p: %v", err)
	}
	t.Cleanup(func() { _ = exec.Command("wineserver", "-k").Run() })
	first := exec.Command("wine", w.exe, "version")
	first.Stdout, first.Stderr = warm, warm
	if err := first.Run(); err != nil {
		log, _ := os.ReadFile(warm.Name())
		t.Fatalf("the first start of aula.exe under Wine: %v\n%s", err, log)
	}
	return w
}

// copyPrefix copies a Wine prefix. Wine's own DLLs and programs, large and
// never written, are linked rather than copied; the registry, the users'
// folders and everything small are copied.
func copyPrefix(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(link, dst)
		case !d.Type().IsRegular():
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		ext := strings.ToLower(filepath.Ext(path))
		if strings.HasPrefix(rel, filepath.Join("drive_c", "windows")) && info.Size() > 64<<10 &&
			(ext == ".dll" || ext == ".exe" || ext == ".drv" || ext == ".sys") {
			if os.Link(path, dst) == nil {
				return nil
			}
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, info.Mode().Perm())
		if err != nil {
			return err
		}
		_, err = io.Copy(out, src)
		return errors.Join(err, out.Close())
	})
}

// winPath is a Linux path as the Windows program sees it: Wine's Z: is /.
func winPath(p string) string { return `Z:` + strings.ReplaceAll(p, "/", `\`) }

// run runs the Windows build with args and returns its exit status and
// output.
func (w *wineRun) run(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command("wine", append([]string{w.exe}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.WaitDelay = 5 * time.Second // a Wine helper left holding the output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(wineTimeout):
		_ = cmd.Process.Kill()
		err = <-done
		t.Fatalf("aula.exe %s did not end within %v (%v)\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), wineTimeout, err, out.String(), errOut.String())
	}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// brokenLesson is a lesson file with a mistake on line 3.
const brokenLesson = "id: roto\ntitle: Roto\nsteps: [unclosed\n"

var fileLine = regexp.MustCompile(`roto\.yaml:\d+: `)

func TestWindowsUnderWine(t *testing.T) { //nolint:funlen // the Windows build's checks one after another, sharing one Wine prefix
	w := windowsUnderWine(t)
	linux := aulaBinary(t)
	dir := t.TempDir()
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}

	t.Run("version", func(t *testing.T) {
		code, out, errOut := w.run(t, nil, "version")
		if code != 0 || !strings.HasPrefix(out, "aula ") {
			t.Fatalf("version: status %d, stdout %q, stderr %q", code, out, errOut)
		}
	})

	t.Run("lessons check", func(t *testing.T) {
		wineLessonsCheck(t, w, len(lib.Catalog("es").Lessons), dir)
	})

	// The data folder: %LOCALAPPDATA%\aula by default, or the one given.
	t.Run("data folder", func(t *testing.T) {
		local := filepath.Join(w.user, "AppData", "Local", "aula", store.FileName)
		s := startLines(t, "wine", w.exe, "--accessible", "--lang", "es")
		quitFirstRun(t, s, "Rosa")
		if _, err := os.Stat(local); err != nil {
			t.Errorf("the default data file is not in %%LOCALAPPDATA%%\\aula: %v", err)
		}
		given := filepath.Join(dir, "given")
		s = startLines(t, "wine", w.exe, "--accessible", "--lang", "es", "--data", winPath(given))
		quitFirstRun(t, s, "Rosa")
		if _, err := os.Stat(filepath.Join(given, store.FileName)); err != nil {
			t.Errorf("--data: %v", err)
		}
	})

	// A second Aula on the same data gives up at once, in plain words.
	t.Run("second instance", func(t *testing.T) {
		data := filepath.Join(dir, "locked")
		s := startLines(t, "wine", w.exe, "--accessible", "--lang", "es", "--data", winPath(data))
		s.expect(wordsFor("es").name)
		code, out, errOut := w.run(t, nil, "--accessible", "--lang", "es", "--data", winPath(data))
		if code != exitLocked || !strings.Contains(errOut, "Aula ya está abierta") {
			t.Errorf("second Aula: status %d, want %d saying Aula ya está abierta\nstdout:\n%s\nstderr:\n%s", code, exitLocked, out, errOut)
		}
		s.send("salir")
		s.expect(wordsFor("es").quitQuestion)
		s.send("1")
		if code := s.wait(); code != 0 {
			t.Errorf("the first Aula ended with %d", code)
		}
	})

	// Accessible mode through a lesson of every step kind, with the Linux
	// run's checks; then the reports on what it stored.
	every := filepath.Join(dir, "every")
	t.Run("accessible every kind", func(t *testing.T) {
		s := startLines(t, "wine", w.exe, "--accessible", "--data", winPath(every), "--lang", "es")
		playEveryKind(t, "es", s)
		checkEveryKindData(t, "es", every)
	})

	t.Run("report", func(t *testing.T) {
		wineReport(t, w, every)
	})

	// A Windows hub that a Linux kiosk joins and pushes to, and a Linux hub
	// that a Windows kiosk joins.
	t.Run("hub on Windows", func(t *testing.T) {
		hub := startLines(t, "wine", w.exe, "hub", "--lang", "en", "--data", winPath(filepath.Join(dir, "hubwin")), "--listen", freePort(t))
		joinAndPlay(t, hub, func(addr string) *lineSession {
			return startLines(t, linux, "--accessible", "--lang", "es", "--data", filepath.Join(dir, "kiosklinux"), "--hub", addr)
		})
	})
	t.Run("hub on Linux", func(t *testing.T) {
		hub := startLines(t, linux, "hub", "--lang", "en", "--data", filepath.Join(dir, "hublinux"), "--listen", freePort(t))
		joinAndPlay(t, hub, func(addr string) *lineSession {
			return startLines(t, "wine", w.exe, "--accessible", "--lang", "es", "--data", winPath(filepath.Join(dir, "kioskwin")), "--hub", addr)
		})
	})

	// Accessible mode in a console (not pipes): a PIN is not shown as it
	// is typed (echo_windows.go), and Ctrl+C asks before leaving.
	t.Run("accessible in a console", func(t *testing.T) {
		wineConsole(t, w, filepath.Join(dir, "console"))
	})

	t.Run("full screen", func(t *testing.T) {
		windowsFullScreen(t, w, filepath.Join(dir, "fullscreen"))
	})
}

// quitFirstRun signs up who in a fresh data folder and leaves.
func quitFirstRun(t *testing.T, s *lineSession, who string) {
	t.Helper()
	w := wordsFor("es")
	s.expect(w.name)
	s.send(who)
	s.expect(w.pin)
	s.send("1")
	s.expect("Hola, " + who)
	s.send(w.quit)
	s.expect(w.quitQuestion)
	s.send("1")
	if code := s.wait(); code != 0 {
		t.Fatalf("Aula ended with status %d", code)
	}
}

var (
	hubAt   = regexp.MustCompile(`Class hub at (https?://\S+)`)
	hubCode = regexp.MustCompile(`Session code: (\d{3} \d{3})`)
	hubKey  = regexp.MustCompile(`--key ([0-9a-f]+)`)
	hubPin  = regexp.MustCompile(`--pin ([0-9a-f]+)`)
)

// joinAndPlay reads the address, key and code the hub printed, starts a
// kiosk in accessible mode that joins it, plays the first lesson and
// leaves; the hub must then hold the learner's lesson as done.
func joinAndPlay(t *testing.T, hub *lineSession, kiosk func(addr string) *lineSession) {
	t.Helper()
	said := hub.expect("Press Ctrl+C to stop the hub.")
	addr, key, code, pin := hubAt.FindStringSubmatch(said), hubKey.FindStringSubmatch(said), hubCode.FindStringSubmatch(said), hubPin.FindStringSubmatch(said)
	if addr == nil || key == nil || code == nil || pin == nil {
		t.Fatalf("the hub did not say its address, key and code:\n%s", said)
	}
	const who = "Íñigo Núñez"
	w := wordsFor("es")
	s := kiosk(addr[1])
	s.expect(w.name)
	s.send(who)
	s.expect(w.pin)
	s.send("1")
	s.expect("Escribe el código de la clase")
	s.send(code[1])
	s.expect("Ya estás en la clase")
	s.send("1")
	s.expect("Hola, " + who)
	s.send("1") // the first lesson
	cat := lessonsCatalog(t, "es")
	first := cat.Itineraries[0].LessonIDs[0]
	l, _ := cat.Lesson(first)
	wl := w
	wl.hello = "Hola, " + who
	doLesson(t, s, wl, l)

	// The hub has it (the kiosk pushes in the background): ask its
	// trainer API until it does.
	deadline := time.Now().Add(wineTimeout)
	var snap classroom.Snapshot
	for {
		req, _ := http.NewRequest("GET", addr[1]+classroom.PathClass, nil)
		req.Header.Set("Authorization", "Bearer "+key[1])
		if resp, err := classroom.PinnedHTTP(pin[1]).Do(req); err == nil {
			snap = classroom.Snapshot{}
			_ = json.NewDecoder(resp.Body).Decode(&snap)
			resp.Body.Close()
		}
		if hubHasDone(snap, who, first) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v the hub does not have %s's lesson %s done: %+v", wineTimeout, who, first, snap)
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.send(w.quit)
	s.expect(w.quitQuestion)
	s.send("1")
	if code := s.wait(); code != 0 {
		t.Errorf("the kiosk ended with status %d", code)
	}
}

func hubHasDone(snap classroom.Snapshot, who, lesson string) bool {
	for _, r := range snap.Rows {
		if r.Name != who {
			continue
		}
		for _, p := range r.Progress {
			if p.Lesson == lesson && p.Status == store.Done {
				return true
			}
		}
	}
	return false
}

// windowsFullScreen drives the full-screen kiosk in tmux, twice. First
// with NO_COLOR set: a name with ñ, the home screen, and a Ctrl+C (Wine's
// console delivers it as a signal) asking before leaving; the name must be
// stored as typed, and no colour code written. Then with colours: F1 help,
// q asking before leaving, and colour codes do come through Wine (so the
// first check can see them). Wine leaves stale text on the screen, so
// only words that appear for the first time are waited for, and Enter
// ends each run only if the quit dialog is open.
func windowsFullScreen(t *testing.T, w *wineRun, data string) {
	logs := t.TempDir()
	t.Run("NO_COLOR, Ctrl+C", func(t *testing.T) {
		tm := wineTmux(t, "NO_COLOR=1")
		raw := startRecorded(t, tm, "win", logs, "wine", w.exe, "--data", winPath(data), "--lang", "es")
		tm.waitFor("win", "Escribe tu nombre", "› Tu nombre") // Wine scrolls the first lines away
		tm.typeText("win", "Iñaki Peña")
		tm.waitFor("win", "› Iñaki Peña")
		tm.keys("win", "Enter")
		tm.waitFor("win", "No, gracias")
		tm.keys("win", "Enter")
		tm.waitFor("win", "Ver todas las lecciones", "Ajustes")
		tm.keys("win", "C-c")
		tm.waitFor("win", "¿Quieres salir?", "Salir de Aula", "Seguir aquí")
		tm.keys("win", "Down") // from "Seguir aquí" to "Salir de Aula"
		tm.keys("win", "Enter")
		if code := tm.waitExit("win", logs); code != 0 {
			t.Fatalf("the kiosk ended with status %d", code)
		}
		out := readFile(t, raw)
		if bad := colourCodes(out); len(bad) > 0 {
			t.Errorf("with NO_COLOR, %d colour codes were written, the first %q", len(bad), bad[0])
		}
		st, err := store.Open(data, store.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ls, _ := st.Learners()
		if len(ls) != 1 || ls[0].Name != "Iñaki Peña" {
			t.Errorf("learners stored: %+v, want Iñaki Peña", ls)
		}
	})
	t.Run("colours, F1, q", func(t *testing.T) {
		tm := wineTmux(t)
		raw := startRecorded(t, tm, "again", logs, "wine", w.exe, "--data", winPath(data), "--lang", "es")
		tm.waitFor("again", "Ver todas las lecciones", "Ajustes") // the only learner goes straight in
		tm.keys("again", "F1")
		tm.waitFor("again", "Pulsa Esc o F1 para cerrar la ayuda")
		tm.keys("again", "Enter") // closes the help (a plain key: Esc could join the next one)
		tm.keys("again", "q")
		tm.waitFor("again", "Salir de Aula", "Seguir aquí")
		tm.keys("again", "Down")
		tm.keys("again", "Enter")
		if code := tm.waitExit("again", logs); code != 0 {
			t.Fatalf("the kiosk ended with status %d", code)
		}
		out := readFile(t, raw)
		if n := len(colourCodes(out)); n == 0 {
			t.Errorf("without NO_COLOR no colour code came through Wine (%d bytes, %d SGR codes): the NO_COLOR check would see nothing", len(out), len(sgr.FindAll(out, -1)))
		}
	})
}

// wineTmux is a tmux server for the Windows build with env, and colours
// decided by env alone (see colourTmux).
func wineTmux(t *testing.T, env ...string) *tmuxServer {
	tm := colourTmux(t, env...)
	// Wine's console leaves the terminal's Ctrl+C on: the shell around
	// Aula would get it too, and end before it could say how Aula ended.
	// (Wine sets its own handler, so Aula still gets it.)
	tm.before = "trap '' INT; "
	return tm
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wineLessonsCheck runs aula.exe lessons check on the built-in lessons
// (n of them in Spanish), then on a broken folder made under dir.
func wineLessonsCheck(t *testing.T, w *wineRun, n int, dir string) {
	code, out, errOut := w.run(t, nil, "lessons", "check", "--lang", "en")
	want := "ok: " + strconv.Itoa(n) + " lessons"
	if code != exitOK || !strings.Contains(out, want) {
		t.Errorf("lessons check: status %d, want 0 and %q\nstdout:\n%s\nstderr:\n%s", code, want, out, errOut)
	}
	broken := filepath.Join(dir, "broken")
	writeFile(t, filepath.Join(broken, "es", "roto.yaml"), brokenLesson)
	code, out, errOut = w.run(t, nil, "lessons", "check", winPath(broken))
	if code != exitProblem || !fileLine.MatchString(out) {
		t.Errorf("lessons check on a broken folder: status %d, want %d and roto.yaml:LINE:\nstdout:\n%s\nstderr:\n%s", code, exitProblem, out, errOut)
	}
}

// wineReport reads aula.exe's CSV and JSON reports of the data folder
// every, where Lucía went through a lesson of every step kind.
func wineReport(t *testing.T, w *wineRun, every string) {
	code, out, errOut := w.run(t, nil, "report", "--data", winPath(every), "--format", "csv", "--lang", "es")
	if code != 0 {
		t.Fatalf("report csv: status %d\n%s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("report csv: %v\n%s", err, out)
	}
	done := 0
	for _, r := range recs[1:] {
		if r[0] != "Lucía" {
			t.Errorf("csv row %q: the name is not Lucía", r)
		}
		if len(r) > 3 && r[3] == "done" {
			done++
		}
	}
	if done < 6 {
		t.Errorf("csv: %d lessons done, want at least 6:\n%s", done, out)
	}
	code, out, errOut = w.run(t, nil, "report", "--data", winPath(every), "--format", "json", "--lang", "es")
	if code != 0 {
		t.Fatalf("report json: status %d\n%s", code, errOut)
	}
	if !json.Valid([]byte(out)) || !strings.Contains(out, `"Lucía"`) {
		t.Errorf("report json is not JSON naming Lucía:\n%s", out)
	}
}

// wineConsole runs accessible mode in a console on the data folder data:
// the PIN typed is not shown, and Ctrl+C asks before leaving.
func wineConsole(t *testing.T, w *wineRun, data string) {
	tm := wineTmux(t)
	logs := t.TempDir()
	tm.startArgs("acc", 80, 24, logs, "wine", w.exe, "--accessible", "--data", winPath(data), "--lang", "es")
	tm.waitFor("acc", "¿Cómo te llamas?")
	tm.typeText("acc", "Iñaki")
	tm.waitFor("acc", "Iñaki") // what is typed shows
	tm.keys("acc", "Enter")
	tm.waitFor("acc", "¿Quieres un PIN?")
	tm.typeText("acc", "2")
	tm.keys("acc", "Enter")
	tm.waitFor("acc", "Escribe 4 números")
	tm.typeText("acc", "4826")
	tm.keys("acc", "Enter")
	tm.waitFor("acc", "Repite tu PIN")
	tm.typeText("acc", "4826")
	tm.keys("acc", "Enter")
	tm.waitFor("acc", "¿Qué practicamos hoy?")
	tm.keys("acc", "C-c")
	tm.waitFor("acc", "¿Quieres salir?")
	tm.typeText("acc", "1")
	tm.keys("acc", "Enter")
	if code := tm.waitExit("acc", logs); code != 0 {
		t.Fatalf("accessible mode ended with status %d", code)
	}
	if all := tm.run("capture-pane", "-p", "-S", "-", "-t", "acc"); strings.Contains(all, "4826") {
		t.Errorf("the PIN was shown as it was typed:\n%s", all)
	}
}
