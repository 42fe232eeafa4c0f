package lessons

import (
	_ "embed" // the compiled lessons
	"slices"
	"sync"

	"gopkg.in/yaml.v3"

	"aula/lessons/internal/yamlbin"
	"aula/lessons/judge"
)

// A kiosk shows one language at a time, and its built-in lessons are
// checked by the tests (TestBuiltInLessons) and by aula lessons check:
// reading and cross-checking every language at each start, as Load does,
// would be most of the time Aula takes to start. BuiltInLibrary reads a
// language when it is first asked for, and only that language, and from
// the YAML already parsed at build time (content.yamlbin): only the
// lesson files' node trees are kept there, so the same code (parseLesson
// and the checks of each kind) makes the lessons from them, and a file
// that changed since is read from its YAML.

//go:generate go test -run TestCompiledLessons -update .

// compiledContent is the YAML of content/, parsed (yamlbin): made by go
// generate and checked by TestCompiledLessons.
//
//go:embed content.yamlbin
var compiledContent string

// lazyLangs reads the built-in catalogs one language at a time.
type lazyLangs struct {
	src Source
	mu  sync.Mutex
}

// BuiltInLibrary returns the built-in lessons, each language read the
// first time its Catalog is asked for (every language has the same
// lessons: TestBuiltInLessons and TestBuiltInLibraryIsLoad). Lessons of a
// trainer's folder need Load, which checks every language against the
// default one.
func BuiltInLibrary() *Library {
	set, _ := yamlbin.OpenString(compiledContent) // nil if damaged: then the YAML is read
	return &Library{langs: slices.Clone(Languages()), catalogs: map[string]*Catalog{},
		lazy: &lazyLangs{src: Source{Name: "content", FS: BuiltIn(), compiled: set}}}
}

// catalog returns lib's catalog of lang (or of the default language),
// reading it the first time.
func (z *lazyLangs) catalog(lib *Library, lang string) *Catalog {
	if !slices.Contains(lib.langs, lang) {
		lang = DefaultLanguage
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if c, ok := lib.catalogs[lang]; ok {
		return c
	}
	c := &Catalog{Lang: lang, Lessons: map[string]*Lesson{}}
	read := readAhead([]Source{z.src}, []string{lang}, true, nil)
	loadFolder(c, z.src, lang, read, map[string]bool{}, nil)
	sortGlossary(c.glossary)
	lib.catalogs[lang] = c
	return c
}

// stepsLater returns what reads the steps of a built-in lesson (steps, in
// file p) the first time they are asked for, once, from any goroutine.
// Their problems are not reported here: the built-in lessons are checked
// whole by the tests and by aula lessons check (Load), as the rest of the
// kiosk's reading is (catalog). A tree taken from the compiled lessons is
// not kept meanwhile: it is read again from them, in microseconds, so the
// kiosk holds no tree of a lesson nobody opens.
func stepsLater(p *fileProblems, steps *yaml.Node) func() []*Step {
	file, compiled, say := p.File, p.compiled, p.Say
	if p.trusted {
		steps = nil
	}
	return sync.OnceValue(func() []*Step {
		n := steps
		if n == nil {
			doc, ok := compiled.Trusted(file)
			if !ok || len(doc.Content) == 0 {
				return nil
			}
			n = judge.Child(doc.Content[0], "steps")
		}
		if n == nil {
			return nil
		}
		return parseSteps(newFileProblems(file, compiled, true, say), n)
	})
}
