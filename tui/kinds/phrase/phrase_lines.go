package phrase

import (
	"aula/lessons"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// phrase steps: the words numbered; the line is the numbers of the words
// that make the phrase.
type phraseLines struct {
	c *ui.Common
	e *PhraseExercise
}

func (l *phraseLines) Describe() []string {
	var words []string
	for _, w := range l.e.Order {
		words = append(words, w.Text)
	}
	return append([]string{l.c.Cat.T("line_phrase_words", "Min", l.e.ex.MinWords)}, access.Numbered(words)...)
}

func (l *phraseLines) Prompt() string { return l.c.Cat.T("line_phrase_prompt") }

func (l *phraseLines) Line(text string) ([]string, bool) {
	cat := l.c.Cat
	picked, ok := access.Numbers(text, len(l.e.Order))
	if !ok {
		return []string{access.NotNumber(l.c, text, len(l.e.Order))}, false
	}
	l.e.picked = l.e.picked[:0]
	for _, i := range picked {
		l.e.add(i - 1) // at most 8, as on the full screen
	}
	if len(l.e.picked) == 0 {
		return nil, true
	}
	return []string{cat.T("phrase_label") + " " + l.e.ex.Phrase(l.e.picked) + ". " +
		cat.T("line_pw_strength", "Level", ui.LevelName(cat, l.e.st.Level))}, true
}

func (l *phraseLines) LineSay(v lessons.Verdict) string {
	switch v.Reason {
	case lessons.ReasonNoChoice:
		return l.c.Cat.T("line_verdict_phrase_none")
	case lessons.ReasonRepeated:
		return l.c.Cat.T("line_verdict_phrase_repeated", "Word", v.Param)
	}
	return ""
}

// NewPhraseLines gives a passphrase exercise its accessible (line by line) form.
func NewPhraseLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *PhraseExercise) exercise.LineExercise {
		return &phraseLines{c: c, e: e}
	})
}
