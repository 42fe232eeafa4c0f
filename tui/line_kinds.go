package tui

import (
	"strconv"
	"strings"
	"time"

	"aula/lessons"
	"aula/tui/access"
	"aula/tui/ui"
)

// The adapters that say each step kind as lines (see lineKinds). Each one
// changes the kind's own exercise, as its keys would.

// numbers reads the option numbers in a line ("1 3", "1, 3", "1 y 3"),
// each from 1 to n. ok is false if something else is there.
func numbers(text string, n int) ([]int, bool) {
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '.' || r == '-' })
	var out []int
	for _, f := range fields {
		if lf := access.Fold(f); lf == "y" || lf == "and" || lf == "e" {
			continue
		}
		i, err := strconv.Atoi(f)
		if err != nil || i < 1 || i > n {
			return nil, false
		}
		out = append(out, i)
	}
	return out, true
}

// choose and scenario steps: the options numbered; a number answers (or
// several, when more than one is right).
type chooseLines struct {
	c     *ui.Common
	e     *chooseExercise
	scene *lessons.Scene
}

func newChooseLines(c *ui.Common, _ *lessons.Step, ex exercise) lineExercise {
	switch e := ex.(type) {
	case *scenarioExercise:
		return &chooseLines{c: c, e: e.chooseExercise, scene: e.scene}
	case *chooseExercise:
		return &chooseLines{c: c, e: e}
	}
	return readLines{c: c}
}

func (l *chooseLines) describe() []string {
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
	for _, o := range l.e.opts {
		opts = append(opts, o.Text)
	}
	return append(out, numbered(opts)...)
}

func (l *chooseLines) prompt() string {
	if l.e.ex.Multiple {
		return l.c.Cat.T("line_choose_many")
	}
	return l.c.Cat.T("line_choose_one")
}

func (l *chooseLines) line(text string) ([]string, bool) {
	n := len(l.e.opts)
	picked, ok := numbers(text, n)
	if !ok || (!l.e.ex.Multiple && len(picked) > 1) {
		return []string{access.NotNumber(l.c, text, n)}, false
	}
	if !l.e.ex.Multiple {
		if len(picked) == 0 {
			return []string{l.c.Cat.T("line_verdict_no_choice")}, false
		}
		l.e.cursor = picked[0] - 1
		return nil, true
	}
	clear(l.e.marked)
	for _, i := range picked {
		l.e.marked[l.e.opts[i-1].ID] = true
	}
	return nil, true // none marked: the player says to mark something
}

// spoken adds the options to what F6 reads.
func (l *chooseLines) spoken() string { return strings.Join(l.describe(), "\n") }

// type steps: the line is the answer.
type typeLines struct {
	c *ui.Common
	e *typeExercise
}

var newTypeLines = lineAdapter(func(c *ui.Common, e *typeExercise) lineExercise {
	return &typeLines{c: c, e: e}
})

func (l *typeLines) describe() []string {
	if l.e.ex.Label != "" {
		return []string{l.c.Cat.T("line_field", "Label", l.e.ex.Label)}
	}
	return nil
}

func (l *typeLines) prompt() string { return l.c.Cat.T("line_type_answer") }

func (l *typeLines) line(text string) ([]string, bool) {
	l.e.input.SetValue(access.ClipRunes(strings.TrimSpace(text), typeCharLimit))
	return nil, true
}

// order steps: the items numbered as first shown; the learner types the
// numbers in the right order. The numbers keep naming the same items
// after a try, so nothing has to be read again.
type orderLines struct {
	c     *ui.Common
	e     *orderExercise
	first []string // item ids in the order first shown
}

var newOrderLines = lineAdapter(func(c *ui.Common, e *orderExercise) lineExercise {
	return &orderLines{c: c, e: e, first: append([]string(nil), e.ids...)}
})

func (l *orderLines) describe() []string {
	var items []string
	for _, id := range l.first {
		items = append(items, l.e.ex.ItemByID(id).Text)
	}
	return append([]string{l.c.Cat.T("line_order_items")}, numbered(items)...)
}

func (l *orderLines) prompt() string {
	return l.c.Cat.T("line_order_prompt", "Example", exampleOrder(len(l.first)))
}

// exampleOrder is an example of a line of numbers: "2 1 3".
func exampleOrder(n int) string {
	var parts []string
	for i := n; i >= 1; i-- {
		parts = append(parts, strconv.Itoa(i))
	}
	return strings.Join(parts, " ")
}

func (l *orderLines) line(text string) ([]string, bool) {
	n := len(l.first)
	got, ok := numbers(text, n)
	seen := map[int]bool{}
	for _, i := range got {
		ok = ok && !seen[i]
		seen[i] = true
	}
	if !ok || len(got) != n {
		return []string{l.c.Cat.T("line_order_all", "Count", n, "Example", exampleOrder(n))}, false
	}
	ids := make([]string, n)
	var texts []string
	for pos, i := range got {
		ids[pos] = l.first[i-1]
		texts = append(texts, l.e.ex.ItemByID(ids[pos]).Text)
	}
	l.e.ids = ids
	return []string{l.c.Cat.T("line_order_yours", "Items", strings.Join(texts, "; "))}, true
}

// password steps: the line is the practice password (and the next one,
// the same again). It is never said back.
type passwordLines struct {
	c *ui.Common
	e *passwordExercise
}

var newPasswordLines = lineAdapter(func(c *ui.Common, e *passwordExercise) lineExercise {
	return &passwordLines{c: c, e: e}
})

