package lessons

import (
	"strings"
	"testing"

	"aula/lessons/judge"
)

func phraseStep(t *testing.T, words ...string) *Passphrase {
	t.Helper()
	p := &Passphrase{MinWords: 4, Goal: "very-strong"}
	for _, w := range words {
		id, text, _ := strings.Cut(w, "=")
		word := &Word{ID: id, Text: id}
		if text != "" {
			word.Feedback = text
		}
		p.Words = append(p.Words, word)
	}
	pr := &judge.Problems{}
	p.Check(pr, "construir", nil)
	if len(pr.List) > 0 {
		t.Fatalf("%v", pr.List)
	}
	return p
}

func TestPassphraseJudge(t *testing.T) {
	p := phraseStep(t, "nube", "tren", "queso", "piano", "cactus", "tortuga", "betis=Es un equipo.", "1975=Es un año.")
	digits := phraseStep(t, "1", "2", "3", "4", "5", "6")
	tests := []struct {
		name    string
		ex      *Passphrase
		in      Answer
		correct bool
		reason  Reason
		mistake string
		param   string
	}{
		{"4 random words", p, PassphraseAnswer{"nube", "tortuga", "piano", "queso"}, true, "", "", ""},
		{"nothing picked", p, PassphraseAnswer{}, false, ReasonNoChoice, "none", ""},
		{"a trap", p, PassphraseAnswer{"nube", "betis", "tren", "piano"}, false, ReasonWrong, "word-betis", ""},
		{"a trap comes before a repeat", p, PassphraseAnswer{"nube", "nube", "1975"}, false, ReasonRepeated, MistakeRepeated, "nube"},
		{"too few", p, PassphraseAnswer{"nube", "tren", "queso"}, false, ReasonFewWords, MistakeFewWords, "1"},
		{"weak words", digits, PassphraseAnswer{"1", "2", "3", "4"}, false, ReasonWeak, "fair", "fair"},
		{"an unknown id", p, PassphraseAnswer{"nube", "sol"}, false, ReasonInvalid, "", ""},
		{"wrong shape", p, ChoiceAnswer{"nube"}, false, ReasonInvalid, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.ex.Judge(tt.in)
			if v.Correct != tt.correct || v.Reason != tt.reason || v.Mistake != tt.mistake || v.Param != tt.param {
				t.Errorf("verdict %+v, want correct=%v reason=%q mistake=%q param=%q", v, tt.correct, tt.reason, tt.mistake, tt.param)
			}
			if tt.reason == ReasonWrong && v.Feedback != "Es un equipo." {
				t.Errorf("a trap should say its own feedback, got %q", v.Feedback)
			}
		})
	}
	if got := p.Phrase([]string{"nube", "tren"}); got != "nube tren" {
		t.Errorf("Phrase = %q", got)
	}
}

func TestPassphraseStepProblems(t *testing.T) {
	pr := &judge.Problems{}
	p := &Passphrase{MinWords: 2, Goal: "fuerte", Words: []*Word{{ID: "a", Text: "dos palabras"}, {ID: "a", Text: "b"}, nil}}
	p.Check(pr, "construir", nil)
	msgs := ""
	for _, m := range pr.List {
		msgs += m.Msg + "\n"
	}
	for _, want := range []string{`goal "fuerte"`, "min_words should be 3 to 6", `word "a" should be one word`, `word id "a" is used twice`,
		"word 3 has no id", "give at least min_words + 2"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("no problem %q in:\n%s", want, msgs)
		}
	}
}

func TestScenarioStepProblems(t *testing.T) {
	step := func(scene string) string {
		return lessonHead + `  - id: caso
    kind: scenario
    title: Caso
    text: ¿Qué es?
    options:
      - id: engano
        text: Un engaño
        correct: true
      - id: verdad
        text: De verdad
        feedback: No. Pide un pago.
    hint: Mira lo que pide.
    example: Es un engaño.
` + scene
	}
	for _, tt := range []struct{ name, yaml, want string }{
		{"no scene", step(""), "needs a scene"},
		{"unknown kind", step("    scene:\n      kind: fax\n      from: x\n      lines: [hola]\n"), `scene kind "fax"`},
		{"no lines", step("    scene:\n      kind: sms\n      from: x\n"), "the scene needs lines"},
		{"button on an sms", step("    scene:\n      kind: sms\n      from: x\n      lines: [hola]\n      button: Pagar\n"), "only a web scene has a button"},
		{"unknown field", step("    scene:\n      kind: sms\n      de: x\n      from: x\n      lines: [hola]\n"), `unknown field "de"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := Load(Source{Name: "extra", FS: withGood(same(tt.yaml))})
			if !strings.Contains(list(problems), tt.want) {
				t.Errorf("no problem %q; got:\n%s", tt.want, list(problems))
			}
		})
	}
	// A scenario is judged like a choose step.
	sc := &Scenario{Choose: Choose{Options: []*Option{{ID: "engano", Correct: true}, {ID: "verdad", Feedback: "No."}}}}
	if v := sc.Judge(ChoiceAnswer{"verdad"}); v.Correct || v.Mistake != "verdad" || v.Feedback != "No." {
		t.Errorf("wrong option: %+v", v)
	}
	if v := sc.Judge(ChoiceAnswer{"engano"}); !v.Correct {
		t.Errorf("right option: %+v", v)
	}
}
