// Package code is the code step kind in the terminal: its exercise in full
// screen and in accessible mode.
package code

import "aula/tui/exercise"

// Kind is the code step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "code", New: NewCodeExercise, Lines: NewCodeLines}
