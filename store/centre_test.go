package store

import (
	"strings"
	"testing"
)

func TestCentreAndItsKey(t *testing.T) {
	st := openTemp(t)
	if c, err := st.Centre(); err != nil || c != (Centre{}) {
		t.Fatalf("a new file has no centre: %+v, %v", c, err)
	}
	if err := st.SaveCentre(Centre{Name: " Centro Cívico La Almozara ", Trainer: "Begoña Ruiz"}); err != nil {
		t.Fatal(err)
	}
	c, err := st.Centre()
	if err != nil || c.Name != "Centro Cívico La Almozara" || c.Trainer != "Begoña Ruiz" {
		t.Fatalf("centre = %+v, %v", c, err)
	}
	if err := st.SaveCentre(Centre{Name: strings.Repeat("x", MaxCentreName+1)}); err == nil {
		t.Fatal("a name longer than the limit was saved")
	}
	if k, err := st.MadeCentreKey(); k != nil || err != nil {
		t.Fatalf("a key before any was made: %v, %v", k, err)
	}
	k1, err := st.CentreKey()
	if err != nil {
		t.Fatal(err)
	}
	k2, err := st.CentreKey()
	if err != nil || !k1.Equal(k2) {
		t.Fatalf("the centre key changed between two reads (%v)", err)
	}
	if k3, err := st.MadeCentreKey(); err != nil || !k1.Equal(k3) {
		t.Fatalf("MadeCentreKey = %v, %v", k3, err)
	}
	// The key is the centre's, not a learner's: it is not in any
	// learner's record (learners list and progress are unaffected).
	if ls, err := st.Learners(); err != nil || len(ls) != 0 {
		t.Fatalf("learners = %v, %v", ls, err)
	}
}
