package dashboard

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"aula/classroom"
	"aula/lessons"
	"aula/store"
	"aula/tui/ui"
)

// Layout of the dashboard.
const (
	bigCodeMinWidth  = 64 // narrower than this, the code is written small
	bigCodeMinHeight = 20
	dashFooter       = 2 // status line and keys line
)

// bigFont draws the digits 3 pixels wide and 5 high; each pixel is two
// cells wide, so the digits look square and read from the back of a room.
var bigFont = map[rune][5]string{
	'0': {"###", "#.#", "#.#", "#.#", "###"},
	'1': {".#.", "##.", ".#.", ".#.", "###"},
	'2': {"###", "..#", "###", "#..", "###"},
	'3': {"###", "..#", ".##", "..#", "###"},
	'4': {"#.#", "#.#", "###", "..#", "..#"},
	'5': {"###", "#..", "###", "..#", "###"},
	'6': {"###", "#..", "###", "#.#", "###"},
	'7': {"###", "..#", "..#", "..#", "..#"},
	'8': {"###", "#.#", "###", "#.#", "###"},
	'9': {"###", "#.#", "###", "..#", "###"},
}

// pixels turns the font's marks into cells.
var pixels = strings.NewReplacer("#", "██", ".", "  ")

// bigText draws s in the big font, 5 lines; ok is false when s has
// anything but digits.
func bigText(s string) (lines [5]string, ok bool) {
	if s == "" {
		return lines, false
	}
	for i, r := range s {
		g, found := bigFont[r]
		if !found {
			return [5]string{}, false
		}
		for row := range 5 {
			if i > 0 {
				lines[row] += "  "
			}
			lines[row] += pixels.Replace(g[row])
		}
	}
	return lines, true
}

// showBig says whether the code is drawn big now.
func (d *Dashboard) showBig() bool {
	_, ok := bigText(d.code())
	return ok && d.bigCode && d.live && d.width-2 >= bigCodeMinWidth && d.height >= bigCodeMinHeight
}

// topLines is the top of the screen: where to join, the code, how the
// class is, and the buttons for everyone. Its height depends on the mode
// and the width only (see topHeight), never on the data.
func (d *Dashboard) topLines(w int) []string {
	st, cat := d.C.Styles, d.C.Cat
	fit := func(s string, n int) string { return lipgloss.NewStyle().MaxWidth(max(n, 0)).Render(s) }
	wrap := func(s string, n, most int) []string {
		lines := strings.Split(lipgloss.NewStyle().Width(max(n, 1)).Render(s), "\n")
		for i := range lines {
			lines[i] = fit(strings.TrimRight(lines[i], " "), n)
		}
		if len(lines) > most {
			lines = lines[:most]
		}
		for len(lines) < most {
			lines = append(lines, "")
		}
		return lines
	}
	summary := d.summary()
	if !d.live {
		lines := []string{fit(st.Header.Render("Aula")+st.HeaderDim.Render(" · "+cat.T("dash_title_local")), w), fit(cat.T("dash_local_who"), w)}
		lines = append(lines, wrap(st.Dim.Render(cat.T("dash_local_note")), w, 2)...)
		return append(lines, fit(summary, w))
	}
	title := st.Header.Render("Aula") + st.HeaderDim.Render(" · "+cat.T("dash_title"))
	code := d.code()
	buttons := d.buttonLines(w)
	if d.showBig() {
		big, _ := bigText(code)
		leftW := w - lipgloss.Width(big[0]) - 2
		left := []string{title}
		if d.cfg.Address != "" {
			left = append(left, cat.T("dash_address", "Address", d.cfg.Address))
		}
		left = append(left, cat.T("dash_code_big", "Code", st.Title.Render(code)))
		left = append(left, wrap(summary, leftW, 5-len(left))...)
		lines := make([]string, 0, 5+len(buttons))
		for i := range 5 {
			l := fit(left[i], leftW)
			lines = append(lines, l+strings.Repeat(" ", max(leftW-lipgloss.Width(l), 0))+"  "+st.Title.Render(big[i]))
		}
		return append(lines, buttons...)
	}
	// The code comes first: it is what the class needs to read. Where
	// there is no room, the title gives way to the address.
	where := ""
	if code != "" {
		where += st.HeaderDim.Render("  ·  ") + cat.T("dash_code", "Code", st.Title.Render(code))
	}
	if d.cfg.Address != "" {
		where += st.HeaderDim.Render("  ·  ") + cat.T("dash_address", "Address", d.cfg.Address)
	}
	head := title + where
	if lipgloss.Width(head) > w {
		head = st.Header.Render("Aula") + where
	}
	return append([]string{fit(head, w), fit(summary, w)}, buttons...)
}

