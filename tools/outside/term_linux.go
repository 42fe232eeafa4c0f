package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// The queries a program may send at start, and what a dark xterm answers.
var answers = []struct{ query, reply string }{
	{"\x1b]11;?\x1b\\", "\x1b]11;rgb:0000/0000/0000\x1b\\"},
	{"\x1b]11;?\a", "\x1b]11;rgb:0000/0000/0000\a"},
	{"\x1b]10;?\x1b\\", "\x1b]10;rgb:ffff/ffff/ffff\x1b\\"},
	{"\x1b]10;?\a", "\x1b]10;rgb:ffff/ffff/ffff\a"},
	{"\x1b[6n", "\x1b[1;1R"},
}

// term is a program on a pseudo-terminal of 80×24.
type term struct {
	cmd  *exec.Cmd
	tty  *os.File
	done chan struct{} // closed when the program's output ends

	mu      sync.Mutex
	raw     []byte      // everything the program wrote
	arrived []time.Time // when each read of it arrived
	at      []int       // where in raw each read starts
	wake    chan struct{}
	queries int // queries answered
}

// start runs name with args on a new terminal; answer says whether the
// terminal answers queries (a silent one, as some old terminals are, does
// not). It returns when the program has been started.
func start(env []string, answer bool, name string, args ...string) (*term, time.Time, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = env
	t := &term{cmd: cmd, done: make(chan struct{}), wake: make(chan struct{}, 1)}
	t0 := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		return nil, t0, err
	}
	t.tty = tty
	go t.read(answer)
	return t, t0, nil
}

func (t *term) read(answer bool) {
	defer close(t.done)
	buf := make([]byte, 64<<10)
	for {
		n, err := t.tty.Read(buf)
		now := time.Now()
		if n > 0 {
			t.mu.Lock()
			from := max(len(t.raw)-8, 0) // a query may straddle two reads
			t.at = append(t.at, len(t.raw))
			t.raw = append(t.raw, buf[:n]...)
			t.arrived = append(t.arrived, now)
			tail := t.raw[from:]
			t.mu.Unlock()
			if answer {
				for _, a := range answers {
					if bytes.Contains(tail, []byte(a.query)) {
						_, _ = t.tty.WriteString(a.reply)
						t.mu.Lock()
						t.queries++
						t.mu.Unlock()
					}
				}
			}
			select {
			case t.wake <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// mark is where the output is now: waits look after it.
func (t *term) mark() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.raw)
}

// waitText waits until the text written after mark (escape sequences left
// out) holds want, and returns when the read that completed it arrived.
func (t *term) waitText(mark int, want string, limit time.Duration) (time.Time, error) {
	deadline := time.After(limit)
	for {
		t.mu.Lock()
		// Find the first read after which the text holds want.
		text := ansi.Strip(string(t.raw[min(mark, len(t.raw)):]))
		var at time.Time
		if strings.Contains(text, want) {
			for i := range t.at {
				end := len(t.raw)
				if i+1 < len(t.at) {
					end = t.at[i+1]
				}
				if end > mark && strings.Contains(ansi.Strip(string(t.raw[mark:end])), want) {
					at = t.arrived[i]
					break
				}
			}
		}
		t.mu.Unlock()
		if !at.IsZero() {
			return at, nil
		}
		select {
		case <-t.wake:
		case <-t.done:
			return time.Time{}, fmt.Errorf("the program ended before showing %q", want)
		case <-deadline:
			return time.Time{}, fmt.Errorf("after %v, still no %q on the screen; the last output was:\n%s", limit, want, t.tail())
		}
	}
}

// nextOutput waits for the first read after mark and returns when it
// arrived.
func (t *term) nextOutput(mark int, limit time.Duration) (time.Time, error) {
	deadline := time.After(limit)
	for {
		t.mu.Lock()
		var at time.Time
		for i := len(t.at) - 1; i >= 0 && t.at[i] >= mark; i-- {
			at = t.arrived[i]
		}
		t.mu.Unlock()
		if !at.IsZero() {
			return at, nil
		}
		select {
		case <-t.wake:
		case <-t.done:
			return time.Time{}, errors.New("the program ended")
		case <-deadline:
			return time.Time{}, fmt.Errorf("no redraw within %v", limit)
		}
	}
}

// quiet waits until the program has written nothing for d.
func (t *term) quiet(d time.Duration) {
	for {
		select {
		case <-t.wake:
		case <-t.done:
			return
		case <-time.After(d):
			return
		}
	}
}

func (t *term) tail() string {
	text := ansi.Strip(string(t.raw))
	if f := os.Getenv("OUTSIDE_DUMP"); f != "" {
		_ = os.WriteFile(f, []byte(text), 0o600)
	}
	return text[max(0, len(text)-600):]
}

// write types s on the terminal's keyboard.
func (t *term) write(s string) error {
	_, err := t.tty.WriteString(s)
	return err
}

// memory is what /proc says about the program's memory now, in kB.
type memory struct{ hwm, anon, file int }

func (t *term) memory() (memory, error) { return procMemory(t.cmd.Process.Pid) }

func procMemory(pid int) (memory, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return memory{}, err
	}
	var m memory
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.Atoi(f[1])
		switch f[0] {
		case "VmHWM:":
			m.hwm = n
		case "RssAnon:":
			m.anon = n
		case "RssFile:":
			m.file = n
		}
	}
	if m.hwm == 0 {
		return m, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
	}
	return m, nil
}

// stop ends the program (SIGTERM: Aula saves what is queued and leaves)
// and waits for it.
func (t *term) stop() {
	_ = t.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-t.done:
	case <-time.After(5 * time.Second):
		_ = t.cmd.Process.Kill()
	}
	_ = t.cmd.Wait()
	_ = t.tty.Close()
}

// cpu is the processor time the program has used so far, on every thread
// (the first field of /proc/PID/task/TID/schedstat, in nanoseconds). Unlike
// the time to the first frame, it hardly depends on what else runs on the
// machine.
func (t *term) cpu() (time.Duration, error) {
	dir := "/proc/" + strconv.Itoa(t.cmd.Process.Pid) + "/task"
	tasks, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var sum time.Duration
	for _, task := range tasks {
		b, err := os.ReadFile(dir + "/" + task.Name() + "/schedstat")
		if err != nil {
			continue // a thread that has just ended
		}
		f := strings.Fields(string(b))
		if len(f) == 0 {
			continue
		}
		ns, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s/%s/schedstat: %w", dir, task.Name(), err)
		}
		sum += time.Duration(ns)
	}
	return sum, nil
}
