package store

import (
	"fmt"

	"go.etcd.io/bbolt"
)

// keyClassLessons holds, in meta, the lessons folder the class published,
// as this laptop last took it (ClassLessons).
var keyClassLessons = []byte("class_lessons")

// ClassLessons is the lessons folder a class's hub published, as this
// laptop received and checked it: kept so that the class's lessons are
// there at the next start, with the hub away.
type ClassLessons struct {
	URL  string `json:"url"`  // the class it came from: another class's are not used
	Data []byte `json:"data"` // the folder as the hub sent it (classroom.Bundle); the store does not read it
}

// ClassLessons returns the class's lessons folder kept here; ErrNotFound
// when there is none.
func (s *Store) ClassLessons() (ClassLessons, error) {
	var c ClassLessons
	err := s.db.View(func(tx *bbolt.Tx) error {
		ok, err := get(tx.Bucket(bucketMeta), keyClassLessons, &c)
		if err == nil && !ok {
			err = fmt.Errorf("class lessons: %w", ErrNotFound)
		}
		return err
	})
	return c, err
}

// SetClassLessons keeps the class's lessons folder; a zero value forgets it.
func (s *Store) SetClassLessons(c ClassLessons) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if c.URL == "" {
			return meta.Delete(keyClassLessons)
		}
		return put(meta, keyClassLessons, c)
	})
}
