package tui

import (
	"aula/classroom/discovery"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/lessons"
	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/ui"
)

// linesAll runs accessible mode over the whole input at once and returns
// everything it printed. The runner reads a line only once the last one
// has been dealt with, so this is what a learner typing them would see.
func linesAll(t *testing.T, st *store.Store, cfg Config, input string) string {
	t.Helper()
	cfg.Store, cfg.Library = st, tuitest.Library(t)
	var out bytes.Buffer
	r := NewLines(cfg, strings.NewReader(input), &out)
	done := make(chan error, 1)
	go func() { done <- r.Run() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v\n%s", err, out.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("accessible mode did not end at the end of its input:\n%s", out.String())
	}
	return out.String()
}

// lineSession runs accessible mode with a pipe for input, to type a line,
// wait for what it says, and type the next.
type lineSession struct {
	t      *testing.T
	r      *Lines
	in     *io.PipeWriter
	mu     sync.Mutex
	out    bytes.Buffer
	mark   int
	notify chan struct{}
	done   chan error
}

func (s *lineSession) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.out.Write(p)
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

func startLineSession(t *testing.T, st *store.Store, cfg Config) *lineSession {
	t.Helper()
	cfg.Store, cfg.Library = st, tuitest.Library(t)
	pr, pw := io.Pipe()
	s := &lineSession{t: t, in: pw, notify: make(chan struct{}, 1), done: make(chan error, 1)}
	s.r = NewLines(cfg, pr, s)
	go func() { s.done <- s.r.Run() }()
	t.Cleanup(func() {
		_ = pw.Close() // always nil for a pipe
		select {
		case err := <-s.done:
			if err != nil {
				t.Errorf("accessible mode ended with %v when its input closed", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("accessible mode did not end when its input closed")
		}
	})
	return s
}

func (s *lineSession) send(lines ...string) {
	s.t.Helper()
	for _, l := range lines {
		if _, err := io.WriteString(s.in, l+"\n"); err != nil {
			s.t.Fatalf("typing %q: %v", l, err)
		}
	}
}

// expect waits until the output after the mark shows want; the mark moves
// past it. It returns the output up to there.
func (s *lineSession) expect(want string) string {
	s.t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		all := s.out.String()
		s.mu.Unlock()
		if i := strings.Index(all[s.mark:], want); i >= 0 {
			got := all[s.mark : s.mark+i+len(want)]
			s.mark += i + len(want)
			return got
		}
		select {
		case <-s.notify:
		case err := <-s.done:
			s.t.Fatalf("accessible mode ended (%v) before saying %q:\n%s", err, want, all)
		case <-deadline.C:
			s.t.Fatalf("accessible mode has not said %q:\n%s", want, all[s.mark:])
		}
	}
}

// optionNumber is the number said before option in a list of said.
func optionNumber(t *testing.T, said, option string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^(\d+)\. ` + regexp.QuoteMeta(option)).FindStringSubmatch(said)
	if m == nil {
		t.Fatalf("no number for %q in:\n%s", option, said)
	}
	return m[1]
}

func withLearner(t *testing.T, name string) *store.Store {
	t.Helper()
	st, _ := withLearnerIn(t, name)
	return st
}

func withLearnerIn(t *testing.T, name string) (*store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st := openStore(t, dir)
	t.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner(name, ""); err != nil {
		t.Fatal(err)
	}
	return st, dir
}

var boxOrEscape = regexp.MustCompile("[\u2500-\u259f\x1b]")

func plainText(t *testing.T, out string) {
	t.Helper()
	if bad := boxOrEscape.FindString(out); bad != "" {
		t.Fatalf("accessible mode printed %q:\n%s", bad, out)
	}
}

func TestLinesSignUpHomeAndLeave(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	out := linesAll(t, st, Config{Lang: "es"}, "\nAna\n2\n12\n4826\n4826\nsalir\n1\n")
	for _, want := range []string{
		"Te damos la bienvenida a Aula\n", "¿Cómo te llamas?\n",
		"Escribe un nombre de 1 a 30 letras.", // the empty line
		"Hola, Ana. ¿Quieres un PIN?\n", "\n1. No, gracias\n2. Sí, quiero un PIN\nEscribe el número y pulsa Intro.\n",
		"Elige tu PIN", "El PIN tiene 4 números. Escribe los 4.", "Repite tu PIN",
		"Inicio. Hola, Ana. ¿Qué practicamos hoy?\n1. Empieza por aquí: Cómo usar Aula\n",
		"¿Quieres salir?\n", "1. Salir de Aula\n2. Cambiar de persona\n3. Seguir aquí\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
	plainText(t, out)
	if strings.Count(out, "¿Cómo te llamas?") != 1 {
		t.Errorf("the name screen was printed more than once:\n%s", out)
	}
	ls, _ := st.Learners()
	if len(ls) != 1 || ls[0].Name != "Ana" || !ls[0].HasPIN() {
		t.Fatalf("learners: %+v", ls)
	}
}

// Any input, even strange, is read without panicking: nothing at all,
// empty lines, spaces, a 10,000-character paste, emoji, tabs, escape
// codes, invalid UTF-8, and the end of the input in the middle of a step.
func TestLinesStrangeInput(t *testing.T) {
	long := strings.Repeat("ñ😀", 5000)
	inputs := map[string]string{
		"nothing":  "",
		"no break": "Ana",
		"empties":  "\n\n\n   \n\t\n",
		"long name and then a lesson": long + "\nPepa\n1\n1\n\n" + long + "\n \n😀😀\n\x1b[A\x1b[B\n\xff\xfe\n9999999999999999999999\n-1\n0\n" +
			"ayuda\nrepetir\npista\npista\nglosario\nleer\n2\n",
		"mail": "Eva\n1\n5\n10\n\n\n\nabrir\nabrir 99\nabrir x\nenlace\nenlace 7\nnuevo\n" + long + "\n\n\n" + long + "\n😀\n\nenviar\n" +
			long + "\nvolver\n2\ncarpeta\ncarpeta 9\ncarpeta 3\nborrar 1\nsospechoso\n\t\ncomprobar\n",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			st := openStore(t, t.TempDir())
			defer st.Close()
			out := linesAll(t, st, Config{Lang: "es"}, in)
			plainText(t, out)
			if strings.Contains(out, long) {
				t.Error("a 10,000-character line was said back whole")
			}
		})
	}
}

// The same mistake twice is said twice; the screen itself once; repetir
// prints it again; the hint comes after the second miss.
func TestLinesSayEachVerdict(t *testing.T) {
	st := withLearner(t, "Lucía")
	l := tuitest.Library(t).Catalog("es").Lessons["usar-aula"]
	wrong := 0
	ex := l.Steps()[1].Exercise.(*lessons.Choose)
	for i, o := range ex.Shown(l.Steps()[1].ID) {
		if !o.Correct {
			wrong = i + 1
		}
	}
	w := string(rune('0' + wrong))
	out := linesAll(t, st, Config{Lang: "es", StartLesson: "usar-aula"}, "\n"+w+"\n"+w+"\nrepetir\n"+w+"\n\n")
	if n := strings.Count(out, "Todavía no."); n != 4 {
		t.Errorf("3 wrong answers and the screen again: %d verdicts said, want 4:\n%s", n, out)
	}
	if n := strings.Count(out, "Paso 2 de 8. Moverte con las flechas"); n != 2 {
		t.Errorf("the step was printed %d times; want twice (once, and once more for repetir):\n%s", n, out)
	}
	if n := strings.Count(out, "Pista:"); n != 2 {
		t.Errorf("the hint was said %d times; want after the 2nd miss and with the screen again:\n%s", n, out)
	}
	if !strings.Contains(out, "Mira cómo se hace:") || !strings.Contains(out, "Paso 3 de 8") {
		t.Errorf("after the third miss: the worked example, then Intro goes on:\n%s", out)
	}
}

func TestLinesHelpListsTheCommands(t *testing.T) {
	st := withLearner(t, "Lucía")
	out := linesAll(t, st, Config{Lang: "en", StartLesson: "correo-enganos"}, "\n\n\n\n?\n")
	for _, want := range []string{"To answer, type and press Enter.", "On this screen:", "open and a number", "suspicious and a number",
		"link and a number", "Words that always work: repeat, help, hint, read, glossary, back, home, settings, quit."} {
		if !strings.Contains(out, want) {
			t.Errorf("the help does not say %q:\n%s", want, out)
		}
	}
}

// Every line_ message the accessible mode uses exists in both languages.
func TestLinesWordsExist(t *testing.T) {
	var files []string
	_ = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return err
	})
	ids := map[string]bool{}
	re := regexp.MustCompile(`"(line_[a-z_]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			ids[m[1]] = true
		}
	}
	for _, r := range []lessons.Reason{lessons.ReasonNoConfirm, lessons.ReasonDifferent, lessons.ReasonEmpty, lessons.ReasonNoChoice} {
		ids["line_verdict_"+string(r)] = true
	}
	if len(ids) < 50 {
		t.Fatalf("found only %d line_ ids", len(ids))
	}
	for _, lang := range []string{"es", "en"} {
		c := ui.NewCommon(lang, nil, time.Now)
		for id := range ids {
			if strings.HasSuffix(id, "_") {
				continue
			}
			if got := c.Cat.T(id, "Count", 2); got == id {
				t.Errorf("%s: no message %q", lang, id)
			}
		}
	}
}

