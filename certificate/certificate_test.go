package certificate

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"aula/lessons"
	"aula/store"
)

// finished opens a data file in a temporary folder with a learner who
// finished the lessons of itinerary primeros-pasos on day.
func finished(t *testing.T, name string, day time.Time, centre store.Centre) (*store.Store, store.Learner, *lessons.Library) {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatalf("built-in lessons: %v", problems)
	}
	l, err := st.AddLearner(name, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCentre(centre); err != nil {
		t.Fatal(err)
	}
	it, _ := Itinerary(lib.Catalog("es"), "primeros-pasos")
	for i, id := range it.LessonIDs {
		steps := len(lib.Catalog("es").Lessons[id].Steps())
		e := store.Event{Learner: l.ID, Kind: store.LessonDone, Lesson: id, Step: "final", StepIndex: steps - 1, Steps: steps,
			Elapsed: time.Minute, At: day.Add(time.Duration(i) * time.Minute)}
		if _, err := st.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	return st, l, lib
}

// pdfText is what pdftotext reads in the PDF.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is not installed; .ci/run installs it")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestCertificatePDFSaysItAllInBothLanguages(t *testing.T) {
	day := time.Date(2026, 12, 5, 17, 30, 0, 0, time.Local)
	st, l, lib := finished(t, "Begoña Núñez ¿Güell? ¡Sí!", day, store.Centre{Name: "Centro Cívico La Almozara", Trainer: "Íñigo Pérez"})
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"es", []string{"Certificado de aprovechamiento", "Centro Cívico La Almozara certifica que", "Begoña Núñez ¿Güell? ¡Sí!",
			"«Primeros pasos»", "Protégete en internet",
			"4.2 Protección de datos personales y privacidad (área 4: Seguridad)", "5.1 Resolución de problemas técnicos",
			"Fecha: 5 de diciembre de 2026", "Persona formadora: Íñigo Pérez", "Código de verificación:"}},
		{"en", []string{"Certificate of achievement", "Centro Cívico La Almozara certifies that", "Begoña Núñez ¿Güell? ¡Sí!",
			"“First steps”", "4.1 Protecting devices (area 4: Safety)", "4.2 Protecting personal data and privacy",
			"Date: 5 December 2026", "Trainer: Íñigo Pérez", "Verification code:"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			c, err := Issue(st, lib.Catalog(tc.lang), l, "primeros-pasos")
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := c.WritePDF(&buf); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
			text := pdfText(t, buf.Bytes())
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range tc.want {
				if !strings.Contains(flat, w) {
					t.Errorf("the %s certificate lacks %q; pdftotext read:\n%s", tc.lang, w, text)
				}
			}
			// The code printed is the code, whole.
			printed := strings.Join(strings.Fields(text[strings.LastIndex(text, ":")+1:]), "")
			if !strings.Contains(printed, strings.ReplaceAll(c.Code, "-", "")) &&
				!strings.Contains(strings.ReplaceAll(flat, " ", ""), c.Code) {
				t.Errorf("the code %s is not printed whole:\n%s", c.Code, text)
			}
		})
	}
}

