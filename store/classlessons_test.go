package store

import (
	"errors"
	"testing"
)

func TestClassLessonsKeptAndForgotten(t *testing.T) {
	st, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.ClassLessons(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a fresh file has no class lessons: %v", err)
	}
	want := ClassLessons{URL: "https://192.0.2.1:7420", Data: []byte(`{"version":"x"}`)}
	if err := st.SetClassLessons(want); err != nil {
		t.Fatal(err)
	}
	got, err := st.ClassLessons()
	if err != nil || got.URL != want.URL || string(got.Data) != string(want.Data) {
		t.Fatalf("got %+v, %v; want %+v", got, err, want)
	}
	if err := st.SetClassLessons(ClassLessons{}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ClassLessons(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("forgotten class lessons are still there: %v", err)
	}
}
