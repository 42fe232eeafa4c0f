// Package password is the password step kind in the terminal: its exercise in full
// screen and in accessible mode.
package password

import "aula/tui/exercise"

// Kind is the password step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "password", New: NewPasswordExercise, Lines: NewPasswordLines}
