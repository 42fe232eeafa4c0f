package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"go.etcd.io/bbolt"
)

func TestAddLearnerAndList(t *testing.T) {
	s := openTemp(t)
	for _, n := range []string{"bruno", "  Álvaro ", "ana", "Zoe", "Ñuño", "Nora"} {
		mustAdd(t, s, n, "")
	}
	ls, err := s.Learners()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range ls {
		names = append(names, l.Name)
		if l.ID == 0 || l.Created.IsZero() || l.HasPIN() {
			t.Errorf("learner %+v: want an id, a creation time and no PIN", l)
		}
	}
	// Case does not matter, accented letters sort with their plain ones and
	// Ñ comes after N, as in Spanish.
	if got, want := strings.Join(names, ","), "Álvaro,ana,bruno,Nora,Ñuño,Zoe"; got != want {
		t.Errorf("Learners() = %s, want %s", got, want)
	}

	l, err := s.Learner(ls[0].ID)
	if err != nil || l.Name != "Álvaro" {
		t.Errorf("Learner(%d) = %+v, %v", ls[0].ID, l, err)
	}
	if _, err := s.Learner(999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Learner(999): %v, want ErrNotFound", err)
	}
}

func TestAddLearnerRejects(t *testing.T) {
	s := openTemp(t)
	mustAdd(t, s, "Ana María", "")
	mustAdd(t, s, strings.Repeat("ñ", 30), "") // 30 runes, 60 bytes: fine

	for _, tc := range []struct {
		name string
		want error
	}{
		{"ana maría", ErrNameTaken},
		{"  ANA MARÍA\t", ErrNameTaken},
		{"", ErrBadName},
		{"   \t ", ErrBadName},
		{strings.Repeat("a", 31), ErrBadName},
		{"Ana\nMaría", ErrBadName},
		{"Ana\x00", ErrBadName},
		{"An\u0085a", ErrBadName}, // C1 control (at the ends it is trimmed as space)
		{"Ana\xff", ErrBadName},   // not UTF-8
	} {
		if _, err := s.AddLearner(tc.name, ""); !errors.Is(err, tc.want) {
			t.Errorf("AddLearner(%q): %v, want %v", tc.name, err, tc.want)
		}
	}
	ls, _ := s.Learners()
	if len(ls) != 2 {
		t.Errorf("%d learners after the rejected ones, want 2", len(ls))
	}
}

