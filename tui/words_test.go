package tui

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"aula/lessons"
	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/ui"
)

// Issue 19, item 15: the words a person tripped over.

// "Start here" is for a learner who has done nothing yet; after a lesson
// the row is the next lesson.
func TestStartHereOnlyBeforeTheFirstLessonIsDone(t *testing.T) {
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	ana, err := st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "es", "")
	d.must("Empieza por aquí")
	for _, k := range []store.EventKind{store.LessonStarted, store.LessonDone} {
		if _, err := st.Record(store.Event{Learner: ana.ID, Kind: k, Lesson: "usar-aula", Steps: 8}); err != nil {
			t.Fatal(err)
		}
	}
	d = newDriverOn(t, st, "es", "")
	d.must("Tu siguiente lección")
	d.mustNot("Empieza por aquí")
	d = newDriverOn(t, st, "en", "")
	d.must("Your next lesson")
	d.mustNot("Start here")
}

// praiseOpeners are how a lesson's words would praise a right answer that
// the app already praised ("✔ Well done!").
var praiseOpeners = regexp.MustCompile(`^(?i:(Eso es|¡?Muy bien|¡?Bien visto|¡?Bien hecho|¡?Bien|¡?Perfecto|Sí|Correcto|Exacto|That's right|Yes|Well done|Well spotted|Nicely done|Good|Perfect|Correct|Exactly|Right|Great|Spot on)[.!])`)

// One praise per right answer: the app says "✔ ¡Bien!", so the lessons'
// own words for a right answer do not start with praise again ("✔ ¡Bien!
// ¡Perfecto!").
func TestRightAnswersArePraisedOnce(t *testing.T) {
	lib := tuitest.Library(t)
	for _, lang := range []string{"es", "en"} {
		for _, l := range lib.Catalog(lang).AllLessons() {
			for _, s := range l.Steps() {
				texts := []string{s.Success}
				if c, ok := s.Exercise.(*lessons.Choose); ok {
					for _, o := range c.Options {
						if o.Correct {
							texts = append(texts, o.Feedback)
						}
					}
				}
				for _, text := range texts {
					if praiseOpeners.MatchString(strings.TrimSpace(text)) {
						t.Errorf("%s/%s/%s praises again: %q", lang, l.ID, s.ID, text)
					}
				}
			}
		}
	}
}

// One word for the trainer: "la persona formadora" in Spanish, "the
// trainer" in English, on screen and in the lessons alike.
func TestOneWordForTheTrainer(t *testing.T) {
	other := map[string]*regexp.Regexp{
		"es": regexp.MustCompile(`(?i)formador o formadora|\b(?:tu|el|la|al|del) (?:formador|formadora|profesor|profesora|monitor|monitora)\b|de formador\b`),
		"en": regexp.MustCompile(`(?i)\b(?:teacher|tutor|instructor)s?\b`),
	}
	check := func(lang, name string, b []byte) {
		for _, line := range strings.Split(string(b), "\n") {
			if m := other[lang].FindString(line); m != "" {
				t.Errorf("%s says %q: %s", name, m, strings.TrimSpace(line))
			}
		}
	}
	for _, lang := range []string{"es", "en"} {
		b, err := os.ReadFile("../i18n/messages." + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		check(lang, "the "+lang+" catalogue", b)
		files, err := fs.Glob(lessons.BuiltIn(), "*/"+lang+"/*.yaml")
		if err != nil || len(files) == 0 {
			files, err = fs.Glob(lessons.BuiltIn(), lang+"/*.yaml")
		}
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s lessons found: %v", lang, err)
		}
		for _, f := range files {
			b, err := fs.ReadFile(lessons.BuiltIn(), f)
			if err != nil {
				t.Fatal(err)
			}
			check(lang, f, b)
		}
	}
}

// The join boxes' examples are marked as examples: an empty box never
// looks filled in.
func TestJoinBoxesShowExamplesAsExamples(t *testing.T) {
	for lang, want := range map[string][]string{"es": {"p. ej. 192.168.1.10", "p. ej. 482 913"}, "en": {"e.g. 192.168.1.10", "e.g. 482 913"}} {
		d, _ := newClassDriver(t, lang, Config{})
		d.signUp("Rosa")
		d.send(ui.OpenJoinMsg{})
		d.must(want...)
		d.mustNot("› 192.168.1.10", "› 482 913")
	}
}

// "Begona" when "Begoña" is on the list: the sign-in asks before adding a
// second learner, and "yes" signs in as Begoña.
func TestNearNameIsOffered(t *testing.T) {
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	for _, n := range []string{"Begoña", "Pepe"} {
		if _, err := st.AddLearner(n, ""); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriverOn(t, st, "es", "")
	d.must("¿Quién eres?")
	d.keys("down", "down", "enter") // add my name
	d.keys("Begona", "enter")
	d.must("¿Eres Begoña?", "Sí, soy Begoña", "No, añadir a «Begona» como persona nueva")
	d.keys("enter")
	d.must("Hola, Begoña")
	if ls, _ := st.Learners(); len(ls) != 2 {
		t.Fatalf("learners: %v", ls)
	}

	// "No" adds the new name all the same; a name far from any is not asked about.
	d = newDriverOn(t, st, "en", "")
	d.keys("down", "down", "enter")
	d.keys("begona", "enter")
	d.must("Are you Begoña?")
	d.keys("down", "enter")
	d.must("Hello, begona. Would you like a PIN?")
	d.keys("enter")
	d.must("Hello, begona")
}

// In accessible mode too: the near name is asked about, by number.
func TestLinesNearNameIsOffered(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	for _, n := range []string{"Begoña", "Pepe"} {
		if _, err := st.AddLearner(n, ""); err != nil {
			t.Fatal(err)
		}
	}
	out := linesAll(t, st, Config{Lang: "es"}, "3\nBegona\n1\nsalir\n1\n")
	for _, want := range []string{"¿Eres Begoña?", "1. Sí, soy Begoña\n2. No, añadir a «Begona» como persona nueva\n", "Hola, Begoña"} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
	if ls, _ := st.Learners(); len(ls) != 2 {
		t.Errorf("learners: %v", ls)
	}
}
