package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// KeysLine is the footer's line of keys in w cells: the one way every
// screen (the kiosk's and the dashboard's) draws it. keys come in the order
// they are shown, F1 first. When they do not all fit, the least needed go
// and F1 says "more keys" (its help lists them all): first read aloud (F6)
// and the hint (F2, whose button shows its key), then the others from the
// end; the essential keys stay: F1, Esc, calling the trainer (F4) and the
// glossary (F7). No key is ever cut or replaced by a silent "…".
func KeysLine(c *Common, keys []key.Binding, w int) string {
	fc := &c.foot
	if fc.styles != c.Styles || fc.items == nil {
		hs := c.Help.Styles
		sep := hs.ShortSeparator.Inline(true).Render(c.Help.ShortSeparator)
		*fc = footCache{styles: c.Styles, items: map[key.Help]footItem{}, sep: sep, sepW: lipgloss.Width(sep)}
	}
	items := make([]footItem, 0, len(keys))
	total := 0
	for _, k := range keys {
		if !k.Enabled() {
			continue
		}
		it := fc.item(c, k.Help())
		it.rank = keyRank(k)
		if len(items) > 0 {
			total += fc.sepW
		}
		total += it.width
		items = append(items, it)
	}
	if total > w && len(items) > 0 && isKey(keys[0], "f1") {
		// F1 says there is more to see in its help.
		more := fc.item(c, key.Help{Key: keys[0].Help().Key, Desc: c.Cat.T("key_more_keys")})
		total += more.width - items[0].width
		items[0] = more
		// The least needed go first, each rank from the end; F1 stays.
		for rank := dropFirst; rank >= essential; rank-- {
			for i := len(items) - 1; i > 0 && total > w; i-- {
				if items[i].rank != rank || items[i].width == 0 {
					continue
				}
				total -= items[i].width + fc.sepW
				items[i].width = 0
			}
		}
	}
	var b strings.Builder
	cur := 0
	for _, it := range items {
		if it.width == 0 {
			continue
		}
		if cur > 0 {
			if cur+fc.sepW+it.width > w {
				break // not even F1 and the next fit: never half a key
			}
			b.WriteString(fc.sep)
			cur += fc.sepW
		}
		b.WriteString(it.text)
		cur += it.width
	}
	return b.String()
}

// How much a key is needed on the footer when not all fit.
const (
	essential = iota // F1, Esc, F4, F7: stay however narrow it is
	usual            // the screen's own keys
	dropFirst        // F6 and F2 (the hint's button names its key)
)

// keyRank says how much k is needed on the footer.
func keyRank(k key.Binding) int {
	switch {
	case isKey(k, "f1") || isKey(k, "esc") || isKey(k, "f4") || isKey(k, "f7"):
		return essential
	case isKey(k, "f6") || isKey(k, "f2"):
		return dropFirst
	}
	return usual
}

// isKey says whether k answers to the key named name.
func isKey(k key.Binding, name string) bool {
	for _, n := range k.Keys() {
		if n == name {
			return true
		}
	}
	return false
}

// footCache keeps the footer's keys drawn once per theme and help text.
type footCache struct {
	styles *Styles
	items  map[key.Help]footItem
	sep    string
	sepW   int
}

// footItem is one key of the footer, drawn, with its width in cells.
type footItem struct {
	text  string
	width int
	rank  int
}

func (fc *footCache) item(c *Common, h key.Help) footItem {
	if it, ok := fc.items[h]; ok {
		return it
	}
	hs := c.Help.Styles
	text := hs.ShortKey.Inline(true).Render(h.Key) + " " + hs.ShortDesc.Inline(true).Render(h.Desc)
	it := footItem{text: text, width: lipgloss.Width(text)}
	fc.items[h] = it
	return it
}
