package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/store"
)

// Navigation: screens ask the root to move with these messages.
type (
	SignedInMsg struct {
		Learner store.Learner
		Shared  bool // other learners use this laptop: sign out when idle
	}
	OpenLessonMsg   struct{ ID string }
	OpenListMsg     struct{ Itinerary string } // "" for all lessons
	GoHomeMsg       struct{}
	OpenJoinMsg     struct{}
	OpenSettingsMsg struct{}
	SignOutMsg      struct{}
	QuitMsg         struct{}
)

// Data that commands bring back.
type (
	LearnersMsg struct {
		Learners []store.Learner
		Err      error
	}
	ProgressMsg struct {
		learner  uint64
		Progress map[string]store.Progress
		err      error
	}
	LessonReadyMsg struct {
		Lesson   *lessons.Lesson
		Progress store.Progress
		Err      error
	}
)

// errMsg carries an error to the screen that can say it.
type errMsg struct{ err error }

func (e errMsg) Error() string { return e.err.Error() }

func LoadLearners(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		l, err := st.Learners()
		return LearnersMsg{Learners: l, Err: err}
	}
}

func LoadProgress(st *store.Store, learner uint64) tea.Cmd {
	return func() tea.Msg {
		p, err := st.Progress(learner)
		return ProgressMsg{learner: learner, Progress: p, err: err}
	}
}

func LoadLesson(st *store.Store, learner uint64, l *lessons.Lesson) tea.Cmd {
	return func() tea.Msg {
		p, err := st.LessonProgress(learner, l.ID)
		return LessonReadyMsg{Lesson: l, Progress: p, Err: err}
	}
}

func Send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
