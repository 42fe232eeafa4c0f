package files

import (
	"strconv"
	"strings"

	"aula/tui/ui"
)

// NewPicker makes the one file picker of Aula, as the mail app and the
// online form open it to attach a file: a Manager in pick mode, titled
// title, that starts on file current (the one attached already; "" for
// the first) and says in words which files are attached (marked). It is a
// list to choose one file from, never boxes to tick: Enter (or a click on
// the highlighted file, or the Choose button) chooses the highlighted file
// and hands the host an event (filesjudge.ActChoose); Esc and Cancel hand
// it EvCancel. Open shows a file first when the files have words to show.
func NewPicker(c *ui.Common, title string, folders []*Place, items []*Item, current string, marked []string) *Manager {
	m := NewManager(c, folders, items, "", Options{Pick: true, Title: title, Marked: marked})
	m.Sort = "" // the documents in the order the lesson lists them, until the learner sorts
	if current != "" {
		m.Select(current)
	} else if len(items) > 0 {
		m.OpenFolder(items[0].Folder)
	}
	return m
}

// ParseSize reads a size as a person writes it ("85 KB", "1,2 MB") in
// kilobytes; 0 when it cannot.
func ParseSize(s string) int {
	f := strings.Fields(strings.ToUpper(strings.ReplaceAll(s, ",", ".")))
	if len(f) != 2 {
		return 0
	}
	n, err := strconv.ParseFloat(f[0], 64)
	if err != nil || n < 0 {
		return 0
	}
	switch f[1] {
	case "KB":
		return int(n + 0.5)
	case "MB":
		return int(n*1000 + 0.5)
	}
	return 0
}

// SetHelp sets the line said under a picker's title: how to choose.
func (m *Manager) SetHelp(s string) { m.opt.Help = s }

// SetLimit makes a picker refuse, as the files kind does, a file over kb
// kilobytes: it stays open and says the file's size, the limit and do
// (what to do; "" for the app's own words). 0 takes any size.
func (m *Manager) SetLimit(kb int, do string) { m.opt.LimitKB, m.opt.TooBigDo = kb, do }
