package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/store"
)

// Navigation: screens ask the root to move with these messages.
type (
	// SignedInMsg says a learner signed in: the root opens home.
	SignedInMsg struct {
		Learner store.Learner
		Shared  bool // other learners use this laptop: sign out when idle
	}
	// OpenLessonMsg asks to open the lesson with ID.
	OpenLessonMsg struct{ ID string }
	// OpenListMsg asks to open the list of an itinerary's lessons ("" for all lessons).
	OpenListMsg struct{ Itinerary string }
	// GoHomeMsg asks to go home.
	GoHomeMsg struct{}
	// NamesAnswerMsg is the learner's answer: may their name go to the
	// region with their results (tui/names.go)?
	NamesAnswerMsg struct{ Yes bool }
	// OpenJoinMsg asks to open the screen that joins a class.
	OpenJoinMsg struct{}
	// OpenSettingsMsg asks to open the settings.
	OpenSettingsMsg struct{}
	// SignOutMsg asks to sign the learner out.
	SignOutMsg struct{}
	// QuitMsg asks to close Aula (after the queued writes).
	QuitMsg struct{}
)

// Data that commands bring back.
type (
	// LearnersMsg brings the learners of this laptop (or the error reading them).
	LearnersMsg struct {
		Learners []store.Learner
		Err      error
	}
	// ProgressMsg brings a learner's progress in every lesson.
	ProgressMsg struct {
		learner  uint64
		Progress map[string]store.Progress
		err      error
	}
	// LessonReadyMsg brings a lesson to open with the learner's progress in it.
	LessonReadyMsg struct {
		Lesson   *lessons.Lesson
		Progress store.Progress
		Err      error
	}
)

// LoadLearners reads the learners of this laptop.
func LoadLearners(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		l, err := st.Learners()
		return LearnersMsg{Learners: l, Err: err}
	}
}

// LoadProgress reads a learner's progress in every lesson, after the
// writes queued before it (see Recorder.ReadAfterWrites).
func LoadProgress(rec *Recorder, learner uint64) tea.Cmd {
	return rec.ReadAfterWrites(func(st *store.Store) tea.Msg {
		p, err := st.Progress(learner)
		return ProgressMsg{learner: learner, Progress: p, err: err}
	})
}

// LoadLesson reads a learner's progress in lesson l to open it, after the
// writes queued before it.
func LoadLesson(rec *Recorder, learner uint64, l *lessons.Lesson) tea.Cmd {
	return rec.ReadAfterWrites(func(st *store.Store) tea.Msg {
		p, err := st.LessonProgress(learner, l.ID)
		return LessonReadyMsg{Lesson: l, Progress: p, Err: err}
	})
}

// Send is a command that brings msg back to Update.
func Send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Sequence runs cmds one after another in a single command, each once the
// one before it has returned, and brings all their messages back together.
// It is the kiosk's own ordering primitive, on Bubble Tea's public API
// only (a tea.BatchMsg): what must happen in order here is the effects (a
// write committed before a read, or before quitting), not the delivery of
// the messages.
func Sequence(cmds ...tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		var out tea.BatchMsg
		for _, c := range cmds {
			if c == nil {
				continue
			}
			if msg := c(); msg != nil {
				out = append(out, Send(msg))
			}
		}
		return out
	}
}
