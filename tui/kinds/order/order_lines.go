package order

import (
	"strconv"
	"strings"

	"aula/lessons"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// order steps: the items numbered as first shown; the learner types the
// numbers in the right order. The numbers keep naming the same items
// after a try, so nothing has to be read again.
type orderLines struct {
	c     *ui.Common
	e     *OrderExercise
	first []string // item ids in the order first shown
}

func (l *orderLines) Describe() []string {
	var items []string
	for _, id := range l.first {
		items = append(items, l.e.ex.ItemByID(id).Text)
	}
	return append([]string{l.c.Cat.T("line_order_items")}, access.Numbered(items)...)
}

func (l *orderLines) Prompt() string {
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

func (l *orderLines) Line(text string) ([]string, bool) {
	n := len(l.first)
	got, ok := access.Numbers(text, n)
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
	l.e.Ids = ids
	return []string{l.c.Cat.T("line_order_yours", "Items", strings.Join(texts, "; "))}, true
}

// NewOrderLines gives an order exercise its accessible (line by line) form.
func NewOrderLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *OrderExercise) exercise.LineExercise {
		return &orderLines{c: c, e: e, first: append([]string(nil), e.Ids...)}
	})
}
