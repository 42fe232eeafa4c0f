package files

import (
	"aula/tui/access"
)

// deviceCommands are the words of the camera, the USB stick and the Bin,
// when the step has them, for the list of commands.
func (l *filesLines) deviceCommands() []string {
	m, cat := l.e.M, l.c.Cat
	var out []string
	if m.opt.Photo != nil {
		out = append(out, cat.T("line_files_cmd_photo", "Photo", l.w("line_cmd_photo"), "Crop", l.w("line_cmd_crop"), "PDF", l.w("line_cmd_pdf")))
	}
	if m.opt.Copy {
		out = append(out, cat.T("line_files_cmd_n", "Cmd", l.w("line_cmd_copy")))
	}
	if m.Stick() != nil {
		out = append(out, cat.T("line_files_cmd_usb", "Plug", l.w("line_cmd_plug"), "Eject", l.w("line_cmd_eject")))
	}
	if m.opt.Trash {
		out = append(out, cat.T("line_files_cmd_empty", "Empty", l.w("line_cmd_empty")))
	}
	return out
}

// device does a command of the camera, the stick or the Bin; ok is false
// when cmd is none of theirs.
func (l *filesLines) device(cmd string) (out []string, ok bool) {
	m, cat := l.e.M, l.c.Cat
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	var act func()
	switch {
	case m.opt.Photo != nil && is("line_cmd_photo"):
		act = m.Photograph
		if m.Taken() {
			return []string{cat.T("line_files_photo_taken")}, true
		}
	case m.opt.Photo != nil && (is("line_cmd_crop") || is("line_cmd_pdf")):
		if m.photoItem() == nil {
			return []string{cat.T("line_files_no_photo", "Photo", l.w("line_cmd_photo"))}, true
		}
		act = m.MakePDF
		if is("line_cmd_crop") {
			act = m.Crop
		}
	case m.Stick() != nil && is("line_cmd_plug"):
		act = m.Plug
	case m.Stick() != nil && is("line_cmd_eject"):
		act = m.Eject
	case m.opt.Trash && is("line_cmd_empty"):
		act = m.EmptyBin
	default:
		return nil, false
	}
	if m.Done {
		return []string{cat.T("line_files_done")}, true
	}
	m.Note = ""
	act()
	l.e.took(m.TakeEvent())
	return l.afterDevice(is), true
}

// afterDevice says what a command of the camera, the stick or the Bin
// did: its note, then the photo in words, or the folders now.
func (l *filesLines) afterDevice(is func(string) bool) []string {
	m := l.e.M
	out := []string{m.Note}
	if it := m.photoItem(); it != nil && (is("line_cmd_crop") || is("line_cmd_photo")) {
		out = append(out, it.Preview)
	}
	if is("line_cmd_plug") || is("line_cmd_eject") || is("line_cmd_empty") {
		out = append(out, l.folders()...)
	}
	return out
}
