package lessons

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"gopkg.in/yaml.v3"

	"aula/internal/lazy"
	"aula/lessons/internal/yamlbin"
	"aula/lessons/judge"
)

//go:embed content
var content embed.FS

// BuiltIn returns the lessons embedded in the binary, as a file system with
// one folder per language.
func BuiltIn() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}

// Source is a set of lesson files: one folder per language. Name prefixes
// file names in problems ("content/es/teclado.yaml").
type Source struct {
	Name string
	FS   fs.FS

	// compiled holds the source's files as parsed YAML, made at build
	// time (the built-in lessons: BuiltInLibrary); nil for the others.
	compiled *yamlbin.Set
}

// fileProblems is one file being read: the problems found in it, and how
// it is read.
type fileProblems struct {
	*judge.Problems
	// quick: the built-in lessons read for the kiosk (BuiltInLibrary).
	// What only the consistency checks of aula lessons check need (the web
	// domains a lesson mentions) is left out.
	quick bool
	// compiled has the file's YAML already parsed (Source.compiled).
	compiled *yamlbin.Set
	// trusted: the file was not read, its tree is in compiled (readSource).
	trusted bool
}

// readSource reads file name (a language folder and a file) of src. A
// built-in file that the compiled lessons hold at the same size is not
// read at all: its tree is taken as it is (trusted), since both were
// embedded in the same build and TestCompiledLessons checks they agree.
// Reading and summing every file cost more than the compiled form saved.
func readSource(src Source, name string) (data []byte, trusted bool, err error) {
	if src.compiled != nil {
		if fi, err := fs.Stat(src.FS, name); err == nil && src.compiled.Sized(path.Join(src.Name, name), fi.Size()) {
			return nil, true, nil
		}
	}
	data, err = fs.ReadFile(src.FS, name)
	return data, false, err
}

// newFileProblems starts the problems of file, read from src.
func newFileProblems(file string, compiled *yamlbin.Set, quick bool, say judge.Say) *fileProblems {
	return &fileProblems{Problems: &judge.Problems{File: file, Say: say}, quick: quick, compiled: compiled}
}

// yamlErrPattern finds the line in yaml.v3's errors; compiled when first
// used, as a file is read from its YAML, never at start.
var yamlErrPattern = lazy.Regexp{Expr: `line (\d+): (.*)`}

// Load reads lessons from the sources, in order (built-in first), and checks
// them. Lessons with problems are left out of the library, in every language,
// so the rest still works. The library is never nil. Its problems are said
// in English (LoadSaying says them in the trainer's language).
func Load(sources ...Source) (*Library, []Problem) { return LoadSaying(nil, sources...) }

// LoadSaying is Load with the problems said in say's language (the i18n
// catalogues: aula lessons check, lessons preview, the hub), and the
// library's later checks (Review, NamedKeys, PlainLanguage, …) too.
func LoadSaying(say judge.Say, sources ...Source) (*Library, []Problem) {
	var fss []fs.FS
	for _, src := range sources {
		fss = append(fss, src.FS)
	}
	lib := &Library{langs: languagesOf(fss...), catalogs: map[string]*Catalog{}, say: say}
	var all []Problem
	bad := map[string]bool{} // lesson ids with problems
	for _, lang := range lib.langs {
		lib.catalogs[lang] = &Catalog{Lang: lang, Lessons: map[string]*Lesson{}}
	}
	read := readAhead(sources, lib.langs, false, say)
	for _, src := range sources {
		for _, lang := range lib.langs {
			all = append(all, loadFolder(lib.catalogs[lang], src, lang, read, bad, say)...)
		}
	}
	all = append(all, crossCheck(lib, bad)...)
	all = append(all, glossaryCheck(lib)...)
	for _, cat := range lib.catalogs {
		sortGlossary(cat.glossary)
	}
	leaveOut(lib, bad)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].File != all[j].File {
			return all[i].File < all[j].File
		}
		return all[i].Line < all[j].Line
	})
	return lib, all
}

