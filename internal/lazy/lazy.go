// Package lazy holds values built the first time they are used instead of
// when the program starts.
//
// Go runs every package's initialisation before main, for every command:
// a package-level regexp.MustCompile, map literal or sync.OnceValue is
// code that runs (and pages of the binary read in) even for `aula version`.
// A Value written as a composite literal whose New is a function literal
// is plain data in the binary: the package needs no initialisation, and
// New runs once, on the first Get.
//
//	var yearPattern = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
//		return regexp.MustCompile(`(19|20)\d\d`)
//	}}
//
//	yearPattern.Get().MatchString(s)
//
// A Value must not be copied after first use (it holds a sync.Once); keep
// it in a package-level variable and call Get on it.
package lazy

import (
	"regexp"
	"sync"
)

// Value is a T built by New on the first Get; Get is safe for concurrent
// use, and every Get returns the same value.
type Value[T any] struct {
	New func() T

	once sync.Once
	v    T
}

// Get returns the value, building it the first time.
func (l *Value[T]) Get() T {
	l.once.Do(func() { l.v = l.New() })
	return l.v
}

// Regexp is a regular expression compiled on its first use; the
// expression must compile (regexp.MustCompile).
type Regexp struct {
	Expr string

	once sync.Once
	re   *regexp.Regexp
}

// Get returns the compiled expression.
func (r *Regexp) Get() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.Expr) })
	return r.re
}
