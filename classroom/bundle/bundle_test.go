package bundle

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTestFile(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A trainer's folder travels whole: class.yaml and the YAML files of its
// language folders, sorted, versioned; an editor's leftovers stay behind;
// read back as a file system it is the same folder.
func TestReadBundle(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"class.yaml":               "hide: [correo-electronico]\n",
		"es/ayuda-alquiler.yaml":   "id: ayuda-alquiler\ntitle: Ayuda al alquiler\n",
		"en/ayuda-alquiler.yaml":   "id: ayuda-alquiler\ntitle: Housing aid\n",
		"es/itineraries.yaml":      "itineraries: []\n",
		"es/.ayuda-alquiler.swp":   "swap",
		"es/ayuda-alquiler.yaml~":  "backup",
		"README.md":                "notes",
		"notas/borrador.yaml":      "not a language folder",
		"es/viejas/antigua.yaml":   "a folder in a language folder: lessons does not read it",
		"en/ayuda-alquiler.yaml.1": "a copy",
	}
	for name, text := range files {
		writeTestFile(t, filepath.Join(dir, name), []byte(text))
	}
	b, err := Read(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range b.Files {
		names = append(names, f.Name)
	}
	want := "class.yaml en/ayuda-alquiler.yaml es/ayuda-alquiler.yaml es/itineraries.yaml"
	if strings.Join(names, " ") != want {
		t.Errorf("files %v, want %s", names, want)
	}
	if b.Version != Version(b.Files) || len(b.Version) != 64 {
		t.Errorf("version %q", b.Version)
	}
	got, err := fs.ReadFile(b.FS(), "en/ayuda-alquiler.yaml")
	if err != nil || string(got) != files["en/ayuda-alquiler.yaml"] {
		t.Errorf("read back %q, %v", got, err)
	}
	top, _ := fs.ReadDir(b.FS(), ".")
	if len(top) != 3 || !top[1].IsDir() || top[0].Name() != "class.yaml" {
		t.Errorf("the top of the folder: %v", top)
	}
	// A change anywhere is a new version.
	writeTestFile(t, filepath.Join(dir, "es", "itineraries.yaml"), []byte("itineraries: [] \n"))
	if b2, _ := Read(os.DirFS(dir)); b2.Version == b.Version {
		t.Error("a changed file kept the version")
	}
}

// What the hub refuses to read: a file too big, too many files, all of
// them too big, a name that cannot travel, text that could take over a
// terminal. Each says what and where.
func TestReadBundleRefuses(t *testing.T) {
	tests := []struct {
		name  string
		files map[string][]byte
		want  string
	}{
		{"one file too big", map[string][]byte{"es/grande.yaml": make([]byte, MaxFile+1)}, "es/grande.yaml is bigger than 256 kB"},
		{"too many files", manyFiles(MaxFiles+1, 10), "more than 200 files"},
		{"too big together", manyFiles(9, MaxFile), "bigger than 2 MB"},
		{"a capital and a space", map[string][]byte{"es/Ayuda Alquiler.yaml": []byte("id: x\n")}, `the file name "es/Ayuda Alquiler.yaml"`},
		{"an escape sequence", map[string][]byte{"es/a.yaml": []byte("id: a\ntitle: \x1b]0;pwned\x07\n")}, "es/a.yaml: line 2 has a character that cannot be shown (U+001B)"},
		{"a bidi override", map[string][]byte{"es/a.yaml": []byte("id: a\n\ntitle: \u202egnp.exe\n")}, "line 3 has a character that cannot be shown (U+202E)"},
		{"not UTF-8", map[string][]byte{"es/a.yaml": []byte("title: Espa\xf1a\n")}, "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tt.files {
				writeTestFile(t, filepath.Join(dir, name), data)
			}
			_, err := Read(os.DirFS(dir))
			if !errors.Is(err, ErrFolder) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func manyFiles(n, size int) map[string][]byte {
	m := map[string][]byte{}
	for i := range n {
		m[fmt.Sprintf("es/l%03d.yaml", i)] = []byte(strings.Repeat("#", size))
	}
	return m
}

// bundleOf makes a bundle of files as given (names unchecked, version
// right): what a hostile hub could send.
func bundleOf(files ...File) Folder {
	return Folder{Files: files, Version: Version(files)}
}

// What a kiosk refuses to take, whatever hub sent it: ways up and out of
// the folder, other folders, control characters in names or texts, too
// many or too big, duplicates, a version that is not the files'.
func TestCheckBundleRefusesAttacks(t *testing.T) {
	ok := []byte("id: a\n")
	big := make([]byte, MaxFile)
	tests := map[string]Folder{
		"a way up":                bundleOf(File{"../a.yaml", ok}),
		"a way up inside":         bundleOf(File{"es/../../etc/a.yaml", ok}),
		"an absolute name":        bundleOf(File{"/etc/cron.d/a.yaml", ok}),
		"a Windows way up":        bundleOf(File{`es\..\..\a.yaml`, ok}),
		"a deeper folder":         bundleOf(File{"es/sub/a.yaml", ok}),
		"not YAML":                bundleOf(File{"es/a.sh", ok}),
		"a hidden file":           bundleOf(File{"es/.a.yaml", ok}),
		"an escape in a name":     bundleOf(File{"es/a\x1b[2J.yaml", ok}),
		"a newline in a name":     bundleOf(File{"es/a\n.yaml", ok}),
		"a very long name":        bundleOf(File{"es/" + strings.Repeat("a", MaxName) + ".yaml", ok}),
		"the same file twice":     bundleOf(File{"es/a.yaml", ok}, File{"es/a.yaml", ok}),
		"out of order":            bundleOf(File{"es/b.yaml", ok}, File{"es/a.yaml", ok}),
		"an escape in a text":     bundleOf(File{"es/a.yaml", []byte("title: \x1b[31mrojo\n")}),
		"a file too big":          bundleOf(File{"es/a.yaml", make([]byte, MaxFile+1)}),
		"too big together":        bundleOf(fileList(9, big)...),
		"too many files":          bundleOf(fileList(MaxFiles+1, ok)...),
		"another version":         {Files: []File{{"es/a.yaml", ok}}, Version: strings.Repeat("0", 64)},
		"a version with no files": {Version: "x"},
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			if err := Check(b); !errors.Is(err, ErrFolder) {
				t.Errorf("taken: %v", err)
			}
		})
	}
	if err := Check(bundleOf(File{"class.yaml", ok}, File{"es/a.yaml", []byte("\ufeffid: a\n\ttitle: x\r\n")})); err != nil {
		t.Errorf("a good folder refused: %v", err)
	}
}

func fileList(n int, data []byte) []File {
	var out []File
	for i := range n {
		out = append(out, File{fmt.Sprintf("es/l%03d.yaml", i), data})
	}
	return out
}
