package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The hub says its whole start in the trainer's language, the line about
// not being announced on the network (it listens on loopback here)
// included: no English error inside a Spanish sentence.
func TestE2EHubStartsInSpanish(t *testing.T) {
	hub := startLines(t, aulaBinary(t), "hub", "--lang", "es", "--data", filepath.Join(t.TempDir(), "hub"), "--listen", "127.0.0.1:0")
	said := hub.expect("El hub solo escucha en este ordenador, así que no se anuncia en la red")
	for _, want := range []string{"Hub de la clase en https://127.0.0.1:", "Código de la sesión: ", "Pulsa Ctrl+C para parar el hub."} {
		if !strings.Contains(said, want) {
			t.Errorf("the hub said:\n%s\nwant %q", said, want)
		}
	}
	if strings.Contains(said, "the hub listens") || strings.Contains(said, "Session code") {
		t.Errorf("English in the Spanish hub's start:\n%s", said)
	}
}
