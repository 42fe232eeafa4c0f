package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"aula/lessons"
	"aula/lessons/kinds/browser"
	"aula/lessons/kinds/chat"
	"aula/lessons/kinds/files"
	"aula/lessons/kinds/form"
	"aula/lessons/kinds/inbox"
	"aula/store"
)

// Accessible mode end to end: the real binary with --accessible, driven
// through its standard input and output as a screen reader user would
// (one typed line at a time), through a lesson of every step kind. No tmux
// is needed: the mode is plain lines of text.

// lineSession is the binary running in accessible mode behind pipes.
type lineSession struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	mu     sync.Mutex
	out    bytes.Buffer // everything printed so far
	mark   int          // where the next expect starts looking
	notify chan struct{}
	exited chan error
}

// lockedWriter collects the output and says that more came.
type lockedWriter struct{ s *lineSession }

func (w lockedWriter) Write(p []byte) (int, error) {
	w.s.mu.Lock()
	w.s.out.Write(p)
	w.s.mu.Unlock()
	select {
	case w.s.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

func startLines(t *testing.T, bin string, args ...string) *lineSession {
	t.Helper()
	s := &lineSession{t: t, notify: make(chan struct{}, 1), exited: make(chan error, 1)}
	s.cmd = exec.Command(bin, args...)
	s.cmd.Env = append(os.Environ(), "TERM=dumb")
	var stderr bytes.Buffer
	s.cmd.Stdout, s.cmd.Stderr = lockedWriter{s}, &stderr
	s.cmd.WaitDelay = 5 * time.Second // should a child be left holding the output
	in, err := s.cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.in = in
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	t.Cleanup(func() {
		_ = s.cmd.Process.Kill()
		if t.Failed() {
			t.Logf("stderr:\n%s", stderr.String())
		}
	})
	return s
}

// send types a line and presses Enter.
func (s *lineSession) send(line string) {
	s.t.Helper()
	if _, err := io.WriteString(s.in, line+"\n"); err != nil {
		s.t.Fatalf("typing %q: %v\noutput so far:\n%s", line, err, s.tail())
	}
}

func (s *lineSession) tail() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.out.Bytes()
	return string(b[max(len(b)-3000, 0):])
}

// expect waits until the output after the mark shows want, and returns
// that output; the mark moves past it.
func (s *lineSession) expect(want string) string {
	s.t.Helper()
	deadline := time.NewTimer(waitLimit)
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
		case err := <-s.exited:
			s.t.Fatalf("Aula ended (%v) before saying %q:\n%s", err, want, s.tail())
		case <-deadline.C:
			s.t.Fatalf("after %v Aula has not said %q:\n%s", waitLimit, want, s.tail())
		}
	}
}

// wait waits for the binary to end and returns its exit status.
func (s *lineSession) wait() int {
	s.t.Helper()
	select {
	case err := <-s.exited:
		if err == nil {
			return 0
		}
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		s.t.Fatalf("waiting for Aula: %v", err)
	case <-time.After(waitLimit):
		s.t.Fatalf("Aula did not end within %v:\n%s", waitLimit, s.tail())
	}
	return -1
}

// What a learner types in practice and must never reach the data file.
const (
	practicePassword = "tortuga naranja bicicleta faro 47"
	practiceBody     = "zqxjw privado"
)

// boxOrEscape finds box drawing, block elements (bars) and escape codes.
var boxOrEscape = regexp.MustCompile("[\u2500-\u259f\x1b]")

func TestE2EAccessibleEveryKind(t *testing.T) {
	bin := aulaBinary(t)
	for _, lang := range []string{"es", "en"} {
		data := t.TempDir()
		t.Run(lang, func(t *testing.T) {
			out := playEveryKind(t, lang, startLines(t, bin, "--accessible", "--data", data, "--lang", lang))
			if dir := os.Getenv("AULA_TRANSCRIPTS"); dir != "" {
				// To read what a screen reader would read: AULA_TRANSCRIPTS=/tmp go test -run Accessible
				_ = os.WriteFile(filepath.Join(dir, "accessible-"+lang+".txt"), out, 0o644)
			}
		})
		checkEveryKindData(t, lang, data)
	}
}

