package dashboard

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"aula/classroom"
	"aula/i18n"
	"aula/lessons"
	browserjudge "aula/lessons/kinds/browser"
	chatjudge "aula/lessons/kinds/chat"
	filesjudge "aula/lessons/kinds/files"
	"aula/lessons/kinds/form"
	"aula/lessons/validate"
	"aula/store"
	"aula/tui/ui"
)

// step finds a step of a lesson by id.
func (d *Dashboard) step(lessonID, stepID string) (*lessons.Step, int) {
	l, ok := d.C.Lessons.Lesson(lessonID)
	if !ok {
		return nil, -1
	}
	for i, s := range l.Steps() {
		if s.ID == stepID {
			return s, i
		}
	}
	return nil, -1
}

// stepTitle is "3. Title" for a step of a lesson, or its id in words.
func (d *Dashboard) stepTitle(lessonID, stepID string, index int) string {
	if s, i := d.step(lessonID, stepID); s != nil {
		return fmt.Sprintf("%d. %s", i+1, s.Title)
	}
	return fmt.Sprintf("%d. %s", index+1, strings.ReplaceAll(clean(stepID), "-", " "))
}

// MistakeName says a mistake id of a step readably: the text of the
// option chosen, the item put out of place, or the id in words.
func (d *Dashboard) MistakeName(lessonID, stepID, id string) string {
	cat := d.C.Cat
	if s, _ := d.step(lessonID, stepID); s != nil {
		switch ex := s.Exercise.(type) {
		case *lessons.Choose:
			for _, o := range ex.Options {
				if o.ID == id {
					return cat.T("dmistake_option", "Text", ui.Truncate(o.Text, 40))
				}
			}
		case *form.Form, *browserjudge.Browser, *chatjudge.Chat, *filesjudge.Files:
			if name := appMistakeName(cat, ex, id); name != "" {
				return name
			}
		case *lessons.Order:
			if item, ok := strings.CutPrefix(id, "order-"); ok {
				for _, it := range ex.Items {
					if it.ID == item {
						return cat.T("dmistake_order", "Item", ui.Truncate(it.Text, 40))
					}
				}
			}
		}
	}
	switch id {
	case "none":
		return cat.T("dmistake_none")
	case "missing":
		return cat.T("dmistake_missing")
	case "empty":
		return cat.T("dmistake_empty")
	case "wrong":
		return cat.T("dmistake_wrong")
	}
	return strings.ReplaceAll(clean(id), "-", " ")
}

// appMistakeName says the outcome of a whole practice application (the
// form, the browser, the phone, the file manager) readably; "" when the id
// is not one of its rules.
func appMistakeName(cat *i18n.Catalog, ex any, id string) string {
	switch ex := ex.(type) {
	case *form.Form:
		return formMistakeName(cat, ex, id)
	case *browserjudge.Browser:
		return browserMistakeName(cat, ex, id)
	case *chatjudge.Chat:
		return chatMistakeName(cat, ex, id)
	case *filesjudge.Files:
		return filesMistakeName(cat, ex, id)
	}
	return ""
}

// formMistakeName says a form's outcome readably: the field's label and
// what was wrong with it ("DNI: La letra no corresponde…"), or that the
// session ended. "" for an id that is not the form's.
func formMistakeName(cat *i18n.Catalog, fm *form.Form, id string) string {
	if id == "session.timeout" {
		return cat.T("dmistake_timeout")
	}
	fieldID, rule, ok := strings.Cut(id, ".")
	if !ok {
		return ""
	}
	var field *form.Field
	for _, p := range fm.Pages {
		for _, f := range p.Fields {
			for _, g := range append([]*form.Field{f}, f.Fields...) {
				if g.ID == fieldID {
					field = g
				}
			}
		}
	}
	if field == nil {
		return ""
	}
	words := cat.T("dmistake_wrong")
	switch rule {
	case "mismatch", "items":
		words = cat.T("dmistake_not_persona")
	case validate.RuleTooLong, validate.RuleCodeFormat, validate.RuleFileType, validate.RuleFileSize:
		// Their words need the field's numbers: the rule's name says enough.
		words = strings.ReplaceAll(rule, "_", " ")
	default:
		if slices.Contains(validate.FormRules(), rule) {
			words = cat.T("form_err_" + rule)
		}
	}
	return cat.T("dmistake_field", "Field", ui.Truncate(field.Label, 30), "Rule", ui.Truncate(words, 50))
}

