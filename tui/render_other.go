//go:build !unix

package tui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
)

// screenProgram makes the full-screen program of m: on Windows consoles,
// Bubble Tea's renderer at a modest frame rate (render.go).
func screenProgram(ctx context.Context, m tea.Model) (p *tea.Program, stop func()) {
	return newProgram(ctx, m), func() {}
}
