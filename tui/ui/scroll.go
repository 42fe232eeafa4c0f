package ui

import "strings"

// Scroll is the one scroller every scrolled area of Aula uses (lists with
// a selection, a lesson step, the mailbox's reading pane, a form, the
// dashboard): the first line shown of lines that do not all fit. Screens
// move it by lines or pages (keys, the mouse wheel) or ask it to keep a
// selection in view; Window and Fit keep it within bounds.
type Scroll struct {
	Top int
}

// By moves the window by d lines (negative: up).
func (s *Scroll) By(d int) { s.Top = max(s.Top+d, 0) }

// Home goes back to the top.
func (s *Scroll) Home() { s.Top = 0 }

// End goes to the bottom (Window and Fit bring it back within bounds).
func (s *Scroll) End() { s.Top = 1 << 20 }

// Clamp keeps the window of page lines within n lines.
func (s *Scroll) Clamp(n, page int) {
	s.Top = Clamp(s.Top, 0, max(n-page, 0))
}

// Keep scrolls the least so that lines first to last (counted from 0) of
// n lines are in a window of page lines; when they are taller than the
// window, their first line shows.
func (s *Scroll) Keep(first, last, n, page int) {
	if page < 1 {
		return
	}
	if last >= s.Top+page {
		s.Top = last - page + 1
	}
	if first < s.Top || last-first >= page {
		s.Top = first
	}
	s.Clamp(n, page)
}

// Window is the page lines of lines from the top, kept within bounds.
func (s *Scroll) Window(lines []string, page int) []string {
	if page < 1 || len(lines) <= page {
		s.Top = 0
		return lines
	}
	s.Clamp(len(lines), page)
	return lines[s.Top : s.Top+page]
}

// KeepWindow is Keep and then Window: the page lines of lines that show
// lines first to last.
func (s *Scroll) KeepWindow(lines []string, first, last, page int) []string {
	s.Keep(first, last, len(lines), page)
	return s.Window(lines, page)
}

// Fit shows lines in h lines: all of them when they fit (and the window
// goes back to the top); otherwise h-1 of them and a last line, dimmed,
// that says there is more below (or, at the end, above). below and above
// are the words for it.
func (s *Scroll) Fit(c *Common, lines []string, h int, below, above string) []string {
	if len(lines) <= h || h < 2 {
		s.Top = 0
		return lines
	}
	page := h - 1
	s.Clamp(len(lines), page)
	more := below
	if s.Top+page >= len(lines) {
		more = above
	}
	out := make([]string, 0, h)
	out = append(out, lines[s.Top:s.Top+page]...)
	return append(out, c.Styles.Dim.Render(more))
}

// FitText is Fit for text: its lines, fitted, joined again.
func (s *Scroll) FitText(c *Common, text string, h int, below, above string) string {
	lines := strings.Split(text, "\n")
	if len(lines) <= h || h < 2 {
		s.Top = 0
		return text
	}
	return strings.Join(s.Fit(c, lines, h, below, above), "\n")
}

// Page gathers the lines of a screen with a selection (a list, a set of
// buttons) and shows the part that fits with the selection in view.
type Page struct {
	lines           []string
	fixed           int // the first lines stay put: a title
	selFirst, selTo int // the selection: lines selFirst to selTo-1
}

// Fixed adds lines that stay at the top while the rest scrolls, when
// there is room for them and two more lines.
func (p *Page) Fixed(text ...string) {
	p.Add(text...)
	p.fixed = len(p.lines)
}

// Add adds text, one or more lines each.
func (p *Page) Add(text ...string) {
	for _, t := range text {
		p.lines = append(p.lines, strings.Split(t, "\n")...)
	}
}

// Len is the number of lines added so far.
func (p *Page) Len() int { return len(p.lines) }

// Select makes lines from first (a Len taken before the selected row and
// its heading were added) to the last line added so far the selection.
func (p *Page) Select(first int) { p.selFirst, p.selTo = first, len(p.lines) }

// Show is the page in h lines, scrolled by s as little as needed to keep
// the selection in view.
func (p *Page) Show(s *Scroll, h int) string {
	last := max(p.selTo-1, p.selFirst)
	if p.whole(h) {
		return strings.Join(s.KeepWindow(p.lines, p.selFirst, last, h), "\n")
	}
	rest := s.KeepWindow(p.lines[p.fixed:], p.selFirst-p.fixed, last-p.fixed, h-p.fixed)
	return strings.Join(p.lines[:p.fixed], "\n") + "\n" + strings.Join(rest, "\n")
}

// ShowMarked is Show for a list moved with the arrows, taller than h: its
// last line says, dimmed, that rows are hidden below (or, at the end of
// the list, above), so that nobody takes the rows on screen for all.
func (p *Page) ShowMarked(c *Common, s *Scroll, h int) string {
	if len(p.lines) <= h || h < 4 {
		return p.Show(s, h)
	}
	shown := p.Show(s, h-1)
	n, page := len(p.lines), h-1
	if !p.whole(h - 1) {
		n, page = len(p.lines)-p.fixed, h-1-p.fixed
	}
	more := c.Cat.T("list_more_below")
	if s.Top+page >= n {
		more = c.Cat.T("list_more_above")
	}
	return shown + "\n" + c.Styles.Dim.Render(Truncate(more, c.Width))
}

// whole says whether Show scrolls the page as one, fixed lines too.
func (p *Page) whole(h int) bool {
	return len(p.lines) <= h || p.fixed == 0 || h-p.fixed < 2 || p.selFirst < p.fixed
}
