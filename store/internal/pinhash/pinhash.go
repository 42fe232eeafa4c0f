// Package pinhash keeps a PIN (a learner's, 4 digits; the trainer's, 4
// to 8) only as a bcrypt hash: the hash is slow to make on purpose, so a copied
// data file does not give the PINs away in seconds.
package pinhash

import (
	"errors"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// Valid says whether pin is a learner's PIN: 4 digits.
func Valid(pin string) bool {
	return len(pin) == 4 && !strings.ContainsFunc(pin, func(r rune) bool { return r < '0' || r > '9' })
}

// DefaultCost is bcrypt's work factor for a learner's PIN.
const DefaultCost = bcrypt.DefaultCost

// Make hashes pin with bcrypt's work factor cost. It is slow on purpose,
// so call it outside any transaction.
func Make(pin string, cost int) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(pin), cost)
}

// Compare says whether pin is the one hashed; an error is a damaged hash,
// not a wrong PIN.
func Compare(hash []byte, pin string) (bool, error) {
	err := bcrypt.CompareHashAndPassword(hash, []byte(pin))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, bcrypt.ErrMismatchedHashAndPassword):
		return false, nil
	default:
		return false, err
	}
}
