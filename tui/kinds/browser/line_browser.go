package browser

import (
	"fmt"
	"strings"

	"aula/lessons"
	browserjudge "aula/lessons/kinds/browser"
	"aula/lessons/validate"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// browserLines says the practice browser as lines: the page's address and
// whose it is, its words, and its links, buttons and downloads numbered.
// The learner types a number to follow a link (or download), "ver 2" to
// hear where link 2 really goes first, "atrás" and "adelante" to move in
// the history, "página" to hear the page again, "comprobar" to check.
type browserLines struct {
	c *ui.Common
	e *BrowserExercise
}

// NewBrowserLines makes the adapter of a browser exercise.
func NewBrowserLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *BrowserExercise) exercise.LineExercise {
		return &browserLines{c: c, e: e}
	})
}

func (l *browserLines) w(id string) string { return access.Word(l.c, id) }

// Describe says the page, and how to use the browser.
func (l *browserLines) Describe() []string {
	out := append(l.pageLines(), l.c.Cat.T("line_browser_start", "Look", l.w("line_cmd_look"), "Back", l.w("line_cmd_back"),
		"Forward", l.w("line_cmd_page_forward"), "Page", l.w("line_cmd_page"), "Check", l.w("line_cmd_check")))
	if l.e.HasBar() {
		out = append(out, l.c.Cat.T("line_browser_start_bookmarks", "Bookmark", l.w("line_cmd_bookmark"), "Save", l.w("line_cmd_save")))
	}
	return out
}

// pageLines says the page shown: address, domain, padlock, title, blocks.
func (l *browserLines) pageLines() []string {
	cat := l.c.Cat
	p := l.e.Page()
	if p == nil {
		return nil
	}
	out := []string{
		cat.T("line_browser_address", "URL", p.URL, "Domain", validate.Domain(validate.Host(p.URL))),
		cat.T("browser_padlock_explain"),
		cat.T("line_browser_title", "Title", p.Title),
	}
	out = append(out, l.barLines(false)...)
	n := 0
	for _, b := range p.Blocks {
		switch b.Kind() {
		case browserjudge.BlockHeading:
			out = append(out, "## "+b.Heading)
		case browserjudge.BlockText:
			out = append(out, b.Text)
		case browserjudge.BlockDownload:
			n++
			out = append(out, fmt.Sprintf("%d. %s", n, cat.T("line_browser_download", "Name", b.Download, "Size", b.Size)))
		case browserjudge.BlockButton:
			n++
			out = append(out, fmt.Sprintf("%d. %s", n, cat.T("line_browser_button", "Text", b.Button)))
		default:
			n++
			s := cat.T("line_browser_link", "Text", b.Link)
			if b.Ad {
				s = cat.T("browser_sponsored") + ": " + s
			}
			if b.Ad || b.Result {
				s += " (" + validate.Domain(validate.Host(l.e.X.Target(b))) + ")"
			}
			out = append(out, fmt.Sprintf("%d. %s", n, s))
		}
	}
	return out
}

// Prompt says what to type.
func (l *browserLines) Prompt() string {
	if len(l.e.active()) == 0 {
		return l.c.Cat.T("line_browser_prompt_none", "Back", l.w("line_cmd_back"), "Check", l.w("line_cmd_check"))
	}
	return l.c.Cat.T("line_browser_prompt", "Count", len(l.e.active()), "Look", l.w("line_cmd_look"))
}

// item focuses item n (from 1) of the page's links, buttons and downloads.
func (l *browserLines) item(arg string) (*browserjudge.Block, []string) {
	act := l.e.active()
	if len(act) == 0 {
		return nil, []string{l.Prompt()}
	}
	i, ok := access.Number(arg, len(act))
	if !ok {
		return nil, []string{l.c.Cat.T("line_browser_no_such", "Text", access.Clip(arg, 20), "Count", len(act))}
	}
	l.e.Focus = act[i-1]
	return l.e.Focused(), nil
}

// Line acts on the browser as keys would.
func (l *browserLines) Line(text string) ([]string, bool) {
	cat := l.c.Cat
	e := l.e
	cmd, arg := access.FirstWord(text)
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	switch {
	case strings.TrimSpace(text) == "":
		return []string{l.Prompt()}, false
	case is("line_cmd_check"):
		return nil, true
	case is("line_cmd_page"):
		return l.pageLines(), false
	case access.IsWord(l.c, text, "line_cmd_back"):
		if !e.CanGo(-1) {
			return []string{cat.T("line_browser_no_back")}, false
		}
		e.Go(-1)
		return l.pageLines(), false
	case is("line_cmd_page_forward"):
		if !e.CanGo(1) {
			return []string{cat.T("line_browser_no_forward")}, false
		}
		e.Go(1)
		return l.pageLines(), false
	case is("line_cmd_bookmark"):
		return l.bookmark(arg), false
	case is("line_cmd_save"):
		e.Save()
		return []string{e.note}, false
	case is("line_cmd_look"):
		b, why := l.item(arg)
		if b == nil {
			return why, false
		}
		if b.Kind() == browserjudge.BlockDownload {
			return []string{cat.T("line_browser_download", "Name", b.Download, "Size", b.Size)}, false
		}
		e.Inspect()
		url := e.X.Target(b)
		return []string{cat.T("browser_goes_to") + " " + url, cat.T("browser_owner", "Domain", validate.Domain(validate.Host(url)))}, false
	}
	b, why := l.item(text)
	if b == nil {
		return why, false
	}
	e.Press()
	if b.Kind() == browserjudge.BlockDownload {
		return []string{cat.T("browser_downloaded", "Name", b.Download, "Size", b.Size)}, false
	}
	return l.pageLines(), false
}