// loadFolder reads the files of one language folder of src into cat and
// returns their problems; bad hears of lessons read with problems.
func loadFolder(cat *Catalog, src Source, dir string, read ahead, bad map[string]bool, say judge.Say) []Problem {
	files, err := fs.ReadDir(src.FS, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return []Problem{{File: path.Join(src.Name, dir), Msg: say.Sprintf("cannot read the folder: %v", err)}}
		}
		return nil
	}
	var all []Problem
	for _, f := range files {
		name := f.Name()
		if f.IsDir() || (!strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml")) {
			continue
		}
		p := newFileProblems(path.Join(src.Name, dir, name), src.compiled, src.compiled != nil, say)
		data, trusted, err := readSource(src, path.Join(dir, name))
		p.trusted = trusted
		if err != nil {
			p.Add(nil, "cannot read the file: %v", err)
		} else {
			loadFile(cat, p, name, data, read, bad)
		}
		all = append(all, p.List...)
	}
	return all
}

// loadFile adds what file name holds (data) to cat, its problems to p.
func loadFile(cat *Catalog, p *fileProblems, name string, data []byte, read ahead, bad map[string]bool) {
	switch name {
	case "itineraries.yaml", "itineraries.yml":
		cat.Itineraries = append(cat.Itineraries, parseItineraries(p, data)...)
	case FactsFile:
		if f := parseFacts(p, data); f != nil {
			cat.facts = append(cat.facts, f)
		}
	case GlossaryFile:
		for _, t := range parseGlossary(p, data) {
			if prev := cat.term(t.ID); prev != nil {
				p.List = append(p.List, Problem{File: p.File, Line: t.line, Msg: p.Sprintf("glossary term %q is already in %s", t.ID, prev.file)})
				continue
			}
			cat.glossary = append(cat.glossary, t)
		}
	default:
		l := read.parseLesson(p, data)
		if l == nil {
			return
		}
		l.File = p.File
		if prev, dup := cat.Lessons[l.ID]; dup {
			// Leave this file out, but keep the lesson read first:
			// a trainer's copy must not take a built-in lesson away.
			p.List = append(p.List, Problem{File: p.File, Line: l.line, Msg: p.Sprintf("lesson id %q is already used by %s", l.ID, prev.File)})
			return
		}
		cat.Lessons[l.ID] = l
		if len(p.List) > 0 {
			bad[l.ID] = true
		}
	}
}

// leaveOut takes the lessons with problems out of every language, and out
// of the itineraries that list them.
func leaveOut(lib *Library, bad map[string]bool) {
	for id := range bad {
		for _, cat := range lib.catalogs {
			delete(cat.Lessons, id)
		}
	}
	for _, cat := range lib.catalogs {
		for _, it := range cat.Itineraries {
			kept := it.LessonIDs[:0]
			for _, id := range it.LessonIDs {
				if _, ok := cat.Lessons[id]; ok {
					kept = append(kept, id)
				}
			}
			it.LessonIDs = kept
		}
	}
}

func parseDoc(p *fileProblems, data []byte) *yaml.Node {
	compiled, ok := p.compiled.Doc(p.File, data)
	if p.trusted {
		compiled, ok = p.compiled.Trusted(p.File)
	}
	if p.trusted && !ok {
		// Not read, and not in the compiled lessons after all: only a
		// build made without go generate ./lessons gets here.
		p.Add(nil, "the compiled lessons do not hold this file: run go generate ./lessons")
		return nil
	}
	if doc := compiled; ok {
		// What yaml.Unmarshal gives below, made at build time.
		if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
			p.Add(doc, "the file should hold a lesson (id, title, steps…)")
			return nil
		}
		return doc.Content[0]
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		msg := err.Error()
		if m := yamlErrPattern.Get().FindStringSubmatch(msg); m != nil {
			if _, err := fmt.Sscan(m[1], &line); err != nil {
				line = 0
			}
			msg = m[2]
		}
		p.List = append(p.List, Problem{File: p.File, Line: line, Msg: p.Sprintf("this is not valid YAML: %s", msg)})
		return nil
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		p.Add(&doc, "the file should hold a lesson (id, title, steps…)")
		return nil
	}
	return doc.Content[0]
}

