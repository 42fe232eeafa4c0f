// The lessons subcommand: check a trainer's lessons, list them, sum up
// the translations.

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"aula/i18n"
	"aula/lessons"
	"aula/lessons/judge"
)

// loadLessons reads the built-in lessons and, if dir is set, a trainer's
// own, and checks them all (every language against the default one).
func loadLessons(dir string) (*lessons.Library, []lessons.Problem) {
	var extra []lessons.Source
	if dir != "" {
		extra = append(extra, lessons.Source{Name: dir, FS: os.DirFS(dir)})
	}
	return loadWith(nil, extra...)
}

// checkLessons is loadLessons with the problems said in cat's language:
// for the trainer who reads them (aula lessons check, lessons preview).
func checkLessons(dir string, cat *i18n.Catalog) (*lessons.Library, []lessons.Problem) {
	var extra []lessons.Source
	if dir != "" {
		extra = append(extra, lessons.Source{Name: dir, FS: os.DirFS(dir)})
	}
	return loadWith(cat.Format, extra...)
}

// loadWith reads the built-in lessons and those of the trainer's sources
// (a folder, the lessons the class's hub published), checks them all, and
// hides the built-in itineraries each source's class file hides. Its
// problems are in say's language (nil: English, for problems nobody reads
// word for word).
func loadWith(say judge.Say, extra ...lessons.Source) (*lessons.Library, []lessons.Problem) {
	lib, problems := lessons.LoadSaying(say, append([]lessons.Source{{Name: "content", FS: lessons.BuiltIn()}}, extra...)...)
	for _, src := range extra {
		problems = append(problems, lessons.ApplyClass(lib, src)...)
	}
	return lib, problems
}

// openLessons is the library a screen or a report uses: the built-in
// lessons, each language read when first used (they are checked by the
// tests and aula lessons check), or, with a trainer's folder dir, as
// loadLessons reads them.
func openLessons(dir string) (*lessons.Library, []lessons.Problem) {
	if dir == "" {
		return lessons.BuiltInLibrary(), nil
	}
	return loadLessons(dir)
}

func runLessons(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, cliCatalog(args).T("lessons_usage"))
		return exitUsage
	}
	switch args[0] {
	case "new":
		return runLessonsNew(args[1:], stdout, stderr) // lessons_new.go
	case "preview":
		return runLessonsPreview(args[1:], stdout, stderr) // lessons_preview.go
	case "check":
		return runLessonsCheck(args[1:], stdout, stderr)
	case "list":
		// In the language of --lang, else the environment's, like every
		// word it says.
		cat := cliCatalog(args[1:])
		fs := newFlags("lessons list", args, stderr)
		fs.String("lang", "", "") // read by cliCatalog
		asJSON := fs.Bool("json", false, "")
		extra := fs.String("lessons", "", "")
		if _, ok := parseCLI(fs, args[1:], cat, "aula lessons list", stdout, stderr, func() string { return cat.T("lessons_usage") }); !ok {
			return exitUsage
		}
		lib, _ := loadLessons(*extra)
		return listLessons(lib.Catalog(cat.Lang()), cat, *asJSON, stdout)
	}
	fmt.Fprintln(stderr, cliCatalog(args).T("cli_extra_args", "Cmd", "aula lessons", "Args", args[0]))
	fmt.Fprintln(stderr, cliCatalog(args).T("lessons_usage"))
	return exitUsage
}

