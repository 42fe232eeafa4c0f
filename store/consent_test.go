package store

import (
	"errors"
	"testing"
)

// A learner's answer to the names question is a yes or a no about no
// lesson; the last one counts, and the file says whether they were asked.
func TestNamesConsentIsTheLastAnswer(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "").ID
	if asked, yes, err := s.NamesConsent(ana); err != nil || asked || yes {
		t.Fatalf("never asked: %v, %v, %v", asked, yes, err)
	}
	mustRecord(t, s, Event{Learner: ana, Kind: NamesConsent, Consent: true})
	if asked, yes, _ := s.NamesConsent(ana); !asked || !yes {
		t.Fatalf("after a yes: asked %v, yes %v", asked, yes)
	}
	mustRecord(t, s, Event{Learner: ana, Kind: NamesConsent})
	if asked, yes, _ := s.NamesConsent(ana); !asked || yes {
		t.Fatalf("after a no: asked %v, yes %v", asked, yes)
	}
	for _, bad := range []Event{
		{Learner: ana, Kind: Answered, Lesson: "teclado", Step: "s", Consent: true},
		{Learner: ana, Kind: NamesConsent, Lesson: "teclado"},
	} {
		if _, err := s.Record(bad); !errors.Is(err, ErrBadEvent) {
			t.Errorf("%+v recorded: %v", bad, err)
		}
	}
}
