package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"aula/lessons"
	"aula/store"
)

const (
	limit     = 20 * time.Second // for any screen to appear
	firstText = "F4 pedir ayuda" // the footer: the last line of the first frame (F1 says "ayuda" or "más teclas" as room allows)
	lookAlike = "p@55w0rd1|!7"   // zxcvbn's worst case, repeated to 64 characters
	keyDown   = "\x1b[B"
	keyUp     = "\x1b[A"
	backspace = "\x7f"
)

// bench is one run: the binary, the lessons it is driven through, and the
// samples.
type bench struct {
	cfg     config
	dir     string
	bin     string
	env     []string
	seed    string // a data folder with one learner, Lucía, without a PIN
	resumes string // the same, with the target lessons started at their step

	choose, password, mail target
	formDir                string // a folder of lessons with the 20-field form
	hubSeed                string // a trainer's data folder with 30 learners
	page                   string // the choose lesson as a static page

	ms  map[string][]float64 // durations in ms, by figure
	mem map[string][]memory  // memory, by screen
}

// target is a step to open: the lesson, and the step's place and title.
type target struct {
	lesson *lessons.Lesson
	step   int
}

func (t target) title() string { return t.lesson.Steps()[t.step].Title }

func run(cfg config) error {
	dir, err := os.MkdirTemp("", "aula-outside-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	b := &bench{cfg: cfg, dir: dir, ms: map[string][]float64{}, mem: map[string][]memory{}}
	b.env = []string{"TERM=xterm-256color", "LANG=C.UTF-8", "HOME=" + dir, "XDG_CONFIG_HOME=" + dir, "XDG_DATA_HOME=" + dir,
		"PATH=" + os.Getenv("PATH")}
	if err := b.prepare(); err != nil {
		return err
	}
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Fprintf(cfg.out, "outside: %s, %d cores, load average %s; %d rounds, %d keys a screen a round\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.NumCPU(), strings.Join(strings.Fields(string(load))[:3], " "),
		cfg.rounds, cfg.keys)
	for r := 0; r < cfg.rounds; r++ {
		fmt.Fprintf(os.Stderr, "round %d/%d\n", r+1, cfg.rounds)
		if err := b.round(); err != nil {
			return fmt.Errorf("round %d: %w", r+1, err)
		}
	}
	b.report()
	return nil
}

// data is a fresh copy of a seeded data folder.
func (b *bench) data(seed string) (string, error) {
	d, err := os.MkdirTemp(b.dir, "data-")
	if err != nil {
		return "", err
	}
	raw, err := os.ReadFile(filepath.Join(seed, store.FileName))
	if err != nil {
		return "", err
	}
	return d, os.WriteFile(filepath.Join(d, store.FileName), raw, 0o600)
}

func (b *bench) addMS(figure string, d time.Duration) {
	b.ms[figure] = append(b.ms[figure], float64(d.Microseconds())/1000)
}

// round takes every measurement once.
func (b *bench) round() error {
	steps := []func() error{b.startAula, b.startLess, b.startChromium, b.version, b.home,
		b.lesson, b.passwordStep, b.mailApp, b.form, b.dashboard, b.startSilent}
	for i, f := range steps {
		name := measureNames[i]
		if len(b.cfg.only) > 0 && !slices.Contains(b.cfg.only, name) || len(b.cfg.only) == 0 && name == "silent" && !b.cfg.silent {
			continue
		}
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// startAula: the kiosk with one learner, until its first frame.
func (b *bench) startAula() error { return b.startOn(true, "start") }

// startSilent: the same on a terminal that answers no query.
func (b *bench) startSilent() error { return b.startOn(false, "start, silent terminal") }

func (b *bench) startOn(answer bool, figure string) error {
	d, err := b.data(b.seed)
	if err != nil {
		return err
	}
	t, t0, err := start(b.env, answer, b.bin, "--data", d, "--lang", "es")
	if err != nil {
		return err
	}
	defer t.stop()
	at, err := t.waitText(0, firstText, limit)
	if err != nil {
		return err
	}
	b.addMS(figure, at.Sub(t0))
	if answer {
		c, err := t.cpu()
		if err != nil {
			return err
		}
		b.addMS("start: processor time", c)
	}
	m, err := t.memory()
	if err != nil {
		return err
	}
	b.mem["first frame (home)"] = append(b.mem["first frame (home)"], m)
	return nil
}

// startLess: less on the lesson's text, until the lesson's title arrives
// (skipped where less is not installed).
func (b *bench) startLess() error {
	less, err := exec.LookPath("less")
	if err != nil {
		return nil
	}
	t, t0, err := start(b.env, true, less, filepath.Join(b.dir, "lesson.txt"))
	if err != nil {
		return fmt.Errorf("less: %w", err)
	}
	defer func() { _ = t.write("q"); t.stop() }()
	at, err := t.waitText(0, b.choose.lesson.Title, limit)
	if err != nil {
		return fmt.Errorf("less: %w", err)
	}
	b.addMS("start: less", at.Sub(t0))
	m, err := t.memory()
	if err != nil {
		return err
	}
	b.mem["less on the lesson's text"] = append(b.mem["less on the lesson's text"], m)
	return nil
}

// startChromium: headless Chromium loads the lesson as a static page and
// prints it; the time until its title arrives, and the peak memory of its
// largest process.
func (b *bench) startChromium() error {
	if _, err := os.Stat(b.cfg.chromium); err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.cfg.chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
		"--user-data-dir="+filepath.Join(b.dir, "chromium"), "--dump-dom", "file://"+b.page)
	cmd.Env = b.env
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("chromium: %w", err)
	}
	want := "<h1>" + html.EscapeString(b.choose.lesson.Title)
	var got []byte
	buf := make([]byte, 32<<10)
	var at time.Time
	for at.IsZero() {
		n, err := out.Read(buf)
		got = append(got, buf[:n]...)
		if strings.Contains(string(got), want) {
			at = time.Now()
		}
		if err != nil {
			break
		}
	}
	_, _ = io.Copy(io.Discard, out)
	_ = cmd.Wait()
	if at.IsZero() {
		return fmt.Errorf("chromium printed no lesson:\n%s", got)
	}
	b.addMS("start: chromium", at.Sub(t0))
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		b.mem["chromium on the lesson (largest process)"] = append(b.mem["chromium on the lesson (largest process)"],
			memory{hwm: int(ru.Maxrss)})
	}
	return nil
}

