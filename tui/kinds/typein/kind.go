// Package typein is the typein step kind in the terminal: its exercise in full
// screen and in accessible mode.
package typein

import "aula/tui/exercise"

// Kind is the type step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "type", New: NewTypeExercise, Lines: NewTypeLines}
