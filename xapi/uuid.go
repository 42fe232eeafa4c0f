package xapi

import (
	"crypto/sha1" // RFC 9562 names SHA-1 for version 5: an id, not a secret
	"encoding/hex"
	"io"
)

// uuid is a UUID's 16 bytes.
type uuid [16]byte

// nameSpaceURL is RFC 9562's namespace for names that are URLs
// (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
var nameSpaceURL = uuid{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// uuidV5 is the name-based UUID of name in namespace ns (RFC 9562, 5.5):
// the first 16 bytes of the SHA-1 of the namespace and the name, with the
// version (5) and the variant (10) written over their bits.
//
// Statement ids are made so. google/uuid's NewSHA1 made them until
// 2026-12-06, and stays the tests' oracle (TestUUIDv5AsGoogleUUID): its
// init parsed four UUIDs at every start of every Aula command, which cost
// `aula version` 0.1 MB (BENCHMARKS.md).
func uuidV5(ns uuid, name string) uuid {
	h := sha1.New()
	h.Write(ns[:])
	_, _ = io.WriteString(h, name)
	var u uuid
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // variant 10
	return u
}

// String is u as 8-4-4-4-12 lower-case hex digits.
func (u uuid) String() string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}
