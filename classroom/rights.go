package classroom

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"aula/store"
)

// Erasing a learner through the class (issue 17, part 5). Two ways in, each
// with the credential of the one who may ask:
//
//   - a kiosk erased one of its own learners (behind the trainer PIN, or at
//     the hub's command): it sends PathErase with its device token and the
//     learners' tokens (store.ErasureToken). The hub matches a token only
//     among that laptop's learners, so a laptop can never erase another's.
//   - the trainer erases from the dashboard: the command CmdErase, with the
//     trainer key like every trainer command. The hub erases its copy at
//     once and passes the command on; the learner's kiosk erases its own
//     record when it hears it, and its erasure comes back as a token.
//
// Either way the hub remembers the token, so a push that still carries the
// learner (a laptop that was offline) is confirmed and dropped.

// PathErase is where a kiosk asks the hub to erase its learners.
const PathErase = "/api/v1/erase" // POST EraseRequest -> EraseResponse (device)

// CmdErase erases the learner To from the hub and from their laptop.
const CmdErase CommandKind = "erase"

// CmdRename gives the learner To the name Text, on their laptop (the hub
// takes it with the next push) or, for "local/id", on the hub's laptop.
const CmdRename CommandKind = "rename"

// CmdMerge joins the learner To into the learner named by Text (both of
// one laptop: "device/id"), on that laptop, or on the hub's for "local/".
// The laptop's erasure of To and its push of the moved events bring the
// hub's copy along (store.MergeLearners).
const CmdMerge CommandKind = "merge"

// forOne says whether a command names one learner or laptop.
func (k CommandKind) forOne() bool {
	switch k {
	case CmdAckHelp, CmdResetPIN, CmdErase, CmdRename, CmdMerge:
		return true
	}
	return k.forHub()
}

// MaxErase is the most learners one erase request names.
const MaxErase = MaxLearners

// EraseRequest names learners of the asking laptop by token.
type EraseRequest struct {
	Learners []string `json:"learners"`
}

// EraseResponse says how many of them the hub held (and erased).
type EraseResponse struct {
	Erased int `json:"erased"`
}

// erase is PathErase: a laptop's own learners, by token.
func (h *Hub) erase(w http.ResponseWriter, r *http.Request, dev string) {
	var req EraseRequest
	if err := decodeJSON(r.Body, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if len(req.Learners) == 0 || len(req.Learners) > MaxErase {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("name 1 to %d learners", MaxErase))
		return
	}
	n, err := h.st.EraseFromDevice(dev, req.Learners)
	if errors.Is(err, store.ErrBadEvent) {
		writeError(w, http.StatusBadRequest, "an erasure token has 32 hex characters")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the hub could not erase: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, EraseResponse{Erased: n})
}

// eraseOn erases the learner a CmdErase names from st: a learner of
// another laptop ("device/id") by token, as that laptop would ask, or one
// of this laptop ("local/id").
func eraseOn(st *store.Store, to string) error {
	dev, id, err := splitTarget(to)
	if err != nil {
		return err
	}
	if dev == "local" {
		_, err := st.EraseLearner(id)
		return err
	}
	return st.EraseForTrainer(dev, id) // waits for the laptop (PollResponse.Erase)
}

// rights adds to a poll's answer what the laptop must carry out: the
// trainer's erasures of its learners it has not confirmed, and the
// centre's retention.
func (h *Hub) rights(resp *PollResponse, dev string) {
	resp.Erase, _ = h.st.PendingErasures(dev)
	if c, err := h.st.Centre(); err == nil {
		resp.Retain = &c.RetainMonths
	}
}

// fromHub carries out what the hub's answer asks of this laptop: the
// trainer's erasures (the screen hears them, to sign the learner out; the
// hub hears them done at once), and the centre's retention, kept for the
// next start (store.Centre.ClassRetain).
func (s *Syncer) fromHub(ctx context.Context, c *Client, r PollResponse) {
	if m := r.Retain; m != nil && *m >= 0 && *m <= MaxRetain {
		if ct, err := s.st.Centre(); err == nil && (ct.ClassRetain == nil || *ct.ClassRetain != *m) {
			ct.ClassRetain = m
			_ = s.st.SaveCentre(ct)
		}
	}
	var toks []string
	for _, id := range r.Erase[:min(len(r.Erase), MaxErase)] {
		_, _ = s.st.EraseLearner(id) // gone already is as good
		s.deliver(Command{Kind: CmdErase, To: Target(s.st.DeviceID(), id)})
		toks = append(toks, store.ErasureToken(s.st.DeviceID(), id))
	}
	if len(toks) > 0 {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		_, _ = c.Erase(rctx, toks) // else again at the next answer
	}
}

// MaxRetain is the longest retention, in months, a kiosk takes from a hub.
const MaxRetain = 120

// Erase asks the hub to erase learners of this laptop by token.
func (c *Client) Erase(ctx context.Context, tokens []string) (EraseResponse, error) {
	var r EraseResponse
	err := c.do(ctx, http.MethodPost, PathErase, EraseRequest{Learners: tokens}, &r)
	return r, err
}

// sendErasures tells the hub of this laptop's erasures before any push,
// so that events of a merged learner, pushed again, find the copy gone.
// A hub of an older Aula does not know the route: they wait for a newer one.
func (s *Syncer) sendErasures(ctx context.Context, c *Client) error {
	toks, err := s.st.ErasuresToSend()
	if err != nil || len(toks) == 0 {
		return err
	}
	toks = toks[:min(len(toks), MaxErase)]
	rctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if _, err := c.Erase(rctx, toks); err != nil {
		var he *HubError
		if errors.As(err, &he) && he.Status == http.StatusNotFound {
			return nil
		}
		return err
	}
	return s.st.ErasuresSent(toks)
}

// splitTarget reads a command's To: "device/id" or "local/id".
func splitTarget(to string) (string, uint64, error) {
	dev, idText, ok := strings.Cut(to, "/")
	id, err := strconv.ParseUint(idText, 10, 64)
	if !ok || err != nil {
		return "", 0, errors.New("which learner? say device/id")
	}
	return dev, id, nil
}

// renameOn renames a learner of st's own laptop ("local/id"); for another
// laptop's learner it only checks the name: the kiosk renames.
func renameOn(st *store.Store, c Command) error {
	dev, id, err := splitTarget(c.To)
	if err != nil {
		return err
	}
	if err := store.CheckName(c.Text); err != nil {
		return err
	}
	if dev == "local" {
		return st.RenameLearner(id, c.Text)
	}
	return nil
}

// erasedAtHub erases here the learners the class erased (the trainer's
// CmdErase this laptop missed: it was away, or the hub restarted since).
// Only ids of this push's learners can come back, and only the hub this
// laptop joined sends them.
func (s *Syncer) erasedAtHub(ids []uint64) {
	for _, id := range ids {
		_, _ = s.st.EraseLearner(id) // gone already is as good
	}
}

// mergeOn checks a CmdMerge and carries it out on st when both learners
// are of st's own laptop ("local/").
func mergeOn(st *store.Store, c Command) error {
	dev, from, err := splitTarget(c.To)
	if err != nil {
		return err
	}
	into, to, err := splitTarget(c.Text)
	if err != nil || into != dev || to == from {
		return errors.New("merge two learners of one laptop: say device/id of the one to keep")
	}
	if dev == "local" {
		_, err := st.MergeLearners(from, to)
		return err
	}
	return nil
}
