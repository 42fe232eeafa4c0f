package choose

import (
	"strings"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// ScenarioExercise draws a scene (an SMS, a phone call, a web page) above
// the options of a choose step, and is that choose step for everything
// else.
type ScenarioExercise struct {
	*ChooseExercise
	scene *lessons.Scene
}

// NewScenarioExercise makes the exercise of a scenario step: a scene, then a choice.
func NewScenarioExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	sc := s.Exercise.(*lessons.Scenario)
	ch := &ChooseExercise{c: c, step: s, Ex: &sc.Choose, Opts: sc.Shown(s.ID), Marked: map[string]bool{}}
	return &ScenarioExercise{ChooseExercise: ch, scene: sc.Scene}
}

// View draws the exercise.
func (e *ScenarioExercise) View(width int) string {
	return e.sceneView(min(width, 64)) + "\n\n" + e.ChooseExercise.View(width)
}

// sceneView draws the scene in a box: a phone's SMS, a call's words, or a
// page with its address and button.
func (e *ScenarioExercise) sceneView(width int) string {
	st, cat := e.c.Styles, e.c.Cat
	inner := max(width-4, 8)
	wrap := ui.Wrapper(inner)
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
