package files

import (
	"strings"
	"testing"

	"aula/lessons/judge"
)

const deviceFixture = `
start: downloads
limit_kb: 1000
photo:
  id: photo
  name: IMG_20261206_1032.jpg
  kb: 4800
  date: 2026-12-06
  folder: pictures
  preview: A pay slip on a table, with a cup beside it.
  crop_kb: 2900
  crop_preview: The pay slip alone.
  pdf_kb: 1900
  crop_pdf_kb: 600
folders:
  - id: downloads
    name: Descargas
    files:
      - id: receipt
        name: justificante.pdf
        kb: 85
        date: 2026-12-05
        preview: Justificante.
      - id: payslip
        name: nomina.pdf
        kb: 120
        date: 2026-12-01
        preview: Nómina.
  - id: pictures
    name: Imágenes
  - id: usb
    name: USB
    usb: true
rules:
  - id: crop
    check: cropped
    feedback: Crop the photo before you make the PDF.
  - id: pdf
    check: pdf
    feedback: Make a PDF of the photo.
  - id: small
    check: under-limit
    feedback: Attach a file under 1 MB.
    wrong:
      photo: The photo weighs 4.8 MB.
  - id: attach
    check: chosen
    values: [photo-pdf]
    feedback: Attach the PDF.
    wrong:
      receipt: That is the receipt, not the pay slip.
  - id: copy
    check: copied
    file: receipt
    folder: usb
    feedback: Copy the receipt to the stick.
    wrong:
      elsewhere: That is not the stick.
  - id: eject
    check: ejected
    values: [usb]
    feedback: Safely remove the stick.
  - id: erase
    check: erased
    values: [receipt, payslip]
    feedback: Delete what you downloaded.
    wrong:
      in-bin: They are still in the Bin. Empty it.
      left: Some are still in Descargas.
`

func TestDeviceFixtureIsCleanAndSolvable(t *testing.T) {
	x, probs := load(t, deviceFixture)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if v := x.Judge(x.Solution()); !v.Correct {
		t.Fatalf("the sample is judged %+v", v)
	}
	if x.Photo.PDFName() != "IMG_20261206_1032.pdf" || x.Photo.PDFID() != "photo-pdf" {
		t.Errorf("pdf %q %q", x.Photo.PDFName(), x.Photo.PDFID())
	}
}

func TestJudgeDeviceMistakes(t *testing.T) {
	x, _ := load(t, deviceFixture)
	for _, tc := range []struct {
		name     string
		change   func(a *Answer)
		mistake  string
		feedback string
		reason   judge.Reason
	}{
		{"not cropped", func(a *Answer) { a.Cropped = false }, "crop", "Crop the photo before you make the PDF.", judge.ReasonWrong},
		{"no pdf", func(a *Answer) { delete(a.KB, "photo-pdf") }, "pdf", "Make a PDF of the photo.", judge.ReasonWrong},
		{"tried the photo", func(a *Answer) { a.Last = &Action{Kind: ActTooBig, ID: "photo"} }, "small:photo", "The photo weighs 4.8 MB.", judge.ReasonWrong},
		{"tried the whole PDF", func(a *Answer) { a.Last = &Action{Kind: ActTooBig, ID: "photo-pdf"} }, "small:photo-pdf", "Attach a file under 1 MB.", judge.ReasonWrong},
		{"attached nothing", func(a *Answer) { a.Chosen = "" }, "small", "Attach a file under 1 MB.", judge.ReasonWrong},
		{"attached the receipt", func(a *Answer) { a.Chosen = "receipt" }, "attach:receipt", "That is the receipt, not the pay slip.", judge.ReasonWrong},
		{"not copied", func(a *Answer) { delete(a.Copies, "receipt") }, "copy", "Copy the receipt to the stick.", judge.ReasonWrong},
		{"copied elsewhere", func(a *Answer) { a.Copies["receipt"] = []string{"pictures"} }, "copy:elsewhere", "That is not the stick.", judge.ReasonWrong},
		{"moved to the stick", func(a *Answer) {
			delete(a.Copies, "receipt")
			a.Where["receipt"] = "usb"
			a.Where["payslip"] = Gone
		}, "erase:left", "Some are still in Descargas.", judge.ReasonWrong},
		{"stick not removed", func(a *Answer) { a.Ejected = nil }, "eject", "Safely remove the stick.", judge.ReasonWrong},
		{"left in the bin", func(a *Answer) { a.Where["payslip"] = Trash }, "erase:in-bin", "They are still in the Bin. Empty it.", judge.ReasonWrong},
		{"left in downloads", func(a *Answer) { delete(a.Where, "payslip") }, "erase:left", "Some are still in Descargas.", judge.ReasonWrong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := x.Sample()
			tc.change(&a)
			v := x.Judge(a)
			if v.Correct || v.Mistake != tc.mistake || v.Feedback != tc.feedback || v.Reason != tc.reason {
				t.Errorf("got %+v, want mistake %q with %q", v, tc.mistake, tc.feedback)
			}
		})
	}
}

