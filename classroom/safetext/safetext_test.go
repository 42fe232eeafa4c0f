package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"Ana":                     "Ana",
		"  María José  ":          "María José",
		"Ana\x1b[2J\x1b[H":        "Ana",
		"x\x1b]0;title\x07y":      "xy",
		"\u202eoduarF\u202c":      "oduarF",
		"a\u2066b\u2069c\u200fd":  "abcd",
		"línea\r\nnueva\tcon tab": "línea nueva con tab",
		"nul\x00del\x7f":          "nuldel",
		"bad\xffutf8":             "bad\ufffdutf8",
		"👩‍💻 emoji with joiner":   "👩‍💻 emoji with joiner",
		"tag\U000E0041s":          "tags",
	} {
		if got := Text(in, 0); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Text(strings.Repeat("ñ", 10), 5); got != "ññ" {
		t.Errorf("cut at 5 bytes: %q", got)
	}
}

// FuzzCleanText: whatever comes in, what goes out is valid UTF-8 within
// the limit, with no control, escape or bidi character, and cleaning it
// again changes nothing.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"Ana", "\x1b[31mred\x1b[0m", "\u202eabc", "\x9b2J", "a\r\nb", "\xff\xfe", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"} {
		f.Add(s, 40)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = max % 600
		out := Text(s, max)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if max > 0 && len(out) > max {
			t.Fatalf("%d bytes, limit %d", len(out), max)
		}
		for _, r := range out {
			if r != ' ' && !Keep(r) || r == '\x1b' || r == '\n' || r == '\r' {
				t.Fatalf("%q kept %U", s, r)
			}
		}
		if again := Text(out, max); again != out {
			t.Fatalf("not stable: %q then %q", out, again)
		}
	})
}
