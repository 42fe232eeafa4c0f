package classroom

import (
	"aula/classroom/safetext"
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"aula/classroom/share"
)

// The kiosk's side of help at a distance (share.go): the screen hands the
// Syncer the learner's answer and its frames (share.Outbox); one loop
// sends them, in order, one at a time, the newest frame winning.

// ShareEndedMsg tells the kiosk's screen that a share it was sending is
// over at the hub (the trainer stopped, or the hub forgot it), or could
// not start (Unreachable: the hub did not hear the learner's yes).
type ShareEndedMsg struct {
	Share       string
	Unreachable bool
}

// AnswerShare sends the learner's answer to share id: allow starts it;
// no declines it or stops it. After a stop no frame of it is sent, even
// one handed over before.
func (s *Syncer) AnswerShare(id string, allow bool) {
	s.share.Answer(id, allow)
	nudge(s.shareWake)
}

// ShareFrame hands over the screen now (as drawn, with colours) for the
// share the learner allowed; it is ignored for any other.
func (s *Syncer) ShareFrame(id, screen string, width int) {
	if s.share.Frame(id, screen, width) {
		nudge(s.shareWake)
	}
}

// shareLoop sends answers, then frames, until ctx ends.
func (s *Syncer) shareLoop(ctx context.Context) {
	var snd share.Sender
	var last time.Time
	for wait(ctx, time.Minute, s.shareWake) {
		for ctx.Err() == nil {
			p := s.share.Take()
			c, _, _ := s.current()
			for _, a := range p.Answers {
				s.sendAnswer(ctx, c, a)
			}
			if !p.Has || c == nil {
				break
			}
			if snd.Share != p.Share {
				snd = share.Sender{Share: p.Share}
			}
			f, changed := snd.Next(frameRows(p.Text), p.Width)
			if !changed {
				break
			}
			if gap := share.SendEvery - time.Since(last); gap > 0 {
				time.Sleep(gap) // at most SendEvery: the rate a slow line can carry
			}
			last = time.Now()
			rctx, cancel := context.WithTimeout(ctx, timeout)
			err := c.do(rctx, http.MethodPost, PathShareFrame, f, nil)
			cancel()
			if err == nil {
				snd.Took(f)
				continue
			}
			snd.Lost()
			if s.shareRefused(p.Share, err) {
				break
			}
			// Not taken (the hub away, or too fast): again with the newest
			// frame, whole, after a pause.
			s.share.Again(p)
			if !wait(ctx, time.Second) {
				return
			}
		}
	}
}

// sendAnswer sends one answer; a yes the hub did not hear ends the share
// on the screen, which says so.
func (s *Syncer) sendAnswer(ctx context.Context, c *Client, a share.Answer) {
	err := ErrUnreachable
	if c != nil {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		err = c.do(rctx, http.MethodPost, PathShareAnswer, a, nil)
		cancel()
	}
	if err != nil && a.Allow {
		s.endShare(a.Share, true)
	}
}

// shareRefused ends the share when the hub says it is over or not this
// laptop's; false for errors worth another try.
func (s *Syncer) shareRefused(id string, err error) bool {
	var he *HubError
	if !errors.As(err, &he) || he.Status == http.StatusTooManyRequests || he.Status == http.StatusPreconditionFailed {
		return false
	}
	s.endShare(id, false)
	return true
}

// endShare forgets share id and tells the screen.
func (s *Syncer) endShare(id string, unreachable bool) {
	s.share.End(id)
	if s.send != nil {
		s.send(ShareEndedMsg{Share: id, Unreachable: unreachable})
	}
}

// frameRows turns a drawn screen into clean rows without trailing spaces.
func frameRows(screen string) []string {
	rows := share.Rows(screen)
	for i, r := range rows {
		rows[i] = strings.TrimRight(safetext.Line(r, share.MaxLine), " ")
	}
	return rows
}
