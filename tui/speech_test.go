package tui

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
)

// recordingSpeaker runs a real engine and keeps the arguments of every
// command it ran.
type recordingSpeaker struct {
	e    *Engine
	args [][]string
}

func (r *recordingSpeaker) Speak(ctx context.Context, lang, text string) error {
	cmd := r.e.Command(ctx, lang, text)
	r.args = append(r.args, cmd.Args)
	return runSpeech(ctx, cmd)
}

// F6 on a step speaks its title and instruction through espeak-ng, in the
// lesson's language; the speech goes to a WAV file here.
func TestReadAloudWithEspeak(t *testing.T) {
	path, err := exec.LookPath("espeak-ng")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("espeak-ng is not installed; .ci/run installs it")
		}
		t.Skip("espeak-ng is not installed (CI installs it and runs this test)")
	}
	for _, lang := range []string{"es", "en"} {
		t.Run(lang, func(t *testing.T) {
			wav := filepath.Join(t.TempDir(), "out.wav")
			rec := &recordingSpeaker{e: &Engine{Name: EngineEspeak, Path: path, WAV: wav}}
			st := withLearner(t, "Lucía")
			d := newDriverWith(t, st, Config{Lang: lang, StartLesson: "usar-aula", Speaker: rec})
			s := d.player().Step()
			d.send(tea.KeyMsg{Type: tea.KeyF6})
			if len(rec.args) != 1 {
				t.Fatalf("F6 ran %d speech commands, want 1", len(rec.args))
			}
			args := rec.args[0]
			said := args[len(args)-1]
			if want := speakable(s.Title + "\n" + s.Text); said != want {
				t.Errorf("espeak-ng said %q, want the step's title and instruction %q", said, want)
			}
			for _, line := range strings.Split(s.Text, "\n") {
				if !strings.Contains(said, strings.TrimSpace(line)) {
					t.Errorf("the instruction line %q was not said", line)
				}
			}
			voice := map[string]string{"es": "es", "en": "en-gb"}[lang]
			if !strings.Contains(strings.Join(args, " "), "-v "+voice+" ") {
				t.Errorf("espeak-ng ran with %q, want the voice %s", args, voice)
			}
			data, err := os.ReadFile(wav)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) <= 44 || !bytes.Equal(data[:4], []byte("RIFF")) || !bytes.Equal(data[8:12], []byte("WAVE")) {
				t.Fatalf("the speech is not a WAV file with sound: %d bytes, %q", len(data), data[:min(len(data), 12)])
			}
			if d.m.speech.cancel != nil {
				t.Error("the speech ended but the kiosk still thinks it speaks")
			}
		})
	}
}

// fakeSpeaker speaks until it is stopped, and says what it was asked.
type fakeSpeaker struct {
	mu      sync.Mutex
	texts   []string
	langs   []string
	stopped int
	block   bool
	err     error
	spoke   chan string // if set, hears each text as it is said
}

func (f *fakeSpeaker) Speak(ctx context.Context, lang, text string) error {
	f.mu.Lock()
	f.texts, f.langs = append(f.texts, text), append(f.langs, lang)
	f.mu.Unlock()
	if f.spoke != nil {
		f.spoke <- text
	}
	if !f.block {
		return f.err
	}
	<-ctx.Done()
	f.mu.Lock()
	f.stopped++
	f.mu.Unlock()
	return nil
}

func (f *fakeSpeaker) said() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.texts...)
}

// startSpeech presses F6 and starts the speech in the background, as the
// Bubble Tea runtime would, without waiting for it.
func startSpeech(t *testing.T, d *driver) chan tea.Msg {
	t.Helper()
	_, cmd := d.m.Update(tea.KeyMsg{Type: tea.KeyF6})
	done := make(chan tea.Msg, 1)
	if cmd == nil {
		close(done)
		return done
	}
	bg, ok := cmd().(backgroundMsg)
	if !ok {
		t.Fatalf("F6 should start the speech in the background")
	}
	go func() { done <- bg.cmd() }()
	return done
}

