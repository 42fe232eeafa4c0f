// Package initstack grows the main goroutine's stack once, to 64 kB,
// before any other package's init runs, so that no later init has to.
//
// Every Aula command starts by running the inits of about 130 packages,
// most of them dependencies, on the main goroutine. That goroutine starts
// with an 8 kB stack, and deep inits (reflection in encoding/gob, the
// tables of golang.org/x/text) outgrow it several times. Each time, the
// runtime copies the stack and walks every frame on it, reading the
// function tables of each: the kernel maps that part of the binary into
// the process 64 kB at a time. Growing the stack here, while it holds
// three frames, is one copy of almost nothing; `aula version` peaks about
// 0.5 MB lower (BENCHMARKS.md, "Package start-up").
//
// The Go specification orders inits: of the packages whose imports are all
// initialised, the first by import path goes next. This package imports
// nothing, so it is ready from the start, and "aula/…" sorts before every
// standard package and every dependency: its init runs right after the
// runtime's. TestInitStackRunsFirst, beside main, holds that to be true.
// The main package imports it for this effect alone.
package initstack

// frame is large enough that its function needs a 64 kB stack: the
// runtime doubles 8 kB until the frame fits, in one copy.
const frame = 32 << 10

func init() { grow(0) }

// grow has a frame of frame bytes. It must not be inlined (its frame would
// become init's) and must use its array (or the compiler drops it).
//
//go:noinline
func grow(i int) byte {
	var b [frame]byte
	b[i] = 1
	return b[frame-1-i]
}
