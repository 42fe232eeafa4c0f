// Package plainname keeps a learner's name to characters every terminal
// draws at the same width.
package plainname

import "strings"

// Of drops from a name the characters that join or change an emoji
// (the zero-width joiner, the emoji presentation selector, the skin tones):
// terminals disagree on how wide the result is (tmux and xterm draw 👍🏽 in
// 4 cells, others in 2), and a name shown in a line of fixed width (the
// header, the dashboard's table) then broke the screen. 👍🏽 is kept as 👍,
// 👨‍👩‍👧 as 👨👩👧: the same width everywhere.
func Of(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '\u200d' || r == '\ufe0f' || (r >= 0x1F3FB && r <= 0x1F3FF) {
			return -1
		}
		return r
	}, name)
}
