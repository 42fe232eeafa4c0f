package main

import (
	"aula/classroom/bundle"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"aula/classroom"
	"aula/i18n"
	"aula/lessons"
	"aula/store"
	"aula/tui"
	"aula/tui/ui"
)

// trainerFolder is a folder made by aula lessons new: the housing-aid form
// from the IMV one, and a class file that hides an itinerary.
func trainerFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mis-lecciones")
	code, out, errOut := runAula(t, "lessons", "new", "ayuda-alquiler", "--from", "ingreso-minimo-vital", "--lessons", dir)
	wantCode(t, code, exitOK, out, errOut)
	writeFile(t, filepath.Join(dir, lessons.ClassFile), "hide: [correo-electronico]\n")
	return dir
}

// A class hides a built-in itinerary; a folder hiding one that is not
// Aula's (or its own) has a problem at the line.
func TestClassFileHidesItineraries(t *testing.T) {
	dir := trainerFolder(t)
	code, out, errOut := runAula(t, "lessons", "list", "--lessons", dir, "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	if strings.Contains(out, "correo-electronico") || !strings.Contains(out, "mis-lecciones") || !strings.Contains(out, "ayuda-alquiler") {
		t.Errorf("lessons list with the class file:\n%s", out)
	}
	writeFile(t, filepath.Join(dir, lessons.ClassFile), "hide:\n  - correo-electronico\n  - mis-lecciones\n  - no-existe\n")
	code, out, errOut = runAula(t, "lessons", "check", dir, "--lang", "en")
	wantCode(t, code, exitProblem, out, errOut)
	file := filepath.ToSlash(filepath.Join(dir, lessons.ClassFile))
	for _, want := range []string{file + `:3: hide: "mis-lecciones" is not one of Aula's itineraries`, file + `:4: hide: "no-existe"`} {
		if !strings.Contains(out, want) {
			t.Errorf("lessons check should say %q:\n%s", want, out)
		}
	}
}

