package classroom

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
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
	b, err := ReadBundle(os.DirFS(dir))
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
	if b.Version != BundleVersion(b.Files) || len(b.Version) != 64 {
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
	if b2, _ := ReadBundle(os.DirFS(dir)); b2.Version == b.Version {
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
		{"one file too big", map[string][]byte{"es/grande.yaml": make([]byte, MaxBundleFile+1)}, "es/grande.yaml is bigger than 256 kB"},
		{"too many files", manyFiles(MaxBundleFiles+1, 10), "more than 200 files"},
		{"too big together", manyFiles(9, MaxBundleFile), "bigger than 2 MB"},
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
			_, err := ReadBundle(os.DirFS(dir))
			if !errors.Is(err, ErrBundle) || !strings.Contains(err.Error(), tt.want) {
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
func bundleOf(files ...BundleFile) Bundle {
	return Bundle{Files: files, Version: BundleVersion(files)}
}

// What a kiosk refuses to take, whatever hub sent it: ways up and out of
// the folder, other folders, control characters in names or texts, too
// many or too big, duplicates, a version that is not the files'.
func TestCheckBundleRefusesAttacks(t *testing.T) {
	ok := []byte("id: a\n")
	big := make([]byte, MaxBundleFile)
	tests := map[string]Bundle{
		"a way up":                bundleOf(BundleFile{"../a.yaml", ok}),
		"a way up inside":         bundleOf(BundleFile{"es/../../etc/a.yaml", ok}),
		"an absolute name":        bundleOf(BundleFile{"/etc/cron.d/a.yaml", ok}),
		"a Windows way up":        bundleOf(BundleFile{`es\..\..\a.yaml`, ok}),
		"a deeper folder":         bundleOf(BundleFile{"es/sub/a.yaml", ok}),
		"not YAML":                bundleOf(BundleFile{"es/a.sh", ok}),
		"a hidden file":           bundleOf(BundleFile{"es/.a.yaml", ok}),
		"an escape in a name":     bundleOf(BundleFile{"es/a\x1b[2J.yaml", ok}),
		"a newline in a name":     bundleOf(BundleFile{"es/a\n.yaml", ok}),
		"a very long name":        bundleOf(BundleFile{"es/" + strings.Repeat("a", MaxBundleName) + ".yaml", ok}),
		"the same file twice":     bundleOf(BundleFile{"es/a.yaml", ok}, BundleFile{"es/a.yaml", ok}),
		"out of order":            bundleOf(BundleFile{"es/b.yaml", ok}, BundleFile{"es/a.yaml", ok}),
		"an escape in a text":     bundleOf(BundleFile{"es/a.yaml", []byte("title: \x1b[31mrojo\n")}),
		"a file too big":          bundleOf(BundleFile{"es/a.yaml", make([]byte, MaxBundleFile+1)}),
		"too big together":        bundleOf(fileList(9, big)...),
		"too many files":          bundleOf(fileList(MaxBundleFiles+1, ok)...),
		"another version":         {Files: []BundleFile{{"es/a.yaml", ok}}, Version: strings.Repeat("0", 64)},
		"a version with no files": {Version: "x"},
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			if err := CheckBundle(b); !errors.Is(err, ErrBundle) {
				t.Errorf("taken: %v", err)
			}
		})
	}
	if err := CheckBundle(bundleOf(BundleFile{"class.yaml", ok}, BundleFile{"es/a.yaml", []byte("\ufeffid: a\n\ttitle: x\r\n")})); err != nil {
		t.Errorf("a good folder refused: %v", err)
	}
}

func fileList(n int, data []byte) []BundleFile {
	var out []BundleFile
	for i := range n {
		out = append(out, BundleFile{fmt.Sprintf("es/l%03d.yaml", i), data})
	}
	return out
}

// received collects what a kiosk's syncer puts in use.
type received chan Bundle

func (r received) use(b Bundle) error { r <- b; return nil }

func (r received) wait(t *testing.T, what string) Bundle {
	t.Helper()
	select {
	case b := <-r:
		return b
	case <-time.After(10 * time.Second):
		t.Fatalf("the kiosk never received %s", what)
	}
	return Bundle{}
}

// The trainer publishes, the class's laptops receive it: one that is
// in the class already (woken by the publishing), and one that joins
// later; a second publishing reaches them too; the same folder again is
// not fetched again.
func TestPublishRoundTrip(t *testing.T) {
	h := newTestHub(t)
	a := h.join(t)
	ra := make(received, 4)
	sa, _ := startSyncerWithLessons(t, a, ra.use)
	waitUntil(t, "a connected", func() bool { return sa.State() == Connected })

	first := bundleOf(BundleFile{"es/a.yaml", []byte("id: a\n")})
	if err := h.Publish(first, "mis-lecciones", 1); err != nil {
		t.Fatal(err)
	}
	if got := ra.wait(t, "the first folder"); got.Version != first.Version || string(got.Files[0].Data) != "id: a\n" {
		t.Errorf("received %+v", got)
	}
	b := h.join(t)
	rb := make(received, 4)
	startSyncerWithLessons(t, b, rb.use)
	if got := rb.wait(t, "the folder, joining later"); got.Version != first.Version {
		t.Errorf("received %+v", got)
	}

	second := bundleOf(BundleFile{"es/a.yaml", []byte("id: a\ntitle: Otra\n")})
	if err := h.Publish(second, "mis-lecciones", 1); err != nil {
		t.Fatal(err)
	}
	for _, r := range []received{ra, rb} {
		if got := r.wait(t, "the second folder"); got.Version != second.Version {
			t.Errorf("received %+v", got)
		}
	}
	if sa.LessonsVersion() != second.Version {
		t.Errorf("the kiosk says it uses %q", sa.LessonsVersion())
	}
	if p := h.Published(); p == nil || p.Version != second.Version || p.Folder != "mis-lecciones" || p.Lessons != 1 {
		t.Errorf("the dashboard is told %+v", p)
	}
}

func startSyncerWithLessons(t *testing.T, k kiosk, use func(Bundle) error) (*Syncer, inbox) {
	t.Helper()
	in := make(inbox, 1000)
	s := NewSyncer(k.st, func(m any) {
		select {
		case in <- m:
		default:
		}
	})
	s.Every, s.Backoff, s.MaxBackoff = 50*time.Millisecond, 20*time.Millisecond, 100*time.Millisecond
	s.SetLessons("", use)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	s.SetClass(k.c.URL, k.c.Token)
	return s, in
}

// The hub publishes nothing beyond the limits, and tells the dashboard
// why a folder was refused (cleaned of escapes, bounded).
func TestPublishRefusals(t *testing.T) {
	h := newTestHub(t)
	if err := h.Publish(bundleOf(BundleFile{"../a.yaml", []byte("x")}), "mis", 1); !errors.Is(err, ErrBundle) {
		t.Errorf("published a way up: %v", err)
	}
	if h.Published() != nil || h.lessonsVersion() != "" {
		t.Error("a refused folder was published")
	}
	var many []string
	for i := range MaxPublishProblems + 10 {
		many = append(many, fmt.Sprintf("mis/es/a.yaml:%d: \x1b[2Jproblem", i+1))
	}
	h.PublishRefused("mis", many)
	p := h.Published()
	if p == nil || len(p.Problems) != MaxPublishProblems || strings.Contains(p.Problems[0], "\x1b") || p.Version != "" {
		t.Errorf("the dashboard is told %+v", p)
	}
	snap, err := h.trainer.Snapshot(context.Background())
	if err != nil || snap.Lessons == nil || len(snap.Lessons.Problems) != MaxPublishProblems {
		t.Errorf("a remote dashboard reads %+v, %v", snap.Lessons, err)
	}
}

// Only the class's laptops get the folder: without a token, with another
// laptop's token, from a hub that is not the class's (another certificate,
// or the same address taken over), nothing is handed over.
func TestAttackLessonsFromOutsideTheClass(t *testing.T) {
	h := newTestHub(t)
	a := h.join(t)
	if err := h.Publish(bundleOf(BundleFile{"es/a.yaml", []byte("id: a\n")}), "mis", 1); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := (&Client{URL: h.srv.URL, Pin: h.pin}).Lessons(ctx); !errors.Is(err, ErrNotJoined) {
		t.Errorf("no token: %v", err)
	}
	if _, err := (&Client{URL: h.srv.URL, Device: a.c.Device, Token: h.trainer.Token, Pin: h.pin}).Lessons(ctx); !errors.Is(err, ErrNotJoined) {
		t.Errorf("the trainer key as a laptop's token: %v", err)
	}
	if _, err := a.c.Lessons(ctx); err != nil {
		t.Fatalf("the class's laptop: %v", err)
	}

	// Another hub, with a folder of its own: the kiosk pinned its class's
	// certificate, and talks to no other.
	other := newTestHub(t)
	if err := other.Publish(bundleOf(BundleFile{"es/b.yaml", []byte("id: b\n")}), "otra", 1); err != nil {
		t.Fatal(err)
	}
	stray := &Client{URL: other.srv.URL, Device: a.c.Device, Token: a.c.Token, Pin: a.c.Pin}
	if _, err := stray.Lessons(ctx); !errors.Is(err, ErrUnreachable) {
		t.Errorf("a hub with another certificate: %v", err)
	}
	got := make(received, 1)
	s := NewSyncer(a.st, nil)
	s.SetLessons("", got.use)
	s.lessonsNews(ctx, stray, other.lessonsVersion())
	select {
	case b := <-got:
		t.Errorf("the kiosk took another hub's folder: %+v", b)
	default:
	}
	if s.LessonsVersion() != "" {
		t.Errorf("the kiosk says it uses %q", s.LessonsVersion())
	}
}

// A hub that sends a hostile folder (a compromised hub, or a bug): the
// kiosk checks every limit itself, and does not fetch it again.
func TestAttackHostileFolderFromTheHub(t *testing.T) {
	for name, b := range map[string]Bundle{
		"a way up":          bundleOf(BundleFile{"../../.bashrc.yaml", []byte("x")}),
		"an escape":         bundleOf(BundleFile{"es/a.yaml", []byte("title: \x1b]52;c;ZXZpbA==\x07\n")}),
		"too many files":    bundleOf(fileList(MaxBundleFiles+1, []byte("x"))...),
		"another version":   {Files: []BundleFile{{"es/a.yaml", []byte("x")}}, Version: strings.Repeat("a", 64)},
		"huge (cut at 8MB)": bundleOf(BundleFile{"es/a.yaml", make([]byte, 6<<20)}),
	} {
		t.Run(name, func(t *testing.T) {
			var fetched atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				fetched.Add(1)
				writeJSON(w, http.StatusOK, b)
			}))
			defer srv.Close()
			got := make(received, 1)
			s := NewSyncer(openStore(t), nil)
			s.SetLessons("", got.use)
			c := &Client{URL: srv.URL, HTTP: srv.Client()}
			s.lessonsNews(context.Background(), c, strings.Repeat("a", 64))
			s.lessonsNews(context.Background(), c, strings.Repeat("a", 64))
			select {
			case b := <-got:
				t.Errorf("taken: %d files", len(b.Files))
			default:
			}
			if n := fetched.Load(); n != 1 {
				t.Errorf("fetched %d times, want once (a refused version is not fetched again)", n)
			}
		})
	}
}
