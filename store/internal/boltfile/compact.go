package boltfile

import (
	"errors"
	"fmt"
	"os"
	"time"

	"go.etcd.io/bbolt"
)

// Compacting: bbolt keeps freed pages, with their old bytes, inside the
// file. After an erasure the store marks the file (a key in a bucket) and
// the file is rewritten with only what is live (Scrub), so that nothing
// erased stays on the disk in it.

// Compact writes a compacted copy of the open file src to path: only what
// is live, none of the freed pages. With a mark (bucket, key), the copy
// goes without it.
func Compact(src *bbolt.DB, path string, bucket, key []byte) error {
	dst, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = bbolt.Compact(dst, src, 0)
	if err == nil && bucket != nil {
		err = dst.Update(func(tx *bbolt.Tx) error {
			if b := tx.Bucket(bucket); b != nil {
				return b.Delete(key)
			}
			return nil
		})
	}
	return errors.Join(err, dst.Close())
}

// Scrub rewrites the closed file at path without its freed pages when it
// carries the mark (bucket, key); the rewritten file takes the place of
// the old one only once complete.
func Scrub(path string, bucket, key []byte) (err error) {
	var src *bbolt.DB
	defer func() {
		if r := recover(); r != nil { // bbolt panics on some damage: the store's Open deals with it
			if src != nil {
				func() { defer func() { _ = recover() }(); _ = src.Close() }()
			}
			err = fmt.Errorf("bbolt panicked: %v", r)
		}
	}()
	if err := Truncated(path); err != nil {
		return err
	}
	if src, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second}); err != nil {
		src = nil
		return err
	}
	pending := false
	_ = src.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucket)
		pending = b != nil && b.Get(key) != nil
		return nil
	})
	if !pending {
		return src.Close()
	}
	tmp := path + ".scrub"
	_ = os.Remove(tmp)
	err = Compact(src, tmp, bucket, key)
	if cerr := src.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