// mistakesText lists a step's mistakes, the most frequent first.
func (d *Dashboard) mistakesText(lessonID, stepID string, m map[string]int) string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s ×%d", d.MistakeName(lessonID, stepID, id), m[id])
	}
	return strings.Join(parts, ", ")
}

// detailLines is one learner: who, where, the buttons, then their lessons
// step by step (scrolled).
func (d *Dashboard) detailLines(w, room int) []string {
	st, cat := d.C.Styles, d.C.Cat
	r, ok := d.subject()
	name := ""
	if ok {
		name = clean(r.Name)
	}
	fit := lipgloss.NewStyle().MaxWidth(w)
	head := st.Title.Render(name)
	if ok && len(r.Flags) > 0 {
		head += "   " + d.stateCell(r, max(w-lipgloss.Width(head)-3, 1))
	}
	lines := []string{fit.Render(head)}
	where := ui.Wrap(d.whereText(r), w)
	lines = append(lines, strings.Split(where, "\n")...)
	lines = append(lines, flow(d.learnerButtons(), w, 3)...)
	lines = append(lines, "")

	var body []string
	switch {
	case d.detail == nil && d.detailErr:
		body = []string{st.Bad.Render("! ") + cat.T("ddetail_failed")}
	case d.detail == nil:
		body = []string{st.Dim.Render(cat.T("loading"))}
	case len(d.detail.Lessons) == 0:
		body = []string{cat.T("ddetail_nothing")}
	default:
		for i, ld := range d.detail.Lessons {
			if i > 0 {
				body = append(body, "")
			}
			body = append(body, d.lessonBlock(ld, w)...)
		}
	}
	room -= len(lines)
	if room < 1 {
		return lines
	}
	if len(body) > room {
		d.detailScroll.Clamp(len(body), room)
		more := st.Dim.Render(cat.T("more_below"))
		if top := d.detailScroll.Top; top+room < len(body) {
			body = append(body[top:top+room-1], fit.Render(more))
		} else {
			body = body[top:]
		}
	} else {
		d.detailScroll.Home()
	}
	return append(lines, body...)
}

// whereText is where the learner is now, and how it is going there.
func (d *Dashboard) whereText(r classroom.Row) string {
	cat := d.C.Cat
	parts := []string{cat.T("dwhere", "Where", d.lessonText(r, 1000))}
	if p := r.Present; p != nil && p.Screen == "lesson" {
		if p.Misses > 0 {
			parts = append(parts, cat.T("dwhere_misses", "Count", p.Misses))
		}
		if p.OnStep >= 60 {
			parts = append(parts, cat.T("dwhere_on_step", "Time", d.duration(time.Duration(p.OnStep)*time.Second, false)))
		}
	}
	parts = append(parts, cat.T("dwhere_last", "When", d.lastText(r)))
	return strings.Join(parts, " · ")
}

// learnerButtons are the actions on the learner shown.
func (d *Dashboard) learnerButtons() []string {
	cat := d.C.Cat
	var b []string
	if d.live {
		b = append(b,
			d.dashButton("dbtn-msg", "m", cat.T("dbtn_message")),
			d.dashButton("dbtn-ack", "a", cat.T("dbtn_ack")),
			d.dashButton("dbtn-lesson", "l", cat.T("dbtn_lesson")))
	}
	b = append(b,
		d.dashButton("dbtn-pin", "r", cat.T("dbtn_reset_pin")),
		d.dashButton("dbtn-back", "Esc", cat.T("dbtn_back")))
	return b
}

