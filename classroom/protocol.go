// Package classroom is the layer that joins laptops into a class: the hub
// (an HTTP/JSON server over its own store) that kiosks push their events
// and presence to and long-poll for the trainer's commands; the kiosk's
// sync loop; the dashboard's view of the class; and discovery on the LAN.
//
// Kiosks only make outgoing requests. Every request but joining carries a
// token: a device token (given when a laptop joins with the session code)
// or the trainer key (made when the hub first starts). No request ever
// carries what a learner typed: events hold ids and outcomes, presence
// holds where the learner is and for how long.
package classroom

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"aula/classroom/share"
	"aula/store"
)

// DefaultPort is where a hub listens unless told otherwise.
const DefaultPort = 7420

// The hub's routes.
const (
	PathJoin     = "/api/v1/join"      // POST JoinRequest -> JoinResponse, 200 or 202 waiting (no token: proves the session code)
	PathJoinWait = "/api/v1/join/wait" // POST JoinWait -> JoinResponse: a waiting laptop asks whether it was let in
	PathJoinDone = "/api/v1/join/done" // POST JoinFinish -> Joined: the kiosk's proof, the token back
	PathPush     = "/api/v1/push"      // POST PushRequest -> PushResponse (device)
	PathPresence = "/api/v1/presence"  // POST Presence -> 204 (device)
	PathCommands = "/api/v1/commands"  // GET ?after=N -> PollResponse, waits for news (device)
	PathClass    = "/api/v1/class"     // GET -> Snapshot (trainer)
	PathLearner  = "/api/v1/learner"   // GET ?id=N -> Detail (trainer)
	PathCommand  = "/api/v1/command"   // POST Command -> Command with Seq (trainer)
	PathVerify   = "/api/v1/verify"    // POST {"code"} -> a certificate's verdict (trainer; HubOptions.Verify)
)

// Headers that carry credentials.
const (
	HeaderDevice = "X-Aula-Device" // the device id; the token goes in Authorization: Bearer
)

// MaxBody is the largest request body the hub reads. A week of offline
// study is pushed in batches far below it.
const MaxBody = 1 << 20

// MaxBatch is the most events a kiosk puts in one push.
const MaxBatch = 200

// JoinRequest asks to join the class. It carries no code: the kiosk's
// share of the exchange that proves it (pake.go).
type JoinRequest struct {
	Device string `json:"device"`
	Name   string `json:"name,omitempty"`  // what the laptop calls itself, for the waiting list
	Mode   string `json:"mode"`            // how the kiosk checked the hub: ModePinned, ModeCA, ModePlain
	Nonce  []byte `json:"nonce"`           // nonceLen random bytes
	Share  []byte `json:"share"`           // the kiosk's point
	Token  string `json:"token,omitempty"` // this laptop's current token, when it joins again
}

// JoinResponse is the hub's half of the exchange (200), or, with Ticket
// set (202), word that the laptop waits for the trainer.
type JoinResponse struct {
	Share     []byte `json:"share,omitempty"`
	Confirm   []byte `json:"confirm,omitempty"` // the hub's proof that it knows the code
	Handshake string `json:"handshake,omitempty"`
	Ticket    string `json:"ticket,omitempty"` // waiting: ask again with it
	Laptop    string `json:"laptop,omitempty"` // waiting: the number to show the trainer
}

// JoinWait asks whether the trainer let a waiting laptop in.
type JoinWait struct {
	Ticket string `json:"ticket"`
}

// JoinFinish proves that the kiosk knows the code.
type JoinFinish struct {
	Handshake string `json:"handshake"`
	Confirm   []byte `json:"confirm"`
}

// Joined gives the device its token.
type Joined struct {
	Token string `json:"token"`
	Hub   string `json:"hub"` // the hub's id
}

