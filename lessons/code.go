package lessons

import (
	"fmt"
	"strings"
	"unicode"

	"aula/lessons/judge"
	"aula/lessons/validate"

	"gopkg.in/yaml.v3"
)

// Code is two-step verification: the app "sends" a code by SMS to a phone
// drawn beside the form, and the learner types it before it expires.
type Code struct {
	Digits  int    `yaml:"digits"`  // how many digits: 4 to 8, 6 if not said
	Expires int    `yaml:"expires"` // seconds until the code expires: 10 to 600
	Sender  string `yaml:"sender"`  // who sends the SMS, as the phone shows it
	Message string `yaml:"message"` // the SMS; {code} is where the code goes
	Label   string `yaml:"label"`   // the label above the field
}

// CodeAnswer is what the learner typed, the code that was sent, and
// whether it had expired when they checked.
type CodeAnswer struct {
	Typed   string
	Code    string
	Expired bool
}

// Reasons and mistake ids of code steps; the user interface has the words.
const (
	ReasonExpired     Reason = "code_expired" // the code is too old: ask for another
	ReasonNotDigits   Reason = "code_letters" // something other than digits
	ReasonLength      Reason = "code_length"  // too few or too many digits: Param says how many were typed
	ReasonWrongCode   Reason = "code_wrong"   // digits, but not the code
	MistakeExpired           = "expired"      // the mistake id of ReasonExpired
	MistakeNotDigits         = "not_digits"   // of ReasonNotDigits
	MistakeLength            = "wrong_length" // of ReasonLength
	MistakeWrongCode         = "wrong_code"   // of ReasonWrongCode
	defaultCodeDigits        = 6
	codePlaceholder          = "{code}"
)

// CodeDigits is how many digits the code has.
func (c *Code) CodeDigits() int {
	if c.Digits == 0 {
		return defaultCodeDigits
	}
	return c.Digits
}

// SMS returns the message with the code in it.
func (c *Code) SMS(code string) string { return strings.ReplaceAll(c.Message, codePlaceholder, code) }

// Judge checks the typed code. Spaces are allowed ("483 920"): phones often
// show the code that way.
func (c *Code) Judge(a Answer) Verdict {
	ans, ok := a.(CodeAnswer)
	if !ok || ans.Code == "" {
		return Verdict{Reason: ReasonInvalid}
	}
	typed := strings.Join(strings.Fields(validate.Truncate(ans.Typed)), "")
	switch {
	case typed == "":
		return Verdict{Reason: ReasonEmpty, Mistake: MistakeEmpty}
	case ans.Expired:
		return Verdict{Reason: ReasonExpired, Mistake: MistakeExpired}
	case strings.ContainsFunc(typed, func(r rune) bool { return r < '0' || r > '9' }):
		if strings.IndexFunc(typed, unicode.IsDigit) >= 0 && strings.ContainsAny(strings.ToLower(typed), "oli") {
			// 48392O: a letter O for a zero, an l or I for a one.
			return Verdict{Reason: ReasonNotDigits, Param: "letters-for-digits", Mistake: MistakeNotDigits}
		}
		return Verdict{Reason: ReasonNotDigits, Mistake: MistakeNotDigits}
	case len(typed) != len(ans.Code):
		return Verdict{Reason: ReasonLength, Param: fmt.Sprint(len(typed)), Mistake: MistakeLength}
	case typed != ans.Code:
		return Verdict{Reason: ReasonWrongCode, Mistake: MistakeWrongCode}
	}
	return Verdict{Correct: true}
}

// Check reports problems with the step's own code data, each at its line.
func (c *Code) Check(p *judge.Problems, step string, n *yaml.Node) {
	if d := c.CodeDigits(); d < 4 || d > 8 {
		p.Add(judge.Or(judge.Child(n, "digits"), n), "step %q: a code has 4 to 8 digits, not %d", step, d)
	}
	if c.Expires < 10 || c.Expires > 600 {
		p.Add(judge.Or(judge.Child(n, "expires"), n), "step %q: expires should be 10 to 600 seconds, not %d", step, c.Expires)
	}
	if c.Sender == "" {
		p.Add(n, "step %q: a code step needs a sender (who sends the SMS)", step)
	}
	if !strings.Contains(c.Message, codePlaceholder) {
		p.Add(judge.Or(judge.Child(n, "message"), n), "step %q: the message needs %s where the code goes", step, codePlaceholder)
	}
}

// Shape lists what must be the same in every language.
func (c *Code) Shape() []string {
	return []string{fmt.Sprintf("digits=%d expires=%d", c.CodeDigits(), c.Expires)}
}
