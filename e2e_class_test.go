package main

import (
	"errors"
	"net"
	"path/filepath"
	"regexp"
	"testing"

	"aula/store"
)

// freePort finds a port on loopback nobody listens on.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

var sessionCode = regexp.MustCompile(`Código para entrar: (\d{3} \d{3})`)

// Three terminals on one machine, as in a real session: the trainer's
// dashboard (serving the hub) and two learners' kiosks. A raised hand shows
// on the dashboard; the trainer's message shows on the kiosk; the answers
// reach the hub's data file.
func TestE2EClassroom(t *testing.T) {
	s := newTmux(t)
	bin := aulaBinary(t)
	dir := t.TempDir()
	addr := freePort(t)
	trainerData := filepath.Join(dir, "trainer")
	// A trainer PIN, so that aula trainer does not ask for one first.
	if st, err := store.Open(trainerData, store.Options{}); err != nil {
		t.Fatal(err)
	} else if err := errors.Join(st.SetTrainerPIN("2468"), st.Close()); err != nil {
		t.Fatal(err)
	}

	s.startArgs("trainer", 120, 40, dir, bin, "trainer", "--data", trainerData, "--listen", addr, "--lang", "es")
	scr := s.waitFor("trainer", "Panel de la clase", "Código para entrar:", "Todavía no ha entrado nadie")
	m := sessionCode.FindStringSubmatch(scr)
	if m == nil {
		t.Fatalf("no session code on the dashboard:\n%s", scr)
	}
	code := m[1]

	for _, k := range []struct{ session, name string }{{"rosa", "Rosa"}, {"manuel", "Manuel"}} {
		joinClassKiosk(t, s, bin, dir, addr, code, k.session, k.name)
	}
	s.waitFor("trainer", "Rosa", "Manuel", "2 personas")

	// Rosa starts a lesson, answers a step and calls the trainer.
	s.keys("rosa", "Enter")
	s.waitFor("rosa", "Paso 1 de 8")
	s.keys("rosa", "Enter")
	s.waitFor("rosa", "Paso 2 de 8")
	s.keys("rosa", "F4")
	s.waitFor("rosa", "Has pedido ayuda")
	s.waitFor("trainer", "1 pide ayuda", "Ayuda", "Cómo usar Aula · paso 2 de 8")

	// She comes first (those needing attention do); the trainer goes to the
	// top of the list, acknowledges and writes to her.
	s.keys("trainer", "Home")
	s.waitUntil("trainer", "Rosa selected at the top", func(scr string) bool {
		return regexp.MustCompile(`(?m)^\s*▶ Rosa\s+✋`).MatchString(scr)
	})
	s.keys("trainer", "a")
	s.waitFor("rosa", "La persona formadora ya viene.")
	s.keys("trainer", "m")
	s.typeText("trainer", "Voy enseguida, Rosa")
	s.keys("trainer", "Enter")
	s.waitFor("rosa", "Mensaje de la persona formadora", "Voy enseguida, Rosa")
	if scr := s.screen("manuel"); flat(scr) != "" && contains(scr, "Voy enseguida") {
		t.Fatalf("a message for Rosa reached Manuel:\n%s", scr)
	}

	// Pause everyone, then resume.
	s.keys("trainer", "P")
	s.waitFor("trainer", "Pausar")
	s.keys("trainer", "Enter")
	s.waitFor("manuel", "Un momento, por favor")
	s.keys("trainer", "P")
	s.waitUntil("manuel", "the pause to end", func(scr string) bool { return !contains(scr, "Un momento, por favor") })

	for _, k := range []string{"rosa", "manuel"} {
		if k == "rosa" {
			s.keys(k, "Enter") // close the message
		}
		s.quit(k, dir)
	}
	s.keys("trainer", "q")
	s.waitFor("trainer", "¿Cerrar el panel?")
	s.keys("trainer", "Enter")
	if code := s.waitExit("trainer", dir); code != 0 {
		t.Fatalf("the dashboard ended with %d", code)
	}

	// The hub's data file holds Rosa's answers and her call, once each.
	checkHubHoldsRosa(t, trainerData)
}

func contains(screen, s string) bool { return regexpQuote(s).MatchString(flat(screen)) }

func regexpQuote(s string) *regexp.Regexp { return regexp.MustCompile(regexp.QuoteMeta(flat(s))) }

// joinClassKiosk starts a kiosk as session on the hub at addr; name signs
// up, gives a wrong class code first, then code, and lands on the home.
func joinClassKiosk(t *testing.T, s *tmuxServer, bin, dir, addr, code, session, name string) {
	t.Helper()
	data := filepath.Join(dir, session)
	s.startArgs(session, 80, 24, dir, bin, "--data", data, "--lang", "es", "--hub", addr)
	s.waitFor(session, "¿Cómo te llamas?")
	s.typeText(session, name)
	s.keys(session, "Enter")
	s.waitFor(session, "¿Quieres un PIN?")
	s.keys(session, "Enter")
	s.waitFor(session, "Unirme a la clase", "Nunca verá lo que escribes", "Código de la clase")
	s.typeText(session, "000 000")
	s.keys(session, "Enter")
	s.waitFor(session, "Ese código no es el de la clase")
	s.keys(session, "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
	s.typeText(session, code)
	s.keys(session, "Enter")
	s.waitFor(session, "Ya estás en la clase", "Comprobación de seguridad")
	s.keys(session, "Enter")
	s.waitFor(session, "Hola, "+name, "En clase")
}

// checkHubHoldsRosa opens the hub's data file: it holds Rosa, remote, with
// one lesson begun, no event twice and one call for help.
func checkHubHoldsRosa(t *testing.T, trainerData string) {
	t.Helper()
	st, err := store.Open(trainerData, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.AllProgress()
	if err != nil {
		t.Fatal(err)
	}
	var rosa *store.LearnerProgress
	for i := range all {
		if all[i].Learner.Name == "Rosa" {
			rosa = &all[i]
		}
	}
	if rosa == nil || !rosa.Learner.Remote() || len(rosa.Lessons) != 1 || rosa.Lessons[0].StepsDone() < 1 {
		t.Fatalf("Rosa on the hub: %+v", rosa)
	}
	evs, _ := st.Events(rosa.Learner.ID)
	asked, ids := 0, map[string]bool{}
	for _, e := range evs {
		if ids[e.ID] {
			t.Errorf("event %s stored twice", e.ID)
		}
		ids[e.ID] = true
		if e.Kind == store.HelpAsked {
			asked++
		}
	}
	if asked != 1 {
		t.Errorf("help requests on the hub: %d, want 1", asked)
	}
}
