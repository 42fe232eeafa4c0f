package store

import (
	"aula/store/internal/boltfile"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"go.etcd.io/bbolt"
)

// This file keeps the copies of the data file and uses them when the file
// is damaged: Backup writes a checked copy and keeps a few generations;
// Open (restore) puts back the newest copy that is sound, keeps every
// damaged file, and salvages from the damaged file what it can still read.

// backupGenerations is how many copies are kept: aula.db.bak, .bak.1, .bak.2.
const backupGenerations = BackupGenerations

// BackupGenerations is how many copies of the data file are kept; an
// erased learner is gone from all of them after that many more backups.
const BackupGenerations = 3

// Recovery tells the app that the data file was damaged at open and what
// was done, so it can say so truthfully.
type Recovery struct {
	DamagedPath string    // where the damaged file was moved (aula.db.damaged-YYYYMMDD-HHMMSS)
	FromBackup  bool      // true when a copy was restored
	BackupPath  string    // the copy that was restored
	BackupTime  time.Time // when that copy was made (its modification time)
	// DamagedBackups are copies that were damaged too, moved aside
	// (aula.db.bak.damaged-…) and kept: none is ever overwritten.
	DamagedBackups []string
	// Salvaged counts the learners and events read back from the damaged
	// file that the copy did not have (they go to the outbox again, so the
	// class hub confirms them or takes them).
	SalvagedLearners int
	SalvagedEvents   int
}

// backupPaths are the copies of path, newest first.
func backupPaths(path string) []string {
	ps := []string{path + backupSuffix}
	for i := 1; i < backupGenerations; i++ {
		ps = append(ps, path+backupSuffix+"."+strconv.Itoa(i))
	}
	return ps
}

// restore is Open's answer to a damaged file: move it aside, put back the
// newest sound copy (moving damaged copies aside too), or start afresh;
// then salvage what the damaged file still holds.
func restore(dir, path string, opt Options, d *damageError) (*Store, error) {
	rec := &Recovery{}
	var err error
	if rec.DamagedPath, err = moveAside(path, opt.Now()); err != nil {
		return nil, fmt.Errorf("moving the damaged data file aside (%v): %w", d, err)
	}
	var s *Store
	for _, bak := range backupPaths(path) {
		fi, statErr := os.Stat(bak)
		if statErr != nil || !fi.Mode().IsRegular() {
			continue
		}
		if fi.Size() == 0 {
			// An empty copy would open as a new, empty file and be
			// called a restored copy: it is a damaged one.
			aside, err := moveAside(bak, opt.Now())
			if err != nil {
				return nil, fmt.Errorf("keeping the empty copy %s: %w", bak, err)
			}
			rec.DamagedBackups = append(rec.DamagedBackups, aside)
			continue
		}
		if err := copyFile(bak, path); err != nil {
			return nil, fmt.Errorf("restoring the copy %s: %w", bak, err)
		}
		s, err = openFile(dir, path, opt)
		if err == nil {
			rec.FromBackup, rec.BackupPath, rec.BackupTime = true, bak, fi.ModTime()
			break
		}
		if !errors.As(err, &d) {
			return nil, err
		}
		// This copy is damaged too. What we opened was a copy of it: drop
		// that, and keep the copy itself under a name no backup will take.
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("the copy %s is damaged too (%v): %w", bak, d, err)
		}
		aside, err := moveAside(bak, opt.Now())
		if err != nil {
			return nil, fmt.Errorf("keeping the damaged copy %s: %w", bak, err)
		}
		rec.DamagedBackups = append(rec.DamagedBackups, aside)
	}
	if s == nil {
		if s, err = openFile(dir, path, opt); err != nil {
			return nil, fmt.Errorf("starting a fresh data file: %w", err)
		}
	}
	s.rec = rec
	// Best effort: a file too damaged to read gives nothing back.
	rec.SalvagedLearners, rec.SalvagedEvents, _ = s.salvage(rec.DamagedPath, opt.Timeout)
	return s, nil
}

