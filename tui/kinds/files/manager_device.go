package files

import (
	"slices"

	filesjudge "aula/lessons/kinds/files"
)

// Buttons of the camera, the USB stick and the Bin.
const (
	btnPhoto = "photo"
	btnCrop  = "crop"
	btnPDF   = "pdf"
	btnCopy  = "copy"
	btnPlug  = "plug"
	btnEject = "eject"
	btnEmpty = "empty"
)

// Taken says whether the photo was taken.
func (m *Manager) Taken() bool {
	return m.opt.Photo != nil && m.Item(m.opt.Photo.ID) != nil
}

// Cropped says whether the photo was cropped.
func (m *Manager) Cropped() bool { return m.cropped }

// Photograph takes the photo of a paper: a big image appears in its
// folder, highlighted.
func (m *Manager) Photograph() {
	ph := m.opt.Photo
	if ph == nil || m.Taken() {
		return
	}
	m.Items = append(m.Items, &Item{ID: ph.ID, Name: ph.Name, Folder: ph.Folder, KB: ph.KB, Date: ph.Date, Preview: ph.Preview})
	m.Sort = filesjudge.SortName
	m.Select(ph.ID)
	m.Note = m.c.Cat.T("files_photo_taken", "Name", ph.Name, "Folder", m.FolderName(ph.Folder), "Size", SizeText(m.c.Cat, ph.KB))
	m.did(filesjudge.ActPhoto, ph.ID)
}

// Crop crops the photo to the paper alone: smaller, and without the table.
func (m *Manager) Crop() {
	ph := m.opt.Photo
	it := m.photoItem()
	if it == nil {
		return
	}
	if m.cropped {
		m.Note = m.c.Cat.T("files_crop_again")
		return
	}
	m.cropped = true
	it.KB, it.Preview = ph.CropKB, ph.CropPreview
	m.preview.Home()
	m.Note = m.c.Cat.T("files_cropped", "Size", SizeText(m.c.Cat, it.KB))
	m.did(filesjudge.ActCrop, ph.ID)
}

// MakePDF makes a PDF of the photo as it is now, beside it, and closes
// the viewer with the PDF highlighted. Made again, it replaces the first.
func (m *Manager) MakePDF() {
	ph := m.opt.Photo
	it := m.photoItem()
	if it == nil {
		return
	}
	kb := ph.PDFKB
	if m.cropped {
		kb = ph.CropPDFKB
	}
	preview := m.c.Cat.T("files_pdf_of", "Name", it.Name) + "\n" + it.Preview
	pdf := m.Item(ph.PDFID())
	if pdf == nil {
		pdf = &Item{ID: ph.PDFID(), Name: ph.PDFName()}
		m.Items = append(m.Items, pdf)
	}
	pdf.Folder, pdf.KB, pdf.Date, pdf.Preview = it.Folder, kb, it.Date, preview
	m.closeDialog()
	m.Select(pdf.ID)
	m.Note = m.c.Cat.T("files_pdf_made", "Name", pdf.Name, "Size", SizeText(m.c.Cat, kb))
	m.did(filesjudge.ActPDF, ph.ID)
}

// photoItem is the photo, when it was taken and is not in the Bin.
func (m *Manager) photoItem() *Item {
	if m.opt.Photo == nil {
		return nil
	}
	it := m.Item(m.opt.Photo.ID)
	if it == nil || it.Folder == filesjudge.Trash || it.Folder == filesjudge.Gone {
		return nil
	}
	return it
}

// TooBig says, in plain words, why file it cannot be attached: how big it
// is, what the limit is and what to do. "" when it is small enough.
func (m *Manager) TooBig(it *Item) string {
	if m.opt.LimitKB <= 0 || it.KB <= m.opt.LimitKB {
		return ""
	}
	cat := m.c.Cat
	what := "files_too_big_do"
	if m.opt.Photo != nil && it.ID == m.opt.Photo.ID {
		what = "files_too_big_photo"
	}
	do := cat.T(what)
	if m.opt.TooBigDo != "" {
		do = m.opt.TooBigDo
	}
	return cat.T("files_too_big", "Name", it.Name, "Size", SizeText(cat, it.KB), "Limit", SizeText(cat, m.opt.LimitKB)) + " " + do
}

// Copy puts a copy of file id in folder to; the copy remembers the file
// it came from.
func (m *Manager) Copy(id, to string) {
	it, f := m.Item(id), m.folder(to)
	if it == nil || f == nil {
		return
	}
	m.mode = modeList
	for _, o := range m.Items {
		if o.Folder == to && o.Name == it.Name {
			m.Note = m.c.Cat.T("files_copy_there", "Name", it.Name, "Folder", f.Name)
			return
		}
	}
	of := it.ID
	if it.Of != "" {
		of = it.Of
	}
	cp := *it
	cp.ID, cp.Folder, cp.Of = it.ID+"~copy-"+to, to, of
	m.Items = append(m.Items, &cp)
	m.Note = m.c.Cat.T("files_copied", "Name", it.Name, "Folder", f.Name)
	m.did(filesjudge.ActCopy, of)
}