// playEveryKind signs Lucía up in the accessible mode s runs (a fresh data
// folder, in lang) and plays one lesson of each step kind (in English, the
// lessons of email again), then leaves; Aula must end with status 0 and
// print no box drawing or escape code. It returns everything printed.
// The Windows run (e2e_wine_test.go) plays the same.
func playEveryKind(t *testing.T, lang string, s *lineSession) []byte {
	t.Helper()
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	cat := lib.Catalog(lang)
	w := wordsFor(lang)
	s.expect(w.name)
	s.send("Lucía")
	s.expect(w.pin)
	s.send("1")
	s.expect(w.hello)

	// One lesson of each kind on the first run; the second run, in
	// English, goes through the lessons of email again.
	var ids []string
	covered := map[string]bool{}
	for _, l := range cat.AllLessons() {
		isMail := slices.Contains(l.StepKinds(), "inbox")
		if lang == "en" && !isMail || lang == "es" && !isMail && !slices.ContainsFunc(l.StepKinds(), func(k string) bool { return !covered[k] }) {
			continue
		}
		ids = append(ids, l.ID)
		for _, k := range l.StepKinds() {
			covered[k] = true
		}
	}
	if lang == "es" {
		for _, k := range lessons.Kinds() {
			if !covered[k] {
				t.Fatalf("no built-in lesson has a %s step", k)
			}
		}
	}
	all := cat.AllLessons()
	for _, id := range ids {
		n := slices.IndexFunc(all, func(l *lessons.Lesson) bool { return l.ID == id }) + 1
		s.send(w.home)
		s.expect(w.hello)
		s.send(strconv.Itoa(len(cat.Itineraries) + 2)) // all lessons: after "continue" and the paths
		s.expect(w.allLessons)
		s.send(strconv.Itoa(n))
		l, _ := cat.Lesson(id)
		doLesson(t, s, w, l)
	}

	s.send(w.quit)
	s.expect(w.quitQuestion)
	s.send("1") // leave Aula
	if code := s.wait(); code != 0 {
		t.Fatalf("Aula ended with status %d", code)
	}
	s.mu.Lock()
	out := bytes.Clone(s.out.Bytes())
	s.mu.Unlock()
	if bad := boxOrEscape.Find(out); bad != nil {
		i := bytes.Index(out, bad)
		t.Fatalf("accessible mode printed %q: %s", bad, out[max(i-200, 0):min(i+50, len(out))])
	}
	return out
}

