package browser

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	browserjudge "aula/lessons/kinds/browser"
	"aula/lessons/validate"
	"aula/tui/ui"
)

// layout is a page cut into rows at a width: the words of each row, with
// no style yet, and the block each belongs to. It is kept while the page
// and the width stay the same, so that a key on a long page only styles
// the rows on screen.
type layout struct {
	page  string
	width int
	rows  []row
}

type row struct {
	text  string
	block int    // the block it belongs to, -1 for a blank row
	kind  string // the block's kind, or "domain"/"ad" for a result's first row
}

func rowZone(i int) string { return fmt.Sprintf("browser-row-%d", i) }

// ViewFull draws the browser in exactly height lines of at most width
// cells: the address bar, what the padlock means, the page's title and
// body, and the status and download bars.
func (e *BrowserExercise) ViewFull(width, height int) string {
	w, h := max(width, 10), max(height, 3)
	var top []string
	top = append(top, e.addressBar(w))
	if e.HasBar() && h >= 5 {
		top = append(top, e.barLine(w))
	}
	if h >= 10 {
		// What the padlock means is the point of these lessons: whole,
		// wrapped, never cut.
		for _, l := range ui.WrapLines(e.c.Cat.T("browser_padlock_explain"), w) {
			top = append(top, e.c.Styles.Dim.Render(l))
		}
	}
	p := e.Page()
	if p != nil && h >= 6 {
		top = append(top, e.c.Styles.Title.Render(ui.Truncate(p.Title, w)))
	}
	bottom := e.bottom(w)
	if len(top)+len(bottom)+1 > h {
		bottom = bottom[:min(len(bottom), 1)]
	}
	e.bodyH = max(h-len(top)-len(bottom), 1)
	out := append(top, e.body(w, e.bodyH)...)
	out = append(out, bottom...)
	return strings.Join(ui.Box(out, w, h), "\n")
}

// View is the browser in a plain column, for a player that does not know
// full exercises.
func (e *BrowserExercise) View(width int) string { return e.ViewFull(width, 16) }

// addressBar is back, forward, the padlock and the real address, with the
// domain (the part before the first / that says whose page it is) marked.
func (e *BrowserExercise) addressBar(w int) string {
	st, cat := e.c.Styles, e.c.Cat
	nav := func(id, label string, ok bool) string {
		s := "[" + label + "]"
		if !ok {
			return st.Dim.Render(s)
		}
		return e.c.Zones.Mark(id, st.HelpKey.Render(s))
	}
	bar := nav("browser-back", "← "+e.keys.Back.Help().Key, e.CanGo(-1)) + " " +
		nav("browser-forward", "→ "+e.keys.Forward.Help().Key, e.CanGo(1)) + " "
	p := e.Page()
	if p == nil {
		return bar
	}
	bar += st.Good.Render(cat.T("browser_padlock")) + " "
	return lipgloss.NewStyle().MaxWidth(w).Render(bar + e.markedAddress(p.URL))
}

// markedAddress is an address with its domain marked (bold and
// underlined, never colour alone).
func (e *BrowserExercise) markedAddress(url string) string {
	st := e.c.Styles
	host := validate.Host(url)
	domain := validate.Domain(host)
	at := strings.Index(strings.ToLower(url), host)
	if at < 0 || domain == "" {
		return url
	}
	start := at + len(host) - len(domain)
	mark := st.Title.Underline(true)
	return st.Dim.Render(url[:start]) + mark.Render(url[start:start+len(domain)]) + st.Dim.Render(url[start+len(domain):])
}

// bottom is the status bar (where the focused link goes, once looked at;
// else how to look) and the download bar.
func (e *BrowserExercise) bottom(w int) []string {
	st, cat := e.c.Styles, e.c.Cat
	cut := lipgloss.NewStyle().MaxWidth(w)
	var lines []string
	if b := e.lookup(e.Shown); b != nil {
		url := e.X.Target(b)
		lines = append(lines, cut.Render(st.Hint.Render(cat.T("browser_goes_to")+" ")+e.markedAddress(url)),
			cut.Render(st.Hint.Render(cat.T("browser_owner", "Domain", validate.Domain(validate.Host(url))))))
	} else if e.note != "" {
		lines = append(lines, ui.Truncate(st.Good.Render(e.note), w))
	} else {
		tip := ""
		if !e.done {
			tip = st.Dim.Render(cat.T("browser_status_tip", "Key", e.keys.Inspect.Help().Key))
		}
		lines = append(lines, cut.Render(tip))
	}
	if e.Got != nil {
		lines = append(lines, ui.Truncate(st.Good.Render(cat.T("browser_downloaded", "Name", e.Got.Download, "Size", e.Got.Size)), w))
	}
	return lines
}