// Copies are the folders each file was copied to: file id → folders.
func (m *Manager) Copies() map[string][]string {
	out := map[string][]string{}
	for _, it := range m.Items {
		if it.Of != "" && it.Folder != filesjudge.Trash && it.Folder != filesjudge.Gone {
			out[it.Of] = append(out[it.Of], it.Folder)
		}
	}
	return out
}

// Stick is the USB stick of the step (its first), or nil.
func (m *Manager) Stick() *Place {
	if len(m.sticks) == 0 {
		return nil
	}
	return m.sticks[0]
}

// Plugged says whether the USB stick is in: its folder shows.
func (m *Manager) Plugged() bool {
	s := m.Stick()
	return s != nil && m.folder(s.ID) != nil
}

// Plug puts the USB stick in: its folder appears, before the Bin, and
// shows.
func (m *Manager) Plug() {
	s := m.Stick()
	if s == nil || m.Plugged() {
		m.Note = m.c.Cat.T("files_plugged_already")
		return
	}
	at := len(m.Folders)
	if m.opt.Trash {
		at--
	}
	m.Folders = slices.Insert(m.Folders, at, s)
	m.ejected = slices.DeleteFunc(m.ejected, func(id string) bool { return id == s.ID })
	m.OpenFolder(s.ID)
	m.Note = m.c.Cat.T("files_plugged", "Folder", s.Name)
	m.did(filesjudge.ActPlug, s.ID)
}

// Eject safely removes the USB stick: its folder goes, and the files on
// it stay on it.
func (m *Manager) Eject() {
	s := m.Stick()
	if s == nil || !m.Plugged() {
		m.Note = m.c.Cat.T("files_not_plugged")
		return
	}
	m.Folders = slices.DeleteFunc(m.Folders, func(f *Place) bool { return f.ID == s.ID })
	m.ejected = append(m.ejected, s.ID)
	if m.At == s.ID {
		m.OpenFolder(m.Folders[0].ID)
	}
	if m.area == areaButtons {
		m.btnAt = 0
	}
	m.Note = m.c.Cat.T("files_ejected", "Folder", s.Name)
	m.did(filesjudge.ActEject, s.ID)
}

// Ejected are the USB sticks safely removed and not plugged in again.
func (m *Manager) Ejected() []string { return slices.Clone(m.ejected) }

// EmptyBin deletes for ever the files in the Bin.
func (m *Manager) EmptyBin() {
	n := m.Count(filesjudge.Trash)
	if n == 0 {
		m.Note = m.c.Cat.T("files_bin_empty")
		return
	}
	for _, it := range m.Items {
		if it.Folder == filesjudge.Trash {
			it.Folder = filesjudge.Gone
		}
	}
	m.fileAt = 0
	if m.area == areaButtons {
		m.btnAt = 0
	}
	m.Note = m.c.Cat.T("files_emptied", "Count", n)
	m.did(filesjudge.ActEmpty, "")
}

// deviceButtons are the list's buttons of the camera, the stick and the
// Bin, when the step has them.
func (m *Manager) deviceButtons(b func(string) button) []button {
	var out []button
	if m.opt.Photo != nil && !m.Taken() {
		out = append(out, b(btnPhoto))
	}
	if m.opt.Copy {
		out = append(out, b(btnCopy))
	}
	if m.Stick() != nil {
		if m.Plugged() {
			out = append(out, b(btnEject))
		} else {
			out = append(out, b(btnPlug))
		}
	}
	if m.opt.Trash && m.At == filesjudge.Trash {
		out = append(out, b(btnEmpty))
	}
	return out
}

// photoButtons are the viewer's buttons when it shows the photo: crop it,
// make it a PDF.
func (m *Manager) photoButtons(b func(string) button) []button {
	if m.Done || m.viewing == nil || m.opt.Photo == nil || m.viewing.ID != m.opt.Photo.ID || m.photoItem() == nil {
		return nil
	}
	if m.cropped {
		return []button{b(btnPDF)}
	}
	return []button{b(btnCrop), b(btnPDF)}
}

// pressDevice does what a button of the camera, the stick or the Bin
// says; false when id is none of theirs.
func (m *Manager) pressDevice(id string) bool {
	switch id {
	case btnPhoto:
		m.Photograph()
	case btnCrop:
		m.Crop()
	case btnPDF:
		m.MakePDF()
	case btnCopy:
		if m.Current() == nil {
			m.Note = m.c.Cat.T("files_no_file")
			return true
		}
		m.mode, m.moveAt = modeCopy, 0
	case btnPlug:
		m.Plug()
	case btnEject:
		m.Eject()
	case btnEmpty:
		m.EmptyBin()
	default:
		return false
	}
	return true
}
