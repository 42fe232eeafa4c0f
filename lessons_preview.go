// aula lessons preview: the kiosk on a trainer's lessons folder, read
// again each time a file in it is saved. Nothing is recorded where it
// lasts: the preview keeps its learner and events in a folder of its own
// that it deletes on the way out.

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"aula/i18n"
	"aula/internal/watch"
	"aula/store"
	"aula/tui"
	"aula/tui/ui"
)

// previewQuiet is how long the folder stays quiet after a save before it
// is read: an editor's save is a few events close together.
const previewQuiet = 150 * time.Millisecond

func runLessonsPreview(args []string, stdout, stderr io.Writer) int {
	cat := cliCatalog(args)
	fs := newFlags("lessons preview", args, stderr)
	fs.String("lang", "", "") // read by cliCatalog
	lesson := fs.String("lesson", "", "")
	usage := cat.T("lessons_preview_usage")
	rest, ok := parseCLI(fs, args, cat, "aula lessons preview", stdout, stderr, func() string { return usage })
	if !ok {
		return exitUsage
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	dir := rest[0]
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintln(stderr, cat.T("lessons_preview_no_folder", "Path", dir))
		return exitProblem
	}
	pv, err := newPreview(dir, cat)
	if err != nil {
		fmt.Fprintln(stderr, "aula lessons preview:", err)
		return exitData
	}
	defer pv.close()
	if *lesson != "" && !pv.has(*lesson) {
		fmt.Fprintln(stderr, cat.T("lessons_preview_no_lesson", "ID", *lesson, "Path", dir))
		return exitUsage
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		if err := watch.Folder(ctx, dir, previewQuiet, pv.reload); err != nil {
			fmt.Fprintln(stderr, "aula lessons preview:", err)
		}
	}()
	err = tui.Run(ctx, tui.RunOptions{Config: pv.config(*lesson), Out: stdout, Errors: stderr, Bind: pv.relay.Bind})
	if err != nil {
		fmt.Fprintln(stderr, "aula lessons preview:", err)
		return exitData
	}
	return exitOK
}

// preview is a kiosk on a trainer's folder, over a data file of its own.
type preview struct {
	dir     string
	cat     *i18n.Catalog
	tmp     string
	st      *store.Store
	learner store.Learner
	relay   latestRelay
	seq     atomic.Uint64
	first   ui.LessonsMsg
}

// newPreview reads dir and makes the preview's own data file, with one
// learner, in a temporary folder.
func newPreview(dir string, cat *i18n.Catalog) (*preview, error) {
	pv := &preview{dir: dir, cat: cat}
	var err error
	if pv.tmp, err = os.MkdirTemp("", "aula-preview-"); err != nil {
		return nil, err
	}
	if pv.st, err = store.Open(pv.tmp, store.Options{Timeout: time.Second}); err != nil {
		os.RemoveAll(pv.tmp)
		return nil, err
	}
	if pv.learner, err = pv.st.AddLearner(cat.T("lessons_preview_learner"), ""); err != nil {
		pv.close()
		return nil, err
	}
	pv.first = pv.read()
	if len(pv.first.Problems) > 0 {
		pv.relay.Send(pv.first) // shown in place of the step from the start
	}
	return pv, nil
}

// read reads the folder, numbered after every read before it.
func (pv *preview) read() ui.LessonsMsg {
	seq := pv.seq.Add(1)
	lib, problems := checkLessons(pv.dir, pv.cat)
	return ui.LessonsMsg{Library: lib, Problems: problems, Seq: seq, Reopen: true}
}

// reload reads the folder again off the watcher's goroutine and hands the
// result to the kiosk: reads may end out of order, and the kiosk keeps the
// newest (ui.LessonsMsg.Seq).
func (pv *preview) reload() {
	seq := pv.seq.Add(1)
	go func() {
		lib, problems := checkLessons(pv.dir, pv.cat)
		pv.relay.Send(ui.LessonsMsg{Library: lib, Problems: problems, Seq: seq, Reopen: true})
	}()
}

// has says whether lesson id is in the folder or built in, in any
// language; one with problems counts (they are shown in its place).
func (pv *preview) has(id string) bool {
	for _, lang := range pv.first.Library.Langs() {
		if _, ok := pv.first.Library.Catalog(lang).Lesson(id); ok {
			return true
		}
	}
	return len(pv.first.Problems) > 0
}

// config is the kiosk's: signed in as the preview's learner, on lesson.
func (pv *preview) config(lesson string) tui.Config {
	l := pv.learner
	return tui.Config{Store: pv.st, Library: pv.first.Library, Lang: pv.cat.Lang(), StartLesson: lesson, SignedIn: &l, Preview: true}
}

// close deletes the preview's data.
func (pv *preview) close() {
	pv.st.Close()
	os.RemoveAll(pv.tmp)
}

// latestRelay is a tui.Relay that also hands the newest message to a mode
// as it starts: the folder's problems reach the first screen, and the
// other mode after a switch.
type latestRelay struct {
	tui.Relay
	mu   sync.Mutex
	last any
}

// Bind sets where messages go, and sends the newest one there. It sends
// from another goroutine: Bind is called before the program runs, and a
// program's Send waits for it to run.
func (r *latestRelay) Bind(fn func(any)) {
	r.Relay.Bind(fn)
	r.mu.Lock()
	last := r.last
	r.mu.Unlock()
	if fn != nil && last != nil {
		go fn(last)
	}
}

// Send hands msg to the running mode and keeps it for the next one.
func (r *latestRelay) Send(msg any) {
	r.mu.Lock()
	r.last = msg
	r.mu.Unlock()
	r.Relay.Send(msg)
}
