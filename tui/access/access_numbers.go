package access

import (
	"strconv"
	"strings"
)

// Numbers reads the option numbers in a line ("1 3", "1, 3", "1 y 3"),
// each from 1 to n. ok is false if something else is there.
func Numbers(text string, n int) ([]int, bool) {
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '.' || r == '-' })
	var out []int
	for _, f := range fields {
		if lf := Fold(f); lf == "y" || lf == "and" || lf == "e" {
			continue
		}
		i, err := strconv.Atoi(f)
		if err != nil || i < 1 || i > n {
			return nil, false
		}
		out = append(out, i)
	}
	return out, true
}