// startTestHub is a hub on loopback over its own data file, publishing dir.
func startTestHub(t *testing.T, dir, lang string) (*classroom.Hub, string, *bytes.Buffer) {
	t.Helper()
	data := t.TempDir()
	st, err := store.Open(data, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	lib, _ := loadLessons("")
	var out, errb bytes.Buffer
	hf := hubFlagsFor(t, "--listen", "127.0.0.1:0", "--publish", dir)
	h, hl, code := startHub(st, data, hf, false, lib, i18n.New(lang), &out, &errb)
	if h == nil {
		t.Fatalf("start: %d %s", code, errb.String())
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serveHub(ctx, h, hl, nil) }()
	t.Cleanup(func() {
		stop()
		if err := <-served; err != nil {
			t.Error(err)
		}
	})
	p := &publisher{h: h, dir: dir, cat: i18n.New(lang), out: &out, lib: &hf.published}
	p.once()
	publishLessons(ctx, p)
	return h, hubAddresses(hl)[0], &out
}

// laptop is a kiosk's data file, joined to the hub at url.
func laptop(t *testing.T, url, code string) (*store.Store, store.Class, string) {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := &classroom.Client{URL: url, Device: st.DeviceID()}
	cl, err := c.Join(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetClass(cl); err != nil {
		t.Fatal(err)
	}
	return st, cl, c.Token
}

// lessonsMsgs is a relay's receiving end: the LessonsMsgs the kiosk's
// screen would get.
func lessonsMsgs(relay *tui.Relay) chan ui.LessonsMsg {
	got := make(chan ui.LessonsMsg, 8)
	relay.Bind(func(m any) {
		if lm, ok := m.(ui.LessonsMsg); ok {
			got <- lm
		}
	})
	return got
}

func waitLessons(t *testing.T, got chan ui.LessonsMsg, what string) ui.LessonsMsg {
	t.Helper()
	select {
	case m := <-got:
		return m
	case <-time.After(15 * time.Second):
		t.Fatalf("the kiosk's screen never got %s", what)
	}
	return ui.LessonsMsg{}
}

// The round trip: the trainer publishes a folder, a laptop of the class
// receives it, checks it, keeps it and hands its screen the new library
// (with the class's itinerary hidden); at its next start it has it with
// the hub away. A save that breaks the folder is refused on the hub with
// its file:line messages (for the dashboard), and the laptop keeps what it
// had; fixing it publishes again.
func TestPublishRoundTripHubToKiosk(t *testing.T) {
	dir := trainerFolder(t)
	h, url, said := startTestHub(t, dir, "en")
	if !strings.Contains(said.String(), "Published for the class: "+dir+" (1 lesson)") {
		t.Errorf("the hub said:\n%s", said)
	}
	kst, class, token := laptop(t, url, h.Code())
	var relay tui.Relay
	got := lessonsMsgs(&relay)
	syncer := classroom.NewSyncer(kst, relay.Send)
	syncer.SetLessons("", useClassLessons(kst, "", &relay))
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { syncer.Run(ctx); close(done) }()
	defer func() { stop(); <-done }()
	syncer.SetClass(class.URL, token)

	m := waitLessons(t, got, "the published folder")
	if l, ok := m.Library.Catalog("es").Lesson("ayuda-alquiler"); !ok || l == nil {
		t.Fatalf("the new library has no housing-aid lesson")
	}
	for _, it := range m.Library.Catalog("en").Itineraries {
		if it.ID == "correo-electronico" {
			t.Error("the class's hidden itinerary is still there")
		}
	}
	if m.Reopen || len(m.Problems) > 0 {
		t.Errorf("a class's lessons never reopen a learner's step: %+v", m)
	}
	// The dashboard lists the folder's lessons (by id here, by title there).
	if ids := h.Published().IDs; !slices.Equal(ids, []string{"ayuda-alquiler"}) {
		t.Errorf("published ids %q, want the folder's one lesson", ids)
	}
	// The trainer may send the class to the published lesson.
	if err := h.Send(ctx, classroom.Command{Kind: classroom.CmdGoLesson, Lesson: "ayuda-alquiler"}); err != nil {
		t.Errorf("go to the published lesson: %v", err)
	}
	lib, problems, version := kioskLessons(kst, "")
	if _, ok := lib.Catalog("en").Lesson("ayuda-alquiler"); !ok || len(problems) > 0 || version != h.Published().Version {
		t.Errorf("at the next start: lesson there %v, problems %v, version %q", ok, problems, version)
	}

	// A broken save: refused on the hub, with its messages; the laptop
	// keeps the folder it has.
	file := filepath.Join(dir, "es", "ayuda-alquiler.yaml")
	good, _ := os.ReadFile(file)
	saveByRename(t, file, strings.Replace(string(good), "steps:", "steps:\n  - kind: bailar", 1))
	waitFor(t, "the hub to refuse the broken folder", func() bool {
		p := h.Published()
		return p != nil && len(p.Problems) > 0
	})
	p := h.Published()
	if !strings.Contains(p.Problems[0], filepath.ToSlash(file)+":") || p.Version != version {
		t.Errorf("the dashboard is told %+v", p)
	}
	if !strings.Contains(said.String(), "was not published") {
		t.Errorf("the hub said:\n%s", said)
	}
	saveByRename(t, file, strings.Replace(string(good), "title:", "title: Ayuda al alquiler #", 1))
	m = waitLessons(t, got, "the fixed folder")
	if l, _ := m.Library.Catalog("es").Lesson("ayuda-alquiler"); !strings.HasPrefix(l.Title, "Ayuda al alquiler") {
		t.Errorf("the fixed folder's title: %q", l.Title)
	}
	if p := h.Published(); len(p.Problems) != 0 || p.Version == version {
		t.Errorf("after the fix the dashboard is told %+v", p)
	}
}

// waitFor polls cond until it holds, with a deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A kept folder of another class is not used: the laptop joined another
// class since.
func TestKioskIgnoresAnotherClassesLessons(t *testing.T) {
	st, err := store.Open(t.TempDir(), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b, err := bundle.Read(os.DirFS(trainerFolder(t)))
	if err != nil {
		t.Fatal(err)
	}
	var relay tui.Relay
	got := lessonsMsgs(&relay)
	if err := st.SetClass(store.Class{URL: "https://192.0.2.1:7420", Token: "t"}); err != nil {
		t.Fatal(err)
	}
	if err := useClassLessons(st, "", &relay)(b); err != nil {
		t.Fatal(err)
	}
	<-got
	if _, _, v := kioskLessons(st, ""); v != b.Version {
		t.Fatalf("the class's own folder is not used: %q", v)
	}
	if err := st.SetClass(store.Class{URL: "https://192.0.2.2:7420", Token: "t"}); err != nil {
		t.Fatal(err)
	}
	lib, _, v := kioskLessons(st, "")
	if _, ok := lib.Catalog("es").Lesson("ayuda-alquiler"); ok || v != "" {
		t.Error("another class's folder is used")
	}
}

// --publish with a folder that is not there: said in the trainer's
// language, and the hub does not start.
func TestPublishMissingFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	code, out, errOut := runAula(t, "hub", "--data", t.TempDir(), "--listen", "127.0.0.1:0", "--lang", "es", "--publish", missing)
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, "aula hub: la carpeta "+missing+" de --publish no existe") {
		t.Errorf("stderr: %q", errOut)
	}
}

// A folder refused on the hub is told in the trainer's language: the
// same broken file gives the dashboard Spanish or English problems,
// file:line first.
func TestRefusedFolderInTheTrainersLanguage(t *testing.T) {
	for lang, want := range map[string]string{
		"es": `: paso "roto": kind "bailar" no es ninguno de estos: `,
		"en": `: step "roto": kind "bailar" is not one of `,
	} {
		dir := trainerFolder(t)
		file := filepath.Join(dir, "es", "ayuda-alquiler.yaml")
		good, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, file, strings.Replace(string(good), "steps:", "steps:\n  - id: roto\n    kind: bailar", 1))
		h, _, _ := startTestHub(t, dir, lang)
		p := h.Published()
		if p == nil || !slices.ContainsFunc(p.Problems, func(s string) bool {
			return strings.HasPrefix(s, filepath.ToSlash(file)+":") && strings.Contains(s, want)
		}) {
			t.Errorf("%s: the dashboard is told %+v, want %q", lang, p, want)
		}
	}
}

