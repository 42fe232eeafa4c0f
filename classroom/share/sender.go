package share

import "strings"

// Sender is the kiosk's side of one share: it numbers frames and sends
// the rows that changed since the last frame the hub took, or every row
// when the hub holds none (at the start, after a refusal, or when the
// size changed). It is not safe for concurrent use.
type Sender struct {
	Share string
	seq   uint64
	held  Screen // what the hub holds (after Took)
	has   bool
}

// Next is the frame that brings the hub from what it holds to screen
// (rows already cleaned), and false when the hub holds that screen
// already. Rows past MaxHeight and bytes past MaxLine are left out.
func (s *Sender) Next(rows []string, width int) (Frame, bool) {
	rows = rows[:min(len(rows), MaxHeight)]
	for i, r := range rows {
		if len(r) > MaxLine {
			rows[i] = cut(r, MaxLine)
		}
	}
	width = min(max(width, 1), MaxWidth)
	f := Frame{Share: s.Share, Seq: s.seq + 1, Width: width, Height: max(len(rows), 1)}
	if len(rows) == 0 {
		rows = []string{""}
	}
	whole := !s.has || s.held.Width != f.Width || s.held.Height != f.Height
	if !whole {
		f.Base = s.held.Seq
	}
	for i, r := range rows {
		if whole || s.held.Rows[i] != r {
			f.Lines = append(f.Lines, Line{Row: i, Text: r})
		}
	}
	if !whole && len(f.Lines) == 0 {
		return Frame{}, false
	}
	s.seq = f.Seq
	return f, true
}

// Took says that the hub took f: the next frame builds on it.
func (s *Sender) Took(f Frame) {
	if f.Base == 0 || !s.has {
		s.held = Screen{Rows: make([]string, f.Height)}
	}
	s.held.Seq, s.held.Width, s.held.Height = f.Seq, f.Width, f.Height
	for _, l := range f.Lines {
		s.held.Rows[l.Row] = l.Text
	}
	s.has = true
}

// Lost says that the hub did not take the last frame: the next is whole.
func (s *Sender) Lost() { s.has = false }

// cut keeps at most n bytes of s, at a character boundary.
func cut(s string, n int) string {
	for n > 0 && n < len(s) && !isStart(s[n]) {
		n--
	}
	return s[:min(n, len(s))]
}

func isStart(b byte) bool { return b&0xC0 != 0x80 }

// Rows splits a screen's text into rows.
func Rows(text string) []string { return strings.Split(text, "\n") }
