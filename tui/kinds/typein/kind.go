package typein

import "aula/tui/exercise"

// Kind is the type step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "type", New: NewTypeExercise, Lines: NewTypeLines}
