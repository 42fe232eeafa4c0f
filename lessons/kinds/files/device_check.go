package files

import (
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
)

// checkPhoto checks the camera's photo: an image with its sizes in the
// order a crop and a PDF make them (smaller each time), saved in one of
// the step's folders. Its id and its PDF's join the step's files.
func (x *Files) checkPhoto(p *judge.Problems, step string, n *yaml.Node, files map[string]bool) {
	if x.LimitKB < 0 {
		p.Add(judge.Or(judge.Child(n, "limit_kb"), n), "step %q: limit_kb is a size in kilobytes, such as 1000 for 1 MB", step)
	}
	ph := x.Photo
	if ph == nil {
		return
	}
	at := judge.Or(judge.Child(n, "photo"), n)
	p.UnknownKeys(at, ph)
	p.CheckID(at, step, "file", ph.ID, files)
	files[ph.PDFID()] = true
	if ph.Folder == "" {
		ph.Folder = x.Start
		if ph.Folder == "" && len(x.Folders) > 0 {
			ph.Folder = x.Folders[0].ID
		}
	}
	field := func(name string) *yaml.Node { return judge.Or(judge.Child(at, name), at) }
	switch e := Ext(ph.Name); {
	case e != "JPG" && e != "JPEG" && e != "PNG":
		p.Add(field("name"), "step %q: the photo needs a name ending in .jpg or .png, such as IMG_20261206_1032.jpg", step)
	case x.Folder(ph.Folder) == nil:
		p.Add(field("folder"), "step %q: the photo's folder %q is not one of its folders", step, ph.Folder)
	case strings.TrimSpace(ph.Preview) == "" || strings.TrimSpace(ph.CropPreview) == "":
		p.Add(at, "step %q: the photo needs preview and crop_preview: the photo in words, before and after the crop", step)
	case ph.CropKB <= 0 || ph.KB <= ph.CropKB:
		p.Add(field("crop_kb"), "step %q: the photo needs kb and a smaller crop_kb (its size once cropped)", step)
	case ph.CropPDFKB <= 0 || ph.PDFKB <= ph.CropPDFKB:
		p.Add(field("crop_pdf_kb"), "step %q: the photo needs pdf_kb and a smaller crop_pdf_kb (its PDF, whole and cropped)", step)
	case x.LimitKB > 0 && ph.CropPDFKB > x.LimitKB:
		p.Add(field("crop_pdf_kb"), "step %q: crop_pdf_kb %d is over limit_kb %d: nothing could be attached", step, ph.CropPDFKB, x.LimitKB)
	}
	if _, err := time.Parse("2006-01-02", ph.Date); err != nil {
		p.Add(field("date"), "step %q: the photo needs a date such as 2026-12-06", step)
	}
}

// checkDevice: the camera's checks need a photo, under-limit a limit,
// and a USB stick cannot be the folder shown first.
func (r *Rule) checkDevice(x *Files, p *judge.Problems, what string, node *yaml.Node) {
	switch r.Check {
	case "cropped", "pdf":
		if x.Photo == nil {
			p.Add(judge.Or(judge.Child(node, "check"), node), "%s: check %q needs the step's photo:", what, r.Check)
		}
	case "under-limit":
		if x.LimitKB <= 0 {
			p.Add(judge.Or(judge.Child(node, "check"), node), "%s: check under-limit needs the step's limit_kb", what)
		}
	case "copied":
		if _, start := x.File(r.File); start != nil && start.ID == r.Folder {
			p.Add(judge.Child(node, "folder"), "%s: file %q is in folder %q already", what, r.File, r.Folder)
		}
	}
}
