package tui

import (
	"aula/classroom/discovery"
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"aula/classroom"
	"aula/store"
	"aula/tui/player"
	"aula/tui/ui"
)

// fakeClass stands in for the syncer: it keeps what the kiosk hands it.
type fakeClass struct {
	presence []classroom.Presence
	kicks    int
	url      string
	token    string
}

func (f *fakeClass) SetPresence(p classroom.Presence) { f.presence = append(f.presence, p) }
func (f *fakeClass) Kick()                            { f.kicks++ }
func (f *fakeClass) SetClass(url, token string)       { f.url, f.token = url, token }
func (f *fakeClass) last() classroom.Presence         { return f.presence[len(f.presence)-1] }

func newClassDriver(t *testing.T, lang string, cfg Config) (*driver, *fakeClass) {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	f := &fakeClass{}
	cfg.Lang, cfg.Class = lang, f
	return newDriverWith(t, st, cfg), f
}

func TestCallTheTrainerAndBeSeen(t *testing.T) {
	d, f := newClassDriver(t, "es", Config{Joined: "http://10.0.0.1:7420"})
	d.signUp("Rosa")
	d.must("F4 pedir ayuda", "Sin conexión con la clase")
	if p := f.last(); p.Name != "Rosa" || p.Screen != "home" || p.Help {
		t.Fatalf("presence at home: %+v", p)
	}
	d.send(classroom.StatusMsg{State: classroom.Connected})
	d.must("● En clase")
	d.mustNot("Sin conexión")

	d.keys("enter") // the first lesson
	d.keys("f4")
	d.must("✋ Has pedido ayuda. Espera un momento.", "F4 ya no necesito ayuda")
	p := f.last()
	if !p.Help || p.Screen != "lesson" || p.Lesson == "" || p.Step == "" {
		t.Fatalf("presence with the hand up: %+v", p)
	}
	d.clock.Advance(3 * 60e9)
	d.must("Has pedido ayuda hace 3 minutos.")
	// The event is recorded (and the syncer nudged), without a lesson's text.
	evs, _ := d.st.Events(d.m.c.Learner.ID)
	if last := evs[len(evs)-1]; last.Kind != store.HelpAsked || last.Lesson != p.Lesson {
		t.Errorf("last event: %+v", last)
	}
	if f.kicks == 0 {
		t.Error("the syncer was not told about new events")
	}

	// An acknowledgement for someone else changes nothing; for Rosa it does.
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdAckHelp, To: classroom.Target(d.st.DeviceID(), 99)}})
	d.mustNot("ya viene")
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdAckHelp, To: classroom.Target(d.st.DeviceID(), d.m.c.Learner.ID)}})
	d.must("✋ La persona formadora ya viene.")
	if !f.last().HelpSeen {
		t.Error("presence does not say the help was seen")
	}
	d.keys("f4")
	d.mustNot("✋")
	if f.last().Help {
		t.Error("the hand is still up in the presence")
	}
	evs, _ = d.st.Events(d.m.c.Learner.ID)
	if evs[len(evs)-1].Kind != store.HelpCancelled {
		t.Errorf("last event: %+v", evs[len(evs)-1])
	}
}

func TestTrainerPausesMessagesAndSendsToALesson(t *testing.T) {
	d, _ := newClassDriver(t, "en", Config{Joined: "http://10.0.0.1:7420"})
	d.signUp("Ana")
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdPause, Text: "Eyes on me, please"}})
	d.must("One moment, please", "Eyes on me, please")
	d.keys("down", "enter", "q", "f4")
	d.must("Eyes on me, please")
	if d.quit || d.m.class.hand.up {
		t.Fatal("keys worked during the pause")
	}
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdResume}})
	d.mustNot("Eyes on me")
	d.must("Hello, Ana")

	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdMessage, Text: "Well done, everyone!"}})
	d.must("Message from the trainer", "Well done, everyone!")
	d.keys("enter")
	d.mustNot("Well done")

	// Sent to a lesson: only the learner it is for goes there.
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdGoLesson, Lesson: "teclado", To: "0000000000000000/1"}})
	if _, ok := d.m.scr.(*player.Player); ok {
		t.Fatal("a command for another laptop opened a lesson")
	}
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdGoLesson, Lesson: "teclado"}})
	if p := d.player(); p.Lesson.ID != "teclado" {
		t.Fatalf("opened %s", p.Lesson.ID)
	}
	// A lesson this kiosk does not have is ignored, not a crash.
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdGoLesson, Lesson: "no-such-lesson"}})
	d.player()
}

func TestTrainerResetsThePIN(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	pepe, err := st.AddLearner("Pepe", "1234")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Rosa", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverWith(t, st, Config{Lang: "es", Class: &fakeClass{}})
	d.keys("down", "enter") // Rosa
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdResetPIN, To: classroom.Target(st.DeviceID(), pepe.ID)}})
	if l, _ := st.Learner(pepe.ID); !l.HasPIN() {
		t.Fatal("a reset for Pepe, received on Rosa's session, ran")
	}
}

