package tui

import (
	"strings"
	"testing"
	"time"

	"aula/classroom"
	"aula/classroom/share"
	"aula/tui/ui"
)

// fakeSharing is a class link that keeps the answers and frames the kiosk
// hands it.
type fakeSharing struct {
	fakeClass
	answers []share.Answer
	frames  []string
}

func (f *fakeSharing) AnswerShare(id string, allow bool) {
	f.answers = append(f.answers, share.Answer{Share: id, Allow: allow})
}
func (f *fakeSharing) ShareFrame(id, screen string, _ int) {
	f.frames = append(f.frames, id+"|"+screen)
}

func newSharingDriver(t *testing.T, lang string) (*driver, *fakeSharing) {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	f := &fakeSharing{}
	d := newDriverWith(t, st, Config{Lang: lang, Class: f, Joined: "https://10.0.0.1:7420"})
	d.signUp("Rosa")
	return d, f
}

func (d *driver) command(c classroom.Command) {
	d.t.Helper()
	if c.To == "" {
		c.To = classroom.Target(d.st.DeviceID(), d.m.c.Learner.ID)
	}
	d.send(classroom.CommandMsg{Command: c})
}

// The kiosk asks the learner; Enter on the question says no, and so does
// Esc; only "Sí, permitir" shares, and nothing is handed over before it.
func TestShareAskDefaultsToNo(t *testing.T) {
	d, f := newSharingDriver(t, "es")
	d.command(classroom.Command{Kind: classroom.CmdShareAsk, To: classroom.Target(d.st.DeviceID(), 99), Share: "s0", Text: "Ana"})
	d.mustNot("quiere ver tu pantalla")
	d.command(classroom.Command{Kind: classroom.CmdShareAsk, Share: "s1", Text: "Ana"})
	d.must("Ana, la persona formadora, quiere ver tu pantalla.", "¿Permitir?", "No podrá usar tu teclado", "▶ [ No ]", "[ Sí, permitir ]")
	d.keys("enter")
	d.mustNot("quiere ver tu pantalla", "ve tu pantalla")
	d.command(classroom.Command{Kind: classroom.CmdShareAsk, Share: "s2"})
	d.must("La persona formadora quiere ver tu pantalla.")
	d.keys("esc")
	d.keys("down", "up")
	if len(f.frames) != 0 {
		t.Fatalf("frames before any yes: %q", f.frames)
	}
	want := []share.Answer{{Share: "s1"}, {Share: "s2"}}
	if len(f.answers) != 2 || f.answers[0] != want[0] || f.answers[1] != want[1] {
		t.Fatalf("answers %+v, want %+v", f.answers, want)
	}
	d.command(classroom.Command{Kind: classroom.CmdShareAsk, Share: "s3", Text: "Ana"})
	d.keys("left", "enter")
	d.must("◉ Ana ve tu pantalla · F8: dejar de compartir")
	if n := len(f.answers); n != 3 || f.answers[2] != (share.Answer{Share: "s3", Allow: true}) {
		t.Fatalf("answers %+v", f.answers)
	}
	if len(f.frames) == 0 || !strings.HasPrefix(f.frames[len(f.frames)-1], "s3|") || !strings.Contains(f.frames[len(f.frames)-1], "Ana ve tu pantalla") {
		t.Fatalf("the first copy after yes: %q", f.frames)
	}
	// F8 stops: the answer goes, the banner goes, no more copies.
	d.keys("f8")
	d.must("Has dejado de compartir tu pantalla.")
	d.mustNot("ve tu pantalla")
	n := len(f.frames)
	d.keys("down", "up", "down")
	if len(f.frames) != n {
		t.Fatalf("%d copies after stop", len(f.frames)-n)
	}
	if last := f.answers[len(f.answers)-1]; last != (share.Answer{Share: "s3"}) {
		t.Fatalf("the stop went as %+v", last)
	}
}

// While shared: the trainer points (a mark the learner sees until their
// next key), writes, and stops; commands of another share do nothing.
func TestShareTrainerPointsWritesAndStops(t *testing.T) {
	d, f := newSharingDriver(t, "en")
	d.command(classroom.Command{Kind: classroom.CmdShareAsk, Share: "s1", Text: "Ana"})
	d.must("Ana (your trainer) wants to see your screen.")
	d.keys("left", "enter")
	d.must("◉ Ana can see your screen · F8: stop sharing")
	rows := strings.Split(d.view(), "\n")
	d.command(classroom.Command{Kind: classroom.CmdSharePoint, Share: "other", Point: &share.Point{Row: 2, Col: 5}})
	d.mustNot("»")
	d.command(classroom.Command{Kind: classroom.CmdSharePoint, Share: "s1", Point: &share.Point{Row: 2, Col: 5}})
	marked := strings.Split(d.view(), "\n")
	if !strings.Contains(marked[2], "»") || !strings.Contains(marked[2], "«") || marked[3] != rows[3] {
		t.Fatalf("the pointer is not on row 3:\n%s", d.view())
	}
	d.clock.Advance(time.Second)
	d.send(shareCopyMsg{}) // the timer between copies fires
	if last := f.frames[len(f.frames)-1]; !strings.Contains(last, "»") {
		t.Errorf("the trainer's copy does not show the pointer")
	}
	d.keys("down")
	d.mustNot("»")
	d.command(classroom.Command{Kind: classroom.CmdShareSay, Share: "s1", Text: "Press Tab to go to the next box"})
	d.must("Message from Ana", "Press Tab to go to the next box")
	d.keys("enter")
	d.command(classroom.Command{Kind: classroom.CmdShareStop, Share: "s1"})
	d.must("Ana stopped looking at your screen.")
	d.mustNot("can see your screen")
	n := len(f.frames)
	d.keys("up")
	if len(f.frames) != n {
		t.Error("a copy after the trainer stopped")
	}
}

// Signing out ends the share: the next person's screen is not shown.
func TestShareEndsAtSignOut(t *testing.T) {
	d, f := newSharingDriver(t, "es")
	d.command(classroom.Command{Kind: classroom.CmdShareAsk, Share: "s1", Text: "Ana"})
	d.keys("left", "enter")
	d.must("Ana ve tu pantalla")
	d.send(classroom.ShareEndedMsg{Share: "s1", Unreachable: true})
	d.must("No se ha podido compartir tu pantalla: la clase no responde.")
	d.mustNot("Ana ve tu pantalla")
	d.command(classroom.Command{Kind: classroom.CmdShareAsk, Share: "s2", Text: "Ana"})
	d.keys("left", "enter")
	d.must("Ana ve tu pantalla")
	d.send(ui.SignOutMsg{})
	if last := f.answers[len(f.answers)-1]; last != (share.Answer{Share: "s2"}) {
		t.Fatalf("signing out did not stop the share: %+v", f.answers)
	}
}
