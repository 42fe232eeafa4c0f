package tui

import (
	"context"
	"sync"
	"time"
)

// RunKiosk runs the kiosk as Run does, with what runs beside it: the link
// to the class (sync, until the kiosk closes), and copies of the data file
// a moment after start and on the way out.
func RunKiosk(ctx context.Context, o RunOptions, sync func(context.Context)) error {
	st := o.Store
	// A copy of the last good file, made while the learner signs in (the
	// store makes one after each finished lesson, the kiosk at sign-out
	// and here again on the way out; Close waits for it). It starts a
	// moment after the first frame, so as not to compete with drawing it.
	stopCopy, copied := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(copied)
		select {
		case <-time.After(startCopyDelay):
			_ = st.Backup() // a failed copy leaves the older ones
		case <-stopCopy:
		}
	}()
	syncCtx, stopSync := context.WithCancel(ctx)
	syncDone := make(chan struct{})
	go func() { sync(syncCtx); close(syncDone) }()
	err := Run(ctx, o)
	stopSync()
	<-syncDone
	close(stopCopy)
	<-copied
	st.BackupLater() // the copy on the way out
	return err
}

// startCopyDelay is how long after start the backup copy waits: the first
// frame is drawn well before it.
const startCopyDelay = time.Second

// Relay hands messages from outside (the class hub) to the mode that is
// running, and drops them between modes: give Send to whoever sends, and
// Bind as RunOptions.Bind.
type Relay struct {
	mu sync.Mutex
	fn func(any)
}

// Bind sets where messages go (nil: nowhere).
func (r *Relay) Bind(fn func(any)) {
	r.mu.Lock()
	r.fn = fn
	r.mu.Unlock()
}

// Send hands msg to the running mode, if any.
func (r *Relay) Send(msg any) {
	r.mu.Lock()
	fn := r.fn
	r.mu.Unlock()
	if fn != nil {
		fn(msg)
	}
}