// An email written line by line: an address the app refuses is said, then
// mended; what was typed never reaches the data file.
func TestLinesWriteAnEmail(t *testing.T) {
	st, dir := withLearnerIn(t, "Lucía")
	s := startLineSession(t, st, Config{Lang: "es", StartLesson: "correo-escribir"})
	s.expect("Paso 1 de 5")
	s.send("", "4", "")
	s.expect("Paso 3 de 5")
	s.send("servicios.sociales@villaejemplo.example", "")
	s.expect("Paso 4 de 5")
	s.send("nuevo")
	s.expect("Para: escribe la dirección")
	s.send("servicios.sociales villaejemplo.example")
	s.expect("Copia (CC)")
	s.send("")
	s.expect("Asunto: escribe")
	s.send("Cita con la trabajadora social")
	s.expect("Escribe el mensaje")
	s.send("Buenos días:", "Quiero una cita. Secreto-xq7", "Lucía", "")
	s.expect("Así está tu correo:\nPara: servicios.sociales villaejemplo.example\nAsunto: Cita con la trabajadora social\nMensaje: Buenos días:\nQuiero una cita. Secreto-xq7\nLucía\nAdjuntos: ninguno\n")
	s.send("enviar")
	s.expect("No se ha enviado.")
	s.expect("Todavía no. La dirección «servicios.sociales villaejemplo.example» tiene un espacio.")
	s.expect("Para: servicios.sociales villaejemplo.example. Pulsa Intro para dejarlo así, o escribe otro")
	s.send("servicios.sociales@villaejemplo.example")
	s.expect("Así está tu correo:\nPara: servicios.sociales@villaejemplo.example\n")
	s.send("adjuntar")
	s.expect("Esta carpeta está vacía.")
	s.send("mensaje")
	s.expect("Vamos a escribir el mensaje otra vez.")
	s.send("Buenos días:", "Quiero una cita, por favor. Secreto-xq7", "")
	s.expect("Mensaje: Buenos días:\nQuiero una cita, por favor. Secreto-xq7\nAdjuntos: ninguno")
	s.send("enviar")
	s.expect("Enviado.")
	s.expect("¡Bien!")
	s.send("")
	s.expect("Paso 5 de 5")

	raw, err := os.ReadFile(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("Secreto-xq7")) || bytes.Contains(raw, []byte("Buenos d")) {
		t.Fatal("the data file holds the email typed as practice")
	}
}