func parseItineraries(p *fileProblems, data []byte) []*Itinerary {
	root := parseDoc(p, data)
	if root == nil {
		return nil
	}
	var file struct {
		Itineraries []*Itinerary `yaml:"itineraries"`
	}
	p.UnknownKeys(root, &file)
	if err := root.Decode(&file); err != nil {
		p.Add(root, "cannot read the itineraries: %v", err)
		return nil
	}
	seq := judge.Child(root, "itineraries")
	for i, it := range file.Itineraries {
		if it == nil { // an empty "- " in the list: report it below, never panic on it
			it = &Itinerary{}
			file.Itineraries[i] = it
		}
		n := judge.Item(seq, i)
		p.UnknownKeys(n, it)
		it.file, it.line = p.File, judge.Or(n, root).Line
		ids := judge.Child(n, "lessons")
		for j := range it.LessonIDs {
			it.lessonLines = append(it.lessonLines, judge.Or(judge.Item(ids, j), judge.Or(ids, judge.Or(n, root))).Line)
		}
		if !judge.IDPattern.Get().MatchString(it.ID) {
			p.Add(judge.Or(judge.Child(n, "id"), n), "itinerary id %q should be lowercase letters, digits and dashes", it.ID)
		}
		if it.Title == "" {
			p.Add(n, "itinerary %q has no title", it.ID)
		}
		if len(it.LessonIDs) == 0 {
			p.Add(n, "itinerary %q lists no lessons", it.ID)
		}
	}
	return file.Itineraries
}

// lessonDoc is parseDoc for a lesson file. A built-in lesson read for the
// kiosk from the compiled lessons (quick and trusted) leaves its steps
// unread: unread is how many there are (stepsLater reads them); -1 when
// root holds them.
func lessonDoc(p *fileProblems, data []byte) (root *yaml.Node, unread int) {
	if p.quick && p.trusted {
		if doc, unread, ok := p.compiled.TrustedWithout(p.File, "steps"); ok && len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
			return doc.Content[0], unread
		}
	}
	return parseDoc(p, data), -1
}

func parseLesson(p *fileProblems, data []byte) *Lesson {
	root, unread := lessonDoc(p, data)
	if root == nil {
		return nil
	}
	var l Lesson
	p.UnknownKeys(root, struct {
		Lesson `yaml:",inline"`
		Steps  any `yaml:"steps"`
	}{})
	if err := root.Decode(&l); err != nil {
		p.Add(root, "cannot read the lesson: %v", err)
		return nil
	}
	l.line = judge.Or(judge.Child(root, "id"), root).Line
	checkProvenance(p, root, &l)
	if !p.quick {
		l.domains = domainsIn(root)
	}
	if !judge.IDPattern.Get().MatchString(l.ID) {
		p.Add(judge.Or(judge.Child(root, "id"), root), "lesson id %q should be lowercase letters, digits and dashes", l.ID)
	}
	if l.Title == "" {
		p.Add(root, "lesson %q has no title", l.ID)
	}
	steps := judge.Child(root, "steps")
	if unread < 0 && steps != nil {
		unread = len(steps.Content)
	}
	if steps == nil || steps.Kind != yaml.SequenceNode || unread == 0 {
		p.Add(judge.Or(steps, root), "lesson %q has no steps", l.ID)
		return &l
	}
	if p.quick {
		l.steps = stepsLater(p, steps)
		return &l
	}
	list := parseSteps(p, steps)
	l.steps = func() []*Step { return list }
	return &l
}

// stepsRead counts the lessons whose steps parseSteps read: the tests
// check that the kiosk reads none at start.
var stepsRead atomic.Int64

// parseSteps reads the steps of a lesson (steps, a sequence), reporting
// their problems to p.
func parseSteps(p *fileProblems, steps *yaml.Node) []*Step {
	stepsRead.Add(1)
	var list []*Step
	ids := map[string]bool{}
	for _, n := range steps.Content {
		s := parseStep(p, n)
		if s == nil {
			continue
		}
		if ids[s.ID] {
			p.Add(judge.Child(n, "id"), "step id %q is used twice in this lesson", s.ID)
		}
		ids[s.ID] = true
		list = append(list, s)
	}
	return list
}

