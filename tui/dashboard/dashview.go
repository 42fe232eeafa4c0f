package dashboard

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"aula/classroom"
	"aula/internal/lazy"
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
var bigFont = lazy.Value[map[rune][5]string]{New: func() map[rune][5]string {
	return map[rune][5]string{
		' ': {".", ".", ".", ".", "."}, // the session code is read in groups: "482 913"
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
}}

// pixels turns the font's marks into cells.
var pixels = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer { return strings.NewReplacer("#", "██", ".", "  ") }}

// bigText draws s in the big font, 5 lines; ok is false when s has
// anything but digits.
func bigText(s string) (lines [5]string, ok bool) {
	if s == "" {
		return lines, false
	}
	for i, r := range s {
		g, found := bigFont.Get()[r]
		if !found {
			return [5]string{}, false
		}
		for row := range 5 {
			if i > 0 {
				lines[row] += "  "
			}
			lines[row] += pixels.Get().Replace(g[row])
		}
	}
	return lines, true
}

// showBig says whether the code is drawn big now.
func (d *Dashboard) showBig() bool {
	big, ok := bigText(d.code())
	if !ok || !d.bigCode || !d.live || d.width-2 < bigCodeMinWidth || d.height < bigCodeMinHeight {
		return false
	}
	// The address and the code beside the big digits are read whole or
	// not at all: a cut address sends learners nowhere.
	return d.width-2-lipgloss.Width(big[0])-2 >= d.bigLeftWidth()
}

// bigLeftWidth is the room the address and the code need beside the big
// digits.
func (d *Dashboard) bigLeftWidth() int {
	cat := d.C.Cat
	n := lipgloss.Width(cat.T("dash_code_big", "Code", d.code()))
	if d.cfg.Address != "" {
		n = max(n, lipgloss.Width(cat.T("dash_address", "Address", d.cfg.Address)))
	}
	return n
}

// topLines is the top of the screen: where to join, the code, how the
// class is, and the buttons for everyone. Its height depends on the mode
// and the width only (see topHeight), never on the data.
func (d *Dashboard) topLines(w int) []string {
	st, cat := d.C.Styles, d.C.Cat
	fit := func(s string, n int) string { return lipgloss.NewStyle().MaxWidth(max(n, 0)).Render(s) }
	wrap := func(s string, n, most int) []string {
		lines := ui.WrapLines(s, max(n, 1))
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
	summary := d.notice(d.summary()) // dashtrust.go
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
		end := min(d.scroll.Top+room, len(d.snap.Rows))
		parts = append(parts, st.Dim.Render(cat.T("dsum_showing", "From", d.scroll.Top+1, "To", end)))
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
// The one with the keyboard's focus has a ▶ before it, and its label is
// drawn as a button too.
func (d *Dashboard) dashButton(id, k, label string) string {
	st := d.C.Styles
	if d.focus == id {
		return d.C.Zones.Mark(id, "▶ "+st.ButtonOn.Render("["+k+"] "+label))
	}
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
		return lipgloss.NewStyle().Width(d.width).MaxWidth(d.width).MaxHeight(d.height).Render(d.C.Cat.T("too_small_short"))
	}
	w := d.C.Width
	bodyH := d.height - dashFooter
	top := d.topLines(w)
	if _, help := d.Overlay.(dashHelp); help || d.view == viewShare {
		top = nil // help and a learner's screen take the whole screen
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
		case viewShare:
			lines = d.shareLines(w, room) // dashshare.go
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

	said := d.statusLines(w)
	all = all[:max(len(all)-(len(said)-1), 0)]
	keys = append([]key.Binding{d.C.Keys.Help}, keys...)
	all = append(append(all, said...), ui.KeysLine(d.C, keys, w))
	return d.C.Zones.Scan(frame(all, w))
}

// statusLines are the status, wrapped to w: a status longer than the
// line takes up to dashStatusLines lines, from the bottom of the body, so
// that a message the trainer must act on is never cut.
func (d *Dashboard) statusLines(w int) []string {
	st := d.C.Styles
	status := d.status
	if d.statusBad && status != "" {
		status = "! " + status
	}
	said := strings.Split(ui.Wrap(status, w), "\n")
	said = said[:min(len(said), dashStatusLines)]
	for i, l := range said {
		switch {
		case l == "":
		case d.statusBad:
			said[i] = st.Bad.Render(l)
		default:
			said[i] = st.Status.Render(l)
		}
	}
	return said
}

// dashStatusLines is the most lines the status line takes when it wraps.
const dashStatusLines = 3

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

const dashGap = 2
