package ui

import (
	"errors"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
)

// Recorder writes learner events to the store in the order they happened,
// off the UI goroutine. Update queues an event (memory only) and gets a
// command; the command commits everything queued so far. Commands may run in
// any order; the queue keeps the events in theirs.
type Recorder struct {
	st      *store.Store
	mu      sync.Mutex // guards pending
	pending []store.Event
	writeMu sync.Mutex // one writer at a time
}

// NewRecorder returns a recorder over st.
func NewRecorder(st *store.Store) *Recorder { return &Recorder{st: st} }

// SavedMsg reports that queued events were committed, or why not.
type SavedMsg struct {
	Events []store.Event
	Err    error
}

// Record queues e and returns the command that commits it.
func (r *Recorder) Record(e store.Event) tea.Cmd {
	r.mu.Lock()
	r.pending = append(r.pending, e)
	r.mu.Unlock()
	return r.FlushCmd()
}

// ReadAfterWrites returns a command that reads the store with read only
// after every event queued so far is committed: it commits them itself
// (waiting for a commit already under way), so a screen that shows
// progress never shows it from before the writes queued ahead of it,
// whatever order commands run in. What it committed is reported as a
// SavedMsg too, next to read's message.
func (r *Recorder) ReadAfterWrites(read func(st *store.Store) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		events, err := r.Flush()
		msg := read(r.st)
		if len(events) == 0 && err == nil {
			return msg
		}
		saved := SavedMsg{Events: events, Err: err}
		return tea.BatchMsg{Send(saved), Send(msg)}
	}
}

// FlushCmd returns a command that commits every queued event and reports
// it with a SavedMsg.
func (r *Recorder) FlushCmd() tea.Cmd {
	return func() tea.Msg {
		events, err := r.Flush()
		return SavedMsg{Events: events, Err: err}
	}
}

// Flush commits every queued event. It is safe to call from any goroutine,
// and main calls it once more after the program ends so nothing is lost.
func (r *Recorder) Flush() ([]store.Event, error) {
	r.writeMu.Lock()
	defer r.writeMu.Unlock()
	r.mu.Lock()
	batch := r.pending
	r.pending = nil
	r.mu.Unlock()
	var saved []store.Event
	var firstErr error
	for i, e := range batch {
		ev, err := r.st.Record(e)
		if errors.Is(err, store.ErrBadEvent) || errors.Is(err, store.ErrNotFound) {
			// Retrying cannot help an event the store refuses; keep the rest
			// flowing and say that something was not saved.
			firstErr = err
			continue
		}
		if err != nil {
			// Keep what failed at the front of the queue for the next try.
			r.mu.Lock()
			r.pending = append(append([]store.Event{}, batch[i:]...), r.pending...)
			r.mu.Unlock()
			return saved, err
		}
		saved = append(saved, ev)
	}
	return saved, firstErr
}

// Pending says how many events wait to be written.
func (r *Recorder) Pending() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.pending)
}