// Limits on what a kiosk sends. Longer is refused, not cut: a kiosk of
// this version never sends more.
const (
	MaxName     = 80            // bytes of a learner's or laptop's name
	MaxID       = 64            // bytes of a lesson or step id
	MaxCount    = 1000          // step index, steps, misses
	MaxSeconds  = 7 * 24 * 3600 // on step, idle, help wait
	MaxLearners = 200           // learners of one laptop the hub keeps
)

// PushRequest carries outbox events and the learners they belong to.
type PushRequest struct {
	Learners []store.RemoteLearner `json:"learners"`
	Events   []store.Event         `json:"events"`
}

// PushResponse says, event by event, what the hub did with a push. The
// kiosk removes from its outbox only the ids in Confirmed.
type PushResponse struct {
	Stored     int       `json:"stored"`     // new events
	Duplicates int       `json:"duplicates"` // events the hub already held, the same in every field
	Confirmed  []string  `json:"confirmed"`  // ids the hub now holds (stored or duplicate)
	Refused    []Refusal `json:"refused,omitempty"`
	// Erased are learners of the push that the class erased (their ids on
	// the kiosk): the kiosk erases them too (rights.go).
	Erased []uint64 `json:"erased,omitempty"`
}

// Refusal is one event the hub did not take, and why.
type Refusal struct {
	ID     string `json:"id"`
	Reason string `json:"reason"`           // one of the Reason constants
	Detail string `json:"detail,omitempty"` // what is wrong, in words (never the value)
}

// Why the hub refuses an event of a push.
const (
	// ReasonCollision: the hub holds a different event with this id (an id
	// an older Aula made, reused after a restore or a copy). The kiosk gives
	// the event a new id and sends it again; both are kept.
	ReasonCollision = "id_collision"
	// ReasonClock: the event's time is far from the hub's clock (a laptop
	// with a wrong date). The kiosk keeps it, stops sending it for a while
	// and says so; it goes again later (the hub's clock may be the wrong
	// one), and the rest of the outbox goes on meanwhile.
	ReasonClock = "clock"
	// ReasonInvalid: a value out of sense (elapsed, step counts). A kiosk
	// of this version never sends one; it keeps the event like ReasonClock.
	ReasonInvalid = "invalid"
)

// Presence is where a kiosk is now. Durations, not times: laptops' clocks
// disagree, so the hub times presence by when it arrives.
type Presence struct {
	Learner   uint64 `json:"learner,omitempty"` // 0: nobody signed in
	Name      string `json:"name,omitempty"`
	Screen    string `json:"screen"`           // signin, home, list, lesson, summary, join
	Lesson    string `json:"lesson,omitempty"` // lesson id
	Step      string `json:"step,omitempty"`   // step id
	StepIndex int    `json:"step_index"`
	Steps     int    `json:"steps"`
	Misses    int    `json:"misses"`    // wrong answers on this step so far
	OnStep    int    `json:"on_step"`   // seconds on this step
	Idle      int    `json:"idle"`      // seconds since the last key or click
	Help      bool   `json:"help"`      // the hand is up
	HelpWait  int    `json:"help_wait"` // seconds since it went up
	HelpSeen  bool   `json:"help_seen"` // the trainer acknowledged it
}

// CommandKind says what the trainer wants a kiosk to do.
type CommandKind string

// The trainer's commands.
const (
	CmdMessage  CommandKind = "message"   // show Text
	CmdPause    CommandKind = "pause"     // cover the screen with Text until resume
	CmdResume   CommandKind = "resume"    // end the pause
	CmdGoLesson CommandKind = "go_lesson" // open Lesson
	CmdAckHelp  CommandKind = "ack_help"  // the trainer has seen the raised hand
	CmdResetPIN CommandKind = "reset_pin" // remove the learner's PIN

	// Commands for the hub itself; they never reach a kiosk.
	CmdAdmit  CommandKind = "admit"  // let the waiting laptop To in
	CmdRefuse CommandKind = "refuse" // turn the waiting laptop To away
	CmdForget CommandKind = "forget" // forget the laptop To (a device id): its token stops working

	// Help at a distance (share.go). The hub makes these itself, for the
	// share routes; they are refused on PathCommand.
	CmdShareAsk   CommandKind = "share_ask"   // Share: the id; Text: the trainer's name
	CmdSharePoint CommandKind = "share_point" // Point: where the trainer points
	CmdShareSay   CommandKind = "share_say"   // Text: a short message from the trainer
	CmdShareStop  CommandKind = "share_stop"  // the trainer stopped watching
)

