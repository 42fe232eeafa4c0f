package inbox

import "aula/tui/exercise"

// Kind is the inbox step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "inbox", New: NewInboxExercise, Lines: NewInboxLines}
