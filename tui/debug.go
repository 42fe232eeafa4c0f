package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"aula/tui/ui"
)

// debugLine says a message for the debug log: its type and the fields that
// help to follow a session (a key's name, a size, a lesson id, how many
// events were saved), never what the learner typed: letters typed are
// logged as how many there were.
func debugLine(msg tea.Msg) string {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes {
			return fmt.Sprintf("tea.KeyMsg runes(%d)", len(msg.Runes))
		}
		return "tea.KeyMsg " + msg.Type.String()
	case tea.MouseMsg:
		return fmt.Sprintf("tea.MouseMsg %s at %d,%d", tea.MouseEvent(msg).String(), msg.X, msg.Y)
	case tea.WindowSizeMsg:
		return fmt.Sprintf("tea.WindowSizeMsg %dx%d", msg.Width, msg.Height)
	case ui.SavedMsg:
		return fmt.Sprintf("ui.SavedMsg events=%d err=%v", len(msg.Events), msg.Err)
	case ui.OpenLessonMsg:
		return "ui.OpenLessonMsg " + msg.ID
	case ui.LessonReadyMsg:
		id := ""
		if msg.Lesson != nil {
			id = msg.Lesson.ID
		}
		return fmt.Sprintf("ui.LessonReadyMsg %s step=%d err=%v", id, msg.Progress.Step, msg.Err)
	case ui.ProgressMsg:
		return fmt.Sprintf("ui.ProgressMsg lessons=%d", len(msg.Progress))
	case error:
		return fmt.Sprintf("%T %v", msg, msg)
	}
	return fmt.Sprintf("%T", msg)
}
