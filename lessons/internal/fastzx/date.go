package fastzx

import "strconv"

const (
	dateMinYear = 1000
	dateMaxYear = 2050
)

// dateSplits are the ways to cut a date without separators of each length
// into day, month and year, by length (4 to 8).
var dateSplits = [...][][2]int{
	4: {{1, 2}, {2, 3}},
	5: {{1, 3}, {2, 3}},
	6: {{1, 2}, {2, 4}, {4, 5}},
	7: {{1, 3}, {2, 3}, {4, 5}, {4, 6}},
	8: {{2, 4}, {4, 6}},
}

type dmy struct{ day, month, year int }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isDateSeparator(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', '/', '\\', '_', '.', '-':
		return true
	}
	return false
}

// splitWithSeparator reads d1 sep d2 sep d3 (1-4, 1-2 and 1-4 digits, the
// same separator twice), as zxcvbn's regular expression
// ^(\d{1,4})([\s/\\_.-])(\d{1,2})\2(\d{1,4})$ does.
func splitWithSeparator(t string) (a, sep, b, c string, ok bool) {
	i := 0
	for i < len(t) && i < 4 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(t) || !isDateSeparator(t[i]) {
		return
	}
	a, sep = t[:i], t[i:i+1]
	j := i + 1
	for j < len(t) && j-i-1 < 2 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == i+1 || j >= len(t) || t[j] != sep[0] {
		return
	}
	b = t[i+1 : j]
	c = t[j+1:]
	if len(c) < 1 || len(c) > 4 || !allDigits(c) {
		return
	}
	return a, sep, b, c, true
}

// closestDate is the reading of a token of digits as a date whose year is
// nearest today's reference year; nil if it reads as none.
func closestDate(token string) *dmy {
	var best *dmy
	bestDist := 0
	if len(token) >= len(dateSplits) {
		return nil
	}
	for _, s := range dateSplits[len(token)] {
		d := mapIntsToDMY(token[:s[0]], token[s[0]:s[1]], token[s[1]:])
		if d == nil {
			continue
		}
		if dist := yearSpace(d.year); best == nil || dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best
}

func dateMatch(ms []*Match, password string) []*Match {
	var found []*Match
	for i := 0; i <= len(password)-4; i++ {
		for j := i + 3; j <= i+7; j++ {
			if j >= len(password) {
				break
			}
			token := password[i : j+1]
			if !allDigits(token) {
				continue
			}
			best := closestDate(token)
			if best == nil {
				continue
			}
			found = append(found, &Match{Pattern: "date", Token: token, I: i, J: j,
				Year: best.year, Month: best.month, Day: best.day})
		}
	}
	for i := 0; i <= len(password)-6; i++ {
		for j := i + 5; j <= i+9; j++ {
			if j >= len(password) {
				break
			}
			token := password[i : j+1]
			a, sep, b, c, ok := splitWithSeparator(token)
			if !ok {
				continue
			}
			if d := mapIntsToDMY(a, b, c); d != nil {
				found = append(found, &Match{Pattern: "date", Token: token, I: i, J: j, Separator: sep,
					Year: d.year, Month: d.month, Day: d.day})
			}
		}
	}
	// Leave out dates inside other dates.
	for _, m := range found {
		inside := false
		for _, o := range found {
			if m != o && o.I <= m.I && o.J >= m.J {
				inside = true
				break
			}
		}
		if !inside {
			ms = append(ms, m)
		}
	}
	return ms
}

func mapIntsToDMY(s1, s2, s3 string) *dmy {
	i1, _ := strconv.Atoi(s1)
	i2, _ := strconv.Atoi(s2)
	i3, _ := strconv.Atoi(s3)
	if i2 > 31 || i2 <= 0 {
		return nil
	}
	over12, over31, under1 := 0, 0, 0
	for _, i := range [3]int{i1, i2, i3} {
		if (i > 99 && i < dateMinYear) || i > dateMaxYear {
			return nil
		}
		if i > 31 {
			over31++
		}
		if i > 12 {
			over12++
		}
		if i <= 0 {
			under1++
		}
	}
	if over31 >= 2 || over12 == 3 || under1 >= 2 {
		return nil
	}
	splits := [][3]int{{i3, i1, i2}, {i1, i2, i3}}
	for _, s := range splits {
		if dateMinYear <= s[0] && s[0] <= dateMaxYear {
			return mapIntsToDM(s[1], s[2], s[0])
		}
	}
	for _, s := range splits {
		if d := mapIntsToDM(s[1], s[2], s[0]); d != nil {
			d.year = twoToFourDigitYear(d.year)
			return d
		}
	}
	return nil
}

// mapIntsToDM reads i1 and i2 as a day (1 to 31) and a month (1 to 12),
// in that order or the other. (trustelem leaves out the lower bounds and
// reads "0803" as 0/8/2003; zxcvbn reads it as 8/3/2000.)
func mapIntsToDM(i1, i2, year int) *dmy {
	if 1 <= i1 && i1 <= 31 && 1 <= i2 && i2 <= 12 {
		return &dmy{day: i1, month: i2, year: year}
	}
	if 1 <= i2 && i2 <= 31 && 1 <= i1 && i1 <= 12 {
		return &dmy{day: i2, month: i1, year: year}
	}
	return nil
}

func twoToFourDigitYear(y int) int {
	switch {
	case y > 99:
		return y
	case y > 50:
		return y + 1900
	}
	return y + 2000
}
