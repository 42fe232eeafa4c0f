package certificate

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"aula/internal/lazy"
	"aula/store"
)

// The verification code carries what a certificate certifies and the
// centre's Ed25519 signature over it, so that anyone holding the centre's
// public key can check it offline (docs/certificates.md):
//
//	code    = base32(payload ‖ signature), in groups of five, joined by "-"
//	payload = version (1 byte, 1) ‖ day (2 bytes, days since 2000-01-01)
//	          ‖ itinerary id ‖ learner's name ‖ centre's name
//	          (each text: 1 byte of length, then its UTF-8)
//	signed  = "aula certificate v1\n" ‖ payload
//
// Base32 (A–Z, 2–7) reads aloud and types without confusion; when read
// back, 0, 1 and 8 are taken for O, I and B, case is ignored, and spaces
// and dashes may be anywhere.

// Content is what a certificate's code certifies.
type Content struct {
	Learner   string    // the learner's name as they wrote it
	Itinerary string    // the itinerary's id
	Day       time.Time // the day it was finished; only the date counts
	Centre    string    // the centre's name
}

// maxText is the longest text the code can carry, in bytes.
const maxText = 255

const (
	codeVersion = 1
	sigContext  = "aula certificate v1\n"
	groupLen    = 5
)

var (
	// epoch is the day 0 of a code; b32 writes a code in letters and digits.
	epoch = lazy.Value[time.Time]{New: func() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }}
	b32   = lazy.Value[*base32.Encoding]{New: func() *base32.Encoding { return base32.StdEncoding.WithPadding(base32.NoPadding) }}

	// ErrUnreadable says the code is mistyped or cut short; it says nothing.
	ErrUnreadable = errors.New("the code cannot be read: a letter is missing or mistyped")
	// ErrNotGenuine says the code reads, but the centre's key did not sign
	// what it says (changed, or made by someone else).
	ErrNotGenuine = errors.New("the code was not signed by this centre's key, or what it says was changed")
)

// day is the date of t (in t's own location) as days since 2000-01-01.
func day(t time.Time) (uint16, error) {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	n := int(d.Sub(epoch.Get()).Hours() / 24)
	if n < 0 || n > 0xFFFF {
		return 0, fmt.Errorf("the date %s is out of range", t.Format(time.DateOnly))
	}
	return uint16(n), nil
}

// payload encodes c.
func (c Content) payload() ([]byte, error) {
	n, err := day(c.Day)
	if err != nil {
		return nil, err
	}
	b := []byte{codeVersion}
	b = binary.BigEndian.AppendUint16(b, n)
	for _, s := range []string{c.Itinerary, c.Learner, c.Centre} {
		if len(s) > maxText {
			return nil, fmt.Errorf("%q is too long for a certificate (at most %d bytes)", s, maxText)
		}
		b = append(b, byte(len(s)))
		b = append(b, s...)
	}
	return b, nil
}

// parsePayload reads what payload wrote; ok is false for anything else.
func parsePayload(b []byte) (Content, bool) {
	if len(b) < 3 || b[0] != codeVersion {
		return Content{}, false
	}
	c := Content{Day: epoch.Get().AddDate(0, 0, int(binary.BigEndian.Uint16(b[1:3])))}
	b = b[3:]
	var texts [3]string
	for i := range texts {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return Content{}, false
		}
		texts[i], b = string(b[1:1+int(b[0])]), b[1+int(b[0]):]
		if !utf8.ValidString(texts[i]) {
			return Content{}, false
		}
	}
	if len(b) != 0 {
		return Content{}, false
	}
	c.Itinerary, c.Learner, c.Centre = texts[0], texts[1], texts[2]
	return c, true
}

// Sign makes the verification code of c with the centre's key.
func Sign(key ed25519.PrivateKey, c Content) (string, error) {
	p, err := c.payload()
	if err != nil {
		return "", err
	}
	sig := ed25519.Sign(key, append([]byte(sigContext), p...))
	return group(b32.Get().EncodeToString(append(p, sig...))), nil
}

// Verify reads code and checks its signature against the centre's public
// key: the content when genuine, ErrUnreadable or ErrNotGenuine otherwise.
func Verify(pub ed25519.PublicKey, code string) (Content, error) {
	raw, ok := decode(code)
	if !ok {
		return Content{}, ErrUnreadable
	}
	p, sig := raw[:len(raw)-ed25519.SignatureSize], raw[len(raw)-ed25519.SignatureSize:]
	c, ok := parsePayload(p)
	if !ok {
		return Content{}, ErrUnreadable
	}
	if len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, append([]byte(sigContext), p...), sig) {
		return c, ErrNotGenuine
	}
	return c, nil
}

// Read says what code claims without checking who signed it (for saying
// what a code that is not genuine claims).
func Read(code string) (Content, bool) {
	raw, ok := decode(code)
	if !ok {
		return Content{}, false
	}
	return parsePayload(raw[:len(raw)-ed25519.SignatureSize])
}

// decode reads the bytes of a code. Only the one spelling of those bytes
// is taken: base32's last letter has spare bits, and a changed spare bit
// is a changed code.
func decode(code string) ([]byte, bool) {
	n := normalize(code)
	raw, err := b32.Get().DecodeString(n)
	if err != nil || len(raw) < ed25519.SignatureSize+3 || b32.Get().EncodeToString(raw) != n {
		return nil, false
	}
	return raw, true
}

// normalize undoes the grouping and forgives the usual misreadings.
func normalize(code string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		switch {
		case r == '0':
			b.WriteRune('O')
		case r == '1':
			b.WriteRune('I')
		case r == '8':
			b.WriteRune('B')
		case r >= 'A' && r <= 'Z', r >= '2' && r <= '7':
			b.WriteRune(r)
		case r == '-', r == ' ', r == '\t', r == '\n', r == '\r':
		default:
			b.WriteRune('?') // makes decoding fail
		}
	}
	return b.String()
}

// group cuts s into groups of five joined by dashes.
func group(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i += groupLen {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(s[i:min(i+groupLen, len(s))])
	}
	return b.String()
}

// Ref is a certificate's reference for the region's records (the
// certificate_issued event and its xAPI statement): the first 8 bytes of
// the SHA-256 of its code, in hex. The code holds the learner's name; the
// reference does not, and cannot be turned back into it (the signature in
// the code is unguessable without the centre's key), yet whoever holds the
// certificate can show it is the one recorded.
func Ref(code string) string {
	h := sha256.Sum256([]byte(normalize(code)))
	return hex.EncodeToString(h[:store.CertificateRefLen/2])
}

// KeyID is a short name for a public key, printed on certificates so that
// a verifier knows which centre key to ask for.
func KeyID(pub ed25519.PublicKey) string {
	return group(b32.Get().EncodeToString(pub)[:10])
}

// EncodePublicKey and DecodePublicKey write a centre's public key as text
// (aula certificate key, aula certificate verify --key).
func EncodePublicKey(pub ed25519.PublicKey) string { return group(b32.Get().EncodeToString(pub)) }

// DecodePublicKey reads what EncodePublicKey wrote.
func DecodePublicKey(s string) (ed25519.PublicKey, error) {
	raw, err := b32.Get().DecodeString(normalize(s))
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return nil, errors.New("not a centre key: it is 52 letters and digits, as aula certificate key prints it")
	}
	return ed25519.PublicKey(raw), nil
}
