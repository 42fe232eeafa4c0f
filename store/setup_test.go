package store

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"
)

func TestSettingsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	got, err := s.Settings()
	if err != nil || got != (Settings{}) {
		t.Fatalf("Settings of a new file = %+v, %v; want the zero value", got, err)
	}
	want := Settings{Lang: "en", Kiosk: true, Hub: "http://192.168.1.23:7420"}
	if err := s.SaveSettings(want); err != nil {
		t.Fatal(err)
	}
	closeChecked(t, s)

	s = openAt(t, dir)
	if got, err := s.Settings(); err != nil || got != want {
		t.Errorf("after reopening: %+v, %v; want %+v", got, err, want)
	}
	if err := s.SaveSettings(Settings{Lang: "es"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Settings(); got != (Settings{Lang: "es"}) {
		t.Errorf("settings are replaced, not merged: got %+v", got)
	}
}

func TestValidTrainerPIN(t *testing.T) {
	for pin, want := range map[string]bool{
		"1234": true, "12345678": true, "0000": true, "907513": true,
		"": false, "123": false, "123456789": false, "12a4": false, " 1234": false,
		"1234 ": false, "١٢٣٤": false, "１２３４": false, "12.4": false, "-123": false,
	} {
		if got := ValidTrainerPIN(pin); got != want {
			t.Errorf("ValidTrainerPIN(%q) = %v, want %v", pin, got, want)
		}
	}
}

func TestTrainerPIN(t *testing.T) {
	trainerPINCost = bcrypt.MinCost // keep the test fast; the cost is checked below
	defer func() { trainerPINCost = bcrypt.DefaultCost + 1 }()
	dir := t.TempDir()
	s := openAt(t, dir)

	if has, err := s.HasTrainerPIN(); err != nil || has {
		t.Fatalf("HasTrainerPIN of a new file = %v, %v", has, err)
	}
	if _, err := s.CheckTrainerPIN("1234"); !errors.Is(err, ErrNoTrainerPIN) {
		t.Errorf("CheckTrainerPIN with none set: %v, want ErrNoTrainerPIN", err)
	}
	for _, bad := range []string{"", "123", "123456789", "12ab"} {
		if err := s.SetTrainerPIN(bad); !errors.Is(err, ErrBadTrainerPIN) {
			t.Errorf("SetTrainerPIN(%q) = %v, want ErrBadTrainerPIN", bad, err)
		}
	}
	if has, _ := s.HasTrainerPIN(); has {
		t.Fatal("a refused PIN was kept")
	}
	if err := s.SetTrainerPIN("907513"); err != nil {
		t.Fatal(err)
	}
	for pin, want := range map[string]bool{"907513": true, "907514": false, "9075": false, "": false, "90751300": false, "x": false} {
		if ok, err := s.CheckTrainerPIN(pin); err != nil || ok != want {
			t.Errorf("CheckTrainerPIN(%q) = %v, %v; want %v", pin, ok, err, want)
		}
	}
	// A new PIN replaces the old one.
	if err := s.SetTrainerPIN("2468"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.CheckTrainerPIN("907513"); ok {
		t.Error("the old PIN still works")
	}
	if ok, _ := s.CheckTrainerPIN("2468"); !ok {
		t.Error("the new PIN does not work")
	}
	closeChecked(t, s)

	// Stored hashed: the digits are nowhere in the file, the hash is bcrypt.
	raw, err := os.ReadFile(dir + "/" + FileName)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("2468")) || bytes.Contains(raw, []byte("907513")) {
		t.Error("the data file holds a trainer PIN in clear")
	}
	s = openAt(t, dir)
	if has, _ := s.HasTrainerPIN(); !has {
		t.Error("the trainer PIN is gone after reopening")
	}
}

func TestTrainerPINCostIsSlow(t *testing.T) {
	if trainerPINCost < bcrypt.DefaultCost+1 {
		t.Errorf("trainerPINCost = %d: the trainer PIN guards the kiosk, keep it at least %d", trainerPINCost, bcrypt.DefaultCost+1)
	}
	s := openTemp(t)
	if err := s.SetTrainerPIN("4321"); err != nil {
		t.Fatal(err)
	}
	var hash []byte
	_ = s.db.View(func(tx *bbolt.Tx) error {
		hash = append(hash, tx.Bucket(bucketMeta).Get(keyTrainerPIN)...)
		return nil
	})
	if c, err := bcrypt.Cost(hash); err != nil || c != trainerPINCost {
		t.Errorf("stored hash cost = %d, %v; want %d", c, err, trainerPINCost)
	}
}

// The trainer PIN check runs in a command when the trainer closes a kiosk:
// it should take a noticeable fraction of a second (slow for guessing),
// never seconds.
func BenchmarkCheckTrainerPIN(b *testing.B) {
	s := openTemp(b)
	if err := s.SetTrainerPIN("907513"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if ok, err := s.CheckTrainerPIN("907514"); ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