// The mailbox by commands: folders, reading with links, where a link goes,
// marking as suspicious and deleting, each said in words.
func TestLinesMailbox(t *testing.T) {
	l := tuitest.Library(t).Catalog("es").Lessons["correo-enganos"]
	at := l.StepIndex("ordenar")
	if at < 0 || l.Steps()[at].Kind != "inbox" {
		t.Fatal("correo-enganos has no inbox step ordenar")
	}
	st := openStore(t, t.TempDir())
	defer st.Close()
	learnerAt("correo-enganos", len(l.Steps()), at)(t, st)
	s := startLineSession(t, st, Config{Lang: "es", StartLesson: "correo-enganos"})
	s.expect("Carpeta Recibidos: 6 correos.\n1. No leído. De: Banco Ejemplo. Asunto: Su cuenta a sido bloqueada. 6 mar.\n")
	s.send("abrir 3")
	s.expect("Paga 1,99 € de gastos de envio para recibirlo:\nPagar ahora (enlace 1)\n")
	s.expect("Tiene 1 enlace. Antes de abrirlo, mira adónde lleva: escribe enlace 1.")
	s.send("enlaces")
	s.expect("Enlaces de este correo.")
	s.send("enlace 1")
	s.expect("Lleva de verdad a: https://paquetes-entrega24.example/pago\nLa página es de: paquetes-entrega24.example\n")
	s.expect("1. Volver sin abrir 2. Abrir la página")
	s.send("1")
	s.expect("Has vuelto al correo.")
	s.send("carpeta 3")
	s.expect("Carpeta Papelera: 0 correos.\nNo hay correos en esta carpeta.")
	s.send("carpeta recibidos")
	s.expect("Carpeta Recibidos: 6 correos.")
	s.send("sospechoso 1")
	s.expect("Marcado como sospechoso.")
	s.send("sospechoso 2") // the health centre's email is genuine
	s.expect("Todavía no. Ese es de verdad.")
	s.send("lista")
	s.expect("2. Lo has marcado como sospechoso. No leído. De: Centro de Salud Villaejemplo.")
	s.send("sospechoso 2")
	s.expect("Ya no está marcado como sospechoso.")
	s.send("borrar 3")
	s.expect("Lo has mandado a la Papelera. Desde allí lo puedes recuperar.\nCarpeta Recibidos: 5 correos.\n")
	s.expect("4. De: Seguridad Social. Asunto: URGENTE: su ayuda se cancela HOY. 3 mar.")
	s.send("borrar 4")
	s.expect("¡Bien!")
	s.send("xyz")
	s.expect("Pulsa Intro para seguir.")
	s.send("lista") // the mailbox can still be read once the step is over
	s.expect("Carpeta Recibidos: 4 correos.")
}