// version: the peak memory of aula version, read from /proc when it is
// about to exit. (The kernel's ru_maxrss would not do: a child started
// with vfork counts the parent's memory until it runs its program.)
func (b *bench) version() error {
	m, err := memoryAtExit(b.env, b.bin, "version")
	if err != nil {
		return fmt.Errorf("aula version: %w", err)
	}
	b.mem["aula version"] = append(b.mem["aula version"], m)
	return nil
}

// memoryAtExit runs a program under ptrace, stops it as it exits, and
// reads its memory then.
func memoryAtExit(env []string, name string, args ...string) (memory, error) {
	runtime.LockOSThread() // ptrace answers only the thread that started the child
	defer runtime.UnlockOSThread()
	cmd := exec.Command(name, args...)
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Ptrace: true}
	if err := cmd.Start(); err != nil {
		return memory{}, err
	}
	pid := cmd.Process.Pid
	var ws syscall.WaitStatus
	if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil { // stopped at exec
		return memory{}, err
	}
	if err := syscall.PtraceSetOptions(pid, syscall.PTRACE_O_TRACEEXIT); err != nil {
		return memory{}, err
	}
	var m memory
	var err error
	sig := 0
	for {
		if e := syscall.PtraceCont(pid, sig); e != nil {
			return m, e
		}
		sig = 0
		if _, e := syscall.Wait4(pid, &ws, 0, nil); e != nil {
			return m, e
		}
		switch {
		case ws.Exited() || ws.Signaled():
			if err == nil && m.hwm == 0 {
				err = fmt.Errorf("%s ended before its memory was read", name)
			}
			return m, err
		case ws.Stopped() && ws.TrapCause() == syscall.PTRACE_EVENT_EXIT:
			m, err = procMemory(pid)
		case ws.Stopped() && ws.StopSignal() != syscall.SIGTRAP:
			sig = int(ws.StopSignal()) // the program's own signal (Go's SIGURG): pass it on
		}
	}
}

