// aula hub --publish DIR (and aula trainer --publish DIR): the trainer's
// lessons folder, checked as aula lessons check does, given to the class;
// read again and given again each time a file in it is saved. A folder with
// problems is refused: the class keeps what it had, and the dashboard says
// why.

package main

import (
	"aula/classroom/bundle"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"

	"aula/classroom"
	"aula/i18n"
	"aula/internal/watch"
	"aula/lessons"
	"aula/store"
	"aula/tui"
	"aula/tui/ui"
)

// publisher gives a hub's class the trainer's folder.
type publisher struct {
	h   *classroom.Hub
	dir string
	cat *i18n.Catalog
	out io.Writer // what the trainer reads (stdout for aula hub; nothing under the dashboard)
	// lib is the library with the folder published last, for the lessons
	// the trainer may send the class to.
	lib *atomic.Pointer[lessons.Library]
}

// publishFolderThere says whether the folder of --publish, if given, is
// there; when not, it says so and the hub does not start.
func publishFolderThere(hf *hubFlags, cat *i18n.Catalog, cmd string, stderr io.Writer) bool {
	if *hf.publish == "" {
		return true
	}
	if info, err := os.Stat(*hf.publish); err != nil || !info.IsDir() {
		fmt.Fprintln(stderr, cat.T("hub_publish_no_folder", "Cmd", cmd, "Path", *hf.publish))
		return false
	}
	return true
}

// publishLessons publishes the folder again at every save until ctx ends
// (once publishes it the first time). It returns at once; the watching
// goes on in the background.
func publishLessons(ctx context.Context, p *publisher) {
	go func() {
		if err := watch.Folder(ctx, p.dir, previewQuiet, p.once); err != nil {
			p.h.PublishRefused(p.dir, []string{p.cat.T("hub_publish_watch_failed", "Err", err.Error())})
		}
	}()
}

// once reads, checks and publishes the folder, or says why not.
func (p *publisher) once() {
	b, err := bundle.Read(os.DirFS(p.dir))
	if err != nil {
		p.refused([]string{p.say(err)})
		return
	}
	if pub := p.h.Published(); pub != nil && pub.Version == b.Version && len(pub.Problems) == 0 {
		return // saved as it was: the class has it
	}
	lib, problems := loadWith(p.cat.Format, lessons.Source{Name: p.dir, FS: b.FS()}) // the trainer reads them on the dashboard
	if len(problems) > 0 {
		msgs := make([]string, len(problems))
		for i, pr := range problems {
			msgs[i] = pr.String()
		}
		p.refused(msgs)
		return
	}
	if err := p.h.Publish(b, p.dir, folderLessons(lib)); err != nil {
		p.refused([]string{p.say(err)})
		return
	}
	if p.lib != nil {
		p.lib.Store(lib)
	}
	fmt.Fprintln(p.out, p.cat.T("hub_published", "Folder", p.dir, "Count", len(folderLessons(lib))))
}

// folderLessons are the ids of lib's lessons that are not built in: the
// published folder's, in the library's order.
func folderLessons(lib *lessons.Library) []string {
	built := lessons.BuiltInLibrary().Catalog(lessons.DefaultLanguage)
	var ids []string
	for _, l := range lib.Catalog(lessons.DefaultLanguage).AllLessons() {
		if _, ok := built.Lessons[l.ID]; !ok {
			ids = append(ids, l.ID)
		}
	}
	return ids
}

// say is why a folder cannot be published, in the trainer's language.
func (p *publisher) say(err error) string {
	var be *bundle.Error
	if errors.As(err, &be) {
		return be.Say(p.cat.Format)
	}
	return p.cat.T("hub_publish_failed", "Err", err.Error())
}

func (p *publisher) refused(msgs []string) {
	p.h.PublishRefused(p.dir, msgs)
	fmt.Fprintln(p.out, p.cat.T("hub_publish_refused", "Folder", p.dir, "Count", len(msgs)))
	for _, m := range msgs {
		fmt.Fprintln(p.out, "  "+m)
	}
}

// The kiosk's side: the folder the class published, kept in the data file
// and used beside the built-in lessons (and a folder of --lessons).

// classSource is the published folder kept in st for the class this laptop
// is in, checked again; ok is false when there is none (or it is another
// class's, or damaged).
func classSource(st *store.Store) (src lessons.Source, version string, ok bool) {
	kept, err := st.ClassLessons()
	if err != nil {
		return src, "", false
	}
	c, err := st.Class()
	if err != nil || c.URL != kept.URL {
		return src, "", false
	}
	var b bundle.Folder
	if json.Unmarshal(kept.Data, &b) != nil || bundle.Check(b) != nil {
		return src, "", false
	}
	return lessons.Source{Name: "class", FS: b.FS()}, b.Version, true
}

// kioskLessons is the kiosk's library: the built-in lessons, the folder
// of --lessons (dir) and the class's published folder; version is the
// latter's ("" none).
func kioskLessons(st *store.Store, dir string) (lib *lessons.Library, problems []lessons.Problem, version string) {
	src, version, ok := classSource(st)
	if !ok {
		lib, problems = openLessons(dir)
		return lib, problems, ""
	}
	lib, problems = classLibrary(dir, src)
	return lib, problems, version
}

// classLibrary is the lessons of the folder dir (if any) and of the
// class's published folder src, beside the built-in ones.
func classLibrary(dir string, src lessons.Source) (*lessons.Library, []lessons.Problem) {
	extra := []lessons.Source{}
	if dir != "" {
		extra = append(extra, lessons.Source{Name: dir, FS: os.DirFS(dir)})
	}
	return loadWith(nil, append(extra, src)...)
}

// errClassLessons is a published folder this laptop refuses: its lessons
// have problems here (an Aula older or newer than the hub's).
var errClassLessons = errors.New("the class's lessons have problems on this laptop")

// useClassLessons is what the kiosk does with a folder its class
// published: check it with the rest of its lessons, keep it for the next
// start, and hand the new library to the screen.
func useClassLessons(st *store.Store, dir string, relay *tui.Relay) func(bundle.Folder) error {
	var seq atomic.Uint64
	return func(b bundle.Folder) error {
		extra := []lessons.Source{}
		if dir != "" {
			extra = append(extra, lessons.Source{Name: dir, FS: os.DirFS(dir)})
		}
		lib, problems := loadWith(nil, append(extra, lessons.Source{Name: "class", FS: b.FS()})...)
		if len(problems) > 0 {
			return errClassLessons
		}
		c, err := st.Class()
		if err != nil {
			return err
		}
		data, err := json.Marshal(b)
		if err != nil {
			return err
		}
		if err := st.SetClassLessons(store.ClassLessons{URL: c.URL, Data: data}); err != nil {
			return err
		}
		relay.Send(ui.LessonsMsg{Library: lib, Seq: seq.Add(1)})
		return nil
	}
}