func TestPIN(t *testing.T) {
	s := openTemp(t)
	const pin = "7391"
	ana := mustAdd(t, s, "Ana", pin)
	if !ana.HasPIN() {
		t.Fatal("HasPIN() = false after AddLearner with a PIN")
	}

	for _, bad := range []string{"123", "12345", "12a4", " 1234", "١٢٣٤"} {
		if _, err := s.AddLearner("Bruno", bad); !errors.Is(err, ErrBadPIN) {
			t.Errorf("AddLearner with PIN %q: %v, want ErrBadPIN", bad, err)
		}
		if err := s.SetPIN(ana.ID, bad); !errors.Is(err, ErrBadPIN) {
			t.Errorf("SetPIN(%q): %v, want ErrBadPIN", bad, err)
		}
	}

	// The PIN is not stored in clear: not in the learner's value, not
	// anywhere in the file.
	if err := s.db.View(func(tx *bbolt.Tx) error {
		// The learner's random id may hold any digits.
		raw := bytes.ReplaceAll(tx.Bucket(bucketLearners).Get(u64(ana.ID)), []byte(fmt.Sprint(ana.ID)), nil)
		if bytes.Contains(raw, []byte(pin)) {
			t.Errorf("stored learner %s contains the PIN", raw)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if raw, err := os.ReadFile(s.Path()); err != nil {
		t.Fatal(err)
	} else if bytes.Contains(bytes.ReplaceAll(raw, []byte(fmt.Sprint(ana.ID)), nil), []byte(pin)) {
		t.Error("the data file contains the PIN in clear")
	}

	checkPIN := func(pin string, want bool) {
		t.Helper()
		ok, err := s.CheckPIN(ana.ID, pin)
		if err != nil || ok != want {
			t.Errorf("CheckPIN(%q) = %v, %v; want %v", pin, ok, err, want)
		}
	}
	checkPIN(pin, true)
	checkPIN("7392", false)
	checkPIN("", false)
	checkPIN("not a pin at all", false)

	if err := s.SetPIN(ana.ID, "0000"); err != nil {
		t.Fatal(err)
	}
	checkPIN(pin, false)
	checkPIN("0000", true)

	if err := s.SetPIN(ana.ID, ""); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.Learner(ana.ID); l.HasPIN() {
		t.Error("HasPIN() = true after SetPIN(\"\")")
	}
	checkPIN("", true) // nothing to check

	if _, err := s.CheckPIN(999, pin); !errors.Is(err, ErrNotFound) {
		t.Errorf("CheckPIN(999): %v, want ErrNotFound", err)
	}
	if err := s.SetPIN(999, pin); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetPIN(999): %v, want ErrNotFound", err)
	}
}

func TestPrefs(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "1234")
	if ana.Prefs != (Prefs{}) {
		t.Fatalf("a new learner has prefs %+v, want the defaults", ana.Prefs)
	}
	want := Prefs{Theme: "high-contrast", Large: true, Accessible: true, Speak: true}
	if err := s.SetPrefs(ana.ID, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Learner(ana.ID)
	if err != nil || got.Prefs != want {
		t.Fatalf("after SetPrefs: %+v, %v; want %+v", got.Prefs, err, want)
	}
	if ok, _ := s.CheckPIN(ana.ID, "1234"); !ok {
		t.Error("SetPrefs lost the PIN")
	}
	for _, bad := range []string{"High", "tema 1", "<script>", strings.Repeat("a", 21), "alto-contraste\n"} {
		if err := s.SetPrefs(ana.ID, Prefs{Theme: bad}); !errors.Is(err, ErrBadPrefs) {
			t.Errorf("theme %q: %v, want ErrBadPrefs", bad, err)
		}
	}
	if err := s.SetPrefs(999, want); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetPrefs(999): %v, want ErrNotFound", err)
	}
	// Back to the defaults: the record has no prefs at all, as an older
	// Aula wrote it.
	if err := s.SetPrefs(ana.ID, Prefs{}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.View(func(tx *bbolt.Tx) error {
		if raw := tx.Bucket(bucketLearners).Get(u64(ana.ID)); bytes.Contains(raw, []byte("prefs")) {
			t.Errorf("default prefs are written: %s", raw)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// A learner record written before prefs existed reads with the defaults,
// and one written with prefs keeps them: no migration is needed.
func TestPrefsInOldAndNewRecords(t *testing.T) {
	s := openTemp(t)
	records := map[uint64]string{
		7: `{"id":7,"name":"Old","created":"2026-01-05T10:00:00Z"}`,
		8: `{"id":8,"name":"New","created":"2026-01-05T10:00:00Z","prefs":{"theme":"calm","large":true}}`,
	}
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		for id, raw := range records {
			if err := tx.Bucket(bucketLearners).Put(u64(id), []byte(raw)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	old, err := s.Learner(7)
	if err != nil || old.Prefs != (Prefs{}) {
		t.Errorf("old record: %+v, %v", old, err)
	}
	nw, err := s.Learner(8)
	if err != nil || nw.Prefs != (Prefs{Theme: "calm", Large: true}) {
		t.Errorf("new record: %+v, %v", nw, err)
	}
}

// A name keeps its emoji without skin tones and joiners, whose width
// terminals disagree on (issue 19 item 13); a name of only those is empty.
func TestAddLearnerKeepsPlainEmoji(t *testing.T) {
	s := openTemp(t)
	l, err := s.AddLearner("Ana 👍🏽 👨‍👩‍👧 ❤️", "")
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "Ana 👍 👨👩👧 ❤" {
		t.Fatalf("name = %q (% x)", l.Name, l.Name)
	}
	if _, err := s.AddLearner("\u200d\U0001F3FD", ""); err != ErrBadName {
		t.Fatalf("a name of a joiner and a tone: err = %v, want ErrBadName", err)
	}
}
