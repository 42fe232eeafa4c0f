package dashboard

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	zone "github.com/lrstanley/bubblezone"

	"aula/classroom"
	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/ui"
)

func liveClass(rows []classroom.Row) *fakeSource {
	return &fakeSource{live: true, snap: classroom.Snapshot{At: dashAt, Rows: rows},
		details: map[uint64]classroom.Detail{1: luciaDetail()}}
}

// lineOf is the screen line that shows s.
func lineOf(t *testing.T, view, s string) string {
	t.Helper()
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Fatalf("no line shows %q:\n%s", s, view)
	return ""
}

func TestDashboardRowsShowEveryFlagInWords(t *testing.T) {
	for lang, want := range map[string][]string{
		"es": {"✋ Ayuda · 3 min", "✋ Ayuda · ahora · ya vas", "⚠ Se ha atascado", "💤 Sin actividad", "⊘ Sin conexión", "✔ Ha terminado",
			"Trabajando", "En la pantalla de inicio", "Cómo usar Aula · paso 4 de 8", "hace 12 min", "hace 4 min",
			"8 personas", "✋ 2 piden ayuda", "⚠ 1 se ha atascado", "Código para entrar: 4821", "http://192.168.1.23:7420"},
		"en": {"✋ Help · 3 min", "✋ Help · now · coming", "⚠ Stuck", "💤 Idle", "⊘ Offline", "✔ Finished",
			"Working", "On the home screen", "How to use Aula · step 4 of 8", "12 min ago", "4 min ago",
			"8 people", "✋ 2 asking for help", "⚠ 1 stuck", "Code to join: 4821"},
	} {
		dd := newDash(t, lang, liveClass(flagRows()), 120, 40)
		dd.must(want...)
	}
	// The hub's order (urgency) is kept: Lucía, Manuel, Carmen, …, Pilar.
	dd := newDash(t, "es", liveClass(flagRows()), 120, 40)
	v := dd.view()
	last := -1
	for _, name := range []string{"Lucía", "Manuel", "Carmen", "Antonio", "Fátima", "Rosa", "Jorge", "Pilar"} {
		i := strings.Index(v, "  "+name+" ")
		if i < last {
			t.Fatalf("%s is out of the hub's order:\n%s", name, v)
		}
		last = i
	}
	// Itinerary progress: Manuel finished 1 of the 3 lessons of the path.
	if l := lineOf(t, v, "Manuel"); !strings.Contains(l, "1/3") {
		t.Errorf("Manuel's path progress is missing: %q", l)
	}
	if l := lineOf(t, v, "Carmen"); !strings.Contains(l, "0/3") {
		t.Errorf("Carmen's path progress is missing: %q", l)
	}
}

