// Package boltfile reads what it must of a bbolt data file before bbolt
// opens it: whether the file is cut short.
package boltfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt maps the data file into memory and reads its pages there. A file
// cut short (a copy interrupted, a disk that filled up) names pages past
// its end, and reading one ends the program with SIGBUS, which recover
// cannot catch. Truncated reads the file's two meta pages the way bbolt
// lays them out and reports a file shorter than the pages they name, so
// that it is treated as damaged before bbolt opens it.

const (
	boltMagic      = 0xED0CDAED
	boltPageHeader = 16 // id, flags, count, overflow
	boltMetaSum    = 56 // bytes of the meta before its checksum
)

// ErrTruncated says a data file is shorter than its own pages say.
var ErrTruncated = errors.New("the file is shorter than the pages it names (cut short)")

// Truncated returns ErrTruncated for a bbolt file cut short; nil for a
// file that is not (or not recognisably) one, which bbolt then judges.
func Truncated(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bbolt says what is wrong with opening it
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	size := fi.Size()
	first, ok := readMeta(f, 0)
	if !ok {
		return nil
	}
	metas := []boltMeta{first}
	if second, ok := readMeta(f, int64(first.pageSize)); ok {
		metas = append(metas, second)
	}
	for _, m := range metas {
		if m.hwm*uint64(m.pageSize) > uint64(size) {
			return fmt.Errorf("%w: %d bytes, %d pages of %d bytes", ErrTruncated, size, m.hwm, m.pageSize)
		}
	}
	return nil
}

type boltMeta struct {
	pageSize uint32
	hwm      uint64 // the high water mark: every page id is below it
}

// readMeta reads the meta page at off; ok only when its magic number and
// checksum are right (bbolt ignores a meta page that fails them).
func readMeta(r io.ReaderAt, off int64) (boltMeta, bool) {
	var b [boltPageHeader + boltMetaSum + 8]byte
	if _, err := r.ReadAt(b[:], off); err != nil {
		return boltMeta{}, false
	}
	m := b[boltPageHeader:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != boltMagic {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	_, _ = h.Write(m[:boltMetaSum])
	if h.Sum64() != le.Uint64(m[boltMetaSum:]) {
		return boltMeta{}, false
	}
	pageSize := le.Uint32(m[8:])
	if pageSize < 512 || pageSize > 1<<16 {
		return boltMeta{}, false
	}
	// magic, version, page size, flags, root bucket (16), freelist, then
	// pgid (the high water mark), txid and the checksum.
	return boltMeta{pageSize: pageSize, hwm: le.Uint64(m[40:])}, true
}