// The preview shows a broken file's problems in place of the step in the
// trainer's language, as aula lessons check says them.
func TestPreviewProblemsInTheTrainersLanguage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "es", "mia.yaml"), "id: mia\ntitle: Mía\nfedback: x\nsteps:\n  - id: uno\n    kind: read\n    title: Uno\n    text: Hola.\n    hint: Pulsa Intro.\n")
	for lang, want := range map[string]string{"es": `:3: campo desconocido "fedback"`, "en": `:3: unknown field "fedback"`} {
		pv, err := newPreview(dir, i18n.New(lang))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.ToSlash(filepath.Join(dir, "es", "mia.yaml"))
		if !slices.ContainsFunc(pv.first.Problems, func(p lessons.Problem) bool { return p.String() == file+want }) {
			t.Errorf("%s: the preview shows %v, want %q", lang, pv.first.Problems, file+want)
		}
		pv.close()
	}
}

// A folder that cannot even be read as a whole (a file too big, a file
// the hub may not open) is refused on the dashboard in the trainer's
// language too, not in English.
func TestUnreadableFolderInTheTrainersLanguage(t *testing.T) {
	for lang, want := range map[string]string{
		"es": "la carpeta de lecciones no se puede publicar: es/grande.yaml ocupa más de ",
		"en": "the lessons folder cannot be published: es/grande.yaml is bigger than ",
	} {
		dir := trainerFolder(t)
		writeFile(t, filepath.Join(dir, "es", "grande.yaml"), "id: grande\n"+strings.Repeat("# relleno\n", bundle.MaxFile/10+1))
		h, _, _ := startTestHub(t, dir, lang)
		if p := h.Published(); p == nil || len(p.Problems) != 1 || !strings.HasPrefix(p.Problems[0], want) {
			t.Errorf("%s: the dashboard is told %+v, want %q", lang, p, want)
		}
	}
	if os.Geteuid() == 0 {
		return // root opens every file
	}
	dir := trainerFolder(t)
	file := filepath.Join(dir, "es", "ayuda-alquiler.yaml")
	if err := os.Chmod(file, 0); err != nil {
		t.Fatal(err)
	}
	h, _, _ := startTestHub(t, dir, "es")
	want := "la carpeta de lecciones no se puede publicar: es/ayuda-alquiler.yaml no se puede leer: el usuario de este ordenador no tiene permiso"
	if p := h.Published(); p == nil || len(p.Problems) != 1 || !strings.HasPrefix(p.Problems[0], want) {
		t.Errorf("an unreadable file: the dashboard is told %+v, want %q", p, want)
	}
}
