package store

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// An event sent twice is a duplicate; another event under a known id is a
// collision: reported, never stored over the first and never dropped
// silently. After Reissue the kiosk's event is stored too.
func TestIngestTellsDuplicatesFromCollisions(t *testing.T) {
	kiosk, hub := openTemp(t), openTemp(t)
	ana, evs := kioskEvents(t, kiosk, "Ana", 2)
	dev := kiosk.DeviceID()
	who := []RemoteLearner{{ID: ana.ID, Name: "Ana"}}
	if res, err := hub.Ingest(dev, who, evs); err != nil || res.Stored != 3 || !slices.Equal(res.Confirmed, ids(evs)) {
		t.Fatalf("first push: %+v, %v", res, err)
	}

	// The same events again, and one that says something else under the
	// id of the second: two duplicates, one collision.
	forged := evs[1]
	forged.Correct, forged.Mistake = true, ""
	batch := []Event{evs[0], forged, evs[2]}
	res, err := hub.Ingest(dev, who, batch)
	if err != nil || res.Stored != 0 || res.Duplicates != 2 ||
		!slices.Equal(res.Confirmed, []string{evs[0].ID, evs[2].ID}) || !slices.Equal(res.Collisions, []string{evs[1].ID}) {
		t.Fatalf("second push: %+v, %v", res, err)
	}
	// Times are compared as instants: another zone is the same event.
	again := evs[0]
	again.At = again.At.In(time.FixedZone("CET", 3600))
	if res, err := hub.Ingest(dev, who, []Event{again}); err != nil || res.Duplicates != 1 {
		t.Fatalf("the same event in another zone: %+v, %v", res, err)
	}

	hl, _ := hub.HubLearner(dev, ana.ID)
	got, _ := hub.Events(hl.ID)
	if len(got) != 3 || got[1].Correct {
		t.Fatalf("hub events after the collision: %+v", got)
	}

	// Inside one batch too: the second copy of an id is judged against the first.
	twice := evs[0]
	twice.ID = "00000000000000000000000000000001"
	other := twice
	other.Attempt = 9
	res, err = hub.Ingest(dev, who, []Event{twice, twice, other})
	if err != nil || res.Stored != 1 || res.Duplicates != 1 || len(res.Collisions) != 1 {
		t.Fatalf("one id three times in a batch: %+v, %v", res, err)
	}
}