func (k CommandKind) valid() bool {
	switch k {
	case CmdMessage, CmdPause, CmdResume, CmdGoLesson, CmdAckHelp, CmdResetPIN, CmdAdmit, CmdRefuse, CmdForget, CmdLessons, CmdErase, CmdRename, CmdMerge:
		return true
	}
	return false
}

// forHub says whether a command is for the hub, not the kiosks.
func (k CommandKind) forHub() bool { return k == CmdAdmit || k == CmdRefuse || k == CmdForget }

// Command is one order from the trainer. To names a learner as
// "device/learner" (their id on that laptop); empty means everyone.
type Command struct {
	Seq    uint64       `json:"seq"`
	Kind   CommandKind  `json:"kind"`
	To     string       `json:"to,omitempty"`
	Text   string       `json:"text,omitempty"`
	Lesson string       `json:"lesson,omitempty"`
	Share  string       `json:"share,omitempty"` // help at a distance (share.go): the share's id
	Point  *share.Point `json:"point,omitempty"` // CmdSharePoint
}

// MaxMessage is the longest trainer message, in bytes.
const MaxMessage = 500

// Target is the To of a command for one learner.
func Target(device string, learner uint64) string { return fmt.Sprintf("%s/%d", device, learner) }

// PollResponse brings the commands after the asked sequence number, and the
// state a kiosk that just arrived must know (the screens are paused).
type PollResponse struct {
	Hub      string    `json:"hub"` // the hub's id and start: a new value means start again from 0
	Commands []Command `json:"commands"`
	Pause    *Command  `json:"pause,omitempty"` // the pause in force, if any
	Last     uint64    `json:"last"`            // the newest command's Seq: poll after it
	// Names: the centre sends the names of the learners who say yes to
	// the region (HubOptions.Names); the kiosk asks each learner once.
	Names bool `json:"names,omitempty"`
	// Lessons is the version of the lessons folder the trainer published
	// ("" none): a kiosk with another fetches it (publish.go).
	Lessons string `json:"lessons,omitempty"`
	// Erase: this laptop's learners the trainer erased, until it confirms
	// (rights.go); Retain: the centre's retention in months (0: off).
	Erase  []uint64 `json:"erase,omitempty"`
	Retain *int     `json:"retain,omitempty"`
}

// errorBody is every error the hub answers with.
type errorBody struct {
	Error string `json:"error"`
}

// decodeJSON reads one JSON value of at most MaxBody bytes from r, refusing
// unknown fields and trailing data.
func decodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(io.LimitReader(r, MaxBody+1))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("the request is not valid JSON for this call: %w", err)
	}
	if dec.More() {
		return errors.New("the request has data after the JSON value")
	}
	return nil
}

// idleAfter is how long without input makes a learner idle on the dashboard.
const idleAfter = 3 * time.Minute

// offlineAfter is how long without presence makes a kiosk offline.
const offlineAfter = 15 * time.Second

// longOnStep is how long on one step makes a learner stuck.
const longOnStep = 8 * time.Minute

// stuckMisses is how many wrong answers on one step make a learner stuck.
const stuckMisses = 3

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, errorBody{Error: msg})
}

// PathLessons is where a kiosk fetches the lessons its class published:
// GET -> bundle.Folder (device); 404 when nothing is published.
const PathLessons = "/api/v1/lessons"
