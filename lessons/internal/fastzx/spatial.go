// The spatial matcher: runs of neighbouring keys ("qwerty", "zxcvbn").

package fastzx

import "strings"

// keyboard is one of zxcvbn's keyboard graphs (keyboards.go, made from
// trustelem's adjacency.Graphs by go generate; TestKeyboards checks it).
type keyboard struct {
	name string
	// dirs are the directions around a key (6 on a keyboard, 8 on a keypad).
	dirs int
	// keys are the keys with neighbours, links the neighbours over all
	// keys and directions: the graph's size and, divided, its average
	// degree.
	keys, links int
	// adj holds, for each character from ' ' to '~', its neighbour in
	// each direction as 2 bytes: the key, then the key with Shift (0xff
	// when the key has no Shift, both 0xff when there is no neighbour).
	adj string
}

// noKey pads adj: a byte no ASCII password holds.
const noKey = 0xff

// neighbour is the neighbour of c in direction dir as adj has it (2 bytes,
// noKey for none), "" when c is outside ' ' to '~'.
func (kb *keyboard) neighbour(c byte, dir int) string {
	if c < ' ' || c > '~' {
		return ""
	}
	at := (int(c-' ')*kb.dirs + dir) * 2
	return kb.adj[at : at+2]
}

//go:generate go test -run TestKeyboards -update

// shiftedChars are the keys typed with Shift on the keyboard called name,
// "" when it has no Shift.
func shiftedChars(name string) string {
	switch name {
	case "qwerty", "dvorak":
		return `~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?`
	}
	return ""
}

// spatialMatch adds the runs of 3 keys or more on kb, each key next to
// the one before, with how many times the run turns and how many keys
// were shifted.
func spatialMatch(ms []*Match, password string, kb *keyboard) []*Match {
	shifted := shiftedChars(kb.name)
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
				prev, cur := password[j-1], password[j]
				for dir := range kb.dirs {
					if idx := strings.IndexByte(kb.neighbour(prev, dir), cur); idx != -1 {
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
				ms = append(ms, &Match{Pattern: "spatial", I: i, J: j - 1, Token: password[i:j],
					Graph: kb.name, Turns: turns, ShiftedCount: shiftedCount})
			}
			i = j
			break
		}
	}
	return ms
}
