package lessons

import (
	"testing"
	"testing/fstest"
)

// Seeds for the fields of the practice applications of issue 16: the
// browser (a search page with an advert and a paid look-alike above the
// official result, a download, bookmarks), the file manager (folders, a
// USB stick, the camera and the size limit) and the phone (an unknown
// number with a link, an approval request with its details). Each is one
// step, small: see FuzzLoadStep.

const fuzzBrowserStep = `  - id: web
    kind: browser
    title: Web
    text: Llega a la sede.
    bookmarks:
      - {link: Sede, id: fav, to: sede}
    pages:
      - id: buscar
        url: https://buscador.example/buscar?q=cita
        title: Buscar
        blocks:
          - {link: Cita ya, id: anuncio, to: falsa, ad: true}
          - {link: Sede, id: oficial, to: sede, result: true}
      - id: falsa
        url: https://www.citas-ayuda.com/cita
        title: Citas
        blocks:
          - text: Cuesta 29,90 euros.
      - id: sede
        url: https://sede.seg-social.gob.es/cita
        title: Sede
        blocks:
          - {download: justificante.pdf, id: pdf, size: 85 KB}
    rules:
      - {id: no-anuncio, check: no-ad, feedback: Era un anuncio.}
      - {id: mirar, check: inspected, values: [anuncio], feedback: Mira antes.}
      - {id: oficial, check: reached, values: [sede], feedback: Llega a la sede.}
      - {id: bajar, check: downloaded, values: [pdf], feedback: Descarga el justificante.}
      - {id: fav, check: bookmarked, values: [sede], feedback: Guárdala., wrong: {buscar: Esa no.}}
    hint: Mira la dirección.
    example: Hazlo así.
`

const fuzzFilesStep = `  - id: foto
    kind: files
    title: Foto
    text: Haz el PDF.
    start: docs
    limit_kb: 1000
    photo: {id: foto, name: IMG_1.jpg, kb: 4800, date: 2026-12-06, folder: img, preview: Una foto., crop_kb: 2900, crop_preview: Recortada., pdf_kb: 1900, crop_pdf_kb: 620}
    folders:
      - id: docs
        name: Documentos
        files:
          - {id: nomina, name: nomina.pdf, kb: 180, date: 2026-11-03, preview: Nómina.}
      - {id: img, name: Imágenes}
      - {id: usb, name: USB, usb: true}
    rules:
      - {id: recortar, check: cropped, feedback: Recorta.}
      - {id: pdf, check: pdf, feedback: Haz el PDF.}
      - {id: limite, check: under-limit, feedback: Pesa mucho., wrong: {foto: La foto pesa.}}
      - {id: elegir, check: chosen, values: [foto-pdf], feedback: Adjunta el PDF., wrong: {nomina: Esa no.}}
      - {id: copiar, check: copied, file: nomina, folder: usb, feedback: Cópiala., wrong: {elsewhere: Ahí no.}}
      - {id: quitar, check: ejected, values: [usb], feedback: Quítala.}
      - {id: borrar, check: erased, values: [nomina], feedback: Bórrala., wrong: {in-bin: Vacía la Papelera.}}
    hint: Recorta la foto.
    example: Hazlo así.
`

const fuzzChatStep = `  - id: movil
    kind: chat
    title: Móvil
    text: El código es 4821.
    chats:
      - id: raro
        name: "+34 600 000 000"
        messages:
          - {text: "Mamá, paga esto: https://pago.example/x", time: "10:02"}
      - id: mio
        name: Cl@ve Móvil
        app: auth
        notify: true
        request:
          text: ¿Apruebas?
          details:
            - {label: Código, value: "4821"}
          confirm: Aprobar
          refuse: Rechazar
      - id: otro
        name: Cl@ve Móvil
        app: auth
        request:
          text: ¿Apruebas?
          details:
            - {label: Código, value: "7730"}
          confirm: Aprobar
          refuse: Rechazar
    rules:
      - {id: bloquear, check: blocked, values: [raro], feedback: Bloquéalo.}
      - {id: no-otro, check: not-confirmed, values: [otro], feedback: Ese no es tuyo.}
      - {id: si-mio, check: confirmed, values: [mio], feedback: Aprueba el tuyo.}
      - {id: no-mio, check: refused, values: [otro], feedback: Rechaza el otro.}
    hint: Compara el código.
    example: Hazlo así.
`

// The seeds load as they are: each is a lesson a fuzzer can start from,
// not one the loader turns away at once.
func TestFuzzKindSeedsLoad(t *testing.T) {
	for name, step := range map[string]string{"browser": fuzzBrowserStep, "files": fuzzFilesStep, "chat": fuzzChatStep} {
		lib, problems := Load(Source{Name: "fz", FS: withGood(same(lessonHead + step))})
		if len(problems) > 0 {
			t.Errorf("%s: %s", name, list(problems))
			continue
		}
		if l, ok := lib.Catalog("es").Lesson("rota"); !ok || len(l.Steps()) != 1 || l.Steps()[0].Kind != name {
			t.Errorf("%s: the seed did not load as one %s step", name, name)
		}
	}
}

// FuzzLoadStep is FuzzLoadLesson for one step's YAML in a fixed lesson
// head, the Spanish and the English step fuzzed apart: the fuzzer spends
// its time on the steps' fields, not on the head.
//
// Run both with a bound on minimising, or they barely move:
//
//	go test ./lessons -run '^$' -fuzz '^FuzzLoadStep$' -fuzzminimizetime 200x
//
// The fuzzer minimises every input that reaches new code before it goes
// on, and its minimiser tries removing every run of bytes: a number of
// runs that grows as the square of the input's length. At 0.3–1.5 ms a
// run (measured: most of it parsing YAML), an input of 1–3 KB takes the
// whole default -fuzzminimizetime (60 s), so FuzzLoadLesson made about
// one new input a minute (17 runs a minute, 7 runs in 45 s for this one).
// With 200x (at most 200 runs to minimise an input), measured on
// 2026-12-06 on 2 busy cores: FuzzLoadLesson 50,422 runs and 137 new
// inputs in 20 s, FuzzLoadStep 48,071 runs and 203 new inputs in 30 s.
func FuzzLoadStep(f *testing.F) {
	for _, s := range []string{fuzzBrowserStep, fuzzFilesStep, fuzzChatStep, readStep} {
		f.Add([]byte(s), []byte(s))
	}
	f.Add([]byte(fuzzBrowserStep), []byte(fuzzFilesStep))
	f.Fuzz(func(t *testing.T, es, en []byte) {
		fsys := withGood(nil)
		fsys["es/rota.yaml"] = &fstest.MapFile{Data: append([]byte(lessonHead), es...)}
		fsys["en/rota.yaml"] = &fstest.MapFile{Data: append([]byte(lessonHead), en...)}
		checkFuzzLoad(t, fsys)
	})
}
