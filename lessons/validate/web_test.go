package validate

import "testing"

func TestDomain(t *testing.T) {
	for host, want := range map[string]string{
		"sede.seg-social.gob.es":      "seg-social.gob.es",
		"www.seg-social.es":           "seg-social.es",
		"www.seg-social.es.ayuda.com": "ayuda.com",
		"localhost":                   "localhost",
		"www.madrid.org":              "madrid.org",
		"sede.madrid.com.es":          "madrid.com.es",
		"":                            "",
	} {
		if got := Domain(host); got != want {
			t.Errorf("Domain(%q) = %q, want %q", host, got, want)
		}
	}
}
