// Package order is the order step kind in the terminal: its exercise in full
// screen and in accessible mode.
package order

import "aula/tui/exercise"

// Kind is the order step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "order", New: NewOrderExercise, Lines: NewOrderLines}
