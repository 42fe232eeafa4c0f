package screens

import (
	"fmt"
	"strings"

	"aula/classroom"
	"aula/store"
	"aula/tui/access"
	"aula/tui/ui"
)

// LineView is the screen in accessible mode: the lines to say and the question.
func (s *SignIn) LineView() access.Frame {
	cat := s.c.Cat
	f := access.Frame{Key: fmt.Sprintf("signin:%d:%d", s.mode, len(s.learners))}
	switch s.mode {
	case loading:
		f.Lines = []string{cat.T("loading")}
	case pickName:
		var rows []string
		for _, l := range s.learners {
			name := l.Name
			if l.HasPIN() {
				name += " (" + cat.T("has_pin") + ")"
			}
			rows = append(rows, name)
		}
		rows = append(rows, cat.T("add_me"))
		f.Lines = append([]string{cat.T("who_are_you")}, access.Numbered(rows)...)
		f.Prompt = cat.T("line_pick_name")
	case addName:
		if len(s.learners) == 0 {
			f.Lines = []string{cat.T("welcome"), cat.T("welcome_text")}
		}
		f.Lines = append(f.Lines, cat.T("your_name"), cat.T("your_name_text"))
	case sameName:
		near := s.learners[s.near].Name
		f.Lines = append([]string{cat.T("same_name_title", "Name", near), cat.T("same_name_text", "Name", near, "New", s.name)},
			access.Numbered(s.sameNameOptions())...)
		f.Prompt = cat.T("line_type_number")
	case askPIN:
		f.Lines = append([]string{cat.T("want_pin", "Name", s.name), cat.T("want_pin_text")},
			access.Numbered([]string{cat.T("pin_no"), cat.T("pin_yes")})...)
		f.Prompt = cat.T("line_type_number")
	case newPIN:
		f.Lines, f.Secret = []string{cat.T("new_pin"), cat.T("new_pin_text")}, true
	case repeatPIN:
		f.Lines, f.Secret = []string{cat.T("repeat_pin"), cat.T("repeat_pin_text")}, true
	case enterPIN:
		f.Lines, f.Secret = []string{cat.T("enter_pin", "Name", s.learners[s.cursor].Name), cat.T("enter_pin_text")}, true
	case pinLocked:
		f.Lines = []string{cat.T("pin_locked_title"), s.lockedText()}
		f.Prompt = cat.T("line_press_enter")
	}
	if s.busy {
		f.News = append(f.News, access.Note{ID: "busy", Text: cat.T("checking")})
	}
	if s.note != "" && s.mode == newPIN {
		f.News = append(f.News, access.Note{ID: "note:" + s.warned, Text: s.note, Sticky: true})
	}
	if s.msg != "" {
		f.News = append(f.News, access.Note{ID: "msg:" + s.msg, Text: s.msg, Sticky: true})
	}
	return f
}

// LineInput takes one line typed in accessible mode.
func (s *SignIn) LineInput(text string) access.Result {
	c, cat := s.c, s.c.Cat
	if s.busy {
		return access.Say(cat.T("checking"))
	}
	switch s.mode {
	case pickName:
		if i, ok := access.Number(text, s.rows()); ok {
			s.cursor = i - 1
			return access.Result{Cmd: s.pick()}
		}
		for i, l := range s.learners {
			if access.Fold(l.Name) == access.Fold(text) {
				s.cursor = i
				return access.Result{Cmd: s.pick()}
			}
		}
		return access.Say(access.NotNumber(c, text, s.rows()))
	case sameName:
		switch {
		case access.IsWord(c, text, "line_cmd_yes"):
			s.choice = 0
		case access.IsWord(c, text, "line_cmd_no"):
			s.choice = 1
		default:
			i, ok := access.Number(text, 2)
			if !ok {
				return access.Say(access.NotNumber(c, text, 2))
			}
			s.choice = i - 1
		}
		return access.Result{Cmd: s.answerSameName()}
	case askPIN:
		switch {
		case access.IsWord(c, text, "line_cmd_no"):
			s.choice = 0
		case access.IsWord(c, text, "line_cmd_yes"):
			s.choice = 1
		default:
			i, ok := access.Number(text, 2)
			if !ok {
				return access.Say(access.NotNumber(c, text, 2))
			}
			s.choice = i - 1
		}
		return access.Result{Cmd: s.answerPINQuestion()}
	case pinLocked:
		s.mode, s.msg = pickName, ""
		return access.Result{}
	case addName, newPIN, repeatPIN, enterPIN:
		v := strings.TrimSpace(text)
		if s.mode != addName && strings.ContainsFunc(v, func(r rune) bool { return r < '0' || r > '9' }) {
			s.msg = cat.T("pin_digits_only")
			return access.Result{}
		}
		if s.mode == addName {
			v = access.ClipRunes(v, store.MaxNameLen+1) // too long is said by the usual check
		} else {
			v = access.ClipRunes(v, 5)
		}
		s.input.SetValue(v)
		s.msg = ""
		return access.Result{Cmd: s.submit()}
	}
	return access.Result{}
}