func TestCertificateVerifyRoundTripAndTampering(t *testing.T) {
	day := time.Date(2026, 12, 5, 10, 0, 0, 0, time.Local)
	st, l, lib := finished(t, "Begoña", day, store.Centre{Name: "Centro Cívico La Almozara"})
	c, err := Issue(st, lib.Catalog("es"), l, "primeros-pasos")
	if err != nil {
		t.Fatal(err)
	}
	key, _ := st.CentreKey()
	pub := key.Public().(ed25519.PublicKey)

	got, err := Verify(pub, c.Code)
	if err != nil {
		t.Fatalf("a genuine code was refused: %v", err)
	}
	if got.Learner != "Begoña" || got.Itinerary != "primeros-pasos" || got.Centre != "Centro Cívico La Almozara" ||
		got.Day.Format(time.DateOnly) != "2026-12-05" {
		t.Fatalf("verified content = %+v", got)
	}
	// Typed back by a person: lower case, spaces, 0 for O.
	typed := strings.ToLower(strings.ReplaceAll(c.Code, "-", " "))
	typed = strings.ReplaceAll(typed, "o", "0")
	if _, err := Verify(pub, typed); err != nil {
		t.Errorf("the code typed in lower case with spaces was refused: %v", err)
	}

	// Issued again, it is the same certificate.
	again, err := Issue(st, lib.Catalog("en"), l, "primeros-pasos")
	if err != nil || again.Code != c.Code {
		t.Errorf("issued again (in English) the code changed: %s vs %s (%v)", again.Code, c.Code, err)
	}

	// Its reference: the same however the code is typed, another for
	// another code, hex digits only.
	ref := Ref(c.Code)
	if len(ref) != store.CertificateRefLen || strings.Trim(ref, "0123456789abcdef") != "" {
		t.Errorf("reference %q is not %d hex digits", ref, store.CertificateRefLen)
	}
	if Ref(typed) != ref {
		t.Errorf("the typed code's reference %q differs from %q", Ref(typed), ref)
	}
	other, _ := Sign(key, Content{Learner: "Begoña", Itinerary: "primeros-pasos", Day: day.AddDate(0, 0, 1), Centre: "Centro Cívico La Almozara"})
	if Ref(other) == ref {
		t.Error("two certificates have the same reference")
	}
}

func TestCertificateTamperedCodesAreRefused(t *testing.T) {
	st, l, lib := finished(t, "Begoña", time.Date(2026, 12, 5, 10, 0, 0, 0, time.Local), store.Centre{Name: "Centro Cívico La Almozara"})
	c, err := Issue(st, lib.Catalog("es"), l, "primeros-pasos")
	if err != nil {
		t.Fatal(err)
	}
	key, _ := st.CentreKey()
	pub := key.Public().(ed25519.PublicKey)
	got, err := Verify(pub, c.Code)
	if err != nil {
		t.Fatal(err)
	}

	// Another centre's key does not vouch for it.
	_, other, _ := ed25519.GenerateKey(nil)
	if _, err := Verify(other.Public().(ed25519.PublicKey), c.Code); !errors.Is(err, ErrNotGenuine) {
		t.Errorf("another centre's key: err = %v, want ErrNotGenuine", err)
	}

	// A changed name, date, itinerary or centre under the old signature fails.
	raw, _ := decode(c.Code)
	sig := raw[len(raw)-ed25519.SignatureSize:]
	for _, change := range []func(*Content){
		func(c *Content) { c.Learner = "Begoña Ruiz" },
		func(c *Content) { c.Day = c.Day.AddDate(0, 0, 1) },
		func(c *Content) { c.Itinerary = "tramites-en-linea" },
		func(c *Content) { c.Centre = "Otro centro" },
	} {
		forged := got
		change(&forged)
		p, err := forged.payload()
		if err != nil {
			t.Fatal(err)
		}
		code := group(b32.Get().EncodeToString(append(p, sig...)))
		claims, err := Verify(pub, code)
		if !errors.Is(err, ErrNotGenuine) {
			t.Errorf("a forged code claiming %+v: err = %v, want ErrNotGenuine", claims, err)
		}
	}

	// Every single letter changed anywhere is refused.
	letters := []rune(c.Code)
	for i, r := range letters {
		if r == '-' {
			continue
		}
		changed := append([]rune(nil), letters...)
		changed[i] = 'A'
		if r == 'A' {
			changed[i] = 'B'
		}
		if _, err := Verify(pub, string(changed)); err == nil {
			t.Fatalf("the code with letter %d changed was taken as genuine", i)
		}
	}
	// Cut short, or with a letter that base32 has not.
	for _, bad := range []string{"", c.Code[:len(c.Code)-7], c.Code + "-AAAAA", strings.Replace(c.Code, c.Code[:1], "9", 1), "hola"} {
		if _, err := Verify(pub, bad); !errors.Is(err, ErrUnreadable) && !errors.Is(err, ErrNotGenuine) {
			t.Errorf("Verify(%q) = %v", bad, err)
		}
	}
}