// stepFields are the keys every step may have, whatever its kind.
type stepFields struct {
	ID      string     `yaml:"id"`
	Kind    string     `yaml:"kind"`
	Title   string     `yaml:"title"`
	Text    string     `yaml:"text"`
	Hint    string     `yaml:"hint"`
	Example string     `yaml:"example"`
	Success string     `yaml:"success"`
	Access  StepAccess `yaml:"access"`
}

func parseStep(p *fileProblems, n *yaml.Node) *Step {
	var f stepFields
	if err := n.Decode(&f); err != nil {
		p.Add(n, "cannot read this step: %v", err)
		return nil
	}
	s := &Step{ID: f.ID, Kind: f.Kind, Title: f.Title, Text: strings.TrimSpace(f.Text),
		Hint: strings.TrimSpace(f.Hint), Example: strings.TrimSpace(f.Example), Success: strings.TrimSpace(f.Success), line: n.Line,
		Access: StepAccess{Text: strings.TrimSpace(f.Access.Text), Hint: strings.TrimSpace(f.Access.Hint), Example: strings.TrimSpace(f.Access.Example)},
		said:   feedbackTexts(n)}
	s.Access.Feedback = f.Access.Feedback
	for id, text := range f.Access.Feedback {
		s.Access.Feedback[id] = strings.TrimSpace(text)
	}
	checkAccessFeedback(p, n, s)
	if !judge.IDPattern.Get().MatchString(s.ID) {
		p.Add(judge.Or(judge.Child(n, "id"), n), "step id %q should be lowercase letters, digits and dashes", s.ID)
	}
	ex, ok := newExercise(s.Kind)
	if !ok {
		p.Add(judge.Or(judge.Child(n, "kind"), n), "step %q: kind %q is not one of %s", s.ID, s.Kind, strings.Join(Kinds(), ", "))
		return nil
	}
	if err := n.Decode(ex); err != nil {
		p.Add(n, "step %q: %v", s.ID, err)
		return nil
	}
	s.Exercise = ex
	// A step may carry the common fields and those of its kind, nothing else.
	common, own := judge.TypeKeys(reflect.TypeOf(f)), judge.TypeKeys(reflect.TypeOf(ex))
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !common[k.Value] && !own[k.Value] {
			p.Add(k, "step %q: unknown field %q for a %s step", s.ID, k.Value, s.Kind)
		}
	}
	if s.Title == "" {
		p.Add(n, "step %q has no title", s.ID)
	}
	if s.Text == "" {
		p.Add(n, "step %q has no text", s.ID)
	}
	if s.Hint == "" {
		p.Add(n, "step %q has no hint: every step needs one", s.ID)
	}
	if s.Example == "" && s.NeedsAnswer() {
		p.Add(n, "step %q has no example: learners see it after 3 misses", s.ID)
	}
	ex.Check(p.Problems, s.ID, n)
	return s
}

