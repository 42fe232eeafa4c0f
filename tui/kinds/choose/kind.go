// Package choose is the choose step kind in the terminal: its exercise in full
// screen and in accessible mode.
package choose

import "aula/tui/exercise"

// Choose is the choose step kind: its full-screen exercise and its accessible adapter.
var Choose = exercise.Kind{Name: "choose", New: NewChooseExercise, Lines: NewChooseLines}

// Scenario is the scenario step kind: its full-screen exercise and its accessible adapter.
var Scenario = exercise.Kind{Name: "scenario", New: NewScenarioExercise, Lines: NewChooseLines}