// flow puts items on lines of at most w cells, gap apart.
func flow(items []string, w, gap int) []string {
	var lines []string
	cur, curW := "", 0
	for _, it := range items {
		iw := lipgloss.Width(it)
		switch {
		case curW == 0:
			cur, curW = it, iw
		case curW+gap+iw <= w:
			cur += strings.Repeat(" ", gap) + it
			curW += gap + iw
		default:
			lines = append(lines, cur)
			cur, curW = it, iw
		}
	}
	if curW > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// buttonLines are the class buttons, flowed to the width.
func (d *Dashboard) buttonLines(w int) []string {
	return flow(d.classButtons(), w, 3)
}

// summary counts the class in words.
func (d *Dashboard) summary() string {
	st, cat := d.C.Styles, d.C.Cat
	if !d.loaded {
		return st.Dim.Render(cat.T("loading"))
	}
	var help, stuck int
	for _, r := range d.snap.Rows {
		if r.Has(classroom.FlagHelp) {
			help++
		}
		if r.Has(classroom.FlagStuck) {
			stuck++
		}
	}
	parts := []string{cat.T("dsum_people", "Count", len(d.snap.Rows))}
	if help > 0 {
		parts = append(parts, st.Bad.Render(cat.T("dsum_help", "Count", help)))
	}
	if stuck > 0 {
		parts = append(parts, d.flagStyle(classroom.FlagStuck).Render(cat.T("dsum_stuck", "Count", stuck)))
	}
	if d.snap.Paused {
		parts = append(parts, st.Bad.Render(cat.T("dsum_paused")))
	}
	if room := d.ListRoom(); d.view == viewList && room > 0 && len(d.snap.Rows) > room {
		end := min(d.offset+room, len(d.snap.Rows))
		parts = append(parts, st.Dim.Render(cat.T("dsum_showing", "From", d.offset+1, "To", end)))
	}
	return strings.Join(parts, st.Dim.Render(" · "))
}

// classButtons are the buttons that act on everyone.
func (d *Dashboard) classButtons() []string {
	cat := d.C.Cat
	pause := cat.T("dbtn_pause_all")
	if d.snap.Paused {
		pause = cat.T("dbtn_resume_all")
	}
	return []string{
		d.dashButton("dbtn-msg-all", "M", cat.T("dbtn_message_all")),
		d.dashButton("dbtn-pause", "P", pause),
		d.dashButton("dbtn-lesson-all", "L", cat.T("dbtn_lesson_all")),
	}
}

// dashButton is a clickable button with its key in front.
func (d *Dashboard) dashButton(id, k, label string) string {
	st := d.C.Styles
	return d.C.Zones.Mark(id, st.ButtonOn.Render("["+k+"]")+" "+label)
}

// topHeight is how many lines the top takes, with the blank line after it.
func (d *Dashboard) topHeight() int {
	switch {
	case !d.live:
		return 6
	case d.showBig():
		return 5 + len(d.buttonLines(d.C.Width)) + 1
	}
	return 2 + len(d.buttonLines(d.C.Width)) + 1
}

// ListRoom is how many learner rows fit on screen.
func (d *Dashboard) ListRoom() int {
	return d.height - dashFooter - d.topHeight() - 1 // the column titles
}

// detailRoom is how many lines of a learner's detail fit on screen.
func (d *Dashboard) detailRoom() int {
	return d.height - dashFooter - d.topHeight() - 4 // name, where, buttons, blank
}

// View draws the dashboard.
func (d *Dashboard) View() string {
	if d.width == 0 {
		return ""
	}
	if d.width < ui.MinWidth || d.height < ui.MinHeight {
		if d.width < 2 || d.height < 1 {
			return ""
		}
		return lipgloss.NewStyle().Width(d.width).MaxWidth(d.width).MaxHeight(d.height).Render(d.C.Cat.T("too_small"))
	}
	st := d.C.Styles
	w := d.C.Width
	bodyH := d.height - dashFooter
	top := d.topLines(w)
	if _, help := d.Overlay.(dashHelp); help {
		top = nil // help takes the whole screen
	}
	room := bodyH - len(top) - 1
	var lines []string
	var keys []key.Binding
	if d.Overlay != nil {
		lines = strings.Split(d.Overlay.View(w, room), "\n")
		if h, ok := d.Overlay.(interface{ Keys() []key.Binding }); ok {
			keys = h.Keys()
		}
	} else {
		keys = d.keys()
		switch d.view {
		case viewDetail:
			lines = d.detailLines(w, room)
		case viewTrouble:
			lines = d.troubleLines(w)
		default:
			lines = d.listLines(w)
		}
	}
	if len(lines) > room {
		lines = lines[:max(room, 0)]
	}
	all := strings.Split(strings.Join(lines, "\n"), "\n")
	if len(top) > 0 {
		all = append(append(top, ""), all...)
	}
	all = all[:min(len(all), bodyH)]
	for len(all) < bodyH {
		all = append(all, "")
	}

	status := d.status
	switch {
	case status == "":
	case d.statusBad:
		status = st.Bad.Render("! " + status)
	default:
		status = st.Status.Render(status)
	}
	keys = append([]key.Binding{d.C.Keys.Help}, keys...)
	all = append(all, status, d.keysLine(keys, w))
	return d.C.Zones.Scan(frame(all, w))
}

// frame pads every line to w cells (cutting those that are longer) with a
// margin of one cell on each side, as the App style does, without
// wrapping: every line of the dashboard is laid out to fit already.
func frame(lines []string, w int) string {
	cut := lipgloss.NewStyle().MaxWidth(w)
	var b strings.Builder
	for i, l := range lines {
		lw := lipgloss.Width(l)
		if lw > w {
			l = cut.Render(l)
			lw = lipgloss.Width(l)
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteByte(' ')
		b.WriteString(l)
		b.WriteString(strings.Repeat(" ", w-lw+1))
	}
	return b.String()
}

// dashCols are the widths of the list's columns; 0 drops a column.
type dashCols struct{ name, state, lesson, path, last int }

const dashGap = 2

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
		return []string{lipgloss.NewStyle().Width(min(w, ui.MaxTextWidth)).Render(text)}
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
	end := min(d.offset+max(d.ListRoom(), 1), len(d.snap.Rows))
	for i := d.offset; i < end; i++ {
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
			wait = d.duration(time.Duration(p.HelpWait)*time.Second+r.Seen, false)
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
		steps = len(l.Steps)
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

// keysLine is the footer's keys, as many as fit in w whole, with "…" when
// some are left out (bubbles/help overflows when the "…" itself does not fit).
func (d *Dashboard) keysLine(keys []key.Binding, w int) string {
	h := d.C.Help
	h.Width = w
	if line := h.ShortHelpView(keys); lipgloss.Width(line) <= w {
		return line
	}
	h.Width = 0
	for n := len(keys) - 1; n > 0; n-- {
		line := h.ShortHelpView(keys[:n])
		lw := lipgloss.Width(line)
		if lw > w {
			continue
		}
		if n < len(keys) && lw+2 <= w {
			line += " " + h.Styles.Ellipsis.Render(h.Ellipsis)
		}
		return line
	}
	return ""
}
