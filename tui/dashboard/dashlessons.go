package dashboard

import "strings"

// The trainer's lessons folder (aula trainer --publish DIR): one line under
// the title when the folder as saved last was refused, and, in the help,
// what the class has and every problem found.

// lessonsLine says that the folder was refused; "" when it was not.
func (d *Dashboard) lessonsLine() string {
	p := d.snap.Lessons
	if p == nil || len(p.Problems) == 0 {
		return ""
	}
	return d.C.Styles.Bad.Render("! " + d.C.Cat.T("dash_lessons_refused", "Folder", clean(p.Folder), "Count", len(p.Problems)))
}

// lessonsHelp is the help's part about the folder: what the class has, and
// why the last save was refused.
func (d *Dashboard) lessonsHelp() string {
	p, cat := d.snap.Lessons, d.C.Cat
	if p == nil {
		return ""
	}
	var b strings.Builder
	if p.Version != "" {
		b.WriteString("\n\n" + cat.T("dash_lessons_published", "Folder", clean(p.Folder), "Count", p.Lessons, "Time", p.At.Local().Format("15:04")))
		for _, id := range p.IDs {
			b.WriteString("\n  • " + d.lessonTitle(id))
		}
	}
	if len(p.Problems) > 0 {
		b.WriteString("\n\n" + cat.T("dash_lessons_problems", "Folder", clean(p.Folder), "Count", len(p.Problems)))
		for _, pr := range p.Problems {
			b.WriteString("\n  " + clean(pr))
		}
	}
	return b.String()
}

// usePublished takes the library with the folder published last, when it
// changed: the rows, the detail, the class view and the lesson picker then
// name its lessons by their titles in the trainer's language.
func (d *Dashboard) usePublished() {
	if d.cfg.Published == nil {
		return
	}
	lib := d.cfg.Published()
	if lib == nil || lib == d.published {
		return
	}
	d.published = lib
	if c := lib.Catalog(d.C.Cat.Lang()); c != nil {
		d.C.Lessons = c
	}
}
