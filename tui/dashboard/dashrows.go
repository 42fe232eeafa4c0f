package dashboard

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"aula/classroom"
	"aula/lessons"
	"aula/store"
	"aula/tui/ui"
)

// dashCols are the widths of the list's columns; 0 drops a column.
type dashCols struct{ name, state, lesson, path, last int }

func colsFor(w int) dashCols {
	c := dashCols{name: ui.Clamp(w*15/100, 10, 18), state: ui.Clamp((w*32+50)/100, 14, 26), last: 11}
	if w >= 100 {
		c.path = 15
	}
	used := func() int {
		n, gaps := 2+c.name+c.state, 2
		for _, x := range []int{c.path, c.last} {
			if x > 0 {
				n += x
				gaps++
			}
		}
		return n + gaps*dashGap
	}
	c.lesson = w - used()
	if c.lesson < 16 {
		c.last = 0
		c.lesson = w - used()
	}
	return c
}

// cell pads or cuts s (plain text) to n cells.
func cell(s string, n int) string {
	s = ui.Truncate(s, n)
	return s + strings.Repeat(" ", max(n-lipgloss.Width(s), 0))
}

// listLines is the table of learners.
func (d *Dashboard) listLines(w int) []string {
	st, cat := d.C.Styles, d.C.Cat
	if !d.loaded {
		return []string{st.Dim.Render(cat.T("loading"))}
	}
	if len(d.snap.Rows) == 0 {
		text := cat.T("dash_empty")
		if !d.live {
			text = cat.T("dash_empty_local")
		}
		return []string{ui.Wrap(text, min(w, ui.MaxTextWidth))}
	}
	c := colsFor(w)
	gap := strings.Repeat(" ", dashGap)
	head := "  " + cell(cat.T("dcol_name"), c.name) + gap + cell(cat.T("dcol_state"), c.state) + gap + cell(cat.T("dcol_lesson"), c.lesson)
	if c.path > 0 {
		head += gap + cell(cat.T("dcol_path"), c.path)
	}
	if c.last > 0 {
		head += gap + cell(cat.T("dcol_last"), c.last)
	}
	lines := []string{st.Dim.Render(strings.TrimRight(head, " "))}
	end := min(d.scroll.Top+max(d.ListRoom(), 1), len(d.snap.Rows))
	for i := d.scroll.Top; i < end; i++ {
		lines = append(lines, d.C.Zones.Mark(fmt.Sprintf("drow-%d", i), d.rowLine(i, d.snap.Rows[i], i == d.Cursor, c)))
	}
	return lines
}

// rowLine is one learner: name, state, lesson and step, path, last activity.
func (d *Dashboard) rowLine(i int, r classroom.Row, sel bool, c dashCols) string {
	st := d.C.Styles
	pointer, name := "  ", cell(clean(r.Name), c.name)
	if sel {
		pointer, name = st.Cursor.Render("▶ "), st.Cursor.Render(name)
	}
	return pointer + name + d.rowRest(i, r, c)
}

// rowRest is a row after the name. It only changes with the data or the
// width, so it is kept from one frame to the next.
func (d *Dashboard) rowRest(i int, r classroom.Row, c dashCols) string {
	if d.cache.gen != d.gen || d.cache.cols != c || len(d.cache.rest) != len(d.snap.Rows) {
		d.cache.gen, d.cache.cols = d.gen, c
		d.cache.rest = make([]string, len(d.snap.Rows))
	}
	if s := d.cache.rest[i]; s != "" {
		return s
	}
	gap := strings.Repeat(" ", dashGap)
	line := gap + d.stateCell(r, c.state) + gap + cell(d.lessonText(r, c.lesson), c.lesson)
	if c.path > 0 {
		line += gap + d.pathCell(r, c.path)
	}
	if c.last > 0 {
		line += gap + cell(d.lastText(r), c.last)
	}
	line = strings.TrimRight(line, " ")
	d.cache.rest[i] = line
	return line
}

// flagStyle is the colour of a flag; the symbol and the word say it too.
func (d *Dashboard) flagStyle(f classroom.Flag) lipgloss.Style {
	st := d.C.Styles
	switch f {
	case classroom.FlagHelp:
		return st.Bad
	case classroom.FlagStuck:
		return st.Warn
	case classroom.FlagFinished:
		return st.Good
	}
	return st.Dim
}

// flagText is a flag in words, with its symbol.
func (d *Dashboard) flagText(r classroom.Row, f classroom.Flag) string {
	cat := d.C.Cat
	switch f {
	case classroom.FlagHelp:
		wait := ""
		seen := false
		if p := r.Present; p != nil {
			// A hand raised seconds ago is "just now", not "1 min".
			if t := time.Duration(p.HelpWait)*time.Second + r.Seen; t < time.Minute {
				wait = cat.T("dwait_now")
			} else {
				wait = d.duration(t, false)
			}
			seen = p.HelpSeen
		}
		if seen {
			return cat.T("dflag_help_seen", "Wait", wait)
		}
		return cat.T("dflag_help", "Wait", wait)
	case classroom.FlagStuck:
		return cat.T("dflag_stuck")
	case classroom.FlagIdle:
		return cat.T("dflag_idle")
	case classroom.FlagOffline:
		return cat.T("dflag_offline")
	case classroom.FlagFinished:
		return cat.T("dflag_finished")
	}
	return clean(string(f)) // a flag this version does not know
}

