// The sequence matcher ("abcd", "97531") and the regex matcher (recent
// years).

package fastzx

import "aula/internal/lazy"

// classOf names the characters a sequence runs through and how many
// there are, as zxcvbn does.
func classOf(token string) (string, int) {
	lower, upper, digits := true, true, true
	for i := 0; i < len(token); i++ {
		c := token[i]
		lower = lower && c >= 'a' && c <= 'z'
		upper = upper && c >= 'A' && c <= 'Z'
		digits = digits && c >= '0' && c <= '9'
	}
	switch {
	case lower:
		return "lower", 26
	case upper:
		return "upper", 26
	case digits:
		return "digits", 10
	}
	return "unicode", 26
}

func sequenceMatch(ms []*Match, password string) []*Match {
	if len(password) == 1 {
		return ms
	}
	update := func(i, j, delta int) {
		abs := delta
		if abs < 0 {
			abs = -abs
		}
		if (j-i > 1 || abs == 1) && abs > 0 && abs <= 5 {
			token := password[i : j+1]
			name, space := classOf(token)
			ms = append(ms, &Match{Pattern: "sequence", I: i, J: j, Token: token,
				SequenceName: name, SequenceSpace: space, Ascending: delta > 0})
		}
	}
	i := 0
	lastDelta := 0
	for k := 1; k <= len(password)-1; k++ {
		delta := int(password[k]) - int(password[k-1])
		if k == 1 {
			lastDelta = delta
		}
		if delta == lastDelta {
			continue
		}
		j := k - 1
		update(i, j, lastDelta)
		i = j
		lastDelta = delta
	}
	update(i, len(password)-1, lastDelta)
	return ms
}

var recentYear = lazy.Regexp{Expr: `19\d\d|200\d|201\d`}

func regexMatch(ms []*Match, password string) []*Match {
	for _, ix := range recentYear.Get().FindAllStringIndex(password, -1) {
		ms = append(ms, &Match{Pattern: "regex", Token: password[ix[0]:ix[1]], I: ix[0], J: ix[1] - 1,
			RegexName: "recent_year"})
	}
	return ms
}