// Messages from outside (the trainer pausing every screen) are said when
// they come, between lines.
func TestLinesTrainerPause(t *testing.T) {
	st := withLearner(t, "Lucía")
	s := startLineSession(t, st, Config{Lang: "es", Class: &fakeClass{}, Joined: "http://10.0.0.1:7420"})
	s.expect("Hola, Lucía")
	s.r.Send(classroom.StatusMsg{State: classroom.Connected})
	s.r.Send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdPause, Text: "Mirad la pizarra."}})
	s.expect("Un momento, por favor\nMirad la pizarra.\n")
	s.send("1")
	s.expect("La pantalla sigue sola")
	s.r.Send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdResume}})
	s.expect("Inicio. Hola, Lucía.")
	s.send("llamar")
	s.expect("Has pedido ayuda. Espera un momento.")
	s.send("llamar")
	s.expect("Has dicho que ya no necesitas ayuda.")
}

// Joining the class in accessible mode, against a real hub on loopback.
func TestLinesJoinTheClass(t *testing.T) {
	hubStore := openStore(t, t.TempDir())
	defer hubStore.Close()
	hub, err := classroom.NewHub(hubStore, classroom.HubOptions{Code: "482913", TLS: classroom.TLSPlain})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(hub.Handler())
	defer srv.Close()
	found := []discovery.Found{{Name: "Aula de Marta", URL: srv.URL}}
	st := withLearner(t, "Rosa")
	f := &fakeClass{}
	s := startLineSession(t, st, Config{Lang: "es", Class: f, Discover: func(context.Context) []discovery.Found { return found }})
	s.send(optionNumber(t, s.expect("Unirme a la clase"), "Unirme a la clase"))
	s.expect("1. Aula de Marta (" + srv.URL + ")") // plain HTTP is written out
	s.expect("Escribe el número de tu clase")
	s.send("1")
	s.expect("Escribe el código de la clase, 6 números.")
	s.send("111111")
	s.expect("Ese código no es el de la clase")
	s.send("482 913")
	s.expect("Ya estás en la clase")
	s.send("1")
	s.expect("Hola, Rosa")
	if c, err := st.Class(); err != nil || c.URL != srv.URL {
		t.Fatalf("stored class: %+v, %v", c, err)
	}
}

