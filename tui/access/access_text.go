package access

import (
	"fmt"
	"strings"
)

// Numbered lists options as "1. text".
func Numbered(options []string) []string {
	out := make([]string, len(options))
	for i, o := range options {
		out[i] = fmt.Sprintf("%d. %s", i+1, o)
	}
	return out
}

// Sentence ends s with a full stop, unless it ends with a mark already.
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".?!:;…»)\"") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, "»") {
		return s
	}
	return s + "."
}
