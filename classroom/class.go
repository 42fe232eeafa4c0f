package classroom

import (
	"aula/classroom/safetext"
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"aula/store"
)

// Source is where the dashboard reads the class from and sends commands to:
// the hub in-process (trainer mode), a hub elsewhere (Remote), or the local
// data file of a shared laptop (Local).
type Source interface {
	Snapshot(ctx context.Context) (Snapshot, error)
	Detail(ctx context.Context, learner uint64) (Detail, error)
	Send(ctx context.Context, c Command) error
	// Live says whether commands reach kiosks (false for a local file,
	// where only a PIN can be reset).
	Live() bool
}

// ErrNotLive is returned by Send for a command a source cannot deliver.
var ErrNotLive = errors.New("there is no class hub: only the PIN can be reset here")

// Flag is something the trainer should know about a learner.
type Flag string

// The flags, in order of urgency.
const (
	FlagHelp     Flag = "help"     // the hand is up
	FlagStuck    Flag = "stuck"    // 3+ misses on one step, or long on it
	FlagIdle     Flag = "idle"     // no input for a while
	FlagOffline  Flag = "offline"  // no news from the laptop
	FlagFinished Flag = "finished" // the lesson is done
)

// Row is one learner on the dashboard.
type Row struct {
	ID       uint64           `json:"id"` // the learner id in the source's data file
	Name     string           `json:"name"`
	Device   string           `json:"device,omitempty"` // "" for a learner of this laptop
	RemoteID uint64           `json:"remote_id,omitempty"`
	Present  *Presence        `json:"presence,omitempty"` // nil when the kiosk is not reporting
	Seen     time.Duration    `json:"seen"`               // since the last presence
	Last     time.Time        `json:"last"`               // the last event, by the kiosk's clock
	Progress []store.Progress `json:"progress"`
	Flags    []Flag           `json:"flags"`
}

// Target is the To of a command for this learner.
func (r Row) Target() string {
	if r.Device == "" {
		return Target("local", r.ID)
	}
	return Target(r.Device, r.RemoteID)
}

// Has reports whether the row has flag f.
func (r Row) Has(f Flag) bool { return slices.Contains(r.Flags, f) }

// Current is the learner's lesson now: from presence, else the one with the
// newest activity. "" when there is none.
func (r Row) Current() (lesson string, stepIndex, steps int) {
	if p := r.Present; p != nil && p.Lesson != "" {
		return p.Lesson, p.StepIndex, p.Steps
	}
	var newest *store.Progress
	for i := range r.Progress {
		if newest == nil || r.Progress[i].LastActivity.After(newest.LastActivity) {
			newest = &r.Progress[i]
		}
	}
	if newest == nil {
		return "", 0, 0
	}
	return newest.Lesson, newest.Step, newest.Steps
}

// Snapshot is the class at one moment.
type Snapshot struct {
	At     time.Time `json:"at"`
	Rows   []Row     `json:"rows"` // those needing attention first
	Paused bool      `json:"paused"`
	Code   string    `json:"code,omitempty"`

	// What the trainer must know about the class's door (a hub's only).
	Waiting     []Waiting  `json:"waiting,omitempty"`     // laptops waiting to be let in
	Guessed     bool       `json:"guessed,omitempty"`     // someone is guessing the code
	WrongCodes  int        `json:"wrong_codes,omitempty"` // wrong codes since the hub started
	Plain       bool       `json:"plain,omitempty"`       // plain HTTP: anyone on the network can read the class
	Fingerprint string     `json:"fingerprint,omitempty"` // the short fingerprint of the hub's own certificate
	Announce    string     `json:"announce,omitempty"`    // why the hub cannot be found on the network
	Restored    *Restored  `json:"restored,omitempty"`    // the hub's data file was damaged at this start
	LRSRefused  int        `json:"lrs_refused,omitempty"` // statements the region's LRS refused, kept aside (aula hub --status lists them)
	Lessons     *Published `json:"lessons,omitempty"`     // the lessons folder the trainer publishes (publish.go)
}