// checkEveryKindData checks the data folder playEveryKind filled in lang:
// it holds outcomes, never what was typed as practice, and every lesson
// played is done.
func checkEveryKindData(t *testing.T, lang, data string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(data, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{practicePassword, practiceBody, "tortuga", "zqxjw", "Prueba Ejemplo"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("%s: the data file holds %q, typed as practice", lang, secret)
		}
	}
	st, err := store.Open(data, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ls, _ := st.Learners()
	if len(ls) != 1 {
		t.Fatalf("learners: %+v", ls)
	}
	prog, _ := st.Progress(ls[0].ID)
	done := []string{"correo-leer", "correo-escribir", "correo-responder", "correo-reenviar", "correo-enganos"}
	if lang == "es" {
		done = append(done, "teclado", "seguridad-basica", "frase-contrasena", "verificacion-dos-pasos", "engano-o-verdad", "primer-formulario")
	}
	for _, id := range done {
		if prog[id].Status != store.Done {
			t.Errorf("%s: lesson %s: %+v, want done", lang, id, prog[id])
		}
	}
}

// lineWords are the words of the accessible mode the test types or waits
// for, per language.
type lineWords struct {
	hello, allLessons, home, quit, quitQuestion string
	name, pin                                   string
	right, done, check                          string
	open, link, suspicious, reply, forward, new string
	attach, send, sms, step, folder             string
	next, submit, yes, add, remove, smsExpires  string
	look, goesTo                                string
	bookmarks, bookmark, save, saved            string // the browser's bookmarks bar
}

func wordsFor(lang string) lineWords {
	if lang == "en" {
		return lineWords{name: "What's your name?", pin: "Would you like a PIN?", hello: "Hello, Lucía", allLessons: "All lessons", home: "home", quit: "quit", quitQuestion: "Do you want to leave?",
			right: "Well done!", done: "Lesson finished!", check: "check", open: "open", link: "link", suspicious: "suspicious",
			reply: "reply", forward: "forward", new: "new", attach: "attach", send: "send", sms: "It says:", step: "Step %d of %d", folder: "folder",
			next: "next", submit: "submit", yes: "yes", add: "add", remove: "remove", smsExpires: "It expires at",
			look: "look", goesTo: "This link goes to:",
			bookmarks: "bookmarks", bookmark: "bookmark", save: "save", saved: "Saved to bookmarks"}
	}
	return lineWords{name: "¿Cómo te llamas?", pin: "¿Quieres un PIN?", hello: "Hola, Lucía", allLessons: "Todas las lecciones", home: "inicio", quit: "salir", quitQuestion: "¿Quieres salir?",
		right: "¡Bien!", done: "¡Lección terminada!", check: "comprobar", open: "abrir", link: "enlace", suspicious: "sospechoso",
		reply: "responder", forward: "reenviar", new: "nuevo", attach: "adjuntar", send: "enviar", sms: "Dice:", step: "Paso %d de %d", folder: "carpeta",
		next: "siguiente", submit: "presentar", yes: "sí", add: "añadir", remove: "quitar", smsExpires: "Caduca a las",
		look: "ver", goesTo: "Este enlace lleva a:",
		bookmarks: "favoritos", bookmark: "favorito", save: "guardar", saved: "Guardada en favoritos"}
}

// doLesson answers every step of l right, as lines, and leaves the summary
// for home.
func doLesson(t *testing.T, s *lineSession, w lineWords, l *lessons.Lesson) {
	t.Helper()
	for i, st := range l.Steps() {
		s.expect(fmt.Sprintf(w.step, i+1, len(l.Steps())) + ". " + st.Title)
		if !st.NeedsAnswer() {
			s.send("")
			continue
		}
		answerStep(t, s, w, st)
		s.expect(w.right)
		s.send("") // go on
	}
	s.expect(w.done)
	s.send(w.home)
	s.expect(w.hello)
}

// answerStep types the right answer to a step.
func answerStep(t *testing.T, s *lineSession, w lineWords, st *lessons.Step) {
	t.Helper()
	switch ex := st.Exercise.(type) {
	case *lessons.Scenario:
		s.send(chooseNumbers(&ex.Choose, st.ID))
	case *lessons.Choose:
		s.send(chooseNumbers(ex, st.ID))
	case *lessons.Type:
		v := ex.Answer.Values
		if len(v) == 0 {
			s.send("lucia.prueba@correo.example")
		} else {
			s.send(v[0])
		}
	case *lessons.Order:
		shown := ex.Shuffled(st.ID)
		var nums []string
		for _, it := range ex.Items {
			nums = append(nums, strconv.Itoa(slices.Index(shown, it.ID)+1))
		}
		s.send(strings.Join(nums, " "))
	case *lessons.Password:
		s.send(practicePassword)
		if ex.Confirm {
			s.send(practicePassword)
		}
	case *lessons.Code:
		s.expect(w.sms)
		line := s.expect("\n")
		line += s.expect("\n")
		code := regexp.MustCompile(`\b\d{` + strconv.Itoa(ex.CodeDigits()) + `}\b`).FindString(line)
		if code == "" {
			t.Fatalf("no code in the SMS %q", line)
		}
		s.send(code)
	case *lessons.Passphrase:
		ch := &lessons.Choose{}
		for _, wd := range ex.Words {
			ch.Options = append(ch.Options, &lessons.Option{ID: wd.ID})
		}
		var nums []string
		for i, o := range ch.Shown(st.ID) {
			if ex.WordByID(o.ID).Feedback == "" && len(nums) < 6 {
				nums = append(nums, strconv.Itoa(i+1))
			}
		}
		s.send(strings.Join(nums, " "))
	default:
		if !doApp(t, s, w, st.Exercise) {
			t.Fatalf("step %s: no way to answer a %s step", st.ID, st.Kind)
		}
	}
}

// doApp answers a step of a kind that is a whole practice application
// (the mail app, the form, the browser, the messenger, the file manager);
// false for any other kind.
func doApp(t *testing.T, s *lineSession, w lineWords, ex lessons.Exercise) bool {
	t.Helper()
	switch ex := ex.(type) {
	case *inbox.Inbox:
		doInbox(t, s, w, ex)
	case *form.Form:
		doForm(t, s, w, ex)
	case *browser.Browser:
		doBrowser(t, s, w, ex)
	case *chat.Chat:
		doChat(t, s, w, ex)
	case *files.Files:
		doFiles(t, s, w, ex)
	default:
		return false
	}
	return true
}

// doBrowser walks a browser step as lines, on the route the judge's own
// Sample takes: each link looked at ("ver N") before it is followed, then
// the download. What the last action prints is left to doLesson, which
// waits for the verdict it brings.
func doBrowser(t *testing.T, s *lineSession, w lineWords, ex *browser.Browser) {
	t.Helper()
	route := ex.Sample()
	type act struct{ cmd, want string }
	var acts []act
	page := ex.Start
	// number is what line mode calls block id on the page shown: its
	// place among the page's links, buttons and downloads.
	number := func(id string) string {
		for _, p := range ex.Pages {
			if p.ID != page {
				continue
			}
			n := 0
			for _, b := range p.Blocks {
				if b.Active() {
					n++
					if b.ID == id {
						return strconv.Itoa(n)
					}
				}
			}
		}
		t.Fatalf("browser: %s is not on page %s", id, page)
		return ""
	}
	looked := map[string]bool{}
	lookHere := func() {
		for _, id := range route.Inspected {
			if _, on := ex.Block(id); on != nil && on.ID == page && !looked[id] {
				acts = append(acts, act{w.look + " " + number(id), w.goesTo})
				looked[id] = true
			}
		}
	}
	lookHere()
	for _, id := range route.Followed {
		n := ""
		if mark := slices.IndexFunc(ex.Bookmarks, func(b *browser.Block) bool { return b.ID == id }); mark >= 0 {
			// A bookmark: hearing the bar says where each goes.
			if !looked[id] {
				acts = append(acts, act{w.bookmarks, ex.Bookmarks[len(ex.Bookmarks)-1].Link})
				for _, b := range ex.Bookmarks {
					looked[b.ID] = true
				}
			}
			n = w.bookmark + " " + strconv.Itoa(mark+1)
		} else {
			if !looked[id] {
				acts = append(acts, act{w.look + " " + number(id), w.goesTo})
				looked[id] = true
			}
			n = number(id)
		}
		b, _ := ex.Block(id)
		page = b.To
		to := ex.Pages[slices.IndexFunc(ex.Pages, func(p *browser.Page) bool { return p.ID == page })]
		acts = append(acts, act{n, to.URL})
		lookHere()
	}
	for _, id := range route.Downloaded {
		acts = append(acts, act{number(id), ""})
	}
	if len(route.Saved) > 0 {
		acts = append(acts, act{w.save, w.saved})
	}
	for i, a := range acts {
		s.send(a.cmd)
		if i < len(acts)-1 && a.want != "" {
			s.expect(a.want)
		}
	}
}

// chooseNumbers are the numbers of the right options, as shown.
func chooseNumbers(ex *lessons.Choose, seed string) string {
	var nums []string
	for i, o := range ex.Shown(seed) {
		if o.Correct {
			nums = append(nums, strconv.Itoa(i+1))
		}
	}
	return strings.Join(nums, " ")
}

// doInbox does in the mailbox what the lesson's sample answer does, with
// the commands of accessible mode.
func doInbox(t *testing.T, s *lineSession, w lineWords, x *inbox.Inbox) {
	t.Helper()
	// num goes to the folder of message id and returns its number there
	// (the lesson's messages are listed in file order).
	folders := []string{inbox.FolderInbox, inbox.FolderSent, inbox.FolderTrash}
	here := inbox.FolderInbox
	num := func(id string) string {
		m := x.Mail(id)
		if m == nil {
			t.Fatalf("no message %s", id)
		}
		if m.Folder != here {
			s.send(fmt.Sprintf("%s %d", w.folder, slices.Index(folders, m.Folder)+1))
			here = m.Folder
		}
		n := 0
		for _, o := range x.Messages {
			if o.Folder == m.Folder {
				n++
			}
			if o.ID == id {
				return strconv.Itoa(n)
			}
		}
		return ""
	}
	a := x.Sample()
	for _, id := range a.Opened {
		s.send(w.open + " " + num(id))
	}
	for _, link := range a.Inspected {
		for _, m := range x.Messages {
			for k, l := range m.Links {
				if l.ID == link {
					s.send(w.open + " " + num(m.ID))
					s.send(fmt.Sprintf("%s %d", w.link, k+1))
					s.send("1") // back without opening it
				}
			}
		}
	}
	for _, id := range a.Reported {
		s.send(w.suspicious + " " + num(id))
	}
	for _, m := range a.Sent {
		switch m.Kind {
		case inbox.SendReply:
			s.send(w.reply + " " + num(m.Of))
		case inbox.SendForward:
			s.send(w.forward + " " + num(m.Of))
			s.send(m.To)
			s.send(m.Cc)
			s.send("") // keep the subject
		default:
			s.send(w.new)
			s.send(m.To)
			s.send(m.Cc)
			s.send(m.Subject)
		}
		s.send(strings.TrimSpace(m.Body + " " + practiceBody))
		s.send("") // the end of the message
		for _, d := range m.Attachments {
			s.send(fmt.Sprintf("%s %d", w.attach, slices.IndexFunc(x.Documents, func(doc *inbox.Document) bool { return doc.ID == d })+1))
		}
		s.send(w.send)
	}
	if len(a.Sent) == 0 {
		s.send(w.check)
	}
}

// doForm fills a form as its sample answer does, page by page, with the
// commands of accessible mode: a field's number, then its value (options,
// files and days by number), then next; the code is read from the SMS.
func doForm(t *testing.T, s *lineSession, w lineWords, fm *form.Form) {
	t.Helper()
	now := time.Now()
	a := fm.SampleAnswer(now)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	for pi, pg := range fm.Pages {
		// First the groups get as many items as the answer has.
		sizeGroups(s, w, pg, a)
		n := 0
		fill := func(f *form.Field, path string) {
			n++
			v, ok := a.Values[path]
			if !ok || v == "" && f.Kind != "check" {
				return
			}
			s.send(strconv.Itoa(n))
			sendFieldValue(t, s, w, fm, f, v, today)
		}
		for _, f := range pg.Fields {
			if f.Kind != "group" {
				fill(f, f.ID)
				continue
			}
			for i := 0; i < a.Items[f.ID]; i++ {
				for _, sub := range f.Fields {
					fill(sub, form.ItemPath(f.ID, i, sub.ID))
				}
			}
		}
		if pi == len(fm.Pages)-1 && !fm.HasReview() {
			s.send(w.submit)
		} else {
			s.send(w.next)
		}
	}
	if fm.HasReview() {
		s.send(w.submit)
	}
}

// sizeGroups adds or removes items in the groups of page pg until each has
// as many as the answer a.
func sizeGroups(s *lineSession, w lineWords, pg *form.Page, a form.Answer) {
	for _, f := range pg.Fields {
		if f.Kind != "group" {
			continue
		}
		for n := len(f.Items); n > a.Items[f.ID]; n-- {
			s.send(fmt.Sprintf("%s %d", w.remove, n))
		}
		for n := len(f.Items); n < a.Items[f.ID]; n++ {
			s.send(w.add)
		}
	}
}

// sendFieldValue sends value v for field f, whose number has just been
// sent: text as it is, options, files and days by number, the code read
// from the SMS.
func sendFieldValue(t *testing.T, s *lineSession, w lineWords, fm *form.Form, f *form.Field, v string, today time.Time) {
	t.Helper()
	switch f.Kind {
	case "text", "date":
		s.send(v)
	case "code":
		said := s.expect(w.smsExpires)
		code := regexp.MustCompile(`([A-Z0-9]{` + strconv.Itoa(f.Length) + `})\. ` + w.smsExpires + `$`).FindStringSubmatch(said)
		if code == nil {
			t.Fatalf("no code in the SMS: %q", said)
		}
		s.send(code[1])
	case "select", "radio":
		s.send(strconv.Itoa(slices.IndexFunc(f.Options, func(o *form.FieldOption) bool { return o.ID == v }) + 1))
	case "file":
		s.send(strconv.Itoa(slices.IndexFunc(fm.Files, func(p *form.PracticeFile) bool { return p.ID == v }) + 1))
	case "check":
		s.send(map[bool]string{true: w.yes, false: "no"}[v == "yes"])
	case "day":
		d, err := time.Parse("2006-01-02", v)
		if err != nil {
			t.Fatal(err)
		}
		s.send(strconv.Itoa(int(d.Sub(today).Hours()/24 + 0.5)))
	default:
		t.Fatalf("field %s: no way to fill a %s field", f.ID, f.Kind)
	}
}
