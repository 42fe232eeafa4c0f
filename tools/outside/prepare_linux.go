package main

// Getting ready for the rounds: the binary, the data folders, the pages.

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"aula/lessons"
	"aula/store"
)

// prepare builds the binary and the data folders.
func (b *bench) prepare() error {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	for _, step := range []func() error{
		func() error { return b.build(root) },
		b.findTargets,
		b.seedLearner,
		func() error { return b.writeForm(root) },
		b.seedHub,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return b.writePages()
}

// build builds the binary a learner gets, unless one was given.
func (b *bench) build(root string) error {
	b.bin = b.cfg.bin
	if b.bin == "" {
		b.bin = filepath.Join(b.dir, "aula")
		// As deploy/build.sh builds the binary a learner gets.
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", b.bin, ".")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	return nil
}

// findTargets picks the built-in lessons with a choose, a password and an
// inbox step.
func (b *bench) findTargets() error {
	var err error
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		return fmt.Errorf("the built-in lessons have problems: %v", problems[0])
	}
	cat := lib.Catalog("es")
	find := func(kind string) (target, error) {
		for _, l := range cat.AllLessons() {
			for i, s := range l.Steps() {
				if s.Kind == kind {
					return target{l, i}, nil
				}
			}
		}
		return target{}, fmt.Errorf("no built-in lesson has a %s step", kind)
	}
	if b.choose, err = find("choose"); err != nil {
		return err
	}
	if b.password, err = find("password"); err != nil {
		return err
	}
	if b.mail, err = find("inbox"); err != nil {
		return err
	}
	return nil
}

// seedLearner makes a data file with one learner, and a copy where each
// target lesson resumes at its step.
func (b *bench) seedLearner() error {
	var err error
	b.seed = filepath.Join(b.dir, "seed")
	st, err := store.Open(b.seed, store.Options{})
	if err != nil {
		return err
	}
	if _, err := st.AddLearner("Lucía", ""); err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	if b.resumes, err = b.data(b.seed); err != nil {
		return err
	}
	st, err = store.Open(b.resumes, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	lucia, err := st.Learners()
	if err != nil {
		return err
	}
	// Each target lesson resumes at its step.
	for _, t := range []target{b.choose, b.password, b.mail} {
		for i := 0; i < t.step; i++ {
			if _, err := st.Record(store.Event{Learner: lucia[0].ID, Kind: store.StepDone, Lesson: t.lesson.ID,
				Step: t.lesson.Steps()[i].ID, StepIndex: i, Steps: len(t.lesson.Steps()), How: "read"}); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeForm writes the 20-field form page of the tui benchmarks as a
// trainer's lesson.
func (b *bench) writeForm(root string) error {
	var err error
	// The 20-field form page of the tui benchmarks, as a trainer's lesson.
	b.formDir = filepath.Join(b.dir, "form")
	yaml, err := os.ReadFile(filepath.Join(root, "lessons", "testdata", "form20.yaml"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(b.formDir, "es"), 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(b.formDir, "es", "form20.yaml"), yaml, 0o600); err != nil {
		return err
	}
	return nil
}

// seedHub makes a trainer's laptop that has heard from 30 learners.
func (b *bench) seedHub() error {
	// A trainer's laptop that has heard from 30 learners.
	b.hubSeed = filepath.Join(b.dir, "hub")
	hub, err := store.Open(b.hubSeed, store.Options{})
	if err != nil {
		return err
	}
	defer hub.Close()
	if err := hub.SetTrainerPIN("2468"); err != nil {
		return err
	}
	var learners []store.RemoteLearner
	var events []store.Event
	for i := 1; i <= 30; i++ {
		learners = append(learners, store.RemoteLearner{ID: uint64(i), Name: fmt.Sprintf("Alumno %02d", i)})
		l := b.choose.lesson
		events = append(events, store.Event{ID: fmt.Sprintf("0123456789abcdef:%d", i), Seq: uint64(i), Learner: uint64(i),
			Kind: store.StepDone, Lesson: l.ID, Step: l.Steps()[0].ID, StepIndex: 0, Steps: len(l.Steps()), How: "read", At: time.Now()})
	}
	if _, err := hub.Ingest("0123456789abcdef", learners, events); err != nil {
		return err
	}
	return nil
}

// writePages writes the choose lesson as a static page for Chromium, and
// the same text for less.
func (b *bench) writePages() error {
	// The choose lesson as a static page, for Chromium.
	var page strings.Builder
	l := b.choose.lesson
	fmt.Fprintf(&page, "<!doctype html><html lang=es><meta charset=utf-8><title>%s</title><body><h1>%s</h1>",
		html.EscapeString(l.Title), html.EscapeString(l.Title))
	for _, s := range l.Steps() {
		fmt.Fprintf(&page, "<section><h2>%s</h2><p>%s</p></section>", html.EscapeString(s.Title), html.EscapeString(s.Text))
	}
	b.page = filepath.Join(b.dir, "lesson.html")
	if err := os.WriteFile(b.page, []byte(page.String()), 0o600); err != nil {
		return err
	}
	// The same text for less.
	var text strings.Builder
	fmt.Fprintf(&text, "%s\n\n", l.Title)
	for _, s := range l.Steps() {
		fmt.Fprintf(&text, "%s\n%s\n\n", s.Title, s.Text)
	}
	return os.WriteFile(filepath.Join(b.dir, "lesson.txt"), []byte(text.String()), 0o600)
}
