// The repeat matcher: a piece written again and again ("abcabcabc").

package fastzx

import "strings"

// repeatAt finds, from position from, the leftmost repeat: a base repeated
// at least twice, as the regular expressions (.+)\1+ (greedy) and (.+?)\1+
// (lazy) would. It returns the start and the base length of each, or -1.
func repeatAt(s string, from int) (start, greedyBase, lazyBase int) {
	n := len(s)
	for start = from; start < n; start++ {
		lazyBase = -1
		for l := 1; start+2*l <= n; l++ {
			if s[start:start+l] == s[start+l:start+2*l] {
				lazyBase = l
				break
			}
		}
		if lazyBase < 0 {
			continue
		}
		for l := (n - start) / 2; l >= 1; l-- {
			if s[start:start+l] == s[start+l:start+2*l] {
				return start, l, lazyBase
			}
		}
	}
	return -1, -1, -1
}

// repeats counts how many times base repeats from start (at least 2 here).
func repeats(s string, start, base int) int {
	k := 1
	for start+(k+1)*base <= len(s) && s[start+k*base:start+(k+1)*base] == s[start:start+base] {
		k++
	}
	return k
}

// shortestBase is the shortest string that repeated makes token.
func shortestBase(token string) string {
	for l := 1; l <= len(token)/2; l++ {
		if len(token)%l == 0 && strings.Repeat(token[:l], len(token)/l) == token {
			return token[:l]
		}
	}
	return token
}

// repeatMatch adds the repeats, each with the best reading of what is
// repeated, found with the same user inputs, as zxcvbn does (trustelem
// leaves the inputs out there).
func repeatMatch(ms []*Match, password string, in *Inputs) []*Match {
	last := 0
	for last < len(password) {
		start, g, l := repeatAt(password, last)
		if start < 0 {
			break
		}
		greedy := password[start : start+g*repeats(password, start, g)]
		lazy := password[start : start+l*repeats(password, start, l)]
		var token, base string
		if len(greedy) > len(lazy) {
			token, base = greedy, shortestBase(greedy)
		} else {
			token, base = lazy, password[start:start+l]
		}
		seq, guesses := mostGuessable(base, omnimatch(base, in), false)
		ms = append(ms, &Match{Pattern: "repeat", I: start, J: start + len(token) - 1, Token: token,
			BaseToken: base, BaseGuesses: guesses, BaseMatches: seq, RepeatCount: len(token) / len(base)})
		last = start + len(token)
	}
	return ms
}