// translationSummary says, for each language with lessons missing, how
// far its translation has got, and whether the app's own words are
// translated too (a message file in i18n/). Nothing when all is done.
func translationSummary(lib *lessons.Library, cat *i18n.Catalog, stdout io.Writer) {
	ref := lib.Catalog(lessons.DefaultLanguage)
	var lines []string
	for _, lang := range lib.Langs()[1:] {
		lc := lib.Catalog(lang)
		done := 0
		for id := range ref.Lessons {
			if _, ok := lc.Lesson(id); ok {
				done++
			}
		}
		var notes []string
		if done < len(ref.Lessons) {
			notes = append(notes, cat.T("lessons_check_translated", "Done", done, "Count", len(ref.Lessons), "Missing", len(ref.Lessons)-done))
		}
		if !validLang(lang) {
			notes = append(notes, cat.T("lessons_check_no_words", "Lang", lang))
		}
		line := ""
		if len(notes) > 0 {
			line = "  " + lang + ": " + strings.Join(notes, "; ")
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	if len(lines) > 0 {
		fmt.Fprintln(stdout, cat.T("lessons_check_translations"))
		fmt.Fprintln(stdout, strings.Join(lines, "\n"))
	}
}

type lessonInfo struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Topic string   `json:"topic"`
	Steps int      `json:"steps"`
	Kinds []string `json:"step_kinds"`
}

type itineraryInfo struct {
	ID      string       `json:"id"`
	Title   string       `json:"title"`
	Lessons []lessonInfo `json:"lessons"`
}

func listLessons(cat *lessons.Catalog, words *i18n.Catalog, asJSON bool, stdout io.Writer) int {
	info := func(l *lessons.Lesson) lessonInfo {
		return lessonInfo{ID: l.ID, Title: l.Title, Topic: l.Topic, Steps: len(l.Steps()), Kinds: l.StepKinds()}
	}
	var its []itineraryInfo
	inItinerary := map[string]bool{}
	for _, it := range cat.Itineraries {
		ii := itineraryInfo{ID: it.ID, Title: it.Title, Lessons: []lessonInfo{}}
		for _, id := range it.LessonIDs {
			if l, ok := cat.Lesson(id); ok {
				ii.Lessons = append(ii.Lessons, info(l))
				inItinerary[id] = true
			}
		}
		its = append(its, ii)
	}
	others := itineraryInfo{ID: "", Title: "", Lessons: []lessonInfo{}}
	for _, l := range cat.AllLessons() {
		if !inItinerary[l.ID] {
			others.Lessons = append(others.Lessons, info(l))
		}
	}
	if len(others.Lessons) > 0 {
		its = append(its, others)
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"lang": cat.Lang, "itineraries": its}); err != nil {
			return exitProblem
		}
		return exitOK
	}
	// One table, so every lesson's columns line up whatever the length of
	// its id; an itinerary's line has no tabs and keeps its own width.
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, it := range its {
		if it.ID != "" {
			fmt.Fprintf(tw, "%s  %s\n", it.ID, it.Title)
		} else {
			fmt.Fprintln(tw, words.T("lessons_list_other"))
		}
		for _, l := range it.Lessons {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", l.ID, l.Title, words.T("lessons_list_steps", "Count", l.Steps), strings.Join(l.Kinds, ","))
		}
	}
	if err := tw.Flush(); err != nil {
		return exitProblem
	}
	return exitOK
}

// runLessonsCheck is aula lessons check [DIR]: every problem and warning
// of the lessons (and of the trainer's folder DIR), file:line first, in
// the language of --lang or the environment.
func runLessonsCheck(args []string, stdout, stderr io.Writer) int {
	cat := cliCatalog(args)
	fs := newFlags("lessons check", args, stderr)
	sources := fs.Bool("sources", false, "")
	fs.String("lang", "", "") // read by cliCatalog
	rest, ok := parseCLI(fs, args, cat, "aula lessons check", stdout, stderr, func() string { return cat.T("lessons_usage") })
	if !ok {
		return usageExit(args)
	}
	dir := ""
	if len(rest) > 0 {
		dir = rest[0]
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			fmt.Fprintln(stderr, cat.T("lessons_check_no_folder", "Path", dir))
			return exitProblem
		}
	}
	lib, problems := checkLessons(dir, cat)
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
	}
	translationSummary(lib, cat, stdout)
	// Warnings only, the lessons still load: plain language, keys named
	// where accessible mode types commands, and facts (sources, review
	// dates, contradictions).
	for _, ws := range [][]lessons.Problem{lessons.PlainLanguage(lib), lessons.NamedKeys(lib), lessons.Review(lib, time.Now())} {
		for _, w := range ws {
			fmt.Fprintln(stdout, cat.T("lessons_check_warning", "File", w.File, "Line", w.Line, "Msg", w.Msg))
		}
	}
	if *sources {
		lessons.WriteSources(stdout, lib)
	}
	if len(problems) > 0 {
		fmt.Fprintln(stderr, cat.T("lessons_check_problems", "Count", len(problems)))
		return exitProblem
	}
	n := len(lib.Catalog(lessons.DefaultLanguage).Lessons)
	fmt.Fprintln(stdout, cat.T("lessons_check_ok", "Count", n, "Langs", strings.Join(lib.Langs(), ", ")))
	return exitOK
}