// After an action, the camera's, the stick's and the bin's mistakes are
// said at once; the rest waits.
func TestJudgeDeviceAfterAnAction(t *testing.T) {
	x, _ := load(t, deviceFixture)
	for _, tc := range []struct {
		name    string
		a       Answer
		mistake string
		reason  judge.Reason
	}{
		{"a photo taken", Answer{Last: &Action{Kind: ActPhoto, ID: "photo"}}, "", judge.ReasonPending},
		{"a PDF of the whole photo", Answer{KB: map[string]int{"photo-pdf": 1900}, Last: &Action{Kind: ActPDF, ID: "photo"}}, "crop", judge.ReasonWrong},
		{"a PDF of the cropped photo", Answer{Cropped: true, KB: map[string]int{"photo-pdf": 600}, Last: &Action{Kind: ActPDF, ID: "photo"}}, "", judge.ReasonPending},
		{"the photo refused", Answer{Cropped: true, Last: &Action{Kind: ActTooBig, ID: "photo"}}, "small:photo", judge.ReasonWrong},
		{"the stick removed first", Answer{Ejected: []string{"usb"}, Last: &Action{Kind: ActEject, ID: "usb"}}, "copy", judge.ReasonWrong},
		{"copied elsewhere", Answer{Copies: map[string][]string{"receipt": {"pictures"}}, Last: &Action{Kind: ActCopy, ID: "receipt"}}, "copy:elsewhere", judge.ReasonWrong},
		{"emptied with one left", Answer{Where: map[string]string{"receipt": Gone}, Last: &Action{Kind: ActEmpty}}, "erase:left", judge.ReasonWrong},
		{"deleted one, not emptied", Answer{Where: map[string]string{"receipt": Trash}, Last: &Action{Kind: ActDelete, ID: "receipt"}}, "", judge.ReasonPending},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := x.Judge(tc.a)
			if v.Correct || v.Mistake != tc.mistake || v.Reason != tc.reason {
				t.Errorf("got %+v, want mistake %q reason %q", v, tc.mistake, tc.reason)
			}
		})
	}
}

func TestCheckReportsDeviceProblemsAtTheirLine(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"photo not an image", "name: IMG_20261206_1032.jpg", "name: IMG_20261206_1032.pdf", `:6: step "s": the photo needs a name ending in .jpg`},
		{"crop not smaller", "crop_kb: 2900", "crop_kb: 4900", `:11: step "s": the photo needs kb and a smaller crop_kb`},
		{"pdf not smaller", "crop_pdf_kb: 600", "crop_pdf_kb: 2000", `:14: step "s": the photo needs pdf_kb and a smaller crop_pdf_kb`},
		{"pdf over the limit", "limit_kb: 1000", "limit_kb: 500", `:14: step "s": crop_pdf_kb 600 is over limit_kb 500`},
		{"photo in no folder", "folder: pictures", "folder: camera", `:9: step "s": the photo's folder "camera" is not one of its folders`},
		{"photo without date", "date: 2026-12-06", "date: hoy", `:8: step "s": the photo needs a date`},
		{"photo with a misspelt key", "crop_preview:", "cropped_preview:", `:12: unknown field "cropped_preview"`},
		{"negative limit", "limit_kb: 1000", "limit_kb: -1", `:3: step "s": limit_kb is a size in kilobytes`},
		{"under-limit without limit", "limit_kb: 1000\n", "", `step "s" rule 3: check under-limit needs the step's limit_kb`},
		{"eject a folder", "values: [usb]", "values: [pictures]", `step "s" rule 6: "pictures" is not a folder with usb: true`},
		{"copy to nowhere", "folder: usb\n", "folder: stick\n", `step "s" rule 5: check copied needs folder`},
		{"copy with no file", "file: receipt\n    folder: usb", "folder: usb", `step "s" rule 5: check "copied" needs file`},
		{"bad erased wrong", "in-bin: They", "bin: They", `rule 7: wrong "bin" is not one of in-bin, left`},
		{"start on the stick", "start: downloads", "start: usb", `:2: step "s": start "usb" is a USB stick`},
		{"under-limit wrong not a file", "photo: The photo weighs", "nophoto: The photo weighs", `rule 3: wrong "nophoto" should be a file not asked for`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(deviceFixture, tc.old, tc.new, 1)
			if src == deviceFixture {
				t.Fatalf("fixture has no %q", tc.old)
			}
			_, probs := load(t, src)
			var all []string
			for _, p := range probs {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tc.want) {
				t.Errorf("want a problem containing %q, got:\n%s", tc.want, strings.Join(all, "\n"))
			}
		})
	}
}

// FuzzDeviceJudge: any answer of the camera, the stick and the bin gets a
// verdict, never a panic, and a right one only when every rule is met.
func FuzzDeviceJudge(f *testing.F) {
	f.Add("photo-pdf", "usb", "receipt", 600, true, byte(0))
	f.Add("photo", "", "payslip", 4800, false, byte(3))
	x, _ := load(f, deviceFixture)
	acts := []string{"", ActPhoto, ActCrop, ActPDF, ActTooBig, ActCopy, ActEject, ActEmpty, ActDelete}
	f.Fuzz(func(t *testing.T, chosen, folder, file string, kb int, cropped bool, act byte) {
		a := x.Sample()
		a.Chosen, a.Cropped = chosen, cropped
		a.KB["photo-pdf"] = kb
		a.Copies[file] = []string{folder}
		a.Where[file] = folder
		if k := acts[int(act)%len(acts)]; k != "" {
			a.Last = &Action{Kind: k, ID: file}
		}
		v := x.Judge(a)
		if v.Correct && (chosen != "photo-pdf" || kb <= 0 || kb > x.LimitKB || !cropped) {
			t.Errorf("judged right: chosen %q kb %d cropped %v", chosen, kb, cropped)
		}
	})
}
