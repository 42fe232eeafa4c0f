// Package share is help at a distance (issue 17): a learner's kiosk shows
// a copy of its screen to the trainer's dashboard, through the hub, once
// the learner has said yes, and until either of them stops.
//
// A copy is text only: the kiosk draws its screen with every field a
// learner types into masked, strips the colours and every control
// character, and sends the lines that changed since the frame the hub
// holds (or all of them). The hub keeps one frame per share, in memory,
// never on disk, and hands the dashboard the lines changed since the copy
// it has. Every frame is numbered; a copy keeps the newest.
//
// This package is the part with no network in it: the hub's Relay (the
// shares, their consent state and frames) and the kiosk's Sender (what to
// send next). The routes and the clients are in package classroom.
package share

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Bounds on what a frame may hold. Longer is refused, not cut: a kiosk of
// this version never sends more.
const (
	MaxWidth  = 300          // columns of a screen
	MaxHeight = 120          // rows of a screen
	MaxLine   = 4 * MaxWidth // bytes of one row
	MaxSay    = 200          // bytes of a trainer's short message to the learner
	MaxName   = 80           // bytes of the trainer's name, as the kiosk shows it
	MaxID     = 32           // bytes of a share's id
)

// State is where a share stands.
type State string

// The states of a share.
const (
	Asked    State = "asked"    // the kiosk is asking the learner
	Sharing  State = "sharing"  // the learner said yes: frames flow
	Declined State = "declined" // the learner said no (or nothing, in time)
	Ended    State = "ended"    // the learner or the trainer stopped it
)

// Line is one row of a screen: its number from the top, and its text.
type Line struct {
	Row  int    `json:"r"`
	Text string `json:"t"`
}

// Frame is what a kiosk sends: all the rows of its screen (Base 0), or
// the rows that changed since frame Base, which the hub holds.
type Frame struct {
	Share  string `json:"share"`
	Seq    uint64 `json:"seq"`            // the kiosk's count, growing
	Base   uint64 `json:"base,omitempty"` // 0: a whole frame
	Width  int    `json:"w"`
	Height int    `json:"h"`
	Lines  []Line `json:"lines"`
}

// Update is what the dashboard receives: the rows changed since the copy
// it said it has (Full: all of them, in order), and how the share stands.
type Update struct {
	Share  string `json:"share"`
	State  State  `json:"state"`
	Seq    uint64 `json:"seq"`   // the newest frame's number; 0 before the first
	After  uint64 `json:"after"` // the copy's frame it was made for
	Full   bool   `json:"full,omitempty"`
	Width  int    `json:"w"`
	Height int    `json:"h"`
	Lines  []Line `json:"lines,omitempty"`
}

// Errors of the relay; package classroom answers each with its status.
var (
	ErrNoShare  = errors.New("there is no such share, or it is over")
	ErrNotYours = errors.New("this share is for another laptop")
	ErrNotAsked = errors.New("the learner has not allowed this share (or has stopped it)")
	ErrBase     = errors.New("the hub does not hold the frame this one builds on: send a whole frame")
	ErrTooFast  = errors.New("frames come faster than the hub takes them")
	ErrTooMany  = errors.New("too many shares at once")
)

// BadFrameError says what is wrong with a frame (never its text).
type BadFrameError struct{ Why string }

func (e *BadFrameError) Error() string { return "the frame is not valid: " + e.Why }

// Check says what is wrong with a frame's shape; clean is the text
// sanitiser the hub applies to each row (lines that are not clean are
// refused, so nothing is changed silently).
func Check(f Frame, clean func(string) string) error {
	bad := func(format string, a ...any) error { return &BadFrameError{Why: fmt.Sprintf(format, a...)} }
	switch {
	case f.Share == "" || len(f.Share) > MaxID:
		return bad("the share id is missing or too long")
	case f.Seq == 0 || f.Base >= f.Seq:
		return bad("seq must grow and be above base")
	case f.Width < 1 || f.Width > MaxWidth || f.Height < 1 || f.Height > MaxHeight:
		return bad("a screen is 1 to %d columns and 1 to %d rows", MaxWidth, MaxHeight)
	case len(f.Lines) > f.Height:
		return bad("more rows than the screen has")
	case f.Base == 0 && len(f.Lines) != f.Height:
		return bad("a whole frame has every row")
	}
	last := -1
	for i, l := range f.Lines {
		switch {
		case l.Row <= last || l.Row >= f.Height:
			return bad("row %d: rows go down the screen, within it", i)
		case len(l.Text) > MaxLine || !utf8.ValidString(l.Text):
			return bad("row %d: more than %d bytes, or not text", l.Row, MaxLine)
		case clean(l.Text) != l.Text:
			return bad("row %d: control or escape characters", l.Row)
		}
		last = l.Row
	}
	return nil
}

// Screen is a copy of a screen, as the hub and the dashboard hold it.
type Screen struct {
	Seq    uint64
	Width  int
	Height int
	Rows   []string
	rowSeq []uint64 // the frame that last changed each row (the hub's)
	whole  uint64   // the last frame that changed the screen's size
}

// Apply takes an update into the copy, keeping the newest: an update no
// newer than the copy (late, out of order) changes nothing and Apply says
// false, and so does a part update made for a copy newer than this one
// (it lacks rows this copy needs). A part update made for this copy or an
// older one fills in the rows it has.
func (s *Screen) Apply(u Update) bool {
	if u.Seq <= s.Seq || !u.Full && u.After > s.Seq {
		return false
	}
	if u.Full || u.Width != s.Width || u.Height != s.Height {
		s.Rows = make([]string, max(u.Height, 0))
	}
	s.Seq, s.Width, s.Height = u.Seq, u.Width, u.Height
	for _, l := range u.Lines {
		if l.Row >= 0 && l.Row < len(s.Rows) {
			s.Rows[l.Row] = l.Text
		}
	}
	return true
}

// take puts a checked frame into the hub's copy (Base 0 or the copy's Seq).
func (s *Screen) take(f Frame) {
	if f.Base == 0 || f.Width != s.Width || f.Height != s.Height {
		s.Rows, s.rowSeq = make([]string, f.Height), make([]uint64, f.Height)
		s.whole = f.Seq
	}
	s.Seq, s.Width, s.Height = f.Seq, f.Width, f.Height
	for _, l := range f.Lines {
		if s.Rows[l.Row] != l.Text || s.rowSeq[l.Row] == 0 {
			s.Rows[l.Row], s.rowSeq[l.Row] = l.Text, f.Seq
		}
	}
}

// since is the update for a copy that has frame after: the rows changed
// since, or all of them when the copy is older than the size.
func (s *Screen) since(after uint64) Update {
	u := Update{Seq: s.Seq, After: after, Width: s.Width, Height: s.Height}
	u.Full = after < s.whole || after > s.Seq
	for i, r := range s.Rows {
		if u.Full || s.rowSeq[i] > after {
			u.Lines = append(u.Lines, Line{Row: i, Text: r})
		}
	}
	return u
}

// Text is the copy as lines of text.
func (s *Screen) Text() string { return strings.Join(s.Rows, "\n") }