// lessonBlock is one lesson of the detail: its title and state, then a
// line per step touched, and the mistakes under it.
func (d *Dashboard) lessonBlock(ld classroom.LessonDetail, w int) []string {
	st, cat := d.C.Styles, d.C.Cat
	state := cat.T("dstatus_in_progress")
	if ld.Status == store.Done {
		state = "✔ " + cat.T("dstatus_done")
	}
	head := st.Title.Render(d.lessonTitle(ld.Lesson)) + st.Dim.Render(" · ") + state +
		st.Dim.Render(" · ") + cat.T("dtotal_time", "Time", d.duration(ld.Total, true))
	out := []string{lipgloss.NewStyle().MaxWidth(w).Render(head)}
	heads := []string{cat.T("dcol_attempts"), cat.T("dcol_misses"), cat.T("dcol_hints"), cat.T("dcol_time")}
	widths := make([]int, len(heads))
	total := 0
	for i, h := range heads {
		widths[i] = max(lipgloss.Width(h), 6)
		total += widths[i] + dashGap
	}
	titleW := ui.Clamp(w-4-total, 8, 44)
	row := func(mark, title string, vals []string) string {
		s := "  " + mark + " " + cell(title, titleW)
		for i, v := range vals {
			s += strings.Repeat(" ", dashGap) + strings.Repeat(" ", max(widths[i]-lipgloss.Width(v), 0)) + v
		}
		return s
	}
	out = append(out, st.Dim.Render(row(" ", cat.T("dcol_step"), heads)))
	for _, s := range ld.Steps {
		mark := "○"
		if s.Done {
			mark = st.Good.Render("✔")
		}
		out = append(out, row(mark, d.stepTitle(ld.Lesson, s.Step, s.Index), []string{
			fmt.Sprint(s.Attempts), fmt.Sprint(s.Misses), fmt.Sprint(s.Hints), d.duration(s.Time, true)}))
		if len(s.Mistakes) > 0 {
			text := cat.T("dmistakes", "List", d.mistakesText(ld.Lesson, s.Step, s.Mistakes))
			wrapped := ui.Wrap(text, max(w-6, 10))
			for _, l := range strings.Split(wrapped, "\n") {
				out = append(out, "      "+st.Bad.Render(strings.TrimRight(l, " ")))
			}
		}
	}
	return out
}