func (l *passwordLines) describe() []string {
	cat := l.c.Cat
	out := []string{cat.T("line_pw_goal", "Goal", levelName(cat, l.e.ex.GoalLevel()))}
	if l.e.boxes() > 1 {
		out = append(out, cat.T("line_pw_twice"))
	}
	return out
}

// secret: the practice password is not shown as it is typed, as the full
// screen masks it.
func (l *passwordLines) secret() bool { return true }

func (l *passwordLines) prompt() string {
	if l.e.focus == 1 {
		return l.c.Cat.T("line_pw_again")
	}
	return l.c.Cat.T("line_pw_prompt")
}

func (l *passwordLines) line(text string) ([]string, bool) {
	cat := l.c.Cat
	e := l.e
	f := &e.fields[e.focus]
	f.wipe()
	f.insert([]rune(text))
	var out []string
	if f.cut {
		out = append(out, cat.T("pw_cut", "Count", lessons.MaxPasswordLen))
	}
	if e.focus == 1 {
		return out, true
	}
	e.fields[1].wipe()
	e.judge()
	if e.TakeEnter() {
		// Strong enough: say how strong, then ask for it again.
		return append(out, cat.T("line_pw_strength", "Level", levelName(cat, e.st.Level))+" "+cat.T("line_pw_goal_reached")), false
	}
	return out, true
}

func (l *passwordLines) lineSay(v lessons.Verdict) string {
	switch v.Reason {
	case lessons.ReasonNoConfirm, lessons.ReasonDifferent:
		return l.c.Cat.T("line_verdict_" + string(v.Reason))
	case lessons.ReasonEmpty:
		return l.c.Cat.T("line_verdict_empty")
	}
	return ""
}

// code steps: the SMS is said; the line is the code, or the word for a
// new one.
type codeLines struct {
	c *ui.Common
	e *codeExercise
}

var newCodeLines = lineAdapter(func(c *ui.Common, e *codeExercise) lineExercise {
	return &codeLines{c: c, e: e}
})

func (l *codeLines) sms() []string {
	cat := l.c.Cat
	secs := int((l.e.left() + time.Second - 1) / time.Second)
	expires := cat.T("line_code_expires_sec", "Count", secs)
	if secs%60 == 0 {
		expires = cat.T("line_code_expires_min", "Count", secs/60)
	}
	return []string{cat.T("line_code_sms", "Sender", l.e.ex.Sender), l.e.ex.SMS(l.e.code), expires}
}

func (l *codeLines) describe() []string { return l.sms() }

func (l *codeLines) prompt() string {
	if l.e.expired() {
		return l.c.Cat.T("line_code_expired", "Word", access.Word(l.c, "line_cmd_new_code"))
	}
	return l.c.Cat.T("line_code_prompt", "Word", access.Word(l.c, "line_cmd_new_code"))
}

func (l *codeLines) line(text string) ([]string, bool) {
	if access.IsWord(l.c, text, "line_cmd_new_code") {
		l.e.send()
		return l.sms(), false
	}
	l.e.input.SetValue(access.ClipRunes(strings.TrimSpace(text), l.e.input.CharLimit))
	return nil, true
}

func (l *codeLines) LineCommands() []string {
	return []string{l.c.Cat.T("line_words_code", "Word", access.Word(l.c, "line_cmd_new_code"))}
}

func (l *codeLines) lineSay(v lessons.Verdict) string {
	if v.Reason == lessons.ReasonExpired {
		return l.c.Cat.T("line_verdict_code_expired", "Word", access.Word(l.c, "line_cmd_new_code"))
	}
	return ""
}

// spoken adds the SMS to what F6 reads.
func (l *codeLines) spoken() string { return strings.Join(l.sms(), "\n") }

// phrase steps: the words numbered; the line is the numbers of the words
// that make the phrase.
type phraseLines struct {
	c *ui.Common
	e *phraseExercise
}

var newPhraseLines = lineAdapter(func(c *ui.Common, e *phraseExercise) lineExercise {
	return &phraseLines{c: c, e: e}
})

func (l *phraseLines) describe() []string {
	var words []string
	for _, w := range l.e.order {
		words = append(words, w.Text)
	}
	return append([]string{l.c.Cat.T("line_phrase_words", "Min", l.e.ex.MinWords)}, numbered(words)...)
}

func (l *phraseLines) prompt() string { return l.c.Cat.T("line_phrase_prompt") }

func (l *phraseLines) line(text string) ([]string, bool) {
	cat := l.c.Cat
	picked, ok := numbers(text, len(l.e.order))
	if !ok {
		return []string{access.NotNumber(l.c, text, len(l.e.order))}, false
	}
	l.e.picked = l.e.picked[:0]
	for _, i := range picked {
		l.e.add(i - 1) // at most 8, as on the full screen
	}
	if len(l.e.picked) == 0 {
		return nil, true
	}
	return []string{cat.T("phrase_label") + " " + l.e.ex.Phrase(l.e.picked) + ". " +
		cat.T("line_pw_strength", "Level", levelName(cat, l.e.st.Level))}, true
}

func (l *phraseLines) lineSay(v lessons.Verdict) string {
	switch v.Reason {
	case lessons.ReasonNoChoice:
		return l.c.Cat.T("line_verdict_phrase_none")
	case lessons.ReasonRepeated:
		return l.c.Cat.T("line_verdict_phrase_repeated", "Word", v.Param)
	}
	return ""
}
