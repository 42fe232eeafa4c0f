package lessons

import (
	"fmt"

	"aula/lessons/judge"
	"aula/lessons/validate"

	"gopkg.in/yaml.v3"
)

// Password asks the learner to make up a practice password strong enough
// for the goal, and to type it again. The password is judged and forgotten:
// only its level and the advice ids are stored.
type Password struct {
	Goal    string `yaml:"goal"`    // the level to reach: weak, fair, strong, very-strong
	Confirm bool   `yaml:"confirm"` // ask to type it again

	goal validate.Level
}

// PasswordAnswer is what the learner typed in a password step, and their
// name, which makes a password weak if it is in it.
type PasswordAnswer struct {
	Password string
	Confirm  string
	Name     string
}

// Reasons of password steps; the user interface has the words.
const (
	ReasonWeak       Reason = "weak"       // below the goal: Param is the level's id
	ReasonDifferent  Reason = "different"  // the two boxes differ
	MistakeDifferent        = "different"  // the mistake id of ReasonDifferent
	MistakeEmpty            = "empty"      // the mistake id of an empty answer
	mistakeNoConfirm        = "no_confirm" // the mistake id of ReasonNoConfirm
)

// GoalLevel is the level the password must reach.
func (p *Password) GoalLevel() validate.Level { return p.goal }

// Judge checks strength first, then that both boxes say the same.
func (p *Password) Judge(a Answer) Verdict {
	ans, ok := a.(PasswordAnswer)
	if !ok {
		return Verdict{Reason: ReasonInvalid}
	}
	if ans.Password == "" {
		return Verdict{Reason: ReasonEmpty, Mistake: MistakeEmpty}
	}
	st := validate.PasswordStrength(ans.Password, ans.Name)
	v := Verdict{Strength: &st}
	switch {
	case st.Level < p.goal:
		v.Reason, v.Param = ReasonWeak, st.Level.ID()
		v.Mistake = st.Level.ID()
		if len(st.Advice) > 0 {
			v.Mistake = st.Advice[0]
		}
	case p.Confirm && ans.Confirm == "":
		v.Reason, v.Mistake = ReasonNoConfirm, mistakeNoConfirm
	case p.Confirm && validate.Truncate(ans.Confirm) != validate.Truncate(ans.Password):
		v.Reason, v.Mistake = ReasonDifferent, MistakeDifferent
	default:
		v.Correct = true
	}
	return v
}

// Check reports problems with the step's own password data, each at its line.
func (p *Password) Check(pr *judge.Problems, step string, n *yaml.Node) {
	p.goal = checkGoal(pr, step, n, p.Goal)
}

// checkGoal reads the strength a password or passphrase step asks for.
func checkGoal(pr *judge.Problems, step string, n *yaml.Node, goal string) validate.Level {
	l, ok := validate.LevelByID(goal)
	if !ok || l == validate.VeryWeak {
		pr.Add(judge.Or(judge.Child(n, "goal"), n), "step %q: goal %q should be one of weak, fair, strong, very-strong", step, goal)
	}
	return l
}

// Shape lists what must be the same in every language.
func (p *Password) Shape() []string {
	return []string{fmt.Sprintf("goal=%s confirm=%v", p.Goal, p.Confirm)}
}
