package chat

import "aula/tui/exercise"

// Kind is the chat step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "chat", New: NewChatExercise, Lines: NewChatLines}
