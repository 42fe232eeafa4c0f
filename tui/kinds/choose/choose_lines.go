package choose

import (
	"strings"

	"aula/lessons"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// choose and scenario steps: the options numbered; a number answers (or
// several, when more than one is right).
type chooseLines struct {
	c     *ui.Common
	e     *ChooseExercise
	scene *lessons.Scene
}

func (l *chooseLines) Describe() []string {
	cat := l.c.Cat
	var out []string
	if sc := l.scene; sc != nil {
		switch sc.Kind {
		case "sms":
			out = append(out, cat.T("scene_sms", "From", sc.From)+":")
			out = append(out, sc.Lines...)
		case "call":
			out = append(out, cat.T("scene_call", "From", sc.From)+":")
			for _, s := range sc.Lines {
				out = append(out, "«"+s+"»")
			}
		default:
			out = append(out, cat.T("line_scene_web", "Address", sc.From))
			out = append(out, sc.Lines...)
			if sc.Button != "" {
				out = append(out, cat.T("line_scene_button", "Button", sc.Button))
			}
		}
		out = append(out, cat.T("line_scene_end"))
	}
	var opts []string
	for _, o := range l.e.Opts {
		opts = append(opts, o.Text)
	}
	return append(out, access.Numbered(opts)...)
}

func (l *chooseLines) Prompt() string {
	if l.e.Ex.Multiple {
		return l.c.Cat.T("line_choose_many")
	}
	return l.c.Cat.T("line_choose_one")
}

func (l *chooseLines) Line(text string) ([]string, bool) {
	n := len(l.e.Opts)
	picked, ok := access.Numbers(text, n)
	if !ok || (!l.e.Ex.Multiple && len(picked) > 1) {
		return []string{access.NotNumber(l.c, text, n)}, false
	}
	if !l.e.Ex.Multiple {
		if len(picked) == 0 {
			return []string{l.c.Cat.T("line_verdict_no_choice")}, false
		}
		l.e.Cursor = picked[0] - 1
		return nil, true
	}
	clear(l.e.Marked)
	for _, i := range picked {
		l.e.Marked[l.e.Opts[i-1].ID] = true
	}
	return nil, true // none marked: the player says to mark something
}

// Spoken adds the options to what F6 reads.
func (l *chooseLines) Spoken() string { return strings.Join(l.Describe(), "\n") }

// NewChooseLines gives a choose or scenario exercise its accessible (line by line) form.
func NewChooseLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	switch e := ex.(type) {
	case *ScenarioExercise:
		return &chooseLines{c: c, e: e.ChooseExercise, scene: e.scene}
	case *ChooseExercise:
		return &chooseLines{c: c, e: e}
	}
	return exercise.ReadLines{C: c}
}
