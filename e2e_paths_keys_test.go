package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"aula/i18n"
	"aula/lessons"
	browserjudge "aula/lessons/kinds/browser"
	"aula/lessons/kinds/chat"
	"aula/lessons/kinds/files"
	"aula/lessons/kinds/form"
	"aula/lessons/kinds/inbox"
)

// The new paths played whole at the keyboard in tmux at 80×24, in Spanish
// and in English: every lesson from the first, one after another, every
// step answered with the keys the lesson's own data says lead to right
// (the options marked correct, the order of the items, the judges' Sample
// and Solution of the browser, the phone and the mail app). At the end the
// summary of the path's last lesson shows, home says the path is finished,
// and the data file holds every lesson done with every step.
// (TestE2EFindingTheRightWebsiteItinerary plays "Finding the right
// website" too, with a mistake on purpose.)
func TestE2ENewPathsByKeyboard(t *testing.T) {
	bin := aulaBinary(t)
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, lang := range []string{"es", "en"} {
		for _, id := range newPaths {
			t.Run(lang+"/"+id, func(t *testing.T) {
				data, logs := t.TempDir(), t.TempDir()
				tm := newTmux(t) // after the folders: its server ends before they go
				cat := lib.Catalog(lang)
				it := itineraryOf(t, cat, id)
				name := "keys-" + lang
				t.Cleanup(func() {
					if b, err := os.ReadFile(filepath.Join(logs, name+".stderr")); t.Failed() && err == nil && len(b) > 0 {
						t.Logf("stderr of the kiosk:\n%s", b)
					}
				})
				w := e2eWords[lang]
				tm.startArgs(name, 80, 24, logs, bin, "--data", data, "--lang", lang, "--lesson", it.LessonIDs[0])
				tm.waitFor(name, "Aula")
				tm.signUp(name, "Pepa")
				tm.playItinerary(name, lang, cat, it, func(l *lessons.Lesson, st *lessons.Step, scr string) {
					answerByKeys(t, tm, name, lang, l, st, scr)
				})
				words := i18n.New(lang)
				tm.keys(name, "Escape") // the summary's way home
				tm.waitUntil(name, "home saying the path "+it.Title+" is finished", func(scr string) bool {
					for _, line := range strings.Split(scr, "\n") {
						if strings.Contains(line, it.Title) && strings.Contains(line, "✔ "+words.T("itinerary_done")) {
							return true
						}
					}
					return false
				})
				tm.quitAs(name, logs, w.quit, w.leave)
				checkPathStored(t, data, cat, it)
			})
		}
	}
}

// answerByKeys answers a step of any kind but read and choose (which
// playItinerary answers) with the keys, as the lesson's data says is right.
func answerByKeys(t *testing.T, tm *tmuxServer, name, lang string, l *lessons.Lesson, st *lessons.Step, scr string) {
	t.Helper()
	switch ex := st.Exercise.(type) {
	case *lessons.Scenario:
		pickChoices(t, tm, name, scr, &ex.Choose)
	case *lessons.Order:
		putInOrder(t, tm, name, ex)
	case *browserjudge.Browser:
		k := browserE2EKeys[lang]
		playBrowser(t, tm, name, k.look, k.save, ex)
	case *chat.Chat:
		chatByKeys(t, tm, name, lang, ex)
	case *inbox.Inbox:
		openFit(t, tm, name, ex)
	case *files.Files:
		filesByKeys(t, tm, name, lang, ex)
	case *form.Form:
		formByKeys(t, tm, name, lang, ex)
	default:
		t.Fatalf("%s/%s: no keys yet for a %T", l.ID, st.ID, ex)
	}
}