// The hash covers every field of Event: one more field is a reminder to
// add it to eventHash (and each field changes the hash).
func TestEventHashCoversEveryField(t *testing.T) {
	// 21: Itinerary, Certificate and CentreKey are hashed for
	// certificate_issued events, the only ones that have them
	// (TestRecordCertificateIssued); Consent for names_consent events (below).
	if n := reflect.TypeOf(Event{}).NumField(); n != 21 {
		t.Fatalf("Event has %d fields, eventHash knows 21: add the new one to it", n)
	}
	no := Event{ID: "0123456789abcdef0123456789abcdef", Learner: 1, Kind: NamesConsent, At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	yes := no
	yes.Consent = true
	if string(eventHash("d", no)) == string(eventHash("d", yes)) {
		t.Error("a yes and a no to the names question hash alike")
	}
	cert := Event{ID: "0123456789abcdef0123456789abcdef", Learner: 1, Kind: CertificateIssued, Itinerary: "i", Certificate: "0123456789abcdef",
		At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	keyed := cert
	keyed.CentreKey = strings.Repeat("A", CentreKeyLen)
	if string(eventHash("d", cert)) == string(eventHash("d", keyed)) {
		t.Error("a certificate's key leaves the hash as it was")
	}
	score := 3
	base := Event{ID: "0123456789abcdef0123456789abcdef", Seq: 1, Learner: 1, Kind: Answered, Lesson: "l", Step: "s", StepIndex: 1, Steps: 2,
		Attempt: 1, Mistake: "m", How: "read", Advice: []string{"a"}, Elapsed: time.Second, At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	h := string(eventHash("d", base))
	for name, change := range map[string]func(*Event){
		"id": func(e *Event) { e.ID = "f" + e.ID[1:] }, "seq": func(e *Event) { e.Seq++ }, "learner": func(e *Event) { e.Learner++ },
		"kind": func(e *Event) { e.Kind = HintShown }, "lesson": func(e *Event) { e.Lesson = "x" }, "step": func(e *Event) { e.Step = "x" },
		"index": func(e *Event) { e.StepIndex++ }, "steps": func(e *Event) { e.Steps++ }, "attempt": func(e *Event) { e.Attempt++ },
		"correct": func(e *Event) { e.Correct = true }, "mistake": func(e *Event) { e.Mistake = "" }, "how": func(e *Event) { e.How = "example" },
		"score": func(e *Event) { e.Score = &score }, "advice": func(e *Event) { e.Advice = nil }, "elapsed": func(e *Event) { e.Elapsed++ }, "page": func(e *Event) { e.Page = 1 },
		"at": func(e *Event) { e.At = e.At.Add(time.Nanosecond) },
		// Moving a string's end into the next field is another event.
		"boundary": func(e *Event) { e.Lesson, e.Step = "ls", "" },
	} {
		e := base
		change(&e)
		if string(eventHash("d", e)) == h {
			t.Errorf("changing the %s leaves the hash as it was", name)
		}
	}
	if string(eventHash("e", base)) == h {
		t.Error("another device leaves the hash as it was")
	}
}

func ids(evs []Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

func TestReissue(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	a := mustRecord(t, s, Event{Learner: ana, Kind: LessonStarted, Lesson: "teclado", Steps: 3})
	b := mustRecord(t, s, Event{Learner: ana, Kind: HintShown, Lesson: "teclado", Step: "s1"})
	fresh, err := s.Reissue(b.ID)
	if err != nil || !isRandomID(fresh) || fresh == b.ID {
		t.Fatalf("Reissue = %q, %v", fresh, err)
	}
	out, _ := s.Outbox(0)
	if len(out) != 2 || out[0].ID != a.ID || out[1].ID != fresh || out[1].Seq != b.Seq || out[1].Step != "s1" {
		t.Fatalf("outbox after Reissue: %+v", out)
	}
	evs, _ := s.Events(ana)
	if len(evs) != 2 || evs[1].ID != fresh {
		t.Errorf("log after Reissue: %+v", evs)
	}
	if _, err := s.Reissue(b.ID); err == nil {
		t.Error("Reissue of an id no longer in the outbox worked")
	}
}

// A hub file of schema 2 remembered what it ingested by device and
// sequence; after migrating it knows each event by id and content, so a
// kiosk's retry is still a duplicate and a reused old id a collision.
func TestMigrateFromV2KeepsExactlyOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aula.db")
	dev := "00112233aabbccdd"
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	kioskEv := func(seq uint64, attempt int) Event {
		return Event{ID: dev + ":" + fmtU(seq), Seq: seq, Learner: 4, Kind: Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 5, Attempt: attempt, Elapsed: 3 * time.Second, At: at}
	}
	makeFixture(t, path, func(tx *bbolt.Tx) error {
		for _, m := range migrations[:2] {
			if err := m(tx); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keySchemaVersion, []byte("2")); err != nil {
			return err
		}
		// Learner 1 on the hub is learner 4 of laptop dev; learner 2 is the hub laptop's own.
		if err := tx.Bucket(bucketLearners).Put(u64(1), []byte(`{"id":1,"name":"Rosa","created":"2026-11-01T10:00:00Z","device":"`+dev+`","remote_id":4}`)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketLearners).Put(u64(2), []byte(`{"id":2,"name":"Pepa","created":"2026-11-01T10:00:00Z"}`)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketRemote).Put(append([]byte(dev), u64(4)...), u64(1)); err != nil {
			return err
		}
		for seq := uint64(1); seq <= 2; seq++ {
			e := kioskEv(seq, int(seq))
			e.Learner = 1 // the hub's id
			data, _ := json.Marshal(e)
			if err := tx.Bucket(bucketEvents).Put(key2(1, seq), data); err != nil {
				return err
			}
			if err := tx.Bucket(bucketIngested).Put(append([]byte(dev), u64(seq)...), nil); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketEvents).SetSequence(2)
	})
	var check Learner
	if err := json.Unmarshal([]byte(`{"device":"x","remote_id":4}`), &check); err != nil || check.RemoteID != 4 {
		t.Fatalf("the fixture's learner fields are not the Learner's: %+v %v", check, err)
	}

	s := openAt(t, dir)
	who := []RemoteLearner{{ID: 4, Name: "Rosa"}}
	res, err := s.Ingest(dev, who, []Event{kioskEv(1, 1), kioskEv(2, 7), kioskEv(3, 3)})
	if err != nil || res.Stored != 1 || res.Duplicates != 1 ||
		!slices.Equal(res.Confirmed, []string{dev + ":1", dev + ":3"}) || !slices.Equal(res.Collisions, []string{dev + ":2"}) {
		t.Fatalf("after migrating: %+v, %v", res, err)
	}
	if evs, _ := s.Events(1); len(evs) != 3 {
		t.Errorf("hub events for Rosa: %d, want 3", len(evs))
	}
}

func fmtU(n uint64) string { return strconv.FormatUint(n, 10) }

// What a hub decodes from the wire must never panic the id check or the
// hash, and a random id is exactly 32 lowercase hex characters.
func FuzzEventIDs(f *testing.F) {
	f.Add("00112233aabbccdd", `{"id":"00112233aabbccdd:3","seq":3}`)
	f.Add("00112233aabbccdd", `{"id":"0123456789abcdef0123456789abcdef","seq":1,"at":"2026-01-01T10:00:00+01:00"}`)
	f.Add("00112233aabbccdd", `{"id":"0123456789ABCDEF0123456789abcdef","seq":0}`)
	f.Fuzz(func(t *testing.T, device, body string) {
		var e Event
		if json.Unmarshal([]byte(body), &e) != nil {
			return
		}
		err := checkEventID(device, e)
		if err == nil && !isRandomID(e.ID) && e.ID != device+":"+fmtU(e.Seq) {
			t.Fatalf("accepted id %q of device %q seq %d", e.ID, device, e.Seq)
		}
		if isRandomID(e.ID) {
			for _, c := range e.ID {
				if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
					t.Fatalf("random id %q", e.ID)
				}
			}
		}
		if h := eventHash(device, e); len(h) != 32 {
			t.Fatalf("hash of %d bytes", len(h))
		}
		// The hash is of the instant, not of its zone.
		moved := e
		moved.At = e.At.In(time.FixedZone("X", 7200))
		if string(eventHash(device, moved)) != string(eventHash(device, e)) {
			t.Fatal("the hash depends on the time zone")
		}
	})
}
