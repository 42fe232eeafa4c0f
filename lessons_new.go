// aula lessons new: a trainer's new lesson, a starting file in each
// language folder of their lessons folder.

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"aula/i18n"
	"aula/lessons"
	"aula/lessons/judge"
)

// runLessonsNew is aula lessons new ID --kind KIND | --from LESSON
// [--lessons DIR]: it writes DIR/<lang>/ID.yaml for each language, and an
// itineraries.yaml listing the lesson when the folder has none.
func runLessonsNew(args []string, stdout, stderr io.Writer) int {
	cat := cliCatalog(args)
	fs := newFlags("lessons new", args, stderr)
	fs.String("lang", "", "") // read by cliCatalog
	kind := fs.String("kind", "", "")
	from := fs.String("from", "", "")
	dir := fs.String("lessons", ".", "")
	usage := cat.T("lessons_new_usage", "Kinds", strings.Join(lessons.Kinds(), "|"))
	rest, ok := parseCLI(fs, args, cat, "aula lessons new", stdout, stderr, func() string { return usage })
	if !ok {
		return exitUsage
	}
	if len(rest) != 1 || (*kind == "") == (*from == "") {
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	id := rest[0]
	if msg := idFault(cat, id); msg != "" {
		fmt.Fprintln(stderr, msg)
		return exitUsage
	}
	if info, err := os.Stat(*dir); err == nil && !info.IsDir() {
		fmt.Fprintln(stderr, cat.T("lessons_new_not_folder", "Path", *dir))
		return exitProblem
	}
	sources := []lessons.Source{{Name: "content", FS: lessons.BuiltIn()}}
	if _, err := os.Stat(*dir); err == nil {
		sources = append(sources, lessons.Source{Name: filepath.ToSlash(*dir), FS: os.DirFS(*dir)})
	}
	req := lessons.StarterRequest{ID: id, Kind: *kind, From: *from, Today: time.Now().Format(time.DateOnly)}
	words := map[string]lessons.StarterWords{}
	for _, lang := range lessons.Languages() {
		words[lang] = starterWords(lang, req)
	}
	files, err := lessons.NewLessonFiles(req, words, sources...)
	if err != nil {
		fmt.Fprintln(stderr, newLessonError(cat, err, req))
		return exitProblem
	}
	return writeNewLesson(cat, *dir, id, files, stdout, stderr)
}

// idFault says in cat's words what is wrong with a new lesson's id, by the
// rules of every id in a lesson file (judge.IDShape); "" when nothing.
func idFault(cat *i18n.Catalog, id string) string {
	switch judge.IDShape(id) {
	case judge.IDMissing:
		return cat.T("lessons_new_id_missing")
	case judge.IDBadForm:
		return cat.T("lessons_new_id_form", "ID", id)
	case judge.IDTooLong:
		return cat.T("lessons_new_id_long", "ID", id, "Max", judge.MaxID)
	}
	return ""
}

// newLessonError says why lessons.NewLessonFiles refused, in cat's words.
func newLessonError(cat *i18n.Catalog, err error, req lessons.StarterRequest) string {
	switch {
	case errors.Is(err, lessons.ErrIDTaken):
		return cat.T("lessons_new_id_taken", "ID", req.ID)
	case errors.Is(err, lessons.ErrUnknownKind):
		return cat.T("lessons_new_kind_unknown", "Kind", req.Kind, "Kinds", strings.Join(lessons.Kinds(), ", "))
	case errors.Is(err, lessons.ErrNoSuchFrom):
		return cat.T("lessons_new_from_unknown", "ID", req.From)
	}
	return "aula lessons new: " + err.Error()
}

// starterWords are the comments and placeholders of a new lesson in lang
// (the file's language, not the trainer's).
func starterWords(lang string, req lessons.StarterRequest) lessons.StarterWords {
	c := i18n.New(lang)
	header := c.T("lessons_new_header_kind", "ID", req.ID, "Kind", req.Kind)
	if req.From != "" {
		header = c.T("lessons_new_header_from", "ID", req.ID, "From", req.From)
	}
	return lessons.StarterWords{
		Header: header, Title: c.T("lessons_new_title"), Topic: c.T("lessons_new_topic"),
		Summary: c.T("lessons_new_summary"), Learned: c.T("lessons_new_learned"),
		ItineraryTitle: c.T("lessons_new_itinerary_title"), ItineraryDescription: c.T("lessons_new_itinerary_description"),
		ItineraryHeader: c.T("lessons_new_itinerary_header"),
	}
}

// writeNewLesson writes the files of a new lesson (language → text) in
// dir, refusing to write over any file; and an itineraries.yaml where a
// language folder has none.
func writeNewLesson(cat *i18n.Catalog, dir, id string, files map[string][]byte, stdout, stderr io.Writer) int {
	for _, lang := range lessons.Languages() {
		p := filepath.Join(dir, lang, id+".yaml")
		if _, err := os.Stat(p); err == nil {
			fmt.Fprintln(stderr, cat.T("lessons_new_file_exists", "Path", p))
			return exitProblem
		}
	}
	for _, lang := range lessons.Languages() {
		folder := filepath.Join(dir, lang)
		if err := os.MkdirAll(folder, 0o755); err != nil {
			fmt.Fprintln(stderr, "aula lessons new:", err)
			return exitProblem
		}
		p := filepath.Join(folder, id+".yaml")
		if err := writeNew(p, files[lang]); err != nil {
			fmt.Fprintln(stderr, "aula lessons new:", err)
			return exitProblem
		}
		fmt.Fprintln(stdout, cat.T("lessons_new_written", "Path", p))
		its := filepath.Join(folder, "itineraries.yaml")
		if _, err := os.Stat(its); err == nil {
			fmt.Fprintln(stdout, cat.T("lessons_new_itinerary_add", "Path", its, "ID", id))
			continue
		}
		if err := writeNew(its, lessons.NewItineraryFile(id, starterWords(lang, lessons.StarterRequest{ID: id}))); err != nil {
			fmt.Fprintln(stderr, "aula lessons new:", err)
			return exitProblem
		}
		fmt.Fprintln(stdout, cat.T("lessons_new_written", "Path", its))
	}
	fmt.Fprintln(stdout, cat.T("lessons_new_next", "Dir", dir, "ID", id))
	return exitOK
}

// writeNew writes a file that must not exist yet.
func writeNew(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
