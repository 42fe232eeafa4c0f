package password

import "aula/tui/exercise"

// Kind is the password step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "password", New: NewPasswordExercise, Lines: NewPasswordLines}