// crossCheck compares every language with the default one, the reference:
// the same itineraries, lessons, steps and answers. A missing translation
// is reported and the lesson stays in the languages that have it; a
// translation that does not match the reference (other steps, other right
// answers) is reported and left out of its language only. So an unfinished
// translation never takes a lesson away from the other languages.
func crossCheck(lib *Library, bad map[string]bool) []Problem {
	var out []Problem
	ref := lib.catalogs[DefaultLanguage]
	for _, lang := range lib.langs[1:] {
		cat := lib.catalogs[lang]
		for id, l := range ref.Lessons {
			other, ok := cat.Lessons[id]
			switch {
			case !ok:
				out = append(out, Problem{File: l.File, Line: l.line, Msg: lib.say.Sprintf("lesson %q has no %q translation", id, lang)})
			case len(l.Steps()) != len(other.Steps()):
				out = append(out, Problem{File: other.File, Line: other.line, Msg: lib.say.Sprintf("lesson %q has %d steps here and %d in %s", id, len(other.Steps()), len(l.Steps()), l.File)})
				delete(cat.Lessons, id)
			default:
				for i, s := range l.Steps() {
					o := other.Steps()[i]
					if s.ID != o.ID || s.Kind != o.Kind || strings.Join(s.Exercise.Shape(), "|") != strings.Join(o.Exercise.Shape(), "|") {
						out = append(out, Problem{File: other.File, Line: o.line, Msg: lib.say.Sprintf("step %d (%q) does not match step %q of %s: ids, kinds, options and right answers must be the same%s", i+1, o.ID, s.ID, l.File, shapeDiff(s, o, DefaultLanguage, lib.say))})
						delete(cat.Lessons, id)
					}
				}
			}
		}
		for id, l := range cat.Lessons {
			if _, ok := ref.Lessons[id]; !ok && !bad[id] {
				out = append(out, Problem{File: l.File, Line: l.line, Msg: lib.say.Sprintf("lesson %q has no %q version", id, DefaultLanguage)})
			}
		}
		out = append(out, compareItineraries(ref, cat, lib.say)...)
	}
	for _, cat := range lib.catalogs {
		for _, it := range cat.Itineraries {
			for j, id := range it.LessonIDs {
				if _, ok := cat.Lessons[id]; !ok && !bad[id] && !dropped(lib, id) {
					out = append(out, Problem{File: it.file, Line: it.lessonLines[j], Msg: lib.say.Sprintf("itinerary %q lists lesson %q, which does not exist", it.ID, id)})
				}
			}
		}
	}
	return out
}

// dropped reports whether lesson id exists in some language: then an
// itinerary that lists it where it is missing has been reported already.
func dropped(lib *Library, id string) bool {
	for _, cat := range lib.catalogs {
		if _, ok := cat.Lessons[id]; ok {
			return true
		}
	}
	return false
}

// compareItineraries reports itineraries of the reference missing in cat,
// those of cat the reference lacks, and those listing other lessons.
func compareItineraries(ref, cat *Catalog, say judge.Say) []Problem {
	var out []Problem
	find := func(c *Catalog, id string) *Itinerary {
		for _, it := range c.Itineraries {
			if it.ID == id {
				return it
			}
		}
		return nil
	}
	for _, it := range ref.Itineraries {
		o := find(cat, it.ID)
		switch {
		case o == nil:
			out = append(out, Problem{File: it.file, Line: it.line, Msg: say.Sprintf("itinerary %q has no %q version: same ids and lessons in every language", it.ID, cat.Lang)})
		case itineraryShape(o) != itineraryShape(it):
			out = append(out, Problem{File: o.file, Line: o.line, Msg: say.Sprintf("itinerary %q lists other lessons than in %s: the itineraries differ from the %q ones", it.ID, it.file, ref.Lang)})
		}
	}
	for _, it := range cat.Itineraries {
		if find(ref, it.ID) == nil {
			out = append(out, Problem{File: it.file, Line: it.line, Msg: say.Sprintf("itinerary %q has no %q version: the itineraries differ from the %q ones", it.ID, ref.Lang, ref.Lang)})
		}
	}
	return out
}

// shapeDiff says what differs between a step and its translation, for a
// translator: the options, items or words one has and the other lacks.
func shapeDiff(ref, other *Step, refLang string, say judge.Say) string {
	if ref.ID != other.ID || ref.Kind != other.Kind {
		return say.Sprintf(" (%s step %q here, %s step %q in %s)", other.Kind, other.ID, ref.Kind, ref.ID, refLang)
	}
	a, b := ref.Exercise.Shape(), other.Exercise.Shape()
	var only, missing []string
	for _, x := range b {
		if !slices.Contains(a, x) {
			only = append(only, x)
		}
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			missing = append(missing, x)
		}
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, say.Sprintf("in %s but not here: %s", refLang, strings.Join(missing, ", ")))
	}
	if len(only) > 0 {
		parts = append(parts, say.Sprintf("here but not in %s: %s", refLang, strings.Join(only, ", ")))
	}
	if len(parts) == 0 {
		return say.Sprintf(" (the same, in another order)")
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

func itineraryShape(it *Itinerary) string {
	return it.ID + ":" + strings.Join(it.LessonIDs, ",")
}