// The speech never blocks the screen: keys work while it speaks; F6 again
// stops it; leaving the screen stops it too.
func TestReadAloudIsInterruptible(t *testing.T) {
	f := &fakeSpeaker{block: true}
	st := withLearner(t, "Lucía")
	d := newDriverWith(t, st, Config{Lang: "en", StartLesson: "usar-aula", Speaker: f})
	d.keys("enter") // a question
	done := startSpeech(t, d)
	d.keys("down") // the screen answers while it speaks
	d.must("▶ 2 (•)")
	stop := startSpeech(t, d) // F6 again: stop
	if msg, ok := recv(t, stop); ok {
		t.Fatalf("F6 while speaking started more speech: %v", msg)
	}
	msg, _ := recv(t, done)
	if f.stopped != 1 {
		t.Fatalf("F6 did not stop the speech")
	}
	d.send(msg)
	if d.m.speech.cancel != nil {
		t.Fatal("the speech is still marked as running")
	}

	// Leaving the step stops its speech.
	done = startSpeech(t, d)
	d.keys("esc")
	d.must("Hello, Lucía")
	recv(t, done)
	if f.stopped != 2 {
		t.Fatalf("going home did not stop the speech (stopped %d)", f.stopped)
	}
	if got := f.said(); len(got) != 2 || got[0] != got[1] || f.langs[0] != "en" || !strings.Contains(got[0], "2. ") {
		t.Fatalf("said %q in %q", got, f.langs)
	}
}

// recv waits for a message of a command running in the background.
func recv(t *testing.T, ch chan tea.Msg) (tea.Msg, bool) {
	t.Helper()
	select {
	case msg, ok := <-ch:
		return msg, ok
	case <-time.After(10 * time.Second):
		t.Fatal("the speech did not stop")
	}
	return nil, false
}

// Where the computer has no speech, F6 says so once and all goes on.
func TestReadAloudWithoutSpeech(t *testing.T) {
	st := withLearner(t, "Lucía")
	d := newDriverWith(t, st, Config{Lang: "es", StartLesson: "usar-aula"})
	d.send(tea.KeyMsg{Type: tea.KeyF6})
	d.must("Este ordenador no tiene voz para leer en alto.")
	d.keys("enter")
	d.mustNot("no tiene voz") // said once: the status line goes on with the rest
	d.send(tea.KeyMsg{Type: tea.KeyF6})
	d.mustNot("no tiene voz")
	d.must("Paso 2 de 8")

	// An engine that fails is said once too.
	f := &fakeSpeaker{err: errors.New("no audio device")}
	d2 := newDriverWith(t, withLearner(t, "Ana"), Config{Lang: "en", StartLesson: "usar-aula", Speaker: f})
	d2.send(tea.KeyMsg{Type: tea.KeyF6})
	d2.must("We could not read aloud.")
}

// A learner who asked for it hears each step as it opens, and the options
// of a question with it.
func TestReadEachStepAloud(t *testing.T) {
	f := &fakeSpeaker{}
	st := withLearner(t, "Lucía")
	ls, _ := st.Learners()
	p := ls[0].Prefs
	p.Speak = true
	if err := st.SetPrefs(ls[0].ID, p); err != nil {
		t.Fatal(err)
	}
	d := newDriverWith(t, st, Config{Lang: "es", StartLesson: "usar-aula", Speaker: f})
	d.keys("enter")
	got := f.said()
	if len(got) != 2 || !strings.HasPrefix(got[0], "Te damos la bienvenida") || !strings.HasPrefix(got[1], "Moverte con las flechas") {
		t.Fatalf("said %q; want each step as it opened", got)
	}
	if !strings.Contains(got[1], "1. La flecha ↑") {
		t.Errorf("the options were not read with the question: %q", got[1])
	}
	d.keys("3", "enter") // a wrong answer: F6 reads the feedback too
	d.send(tea.KeyMsg{Type: tea.KeyF6})
	if last := f.said()[len(f.said())-1]; !strings.Contains(last, "Todavía no.") {
		t.Errorf("F6 after an answer said %q, without the feedback", last)
	}
}

