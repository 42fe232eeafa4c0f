package lessons

import (
	"slices"
	"strings"
	"testing"

	"aula/lessons/judge"
	"aula/lessons/validate"
)

func passwordStep(t *testing.T, goal string, confirm bool) *Password {
	t.Helper()
	p := &Password{Goal: goal, Confirm: confirm}
	pr := &judge.Problems{}
	p.Check(pr, "crear", nil)
	if len(pr.List) > 0 {
		t.Fatalf("goal %q: %v", goal, pr.List)
	}
	return p
}

func TestPasswordJudge(t *testing.T) {
	strong := "nube tren queso piano"
	tests := []struct {
		name    string
		ex      *Password
		in      Answer
		correct bool
		reason  Reason
		mistake string
		level   validate.Level // when the answer was measured
	}{
		{"strong and the same", passwordStep(t, "strong", true), PasswordAnswer{Password: strong, Confirm: strong}, true, "", "", validate.VeryStrong},
		{"no confirm asked", passwordStep(t, "strong", false), PasswordAnswer{Password: strong}, true, "", "", validate.VeryStrong},
		{"empty", passwordStep(t, "strong", true), PasswordAnswer{}, false, ReasonEmpty, MistakeEmpty, -1},
		{"only spaces", passwordStep(t, "weak", true), PasswordAnswer{Password: "    ", Confirm: "    "}, false, ReasonWeak, validate.AdviceOnlySpaces, validate.VeryWeak},
		{"common", passwordStep(t, "strong", true), PasswordAnswer{Password: "password", Confirm: "password"}, false, ReasonWeak, validate.AdviceCommon, validate.VeryWeak},
		{"the learner's name", passwordStep(t, "strong", true), PasswordAnswer{Password: "Lucía1980", Confirm: "Lucía1980", Name: "Lucía"},
			false, ReasonWeak, validate.AdviceHasName, validate.Weak},
		{"a club and a year", passwordStep(t, "fair", true), PasswordAnswer{Password: "Barcelona2024"}, false, ReasonWeak, validate.AdviceCommon, validate.Weak},
		{"fair is enough for a fair goal", passwordStep(t, "fair", false), PasswordAnswer{Password: "tren azul"}, true, "", "", validate.Fair},
		{"fair is not strong", passwordStep(t, "strong", false), PasswordAnswer{Password: "tren azul"}, false, ReasonWeak, validate.AdviceKnownWord, validate.Fair},
		{"strong but no second box", passwordStep(t, "strong", true), PasswordAnswer{Password: strong}, false, ReasonNoConfirm, "no_confirm", validate.VeryStrong},
		{"strong but different", passwordStep(t, "strong", true), PasswordAnswer{Password: strong, Confirm: "nube tren queso pian"},
			false, ReasonDifferent, MistakeDifferent, validate.VeryStrong},
		{"capitals count", passwordStep(t, "strong", true), PasswordAnswer{Password: strong, Confirm: strings.ToUpper(strong)},
			false, ReasonDifferent, MistakeDifferent, validate.VeryStrong},
		{"accents and ñ", passwordStep(t, "strong", true), PasswordAnswer{Password: "ñandú cigüeña pingüino árbol", Confirm: "ñandú cigüeña pingüino árbol"},
			true, "", "", validate.VeryStrong},
		{"a 10,000 character paste is judged on its start", passwordStep(t, "strong", true),
			PasswordAnswer{Password: strong + strings.Repeat("x", 10000), Confirm: strong + strings.Repeat("x", 60)}, true, "", "", validate.VeryStrong},
		{"wrong shape", passwordStep(t, "strong", true), TextAnswer(strong), false, ReasonInvalid, "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.ex.Judge(tt.in)
			if v.Correct != tt.correct || v.Reason != tt.reason || v.Mistake != tt.mistake {
				t.Fatalf("verdict %+v, want correct=%v reason=%q mistake=%q", v, tt.correct, tt.reason, tt.mistake)
			}
			switch {
			case tt.level < 0 && v.Strength != nil:
				t.Errorf("strength %+v, want none", *v.Strength)
			case tt.level >= 0 && (v.Strength == nil || v.Strength.Level != tt.level):
				t.Errorf("strength %+v, want level %d", v.Strength, tt.level)
			}
			if v.Counts() == (tt.reason == ReasonEmpty || tt.reason == ReasonNoConfirm) {
				t.Errorf("Counts() = %v for %q", v.Counts(), tt.reason)
			}
			if v.Reason == ReasonWeak && v.Param != v.Strength.Level.ID() {
				t.Errorf("param %q, want the level id %q", v.Param, v.Strength.Level.ID())
			}
			// Whatever is stored is an id, never the password.
			if pa, ok := tt.in.(PasswordAnswer); ok && pa.Password != "" {
				for _, id := range append(slices.Clone(v.Strength.Advice), v.Mistake, v.Param) {
					if id != "" && strings.Contains(pa.Password, id) {
						t.Errorf("the verdict carries %q, which is part of the password", id)
					}
				}
			}
		})
	}
}

func TestPasswordStepProblems(t *testing.T) {
	step := func(extra string) string {
		return lessonHead + `  - id: crear
    kind: password
    title: Crea
    text: Crea una contraseña.
    hint: Junta palabras.
    example: nube tren queso piano
` + extra
	}
	for _, tt := range []struct {
		name, yaml, where string
		msg               []string
	}{
		{"no goal", step(""), "extra/es/rota.yaml:8: ", []string{`goal ""`}},
		{"unknown goal", step("    goal: fortísima\n"), "extra/es/rota.yaml:14: ", []string{`goal "fortísima"`, "strong"}},
		{"very weak is no goal", step("    goal: very-weak\n"), "extra/es/rota.yaml:14: ", []string{`goal "very-weak"`}},
		{"unknown field", step("    goal: strong\n    confirmar: true\n"), "extra/es/rota.yaml:15: ", []string{`unknown field "confirmar"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := Load(Source{Name: "extra", FS: withGood(same(tt.yaml))})
			found := false
			for _, p := range problems {
				if rest, ok := strings.CutPrefix(p.String(), tt.where); ok && containsAll(rest, tt.msg) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem %q with %q; got:\n%s", tt.where, tt.msg, list(problems))
			}
		})
	}
	// The goal and the second box must be the same in every language.
	es := step("    goal: strong\n    confirm: true\n")
	en := step("    goal: fair\n    confirm: true\n")
	_, problems := Load(Source{Name: "extra", FS: withGood(map[string]string{"es/rota.yaml": es, "en/rota.yaml": en})})
	if !strings.Contains(list(problems), "does not match") {
		t.Errorf("different goals in es and en should be a problem; got:\n%s", list(problems))
	}
}