// Home.

// lineLabel is a row of the home screen in words.
func (h *Home) lineLabel(r homeRow) string {
	c, cat := h.c, h.c.Cat
	switch {
	case r.lesson != "":
		l, _ := c.Lessons.Lesson(r.lesson)
		if _, started := continueLesson(c.Lessons, h.progress); started {
			p := h.progress[l.ID]
			return cat.T("continue") + ": " + cat.T("line_lesson_at_step", "Title", l.Title, "N", p.Step+1, "Total", len(l.Steps()))
		}
		return h.newLessonLabel() + ": " + l.Title
	case r.itinerary != "":
		for _, it := range c.Lessons.Itineraries {
			if it.ID == r.itinerary {
				done := 0
				for _, id := range it.LessonIDs {
					if h.progress[id].Status == store.Done {
						done++
					}
				}
				return cat.T("line_itinerary", "Title", it.Title, "Words", cat.T("lessons_done", "Done", done, "Count", len(it.LessonIDs)))
			}
		}
	case r.join:
		return cat.T("home_join")
	case r.settings:
		return cat.T("home_settings")
	}
	return cat.T("all_lessons", "Count", len(c.Lessons.Lessons))
}

// LineView is the screen in accessible mode: the lines to say and the question.
func (h *Home) LineView() access.Frame {
	cat := h.c.Cat
	if !h.loaded {
		return access.Frame{Key: "home:loading", Lines: []string{cat.T("loading")}}
	}
	var rows []string
	for _, r := range h.rows {
		rows = append(rows, h.lineLabel(r))
	}
	lines := append([]string{cat.T("home_title") + ". " + cat.T("hello", "Name", h.c.Learner.Name)}, access.Numbered(rows)...)
	return access.Frame{Key: "home", Lines: lines, Prompt: cat.T("line_type_number")}
}

// LineInput takes one line typed in accessible mode.
func (h *Home) LineInput(text string) access.Result {
	if !h.loaded {
		return access.Say(h.c.Cat.T("loading"))
	}
	i, ok := access.Number(text, len(h.rows))
	if !ok {
		return access.Say(access.NotNumber(h.c, text, len(h.rows)))
	}
	h.cursor = i - 1
	return access.Result{Cmd: h.open(h.rows[i-1])}
}

// Lesson lists.

// LineView is the screen in accessible mode: the lines to say and the question.
func (ll *LessonList) LineView() access.Frame {
	cat := ll.c.Cat
	lines := []string{ll.Title()}
	if ll.itinerary != nil && ll.itinerary.Description != "" {
		lines = append(lines, ll.itinerary.Description)
	}
	var rows []string
	for _, l := range ll.lessons {
		state := ll.state(l)
		if ll.progress[l.ID].Status == store.Done {
			state = cat.T("state_done") // the word, without the tick
		}
		rows = append(rows, l.Title+": "+access.Sentence(state))
	}
	id := "all"
	if ll.itinerary != nil {
		id = ll.itinerary.ID
	}
	return access.Frame{Key: "list:" + id, Lines: append(lines, access.Numbered(rows)...), Prompt: cat.T("line_type_number")}
}