func TestDashboardEmptyAndLoading(t *testing.T) {
	src := liveClass(nil)
	dd := &dashDriver{t: t, src: src}
	dd.d = New(Config{Source: src, Library: tuitest.Library(t), Lang: "en", Code: "4821",
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
	dd.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	dd.must("One moment…")
	dd.run(dd.d.Init())
	dd.must("Nobody has joined yet", "0 people")
	dd.keys("down", "up", "enter", "m", "a", "r", "l", "pgdown", "end", "home")
	if got := src.commands(); len(got) != 0 {
		t.Fatalf("keys on an empty class sent %v", got)
	}
}

func TestDashboardSelectionFollowsTheLearnerWhenRowsMove(t *testing.T) {
	src := liveClass(flagRows())
	dd := newDash(t, "es", src, 120, 40)
	dd.must("▶ Lucía")
	dd.keys("down", "down")
	dd.must("▶ Carmen")
	// Carmen raises her hand: the hub puts her first. She stays selected.
	rows := flagRows()
	carmen := rows[2]
	carmen.Flags = append([]classroom.Flag{classroom.FlagHelp}, carmen.Flags...)
	carmen.Present.Help, carmen.Present.HelpWait = true, 300
	rows = append([]classroom.Row{carmen}, slices.Delete(rows, 2, 3)...)
	src.setRows(rows)
	dd.fire()
	dd.must("▶ Carmen")
	if dd.d.Cursor != 0 {
		t.Fatalf("cursor = %d, want 0 (Carmen moved to the top)", dd.d.Cursor)
	}
	// Carmen goes away: the selection stays in the list.
	src.setRows(rows[1:])
	dd.fire()
	dd.must("▶ Lucía")
}

func TestDashboardScrollsAndKeepsTheSelectionVisible(t *testing.T) {
	rows := classRows(30)
	for i := range rows {
		rows[i].Name = fmt.Sprintf("%s %d", string([]rune(rows[i].Name)[:2]), i) // short enough for any width
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}} {
		dd := newDash(t, "en", liveClass(rows), size[0], size[1])
		room := dd.d.ListRoom()
		switch size {
		case [2]int{120, 40}:
			if room < 30 {
				t.Fatalf("120×40 has room for %d rows, want all 30", room)
			}
			dd.mustNot("rows 1 to")
		case [2]int{80, 24}:
			dd.must("rows 1 to " + fmt.Sprint(room))
		}
		for i := 0; i < 29; i++ {
			dd.keys("down")
			dd.must("▶ " + rows[i+1].Name)
		}
		dd.keys("down") // at the end it stays
		dd.must("▶ " + rows[29].Name)
		dd.keys("home")
		dd.must("▶ " + rows[0].Name)
		dd.keys("pgdown")
		dd.must("▶ " + rows[min(room, 29)].Name)
		dd.keys("end")
		dd.must("▶ " + rows[29].Name)
		if room < 30 {
			dd.mustNot("  " + rows[0].Name + " ")
		}
		if size[0] >= 80 && room < 30 {
			dd.must("rows " + fmt.Sprint(31-room) + " to 30")
		}
		dd.keys("pgup")
		dd.must("▶ " + rows[max(29-room, 0)].Name)
		// The mouse wheel moves the selection too.
		dd.send(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
		dd.must("▶ " + rows[max(29-room, 0)+1].Name)
	}
}

func TestDashboardDetailShowsStepsAndReadableMistakes(t *testing.T) {
	dd := newDash(t, "es", liveClass(flagRows()), 120, 40)
	dd.keys("enter")
	dd.must("Lucía", "✋ Ayuda · 3 min", "Ahora: Cómo usar Aula · paso 4 de 8 · 2 fallos en este paso",
		"[m] Mensaje", "[a] Ya voy", "[l] Enviar a una lección", "[r] Quitar el PIN", "[Esc] Volver",
		"Cómo usar Aula · en curso · 7 min en total",
		"Intentos", "Fallos", "Pistas", "Tiempo",
		"✔ 2. Moverte con las flechas", "Errores: «La flecha ↑» ×1",
		"○ 4. Marcar varias respuestas", "Errores: «Esc» ×2, le faltó una respuesta correcta ×1",
		"El teclado para internet · en curso", "○ 5. Escribe un nombre", "Errores: sin tilde ×2")
	step4 := lineOf(t, dd.view(), "4. Marcar varias respuestas")
	if f := strings.Fields(step4); !slices.Equal(f[len(f)-5:], []string{"3", "3", "1", "4", "min"}) {
		t.Errorf("step 4 should read 3 attempts, 3 misses, 1 hint, 4 min: %q", step4)
	}
	dd.keys("esc")
	dd.must("▶ Lucía", "Persona")

	// In English, and a learner the source cannot read.
	src := liveClass(flagRows())
	src.detailErr = errHubDown
	dd = newDash(t, "en", src, 80, 24)
	dd.keys("down", "enter")
	dd.must("Manuel", "We cannot read this learner's steps just now")
	src.mu.Lock()
	src.detailErr = nil
	src.details[2] = classroom.Detail{Learner: store.Learner{ID: 2, Name: "Manuel"}}
	src.mu.Unlock()
	dd.fire() // the detail is read again with the class
	dd.must("No steps done yet.")
}

func TestDashboardDetailScrolls(t *testing.T) {
	det := luciaDetail()
	for i := 0; i < 12; i++ {
		det.Lessons = append(det.Lessons, classroom.LessonDetail{Lesson: "seguridad-basica", Status: store.Done,
			Steps: []classroom.StepDetail{{Step: "sms-codigo", Index: 2, Attempts: 1, Done: true}}})
	}
	src := liveClass(flagRows())
	src.details[1] = det
	dd := newDash(t, "en", src, 80, 24)
	dd.keys("enter")
	dd.must("↓ There is more below")
	dd.mustNot("✔ finished")
	for range 100 {
		dd.keys("down")
	}
	dd.must("✔ finished")
	dd.mustNot("There is more below")
	dd.keys("pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup")
	dd.must("How to use Aula · in progress")
}

// sentOne runs keys and returns the one command they sent.
func sentOne(t *testing.T, dd *dashDriver, keys ...string) classroom.Command {
	t.Helper()
	before := len(dd.src.commands())
	dd.keys(keys...)
	got := dd.src.commands()[before:]
	if len(got) != 1 {
		t.Fatalf("keys %q sent %d commands, want 1: %+v\n%s", keys, len(got), got, dd.view())
	}
	return got[0]
}

func TestDashboardActionsSendTheRightCommands(t *testing.T) {
	rows := flagRows()
	lucia, manuel := rows[0], rows[1]
	second := tuitest.Library(t).Catalog("es").AllLessons()[1]
	cases := []struct {
		name   string
		keys   []string
		want   classroom.Command
		status string
	}{
		{"message to the selected learner", []string{"m", "Mira la pizarra, ", "por favor 👀", "enter"},
			classroom.Command{Kind: classroom.CmdMessage, To: lucia.Target(), Text: "Mira la pizarra, por favor 👀"}, "Mensaje enviado a Lucía."},
		{"message to a learner further down", []string{"down", "m", "Ahora voy", "enter"},
			classroom.Command{Kind: classroom.CmdMessage, To: manuel.Target(), Text: "Ahora voy"}, "Mensaje enviado a Manuel."},
		{"message from the detail", []string{"down", "enter", "m", "Hola", "enter"},
			classroom.Command{Kind: classroom.CmdMessage, To: manuel.Target(), Text: "Hola"}, "Mensaje enviado a Manuel."},
		{"message to all", []string{"M", "  Pausa de 10 minutos  ", "enter"},
			classroom.Command{Kind: classroom.CmdMessage, Text: "Pausa de 10 minutos"}, "Mensaje enviado a toda la clase."},
		{"send a learner to a lesson", []string{"l", "down", "enter"},
			classroom.Command{Kind: classroom.CmdGoLesson, To: lucia.Target(), Lesson: second.ID}, "Lucía va a «" + second.Title + "»."},
		{"send everyone to a lesson", []string{"L", "enter"},
			classroom.Command{Kind: classroom.CmdGoLesson, Lesson: "usar-aula"}, "Toda la clase va a «Cómo usar Aula»."},
		{"reset a PIN after confirming", []string{"down", "r", "enter"},
			classroom.Command{Kind: classroom.CmdResetPIN, To: manuel.Target()}, "Hecho: Manuel ya puede entrar sin PIN."},
		{"acknowledge help", []string{"a"},
			classroom.Command{Kind: classroom.CmdAckHelp, To: lucia.Target()}, "Lucía verá en su pantalla que vas."},
		{"acknowledge help from the detail", []string{"enter", "a"},
			classroom.Command{Kind: classroom.CmdAckHelp, To: lucia.Target()}, "Lucía verá en su pantalla que vas."},
		{"pause with the default words", []string{"P", "enter"},
			classroom.Command{Kind: classroom.CmdPause, Text: "Un momento, por favor: mirad aquí."}, "Pantallas en pausa. Pulsa P para reanudarlas."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dd := newDash(t, "es", liveClass(flagRows()), 120, 40)
			got := sentOne(t, dd, c.keys...)
			if got != c.want {
				t.Fatalf("sent %+v, want %+v", got, c.want)
			}
			dd.must(c.status)
		})
	}
}

func TestDashboardPauseEditResume(t *testing.T) {
	dd := newDash(t, "en", liveClass(flagRows()), 80, 24)
	dd.must("[P] Pause screens")
	dd.keys("P")
	dd.must("Pause every screen", "Eyes on me, please.")
	for range len("Eyes on me, please.") {
		dd.keys("backspace")
	}
	got := sentOne(t, dd, "Back at 11:30", "enter")
	if got != (classroom.Command{Kind: classroom.CmdPause, Text: "Back at 11:30"}) {
		t.Fatalf("pause sent %+v", got)
	}
	dd.must("SCREENS PAUSED", "[P] Resume screens")
	// The hub says so too; P now resumes, at once.
	dd.src.mu.Lock()
	dd.src.snap.Paused = true
	dd.src.mu.Unlock()
	dd.fire()
	got = sentOne(t, dd, "P")
	if got != (classroom.Command{Kind: classroom.CmdResume}) {
		t.Fatalf("resume sent %+v", got)
	}
	dd.must("The screens are working again.", "[P] Pause screens")
}

func TestDashboardCancelledActionsSendNothing(t *testing.T) {
	for _, keys := range [][]string{
		{"r", "esc"}, {"r", "down", "enter"}, {"m", "hola", "esc"}, {"M", "esc"}, {"l", "esc"}, {"L", "down", "esc"},
		{"P", "esc"}, {"m", "enter"}, {"m", "   ", "enter"}, {"q", "esc"}, {"ctrl+c", "down", "enter"},
		{"down", "down", "a"}, // Carmen has not raised her hand
	} {
		dd := newDash(t, "es", liveClass(flagRows()), 80, 24)
		dd.keys(keys...)
		if got := dd.src.commands(); len(got) != 0 || dd.quit {
			t.Errorf("keys %q sent %+v (quit %v)", keys, got, dd.quit)
		}
	}
	dd := newDash(t, "es", liveClass(flagRows()), 80, 24)
	dd.keys("m", "enter")
	dd.must("Escribe el mensaje antes de enviarlo.")
	dd.keys("esc", "down", "down", "a")
	dd.must("Carmen no ha pedido ayuda.")
}

func TestDashboardMessageLimits(t *testing.T) {
	dd := newDash(t, "es", liveClass(flagRows()), 80, 24)
	paste := strings.Repeat("ñá€👀\t", 2500) // 10,000 characters, with tabs
	got := sentOne(t, dd, "M", paste, "enter")
	if len(got.Text) > classroom.MaxMessage || got.Text == "" || strings.ContainsAny(got.Text, "\t\n") {
		t.Fatalf("a long paste sent %d bytes: %q", len(got.Text), got.Text)
	}
}

func TestDashboardSendFailureIsSaid(t *testing.T) {
	src := liveClass(flagRows())
	src.sendErr = errHubDown
	dd := newDash(t, "es", src, 80, 24)
	dd.keys("m", "hola", "enter")
	dd.must("! No se ha podido enviar a Lucía. Prueba otra vez en un momento.")
	dd.keys("P", "enter")
	dd.must("! No se ha podido enviar. Prueba otra vez en un momento.")
	dd.mustNot("PANTALLAS EN PAUSA")
}

func TestDashboardLocalModeOnlyResetsPINs(t *testing.T) {
	rows := flagRows()
	for i := range rows {
		rows[i].Device, rows[i].RemoteID, rows[i].Present, rows[i].Seen = "", 0, nil, 0
		rows[i].Flags = slices.DeleteFunc(rows[i].Flags, func(f classroom.Flag) bool { return f != classroom.FlagFinished })
	}
	src := &fakeSource{snap: classroom.Snapshot{At: dashAt, Rows: rows}, details: map[uint64]classroom.Detail{1: luciaDetail()}}
	dd := newDash(t, "es", src, 80, 24)
	dd.must("Panel de este portátil", "Aquí ves a las personas que usan este portátil.", "Aquí puedes quitar un PIN, cambiar un nombre o borrar")
	dd.mustNot("Código", "Mensaje a todos", "Pausar pantallas", "m mensaje")
	for _, k := range []string{"m", "M", "l", "L", "P", "a"} {
		dd.keys(k)
		dd.must("! Sin aula en red, aquí solo se puede quitar un PIN")
		if dd.d.Overlay != nil {
			t.Fatalf("key %s opened a dialog in local mode:\n%s", k, dd.view())
		}
	}
	dd.keys("enter")
	dd.must("[r] Quitar el PIN")
	dd.mustNot("[m] Mensaje", "[a] Ya voy", "[l] Enviar a una lección")
	got := sentOne(t, dd, "r", "enter")
	if got != (classroom.Command{Kind: classroom.CmdResetPIN, To: "local/1"}) {
		t.Fatalf("reset PIN sent %+v", got)
	}
	dd.must("Hecho: Lucía ya puede entrar sin PIN.")
	if got, want := (classroom.Row{ID: 1}).Target(), "local/1"; got != want {
		t.Fatalf("a local row's target is %q", got)
	}
}

func TestDashboardRefreshesInACommandEveryTwoSeconds(t *testing.T) {
	src := liveClass(flagRows())
	var every []time.Duration
	d := New(Config{Source: src, Library: tuitest.Library(t), Lang: "es",
		Tick: func(dur time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
			every = append(every, dur)
			return func() tea.Msg { return f(dashAt) }
		}})
	d.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	cmd := d.Init()
	if src.reads != 0 {
		t.Fatal("Init read the source itself; it must return a command")
	}
	msg := cmd()
	if src.reads != 1 {
		t.Fatalf("the command read the source %d times", src.reads)
	}
	// A second refresh while one is under way is not started.
	if _, again := d.Update(DashTickMsg{}); again != nil {
		t.Fatal("a tick during a read started another read")
	}
	_, next := d.Update(msg)
	if !slices.Equal(every, []time.Duration{2 * time.Second}) || next == nil {
		t.Fatalf("after a snapshot, timers %v", every)
	}
	tick := next()
	if _, ok := tick.(DashTickMsg); !ok {
		t.Fatalf("the timer brought %T", tick)
	}
	_, read := d.Update(tick)
	if src.reads != 1 || read == nil {
		t.Fatalf("the tick read the source in Update (reads %d)", src.reads)
	}
	read()
	if src.reads != 2 {
		t.Fatalf("reads = %d, want 2", src.reads)
	}
	_ = d.View()
	if src.reads != 2 {
		t.Fatal("View read the source")
	}
}

func TestDashboardKeepsDataWhenTheHubStopsAnswering(t *testing.T) {
	src := liveClass(flagRows())
	dd := newDash(t, "es", src, 80, 24)
	dd.keys("down")
	src.mu.Lock()
	src.err = errHubDown
	src.mu.Unlock()
	dd.fire()
	dd.must("! El aula no responde. Lo seguimos intentando", "Lucía", "▶ Manuel", "✋ Ayuda · 3 min")
	dd.fire() // it keeps trying
	dd.must("El aula no responde")
	src.mu.Lock()
	src.err = nil
	src.mu.Unlock()
	dd.fire()
	dd.must("El aula responde otra vez.", "▶ Manuel")
	dd.mustNot("no responde")
}

func TestDashboardClassViewShowsTheHardestSteps(t *testing.T) {
	dd := newDash(t, "es", liveClass(flagRows()), 120, 40)
	dd.keys("v")
	dd.must("Pasos difíciles de «Cómo usar Aula»", "← lección 1 de 2 →", "7 personas han empezado esta lección",
		"Personas", "Fallos", "Error más común")
	// Lucía and Carmen both got step 4 wrong; Lucía also step 2.
	v := dd.view()
	step4, step2 := lineOf(t, v, "4. Marcar varias respuestas"), lineOf(t, v, "2. Moverte con las flechas")
	if !strings.Contains(step4, "2 de 7") || !strings.Contains(step4, "«Esc»") || strings.Index(v, step4) > strings.Index(v, step2) {
		t.Fatalf("step 4 should come first, 2 of 7 learners, mistake «Esc»:\n%s", v)
	}
	if !strings.Contains(step2, "1 de 7") || !strings.Contains(step2, "«La flecha ↑»") {
		t.Fatalf("step 2: %q", step2)
	}
	dd.keys("right")
	dd.must("Pasos difíciles de «El teclado para internet»", "lección 2 de 2", "En esta lección nadie ha fallado todavía ningún paso.")
	dd.fire() // the choice stays after a refresh
	dd.must("«El teclado para internet»")
	dd.keys("right")
	dd.must("«Cómo usar Aula»")
	dd.keys("left")
	dd.must("«El teclado para internet»")
	dd.keys("esc")
	dd.must("▶ Lucía")

	empty := newDash(t, "en", liveClass(nil), 80, 24)
	empty.keys("v")
	empty.must("Tricky steps", "Nobody has started a lesson yet.")
	empty.keys("left", "right", "v")
	empty.must("Nobody has joined yet")
}

func TestDashboardBigCodeToggles(t *testing.T) {
	dd := newDash(t, "es", liveClass(flagRows()), 80, 24)
	dd.must("██████", "Código para entrar: 4821")
	dd.keys("c")
	dd.mustNot("██")
	dd.must("Código: 4821", "Dirección: http://192.168.1.23:7420")
	room := dd.d.ListRoom()
	dd.keys("c")
	if dd.d.ListRoom() >= room {
		t.Fatal("the big code should take room from the list")
	}
	// Too short for it: written small.
	small := newDash(t, "es", liveClass(flagRows()), 80, 18)
	small.mustNot("██")
	small.must("Código: 4821")
	// A remote dashboard takes the code from the hub.
	src := liveClass(nil)
	src.snap.Code = "0937"
	remote := &dashDriver{t: t, src: src}
	remote.d = New(Config{Source: src, Library: tuitest.Library(t), Lang: "en",
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
	remote.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	remote.run(remote.d.Init())
	remote.must("Code to join: 0937")
	remote.mustNot("Address:")
}

func TestDashboardHelpAndQuit(t *testing.T) {
	dd := newDash(t, "en", liveClass(flagRows()), 80, 24)
	dd.keys("f1")
	// At 80×24 the whole help fits: the keys go in two columns.
	dd.must("Help", "This is the class dashboard", "Keys on this screen", "Ctrl+C  leave", "r  remove PIN",
		"P  pause or resume", "Press Esc or F1 to close help.")
	dd.mustNot("Code to join") // the help covers the screen
	dd.keys("esc")
	dd.keys("enter", "?")
	dd.must("Here you see what this learner has done")
	dd.keys("esc", "v", "f1")
	dd.must("the steps most people get wrong")
	dd.keys("esc", "esc", "q")
	dd.must("Close the dashboard?", "Stay here")
	dd.keys("down", "enter") // Stay here
	if dd.quit {
		t.Fatal("Stay here quit")
	}
	dd.keys("ctrl+c", "enter")
	if !dd.quit {
		t.Fatal("Close the dashboard did not quit")
	}
}

func TestDashboardMistakeNames(t *testing.T) {
	dd := newDash(t, "en", liveClass(nil), 80, 24)
	d := dd.d
	for _, c := range []struct{ lesson, step, id, want string }{
		{"usar-aula", "flechas", "arriba", "“The ↑ arrow”"},
		{"usar-aula", "teclas-ayuda", "missing", "missed a right answer"},
		{"usar-aula", "flechas", "none", "ticked nothing"},
		{"teclado", "nombre-lucia", "sin-tilde", "sin tilde"},
		{"teclado", "nombre-lucia", "empty", "left it empty"},
		{"teclado", "nombre-lucia", "wrong", "another wrong answer"},
		{"seguridad-basica", "terminar-compartido", "order-cerrar-sesion", "“Sign out of your account” out of place"},
		{"no-such-lesson", "paso", "a-b\x1b[31m", "a b[31m"},
		// issue 6: a form's outcomes say the field and what was wrong.
		{"ingreso-minimo-vital", "solicitud", "dni.dni_letter", "DNI: The letter does not match"},
		{"ingreso-minimo-vital", "solicitud", "miembro-nacimiento.required", "Date of birth: This is required."},
		{"ingreso-minimo-vital", "solicitud", "direccion.mismatch", "Address: valid, but not the one on the card"},
		{"ingreso-minimo-vital", "solicitud", "doc-dni.file_type", "Copy of the DNI: file type"},
		{"ingreso-minimo-vital", "solicitud", "session.timeout", "the session expired"},
		{"ingreso-minimo-vital", "solicitud", "nadie.required", "nadie.required"},
	} {
		if got := d.MistakeName(c.lesson, c.step, c.id); !strings.HasPrefix(got, c.want) {
			t.Errorf("mistakeName(%s, %s, %s) = %q, want %q", c.lesson, c.step, c.id, got, c.want)
		}
	}
}

func TestDashboardNeverPanicsAtAnySize(t *testing.T) {
	names := append([]classroom.Row{}, classRows(30)...)
	names[4].Name = strings.Repeat("Ñandú 🦤 ", 10)
	names[5].Name = "\t\x1b[2J"
	for _, view := range []func(*dashDriver){
		func(*dashDriver) {},
		func(dd *dashDriver) { dd.keys("enter") },
		func(dd *dashDriver) { dd.keys("v") },
		func(dd *dashDriver) { dd.keys("M") },
		func(dd *dashDriver) { dd.keys("L") },
		func(dd *dashDriver) { dd.keys("r") },
		func(dd *dashDriver) { dd.keys("f1") },
	} {
		dd := newDash(t, "es", liveClass(names), 120, 40)
		view(dd)
		for w := 1; w <= 130; w += 3 {
			for h := 1; h <= 45; h += 4 {
				dd.send(tea.WindowSizeMsg{Width: w, Height: h})
				v := dd.view()
				if w < ui.MinWidth || h < ui.MinHeight {
					if w >= 40 && h >= 3 && !strings.Contains(v, "pequeña") {
						t.Fatalf("%d×%d does not ask for a bigger window:\n%s", w, h, v)
					}
					continue
				}
				lines := strings.Split(v, "\n")
				if len(lines) > h {
					t.Fatalf("%d×%d draws %d lines:\n%s", w, h, len(lines), v)
				}
				for _, l := range lines {
					if tuitest.LipglossWidth(l) > w {
						t.Fatalf("%d×%d draws a line %d wide: %q", w, h, tuitest.LipglossWidth(l), l)
					}
				}
				if strings.Contains(v, "\x1b[2J") {
					t.Fatal("a name's control characters reached the screen")
				}
			}
		}
	}
}

// click draws the screen and clicks the top-left cell of zone id (the zone
// manager takes the screen in on its own goroutine: poll with a deadline).
func (dd *dashDriver) click(id string) {
	dd.t.Helper()
	_ = dd.view()
	deadline := time.Now().Add(2 * time.Second)
	var z *zone.ZoneInfo
	for {
		z = dd.d.C.Zones.Get(id)
		if z != nil && !z.IsZero() {
			break
		}
		if time.Now().After(deadline) {
			dd.t.Fatalf("zone %q is not on screen:\n%s", id, dd.view())
		}
		time.Sleep(time.Millisecond)
	}
	at := tea.MouseMsg{X: z.StartX, Y: z.StartY, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
	dd.send(at)
	at.Action = tea.MouseActionRelease
	dd.send(at)
}

func TestDashboardMouse(t *testing.T) {
	dd := newDash(t, "en", liveClass(flagRows()), 120, 40)
	dd.click("drow-2")
	dd.must("Carmen", "Now: How to use Aula · step 4 of 8 · 3 wrong answers on this step · 9 min on this step")
	dd.click("dbtn-msg")
	dd.must("Message for Carmen")
	dd.click("din-cancel")
	dd.mustNot("Message for Carmen")
	dd.click("dbtn-pin")
	dd.must("Remove Carmen's PIN?")
	dd.click("dlg-0")
	if got := dd.src.commands(); len(got) != 1 || got[0].Kind != classroom.CmdResetPIN || got[0].To != flagRows()[2].Target() {
		t.Fatalf("clicking Remove PIN sent %+v", got)
	}
	dd.click("dbtn-back")
	dd.must("▶ Carmen", "Learner")
	dd.click("dbtn-lesson-all")
	dd.must("Which lesson should everyone go to?")
	dd.click("dpick-2")
	if got := dd.src.commands(); len(got) != 2 || got[1].Kind != classroom.CmdGoLesson || got[1].To != "" || got[1].Lesson != "seguridad-basica" {
		t.Fatalf("clicking a lesson sent %+v", got)
	}
	dd.click("dbtn-msg-all")
	dd.keys("Hello")
	dd.click("din-ok")
	if got := dd.src.commands(); len(got) != 3 || got[2] != (classroom.Command{Kind: classroom.CmdMessage, Text: "Hello"}) {
		t.Fatalf("clicking Send sent %+v", got)
	}
	dd.click("dbtn-pause")
	dd.must("Pause every screen")
	dd.keys("esc")
	dd.keys("v")
	dd.click("dnext")
	dd.must("Tricky steps in “The keyboard for the internet”")
	dd.click("dprev")
	dd.must("Tricky steps in “How to use Aula”")
}

// FuzzDashboardView draws rows whose words came over the network (names,
// lesson, step and mistake ids) at any size: no panic, nothing wider than
// the terminal, no control characters on screen.
func FuzzDashboardView(f *testing.F) {
	f.Add("Lucía", "usar-aula", "teclas-ayuda", "esc", 80, 24, 3, 8)
	f.Add("\t\x1b[2J", "", "", "", 1, 1, -1, 0)
	f.Add(strings.Repeat("👀", 40), "no-such", "x/y", "order-", 120, 40, 99, 2)
	lib := tuitest.Library(f)
	f.Fuzz(func(t *testing.T, name, lesson, step, mistake string, w, h, idx, steps int) {
		w, h = ui.Clamp(w, 0, 300), ui.Clamp(h, 0, 120)
		r := learnerRow(1, name, lesson, idx, steps)
		r.Progress[0].Mistakes = map[string]int{step + "/" + mistake: 2}
		r.Flags = []classroom.Flag{classroom.FlagHelp, classroom.FlagStuck, classroom.Flag(mistake)}
		src := liveClass([]classroom.Row{r})
		src.details[1] = classroom.Detail{Lessons: []classroom.LessonDetail{{Lesson: lesson,
			Steps: []classroom.StepDetail{{Step: step, Index: idx, Mistakes: map[string]int{mistake: 1}}}}}}
		d := New(Config{Source: src, Library: lib, Lang: "es", Code: "4821",
			Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
		d.Update(tea.WindowSizeMsg{Width: w, Height: h})
		d.Update(d.Init()())
		for _, k := range []string{"", "v", "esc", "enter"} {
			if k != "" {
				_, cmd := d.Update(tuitest.KeyMsg(k))
				if cmd != nil {
					if msg := cmd(); msg != nil {
						d.Update(msg)
					}
				}
			}
			for _, l := range strings.Split(d.View(), "\n") {
				if tuitest.LipglossWidth(l) > max(w, 0) {
					t.Fatalf("%d×%d: a line %d wide: %q", w, h, tuitest.LipglossWidth(l), l)
				}
				if strings.ContainsFunc(l, func(r rune) bool { return r < ' ' && r != '\x1b' }) {
					t.Fatalf("control characters on screen: %q", l)
				}
			}
		}
	})
}

// A hand raised a few seconds ago read "Help · 1 min": the trainer thinks
// the learner has waited a minute. Under a minute it is "just now".
func TestHelpRaisedSecondsAgoIsJustNow(t *testing.T) {
	src := &fakeSource{}
	rows := flagRows()
	r := rows[0]
	r.Flags = append([]classroom.Flag{classroom.FlagHelp}, r.Flags...)
	r.Present.Help, r.Present.HelpWait = true, 8
	src.setRows([]classroom.Row{r})
	dd := newDash(t, "en", src, 120, 40)
	dd.must("✋ Help · now")
	dd.mustNot("Help · 1 min")
}

// The address and the code beside the big digits are never cut: at 80×24
// a real hub's HTTPS address and 6-digit code left "https://127.0.0" and
// "813 38" on the projector. Where they don't fit whole, the code is drawn
// small; where they do, big.
func TestDashboardBigCodeNeverCutsTheAddress(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {140, 40}} {
		dd := &dashDriver{t: t, src: liveClass(flagRows())}
		dd.d = New(Config{Source: dd.src, Library: tuitest.Library(t), Lang: "es",
			Address: "https://192.168.100.123:7420", Code: "482 913", Now: func() time.Time { return dashAt },
			Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
		dd.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		dd.run(dd.d.Init())
		dd.must("https://192.168.100.123:7420", "482 913")
	}
}

// The lesson picker's Cancel is reached with the keys (up from the first
// lesson, or Tab past the last) and shows its focus; Enter on it closes
// the picker without sending anything.
func TestDashboardPickerCancelByKeyboard(t *testing.T) {
	dd := newDash(t, "en", liveClass(flagRows()), 120, 40)
	dd.keys("L")
	dd.must("Which lesson should everyone go to?")
	dd.keys("up")
	dd.must("▶ [ Cancel ]")
	dd.keys("enter")
	dd.mustNot("Which lesson should everyone go to?")
	if got := dd.src.commands(); len(got) != 0 {
		t.Fatalf("Cancel sent %+v", got)
	}
}
