package validate

import (
	"net/url"
	"slices"
	"strings"
)

// Host is the name of the computer a web address points to
// (www.seg-social.es), lowercased; "" if the address has none.
func Host(address string) string {
	u, err := url.Parse(strings.TrimSpace(address))
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// secondLevel are the labels that come before a country ending in
// registered names: gob.es, com.es, co.uk…
var secondLevel = []string{"com", "org", "gob", "nom", "edu", "co", "ac", "gov", "net"}

// Domain is the part of a host that says who owns the page: the last two
// labels (seg-social.es), or three after a second-level label
// (seg-social.gob.es). It is what a learner reads before opening a link or
// in the address bar: www.seg-social.es.ayuda.com belongs to ayuda.com.
func Domain(host string) string {
	labels := strings.Split(strings.Trim(host, "."), ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 && slices.Contains(secondLevel, labels[len(labels)-2]) {
		n = 3
	}
	if len(labels) <= n {
		return strings.Join(labels, ".")
	}
	return strings.Join(labels[len(labels)-n:], ".")
}