// In accessible mode, "leer" reads aloud, and says when there is no speech.
func TestReadAloudInLines(t *testing.T) {
	f := &fakeSpeaker{spoke: make(chan string, 1)}
	st := withLearner(t, "Lucía")
	out := linesAll(t, st, Config{Lang: "es", StartLesson: "teclado", Speaker: f}, "leer\n")
	select {
	case got := <-f.spoke:
		if !strings.HasPrefix(got, "Tu teclado\n") {
			t.Fatalf("leer said %q", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("leer said nothing")
	}
	plainText(t, out)
	out = linesAll(t, withLearner(t, "Ana"), Config{Lang: "es"}, "leer\nleer\n")
	if strings.Count(out, "Este ordenador no tiene voz") != 1 {
		t.Errorf("without speech, leer should say so once:\n%s", out)
	}
}

func TestSpeechEngines(t *testing.T) {
	none := func(string) (string, error) { return "", exec.ErrNotFound }
	only := func(names ...string) func(string) (string, error) {
		return func(n string) (string, error) {
			for _, want := range names {
				if n == want {
					return "/usr/bin/" + n, nil
				}
			}
			return "", exec.ErrNotFound
		}
	}
	if e := findEngine("linux", none); e != nil {
		t.Errorf("no program: %+v", e)
	}
	if e := findEngine("linux", only("spd-say", "espeak-ng")); e == nil || e.Name != EngineEspeak {
		t.Errorf("espeak-ng first: %+v", e)
	}
	if e := findEngine("linux", only("spd-say")); e == nil || e.Name != EngineSpd {
		t.Errorf("spd-say: %+v", e)
	}
	if e := findEngine("windows", only("powershell.exe", "espeak-ng")); e == nil || e.Name != EngineSAPI {
		t.Errorf("windows: %+v", e)
	}

	text := "Hola, «Lucía».\n  ¿Qué tal?  \n\n-v en"
	ctx := context.Background()
	spd := (&Engine{Name: EngineSpd, Path: "spd-say"}).Command(ctx, "es", text)
	if got := strings.Join(spd.Args[1:], "|"); got != "-w|-l|es|-r|-20|--|Hola, Lucía.\n¿Qué tal?\n-v en" {
		t.Errorf("spd-say args: %q", got)
	}
	if spd.Cancel == nil {
		t.Error("spd-say needs to be told to stop")
	}
	es := (&Engine{Name: EngineEspeak, Path: "espeak-ng"}).Command(ctx, "en", text)
	if got := es.Args[len(es.Args)-2:]; got[0] != "--" || got[1] != "Hola, Lucía.\n¿Qué tal?\n-v en" {
		t.Errorf("espeak-ng: text after --, got %q", es.Args)
	}
	sapi := (&Engine{Name: EngineSAPI, Path: "powershell.exe"}).Command(ctx, "es", text)
	script := sapi.Args[len(sapi.Args)-1]
	enc := base64.StdEncoding.EncodeToString([]byte("Hola, Lucía.\n¿Qué tal?\n-v en"))
	if !strings.Contains(script, "'es-ES'") || !strings.Contains(script, enc) || !strings.Contains(script, "System.Speech") {
		t.Errorf("SAPI script:\n%s", script)
	}
	if long := speakable(strings.Repeat("ñ", 5000)); len(long) > maxSpoken || !strings.HasPrefix(long, "ññ") {
		t.Errorf("a long text is cut to %d bytes", len(long))
	}
}

// In accessible mode too, a learner who asked for it hears each step as it
// opens, and the class hears where the learner is.
func TestLinesReadEachStepAndPresence(t *testing.T) {
	f := &fakeSpeaker{spoke: make(chan string, 4)}
	st := withLearner(t, "Lucía")
	ls, _ := st.Learners()
	if err := st.SetPrefs(ls[0].ID, store.Prefs{Speak: true}); err != nil {
		t.Fatal(err)
	}
	class := &fakeClass{}
	s := startLineSession(t, st, Config{Lang: "es", StartLesson: "usar-aula", Speaker: f, Class: class})
	s.expect("Paso 1 de 8")
	if got := <-f.spoke; !strings.HasPrefix(got, "Te damos la bienvenida") {
		t.Fatalf("said %q", got)
	}
	s.send("")
	s.expect("Paso 2 de 8")
	if got := <-f.spoke; !strings.HasPrefix(got, "Moverte con las flechas") {
		t.Fatalf("said %q", got)
	}
	s.send("ayuda") // the runner has dealt with the line before: presence is sent
	s.expect("Palabras que sirven siempre")
	if p := class.last(); p.Lesson != "usar-aula" || p.StepIndex != 1 {
		t.Fatalf("the class heard %+v", p)
	}
}
