package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"aula/i18n"
	"aula/lessons"
	"aula/lessons/kinds/browser"
	"aula/lessons/kinds/chat"
	"aula/lessons/kinds/files"
)

// The paths of issue 16 by mouse alone: in each, the first lesson whose
// steps are all read, choose, browser, chat or files steps is played with
// clicks on what the screen shows (English, 120×40; the keyboard walks of
// the same paths are TestE2EFindingTheRightWebsiteItinerary and
// TestE2ELargeHighContrastAt80x24). What is clicked comes from the lesson
// file and the judge's own way through the step, so a lesson that is
// rewritten is still played; the stored outcome says each lesson is done.
func TestE2ENewPathsWithTheMouse(t *testing.T) {
	tm := newTmux(t)
	bin := aulaBinary(t)
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	cat := lib.Catalog("en")
	words := i18n.New("en")
	for _, path := range []string{"buscar-en-internet", "dinero-estafas", "despues-de-solicitar", "archivos-documentos"} {
		t.Run(path, func(t *testing.T) {
			tm.t = t
			l := mouseLesson(t, cat, itineraryOf(t, cat, path))
			t.Logf("%s by mouse: %s", path, l.ID)
			data, logs := t.TempDir(), t.TempDir()
			name := "mouse-" + path
			t.Cleanup(func() {
				if b, err := os.ReadFile(filepath.Join(logs, name+".stderr")); t.Failed() && err == nil && len(b) > 0 {
					t.Logf("stderr of the kiosk:\n%s", b)
				}
			})
			tm.startArgs(name, 120, 40, logs, bin, "--data", data, "--lang", "en", "--lesson", l.ID)
			tm.waitFor(name, "Aula")
			tm.signUp(name, "Pepa")
			for i, st := range l.Steps() {
				tm.waitFor(name, fmt.Sprintf("Step %d of %d", i+1, len(l.Steps())))
				clickStep(t, tm, name, words, st)
				if _, read := st.Exercise.(*lessons.Read); !read {
					tm.waitFor(name, "✔ Well done!")
				}
				tm.click(name, "[ Go on ]")
			}
			tm.waitFor(name, "Lesson finished!", l.Title)
			tm.quitAs(name, logs, "Do you want to leave?", "Close Aula")
			if r := reportRows(t, bin, data)[l.ID]; len(r) < 4 || r[3] != "done" {
				t.Errorf("report row for %s = %q, want done", l.ID, r)
			}
		})
	}
}

// mouseLesson is the first lesson of it that clickStep can play.
func mouseLesson(t *testing.T, cat *lessons.Catalog, it *lessons.Itinerary) *lessons.Lesson {
	t.Helper()
	for _, id := range it.LessonIDs {
		l, _ := cat.Lesson(id)
		if !slices.ContainsFunc(l.Steps(), func(s *lessons.Step) bool { return !mousePlays(s) }) {
			return l
		}
	}
	t.Fatalf("no lesson of %s can be played by mouse here: teach clickStep its steps", it.ID)
	return nil
}

// mousePlays says whether clickStep knows the way through s.
func mousePlays(s *lessons.Step) bool {
	switch x := s.Exercise.(type) {
	case *lessons.Read, *lessons.Choose:
		return true
	case *browser.Browser:
		a := x.Sample()
		return len(a.Downloaded) == 0 && len(a.Saved) == 0
	case *chat.Chat:
		a := x.Solution().(chat.Answer)
		return len(a.Replies) == 0 && len(a.Links) == 0 && len(a.Confirmed) == 0 &&
			len(a.Opened)+len(a.Called)+len(a.Blocked)+len(a.Deleted)+len(a.Refused) > 0
	case *files.Files:
		a := x.Sample()
		return a.Chosen != "" && len(a.Where) == 0 && len(a.Names) == 0 && len(a.Made) == 0 && len(a.Sorted) == 0
	}
	return false
}

// clickStep answers a step with the mouse, the right way.
func clickStep(t *testing.T, tm *tmuxServer, name string, words *i18n.Catalog, st *lessons.Step) {
	t.Helper()
	switch x := st.Exercise.(type) {
	case *lessons.Read:
	case *lessons.Choose:
		for _, o := range x.Options {
			if o.Correct {
				tm.click(name, shortText(o.Text))
			}
		}
		tm.click(name, "[ Check ]")
	case *browser.Browser:
		a := x.Sample()
		look := func(id string) string {
			b, _ := x.Block(id)
			text := shortText(b.Link + b.Button)
			tm.click(name, text) // the first click shows where it goes
			tm.waitFor(name, x.Target(b))
			return text
		}
		for _, id := range a.Inspected {
			if !slices.Contains(a.Followed, id) {
				look(id)
			}
		}
		for _, id := range a.Followed {
			tm.click(name, look(id)) // the second click follows it
		}
	case *chat.Chat:
		clickChat(t, tm, name, words, x)
	case *files.Files:
		a := x.Sample()
		for _, f := range x.Folders {
			for _, fl := range f.Files {
				if fl.ID == a.Chosen {
					if f.ID != x.Start {
						tm.click(name, f.Name)
					}
					tm.click(name, fl.Name)
				}
			}
		}
		tm.click(name, "[ "+words.T("files_btn_choose")+" ]")
	default:
		t.Fatalf("step %s: no way to click a %T", st.ID, st.Exercise)
	}
}

// clickChat opens each conversation of the judge's solution from the list
// and presses the button of what is to be done there.
func clickChat(t *testing.T, tm *tmuxServer, name string, words *i18n.Catalog, x *chat.Chat) {
	t.Helper()
	a := x.Solution().(chat.Answer)
	type act struct{ chat, button string }
	var acts []act
	for _, id := range a.Opened {
		acts = append(acts, act{id, ""})
	}
	for _, group := range []struct {
		ids    []string
		button string
	}{{a.Called, "chat_call"}, {a.Blocked, "chat_block"}, {a.Deleted, "chat_delete"}} {
		for _, id := range group.ids {
			acts = append(acts, act{id, words.T(group.button)})
		}
	}
	for _, id := range a.Refused {
		acts = append(acts, act{id, x.Conversation(id).Request.Refuse})
	}
	open := ""
	for _, ac := range acts {
		c := x.Conversation(ac.chat)
		if open != ac.chat {
			if open != "" {
				tm.click(name, "[ "+words.T("chat_back")+" ]")
				tm.waitFor(name, words.T("chat_title"))
			}
			tm.click(name, c.Name)
			open = ac.chat
			tm.waitUntil(name, c.Name+" open", func(scr string) bool {
				return strings.Contains(scr, "[ "+words.T("chat_back")+" ]")
			})
		}
		if ac.button != "" {
			tm.click(name, "[ "+ac.button+" ]")
		}
	}
}

// shortText is the start of a text, short enough not to be cut by the
// screen's wrapping.
func shortText(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 28)])
}
