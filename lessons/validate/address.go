package validate

import (
	"net/mail"
	"slices"
	"strings"
	"unicode"
)

// AddressProblem names what is wrong with an email address. The names are
// stable: they end up in mistake ids ("to:no-at") shown to trainers.
type AddressProblem string

// What can be wrong with an address, in the order CheckAddress looks.
const (
	AddressOK       AddressProblem = ""
	AddressEmpty    AddressProblem = "empty"     // nothing typed
	AddressSpace    AddressProblem = "space"     // a space, tab or line break inside
	AddressNoAt     AddressProblem = "no-at"     // no @
	AddressManyAt   AddressProblem = "many-at"   // more than one @
	AddressNoUser   AddressProblem = "no-user"   // nothing before the @
	AddressNoDomain AddressProblem = "no-domain" // nothing after the @
	AddressDots     AddressProblem = "dots"      // two dots together, or a dot at the start or end of a part
	AddressNoDot    AddressProblem = "no-dot"    // the part after the @ has no dot (lucia@correo)
	AddressInvalid  AddressProblem = "invalid"   // something else an address cannot have (<, comma, quotes…)
	AddressTypo     AddressProblem = "typo"      // well formed, but a well-known domain misspelt (gmail.con)
)

// AddressProblems lists every problem, for tests and lesson checks.
var AddressProblems = []AddressProblem{AddressEmpty, AddressSpace, AddressNoAt, AddressManyAt, AddressNoUser,
	AddressNoDomain, AddressDots, AddressNoDot, AddressInvalid, AddressTypo}

// Syntax says whether the problem makes the address unusable: a mail app
// refuses to send to it. A typo is well formed: the email would go out, and
// never arrive.
func (p AddressProblem) Syntax() bool { return p != AddressOK && p != AddressTypo }

// knownDomains are the mail domains people in Spain use most. An address
// one letter away from one of them is almost certainly a typo.
var knownDomains = []string{
	"gmail.com", "googlemail.com", "hotmail.com", "hotmail.es", "outlook.com", "outlook.es",
	"live.com", "live.es", "msn.com", "yahoo.com", "yahoo.es", "ymail.com", "icloud.com", "me.com",
	"mac.com", "aol.com", "gmx.com", "gmx.es", "mail.com", "proton.me", "protonmail.com",
	"telefonica.net", "movistar.es", "terra.es",
}

// tldTypos are endings that are not real and are one key away from .com.
var tldTypos = []string{"con", "cmo", "ocm", "comm", "vom", "xom", "cpm", "coom", "cim", "clm", "cm", "om"}

// CheckAddress checks one plain email address, such as
// lucia.prueba@correo.example: no name, no angle brackets, no spaces. It
// uses net/mail (RFC 5322) for the syntax, and adds the rules a learner needs
// spelt out: the @, the dots, and well-known domains typed wrong. For a typo
// it also returns the address that was probably meant.
func CheckAddress(s string) (AddressProblem, string) {
	if s == "" {
		return AddressEmpty, ""
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return AddressSpace, ""
	}
	at := strings.Count(s, "@")
	switch {
	case at == 0:
		return AddressNoAt, ""
	case at > 1:
		return AddressManyAt, ""
	}
	i := strings.IndexByte(s, '@')
	user, domain := s[:i], s[i+1:]
	switch {
	case user == "":
		return AddressNoUser, ""
	case domain == "":
		return AddressNoDomain, ""
	case badDots(user) || badDots(domain):
		return AddressDots, ""
	case !strings.Contains(domain, "."):
		return AddressNoDot, ""
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return AddressInvalid, ""
	}
	if fix := fixDomain(strings.ToLower(domain)); fix != "" {
		return AddressTypo, user + "@" + fix
	}
	return AddressOK, ""
}

func badDots(part string) bool {
	return strings.HasPrefix(part, ".") || strings.HasSuffix(part, ".") || strings.Contains(part, "..")
}

// fixDomain returns the well-known domain that domain is probably a typo
// of, or "" when it looks fine.
func fixDomain(domain string) string {
	best, bestDist := "", 2
	for _, k := range knownDomains {
		if domain == k {
			return ""
		}
		if d := editDistance(domain, k, 2); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return best
	}
	if dot := strings.LastIndexByte(domain, '.'); dot > 0 && slices.Contains(tldTypos, domain[dot+1:]) {
		// A suggestion must pass the checker itself: ac.con -> ac.com
		// is one letter from mac.com, so that is what is suggested
		// (mac.com is known, so the chain stops there).
		com := domain[:dot] + ".com"
		if known := fixDomain(com); known != "" {
			return known
		}
		return com
	}
	return ""
}

// ValidEmail reports whether s is a plain, usable email address: one
// address, no name, no spaces, a domain with a dot, and no well-known domain
// typed wrong (CheckAddress finds nothing).
func ValidEmail(s string) bool {
	p, _ := CheckAddress(s)
	return p == AddressOK
}

// Recipients splits what was typed in a To or Cc box into addresses, the
// way mail apps read it: separated by commas or semicolons, each either a
// plain address or "Name <address>". Parts that are not addresses come back
// as typed (trimmed) so CheckAddress can say what is wrong with them.
func Recipients(field string) []string {
	field = strings.TrimSpace(strings.ReplaceAll(field, ";", ","))
	if field == "" {
		return nil
	}
	if list, err := mail.ParseAddressList(field); err == nil {
		out := make([]string, 0, len(list))
		for _, a := range list {
			out = append(out, a.Address)
		}
		return out
	}
	var out []string
	for _, part := range strings.Split(field, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if a, err := mail.ParseAddress(part); err == nil {
			part = a.Address
		}
		out = append(out, part)
	}
	return out
}

// SameAddress compares two addresses as mail does in practice: capitals do
// not count.
func SameAddress(a, b string) bool {
	return strings.EqualFold(NFC(strings.TrimSpace(a)), NFC(strings.TrimSpace(b)))
}

// NearAddress says whether a is not b but only one or two letters away: a
// slip worth pointing out ("compare it letter by letter").
func NearAddress(a, b string) bool {
	a, b = strings.ToLower(NFC(a)), strings.ToLower(NFC(b))
	d := editDistance(a, b, 3)
	return d > 0 && d <= 2
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of two neighbours), in
// runes. It stops counting at limit and returns limit for anything further.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	// Three rows are enough for swaps.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit)
}