// stateCell is the row's flags, most urgent first, in n cells.
func (d *Dashboard) stateCell(r classroom.Row, n int) string {
	st := d.C.Styles
	if len(r.Flags) == 0 {
		if p := r.Present; p != nil && p.Screen == "lesson" {
			return st.Dim.Render(cell(d.C.Cat.T("dflag_working"), n))
		}
		return cell("", n)
	}
	var out string
	used := 0
	for i, f := range r.Flags {
		text := d.flagText(r, f)
		sep := 0
		if i > 0 {
			sep = dashGap
		}
		tw := lipgloss.Width(text)
		if used+sep+tw > n {
			if i == 0 {
				text = ui.Truncate(text, n)
				tw = lipgloss.Width(text)
			} else {
				// No room for the whole word: say there is more.
				if used+sep+1 <= n {
					out += strings.Repeat(" ", sep) + "…"
					used += sep + 1
				}
				break
			}
		}
		out += strings.Repeat(" ", sep) + d.flagStyle(f).Render(text)
		used += sep + tw
	}
	return out + strings.Repeat(" ", max(n-used, 0))
}

// lessonTitle is a lesson's title, or its id in words when this laptop
// does not have it.
func (d *Dashboard) lessonTitle(id string) string {
	if l, ok := d.C.Lessons.Lesson(id); ok {
		return l.Title
	}
	return strings.ReplaceAll(clean(id), "-", " ")
}

// lessonText is where the learner is: lesson and step, or the screen.
func (d *Dashboard) lessonText(r classroom.Row, n int) string {
	cat := d.C.Cat
	if p := r.Present; p != nil && p.Lesson == "" {
		switch p.Screen {
		case "signin":
			return cat.T("dscreen_signin")
		case "home":
			return cat.T("dscreen_home")
		case "list":
			return cat.T("dscreen_list")
		case "join":
			return cat.T("dscreen_join")
		}
	}
	id, idx, steps := r.Current()
	if id == "" {
		return cat.T("dash_no_lesson")
	}
	title := d.lessonTitle(id)
	if l, ok := d.C.Lessons.Lesson(id); ok && steps == 0 {
		steps = len(l.Steps())
	}
	if steps == 0 {
		return title
	}
	step := ui.Clamp(idx+1, 1, steps)
	long := title + " · " + cat.T("dstep_of", "N", step, "Total", steps)
	if lipgloss.Width(long) <= n {
		return long
	}
	short := fmt.Sprintf(" · %d/%d", step, steps)
	return ui.Truncate(title, max(n-lipgloss.Width(short), 1)) + short
}

// pathOf is the itinerary that holds lesson id, if any.
func (d *Dashboard) pathOf(id string) *lessons.Itinerary {
	for _, it := range d.C.Lessons.Itineraries {
		for _, lid := range it.LessonIDs {
			if lid == id {
				return it
			}
		}
	}
	return nil
}

// pathCell is the progress along the itinerary of the current lesson: a
// bar and the count.
func (d *Dashboard) pathCell(r classroom.Row, n int) string {
	id, _, _ := r.Current()
	it := d.pathOf(id)
	if it == nil {
		return cell("", n)
	}
	done := 0
	for _, p := range r.Progress {
		if p.Status == store.Done {
			for _, lid := range it.LessonIDs {
				if lid == p.Lesson {
					done++
				}
			}
		}
	}
	total := len(it.LessonIDs)
	count := fmt.Sprintf(" %d/%d", done, total)
	barW := n - lipgloss.Width(count)
	if barW < 3 {
		return cell(strings.TrimSpace(count), n)
	}
	return ui.ProgressBar(d.C, done, total, barW) + count
}

// lastText is how long ago the learner did something.
func (d *Dashboard) lastText(r classroom.Row) string {
	if p := r.Present; p != nil {
		return d.ago(time.Duration(p.Idle)*time.Second + r.Seen)
	}
	if r.Last.IsZero() {
		return "—"
	}
	at := d.snap.At
	if at.IsZero() {
		at = d.C.Now()
	}
	return d.ago(at.Sub(r.Last))
}

// ago says a time in the past in words.
func (d *Dashboard) ago(t time.Duration) string {
	if t < time.Minute {
		return d.C.Cat.T("dago_now")
	}
	return d.C.Cat.T("dago", "D", d.duration(t, false))
}

// duration says a length of time briefly: "45 s", "3 min", "2 h", "3 d".
// Without seconds, anything under a minute is "1 min".
func (d *Dashboard) duration(t time.Duration, seconds bool) string {
	cat := d.C.Cat
	switch {
	case t < time.Minute && seconds:
		return cat.T("ddur_s", "N", int(max(t, 0)/time.Second))
	case t < time.Hour:
		return cat.T("ddur_min", "N", max(int(t/time.Minute), 1))
	case t < 24*time.Hour:
		h, m := int(t/time.Hour), int(t%time.Hour/time.Minute)
		if m == 0 {
			return cat.T("ddur_h", "N", h)
		}
		return cat.T("ddur_h_min", "N", h, "M", m)
	}
	return cat.T("ddur_d", "N", int(t/(24*time.Hour)))
}
