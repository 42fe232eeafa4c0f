package access

import (
	"strconv"
	"strings"
)

// Number reads a typed option number from 1 to n; ok is false for
// anything else.
func Number(text string, n int) (int, bool) {
	i, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), ".")))
	if err != nil || i < 1 || i > n {
		return 0, false
	}
	return i, true
}