// body draws h rows of the page from the scroll position, the focused
// block marked with ▶ and its own style.
func (e *BrowserExercise) body(w, h int) []string {
	e.layout(w)
	e.keepFocusShown()
	st := e.c.Styles
	rows := e.lay.rows
	e.visible = e.visible[:0]
	out := make([]string, 0, h)
	for i := e.scroll; i < len(rows) && len(out) < h; i++ {
		r := rows[i]
		if r.block < 0 {
			e.visible = append(e.visible, -1)
			out = append(out, "")
			continue
		}
		on := r.block >= 0 && r.block == e.Focus
		prefix := "  "
		if on && (i == 0 || rows[i-1].block != r.block) {
			prefix = st.Cursor.Render("▶ ")
		}
		var s string
		switch r.kind {
		case browserjudge.BlockHeading:
			s = st.Title.Render(r.text)
		case browserjudge.BlockLink:
			s = st.Link.Render(r.text)
		case browserjudge.BlockButton, browserjudge.BlockDownload:
			s = st.Button.Render(r.text)
			if on {
				s = st.ButtonOn.Render(r.text)
			}
		case "ad":
			s = st.Warn.Render(e.c.Cat.T("browser_sponsored")) + st.Dim.Render(" · "+r.text)
		case "domain":
			s = st.Dim.Render(r.text)
		default:
			s = st.Text.Render(r.text)
		}
		if on && r.kind == browserjudge.BlockLink {
			s = st.Cursor.Render(r.text)
		}
		line := prefix + s
		if e.Page().Blocks[r.block].Active() {
			line = e.c.Zones.Mark(rowZone(len(out)), line)
		}
		e.visible = append(e.visible, r.block)
		out = append(out, line)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// layout cuts the page into rows at width w, unless it already is.
func (e *BrowserExercise) layout(w int) {
	p := e.Page()
	if p == nil {
		e.lay = layout{}
		return
	}
	if e.lay.page == p.ID && e.lay.width == w {
		return
	}
	cat := e.c.Cat
	tw := max(w-2, 4)
	var rows []row
	add := func(text string, block int, kind string) {
		for _, l := range strings.Split(ansi.Wordwrap(text, tw, ""), "\n") {
			rows = append(rows, row{text: ansi.Truncate(l, tw, "…"), block: block, kind: kind})
		}
	}
	blank := func() {
		if len(rows) > 0 && rows[len(rows)-1].block != -1 {
			rows = append(rows, row{block: -1})
		}
	}
	for i, b := range p.Blocks {
		switch kind := b.Kind(); {
		case kind == browserjudge.BlockHeading:
			blank()
			add(b.Heading, i, kind)
		case kind == browserjudge.BlockText:
			add(b.Text, i, kind)
		case b.Ad || b.Result:
			blank()
			domain := validate.Domain(validate.Host(e.X.Target(b)))
			if b.Ad {
				add(domain, i, "ad")
			} else {
				add(domain, i, "domain")
			}
			add(b.Link+b.Button, i, kind)
		case kind == browserjudge.BlockLink:
			add(b.Link, i, kind)
		case kind == browserjudge.BlockButton:
			add("[ "+b.Button+" ]", i, kind)
		case kind == browserjudge.BlockDownload:
			add("[ "+cat.T("browser_download_button", "Name", b.Download, "Size", b.Size)+" ]", i, kind)
		}
	}
	e.lay = layout{page: p.ID, width: w, rows: rows}
}

// keepFocusShown scrolls so that the focused block's rows are on screen.
func (e *BrowserExercise) keepFocusShown() {
	if e.Focus < 0 || e.bodyH <= 0 {
		return
	}
	first, last := -1, -1
	for i, r := range e.lay.rows {
		if r.block == e.Focus {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return
	}
	if first < e.scroll {
		e.scroll = first
	}
	if last >= e.scroll+e.bodyH {
		e.scroll = max(last-e.bodyH+1, 0)
	}
}
