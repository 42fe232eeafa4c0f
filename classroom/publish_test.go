package classroom

import (
	"aula/classroom/bundle"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

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

	first := bundleOf(bundle.File{Name: "es/a.yaml", Data: []byte("id: a\n")})
	if err := h.Publish(first, "mis-lecciones", []string{"ayuda-alquiler"}); err != nil {
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

	second := bundleOf(bundle.File{Name: "es/a.yaml", Data: []byte("id: a\ntitle: Otra\n")})
	if err := h.Publish(second, "mis-lecciones", []string{"ayuda-alquiler"}); err != nil {
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

func startSyncerWithLessons(t *testing.T, k kiosk, use func(bundle.Folder) error) (*Syncer, inbox) {
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
	if err := h.Publish(bundleOf(bundle.File{Name: "../a.yaml", Data: []byte("x")}), "mis", []string{"a"}); !errors.Is(err, bundle.ErrFolder) {
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
	if err := h.Publish(bundleOf(bundle.File{Name: "es/a.yaml", Data: []byte("id: a\n")}), "mis", []string{"a"}); err != nil {
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
	if err := other.Publish(bundleOf(bundle.File{Name: "es/b.yaml", Data: []byte("id: b\n")}), "otra", []string{"b"}); err != nil {
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
	for name, b := range map[string]bundle.Folder{
		"a way up":          bundleOf(bundle.File{Name: "../../.bashrc.yaml", Data: []byte("x")}),
		"an escape":         bundleOf(bundle.File{Name: "es/a.yaml", Data: []byte("title: \x1b]52;c;ZXZpbA==\x07\n")}),
		"too many files":    bundleOf(fileList(bundle.MaxFiles+1, []byte("x"))...),
		"another version":   {Files: []bundle.File{{Name: "es/a.yaml", Data: []byte("x")}}, Version: strings.Repeat("a", 64)},
		"huge (cut at 8MB)": bundleOf(bundle.File{Name: "es/a.yaml", Data: make([]byte, 6<<20)}),
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

func bundleOf(files ...bundle.File) bundle.Folder {
	return bundle.Folder{Files: files, Version: bundle.Version(files)}
}

func fileList(n int, data []byte) []bundle.File {
	var out []bundle.File
	for i := range n {
		out = append(out, bundle.File{Name: fmt.Sprintf("es/l%03d.yaml", i), Data: data})
	}
	return out
}

// received collects what a kiosk's syncer puts in use.
type received chan bundle.Folder

func (r received) use(b bundle.Folder) error { r <- b; return nil }

func (r received) wait(t *testing.T, what string) bundle.Folder {
	t.Helper()
	select {
	case b := <-r:
		return b
	case <-time.After(10 * time.Second):
		t.Fatalf("the kiosk never received %s", what)
	}
	return bundle.Folder{}
}
