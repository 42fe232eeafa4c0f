package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aula/store"
)

// The trainer's preview, in the real binary: a lesson made with aula
// lessons new opens at once; a save (by rename, as vim and gedit do) shows
// on the same step; a broken save shows its file:line in place of the
// step until fixed. The kiosk's own data file is never touched, and the
// preview's temporary data is gone afterwards.
func TestE2ELessonsPreview(t *testing.T) {
	tm := newTmux(t)
	bin := aulaBinary(t)
	root := t.TempDir()
	xdgData, tmp, lessonsDir := filepath.Join(root, "xdg"), filepath.Join(root, "tmp"), filepath.Join(root, "mis")
	for _, d := range []string{xdgData, tmp} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	// This laptop's kiosk data, with a learner in it: what must not change.
	data := filepath.Join(xdgData, "aula")
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Ana", ""); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before, err := os.ReadFile(filepath.Join(data, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	tm.env = append(tm.env, "XDG_DATA_HOME="+xdgData, "TMPDIR="+tmp)

	code, out, errOut := runAula(t, "lessons", "new", "ayuda-alquiler", "--from", "primer-formulario", "--lessons", lessonsDir, "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	tm.startArgs("pv", 80, 24, root, bin, "lessons", "preview", lessonsDir, "--lesson", "ayuda-alquiler", "--lang", "en")
	tm.waitFor("pv", "Your first online form", "Step 1 of 8", "Preview: nothing is kept")
	tm.keys("pv", "Enter") // the first option is the right one
	tm.waitFor("pv", "✔")
	tm.keys("pv", "Enter")
	tm.waitFor("pv", "Step 2 of 8", "The asterisk")

	file := filepath.Join(lessonsDir, "en", "ayuda-alquiler.yaml")
	text := readText(t, file)
	saveByRename(t, file, strings.Replace(text, "title: Your first online form", "title: Housing aid form", 1))
	tm.waitFor("pv", "Housing aid form", "Step 2 of 8", "The asterisk")

	saveByRename(t, file, strings.Replace(text, "steps:", "steps:\n  - kind: dance", 1))
	scr := tm.waitFor("pv", "Your folder has", "ayuda-alquiler.yaml:")
	if strings.Contains(scr, "The asterisk") {
		t.Errorf("the step should not show while the file has problems:\n%s", scr)
	}
	saveByRename(t, file, strings.Replace(text, "title: Your first online form", "title: Housing aid form", 1))
	tm.waitFor("pv", "Housing aid form", "Step 2 of 8", "The asterisk")
	tm.quitAs("pv", root, "Do you want to leave?", "Close Aula")

	after, err := os.ReadFile(filepath.Join(data, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the preview changed the kiosk's data file")
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "aula-preview-*")); len(left) > 0 {
		t.Errorf("the preview left its data behind: %v", left)
	}
}

func readText(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// saveByRename saves as many editors do: a new file renamed over the old.
func saveByRename(t *testing.T, p, text string) {
	t.Helper()
	tmp := p + ".tmp"
	writeFile(t, tmp, text)
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}
