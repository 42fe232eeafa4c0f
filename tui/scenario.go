package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// scenarioExercise draws a scene (an SMS, a phone call, a web page) above
// the options of a choose step, and is that choose step for everything
// else.
type scenarioExercise struct {
	*chooseExercise
	scene *lessons.Scene
}

func newScenarioExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	sc := s.Exercise.(*lessons.Scenario)
	ch := &chooseExercise{c: c, step: s, ex: &sc.Choose, opts: sc.Shown(s.ID), marked: map[string]bool{}}
	return &scenarioExercise{chooseExercise: ch, scene: sc.Scene}
}

func (e *scenarioExercise) View(width int) string {
	return e.sceneView(min(width, 64)) + "\n\n" + e.chooseExercise.View(width)
}

// sceneView draws the scene in a box: a phone's SMS, a call's words, or a
// page with its address and button.
func (e *scenarioExercise) sceneView(width int) string {
	st, cat := e.c.Styles, e.c.Cat
	inner := max(width-4, 8)
	wrap := lipgloss.NewStyle().Width(inner)
	var lines []string
	switch e.scene.Kind {
	case "sms":
		lines = append(lines, st.Title.Render(wrap.Render(cat.T("scene_sms", "From", e.scene.From))))
		for _, l := range e.scene.Lines {
			lines = append(lines, wrap.Render(l))
		}
	case "call":
		lines = append(lines, st.Title.Render(wrap.Render(cat.T("scene_call", "From", e.scene.From))))
		for _, l := range e.scene.Lines {
			lines = append(lines, wrap.Render("— "+l))
		}
	default: // web
		lines = append(lines, st.Dim.Render(wrap.Render(cat.T("scene_address")+" "+e.scene.From)))
		lines = append(lines, st.Dim.Render(strings.Repeat("─", inner)))
		for _, l := range e.scene.Lines {
			lines = append(lines, wrap.Render(l))
		}
		if e.scene.Button != "" {
			lines = append(lines, st.ButtonOn.Render("[ "+e.scene.Button+" ]"))
		}
	}
	return st.Box.Width(width - 2).Render(strings.Join(lines, "\n"))
}
