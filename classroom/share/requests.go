package share

import (
	"errors"
)

// Ask asks to see the screen of the learner To ("device/learner").
type Ask struct {
	To      string `json:"to"`
	Trainer string `json:"trainer,omitempty"` // the name the learner is shown
}

// AskReply is the new share's id.
type AskReply struct {
	Share string `json:"share"`
}

// Answer is the learner's answer, or their stop.
type Answer struct {
	Share string `json:"share"`
	Allow bool   `json:"allow"`
}

// What the trainer can do to a share (Say.Kind).
const (
	SayPoint   = "point"   // highlight Point on the learner's screen
	SayMessage = "message" // show Text, a short message
	SayStop    = "stop"    // stop watching
)

// Say is the trainer pointing, writing or stopping.
type Say struct {
	Share string `json:"share"`
	Kind  string `json:"kind"`
	Point *Point `json:"point,omitempty"`
	Text  string `json:"text,omitempty"`
}

// Point is a place on the learner's screen: a row from the top and a
// column from the left, both from 0.
type Point struct {
	Row int `json:"row"`
	Col int `json:"col"`
}

// ErrBadSay is a Say that is none of a point on the screen, a short
// message or a stop.
var ErrBadSay = errors.New("a point on the screen, a message of at most " + maxSayText + " bytes, or stop")

// maxSayText is MaxSay written out, for ErrBadSay (a test checks they agree).
const maxSayText = "200"

// Check says whether s is a point within a screen, a message of at most
// MaxSay bytes that is not empty once cleaned, or a stop, with nothing
// else in it.
func (s Say) Check(clean func(string) string) error {
	p := s.Point
	switch {
	case s.Kind == SayPoint && p != nil && s.Text == "" && p.Row >= 0 && p.Row < MaxHeight && p.Col >= 0 && p.Col < MaxWidth:
	case s.Kind == SayMessage && p == nil && len(s.Text) <= MaxSay && clean(s.Text) != "":
	case s.Kind == SayStop && p == nil && s.Text == "":
	default:
		return ErrBadSay
	}
	return nil
}