// FuzzLines types lines of any kind into accessible mode, on a question, a
// typed answer, a password and the mail app: nothing panics, and what is
// said stays plain text.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"1\n2 3\n", "abrir 1\nenlace 1\n2\n", "nuevo\na@b\n\nasunto\nhola\n\nenviar\n", "\x1b[A\n😀\n\t\n",
		"carpeta 3\nborrar 1\nborrar 1\n", "99999999999999999999\n-1\n1 1 1\n", "ayuda\nrepetir\npista\nglosario\nvolver\n"} {
		f.Add(s)
	}
	lib := tuitest.Library(f)
	f.Fuzz(func(t *testing.T, input string) {
		st := openStore(t, t.TempDir())
		defer st.Close()
		if _, err := st.AddLearner("Lucía", ""); err != nil {
			t.Fatal(err)
		}
		for _, lesson := range []string{"seguridad-basica", "correo-enganos", "frase-contrasena"} {
			d := &driver{t: t, st: st, clock: &clock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}}
			d.m = New(Config{Store: st, Library: lib, Lang: "es", StartLesson: lesson, Now: d.clock.Now, Lines: true,
				Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
			d.m.c.Lines = true
			d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			d.run(d.m.Init())
			for _, line := range strings.Split(input, "\n") {
				if d.quit {
					break
				}
				res := d.m.lineTurn(cleanLine([]byte(line)))
				for _, s := range res.Say {
					if strings.ContainsRune(s, '\x1b') {
						t.Fatalf("said an escape code: %q", s)
					}
				}
				d.run(res.Cmd)
				f := d.m.lineFrame()
				if bad := boxOrEscape.FindString(strings.Join(append(f.Lines, f.Prompt), "\n")); bad != "" {
					t.Fatalf("the screen has %q", bad)
				}
			}
		}
	})
}

// Ctrl+C in the terminal asks before leaving, as on the full screen.
func TestLinesInterrupt(t *testing.T) {
	st := withLearner(t, "Lucía")
	s := startLineSession(t, st, Config{Lang: "es"})
	s.expect("Hola, Lucía")
	s.r.Interrupt()
	s.expect("¿Quieres salir?")
	s.expect("1. Salir de Aula\n2. Cambiar de persona\n3. Seguir aquí\n")
	s.send("3")
	s.send("repetir")
	s.expect("Inicio. Hola, Lucía.")
}

