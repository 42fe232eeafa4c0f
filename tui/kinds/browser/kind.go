package browser

import "aula/tui/exercise"

// Kind is the browser step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "browser", New: NewBrowserExercise, Lines: NewBrowserLines}
