package form

import (
	"strconv"
	"strings"

	"aula/tui/ui"

	"github.com/charmbracelet/lipgloss"
)

// Layout of the form.
const (
	formWidth     = ui.MaxTextWidth // the form's column
	personaWidth  = 34              // the persona card beside it
	wideFormWidth = 60 + 2 + personaWidth
)

// TargetKind is what the focus can be on.
type TargetKind int

// The kinds of target, in the order a page shows them; the exported ones
// are those tests and the accessible adapter name.
const (
	TField   TargetKind = iota // a field (a radio field has tOption targets instead)
	tOption                    // radio option n of field key
	TAdd                       // add an item to group key
	TRemove                    // remove item with serial n from group key
	tNewCode                   // ask for a new code for field key
	tChange                    // review: change page n
	TNext                      // the page buttons come last
	TSubmit
	TBack
)

// Target is one place the focus can be.
type Target struct {
	Kind TargetKind
	Key  string
	N    int
}

// Zone is the mouse zone of target t in step step.
func (t Target) Zone(step string) string {
	return "form:" + step + ":" + strconv.Itoa(int(t.Kind)) + ":" + t.Key + ":" + strconv.Itoa(t.N)
}

// Targets lists the places the focus can go on the page shown, in order.
func (e *FormExercise) Targets() []Target {
	var ts []Target
	if e.Page >= e.reviewPage() {
		for i := range e.form.Pages {
			ts = append(ts, Target{Kind: tChange, N: i})
		}
		return append(ts, Target{Kind: TSubmit}, Target{Kind: TBack})
	}
	field := func(fs *fieldState) {
		if fs.F.Kind == "radio" {
			for i := range fs.F.Options {
				ts = append(ts, Target{Kind: tOption, Key: fs.key, N: i})
			}
			return
		}
		ts = append(ts, Target{Kind: TField, Key: fs.key})
		if fs.F.Kind == "code" {
			ts = append(ts, Target{Kind: tNewCode, Key: fs.key})
		}
	}
	for _, f := range e.form.Pages[e.Page].Fields {
		if f.Kind != "group" {
			field(e.Fields[f.ID])
			continue
		}
		g := e.Groups[f.ID]
		for _, serial := range g.Serials {
			for _, sub := range f.Fields {
				field(e.Fields[ItemKey(f.ID, serial, sub.ID)])
			}
			ts = append(ts, Target{Kind: TRemove, Key: f.ID, N: serial})
		}
		if len(g.Serials) < f.MaxItem {
			ts = append(ts, Target{Kind: TAdd, Key: f.ID})
		}
	}
	// Next first: after the last field, Enter goes on, not back.
	if e.Page == len(e.form.Pages)-1 && !e.form.HasReview() {
		ts = append(ts, Target{Kind: TSubmit})
	} else {
		ts = append(ts, Target{Kind: TNext})
	}
	if e.Page > 0 {
		ts = append(ts, Target{Kind: TBack})
	}
	return ts
}

// canvas collects the lines of a page and which target each one shows.
type canvas struct {
	lines []string
	owner []int // the target index of each line, -1 for none
	keep  int   // a line of the focused target to keep on screen when it is taller than the screen (the calendar's cursor), or 0
	sum   int   // the lines of the error summary at the top, or 0
}

func (cv *canvas) add(ti int, line string) {
	cv.lines = append(cv.lines, line)
	cv.owner = append(cv.owner, ti)
}

// summaryFits says whether the summary and target ti (the first field with
// an error) fit together in a page of n lines: one under the other, or
// with a ⋮ for the lines between.
func (cv *canvas) summaryFits(ti, n int) bool {
	first, last := cv.span(ti)
	return len(cv.lines) <= n+1 || last < n || first > cv.sum && cv.sum+1+last-first+1 <= n
}

