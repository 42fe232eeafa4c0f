package screens

import (
	"testing"

	"aula/store"
)

func TestNearName(t *testing.T) {
	for name, want := range map[string]int{"Begoña ": 0, "BEGOÑA": 0, "Begonia": 0, "Pepa": 1, "Eva": -1, "Rosa": -1, "Pe": -1} {
		ls := []store.Learner{{Name: "Begoña"}, {Name: "Pepe"}}
		if got := nearName(ls, name); got != want {
			t.Errorf("nearName(%q) = %d, want %d", name, got, want)
		}
	}
}
