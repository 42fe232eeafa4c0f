// Package store keeps Aula's data in one bbolt file per machine: the
// learners, an append-only log of what each learner did, the progress
// built from that log, and an outbox for the classroom sync.
//
// Layout of aula.db (keep this true when the schema changes):
//
//	meta      schema_version -> "3" ; device_id -> 16 hex chars
//	          class -> Class JSON (the hub this kiosk joined, with its token)
//	          class_lessons -> ClassLessons JSON (the lessons folder that class
//	          published; classlessons.go; came after schema 3 without a migration)
//	          hub_id -> 16 hex chars ; trainer_key_hash -> sha256 (a hub's own)
//	          trainer_key -> the key itself (aula hub --show-key; devices.go)
//	          settings -> Settings JSON (aula setup: language, kiosk, hub)
//	          trainer_pin_hash -> bcrypt (guards leaving a kiosk; setup.go)
//	learners  id(8B big-endian) -> Learner JSON (a hub's copies of other
//	          laptops' learners too, with Device and RemoteID set). Its
//	          "prefs" (theme, large, accessible, speak) came after schema 2
//	          without a migration: absent means the defaults, and an older
//	          Aula ignores it. So did "pin_lock" (wrong PINs in a row and
//	          the pause after 3: TryPIN).
//	events    learner(8B)+seq(8B) -> Event JSON (its ID: 32 random hex
//	          characters; files from before schema 3 also hold device:seq ids;
//	          certificate_issued, with "itinerary", "certificate" and later
//	          "centre_key", came after schema 3 without a migration)
//	progress  learner(8B)+lessonID -> Progress JSON (its "try", the misses,
//	          hint and form page of the step to resume at, came after
//	          schema 3 without a migration: absent means nothing to resume)
//	outbox    seq(8B) -> learner(8B)+seq(8B) (key into events; never a
//	          page_reached event, which stays on the laptop)
//
// Buckets only a classroom hub fills (schema 2; event_ids since 3, in place
// of "ingested" deviceID+seq(8B), which restored and copied kiosks reused):
//
//	devices   deviceID -> Device JSON (joined laptops; their token hashed)
//	remote    deviceID+remoteLearner(8B) -> learner(8B) (the hub's learner id)
//	event_ids event id -> sha256 of the event as its kiosk sent it (eventHash):
//	          events already stored, exactly once; a different event under
//	          a known id is a collision, refused and never dropped silently
//
// A learner's data rights (rights.go): erase_out and erased (erasure
// tokens, never a name or an id), and meta scrub (rewrite the file on close).
//
// All numbers in keys are 8-byte big-endian so that keys sort. A laptop's
// own learners get random ids from 2^32 to 2^53 (newLearnerID; files from
// before have small ones), so that a restored or copied file never gives
// a new learner the id of another; a hub's copies of other laptops'
// learners take ids from the learners bucket's NextSequence, below 2^32.
// Event sequence numbers come from the events bucket's NextSequence. Values are JSON, written and read only
// through encode and decode (codec.go). The meta values are raw strings.
//
// The events are the source of truth; progress is a projection of them,
// updated in the same transaction as the event it comes from.
//
// Files next to aula.db, all owner-only:
//
//	aula.db.bak, .bak.1, .bak.2          the last good copies, newest first (backup.go),
//	                                     made at start, after each lesson finished
//	                                     and at sign-out, each checked before it
//	                                     takes the place of an older one
//	aula.db.pre-migration-v<N>           copy taken before migrating from schema N
//	aula.db.damaged-YYYYMMDD-HHMMSS      a file that could not be opened; never deleted
//	aula.db.bak.damaged-YYYYMMDD-HHMMSS  a copy found damaged when it was needed; never deleted
package store

