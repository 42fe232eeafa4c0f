package form

import "aula/tui/exercise"

// Kind is the form step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "form", New: NewFormExercise, Lines: NewFormLines}
