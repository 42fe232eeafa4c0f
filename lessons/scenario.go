package lessons

import (
	"slices"

	"aula/lessons/judge"

	"gopkg.in/yaml.v3"
)

// Scenario is "scam or genuine?": a scene (an SMS, a phone call, a web page)
// drawn as the learner would meet it, and a choice about it, judged like a
// choose step, with feedback for every option.
type Scenario struct {
	Choose `yaml:",inline"`
	Scene  *Scene `yaml:"scene"`
}

// Scene is what the learner sees or hears.
type Scene struct {
	Kind   string   `yaml:"kind"`   // sms, call or web
	From   string   `yaml:"from"`   // the sender, the caller, or the web address
	Lines  []string `yaml:"lines"`  // the message, what the caller says, the page
	Button string   `yaml:"button"` // web only: the button the page wants you to press
}

// SceneKinds are the kinds of scene.
var SceneKinds = []string{"sms", "call", "web"}

// Check reports problems with the step's own scenario data, each at its line.
func (s *Scenario) Check(p *judge.Problems, step string, n *yaml.Node) {
	s.Choose.Check(p, step, n)
	sn := judge.Child(n, "scene")
	if s.Scene == nil {
		p.Add(n, "step %q: a scenario step needs a scene (kind, from, lines)", step)
		return
	}
	p.UnknownKeys(sn, s.Scene)
	if !slices.Contains(SceneKinds, s.Scene.Kind) {
		p.Add(judge.Or(judge.Child(sn, "kind"), sn), "step %q: scene kind %q should be sms, call or web", step, s.Scene.Kind)
	}
	if s.Scene.From == "" {
		p.Add(sn, "step %q: the scene needs from (who sends it, who calls, or the web address)", step)
	}
	if len(s.Scene.Lines) == 0 {
		p.Add(sn, "step %q: the scene needs lines", step)
	}
	if s.Scene.Button != "" && s.Scene.Kind != "web" {
		p.Add(judge.Or(judge.Child(sn, "button"), sn), "step %q: only a web scene has a button", step)
	}
}

// Shape lists what must be the same in every language.
func (s *Scenario) Shape() []string {
	kind := ""
	if s.Scene != nil {
		kind = s.Scene.Kind
	}
	return append(s.Choose.Shape(), "scene "+kind)
}