import (
	"aula/store/internal/boltfile"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// FileName is the name of the data file inside the data folder.
const FileName = "aula.db"

const (
	backupSuffix       = ".bak"
	damagedSuffix      = ".damaged-"
	preMigrationSuffix = ".pre-migration-v"
	damagedTimeLayout  = "20060102-150405"
	defaultLockTimeout = time.Second
)

var (
	// ErrLocked is returned by Open when another process holds the data
	// file. It wraps bbolt.ErrTimeout too.
	ErrLocked = errors.New("the data file is in use by another Aula")
	// ErrNotFound is returned when a learner (or other record) does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNameTaken is returned by AddLearner when the name is already used
	// (compared without case, after trimming spaces).
	ErrNameTaken = errors.New("that name is already taken")
	// ErrBadName is returned for a name that is empty after trimming,
	// longer than 30 characters, or contains control characters.
	ErrBadName = errors.New("the name must have 1 to 30 characters and no control characters")
	// ErrBadPIN is returned for a PIN that is not exactly 4 digits.
	ErrBadPIN = errors.New("the PIN must be exactly 4 digits")
	// ErrBadPrefs is returned by SetPrefs for a theme name that is not
	// lowercase letters and dashes (at most 20).
	ErrBadPrefs = errors.New("bad preferences")
	// ErrBadEvent is returned by Record for an event that cannot be stored:
	// unknown kind, no lesson, a missing step id where one is needed, or an
	// id that does not look like an id.
	ErrBadEvent = errors.New("bad event")
	// ErrTooNew is returned by Open when the data file was written by a
	// newer Aula, with a schema this code does not know.
	ErrTooNew = errors.New("the data file was written by a newer version of Aula")
)

// Options change how Open behaves. The zero value is fine.
type Options struct {
	Timeout time.Duration    // lock timeout; 0 means 1 second
	Now     func() time.Time // nil means time.Now
}

// Store is an open data file. It is safe for concurrent use. Every write
// is one committed bbolt transaction: when a method returns nil, the data
// is on disk.
type Store struct {
	db       *bbolt.DB
	dir      string
	path     string
	deviceID string
	now      func() time.Time
	rec      *Recovery

	backupMu sync.Mutex     // one backup at a time
	bg       sync.WaitGroup // backups started by BackupLater; Close waits for them

	// A hub answers every request with a token check and most with a
	// learner lookup; these copies of what is on disk keep those reads off
	// bbolt (whose readers wait while a growing file is remapped). They are
	// filled on first use and kept true by the only methods that write
	// devices and remote learners.
	devices sync.Map // device id -> token hash
	remotes sync.Map // device id + "/" + remote id -> Learner

	stmts atomic.Pointer[statementHook] // SetStatements (statements.go)
}

// Open opens (or creates) dir/aula.db. It creates dir (0o700) and the file
// (0o600) when missing and runs any pending migrations, after copying the
// file to aula.db.pre-migration-v<N>.
//
// When another process has the file open, Open gives up after
// Options.Timeout with an error that matches ErrLocked. When the file is
// damaged, Open moves it aside, restores aula.db.bak if there is one (or
// starts a fresh file) and reports what it did through Recovered.
func Open(dir string, opt Options) (*Store, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = defaultLockTimeout
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("creating the data folder: %w", err)
	}
	path := filepath.Join(dir, FileName)

	s, err := openFile(dir, path, opt)
	if err == nil && s.scrubPending() {
		// An erasure the last run did not finish rewriting (rights.go).
		if err = s.db.Close(); err == nil {
			_ = boltfile.Scrub(path, bucketMeta, keyScrub)
			s, err = openFile(dir, path, opt)
		}
	}
	if err == nil {
		return s, nil
	}
	var d *damageError
	if !errors.As(err, &d) {
		return nil, err
	}

	return restore(dir, path, opt, d)
}

// damageError marks an open failure that means the file's contents are bad
// (as opposed to a lock, permission or newer-schema problem).
type damageError struct{ err error }

func (e *damageError) Error() string { return "damaged data file: " + e.err.Error() }
func (e *damageError) Unwrap() error { return e.err }