// chatByKeys does on the phone what the judge's own Solution does, every
// kind of action: opens each conversation from the list with the arrows
// (by its place in the list), goes to the button with Tab and presses it;
// then back to the list with "← Chats" (a chat deleted goes back itself),
// but after the last, which makes the step right.
func chatByKeys(t *testing.T, tm *tmuxServer, name, lang string, ex *chat.Chat) {
	t.Helper()
	cat := i18n.New(lang)
	sol := ex.Solution().(chat.Answer)
	acts := chatActions(t, ex, sol, cat)
	if len(acts) == 0 || len(sol.Links) > 0 {
		t.Fatalf("chat: the walk has no keys for the solution %+v", sol)
	}
	back, deleted := cat.T("chat_back"), cat.T("chat_delete")
	for i, a := range acts {
		c := ex.Conversation(a.chat)
		chatAt(t, tm, name, ex, a.chat)
		tm.keys(name, "Enter")
		tm.waitFor(name, c.Name+" · ", "[ "+back+" ]")
		tabTo(t, tm, name, a.label, buttonRe(a.label))
		tm.keys(name, "Enter")
		if i == len(acts)-1 {
			return // the last action makes the step right: the verdict shows
		}
		if a.label != deleted {
			tabTo(t, tm, name, back, buttonRe(back))
			tm.keys(name, "Enter")
		}
		tm.waitFor(name, cat.T("chat_list_tip"))
	}
}

// chatAction is one press on the phone: the button labelled label in the
// conversation chat.
type chatAction struct{ chat, label string }

// chatActions are the presses that do sol, the judge's own Solution: its
// replies (offered ones), calls, blocks, approvals, refusals and deletions,
// in that order.
func chatActions(t *testing.T, ex *chat.Chat, sol chat.Answer, cat *i18n.Catalog) []chatAction {
	t.Helper()
	var acts []chatAction
	for _, r := range sol.Replies {
		c := ex.Conversation(r.Chat)
		i := slices.IndexFunc(c.Replies, func(rp *chat.Reply) bool { return rp.ID == r.Reply })
		if i < 0 {
			t.Fatalf("chat %s: the solution types a reply; the walk sends offered ones", r.Chat)
		}
		acts = append(acts, chatAction{r.Chat, c.Replies[i].Text})
	}
	for _, id := range sol.Called {
		call := "chat_call_this"
		if ex.Conversation(id).Known {
			call = "chat_call"
		}
		acts = append(acts, chatAction{id, cat.T(call)})
	}
	for _, id := range sol.Blocked {
		acts = append(acts, chatAction{id, cat.T("chat_block")})
	}
	for _, id := range sol.Confirmed {
		acts = append(acts, chatAction{id, ex.Conversation(id).Request.Confirm})
	}
	for _, id := range sol.Refused {
		acts = append(acts, chatAction{id, ex.Conversation(id).Request.Refuse})
	}
	for _, id := range sol.Deleted {
		acts = append(acts, chatAction{id, cat.T("chat_delete")})
	}
	return acts
}

// chatEntry is a conversation's line in the phone's list, with the cursor
// (▶) or not: " ▶ Dani (son) · Contact"; its last message is indented more.
var chatEntry = regexp.MustCompile(`^ (▶ |  )[^ ].* · `)

// chatAt puts the list's cursor on conversation id: the entries on screen
// are the lesson's conversations in its order, so the cursor goes from its
// place to id's with ↑ or ↓, each press waited for; the line with the
// cursor must then show id's name.
func chatAt(t *testing.T, tm *tmuxServer, name string, ex *chat.Chat, id string) {
	t.Helper()
	n := slices.IndexFunc(ex.Chats, func(c *chat.Conversation) bool { return c.ID == id })
	scr := tm.screen(name)
	cursor, entries := -1, 0
	for _, l := range strings.Split(scr, "\n") {
		if m := chatEntry.FindStringSubmatch(l); m != nil {
			if m[1] == "▶ " {
				cursor = entries
			}
			entries++
		}
	}
	if cursor < 0 || entries != len(ex.Chats) {
		t.Fatalf("the list shows %d conversations (cursor at %d), the lesson has %d:\n%s", entries, cursor, len(ex.Chats), scr)
	}
	for ; cursor != n; scr = tm.waitUntil(name, "the cursor to move towards "+ex.Chats[n].Name, func(now string) bool { return now != scr }) {
		if cursor < n {
			tm.keys(name, "Down")
			cursor++
		} else {
			tm.keys(name, "Up")
			cursor--
		}
	}
	want := regexp.MustCompile(`^▶ ` + regexp.QuoteMeta(ex.Chats[n].Name))
	if !focusedLine(tm.screen(name), want) {
		t.Fatalf("the cursor is not on %s (place %d):\n%s", ex.Chats[n].Name, n+1, tm.screen(name))
	}
}