// Backup writes a consistent copy of the data file as aula.db.bak, keeping
// the older copies as .bak.1 and .bak.2. The copy is checked after it is
// written (opened and tx.Check'ed) and only then takes the place of an
// older one: a copy of a damaged file, or one that fails, leaves the others
// as they were.
func (s *Store) Backup() error {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	dst := s.path + backupSuffix
	// Temporary copies of a backup cut short (the laptop switched off).
	if old, _ := filepath.Glob(dst + ".tmp-*"); len(old) > 0 {
		for _, f := range old {
			_ = os.Remove(f)
		}
	}
	f, err := os.CreateTemp(s.dir, filepath.Base(dst)+".tmp-*") // mode 0o600
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // gone already when the copy took its place
	// The copy is checked, not the file: tx.Check in a read transaction
	// reads the shared freelist that a concurrent write changes (a data race
	// inside bbolt), and the copy is that transaction's state anyway.
	if s.scrubPending() {
		// Something was erased: a byte copy would carry the freed pages
		// with their old bytes into the copy (rights.go).
		err = errors.Join(f.Close(), boltfile.Compact(s.db, tmp, nil, nil))
	} else {
		err = s.db.View(func(tx *bbolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	if err := checkFile(tmp); err != nil {
		return fmt.Errorf("the new copy does not read back: %w", err)
	}
	gens := backupPaths(s.path)
	for i := len(gens) - 1; i > 0; i-- {
		if err := os.Rename(gens[i-1], gens[i]); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return err
	}
	syncDir(s.dir)
	return nil
}

// BackupLater makes a backup in the background (the learner does not wait
// for it); Close waits for it to end. A failed backup leaves the older
// copies, which is all a backup could do.
func (s *Store) BackupLater() {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		_ = s.Backup()
	}()
}

// checkFile opens a bolt file read-only and runs the consistency check.
func checkFile(path string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bbolt panicked: %v", r)
		}
	}()
	if err := boltfile.Truncated(path); err != nil {
		return err
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer closeQuietly(db)
	return db.View(check)
}

// salvage reads what it can from a damaged file (its learners and events)
// and adds what this file lacks: learners by id, events by event id, each
// event projected and put in the outbox (the class hub tells it from one it
// has). Any part it cannot read is skipped.
func (s *Store) salvage(damaged string, timeout time.Duration) (learners, events int, err error) {
	ls, evs := readDamaged(damaged, timeout)
	if len(ls) == 0 && len(evs) == 0 {
		return 0, 0, nil
	}
	slices.SortFunc(evs, func(a, b Event) int { return cmp.Compare(a.Seq, b.Seq) })
	err = s.db.Update(func(tx *bbolt.Tx) error {
		learners, events = 0, 0
		lb, eb := tx.Bucket(bucketLearners), tx.Bucket(bucketEvents)
		var err error
		if learners, err = salvageLearners(lb, ls); err != nil {
			return err
		}
		remote, have, err := remoteAndHave(lb, eb)
		if err != nil {
			return err
		}
		for _, e := range evs {
			if have[e.ID] || lb.Get(u64(e.Learner)) == nil || remote[e.Learner] || validEvent(e) != nil || e.Seq == 0 {
				continue
			}
			if err := salvageEvent(tx, eb, e); err != nil {
				return err
			}
			have[e.ID] = true
			events++
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return learners, events, nil
}

// salvageLearners adds the learners of ls this file lacks; it says how many.
func salvageLearners(lb *bbolt.Bucket, ls []Learner) (int, error) {
	n := 0
	for _, l := range ls {
		if l.ID == 0 || lb.Get(u64(l.ID)) != nil {
			continue
		}
		if err := put(lb, u64(l.ID), l); err != nil {
			return 0, err
		}
		if l.ID < 1<<32 && l.ID > lb.Sequence() {
			// An id from the counter (older files, and a hub's copies):
			// the counter goes on after it.
			if err := lb.SetSequence(l.ID); err != nil {
				return 0, err
			}
		}
		n++
	}
	return n, nil
}

// remoteAndHave says which learners are a hub's copies of other laptops'
// (not ours to send), and which event ids the file holds already.
func remoteAndHave(lb, eb *bbolt.Bucket) (remote map[uint64]bool, have map[string]bool, err error) {
	remote, have = map[uint64]bool{}, map[string]bool{}
	if err := lb.ForEach(func(_, v []byte) error {
		var l Learner
		if err := decode(v, &l); err != nil {
			return err
		}
		remote[l.ID] = l.Remote()
		return nil
	}); err != nil {
		return nil, nil, err
	}
	if err := eb.ForEach(func(_, v []byte) error {
		var e Event
		if err := decode(v, &e); err != nil {
			return err
		}
		have[e.ID] = true
		return nil
	}); err != nil {
		return nil, nil, err
	}
	return remote, have, nil
}

// salvageEvent stores one event taken from a damaged file, its projection
// and its place in the outbox.
func salvageEvent(tx *bbolt.Tx, eb *bbolt.Bucket, e Event) error {
	key := key2(e.Learner, e.Seq)
	if eb.Get(key) != nil {
		// Its place is taken (the copy is not an older state of this
		// file): a new place, and a new id unless it has a random one.
		seq, err := eb.NextSequence()
		if err != nil {
			return err
		}
		if !isRandomID(e.ID) {
			if e.ID, err = newEventID(); err != nil {
				return err
			}
		}
		e.Seq, key = seq, key2(e.Learner, seq)
	}
	if e.Seq > eb.Sequence() {
		if err := eb.SetSequence(e.Seq); err != nil {
			return err
		}
	}
	if err := put(eb, key, e); err != nil {
		return err
	}
	if err := project(tx, e); err != nil {
		return err
	}
	if e.Kind.localOnly() {
		return nil
	}
	return tx.Bucket(bucketOutbox).Put(u64(e.Seq), key)
}

// readDamaged reads the learners and events a damaged file still yields,
// record by record; bbolt may panic on a broken page, which ends the
// reading of that bucket only.
func readDamaged(path string, timeout time.Duration) (ls []Learner, evs []Event) {
	var db *bbolt.DB
	func() {
		defer func() {
			if recover() != nil {
				db = nil
			}
		}()
		if boltfile.Truncated(path) != nil {
			return // reading it would end the program (SIGBUS)
		}
		d, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: timeout})
		if err == nil {
			db = d
		}
	}()
	if db == nil {
		return nil, nil
	}
	defer closeQuietly(db)
	each := func(bucket []byte, fn func(v []byte)) {
		defer func() { _ = recover() }()
		_ = db.View(func(tx *bbolt.Tx) error {
			b := tx.Bucket(bucket)
			if b == nil {
				return nil
			}
			return b.ForEach(func(_, v []byte) error {
				if v != nil {
					fn(v)
				}
				return nil
			})
		})
	}
	each(bucketLearners, func(v []byte) {
		var l Learner
		if decode(v, &l) == nil && !l.Remote() {
			if _, err := cleanName(l.Name); err == nil {
				ls = append(ls, l)
			}
		}
	})
	each(bucketEvents, func(v []byte) {
		var e Event
		if decode(v, &e) == nil && e.ID != "" {
			evs = append(evs, e)
		}
	})
	return ls, evs
}