// kiosk starts the kiosk with args and waits for want. Lucía, the only
// learner and without a PIN, is signed in at once.
func (b *bench) kiosk(want string, args ...string) (*term, error) {
	seed := b.resumes
	if len(args) == 0 {
		seed = b.seed
	}
	d, err := b.data(seed)
	if err != nil {
		return nil, err
	}
	t, _, err := start(b.env, true, b.bin, append([]string{"--data", d, "--lang", "es"}, args...)...)
	if err != nil {
		return nil, err
	}
	if _, err := t.waitText(0, want, limit); err != nil {
		t.stop()
		return nil, err
	}
	t.quiet(100 * time.Millisecond)
	return t, nil
}

func (b *bench) readMemory(t *term, screen string) error {
	m, err := t.memory()
	if err != nil {
		return err
	}
	b.mem[screen] = append(b.mem[screen], m)
	return nil
}

func (b *bench) home() error {
	t, err := b.kiosk("Hola, Lucía")
	if err != nil {
		return fmt.Errorf("home: %w", err)
	}
	defer t.stop()
	// The kiosk copies its data file a second after start: home's figure
	// includes that copy.
	t.quiet(1500 * time.Millisecond)
	return b.readMemory(t, "home, signed in")
}

// keys times keys written to t until their redraw starts to arrive,
// cycling through ks.
func (b *bench) keys(t *term, figure string, ks ...string) error {
	for i := 0; i < b.cfg.keys; i++ {
		t.quiet(40 * time.Millisecond) // the previous key's frames are out
		// A learner's key comes at any moment, not in step with the
		// program's timers (Bubble Tea's renderer draws on a ticker).
		time.Sleep(time.Duration(rand.Int64N(int64(10 * time.Millisecond))))
		mark := t.mark()
		t0 := time.Now()
		if err := t.write(ks[i%len(ks)]); err != nil {
			return err
		}
		at, err := t.nextOutput(mark, 2*time.Second)
		if err != nil {
			return fmt.Errorf("%s: %w", figure, err)
		}
		b.addMS(figure, at.Sub(t0))
	}
	return nil
}

func (b *bench) lesson() error {
	t, err := b.kiosk(b.choose.title(), "--lesson", b.choose.lesson.ID)
	if err != nil {
		return fmt.Errorf("lesson: %w", err)
	}
	defer t.stop()
	if err := b.keys(t, "key: choose step", keyDown, keyUp); err != nil {
		return err
	}
	return b.readMemory(t, "a lesson (choose step)")
}

func (b *bench) passwordStep() error {
	t, err := b.kiosk(b.password.title(), "--lesson", b.password.lesson.ID)
	if err != nil {
		return fmt.Errorf("password step: %w", err)
	}
	defer t.stop()
	paste := strings.Repeat(lookAlike, 64/len(lookAlike)+1)[:64]
	mark := t.mark()
	if err := t.write("\x1b[200~" + paste + "\x1b[201~"); err != nil {
		return err
	}
	if _, err := t.nextOutput(mark, limit); err != nil {
		return fmt.Errorf("password step: %w", err)
	}
	t.quiet(300 * time.Millisecond)
	return b.readMemory(t, "password step, 64 look-alikes pasted")
}

func (b *bench) mailApp() error {
	t, err := b.kiosk(b.mail.title(), "--lesson", b.mail.lesson.ID)
	if err != nil {
		return fmt.Errorf("mail app: %w", err)
	}
	defer t.stop()
	if err := b.keys(t, "key: mail app", keyDown, keyUp); err != nil {
		return err
	}
	return b.readMemory(t, "mail app")
}