func TestCertificateNeedsAFinishedItinerary(t *testing.T) {
	st, l, lib := finished(t, "Ana", time.Now(), store.Centre{})
	if _, err := Issue(st, lib.Catalog("es"), l, "correo-electronico"); !errors.Is(err, ErrNotFinished) {
		t.Errorf("an itinerary not begun: err = %v, want ErrNotFinished", err)
	}
	if _, err := Issue(st, lib.Catalog("es"), l, "no-existe"); !errors.Is(err, ErrNoItinerary) {
		t.Errorf("an unknown itinerary: err = %v, want ErrNoItinerary", err)
	}
	// No centre name was set: the certificate still says who issued it.
	c, err := Issue(st, lib.Catalog("es"), l, "primeros-pasos")
	if err != nil {
		t.Fatal(err)
	}
	path, err := c.Save(filepath.Join(t.TempDir(), "nueva"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "aula-primeros-pasos-Ana.pdf" {
		t.Errorf("file name = %s", filepath.Base(path))
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, raw); !strings.Contains(text, "El centro de formación certifica que") {
		t.Errorf("a certificate without a centre name:\n%s", text)
	}
}

func TestCertificateFileNameTravels(t *testing.T) {
	c := &Certificate{Content: Content{Learner: "../María José /etc", Itinerary: "primeros-pasos"}}
	if got := c.FileName(); got != "aula-primeros-pasos-María-José-etc.pdf" {
		t.Errorf("FileName = %q", got)
	}
}

func TestDigCompEveryItineraryIsMapped(t *testing.T) {
	f, err := loadDigComp()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Areas) != 5 || len(f.Competences) != 21 {
		t.Fatalf("DigComp 2.2 has 5 areas and 21 competences, the file %d and %d", len(f.Areas), len(f.Competences))
	}
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	for _, it := range lib.Catalog("es").Itineraries {
		if len(Competences(it.ID, "es")) == 0 || len(Competences(it.ID, "en")) == 0 {
			t.Errorf("built-in itinerary %q has no DigComp competences in digcomp.yaml", it.ID)
		}
	}
	if got := Competences("primeros-pasos", "en"); got[0].Number != "4.1" || got[0].AreaName != "Safety" {
		t.Errorf("Competences = %+v", got)
	}
}

func FuzzVerify(f *testing.F) {
	_, key, _ := ed25519.GenerateKey(nil)
	code, _ := Sign(key, Content{Learner: "Ana", Itinerary: "x", Day: time.Now(), Centre: "C"})
	f.Add(code)
	f.Add("")
	f.Add("AAAA-1111")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Verify(key.Public().(ed25519.PublicKey), s)
		if err == nil && s != code && strings.Join(strings.Fields(normalize(s)), "") != normalize(code) {
			t.Fatalf("%q verified as %+v", s, c)
		}
	})
}

// BenchmarkCertificatePDF is the cost of one certificate on the kiosk
// (BENCHMARKS.md): the fonts parsed, the PDF laid out and written.
func BenchmarkCertificatePDF(b *testing.B) {
	_, key, _ := ed25519.GenerateKey(nil)
	c := &Certificate{Content: Content{Learner: "Begoña Núñez", Itinerary: "primeros-pasos", Day: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC), Centre: "Centro Cívico La Almozara"},
		Lang: "es", ItineraryTitle: "Primeros pasos", Lessons: []string{"Cómo usar Aula", "El teclado", "Protégete"},
		Competences: Competences("primeros-pasos", "es"), Trainer: "Íñigo Pérez"}
	c.Code, _ = Sign(key, c.Content)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := c.WritePDF(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCertificateFolder(t *testing.T) {
	if got := Folder("/media/usb/aula"); got != filepath.Join("/media/usb/aula", "certificates") {
		t.Errorf("with --data: %s", got)
	}
	own := filepath.Join(xdg.DataHome, "aula")
	got := Folder(own)
	if d := xdg.UserDirs.Documents; d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			if got != filepath.Join(d, "Aula") {
				t.Errorf("the user's own data folder, with Documents: %s", got)
			}
			return
		}
	}
	if got != filepath.Join(own, "certificates") {
		t.Errorf("without Documents: %s", got)
	}
}
