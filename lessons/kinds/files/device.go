package files

import (
	"path"
	"slices"
	"strings"
)

// Photo is the image that "photograph a paper" makes: a phone's photo of
// a paper on a table, too big to attach until it is cropped and made a
// PDF. Its sizes are the lesson's, so the arithmetic is always the same.
type Photo struct {
	ID          string `yaml:"id"`
	Name        string `yaml:"name"`         // IMG_20261206_1032.jpg
	KB          int    `yaml:"kb"`           // as taken: 4800
	Date        string `yaml:"date"`         // 2026-12-06
	Folder      string `yaml:"folder"`       // where it is saved; default: the start folder
	Preview     string `yaml:"preview"`      // the photo said in words: the paper, the table around it
	CropKB      int    `yaml:"crop_kb"`      // once cropped
	CropPreview string `yaml:"crop_preview"` // once cropped: the paper alone
	PDFKB       int    `yaml:"pdf_kb"`       // its PDF, made from the whole photo
	CropPDFKB   int    `yaml:"crop_pdf_kb"`  // its PDF, made from the cropped photo
}

// PDFID is the id of the PDF made from the photo: the photo's id and -pdf.
func (p *Photo) PDFID() string { return p.ID + "-pdf" }

// PDFName is the PDF's name: the photo's with the ending .pdf.
func (p *Photo) PDFName() string { return strings.TrimSuffix(p.Name, path.Ext(p.Name)) + ".pdf" }

// made says whether id is the photo or its PDF.
func (x *Files) made(id string) bool {
	return x.Photo != nil && (id == x.Photo.ID || id == x.Photo.PDFID())
}

// Size is file id's size in an answer: its size now (the photo cropped, a
// PDF made) or as the lesson has it.
func (x *Files) Size(a *Answer, id string) int {
	if kb, ok := a.KB[id]; ok {
		return kb
	}
	if f, _ := x.File(id); f != nil {
		return f.KB
	}
	return 0
}

// USB says whether folder id is a USB stick.
func (x *Files) USB(id string) bool {
	f := x.Folder(id)
	return f != nil && f.USB
}

// evalMore judges the checks of the camera, the USB stick and the bin.
func (r *Rule) evalMore(x *Files, a *Answer, last *Action) (met bool, mistake string, concerns bool) {
	switch r.Check {
	case "erased":
		return r.evalErased(x, a, last)
	case "copied":
		if x.where(a, r.File) == r.Folder || slices.Contains(a.Copies[r.File], r.Folder) {
			return true, "", false
		}
		if len(a.Copies[r.File]) > 0 {
			return false, r.ID + ":" + MovedElsewhere, last.Kind == ActCopy && last.ID == r.File
		}
		// Removing the stick before the file is on it is this rule's mistake.
		return false, r.ID, last.Kind == ActEject && last.ID == r.Folder
	case "ejected":
		for _, id := range r.Values {
			if !slices.Contains(a.Ejected, id) {
				return false, r.ID, false
			}
		}
		return true, "", false
	case "cropped":
		if a.Cropped {
			return true, "", false
		}
		// A PDF of the whole photo is made: this is the moment to say so.
		return false, r.ID, last.Kind == ActPDF
	case "pdf":
		if x.Photo != nil && a.KB[x.Photo.PDFID()] > 0 {
			return true, "", false
		}
		return false, r.ID, false
	case "under-limit":
		if last.Kind == ActTooBig {
			return false, r.ID + ":" + last.ID, true
		}
		if a.Chosen != "" && x.Size(a, a.Chosen) <= x.LimitKB {
			return true, "", false
		}
		return false, r.ID, false
	}
	return false, r.ID, false
}

// evalErased: every file of the rule is gone; one in the bin, or still in
// a folder, is not.
func (r *Rule) evalErased(x *Files, a *Answer, last *Action) (met bool, mistake string, concerns bool) {
	inBin := false
	for _, id := range r.Values {
		switch x.where(a, id) {
		case Gone:
		case Trash:
			inBin = true
		default:
			return false, r.ID + ":" + ErasedLeft, last.Kind == ActEmpty
		}
	}
	if inBin {
		return false, r.ID + ":" + ErasedInBin, false
	}
	return true, "", false
}

// sampleMore is the way through a rule of the camera, the USB stick or
// the bin.
func (x *Files) sampleMore(r *Rule, a *Answer) {
	switch r.Check {
	case "erased":
		for _, id := range r.Values {
			a.Where[id] = Gone
		}
	case "copied":
		a.Copies[r.File] = append(a.Copies[r.File], r.Folder)
	case "ejected":
		a.Ejected = append(a.Ejected, r.Values...)
	case "cropped", "pdf", "under-limit":
		if x.Photo == nil {
			return
		}
		a.Cropped = true
		a.KB[x.Photo.ID] = x.Photo.CropKB
		a.KB[x.Photo.PDFID()] = x.Photo.CropPDFKB
		if r.Check == "under-limit" && a.Chosen == "" {
			a.Chosen = x.Photo.PDFID()
		}
	}
}
