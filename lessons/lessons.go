// Package lessons is the curriculum as data and the rules that judge answers.
//
// A Library holds, per language, the itineraries (learning paths), the lessons
// and their steps, read from YAML files in an fs.FS. Judging is pure: a step's
// Exercise turns an Answer into a Verdict. This package reads files and writes
// nothing; it imports neither the store nor the user interface.
package lessons

import (
	"aula/internal/lazy"
	"aula/lessons/judge"
	"errors"
	"io/fs"
	"slices"
	"sort"
)

// DefaultLanguage is the language used when none is asked for, and the
// reference every translation is compared with.
const DefaultLanguage = "es"

// Languages lists the languages Aula ships content in (the folders of the
// built-in lessons), the default first. The slice is shared: do not modify
// it.
func Languages() []string { return languages.Get() }

// languages is read from the embedded folders on first use, not at start.
var languages = lazy.Value[[]string]{New: func() []string { return languagesOf(BuiltIn()) }}

// langPattern is what a language folder is called: an ISO 639 code, such
// as es, en, pt, ca or ast.
var langPattern = lazy.Regexp{Expr: `^[a-z]{2,3}$`}

// languagesOf lists the language folders of the sources, the default
// first, then the others in alphabetical order. A folder counts when its
// name is a language code.
func languagesOf(sources ...fs.FS) []string {
	langs := []string{DefaultLanguage}
	for _, fsys := range sources {
		entries, err := fs.ReadDir(fsys, ".")
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		for _, e := range entries {
			if e.IsDir() && langPattern.Get().MatchString(e.Name()) && !slices.Contains(langs, e.Name()) {
				langs = append(langs, e.Name())
			}
		}
	}
	slices.Sort(langs[1:])
	return langs
}

// Itinerary is a learning path: lessons in order.
type Itinerary struct {
	ID          string   `yaml:"id"`
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	LessonIDs   []string `yaml:"lessons"`

	file        string // where it was read from, for messages
	line        int    // line of the itinerary in file
	lessonLines []int  // line of each lesson id in file
}

// Lesson is one tutorial: a sequence of steps.
type Lesson struct {
	ID      string   `yaml:"id"`
	Title   string   `yaml:"title"`
	Topic   string   `yaml:"topic"`
	Summary string   `yaml:"summary"`
	Learned []string `yaml:"learned"`

	// Facts go stale: what the lesson's facts were checked against, and
	// when (see facts.go and docs/lessons.md).
	Sources     []Reference       `yaml:"sources"`      // official pages the facts come from
	Reviewed    string            `yaml:"reviewed"`     // the day they were last checked: 2026-12-05
	Facts       map[string]string `yaml:"facts"`        // numbers the lesson teaches: passphrase-min-words: 4
	FakeDomains []string          `yaml:"fake_domains"` // web domains the lesson shows as scams

	File    string      `yaml:"-"` // where it was read from, for messages
	line    int         // line of its id in File
	domains []domainUse // web domains the lesson mentions, for the consistency check

	steps func() []*Step // the steps, read the first time they are asked for (Steps)
}

// Steps returns the lesson's steps, in order. The kiosk's built-in lessons
// (BuiltInLibrary) read their steps the first time this is called, from
// any goroutine: the first screen needs only the titles, and reading every
// step of every lesson was most of the time Aula took to start. Load reads
// and checks every step at once (a trainer's folder is checked whole).
// The slice is shared: callers must not change it.
func (l *Lesson) Steps() []*Step {
	if l.steps == nil {
		return nil
	}
	return l.steps()
}

// Step is one screen of a lesson.
type Step struct {
	ID       string     `yaml:"id"`
	Kind     string     `yaml:"kind"`
	Title    string     `yaml:"title"`
	Text     string     `yaml:"text"`
	Hint     string     `yaml:"hint"`
	Example  string     `yaml:"example"`
	Success  string     `yaml:"success"`
	Access   StepAccess // the wording for accessible mode, where keys are typed commands
	Exercise Exercise

	line int
	said []saidText // the texts said about an answer (LineFeedback)
}

// StepKinds lists the kinds of a lesson's steps, without repeats, in order of
// first appearance.
func (l *Lesson) StepKinds() []string {
	var kinds []string
	seen := map[string]bool{}
	for _, s := range l.Steps() {
		if !seen[s.Kind] {
			seen[s.Kind] = true
			kinds = append(kinds, s.Kind)
		}
	}
	return kinds
}

// StepIndex returns the index of the step with the given id, or -1.
func (l *Lesson) StepIndex(id string) int {
	for i, s := range l.Steps() {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// Catalog is the content of one language.
type Catalog struct {
	Lang        string
	Itineraries []*Itinerary
	Lessons     map[string]*Lesson

	glossary []*Term      // the words explained by F7, sorted
	facts    []*factsFile // facts.yaml of each source, in order
}

// term returns the glossary term with id, or nil.
func (c *Catalog) term(id string) *Term {
	for _, t := range c.glossary {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Lesson returns a lesson by id.
func (c *Catalog) Lesson(id string) (*Lesson, bool) {
	l, ok := c.Lessons[id]
	return l, ok
}

// AllLessons returns every lesson: first those of the itineraries in their
// order, then any others sorted by title.
func (c *Catalog) AllLessons() []*Lesson {
	var out []*Lesson
	seen := map[string]bool{}
	for _, it := range c.Itineraries {
		for _, id := range it.LessonIDs {
			if l, ok := c.Lessons[id]; ok && !seen[id] {
				seen[id] = true
				out = append(out, l)
			}
		}
	}
	var rest []*Lesson
	for id, l := range c.Lessons {
		if !seen[id] {
			rest = append(rest, l)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].Title < rest[j].Title })
	return append(out, rest...)
}

// Library is the content of every language.
type Library struct {
	langs    []string // the default first
	catalogs map[string]*Catalog
	lazy     *lazyLangs // the built-in lessons read one language at a time (BuiltInLibrary); nil after Load
	say      judge.Say  // the language of its problems, from LoadSaying (Review, NamedKeys, … say them in it too)
}

// Catalog returns the content in lang, falling back to the default language.
func (lib *Library) Catalog(lang string) *Catalog {
	if lib.lazy != nil {
		return lib.lazy.catalog(lib, lang)
	}
	if c, ok := lib.catalogs[lang]; ok {
		return c
	}
	return lib.catalogs[DefaultLanguage]
}

// Langs returns the languages the library has content in: a folder of
// lessons in one of its sources. The default language comes first.
func (lib *Library) Langs() []string { return slices.Clone(lib.langs) }
