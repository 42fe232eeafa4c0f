package lessons

import (
	"strings"
	"testing"
)

func TestCodeJudge(t *testing.T) {
	c := &Code{Digits: 6, Expires: 60, Sender: "Cl@ve", Message: "Tu código es {code}."}
	code := "483920"
	tests := []struct {
		name    string
		in      Answer
		correct bool
		reason  Reason
		mistake string
		param   string
	}{
		{"right", CodeAnswer{Typed: code, Code: code}, true, "", "", ""},
		{"with spaces, as phones show it", CodeAnswer{Typed: " 483 920 ", Code: code}, true, "", "", ""},
		{"empty", CodeAnswer{Typed: "", Code: code}, false, ReasonEmpty, MistakeEmpty, ""},
		{"only spaces", CodeAnswer{Typed: "   ", Code: code}, false, ReasonEmpty, MistakeEmpty, ""},
		{"expired, even if right", CodeAnswer{Typed: code, Code: code, Expired: true}, false, ReasonExpired, MistakeExpired, ""},
		{"a letter O for a zero", CodeAnswer{Typed: "48392O", Code: code}, false, ReasonNotDigits, MistakeNotDigits, "letters-for-digits"},
		{"words", CodeAnswer{Typed: "código", Code: code}, false, ReasonNotDigits, MistakeNotDigits, ""},
		{"emoji", CodeAnswer{Typed: "😀😀", Code: code}, false, ReasonNotDigits, MistakeNotDigits, ""},
		{"too short", CodeAnswer{Typed: "4839", Code: code}, false, ReasonLength, MistakeLength, "4"},
		{"too long", CodeAnswer{Typed: "4839201", Code: code}, false, ReasonLength, MistakeLength, "7"},
		{"a 10,000 character paste", CodeAnswer{Typed: strings.Repeat("4", 10000), Code: code}, false, ReasonLength, MistakeLength, "64"},
		{"two digits swapped", CodeAnswer{Typed: "489320", Code: code}, false, ReasonWrongCode, MistakeWrongCode, ""},
		{"wrong shape", TextAnswer(code), false, ReasonInvalid, "", ""},
		{"no code sent", CodeAnswer{Typed: code}, false, ReasonInvalid, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := c.Judge(tt.in)
			if v.Correct != tt.correct || v.Reason != tt.reason || v.Mistake != tt.mistake || v.Param != tt.param {
				t.Errorf("verdict %+v, want correct=%v reason=%q mistake=%q param=%q", v, tt.correct, tt.reason, tt.mistake, tt.param)
			}
		})
	}
	if got := c.SMS(code); got != "Tu código es 483920." {
		t.Errorf("SMS = %q", got)
	}
}

func TestCodeStepProblems(t *testing.T) {
	step := func(extra string) string {
		return lessonHead + `  - id: codigo
    kind: code
    title: Código
    text: Escribe el código.
    hint: Mira el SMS.
    example: Escribe los números del SMS.
` + extra
	}
	for _, tt := range []struct {
		name, yaml, where string
		msg               []string
	}{
		{"no expiry", step("    sender: Cl@ve\n    message: \"{code}\"\n"), "extra/es/rota.yaml:8: ", []string{"expires"}},
		{"too few digits", step("    digits: 3\n    expires: 60\n    sender: Cl@ve\n    message: \"{code}\"\n"), "extra/es/rota.yaml:14: ", []string{"4 to 8 digits"}},
		{"no sender", step("    expires: 60\n    message: \"{code}\"\n"), "extra/es/rota.yaml:8: ", []string{"sender"}},
		{"no place for the code", step("    expires: 60\n    sender: Cl@ve\n    message: Hola\n"), "extra/es/rota.yaml:16: ", []string{"{code}"}},
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
}

// FuzzCodeJudge: whatever is typed, the judge answers without panicking,
// and only the code itself (not expired) is right.
func FuzzCodeJudge(f *testing.F) {
	for _, s := range []string{"", "483920", "48392O", " 483 920", "ñ", "\xff", "😀"} {
		f.Add(s, false)
	}
	c := &Code{Digits: 6, Expires: 60, Sender: "x", Message: "{code}"}
	f.Fuzz(func(t *testing.T, typed string, expired bool) {
		v := c.Judge(CodeAnswer{Typed: typed, Code: "483920", Expired: expired})
		if v.Correct && (expired || strings.Join(strings.Fields(typed), "") != "483920") {
			t.Fatalf("%q (expired %v) judged right", typed, expired)
		}
		if !v.Correct && v.Mistake == "" && v.Reason != ReasonInvalid {
			t.Fatalf("%q: a wrong answer without a mistake id: %+v", typed, v)
		}
	})
}