// On a shared laptop, a learner away for too long is warned, then signed
// out, and accessible mode says so.
func TestLinesIdleSignOut(t *testing.T) {
	st := withLearner(t, "Lucía")
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	clk := &clock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	var ticks []func(time.Time) tea.Msg
	var mu sync.Mutex
	tick := func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		mu.Lock()
		ticks = append(ticks, fn)
		mu.Unlock()
		return nil
	}
	fire := func(s *lineSession) {
		mu.Lock()
		fns := ticks
		ticks = nil
		mu.Unlock()
		for _, fn := range fns {
			s.r.Send(fn(clk.Now()))
		}
	}
	s := startLineSession(t, st, Config{Lang: "es", Now: clk.Now, Tick: tick})
	s.expect("¿Quién eres?")
	s.send("1")
	s.expect("Hola, Lucía")
	s.send("pista")
	s.expect("Aquí no hay pista.")
	clk.Advance(10*time.Minute + 10*time.Second)
	fire(s)
	s.expect("¿Sigues ahí?")
	clk.Advance(2 * time.Minute)
	fire(s)
	s.expect("Cerramos la sesión porque no había nadie.")
	s.expect("¿Quién eres?")
}

// In kiosk mode, accessible mode asks for the trainer PIN before Aula
// closes, as the full screen does: a wrong PIN is refused kindly, "volver"
// goes back to Aula, and the right PIN closes it.
func TestLinesKioskAsksForTheTrainerPIN(t *testing.T) {
	st := withLearner(t, "Lucía")
	if err := st.SetTrainerPIN("907513"); err != nil {
		t.Fatal(err)
	}
	s := startLineSession(t, st, Config{Lang: "es", Kiosk: true, TrainerPIN: true})
	s.expect("Hola, Lucía")
	s.send("salir")
	s.expect("solo la persona formadora puede cerrar Aula")
	s.send("1")
	s.expect("PIN de la persona formadora")
	s.expect("escribe volver para seguir en Aula")
	s.send("1111")
	s.expect("Ese no es el PIN de la persona formadora.")
	s.send("volver")
	s.send("repetir")
	s.expect("Inicio. Hola, Lucía.")
	s.send("salir", "1")
	s.expect("PIN de la persona formadora")
	s.send("907513")
	select {
	case err := <-s.done:
		if err != nil {
			t.Fatalf("accessible mode ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("the right trainer PIN did not close Aula:\n%s", s.out.String())
	}
	s.done <- nil // for the clean-up, which waits for the end too
}

// A PIN is not shown as it is typed: the terminal stops showing what is
// typed while a PIN is asked, and shows it again after, and at the end.
func TestLinesHidePINs(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	var out bytes.Buffer
	r := NewLines(Config{Lang: "es", Store: st, Library: tuitest.Library(t)},
		strings.NewReader("Ana\n2\n4826\n4826\nsalir\n1\n"), &out)
	var echo []bool // each change, in order
	r.SetEcho(func(on bool) { echo = append(echo, on) })
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	// Off at "Elige tu PIN" (and still off to repeat it), on at home.
	if want := []bool{false, true}; !slices.Equal(echo, want) {
		t.Errorf("echo changes = %v, want %v:\n%s", echo, want, out.String())
	}
	if !strings.Contains(out.String(), "Repite tu PIN") || !strings.Contains(out.String(), "Hola, Ana") {
		t.Errorf("the PIN was not asked twice before home:\n%s", out.String())
	}
}

// What the lesson says about an answer comes in its accessible wording
// when it names keys (issue 19 item 6: "muévete con el tabulador y pulsa
// V" where only typed commands work).
func TestLinesSayFeedbackInItsAccessibleWording(t *testing.T) {
	st := withLearner(t, "Lucía")
	s := startLineSession(t, st, Config{Lang: "es", StartLesson: "buscar-cita-previa"})
	s.expect("Paso 1 de")
	s.send("")
	s.expect("Paso 2 de")
	s.send("comprobar")
	out := s.expect("Todavía no has mirado adónde lleva el primer anuncio. Escribe ver 1.")
	if strings.Contains(out, "pulsa V") {
		t.Errorf("accessible mode names a key:\n%s", out)
	}
}
