// Package tui is Aula's terminal interface: the root that routes messages
// and draws the frame and overlays, and the run loop (Run) that main calls.
//
// The interface is cut into packages that import one way, from here down
// (TestImportsFollowTheLayers holds them to it; docs/architecture.md draws
// the picture):
//
//	tui            the root: Model (a router), overlays (quit, PIN gate, idle,
//	               glossary), the class link, speech, accessible mode's
//	               runtime (Lines) and Run.
//	tui/screens    the learner screens: sign-in, home, lesson list, settings,
//	               join — each with its accessible view.
//	tui/dashboard  the trainer's dashboard.
//	tui/player     the lesson player: title, instruction, checking, feedback,
//	               hints, saving — around one exercise.
//	tui/kinds      the one registry of step kinds (All, Lookup).
//	tui/kinds/X    one package per step kind: its full-screen exercise and
//	               its accessible-mode adapter (choose also holds scenario,
//	               a choice with a scene).
//	tui/exercise   the contract between the player and a kind (Exercise,
//	               LineExercise, Kind).
//	tui/access     accessible mode's primitives: a screen as lines, command
//	               words, numbers.
//	tui/ui         what every screen shares: Common (the context: sizes,
//	               styles, catalog, keys, learner, recorder), themes, keys,
//	               the Recorder, navigation messages, widgets, the Screen and
//	               Overlay contracts and the small interfaces through which
//	               the root asks a screen what it needs (ui.Placed, …).
//
// The root never names a concrete screen type: it asks through those
// interfaces. Screens never call each other: they ask the root to move with
// a navigation message (ui.OpenLessonMsg, ui.GoHomeMsg, …).
package tui
