package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aula/lessons"
)

// Every kind makes a lesson that aula lessons check takes as it is, in
// every language, with a comment on top and the new id.
func TestLessonsNewEveryKindPassesCheck(t *testing.T) {
	for _, kind := range lessons.Kinds() {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			code, out, errOut := runAula(t, "lessons", "new", "mi-leccion", "--kind", kind, "--lessons", dir, "--lang", "en")
			wantCode(t, code, exitOK, out, errOut)
			for _, lang := range lessons.Languages() {
				p := filepath.Join(dir, lang, "mi-leccion.yaml")
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(string(data), "# ") || !strings.Contains(string(data), "\nid: mi-leccion\n") {
					t.Errorf("%s should start with a comment and hold id: mi-leccion:\n%.300s", p, data)
				}
				if !strings.Contains(out, "Written: "+p) {
					t.Errorf("output should name %s:\n%s", p, out)
				}
			}
			lib, problems := loadLessons(dir)
			for _, p := range problems {
				t.Errorf("problem in the new lesson: %s", p)
			}
			l, ok := lib.Catalog("es").Lesson("mi-leccion")
			if !ok || len(l.Steps()) != 1 || l.Steps()[0].Kind != kind {
				t.Fatalf("the new lesson should have one %s step: %+v", kind, l)
			}
			if its := lib.Catalog("en").Itineraries; its[len(its)-1].ID != lessons.StarterItinerary {
				t.Errorf("the folder's itinerary should come after the built-in ones: %s", its[len(its)-1].ID)
			}
		})
	}
}

// --from copies a built-in lesson whole, with the new id, and the result
// is checked like any lesson: the IMV form becomes the housing-aid form.
func TestLessonsNewFromBuiltIn(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runAula(t, "lessons", "new", "ayuda-alquiler", "--from", "ingreso-minimo-vital", "--lessons", dir, "--lang", "es")
	wantCode(t, code, exitOK, out, errOut)
	for _, want := range []string{"Escrito: " + filepath.Join(dir, "es", "ayuda-alquiler.yaml"), "aula lessons preview " + dir + " --lesson ayuda-alquiler"} {
		if !strings.Contains(out, want) {
			t.Errorf("output should say %q:\n%s", want, out)
		}
	}
	code, out, errOut = runAula(t, "lessons", "check", dir, "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	lib, _ := loadLessons(dir)
	imv, _ := lib.Catalog("en").Lesson("ingreso-minimo-vital")
	mine, ok := lib.Catalog("en").Lesson("ayuda-alquiler")
	if !ok || len(mine.Steps()) != len(imv.Steps()) || mine.Steps()[0].ID != imv.Steps()[0].ID {
		t.Fatalf("the copy should have the IMV lesson's steps")
	}
	data, _ := os.ReadFile(filepath.Join(dir, "en", "ayuda-alquiler.yaml"))
	if !strings.HasPrefix(string(data), "# Lesson “ayuda-alquiler”: a copy of the lesson “ingreso-minimo-vital”") {
		t.Errorf("the English file's comment should be in English:\n%.200s", data)
	}
	// Once written, the id is taken: in the folder, as a built-in one is.
	code, out, errOut = runAula(t, "lessons", "new", "ayuda-alquiler", "--kind", "read", "--lessons", dir, "--lang", "en")
	wantCode(t, code, exitProblem, out, errOut)
	if !strings.Contains(errOut, "there is already a lesson with the id “ayuda-alquiler”") {
		t.Errorf("stderr: %q", errOut)
	}
	// A second lesson goes beside the first; the itineraries file is the
	// trainer's now, and the output says to add the lesson to it.
	code, out, errOut = runAula(t, "lessons", "new", "beca-comedor", "--kind", "form", "--lessons", dir, "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	if !strings.Contains(out, "add beca-comedor to the lessons list") {
		t.Errorf("output should say to list the lesson in an itinerary:\n%s", out)
	}
}

// What is refused, and why, in the trainer's language; nothing written.
func TestLessonsNewRefuses(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"Ayuda", "--kind", "form", "--lang", "es"}, exitUsage, "la id «Ayuda» no vale"},
		{[]string{"ayuda--alquiler", "--kind", "form", "--lang", "en"}, exitUsage, "“ayuda--alquiler” cannot be an id"},
		{[]string{"../fuera", "--kind", "form", "--lang", "en"}, exitUsage, "“../fuera” cannot be an id"},
		{[]string{strings.Repeat("a", 31), "--kind", "form", "--lang", "en"}, exitUsage, "is too long. Use 30 characters or fewer"},
		{[]string{"usar-aula", "--kind", "read", "--lang", "es"}, exitProblem, "ya hay una lección con la id «usar-aula»"},
		{[]string{"nueva", "--kind", "bailar", "--lang", "en"}, exitProblem, "there is no step kind “bailar”. The kinds are: read, choose"},
		{[]string{"nueva", "--from", "no-existe", "--lang", "en"}, exitProblem, "there is no lesson “no-existe” to copy"},
		{[]string{"nueva", "--lang", "en"}, exitUsage, "Usage: aula lessons new ID --kind KIND"},
		{[]string{"nueva", "--kind", "read", "--from", "teclado", "--lang", "en"}, exitUsage, "Usage: aula lessons new ID --kind KIND"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runAula(t, append([]string{"lessons", "new", "--lessons", dir}, tt.args...)...)
			wantCode(t, code, tt.code, out, errOut)
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr should say %q:\n%s", tt.want, errOut)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("nothing should be written after a refusal: %v", entries)
	}
}

// A file in the way is never written over.
func TestLessonsNewKeepsAFileInTheWay(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "en", "nueva.yaml"), "# mine\n")
	code, out, errOut := runAula(t, "lessons", "new", "nueva", "--kind", "read", "--lessons", dir, "--lang", "en")
	wantCode(t, code, exitProblem, out, errOut)
	if !strings.Contains(errOut, filepath.Join(dir, "en", "nueva.yaml")+" already exists") {
		t.Errorf("stderr: %q", errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "en", "nueva.yaml")); string(data) != "# mine\n" {
		t.Errorf("the trainer's file was changed: %q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "es", "nueva.yaml")); err == nil {
		t.Error("no language should be written when one is in the way")
	}
}
