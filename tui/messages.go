package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/store"
)

// Navigation: screens ask the root to move with these messages.
type (
	signedInMsg struct {
		learner store.Learner
		shared  bool // other learners use this laptop: sign out when idle
	}
	openLessonMsg   struct{ id string }
	openListMsg     struct{ itinerary string } // "" for all lessons
	goHomeMsg       struct{}
	openJoinMsg     struct{}
	openSettingsMsg struct{}
	signOutMsg      struct{}
	quitMsg         struct{}
)

// Data that commands bring back.
type (
	learnersMsg struct {
		learners []store.Learner
		err      error
	}
	progressMsg struct {
		learner  uint64
		progress map[string]store.Progress
		err      error
	}
	lessonReadyMsg struct {
		lesson   *lessons.Lesson
		progress store.Progress
		err      error
	}
)

// errMsg carries an error to the screen that can say it.
type errMsg struct{ err error }

func (e errMsg) Error() string { return e.err.Error() }

func loadLearners(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		l, err := st.Learners()
		return learnersMsg{learners: l, err: err}
	}
}

func loadProgress(st *store.Store, learner uint64) tea.Cmd {
	return func() tea.Msg {
		p, err := st.Progress(learner)
		return progressMsg{learner: learner, progress: p, err: err}
	}
}

func loadLesson(st *store.Store, learner uint64, l *lessons.Lesson) tea.Cmd {
	return func() tea.Msg {
		p, err := st.LessonProgress(learner, l.ID)
		return lessonReadyMsg{lesson: l, progress: p, err: err}
	}
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