// openFile opens path once, checks it and migrates it. It never moves files.
func openFile(dir, path string, opt Options) (s *Store, err error) {
	fi, statErr := os.Stat(path)
	existed := statErr == nil && fi.Size() > 0

	var db *bbolt.DB
	defer func() {
		// bbolt panics on some kinds of corruption. Treat that as damage.
		if r := recover(); r != nil {
			closeQuietly(db)
			s, err = nil, &damageError{fmt.Errorf("bbolt panicked: %v", r)}
		}
	}()

	if err := boltfile.Truncated(path); err != nil {
		return nil, &damageError{err}
	}
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: opt.Timeout})
	if err != nil {
		db = nil
		var pathErr *fs.PathError
		switch {
		case errors.Is(err, bolterrors.ErrTimeout):
			return nil, fmt.Errorf("%w (%s): %w", ErrLocked, path, err)
		case errors.As(err, &pathErr):
			// The file itself could not be opened (permissions, a folder
			// in the way...): moving it aside would not help.
			return nil, fmt.Errorf("opening the data file: %w", err)
		default:
			return nil, &damageError{err}
		}
	}

	// A file can open fine and still have broken pages; find out now rather
	// than in the middle of a lesson. Small files make this cheap.
	if err := db.View(check); err != nil {
		closeQuietly(db)
		return nil, &damageError{err}
	}

	s = &Store{db: db, dir: dir, path: path, now: opt.Now}
	if err := s.migrate(existed); err != nil {
		closeQuietly(db)
		return nil, err
	}
	if err := db.View(func(tx *bbolt.Tx) error {
		s.deviceID = string(tx.Bucket(bucketMeta).Get(keyDeviceID))
		return nil
	}); err != nil {
		closeQuietly(db)
		return nil, err
	}
	if len(s.deviceID) != 16 {
		closeQuietly(db)
		return nil, &damageError{fmt.Errorf("bad device id %q", s.deviceID)}
	}
	return s, nil
}

func closeQuietly(db *bbolt.DB) {
	if db == nil {
		return
	}
	defer func() { _ = recover() }()
	_ = db.Close()
}

// moveAside renames path to path.damaged-<time>, adding -2, -3... when a file
// with that name already exists. It returns the new path.
func moveAside(path string, now time.Time) (string, error) {
	base := path + damagedSuffix + now.Format(damagedTimeLayout)
	dst := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, dst); err != nil {
		return "", err
	}
	syncDir(filepath.Dir(path))
	return dst, nil
}

// Recovered says what Open did about a damaged file; nil when the file was
// fine.
func (s *Store) Recovered() *Recovery { return s.rec }

// Path is the full path of aula.db.
func (s *Store) Path() string { return s.path }

// DeviceID is this data file's random id (16 hex characters), made once when
// the file was created. Event ids start with it.
func (s *Store) DeviceID() string { return s.deviceID }

// Close waits for backups under way, then closes the data file.
// A file in which something was erased is rewritten without its freed
// pages first (rights.go).
func (s *Store) Close() error {
	s.bg.Wait()
	pending := s.scrubPending()
	if err := s.db.Close(); err != nil || !pending {
		return err
	}
	return boltfile.Scrub(s.path, bucketMeta, keyScrub)
}

// check runs bbolt's consistency check and collects what it reports.
func check(tx *bbolt.Tx) error {
	var errs []error
	for err := range tx.Check() { // drain it all, or the checker goroutine leaks
		if len(errs) < 10 {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// check runs bbolt's consistency check on the whole file. Tests call it
// before closing.
func (s *Store) check() error { return s.db.View(check) }

// writeAtomic writes dst through a temporary file in the same folder, synced
// and renamed into place, so dst is either the old or the complete new file.
func writeAtomic(dst string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(dst)
	f, err := os.CreateTemp(dir, filepath.Base(dst)+".tmp-*") // mode 0o600
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, dst); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// copyFile copies src to dst atomically, owner-only.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeAtomic(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// syncDir makes a rename durable. It is best effort: some systems (Windows)
// cannot sync a folder, and the rename itself has already happened.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
