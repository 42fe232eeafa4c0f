// Package termbg decides whether the terminal's background is dark before
// Bubble Tea starts, so that Aula never waits on the terminal at start.
//
// Bubble Tea v1 asks Lip Gloss for the background in its package init
// (tea_init.go: lipgloss.HasDarkBackground()), and termenv finds it by
// writing two queries to the terminal, the background colour (OSC 11) and
// the cursor position (CSI 6n), then waiting up to 5 seconds
// (termenv.OSCTimeout) for the answers. Some terminals on old laptops
// answer neither, and the screen stays blank for those 5 seconds; even
// `aula version` waits. This package's init tells Lip Gloss the answer
// first, from the environment (COLORFGBG, as termenv reads it when the
// query fails), else dark, which is what termenv assumes without an answer
// too. Nothing is written to the terminal.
//
// Import it for its effect from package main:
//
//	import _ "aula/internal/termbg"
//
// Go initialises, among the packages whose imports are ready, the one with
// the smallest import path first (the Go specification, "Package
// initialization", since Go 1.21): this package needs only Lip Gloss, which
// Bubble Tea needs too, and "aula/…" sorts before "github.com/…", so this
// init runs before Bubble Tea's.
package termbg

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

func init() { lipgloss.SetHasDarkBackground(Dark(os.Getenv("COLORFGBG"))) }

// Dark says whether a terminal whose COLORFGBG is colorfgbg ("15;0": white
// on black) has a dark background: its background is one of the 16 ANSI
// colours, and the dark ones are 0 to 6 (black to cyan). Without a usable
// value, dark.
func Dark(colorfgbg string) bool {
	parts := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(strings.TrimSpace(parts[len(parts)-1]))
	if len(parts) < 2 || err != nil || bg < 0 || bg > 15 {
		return true
	}
	return bg <= 6
}