func (b *bench) form() error {
	t, err := b.kiosk("La solicitud", "--lessons", b.formDir, "--lesson", "formulario-20")
	if err != nil {
		return fmt.Errorf("form: %w", err)
	}
	defer t.stop()
	if err := b.keys(t, "key: 20-field form page", "a", backspace); err != nil {
		return err
	}
	return b.readMemory(t, "form, 20 fields")
}

func (b *bench) dashboard() error {
	d, err := b.data(b.hubSeed)
	if err != nil {
		return err
	}
	t, _, err := start(b.env, true, b.bin, "trainer", "--data", d, "--lang", "es", "--listen", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer t.stop()
	if _, err := t.waitText(0, "Alumno 01", limit); err != nil {
		return fmt.Errorf("dashboard: %w", err)
	}
	t.quiet(300 * time.Millisecond)
	return b.readMemory(t, "dashboard, 30 learners")
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func mb(kb float64) string { return fmt.Sprintf("%.1f MB", kb/1024) }

// report prints the medians, the ranges and the ratios.
func (b *bench) report() {
	out := b.cfg.out
	fmt.Fprintln(out, "\n| Time | Median | Range | Samples |\n|---|---|---|---|")
	for _, f := range []string{"start", "start: processor time", "start, silent terminal", "start: less", "start: chromium",
		"key: choose step", "key: mail app", "key: 20-field form page"} {
		xs := b.ms[f]
		if len(xs) == 0 {
			continue
		}
		fmt.Fprintf(out, "| %s | %.1f ms | %.1f–%.1f ms | %d |\n", f, median(xs), slices.Min(xs), slices.Max(xs), len(xs))
	}
	aula := median(b.ms["start"])
	if xs := b.ms["start: less"]; len(xs) > 0 && aula > 0 {
		fmt.Fprintf(out, "\nStart to first frame: Aula / less = %.1f×\n", aula/median(xs))
	}
	if xs := b.ms["start: chromium"]; len(xs) > 0 && aula > 0 {
		fmt.Fprintf(out, "Start to first frame: Chromium / Aula = %.1f×\n", median(xs)/aula)
	} else if _, err := os.Stat(b.cfg.chromium); err != nil {
		fmt.Fprintf(out, "No Chromium at %s (-chromium): its baseline and ratios are left out.\n", b.cfg.chromium)
	}
	fmt.Fprintln(out, "\n| Memory (peak so far) | VmHWM median | VmHWM max | RssAnon | RssFile |\n|---|---|---|---|---|")
	for _, s := range []string{"aula version", "first frame (home)", "home, signed in", "a lesson (choose step)",
		"password step, 64 look-alikes pasted", "mail app", "form, 20 fields", "dashboard, 30 learners",
		"less on the lesson's text", "chromium on the lesson (largest process)"} {
		ms := b.mem[s]
		if len(ms) == 0 {
			continue
		}
		var hwm, anon, file []float64
		for _, m := range ms {
			hwm, anon, file = append(hwm, float64(m.hwm)), append(anon, float64(m.anon)), append(file, float64(m.file))
		}
		row := fmt.Sprintf("| %s | %s | %s | %s | %s |", s, mb(median(hwm)), mb(slices.Max(hwm)), mb(median(anon)), mb(median(file)))
		if median(anon) == 0 {
			row = fmt.Sprintf("| %s | %s | %s | — | — |", s, mb(median(hwm)), mb(slices.Max(hwm)))
		}
		fmt.Fprintln(out, row)
	}
	if c := b.mem["chromium on the lesson (largest process)"]; len(c) > 0 {
		var hwm []float64
		for _, m := range c {
			hwm = append(hwm, float64(m.hwm))
		}
		var worst float64
		for s, ms := range b.mem {
			if strings.Contains(s, "chromium") || strings.Contains(s, "less") {
				continue
			}
			for _, m := range ms {
				worst = max(worst, float64(m.hwm))
			}
		}
		fmt.Fprintf(out, "\nPeak memory: Chromium's largest process / Aula's worst screen = %.1f×\n", median(hwm)/worst)
	}
}
