package screens

import (
	"aula/lessons/validate"
	"aula/store"
)

// A new name that is nearly one already on the list ("Begona" for
// "Begoña", "ana" for "Ana ", "Rosi" for "Rosa") is most often the same
// person typing it differently: the sign-in asks "Are you Begoña?"
// before adding a second learner (issue 19, item 15).

// nearName is the index of the learner whose name is name written another
// way (the same without accents and capitals, or one letter away), or -1.
func nearName(learners []store.Learner, name string) int {
	n := []rune(validate.Fold(name))
	best, bestD := -1, 2
	for i, l := range learners {
		if d := editDistance(n, []rune(validate.Fold(l.Name)), bestD); d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 && bestD == 1 && len(n) < 4 {
		return -1 // "Eva" and "Ema" are different people
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, or limit when
// it is limit or more.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
