package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/lessons/validate"
)

// WarmStrength loads the password-strength dictionaries ahead of need; it is a command, and answers nothing.
func WarmStrength() tea.Msg {
	validate.WarmStrength()
	return nil
}

// LevelOf is the strength level of a verdict; very weak if it has none.
func LevelOf(v lessons.Verdict) validate.Level {
	if v.Strength == nil {
		return validate.VeryWeak
	}
	return v.Strength.Level
}

// LevelName is a level in words ("débil").
func LevelName(cat interface{ T(string, ...any) string }, l validate.Level) string {
	return cat.T(fmt.Sprintf("pw_level_%d", int(l)))
}

// StrengthMeter draws a strength as blocks, a word and the goal; empty
// draws the meter of nothing yet. Never colour alone: the word says the
// level.
func StrengthMeter(c *Common, lvl, goalLvl validate.Level, empty bool, width int) string {
	st, cat := c.Styles, c.Cat
	filled := int(lvl) + 1
	if empty {
		filled = 0
	}
	bar := strings.Repeat("■", filled) + strings.Repeat("□", 5-filled)
	style := st.Bad
	switch {
	case lvl >= validate.Strong:
		style = st.Good
	case lvl == validate.Fair:
		style = st.Hint
	}
	word := cat.T("pw_meter_empty")
	if filled > 0 {
		word = LevelName(cat, lvl)
	}
	goal := cat.T("pw_goal", "Goal", LevelName(cat, goalLvl))
	if filled > 0 && lvl >= goalLvl {
		goal = "✔ " + cat.T("pw_goal_reached")
	}
	text := "  " + cat.T("pw_strength") + " " + style.Render(bar+" "+word) + " · " + goal
	return lipgloss.NewStyle().MaxWidth(width).Render(text)
}
