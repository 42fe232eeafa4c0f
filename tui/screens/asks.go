package screens

import "aula/tui/ui"

// What each learner screen answers when the root asks (see ui.Placed,
// ui.GoesHomeOnEsc, ui.AsksToQuitOnQ).

// Where says where the learner is: the sign-in screen.
// Once a name is picked (typing its PIN, or told to wait after wrong
// ones) the screen says who is coming in.
func (s *SignIn) Where() ui.Where {
	w := ui.Where{Screen: "signin"}
	if (s.mode == enterPIN || s.mode == pinLocked) && s.cursor < len(s.learners) {
		l := s.learners[s.cursor]
		w.Learner, w.Name = l.ID, l.Name
	}
	return w
}

// QAsksToQuit says that q asks to close Aula on the sign-in screen.
func (s *SignIn) QAsksToQuit() bool { return true }

// Where says where the learner is: home.
func (h *Home) Where() ui.Where { return ui.Where{Screen: "home"} }

// QAsksToQuit says that q asks to close Aula at home.
func (h *Home) QAsksToQuit() bool { return true }

// Where says where the learner is: the list of lessons.
func (ll *LessonList) Where() ui.Where { return ui.Where{Screen: "list"} }

// EscGoesHome says that Esc leaves the list for home.
func (ll *LessonList) EscGoesHome() bool { return true }

// Where says where the learner is: joining a class.
func (j *JoinScreen) Where() ui.Where { return ui.Where{Screen: "join"} }

// EscGoesHome says that Esc leaves the join screen for home.
func (j *JoinScreen) EscGoesHome() bool { return true }

// EscGoesHome says that Esc leaves the settings for home.
func (s *Settings) EscGoesHome() bool { return true }