// The join screen against a real hub on loopback: wrong code, then right.
func TestJoinTheClass(t *testing.T) {
	hubStore := openStore(t, t.TempDir())
	defer hubStore.Close()
	hub, err := classroom.NewHub(hubStore, classroom.HubOptions{Code: "482913", TLS: classroom.TLSPlain})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(hub.Handler())
	defer srv.Close()
	found := []discovery.Found{{Name: "Aula de Marta", URL: srv.URL}}
	d, f := newClassDriver(t, "es", Config{Discover: func(context.Context) []discovery.Found { return found }})
	d.signUp("Rosa")
	d.keys("up", "enter") // the last row: join the class
	d.must("Unirme a la clase", "Nunca verá lo que escribes", "Aula de Marta")
	d.keys("enter") // take the hub found
	d.keys("111 111", "enter")
	d.must("Ese código no es el de la clase")
	for range 7 {
		d.keys("backspace")
	}
	d.keys("12", "enter")
	d.must("El código tiene 6 números")
	d.keys("backspace", "backspace", "482 913", "enter")
	d.must("Ya estás en la clase")
	if f.url != srv.URL || len(f.token) != 64 {
		t.Fatalf("syncer pointed at %q with token %q", f.url, f.token)
	}
	c, err := d.st.Class()
	if err != nil || c.URL != srv.URL || c.Token != f.token {
		t.Fatalf("stored class: %+v, %v", c, err)
	}
	if err := hubStore.CheckDevice(d.st.DeviceID(), c.Token); err != nil {
		t.Errorf("the hub does not know the token: %v", err)
	}
	d.keys("enter")
	d.must("Hola, Rosa")
}

func TestJoinBadAddressAndUnreachable(t *testing.T) {
	d, _ := newClassDriver(t, "en", Config{})
	d.signUp("Ana")
	d.keys("up", "enter")
	d.keys("enter", "123456", "enter")
	d.must("That address does not look right")
	d.keys("127.0.0.1:1", "enter", "enter") // the code is still there
	d.must("We cannot find the class at that address")
	d.keys("esc")
	d.must("Hello, Ana")
}

// aula --hub URL: after sign-in the join screen opens with the address.
func TestHubFlagOpensTheJoinScreen(t *testing.T) {
	d, _ := newClassDriver(t, "en", Config{HubURL: "http://192.168.1.10:7420"})
	d.signUp("Ana")
	d.must("Join the class", "192.168.1.10:7420")
	if !strings.Contains(d.view(), "Class code") {
		t.Fatal("no code field")
	}
	// Already in that class: straight home.
	d2, _ := newClassDriver(t, "en", Config{HubURL: "http://192.168.1.10:7420", Joined: "http://192.168.1.10:7420"})
	d2.signUp("Ana")
	d2.must("Hello, Ana")
}

// What the syncer says about results the hub did not take, and about a hub
// too old for this kiosk, shows on the kiosk's status line.
func TestHeldResultsAndOldHubAreTold(t *testing.T) {
	d, _ := newClassDriver(t, "es", Config{Joined: "http://10.0.0.1:7420"})
	d.signUp("Rosa")
	d.send(classroom.StatusMsg{State: classroom.Connected})
	d.send(classroom.HeldMsg{Count: 3, Reason: classroom.ReasonClock})
	d.must("● En clase", "3 respuestas sin enviar: la fecha de este ordenador está mal")
	d.send(classroom.HeldMsg{})
	d.mustNot("sin enviar")
	d.send(classroom.StatusMsg{State: classroom.HubTooOld})
	d.must("necesita un Aula más nuevo")
	d.mustNot("● En clase")
}

// F4 outside a class told a learner at home "please wait a moment": nobody
// would come. It now says so and what to do instead, and records nothing.
func TestCallTheTrainerOutsideAClass(t *testing.T) {
	for _, joined := range []bool{false, true} {
		var d *driver
		if joined {
			d, _ = newClassDriver(t, "en", Config{}) // a class link, but never joined
		} else {
			d = newDriver(t, "en")
		}
		d.signUp("Rosa")
		d.keys("f4")
		d.must("You're not in a class", "nobody would hear it", "raise your hand or call the trainer")
		d.mustNot("Please wait a moment")
		d.keys("enter")
		d.mustNot("You're not in a class", "✋")
		evs, _ := d.st.Events(d.m.c.Learner.ID)
		for _, e := range evs {
			if e.Kind == store.HelpAsked {
				t.Errorf("joined=%v: a call for help was recorded with no class to send it to", joined)
			}
		}
	}
}

// With the hub out of reach, a raised hand says it will be sent when the
// class is back, not "wait a moment".
func TestCallTheTrainerWhileTheHubIsDown(t *testing.T) {
	d, _ := newClassDriver(t, "es", Config{Joined: "http://10.0.0.1:7420"})
	d.signUp("Rosa")
	d.must("Sin conexión con la clase")
	d.keys("f4")
	d.must("✋ Has pedido ayuda. Se avisará al volver la conexión.")
	d.mustNot("Espera un momento")
	d.send(classroom.StatusMsg{State: classroom.Connected})
	d.must("✋ Has pedido ayuda. Espera un momento.")
}

// After the hub refused this laptop, the join screen forgot the remembered
// address and the learner had to type it again.
func TestJoinAgainAfterRefusedKeepsTheAddress(t *testing.T) {
	d, _ := newClassDriver(t, "en", Config{Joined: "https://10.0.0.7:7420"})
	d.signUp("Rosa")
	d.send(classroom.StatusMsg{State: classroom.Refused})
	d.send(ui.OpenJoinMsg{})
	d.must("10.0.0.7:7420")
}