// troubleLessons are the lessons the class has touched, the one most
// learners are in now first.
func (d *Dashboard) troubleLessons() []string {
	now := map[string]int{}
	touched := map[string]int{}
	for _, r := range d.snap.Rows {
		if id, _, _ := r.Current(); id != "" {
			now[id]++
		}
		for _, p := range r.Progress {
			touched[p.Lesson]++
		}
	}
	order := map[string]int{}
	for i, l := range d.C.Lessons.AllLessons() {
		order[l.ID] = i
	}
	var ids []string
	for id := range touched {
		ids = append(ids, id)
	}
	for id := range now {
		if touched[id] == 0 {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int {
		oa, ok := order[a]
		if !ok {
			oa = len(order)
		}
		ob, ok := order[b]
		if !ok {
			ob = len(order)
		}
		return cmp.Or(cmp.Compare(now[b], now[a]), cmp.Compare(touched[b], touched[a]), cmp.Compare(oa, ob), cmp.Compare(a, b))
	})
	return ids
}

// troubleLesson is the lesson of the class view: the one chosen, else the
// most common.
func (d *Dashboard) troubleLesson() (string, int, int) {
	ids := d.troubleLessons()
	for i, id := range ids {
		if id == d.trouble {
			return id, i, len(ids)
		}
	}
	if len(ids) == 0 {
		return "", 0, 0
	}
	return ids[0], 0, len(ids)
}

// otherLesson moves the class view to the next or previous lesson.
func (d *Dashboard) otherLesson(next bool) {
	ids := d.troubleLessons()
	if len(ids) == 0 {
		return
	}
	_, i, n := d.troubleLesson()
	if next {
		i = (i + 1) % n
	} else {
		i = (i - 1 + n) % n
	}
	d.trouble, d.troublePicked = ids[i], true
}

// troubleLines is the class view: for one lesson, the steps most learners
// got wrong, with the most common mistake.
func (d *Dashboard) troubleLines(w int) []string {
	st, cat := d.C.Styles, d.C.Cat
	fit := lipgloss.NewStyle().MaxWidth(w)
	wrap := ui.Wrapper(min(w, ui.MaxTextWidth+20))
	if !d.loaded {
		return []string{st.Dim.Render(cat.T("loading"))}
	}
	id, i, n := d.troubleLesson()
	if id == "" {
		return []string{st.Title.Render(cat.T("dtrouble_heading")), "", wrap.Render(cat.T("dtrouble_no_lessons")),
			"", d.dashButton("dbtn-back", "Esc", cat.T("dbtn_back"))}
	}
	started := 0
	for _, r := range d.snap.Rows {
		if slices.ContainsFunc(r.Progress, func(p store.Progress) bool { return p.Lesson == id }) {
			started++
		}
	}
	head := st.Title.Render(cat.T("dtrouble_title", "Title", d.lessonTitle(id)))
	if n > 1 {
		arrow := func(id, a string) string {
			if d.focus == id {
				return d.C.Zones.Mark(id, "▶"+st.ButtonOn.Render(a))
			}
			return d.C.Zones.Mark(id, st.ButtonOn.Render(a))
		}
		head += "   " + arrow("dprev", "←") + st.Dim.Render(" "+cat.T("dtrouble_which", "N", i+1, "Total", n)+" ") + arrow("dnext", "→")
	}
	lines := []string{fit.Render(head)}
	lines = append(lines, strings.Split(wrap.Render(cat.T("dtrouble_text", "Count", started)), "\n")...)
	lines = append(lines, fit.Render(d.dashButton("dbtn-back", "Esc", cat.T("dbtn_back"))), "")
	steps := classroom.Trouble(d.snap.Rows, id)
	if len(steps) == 0 {
		return append(lines, wrap.Render(cat.T("dtrouble_none")))
	}
	peopleW := max(lipgloss.Width(cat.T("dcol_people")), lipgloss.Width(cat.T("dtrouble_people", "N", started, "Total", started)))
	missW := max(lipgloss.Width(cat.T("dcol_misses")), 5)
	titles := make([]string, len(steps))
	titleW := lipgloss.Width(cat.T("dcol_step"))
	for i, t := range steps {
		_, idx := d.step(id, t.Step)
		titles[i] = d.stepTitle(id, t.Step, max(idx, 0))
		if idx < 0 {
			titles[i] = strings.ReplaceAll(clean(t.Step), "-", " ")
		}
		titleW = max(titleW, lipgloss.Width(titles[i]))
	}
	// The step's title gets what it needs, leaving the mistake 16 cells.
	titleW = ui.Clamp(titleW, 10, max(w-peopleW-missW-2-3*dashGap-16, 10))
	mistakeW := max(w-titleW-peopleW-missW-2-3*dashGap, 8)
	gap := strings.Repeat(" ", dashGap)
	row := func(a, b, c, e string) string {
		return strings.TrimRight("  "+cell(a, titleW)+gap+cell(b, peopleW)+gap+cell(c, missW)+gap+cell(e, mistakeW), " ")
	}
	lines = append(lines, st.Dim.Render(row(cat.T("dcol_step"), cat.T("dcol_people"), cat.T("dcol_misses"), cat.T("dcol_mistake"))))
	for i, t := range steps {
		lines = append(lines, row(titles[i], cat.T("dtrouble_people", "N", t.Learners, "Total", started),
			fmt.Sprint(t.Misses), d.MistakeName(id, t.Step, t.Mistake)))
	}
	return lines
}
