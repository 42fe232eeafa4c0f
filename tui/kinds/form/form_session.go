package form

import (
	"fmt"
	"hash/fnv"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	formjudge "aula/lessons/kinds/form"
	"aula/tui/ui"
)

// Time in a form: the session ends after the form's timeout without a key
// (a real site's trap), with a warning first; an SMS code expires. Both
// are worked out from the injectable clock (Common.Now) whenever the form
// is drawn or gets a key; a timer (Common.Tick) only wakes the screen up,
// once a second while a countdown is shown and otherwise once, when the
// warning is due. No timer runs when nothing is counting.

// FormTickMsg wakes a form up.
type FormTickMsg struct{ Owner *FormExercise }

// warnBefore is how long before the end of the session the warning shows.
func (e *FormExercise) warnBefore() time.Duration {
	return min(time.Minute, e.form.Timeout/2)
}

// counting says whether a session clock runs now.
func (e *FormExercise) counting() bool {
	return e.form.Timeout > 0 && e.stage == stFill && !e.done
}

// timedOut says whether the session has ended, seen from now.
func (e *FormExercise) timedOut(now time.Time) bool {
	return e.counting() && now.Sub(e.lastInput) >= e.form.Timeout
}

// warning says whether the end-of-session warning is on.
func (e *FormExercise) warning(now time.Time) bool {
	return e.counting() && now.Sub(e.lastInput) >= e.form.Timeout-e.warnBefore()
}

// warningLeft is the time left when the warning is on.
func (e *FormExercise) warningLeft(now time.Time) (time.Duration, bool) {
	if !e.warning(now) || e.timedOut(now) {
		return 0, false
	}
	return e.lastInput.Add(e.form.Timeout).Sub(now), true
}

// checkTimeout ends the session if its time is up: the answers on the page
// the learner was on are lost, those of the pages left with Next stay. The
// timeout is an outcome for the player to record. It reports whether the
// session ended now.
func (e *FormExercise) checkTimeout(now time.Time) bool {
	if !e.timedOut(now) {
		return false
	}
	e.stage = stExpired
	e.popup, e.dlg = popNone, nil
	e.lostPage = ""
	if e.Page < e.reviewPage() {
		e.lostPage = e.form.Pages[e.Page].Title
		e.pageDone[e.Page] = false
		for _, fs := range e.PageFieldsInOrder() {
			fs.reset()
		}
		for _, f := range e.form.Pages[e.Page].Fields {
			if g := e.Groups[f.ID]; g != nil {
				for len(g.Serials) > 0 {
					e.removeItem(g, g.Serials[0])
				}
				for _, it := range f.Items {
					e.addItem(g, it)
				}
			}
		}
	}
	e.summary = false
	e.focusField()
	e.found = append(e.found, "session.timeout")
	return true
}

// ensureTick asks for a timer when the screen must change without a key:
// at the warning, then every second of a countdown. One timer at a time;
// one that was lost (an overlay took it) is replaced.
func (e *FormExercise) ensureTick() tea.Cmd {
	now := e.c.Now()
	due := e.nextTick(now)
	if due.IsZero() || e.c.Tick == nil {
		return nil
	}
	if !e.TickDue.IsZero() && !due.Before(e.TickDue) && now.Before(e.TickDue.Add(2*time.Second)) {
		return nil // the timer asked for earlier comes soon enough
	}
	e.TickDue = due
	return e.c.Tick(max(due.Sub(now), 50*time.Millisecond), func(time.Time) tea.Msg { return FormTickMsg{Owner: e} })
}

// nextTick is when the screen must change next, or zero.
func (e *FormExercise) nextTick(now time.Time) time.Time {
	var due time.Time
	earliest := func(t time.Time) {
		if due.IsZero() || t.Before(due) {
			due = t
		}
	}
	if e.counting() {
		if e.warning(now) {
			earliest(now.Add(time.Second))
		} else {
			earliest(e.lastInput.Add(e.form.Timeout - e.warnBefore()))
		}
	}
	if e.stage == stFill && !e.done && e.Page < e.reviewPage() {
		for _, f := range e.form.Pages[e.Page].Fields {
			if sent, ok := e.Codes[f.ID]; ok && f.Kind == "code" && now.Before(sent.Expires) {
				earliest(now.Add(time.Second))
			}
		}
	}
	return due
}

// codeChars leave out letters and digits that look alike (O and 0, I and 1).
const codeChars = "ACDEFHJKMNPRTUVWXY34679"

// sendCode "sends" a new one-time code for field f by SMS.
func (e *FormExercise) sendCode(f *formjudge.Field) {
	now := e.c.Now()
	e.codeSeq++
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%s/%d/%d", e.Step.ID, f.ID, now.UnixNano(), e.codeSeq)
	x := h.Sum64()
	code := make([]byte, f.Length)
	for i := range code {
		code[i] = codeChars[x%uint64(len(codeChars))]
		x /= uint64(len(codeChars))
	}
	e.Codes[f.ID] = formjudge.SentCode{Code: string(code), Expires: now.Add(f.Expires)}
}

// smsPanel draws the message on the simulated phone, with its countdown.
func (e *FormExercise) smsPanel(f *formjudge.Field, w int) []string {
	st, cat := e.c.Styles, e.c.Cat
	sent, ok := e.Codes[f.ID]
	var text string
	now := e.c.Now()
	switch {
	case !ok:
		text = cat.T("form_sms_waiting")
	case !now.Before(sent.Expires):
		text = f.Sender + ": " + cat.T("form_sms_text", "Label", f.Label, "Code", sent.Code, "Time", sent.Expires.Format("15:04")) + "\n" +
			st.Bad.Render(cat.T("form_sms_expired"))
	default:
		text = f.Sender + ": " + cat.T("form_sms_text", "Label", f.Label, "Code", sent.Code, "Time", sent.Expires.Format("15:04")) + "\n" +
			st.Dim.Render(cat.T("form_sms_left", "Left", clockText(sent.Expires.Sub(now))))
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1).Width(ui.Clamp(w-2, 16, 50))
	title := st.Title.Render(cat.T("form_sms_title"))
	return SplitLines(title + "\n" + box.Render(text))
}

// clockText writes a duration as minutes and seconds: 9:41.
func clockText(d time.Duration) string {
	s := max(int(d.Round(time.Second)/time.Second), 0)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// viewExpired is the screen of a session that ended.
func (e *FormExercise) viewExpired(w int) []string {
	st, cat := e.c.Styles, e.c.Cat
	lines := []string{st.Bad.Render("✗ " + cat.T("form_timeout_title")), ""}
	add := func(s string) { lines = append(lines, wrapLines(s, w)...) }
	add(cat.T("form_timeout_text", "Minutes", max(int(e.form.Timeout/time.Minute), 1)))
	lost := e.lostPage
	if lost == "" && e.Page < e.reviewPage() {
		lost = e.form.Pages[e.Page].Title
	}
	if lost != "" {
		add(cat.T("form_timeout_lost", "Page", lost))
	}
	add(cat.T("form_timeout_kept"))
	lines = append(lines, "", e.c.Zones.Mark("form-again", st.ButtonOn.Render("▶ [ "+cat.T("form_timeout_again")+" ]")))
	return lines
}