// span is the first and last line of target ti, or -1, -1.
func (cv *canvas) span(ti int) (int, int) {
	first, last := -1, -1
	for i, o := range cv.owner {
		if o == ti {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// isWide says whether the persona card fits beside the form.
func (e *FormExercise) isWide() bool {
	return e.form.Persona != nil && e.c.Width >= wideFormWidth
}

// View draws the form in width columns; the player draws it with ViewFull.
func (e *FormExercise) View(width int) string { return e.ViewFull(width, max(e.c.Height-4, 8)) }

// ViewFull draws the form in width × height: the page (or a panel, the
// session's end, the receipt), with the persona card beside it when it
// fits, or the dialog that asks before leaving.
func (e *FormExercise) ViewFull(width, height int) string {
	if e.dlg != nil {
		return e.dlg.View(width, height)
	}
	width, height = max(width, 20), max(height, 4)
	fw := min(width, formWidth)
	wide := e.isWide()
	if wide && e.popup == popPersona {
		e.popup = popNone // the screen grew: the card is beside the form now
	}
	if wide {
		fw = min(formWidth, width-personaWidth-2)
	}
	var lines []string
	now := e.c.Now()
	switch {
	case e.stage == stReceipt:
		lines = e.scrolled(e.viewReceipt(fw), height)
	case e.stage == stExpired || e.timedOut(now):
		lines = e.viewExpired(fw)
	default:
		lines = e.viewPage(fw, height)
	}
	lines = fitLines(lines, height, fw)
	if !wide {
		return strings.Join(lines, "\n")
	}
	card := e.personaCard(personaWidth, height)
	out := make([]string, max(len(lines), len(card)))
	for i := range out {
		left, right := "", ""
		if i < len(lines) {
			left = lines[i]
		}
		if i < len(card) {
			right = card[i]
		}
		out[i] = left + strings.Repeat(" ", max(fw-lipgloss.Width(left), 0)) + "  " + right
	}
	return strings.Join(fitLines(out, height, width), "\n")
}

// scrolled shows the part of lines that fits h lines from e.scroll, with a
// last line that says there is more (a receipt taller than the screen).
func (e *FormExercise) scrolled(lines []string, h int) []string {
	return e.scroll.Fit(e.c, lines, h, e.c.Cat.T("more_below"), e.c.Cat.T("more_above"))
}

// fitLines keeps at most h lines, each at most w columns.
func fitLines(lines []string, h, w int) []string {
	if len(lines) > h {
		lines = lines[:h]
	}
	cut := lipgloss.NewStyle().MaxWidth(w)
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = cut.Render(l)
		}
	}
	return lines
}

// header is the top of every page: the simulated site and where the
// learner is.
func (e *FormExercise) header(w int) []string {
	st, cat := e.c.Styles, e.c.Cat
	site := e.siteLines(w)
	var where string
	if e.Page >= e.reviewPage() {
		where = cat.T("form_review_title")
	} else {
		where = cat.T("form_page_of", "N", e.Page+1, "Total", len(e.form.Pages)) + " · " + e.form.Pages[e.Page].Title
	}
	where = st.Title.Render(where)
	if e.form.Persona != nil && !e.isWide() {
		hint := st.Dim.Render(cat.T("form_persona_hint"))
		if gap := w - lipgloss.Width(where) - lipgloss.Width(hint); gap >= 2 {
			where += strings.Repeat(" ", gap) + hint
		}
	}
	out := append(site, where)
	if left, ok := e.warningLeft(e.c.Now()); ok {
		out = append(out, st.Bad.Render("! "+cat.T("form_timeout_warning", "Left", clockText(left))))
	}
	return out
}

// siteLines are the simulated site's address and service, marked as a
// practice on every screen of the form, wrapped to w cells: never cut.
func (e *FormExercise) siteLines(w int) []string {
	st := e.c.Styles
	return wrapLines(st.Bad.Render("["+e.c.Cat.T("form_practice")+"]")+" "+st.Dim.Render(strings.Join(nonEmpty(e.form.Site, e.form.Service), " · ")), w)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// viewPage draws the page (or the review, or a panel over them), scrolled
// so that the focus is on screen.
func (e *FormExercise) viewPage(w, h int) []string {
	head := e.header(w)
	var cv canvas
	switch {
	case e.popup == popPersona:
		// How to close it first; on a short screen the card takes the
		// place of the page's heading.
		close := wrapLines(e.c.Styles.Dim.Render(e.c.Cat.T("form_persona_close")), w)
		if full := e.personaCard(min(w, 60), h); len(head)+len(close)+len(full) <= h {
			return append(append(head, close...), full...)
		}
		return append(close, e.personaCard(min(w, 60), h-len(close))...)
	case e.popup == popPicker:
		return append(head, e.viewPicker(w, h-len(head))...)
	case e.Page >= e.reviewPage():
		e.drawReview(&cv, w)
	default:
		e.drawPage(&cv, w, false)
		if room := h - len(head) - 1; e.showTop && !cv.summaryFits(e.Focus, room) {
			cv = canvas{}
			e.drawPage(&cv, w, true)
		}
	}
	return e.fitPage(head, &cv, h)
}

// fitPage shows the part of the page in cv that fits h lines under head,
// keeping the focused target on screen, with a line to say there is more.
func (e *FormExercise) fitPage(head []string, cv *canvas, h int) []string {
	room := max(h-len(head), 2)
	if len(cv.lines) <= room {
		e.scroll.Home()
		return append(head, e.markZones(cv.lines, cv.owner)...)
	}
	page := room - 1
	first, last := cv.span(e.Focus)
	if e.showTop && first > cv.sum && last >= page && cv.sum+1+last-first+1 <= page {
		return append(head, e.summaryAndField(cv, first, page)...)
	}
	if e.showTop {
		// Right after a blocked Next: the summary from its first line, and
		// the field with it when it fits; the next key scrolls to the field.
		first, last = 0, min(last, page-1)
		e.scroll.Home()
	}
	e.pageLen = page
	if first >= 0 && !e.free {
		e.follow(cv, first, last, page)
	}
	e.scroll.Clamp(len(cv.lines), page)
	top := e.scroll.Top
	body := e.markZones(cv.lines[top:top+page], cv.owner[top:top+page])
	more := e.c.Cat.T("more_below")
	if top+page >= len(cv.lines) {
		more = e.c.Cat.T("more_above")
	}
	return append(append(head, body...), e.c.Styles.Dim.Render(more))
}

// summaryAndField is the view right after a blocked Next, when the summary
// and the field with the first error (lines first on) do not fit one under
// the other: the summary, a ⋮ for the lines left out, the field and what
// follows it, in page lines and a line to say there is more.
func (e *FormExercise) summaryAndField(cv *canvas, first, page int) []string {
	lines := append(append([]string{}, cv.lines[:cv.sum]...), e.c.Styles.Dim.Render("  ⋮"))
	owner := append(append([]int{}, cv.owner[:cv.sum]...), -1)
	i := first
	for ; i < len(cv.lines) && len(lines) < page; i++ {
		lines, owner = append(lines, cv.lines[i]), append(owner, cv.owner[i])
	}
	e.scroll.Home()
	more := e.c.Cat.T("more_below")
	if i >= len(cv.lines) {
		more = e.c.Cat.T("more_above")
	}
	return append(e.markZones(lines, owner), e.c.Styles.Dim.Render(more))
}

// follow scrolls so that lines first to last (the focused target) show in
// page lines.
func (e *FormExercise) follow(cv *canvas, first, last, page int) {
	if last-first+1 > page && cv.keep > first && cv.keep < last {
		// Taller than the screen: the line that matters and the one
		// after it (the calendar's cursor, and the day in words).
		last = min(last, max(cv.keep+1, first+page-1))
		first = last - page + 1
	}
	if last-first+1 > page {
		last = first + page - 1
	}
	e.scroll.Keep(first, last, len(cv.lines), page)
}

// markZones makes the lines of each field, option and small button a
// mouse zone; the page buttons and review links mark themselves.
func (e *FormExercise) markZones(lines []string, owner []int) []string {
	ts := e.Targets()
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && owner[j] == owner[i] {
			j++
		}
		block := lines[i:j]
		if o := owner[i]; o >= 0 && o < len(ts) && ts[o].Kind < tChange {
			block = SplitLines(e.c.Zones.Mark(ts[o].Zone(e.Step.ID), strings.Join(block, "\n")))
		}
		out = append(out, block...)
		i = j
	}
	return out
}

// drawPage draws the fields of the page and its buttons, with the error
// summary in full or short.
func (e *FormExercise) drawPage(cv *canvas, w int, short bool) {
	st, cat := e.c.Styles, e.c.Cat
	pg := e.form.Pages[e.Page]
	// The summary of errors comes first, where the eye lands after Next.
	e.drawSummary(cv, w, short)
	cv.sum = len(cv.lines)
	if pg.Intro != "" {
		for _, ln := range wrapLines(pg.Intro, w) {
			cv.add(-1, ln)
		}
	}
	if e.hasRequired() {
		cv.add(-1, st.Dim.Render(cat.T("form_required_note")))
	}
	cv.add(-1, "")
	longest := 0
	for _, fs := range e.PageFieldsInOrder() {
		if k := fs.F.Kind; k != "check" && k != "radio" && k != "day" {
			longest = max(longest, lipgloss.Width(e.label(fs.F)))
		}
	}
	l := newFieldLayout(w, longest)
	ti := 0
	for _, f := range pg.Fields {
		if f.Kind != "group" {
			e.drawField(cv, e.Fields[f.ID], &ti, e.Focus, l, "")
			ti++
			if f.Kind == "code" {
				e.drawButton(cv, ti, "    ", cat.T("form_btn_new_code"))
				ti++
			}
			continue
		}
		g := e.Groups[f.ID]
		for _, ln := range wrapLines(f.Label, w) {
			cv.add(-1, st.Title.Render(ln))
		}
		if f.Help != "" {
			for _, ln := range wrapLines(f.Help, w-2) {
				cv.add(-1, "  "+st.Dim.Render(ln))
			}
		}
		if len(g.Serials) == 0 {
			cv.add(-1, "  "+st.Dim.Render(cat.T("form_group_none")))
		}
		sub := newFieldLayout(w-2, longest)
		for n, serial := range g.Serials {
			cv.add(-1, "  "+st.Title.Render(f.Item+" "+strconv.Itoa(n+1)))
			for _, sf := range f.Fields {
				e.drawField(cv, e.Fields[ItemKey(f.ID, serial, sf.ID)], &ti, e.Focus, sub, "  ")
				ti++
			}
			e.drawButton(cv, ti, "  ", cat.T("form_btn_remove", "Item", strings.ToLower(f.Item), "N", n+1))
			ti++
		}
		if len(g.Serials) < f.MaxItem {
			e.drawButton(cv, ti, "", "+ "+cat.T("form_btn_add", "Item", strings.ToLower(f.Item)))
			ti++
		}
		cv.add(-1, "")
	}
	cv.add(-1, "")
	e.drawButtons(cv, ti, w)
}

func (e *FormExercise) hasRequired() bool {
	for _, f := range e.form.Pages[e.Page].Fields {
		if f.Required {
			return true
		}
		for _, sf := range f.Fields {
			if sf.Required {
				return true
			}
		}
	}
	return false
}

// drawButton draws a one-line button target.
func (e *FormExercise) drawButton(cv *canvas, ti int, indent, label string) {
	on := ti == e.Focus
	text := "[ " + label + " ]"
	if on {
		text = e.c.Styles.ButtonOn.Render(text)
	}
	cv.add(ti, indent+pointer(on)+text)
}

// drawButtons draws Back and Next (or Submit) on one line, from target ti.
func (e *FormExercise) drawButtons(cv *canvas, ti int, w int) {
	ts := e.Targets()
	var parts []string
	for i := ti; i < len(ts); i++ {
		var label string
		switch ts[i].Kind {
		case TBack:
			label = e.c.Cat.T("form_btn_back")
		case TNext:
			label = e.c.Cat.T("form_btn_next")
			if e.Page < len(e.form.Pages) && e.form.Pages[e.Page].Next != "" {
				label = e.form.Pages[e.Page].Next
			}
			if e.Back {
				label = e.c.Cat.T("form_btn_to_review")
			}
		case TSubmit:
			label = e.form.Submit
		default:
			continue
		}
		on := i == e.Focus
		text := "[ " + label + " ]"
		if on || ts[i].Kind != TBack {
			text = e.c.Styles.ButtonOn.Render(text)
		}
		parts = append(parts, e.c.Zones.Mark(ts[i].Zone(e.Step.ID), pointer(on)+text))
	}
	line := strings.Join(parts, "  ")
	owner := ti
	if e.Focus >= ti {
		owner = e.Focus
	}
	if lipgloss.Width(line) <= w {
		cv.add(owner, line)
		return
	}
	for _, p := range parts {
		cv.add(owner, p)
	}
}

// drawSummary lists the page's errors at the top, after a blocked Next:
// each with its words, or, when short of room, only which fields (their
// words are next to them).
func (e *FormExercise) drawSummary(cv *canvas, w int, short bool) {
	if !e.summary {
		return
	}
	st, cat := e.c.Styles, e.c.Cat
	var items, labels []string
	for _, fs := range e.PageFieldsInOrder() {
		if fs.Err != "" {
			// A check box's label is a sentence: no full stop before the colon.
			label := strings.TrimSuffix(fs.F.Label, ".")
			items = append(items, label+": "+e.ErrorText(fs.F, fs.Err))
			labels = append(labels, label)
		}
	}
	if len(items) == 0 {
		return
	}
	title := st.Bad.Render("✗ " + cat.T("form_errors_title", "Count", len(items)))
	if short {
		for _, ln := range wrapLines(title+" "+strings.Join(labels, ", ")+".", w) {
			cv.add(-1, ln)
		}
		cv.add(-1, "")
		return
	}
	cv.add(-1, title)
	for _, it := range items {
		for i, ln := range wrapLines(it, max(w-4, 8)) {
			p := "    "
			if i == 0 {
				p = "  • "
			}
			cv.add(-1, p+ln)
		}
	}
	cv.add(-1, "")
}