// LineInput takes one line typed in accessible mode.
func (ll *LessonList) LineInput(text string) access.Result {
	i, ok := access.Number(text, len(ll.lessons))
	if !ok {
		return access.Say(access.NotNumber(ll.c, text, len(ll.lessons)))
	}
	ll.cursor = i - 1
	return access.Result{Cmd: ui.Send(ui.OpenLessonMsg{ID: ll.lessons[i-1].ID})}
}

// Settings.

// LineView is the screen in accessible mode: the lines to say and the question.
func (s *Settings) LineView() access.Frame {
	cat := s.c.Cat
	var rows []string
	for _, r := range s.settingRows() {
		rows = append(rows, r[0]+": "+r[1]+". "+r[2])
	}
	rows = append(rows, cat.T("btn_home"))
	lines := append([]string{cat.T("settings_title"), cat.T("line_settings_text")}, access.Numbered(rows)...)
	return access.Frame{Key: "settings", Lines: lines, Prompt: cat.T("line_type_number")}
}

// LineInput takes one line typed in accessible mode.
func (s *Settings) LineInput(text string) access.Result {
	rows := s.rows()
	i, ok := access.Number(text, len(rows))
	if !ok {
		return access.Say(access.NotNumber(s.c, text, len(rows)))
	}
	s.cursor = i - 1
	id := rows[i-1]
	cmd := s.change(id, 1)
	switch id {
	case setAccessible, setBack:
		return access.Result{Cmd: cmd}
	case setNames:
		// The answer changes when the root has it: say the new one now.
		return access.Result{Say: []string{s.c.Cat.T("setting_names") + ": " + yesNo(s.c, !s.c.NamesYes) + "."}, Cmd: cmd}
	}
	r := s.settingRows()[i-1]
	return access.Result{Say: []string{r[0] + ": " + r[1] + "."}, Cmd: cmd}
}

// Joining the class: a class found on the network by its number, or the
// address typed; then the code.

// LineView is the screen in accessible mode: the lines to say and the question.
func (j *JoinScreen) LineView() access.Frame {
	cat := j.c.Cat
	lines := []string{cat.T("join_heading"), cat.T("join_privacy")}
	switch {
	case j.Looking:
		lines = append(lines, cat.T("join_looking"))
	case len(j.found) > 0:
		var hubs []string
		for _, h := range j.found {
			hubs = append(hubs, h.Name+" ("+strings.TrimPrefix(h.URL, "https://")+")")
		}
		lines = append(append(lines, cat.T("join_found")), access.Numbered(hubs)...)
	}
	f := access.Frame{Key: fmt.Sprintf("join:%v:%d", j.Looking, len(j.found)), Lines: lines}
	switch {
	case j.busy:
		f.News = append(f.News, access.Note{ID: "busy" + j.waitLaptop(), Text: j.busyText()})
	case j.field() == 1:
		f.Prompt = cat.T("line_join_code", "Address", j.addr.Value())
	case len(j.found) > 0:
		f.Prompt = cat.T("line_join_pick")
	default:
		f.Prompt = cat.T("line_join_address")
	}
	if j.msg != "" {
		f.News = append(f.News, access.Note{ID: "msg:" + j.msg, Text: j.msg, Sticky: true})
	}
	return f
}

// LineInput takes one line typed in accessible mode.
func (j *JoinScreen) LineInput(text string) access.Result {
	if j.busy || j.Looking {
		return access.Say(j.c.Cat.T("loading"))
	}
	text = access.ClipRunes(strings.TrimSpace(text), 200)
	j.msg = ""
	if j.field() == 1 {
		if text == "" {
			j.focus(0) // back to the address
			return access.Result{}
		}
		j.code.SetValue(access.ClipRunes(text, classroom.CodeDigits+2))
		return access.Result{Cmd: j.submit()}
	}
	if i, ok := access.Number(text, len(j.found)); ok {
		j.cursor = i - 1
		return access.Result{Cmd: j.enter()}
	}
	if text == "" {
		return access.Say(j.LineView().Prompt)
	}
	j.addr.SetValue(text)
	j.focus(1)
	return access.Result{}
}
