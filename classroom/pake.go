package classroom

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"errors"

	"github.com/gtank/ristretto255"
)

// The session code is short, so it must never be sent or checked in a way
// that lets a listener test guesses offline. Joining runs CPace
// (draft-irtf-cfrg-cpace) over ristretto255 with SHA-512: both sides derive
// a generator from the code, the class's certificate and a fresh nonce,
// exchange one point each and get the same key only if they used the same
// code and saw the same certificate. Each exchange is one guess, no more,
// for whoever is on the other side: a fake hub in the middle learns
// nothing it can check a second code against, and neither does a fake
// kiosk. The keys then prove, each way, that the other side knew the code.

const (
	pakeDSI    = "CPaceRistretto255"
	shareLen   = 32 // an encoded ristretto255 element
	nonceLen   = 16
	confirmLen = 32
)

var errBadShare = errors.New("the join message is not a valid point")

// lv appends b with its length first (prepend_len of the draft, 64-bit here
// for simplicity: both sides are this code).
func lv(dst, b []byte) []byte {
	dst = binary.BigEndian.AppendUint64(dst, uint64(len(b)))
	return append(dst, b...)
}

// pakeGenerator is the session's generator: calculate_generator of the
// draft with the code as PRS, ci the channel identifier (the certificate
// and the device) and sid the kiosk's nonce.
func pakeGenerator(code string, ci, sid []byte) *ristretto255.Element {
	var in []byte
	in = lv(in, []byte(pakeDSI))
	in = lv(in, []byte(code))
	in = lv(in, ci)
	in = lv(in, sid)
	h := sha512.Sum512(in)
	return ristretto255.NewElement().FromUniformBytes(h[:])
}

// pakeShare picks a secret scalar and returns it with its public share.
func pakeShare(g *ristretto255.Element) (*ristretto255.Scalar, []byte) {
	var r [64]byte
	if _, err := rand.Read(r[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	y := ristretto255.NewScalar().FromUniformBytes(r[:])
	return y, ristretto255.NewElement().ScalarMult(y, g).Encode(nil)
}

// pakeKey is the intermediate session key from our scalar y and the other
// side's share; shares are given in order (the kiosk's first).
func pakeKey(y *ristretto255.Scalar, peer []byte, sid, kioskShare, hubShare []byte) ([]byte, error) {
	if len(peer) != shareLen {
		return nil, errBadShare
	}
	p := ristretto255.NewElement()
	if err := p.Decode(peer); err != nil {
		return nil, errBadShare
	}
	k := ristretto255.NewElement().ScalarMult(y, p)
	if k.Equal(ristretto255.NewElement().Zero()) == 1 {
		return nil, errBadShare
	}
	var in []byte
	in = lv(in, []byte(pakeDSI+"_ISK"))
	in = lv(in, sid)
	in = lv(in, k.Encode(nil))
	in = lv(in, kioskShare)
	in = lv(in, hubShare)
	h := sha512.Sum512(in)
	return h[:], nil
}

// confirm is the proof that a side holds the session key.
func confirm(isk []byte, side string) []byte {
	m := hmac.New(sha512.New512_256, isk)
	m.Write([]byte("aula join confirm " + side))
	return m.Sum(nil)
}

// pakeCI is the channel identifier: how the kiosk checked the hub
// (mode), the certificate it saw (for a pinned one) and the device.
func pakeCI(mode, fingerprint, device string) []byte {
	var in []byte
	in = lv(in, []byte("aula-join-v1"))
	in = lv(in, []byte(mode))
	in = lv(in, []byte(fingerprint))
	in = lv(in, []byte(device))
	return in
}