// Restored is what the trainer is told when the hub's data file was
// damaged at start: from store.Recovery, with where the damaged file is
// kept on the hub's machine.
type Restored struct {
	FromBackup bool      `json:"from_backup"`       // a copy was put back
	BackupTime time.Time `json:"backup_time"`       // when that copy was made
	BadCopies  int       `json:"bad_copies"`        // copies damaged too (kept aside)
	Salvaged   int       `json:"salvaged"`          // events read back from the damaged file
	KeptAt     string    `json:"kept_at,omitempty"` // where the damaged file is kept
}

// restored is what h's store says about damage at open; nil when none.
func restored(st *store.Store) *Restored {
	r := st.Recovered()
	if r == nil {
		return nil
	}
	return &Restored{FromBackup: r.FromBackup, BackupTime: r.BackupTime, BadCopies: len(r.DamagedBackups),
		Salvaged: r.SalvagedEvents, KeptAt: r.DamagedPath}
}

// StepDetail is what one learner did on one step.
type StepDetail struct {
	Step     string         `json:"step"`
	Index    int            `json:"index"`
	Attempts int            `json:"attempts"`
	Misses   int            `json:"misses"`
	Hints    int            `json:"hints"`
	Time     time.Duration  `json:"time"`
	Done     bool           `json:"done"`
	Mistakes map[string]int `json:"mistakes,omitempty"` // mistake id -> times
}

// LessonDetail is one learner's steps in one lesson.
type LessonDetail struct {
	Lesson string        `json:"lesson"`
	Status store.Status  `json:"status"`
	Steps  []StepDetail  `json:"steps"` // in step order, those touched
	Last   time.Time     `json:"last"`
	Total  time.Duration `json:"total"`
}

// Detail is one learner, step by step, newest lesson first.
type Detail struct {
	Learner store.Learner  `json:"learner"`
	Lessons []LessonDetail `json:"lessons"`
}

// StepTrouble is how a class did on one step of a lesson.
type StepTrouble struct {
	Step     string `json:"step"`
	Learners int    `json:"learners"` // learners who got it wrong at least once
	Misses   int    `json:"misses"`
	Mistake  string `json:"mistake"` // the most common mistake id
}

// Trouble lists the steps of lesson that most learners in rows got wrong,
// the worst first: the step to explain to everyone.
func Trouble(rows []Row, lesson string) []StepTrouble {
	by := map[string]*StepTrouble{}
	counts := map[string]map[string]int{}
	for _, r := range rows {
		for _, p := range r.Progress {
			if p.Lesson != lesson {
				continue
			}
			seen := map[string]bool{}
			for k, n := range p.Mistakes {
				step, mistake, _ := strings.Cut(k, "/")
				t := by[step]
				if t == nil {
					t = &StepTrouble{Step: step}
					by[step] = t
					counts[step] = map[string]int{}
				}
				if !seen[step] {
					seen[step] = true
					t.Learners++
				}
				t.Misses += n
				counts[step][mistake] += n
			}
		}
	}
	var out []StepTrouble
	for step, t := range by {
		best := 0
		for m, n := range counts[step] {
			if n > best || (n == best && m < t.Mistake) {
				best, t.Mistake = n, m
			}
		}
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b StepTrouble) int {
		return cmp.Or(cmp.Compare(b.Learners, a.Learners), cmp.Compare(b.Misses, a.Misses), cmp.Compare(a.Step, b.Step))
	})
	return out
}

// flagsOf works out a row's flags at now.
func flagsOf(r *Row, live bool) {
	r.Flags = nil
	// Learners of the hub's own laptop have no kiosk to hear from.
	live = live && r.Device != ""
	if live && (r.Present == nil || r.Seen > offlineAfter) {
		r.Flags = append(r.Flags, FlagOffline)
		if r.Present == nil {
			return
		}
	}
	p := r.Present
	if p != nil && r.Seen <= offlineAfter {
		if p.Help {
			r.Flags = append(r.Flags, FlagHelp)
		}
		if p.Screen == "lesson" && (p.Misses >= stuckMisses || time.Duration(p.OnStep)*time.Second >= longOnStep) {
			r.Flags = append(r.Flags, FlagStuck)
		}
		if time.Duration(p.Idle)*time.Second >= idleAfter {
			r.Flags = append(r.Flags, FlagIdle)
		}
		if p.Screen == "summary" {
			r.Flags = append(r.Flags, FlagFinished)
		}
		return
	}
	if !live {
		// A shared laptop: the newest lesson tells what there is to tell.
		lesson, _, _ := r.Current()
		for _, pr := range r.Progress {
			if pr.Lesson == lesson && pr.Status == store.Done {
				r.Flags = append(r.Flags, FlagFinished)
			}
		}
	}
}

