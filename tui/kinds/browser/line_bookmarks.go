package browser

import (
	"strings"

	"aula/lessons/validate"
	"aula/tui/access"
)

// barLines says the bookmarks bar, numbered, with whose site each opens
// when asked for (as looking at each would); nil when there is no bar.
func (l *browserLines) barLines(domains bool) []string {
	cat := l.c.Cat
	bar := l.e.Bar()
	if !l.e.HasBar() {
		return nil
	}
	if len(bar) == 0 {
		return []string{cat.T("line_browser_no_bookmarks", "Save", l.w("line_cmd_save"))}
	}
	items := make([]string, len(bar))
	for i, b := range bar {
		if !domains {
			items[i] = cat.T("line_browser_bookmark_name", "N", i+1, "Text", b.Link)
			continue
		}
		items[i] = cat.T("line_browser_bookmark_item", "N", i+1, "Text", b.Link,
			"Domain", validate.Domain(validate.Host(l.e.X.Target(b))))
	}
	if domains {
		l.e.LookAtBar()
	}
	return []string{cat.T("line_browser_bookmarks", "List", strings.Join(items, "; "))}
}

// bookmark opens bookmark number arg, or says the bar when there is no
// number.
func (l *browserLines) bookmark(arg string) []string {
	bar := l.e.Bar()
	if strings.TrimSpace(arg) == "" || len(bar) == 0 {
		return l.barLines(true)
	}
	i, ok := access.Number(arg, len(bar))
	if !ok {
		return []string{l.c.Cat.T("line_browser_no_bookmark", "Text", access.Clip(arg, 20), "Bookmark", l.w("line_cmd_bookmark"), "Count", len(bar))}
	}
	l.e.Mark, l.e.Focus = i-1, -1
	l.e.Press()
	return l.pageLines()
}
