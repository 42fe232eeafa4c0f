// Package yesno is the yesno step kind in the terminal: a statement and
// two buttons, in full screen and in accessible mode.
package yesno

import "aula/tui/exercise"

// Kind is the yesno step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "yesno", New: NewYesNoExercise, Lines: NewYesNoLines}
