// Package phrase is the phrase step kind in the terminal: its exercise in full
// screen and in accessible mode.
package phrase

import "aula/tui/exercise"

// Kind is the phrase step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "phrase", New: NewPhraseExercise, Lines: NewPhraseLines}
