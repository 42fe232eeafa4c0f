package xapi

import (
	"fmt"
	"testing"

	googleuuid "github.com/google/uuid"
)

// RFC 9562's own example (appendix A.4): www.example.com in the DNS
// namespace.
func TestUUIDv5RFCExample(t *testing.T) {
	dns := uuid{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got, want := uuidV5(dns, "www.example.com").String(), "2ed6657d-e927-568b-95e1-2665a8aea6a2"; got != want {
		t.Errorf("uuidV5 = %s, want %s", got, want)
	}
	if got := nameSpaceURL.String(); got != googleuuid.NameSpaceURL.String() {
		t.Errorf("nameSpaceURL = %s, want %s", got, googleuuid.NameSpaceURL)
	}
}

// Statement ids are what google/uuid made them before (they are stored in
// learning record stores: a changed id would be a second statement).
func TestUUIDv5AsGoogleUUID(t *testing.T) {
	names := []string{"", "a", Vocabulary, "evt-1/answered", "ñandú/🙂", string(make([]byte, 200))}
	for i := range 500 {
		names = append(names, fmt.Sprintf("https://aula.example/centres/c%d/sessions/2026-12-%02d", i, i%31+1))
	}
	ns := googleuuid.NewSHA1(googleuuid.NameSpaceURL, []byte(Vocabulary))
	if got := namespace.Get().String(); got != ns.String() {
		t.Fatalf("namespace = %s, google/uuid says %s", got, ns)
	}
	for _, n := range names {
		if got, want := uuidV5(namespace.Get(), n).String(), googleuuid.NewSHA1(ns, []byte(n)).String(); got != want {
			t.Errorf("uuidV5(%q) = %s, google/uuid says %s", n, got, want)
		}
	}
}
