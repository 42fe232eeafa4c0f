package xapi

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"time"

	"aula/store"
)

// Sender posts the statements of a store's outbox to an LRS, in batches,
// for as long as it runs: while the LRS cannot be reached it waits longer
// and longer (up to MaxWait) and tries again, for days if needed; a
// statement the LRS refuses is set aside with the reason, never sent
// again by itself nor dropped. It never holds a lock a kiosk's request
// needs: it reads and deletes outbox entries in their own transactions.
type Sender struct {
	Store      *store.Store
	Client     *Client
	Batch      int           // statements per POST; 0: DefaultBatch
	MinWait    time.Duration // first wait after a failure; 0: a second
	MaxWait    time.Duration // longest wait; 0: ten minutes
	Idle       time.Duration // look at the outbox this often even without news; 0: a minute
	Pace       time.Duration // while kiosks keep adding statements, one batch at most this often; 0: a second
	StatusFile string        // if set, the sender's state is written there (aula hub --status)

	// wait is how the sender waits (a test replaces it); nil: the clock.
	wait func(ctx context.Context, d time.Duration) error

	mu     sync.Mutex
	status Status
}

// DefaultBatch is how many statements a POST carries.
const DefaultBatch = 100

// MaxBatchGrowth is how many times Batch a sender catching up on a long
// outbox puts in one POST (4 × 100 statements: about 700 kB).
const MaxBatchGrowth = 4

// Status is how sending goes, for the trainer and aula hub --status.
type Status struct {
	LRS       string    `json:"lrs"`
	Pending   int       `json:"pending"`
	Aside     int       `json:"aside"`
	Sent      int       `json:"sent"` // since the hub started
	LastSent  time.Time `json:"last_sent,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	ErrorAt   time.Time `json:"error_at,omitzero"`
	NextTry   time.Time `json:"next_try,omitzero"`
	Updated   time.Time `json:"updated"`
}

// Status is the sender's state now.
func (s *Sender) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

func (s *Sender) defaults() {
	if s.Batch <= 0 {
		s.Batch = DefaultBatch
	}
	if s.MinWait <= 0 {
		s.MinWait = time.Second
	}
	if s.MaxWait <= 0 {
		s.MaxWait = 10 * time.Minute
	}
	if s.Idle <= 0 {
		s.Idle = time.Minute
	}
	if s.Pace <= 0 {
		s.Pace = time.Second
	}
	if s.wait == nil {
		s.wait = func(ctx context.Context, d time.Duration) error {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				return nil
			}
		}
	}
}

// Run sends until ctx ends; it returns ctx's error, or a store error.
func (s *Sender) Run(ctx context.Context) error {
	s.defaults()
	s.update(func(st *Status) { st.LRS = s.Client.Endpoint })
	news := s.Store.StatementNews()
	var backoff time.Duration
	size := s.Batch
	for {
		pend, err := s.Store.PendingStatements(size)
		if err != nil {
			return err
		}
		if len(pend) == 0 {
			s.update(func(*Status) {})
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-news:
			case <-time.After(s.Idle):
			}
			continue
		}
		busy(news) // what is read now is sent now: only news during the send say the kiosks are pushing
		err = s.send(ctx, pend)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err == nil {
			backoff = 0
			if busy(news) {
				// Kiosks are pushing: the class comes first. One batch
				// per Pace leaves the hub's writer and cores (and an LRS
				// on the same machine) to the kiosks; the outbox catches
				// up when the class is quiet.
				size = s.Batch
				if err := s.wait(ctx, s.Pace); err != nil {
					return err
				}
				continue
			}
			// Catching up (a full batch went): larger batches, fewer
			// transactions, up to MaxBatchGrowth.
			if len(pend) == size {
				size = min(2*size, MaxBatchGrowth*s.Batch)
			} else {
				size = s.Batch
			}
			continue
		}
		size = s.Batch
		var se *storeError
		if errors.As(err, &se) {
			return se.err
		}
		backoff = min(max(2*backoff, s.MinWait), s.MaxWait)
		wait := backoff/2 + rand.N(backoff/2+1) // jitter: hubs that lost the LRS together do not come back together
		s.update(func(st *Status) {
			st.LastError, st.ErrorAt, st.NextTry = err.Error(), time.Now(), time.Now().Add(wait)
		})
		if err := s.wait(ctx, wait); err != nil {
			return err
		}
	}
}

// busy says whether statements were added since it was last asked: the
// kiosks are pushing now. It takes the news, so the next idle wait is not
// woken by statements that are already being sent.
func busy(news <-chan struct{}) bool {
	select {
	case <-news:
		return true
	default:
		return false
	}
}

type storeError struct{ err error }

func (e *storeError) Error() string { return e.err.Error() }

// send posts pend; a batch the LRS refuses is halved until the refused
// statements are alone, and those are set aside. It returns the first
// error that is not a refusal (the LRS is down, busy, or refuses our key).
func (s *Sender) send(ctx context.Context, pend []store.PendingStatement) error {
	bodies := make([]json.RawMessage, len(pend))
	for i, p := range pend {
		bodies[i] = p.Body
	}
	err := s.Client.Post(ctx, bodies)
	var refused *StatusError
	switch {
	case err == nil:
		seqs := make([]uint64, len(pend))
		for i, p := range pend {
			seqs[i] = p.Seq
		}
		if err := s.Store.StatementsSent(seqs); err != nil {
			return &storeError{err}
		}
		s.update(func(st *Status) {
			st.Sent += len(pend)
			st.LastSent, st.LastError, st.NextTry = time.Now(), "", time.Time{}
		})
		return nil
	case errors.As(err, &refused) && refused.Refused():
		if len(pend) == 1 {
			if err := s.Store.SetStatementAside(pend[0].Seq, refused.Code, refused.Body); err != nil {
				return &storeError{err}
			}
			s.update(func(*Status) {})
			return nil
		}
		half := len(pend) / 2
		if err := s.send(ctx, pend[:half]); err != nil {
			return err
		}
		return s.send(ctx, pend[half:])
	}
	return err
}

// update changes the status, counts the store again and writes the
// status file.
func (s *Sender) update(f func(*Status)) {
	pending, aside, err := s.Store.StatementCounts()
	s.mu.Lock()
	f(&s.status)
	if err == nil {
		s.status.Pending, s.status.Aside = pending, aside
	}
	s.status.Updated = time.Now()
	st := s.status
	s.mu.Unlock()
	if s.StatusFile != "" {
		_ = WriteStatus(s.StatusFile, st)
	}
}

// WriteStatus writes st to path through a temporary file, so a reader
// sees the old or the new state whole.
func WriteStatus(path string, st Status) error {
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}

// ReadStatus reads a status file WriteStatus wrote.
func ReadStatus(path string) (Status, error) {
	var st Status
	data, err := os.ReadFile(path)
	if err != nil {
		return st, err
	}
	return st, json.Unmarshal(data, &st)
}
