package discovery

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

// A hub announced on this machine is found by a kiosk on the same network.
// Where the network has no multicast (some containers, guest Wi-Fi) there
// is nothing to find, and the kiosk falls back to typing the address: the
// test says so and skips rather than pass for nothing.
func TestAnnounceAndDiscover(t *testing.T) {
	stop, err := Announce("Aula de prueba", nil, 7431, "https")
	if err != nil {
		t.Skipf("cannot announce here (%v); typing the address is the fallback", err)
	}
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	found := Discover(ctx)
	if len(found) == 0 {
		t.Skip("no multicast on this network; typing the address is the fallback")
	}
	for _, f := range found {
		if f.Name == "Aula de prueba" {
			if !strings.HasPrefix(f.URL, "https://") || !strings.HasSuffix(f.URL, ":7431") {
				t.Errorf("found %+v, want an https URL on port 7431", f)
			}
			return
		}
	}
	t.Errorf("found %+v, not the announced hub", found)
}

// Discovery ends when its context does, whatever the network.
func TestDiscoverRespectsItsDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	Discover(ctx)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Discover took %v with a 300 ms deadline", d)
	}
}

// The parser gives labels as they are on the wire, without escapes: a
// backslash is a backslash.
func TestInstanceName(t *testing.T) {
	for in, want := range map[string]string{
		"Aula de Marta._aula._tcp.local.": "Aula de Marta",
		"aula-pc._aula._tcp.local.":       "aula-pc",
		`Sala\.2._aula._tcp.local.`:       `Sala\`,
		"Café._aula._tcp.local.":          "Café",
		"plain":                           "plain",
	} {
		if got := instanceName(in); got != want {
			t.Errorf("instanceName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A hub that listens only on this computer is not announced: kiosks would
// be sent where they are refused.
func TestLoopbackHubIsNotAnnounced(t *testing.T) {
	if _, err := Announce("Aula", net.IPv4(127, 0, 0, 1), 7432, "https"); !errors.Is(err, ErrNotAnnounced) {
		t.Fatalf("Announce on loopback: %v, want ErrNotAnnounced", err)
	}
}

// Of the addresses a hub answers with, those on this laptop's networks are
// kept; the others only when there is nothing else.
func TestPreferOnLink(t *testing.T) {
	a, b := Found{Name: "x", URL: "https://10.0.0.2:7420"}, Found{Name: "x", URL: "https://172.17.0.1:7420"}
	if got := preferOnLink([]Found{a, b}, []bool{true, false}); len(got) != 1 || got[0] != a {
		t.Errorf("preferOnLink = %v", got)
	}
	if got := preferOnLink([]Found{a, b}, []bool{false, false}); len(got) != 2 {
		t.Errorf("nothing on link: %v", got)
	}
}
