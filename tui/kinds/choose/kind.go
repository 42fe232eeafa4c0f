package choose

import "aula/tui/exercise"

// Choose is the choose step kind: its full-screen exercise and its accessible adapter.
var Choose = exercise.Kind{Name: "choose", New: NewChooseExercise, Lines: NewChooseLines}

// Scenario is the scenario step kind: its full-screen exercise and its accessible adapter.
var Scenario = exercise.Kind{Name: "scenario", New: NewScenarioExercise, Lines: NewChooseLines}