// urgency orders rows: help (longest wait first), stuck, idle, offline,
// working, finished; then by name.
func urgency(r Row) int {
	switch {
	case r.Has(FlagHelp):
		return 0
	case r.Has(FlagStuck):
		return 1
	case r.Has(FlagIdle):
		return 2
	case r.Has(FlagOffline):
		return 4
	case r.Has(FlagFinished):
		return 5
	}
	return 3
}

func sortRows(rows []Row) {
	slices.SortStableFunc(rows, func(a, b Row) int {
		if c := cmp.Compare(urgency(a), urgency(b)); c != 0 {
			return c
		}
		if a.Has(FlagHelp) && b.Has(FlagHelp) {
			if c := cmp.Compare(b.Present.HelpWait, a.Present.HelpWait); c != 0 {
				return c
			}
		}
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
}

// rowsFrom builds the rows of every learner in st; presence (by device)
// may be nil for a file without kiosks.
func rowsFrom(st *store.Store, pres map[string]presenceEntry, now time.Time) ([]Row, error) {
	all, err := st.AllProgress()
	if err != nil {
		return nil, err
	}
	live := pres != nil
	rows := make([]Row, 0, len(all))
	for _, lp := range all {
		l := lp.Learner
		r := Row{ID: l.ID, Name: safetext.Text(l.Name, MaxName), Device: l.Device, RemoteID: l.RemoteID, Progress: lp.Lessons}
		for _, p := range lp.Lessons {
			if p.LastActivity.After(r.Last) {
				r.Last = p.LastActivity
			}
		}
		if e, ok := pres[l.Device]; ok && l.Remote() && e.p.Learner == l.RemoteID {
			p := e.p
			r.Present = &p
			r.Seen = now.Sub(e.at)
		}
		flagsOf(&r, live)
		rows = append(rows, r)
	}
	sortRows(rows)
	return rows, nil
}

// Snapshot is the class now: every learner who ever pushed to this hub, and
// those who studied on the hub's own laptop.
func (h *Hub) Snapshot(context.Context) (Snapshot, error) {
	h.mu.Lock()
	pres := make(map[string]presenceEntry, len(h.pres))
	for k, v := range h.pres {
		pres[k] = v
	}
	paused, announce := h.pause != nil, h.announce
	h.mu.Unlock()
	now := h.now()
	rows, err := rowsFrom(h.st, pres, now)
	if err != nil {
		return Snapshot{}, err
	}
	guessed, wrong := h.Guessed()
	_, refused, err := h.st.StatementCounts()
	if err != nil {
		return Snapshot{}, err
	}
	return Snapshot{At: now, Rows: rows, Paused: paused, Code: h.code, Waiting: h.Waiting(), Guessed: guessed, WrongCodes: wrong,
		Plain: h.Plain(), Fingerprint: h.Fingerprint(), Announce: announce, Restored: restored(h.st), LRSRefused: refused,
		Lessons: h.Published()}, nil
}

// Detail is one learner's steps.
func (h *Hub) Detail(_ context.Context, learner uint64) (Detail, error) {
	return detailOf(h.st, learner)
}

// detailOf replays a learner's events into per-step detail.
func detailOf(st *store.Store, id uint64) (Detail, error) {
	l, err := st.Learner(id)
	if err != nil {
		return Detail{}, err
	}
	evs, err := st.Events(id)
	if err != nil {
		return Detail{}, err
	}
	lessons := map[string]*LessonDetail{}
	var order []string
	for _, e := range evs {
		if e.Lesson == "" {
			continue
		}
		ld := lessons[e.Lesson]
		if ld == nil {
			ld = &LessonDetail{Lesson: e.Lesson, Status: store.InProgress}
			lessons[e.Lesson] = ld
		}
		order = slices.DeleteFunc(order, func(s string) bool { return s == e.Lesson })
		order = append(order, e.Lesson)
		ld.Last = e.At
		ld.Total += e.Elapsed
		if e.Kind == store.LessonDone {
			ld.Status = store.Done
			continue
		}
		if e.Step == "" {
			continue
		}
		i := slices.IndexFunc(ld.Steps, func(s StepDetail) bool { return s.Step == e.Step })
		if i < 0 {
			ld.Steps = append(ld.Steps, StepDetail{Step: e.Step, Index: e.StepIndex})
			i = len(ld.Steps) - 1
		}
		sd := &ld.Steps[i]
		sd.Time += e.Elapsed
		switch e.Kind {
		case store.Answered:
			sd.Attempts++
			if e.Correct {
				sd.Done = true
				break
			}
			sd.Misses++
			if sd.Mistakes == nil {
				sd.Mistakes = map[string]int{}
			}
			sd.Mistakes[cmp.Or(e.Mistake, "wrong")]++
		case store.HintShown:
			sd.Hints++
		case store.StepDone:
			sd.Done = true
		}
	}
	d := Detail{Learner: l}
	d.Learner.PINHash = nil // never leaves the data file
	for i := len(order) - 1; i >= 0; i-- {
		ld := lessons[order[i]]
		slices.SortFunc(ld.Steps, func(a, b StepDetail) int { return cmp.Compare(a.Index, b.Index) })
		d.Lessons = append(d.Lessons, *ld)
	}
	return d, nil
}

// Local is the dashboard's source on a shared laptop without a hub: the
// learners of the local data file.
type Local struct {
	St  *store.Store
	Now func() time.Time
}

// Snapshot lists the laptop's learners.
func (l Local) Snapshot(context.Context) (Snapshot, error) {
	now := time.Now()
	if l.Now != nil {
		now = l.Now()
	}
	rows, err := rowsFrom(l.St, nil, now)
	return Snapshot{At: now, Rows: rows}, err
}

// Detail is one learner's steps.
func (l Local) Detail(_ context.Context, id uint64) (Detail, error) { return detailOf(l.St, id) }

// Send can only reset a PIN, rename, merge or erase learners: there are
// no kiosks to reach.
func (l Local) Send(_ context.Context, c Command) error {
	switch c.Kind { // rights.go
	case CmdErase:
		return eraseOn(l.St, c.To)
	case CmdRename:
		return renameOn(l.St, c)
	case CmdMerge:
		return mergeOn(l.St, c)
	}
	if c.Kind != CmdResetPIN {
		return ErrNotLive
	}
	_, id, ok := strings.Cut(c.To, "/")
	if !ok {
		return errors.New("which learner?")
	}
	var n uint64
	for _, ch := range id {
		if ch < '0' || ch > '9' {
			return errors.New("which learner?")
		}
		n = n*10 + uint64(ch-'0')
	}
	return l.St.SetPIN(n, "")
}

// Live is false: nothing reaches other laptops.
func (Local) Live() bool { return false }

// clean makes every text of a snapshot from another machine safe for a
// terminal (a hub cleans what it stores; a dashboard does not rely on it).
func (s Snapshot) clean() Snapshot {
	for i := range s.Rows {
		r := &s.Rows[i]
		r.Name = safetext.Text(r.Name, MaxName)
		if r.Present != nil {
			p := cleanPresence(*r.Present)
			r.Present = &p
		}
	}
	for i := range s.Waiting {
		s.Waiting[i].Name = safetext.Text(s.Waiting[i].Name, MaxName)
		s.Waiting[i].Laptop = safetext.Text(s.Waiting[i].Laptop, 8)
		s.Waiting[i].ID = safetext.Text(s.Waiting[i].ID, 32)
	}
	s.Code = safetext.Text(s.Code, 16)
	s.Fingerprint = safetext.Text(s.Fingerprint, 16)
	s.Announce = safetext.Text(s.Announce, 300)
	s.Lessons = cleanPublished(s.Lessons)
	if s.Restored != nil {
		r := *s.Restored
		r.KeptAt = safetext.Text(r.KeptAt, 300)
		s.Restored = &r
	}
	return s
}
