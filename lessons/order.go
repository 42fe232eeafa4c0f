package lessons

import (
	"hash/fnv"

	"aula/lessons/judge"

	"gopkg.in/yaml.v3"
)

// Order asks the learner to put items in the right order. Items are written
// in the right order in the lesson file.
type Order struct {
	Items []*Item `yaml:"items"`
}

// Item is one thing to put in order.
type Item struct {
	ID       string `yaml:"id"`
	Text     string `yaml:"text"`
	Feedback string `yaml:"feedback"`
}

// Judge checks the order, and speaks of the first place that is wrong.
func (o *Order) Judge(a Answer) Verdict {
	got, ok := a.(OrderAnswer)
	if !ok || len(got) != len(o.Items) {
		return Verdict{Reason: ReasonInvalid}
	}
	for i, want := range o.Items {
		if got[i] != want.ID {
			return Verdict{Feedback: want.Feedback, Reason: ReasonOrder, Param: want.Text, Mistake: "order-" + want.ID}
		}
	}
	return Verdict{Correct: true}
}

// Shuffled returns the item ids in a stable mixed order that is never the
// right one (for two or more items). seed makes the order differ per step.
func (o *Order) Shuffled(seed string) []string {
	ids := make([]string, len(o.Items))
	for i, j := range mix(len(o.Items), seed) {
		ids[i] = o.Items[j].ID
	}
	if len(ids) > 1 && o.Judge(OrderAnswer(ids)).Correct {
		// Never start solved: rotate by one.
		ids = append(ids[1:], ids[0])
	}
	return ids
}

// mix returns a permutation of 0..n-1 that depends only on seed, so a
// learner who comes back sees the same screen.
func mix(n int, seed string) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	h := fnv.New64a()
	h.Write([]byte(seed))
	x := h.Sum64() | 1
	for i := n - 1; i > 0; i-- {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		j := int(x % uint64(i+1))
		idx[i], idx[j] = idx[j], idx[i]
	}
	return idx
}

// ItemByID returns an item by id.
func (o *Order) ItemByID(id string) *Item {
	for _, it := range o.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}

// Check reports problems with the step's own order data, each at its line.
func (o *Order) Check(p *judge.Problems, step string, n *yaml.Node) {
	itemsNode := judge.Child(n, "items")
	for i, it := range o.Items {
		if it == nil { // an empty "- " in the list: report it below, never panic on it
			o.Items[i] = &Item{}
		}
	}
	if len(o.Items) < 2 {
		p.Add(n, "step %q: an order step needs at least 2 items", step)
		return
	}
	ids := map[string]bool{}
	for i, it := range o.Items {
		in := judge.Item(itemsNode, i)
		p.UnknownKeys(in, it)
		switch {
		case it.ID == "":
			p.Add(in, "step %q: item %d has no id", step, i+1)
		case ids[it.ID]:
			p.Add(judge.Child(in, "id"), "step %q: item id %q is used twice", step, it.ID)
		}
		ids[it.ID] = true
		if it.Text == "" {
			p.Add(in, "step %q: item %q has no text", step, it.ID)
		}
	}
}

// Shape lists what must be the same in every language.
func (o *Order) Shape() []string {
	var out []string
	for _, it := range o.Items {
		out = append(out, "item "+it.ID)
	}
	return out
}
