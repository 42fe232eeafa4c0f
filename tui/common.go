package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	zone "github.com/lrstanley/bubblezone"

	"aula/i18n"
	"aula/lessons"
	"aula/store"
)

// Common is the context every screen shares: sizes, styles, words, data.
type Common struct {
	Width, Height int // the content area: the terminal minus header and footer

	Styles  *Styles
	Cat     *i18n.Catalog
	Lessons *lessons.Catalog
	Store   *store.Store
	Keys    *KeyMap
	Help    help.Model
	Zones   *zone.Manager
	Rec     *Recorder

	Learner *store.Learner // nil until sign-in
	Now     func() time.Time
	// Tick schedules a timer message (Config.Tick): components that need
	// time to pass (a form's session timeout) use it, never sleeps.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

// textWidth is the width for running text: the content width, but never so
// wide that lines get hard to follow.
func (c *Common) textWidth() int {
	return clamp(c.Width, 1, maxTextWidth)
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
