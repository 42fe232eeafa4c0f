package lessons

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"aula/internal/lazy"
	"aula/lessons/judge"
)

// A trainer's new lesson (aula lessons new): a starting file in each
// language, made from a built-in lesson (or one of the trainer's) so that
// it loads without problems from the first save. The words of its comments
// come from the caller (the app's catalogues), in the file's language.

// StarterWords are what a new lesson file says in one language.
type StarterWords struct {
	Header  string // the comment at the top of the file, one or more lines
	Title   string // placeholders for the lesson's own fields
	Topic   string
	Summary string
	Learned string
	// The itinerary made for the trainer's lessons when their folder has
	// none yet.
	ItineraryTitle, ItineraryDescription, ItineraryHeader string
}

// StarterRequest is a new lesson: its id, and either the kind of its one
// step or the lesson it copies.
type StarterRequest struct {
	ID    string
	Kind  string // a step kind (Kinds); ignored when From is set
	From  string // copy this lesson, every step of it
	Today string // the review date written in the file: 2026-12-06
}

// Why a new lesson cannot be made.
var (
	ErrIDTaken     = errors.New("the lesson id is already used")
	ErrIDShape     = errors.New("the lesson id is not well formed")
	ErrUnknownKind = errors.New("no such step kind")
	ErrNoSuchFrom  = errors.New("no lesson to copy has that id")
)

// StarterItinerary is the id of the itinerary a trainer's folder gets
// with its first lesson: the same in every language.
const StarterItinerary = "mis-lecciones"

// NewLessonFiles makes the files of a new lesson, one per language of the
// built-in lessons (language → file text), from the lessons of sources
// (built-in first, then the trainer's folder). words holds each
// language's comments and placeholders.
func NewLessonFiles(req StarterRequest, words map[string]StarterWords, sources ...Source) (map[string][]byte, error) {
	if judge.IDShape(req.ID) != judge.IDFine {
		return nil, ErrIDShape
	}
	lib, _ := Load(sources...)
	for _, lang := range lib.Langs() {
		if _, ok := lib.Catalog(lang).Lesson(req.ID); ok {
			return nil, ErrIDTaken
		}
	}
	if req.From == "" && !knownKind(req.Kind) {
		return nil, ErrUnknownKind
	}
	out := map[string][]byte{}
	for _, lang := range Languages() {
		var (
			data []byte
			err  error
		)
		if req.From != "" {
			data, err = copyLesson(lib.Catalog(lang), req, words[lang], sources)
		} else {
			data, err = oneStepLesson(lib.Catalog(lang), req, words[lang], sources)
		}
		if err != nil {
			return nil, err
		}
		out[lang] = data
	}
	return out, nil
}

// NewItineraryFile is the itineraries.yaml of a trainer's folder that has
// none: one itinerary, StarterItinerary, with lesson id in it.
func NewItineraryFile(id string, w StarterWords) []byte {
	var b bytes.Buffer
	b.WriteString(comment(w.ItineraryHeader))
	fmt.Fprintf(&b, "itineraries:\n  - id: %s\n    title: %s\n    description: %s\n    lessons: [%s]\n",
		StarterItinerary, quote(w.ItineraryTitle), quote(w.ItineraryDescription), id)
	return b.Bytes()
}

func knownKind(k string) bool {
	_, ok := newExercise(k)
	return ok
}

// comment turns text into YAML comment lines.
func comment(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
	return b.String()
}

// quote writes s as a YAML scalar, quoted when it has to be.
func quote(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return `""`
	}
	return strings.TrimSpace(string(out))
}

// idLine finds the id line of a lesson file.
var idLine = lazy.Regexp{Expr: `(?m)^id:[ \t]*\S+[ \t]*$`}

// copyLesson is lesson req.From's file with the new id and the header.
func copyLesson(cat *Catalog, req StarterRequest, w StarterWords, sources []Source) ([]byte, error) {
	l, ok := cat.Lesson(req.From)
	if !ok {
		return nil, ErrNoSuchFrom
	}
	data, err := lessonFile(l.File, sources)
	if err != nil {
		return nil, err
	}
	loc := idLine.Get().FindIndex(data)
	if loc == nil {
		return nil, ErrNoSuchFrom
	}
	var b bytes.Buffer
	b.WriteString(comment(w.Header))
	b.Write(data[:loc[0]])
	b.WriteString("id: " + req.ID)
	b.Write(data[loc[1]:])
	return b.Bytes(), nil
}

// oneStepLesson is a lesson with one step of kind req.Kind: a copy of the
// first such step of the lessons in cat (the same one in every language),
// with the sources, facts and practice domains of its lesson.
func oneStepLesson(cat *Catalog, req StarterRequest, w StarterWords, sources []Source) ([]byte, error) {
	var from *Lesson
	var step *Step
	for _, l := range cat.AllLessons() {
		for _, s := range l.Steps() {
			if s.Kind == req.Kind && step == nil {
				from, step = l, s
			}
		}
	}
	if step == nil {
		return nil, ErrUnknownKind
	}
	data, err := lessonFile(from.File, sources)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: %w", from.File, ErrNoSuchFrom)
	}
	src := doc.Content[0]
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		if v != nil {
			root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
		}
	}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
	add("id", str(req.ID))
	add("title", str(w.Title))
	add("topic", str(w.Topic))
	add("summary", str(w.Summary))
	add("learned", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{str(w.Learned)}})
	add("sources", judge.Child(src, "sources"))
	add("reviewed", str(req.Today))
	add("facts", judge.Child(src, "facts"))
	add("fake_domains", judge.Child(src, "fake_domains"))
	steps := judge.Child(src, "steps")
	for _, n := range steps.Content {
		if judge.Child(n, "id") != nil && judge.Child(n, "id").Value == step.ID {
			add("steps", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}})
		}
	}
	var b bytes.Buffer
	b.WriteString(comment(w.Header))
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// lessonFile reads a lesson's file (its File, as problems name it) from
// the source it came from.
func lessonFile(file string, sources []Source) ([]byte, error) {
	for i := len(sources) - 1; i >= 0; i-- {
		src := sources[i]
		if rest, ok := strings.CutPrefix(file, path.Clean(src.Name)+"/"); ok {
			return fs.ReadFile(src.FS, path.Clean(rest))
		}
	}
	return nil, fmt.Errorf("%s: %w", file, fs.ErrNotExist)
}
