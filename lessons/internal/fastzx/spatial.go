// The spatial matcher: runs of neighbouring keys ("qwerty", "zxcvbn").

package fastzx

import (
	"aula/internal/lazy"
	"strings"

	"github.com/trustelem/zxcvbn/adjacency"
	"github.com/trustelem/zxcvbn/match"
)

// graphs are the keyboards spatialMatch looks for patterns on.
var graphs = lazy.Value[[]*adjacency.Graph]{New: func() []*adjacency.Graph {
	return []*adjacency.Graph{adjacency.Graphs["qwerty"], adjacency.Graphs["dvorak"],
		adjacency.Graphs["keypad"], adjacency.Graphs["mac_keypad"]}
}}

// shiftedChars are the keys typed with Shift on the keyboard called name,
// "" when it has no Shift.
func shiftedChars(name string) string {
	switch name {
	case "qwerty", "dvorak":
		return `~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?`
	}
	return ""
}

// spatialMatch adds the runs of 3 keys or more on graph, each key next to
// the one before, with how many times the run turns and how many keys
// were shifted.
func spatialMatch(ms []*match.Match, password string, graph *adjacency.Graph) []*match.Match {
	shifted := shiftedChars(graph.Name)
	isShifted := func(c byte) bool { return shifted != "" && strings.IndexByte(shifted, c) >= 0 }
	i := 0
	for i < len(password)-1 {
		j := i + 1
		lastDirection := -99
		turns := 0
		shiftedCount := 0
		if isShifted(password[i]) {
			shiftedCount = 1
		}
		for {
			found := false
			if j < len(password) {
				adjacents := graph.Graph[password[j-1:j]]
				cur := password[j]
				for dir, adj := range adjacents {
					if idx := strings.IndexByte(adj, cur); idx != -1 {
						found = true
						if idx == 1 {
							shiftedCount++
						}
						if lastDirection != dir {
							turns++
							lastDirection = dir
						}
						break
					}
				}
			}
			if found {
				j++
				continue
			}
			if j-i > 2 {
				ms = append(ms, &match.Match{Pattern: "spatial", I: i, J: j - 1, Token: password[i:j],
					Graph: graph.Name, Turns: turns, ShiftedCount: shiftedCount})
			}
			i = j
			break
		}
	}
	return ms
}
