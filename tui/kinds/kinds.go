// Package kinds is the one registry of step kinds in the terminal
// interface: every list of kinds the player, accessible mode and the tests
// use is derived from All. A kind's judge is registered in package lessons
// under the same name; TestEveryKindIsComplete checks that both sides, and
// the kind's messages and content in every language, are there.
//
// The registry lives here rather than in package exercise because it must
// import every kind's package, and every kind's package imports exercise
// for its contract: exercise ← kinds/<kind> ← kinds ← player.
package kinds

import (
	"aula/internal/lazy"
	"aula/tui/exercise"
	"aula/tui/kinds/browser"
	"aula/tui/kinds/chat"
	"aula/tui/kinds/choose"
	"aula/tui/kinds/code"
	"aula/tui/kinds/files"
	"aula/tui/kinds/form"
	"aula/tui/kinds/inbox"
	"aula/tui/kinds/order"
	"aula/tui/kinds/password"
	"aula/tui/kinds/phrase"
	"aula/tui/kinds/typein"
)

// All lists every step kind the terminal interface can show.
var all = lazy.Value[[]exercise.Kind]{New: func() []exercise.Kind {
	return []exercise.Kind{
		exercise.Read,
		choose.Choose,
		typein.Kind,
		order.Kind,
		password.Kind,
		code.Kind,
		choose.Scenario,
		phrase.Kind,
		inbox.Kind,
		form.Kind,
		browser.Kind,
		chat.Kind,
		files.Kind, // the practice file manager (issue 16)
	}
}}

// byName finds the kind called name among all.
func byName(name string) (exercise.Kind, bool) {
	for _, k := range all.Get() {
		if k.Name == name {
			return k, true
		}
	}
	return exercise.Kind{}, false
}

// All returns every registered kind, in the order lessons lists them.
func All() []exercise.Kind { return append([]exercise.Kind(nil), all.Get()...) }

// Lookup returns the kind called name, or the read kind (an information
// card) for a name nobody registered, so that a step is never left without
// a screen.
func Lookup(name string) exercise.Kind {
	if k, ok := byName(name); ok {
		return k
	}
	return exercise.Read
}

// Has says whether a kind called name is registered.
func Has(name string) bool {
	_, ok := byName(name)
	return ok
}
