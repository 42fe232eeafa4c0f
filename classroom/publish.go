package classroom

import (
	"aula/classroom/bundle"
	"aula/classroom/safetext"
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

// The hub's and the kiosk's sides of publishing a lessons folder
// (lessons.go has the bundle.Folder and its limits). The hub keeps the folder it
// publishes in memory (aula hub --publish reads it again at each start and
// each save) and says its version in every poll answer; a kiosk whose
// version differs fetches it with its token, checks it, and hands it on.

// CmdLessons wakes the kiosks' long-polls when a folder is published: the
// poll answer's Lessons says the version. Text holds the version too.
const CmdLessons CommandKind = "lessons"

// MaxPublishProblems is how many of a refused folder's problems the hub
// keeps for the dashboard (aula lessons check lists them all).
const MaxPublishProblems = 50

// Published is what the dashboard shows about the trainer's lessons folder.
type Published struct {
	Folder  string `json:"folder"`
	Version string `json:"version,omitempty"` // what the class has now; "" when nothing was published
	Lessons int    `json:"lessons,omitempty"` // lessons in it
	// IDs are the ids of the lessons in it (at most bundle.MaxIDs): the
	// dashboard lists them by their titles in the trainer's language.
	IDs      []string  `json:"ids,omitempty"`
	At       time.Time `json:"at,omitempty"`       // when it was published
	Problems []string  `json:"problems,omitempty"` // why the folder as saved last was refused; the class keeps Version
}

// publishState is the hub's published folder.
type publishState struct {
	mu     sync.Mutex
	bundle *bundle.Folder
	info   *Published
}

// Publish gives the class the folder b (from folder, with the lessons ids
// in it), after checking its limits again, and wakes the kiosks.
func (h *Hub) Publish(b bundle.Folder, folder string, ids []string) error {
	if err := bundle.Check(b); err != nil {
		return err
	}
	h.pub.mu.Lock()
	h.pub.bundle = &b
	h.pub.info = &Published{Folder: safetext.Text(folder, 300), Version: b.Version, Lessons: len(ids), IDs: bundle.CleanIDs(ids), At: h.now()}
	h.pub.mu.Unlock()
	_, err := h.add(Command{Kind: CmdLessons, Text: b.Version})
	return err
}

// PublishRefused says on the dashboard that folder was not published, and
// why; the class keeps what it had.
func (h *Hub) PublishRefused(folder string, problems []string) {
	if len(problems) > MaxPublishProblems {
		problems = problems[:MaxPublishProblems]
	}
	clean := make([]string, len(problems))
	for i, p := range problems {
		clean[i] = safetext.Text(p, 300)
	}
	h.pub.mu.Lock()
	defer h.pub.mu.Unlock()
	info := Published{Folder: safetext.Text(folder, 300)}
	if h.pub.info != nil {
		info = *h.pub.info
	}
	info.Problems = clean
	h.pub.info = &info
}

// Published is what the dashboard shows about the folder; nil when none.
func (h *Hub) Published() *Published {
	h.pub.mu.Lock()
	defer h.pub.mu.Unlock()
	if h.pub.info == nil {
		return nil
	}
	p := *h.pub.info
	return &p
}

// lessonsVersion is the version of the published folder ("" none).
func (h *Hub) lessonsVersion() string {
	h.pub.mu.Lock()
	defer h.pub.mu.Unlock()
	if h.pub.bundle == nil {
		return ""
	}
	return h.pub.bundle.Version
}

// lessonsGet serves the published folder to a laptop of the class.
func (h *Hub) lessonsGet(w http.ResponseWriter, _ *http.Request, _ string) {
	h.pub.mu.Lock()
	b := h.pub.bundle
	h.pub.mu.Unlock()
	if b == nil {
		writeError(w, http.StatusNotFound, "the trainer has published no lessons")
		return
	}
	writeJSON(w, http.StatusOK, b)
}

// cleanPublished makes a snapshot's Published safe for a terminal.
func cleanPublished(p *Published) *Published {
	if p == nil {
		return nil
	}
	c := *p
	c.Folder = safetext.Text(c.Folder, 300)
	c.Version = safetext.Text(c.Version, 64)
	if len(c.Problems) > MaxPublishProblems {
		c.Problems = c.Problems[:MaxPublishProblems]
	}
	c.Problems = append([]string(nil), c.Problems...)
	for i := range c.Problems {
		c.Problems[i] = safetext.Text(c.Problems[i], 300)
	}
	c.IDs = bundle.CleanIDs(c.IDs)
	return &c
}

// Lessons fetches the folder the class published (kiosk).
func (c *Client) Lessons(ctx context.Context) (bundle.Folder, error) {
	var b bundle.Folder
	err := c.do(ctx, http.MethodGet, PathLessons, nil, &b)
	return b, err
}

// kioskLessons is a kiosk's side: the version it uses, and one it refused
// (not fetched again until the hub has another).
type kioskLessons struct {
	mu      sync.Mutex
	have    string
	refused string
	// use checks a folder as aula lessons check does and puts it in use
	// (main sets it: SetLessons); an error refuses it.
	use func(bundle.Folder) error
}

// SetLessons says which published folder this laptop uses now (version,
// "" none) and what to do with a new one: use checks it and puts it in
// use, or refuses it with an error. Call it before Run.
func (s *Syncer) SetLessons(version string, use func(bundle.Folder) error) {
	s.lessons.mu.Lock()
	s.lessons.have, s.lessons.use = version, use
	s.lessons.mu.Unlock()
}

// LessonsVersion is the version of the published folder in use.
func (s *Syncer) LessonsVersion() string {
	s.lessons.mu.Lock()
	defer s.lessons.mu.Unlock()
	return s.lessons.have
}

// lessonsNews fetches the class's folder when the hub says it has another
// version than this laptop, checks its limits, and hands it to use. A
// folder refused (or an answer that is not one) is not fetched again until
// the hub has a new one; one that could not be fetched (the network) is
// tried again at the next poll.
func (s *Syncer) lessonsNews(ctx context.Context, c *Client, version string) {
	s.lessons.mu.Lock()
	have, refused, use := s.lessons.have, s.lessons.refused, s.lessons.use
	s.lessons.mu.Unlock()
	if version == "" || version == have || version == refused || use == nil {
		return
	}
	rctx, cancel := context.WithTimeout(ctx, time.Minute)
	b, err := c.Lessons(rctx)
	cancel()
	if errors.Is(err, ErrUnreachable) {
		return // tried again at the next poll
	}
	if err == nil {
		err = bundle.Check(b) // an answer too big or malformed is refused as a bad folder is
	}
	if err == nil && b.Version != version {
		err = errors.New("the hub sent another version than it said")
	}
	if err == nil {
		err = use(b)
	}
	s.lessons.mu.Lock()
	if err != nil {
		s.lessons.refused = version
	} else {
		s.lessons.have = b.Version
	}
	s.lessons.mu.Unlock()
}
