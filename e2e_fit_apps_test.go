package main

import (
	"regexp"
	"strings"
	"testing"

	"aula/i18n"
	"aula/lessons"
	"aula/lessons/kinds/chat"
	"aula/lessons/kinds/files"
	"aula/lessons/kinds/inbox"
)

// The large, high-contrast walk's keys for the practice applications that
// take Tab themselves (the phone messenger, the file manager, the mail
// app's list): every button is gone to with Tab, and is pressed only once
// the screen shows the focus (▶) on it.

// focusedButton is the button a screen shows with the focus: "▶[ Call ]"
// or "▶ [ Sort: name ]".
var focusedButton = regexp.MustCompile(`▶ ?\[ ([^\]]+?) \]`)

// buttonOnScreen is any button drawn as "[ label ]".
var buttonOnScreen = regexp.MustCompile(`\[ ([^\]]+?) \]`)

// playerKey is a button that names its own key, as the player's Check
// (C) and Hint (F2) beside a practice application: the key reaches it.
var playerKey = regexp.MustCompile(`\((?:[A-Z]|F\d+)\)\s*$`)

// tabTo presses Tab until the screen shows the focus on a line matching
// want; each press waits for the screen to change. It fails after a whole
// round of the screen's controls without reaching it.
func tabTo(t *testing.T, tm *tmuxServer, name, what string, want *regexp.Regexp) string {
	t.Helper()
	scr := tm.screen(name)
	for range 30 {
		if focusedLine(scr, want) {
			return scr
		}
		before := scr
		tm.keys(name, "Tab")
		scr = tm.waitUntil(name, "Tab to move the focus towards "+what, func(now string) bool { return now != before })
	}
	t.Fatalf("Tab never put the focus on %s:\n%s", what, scr)
	return ""
}

// focusedLine says whether a line of scr has the focus mark ▶ and matches want.
func focusedLine(scr string, want *regexp.Regexp) bool {
	for _, l := range strings.Split(scr, "\n") {
		if i := strings.Index(l, "▶"); i >= 0 && want.MatchString(l[i:]) {
			return true
		}
	}
	return false
}

// buttonRe matches the focus on the button labelled label.
func buttonRe(label string) *regexp.Regexp {
	return regexp.MustCompile(`^▶ ?\[ ` + regexp.QuoteMeta(label))
}

// everyButtonTabbed goes round the screen's controls with Tab, once, and
// checks that every button on it ("[ label ]") gets the focus (▶), but for
// those that name their own key, such as "Check (C)".
func everyButtonTabbed(t *testing.T, tm *tmuxServer, name, where string) {
	t.Helper()
	scr := tm.screen(name)
	want := map[string]bool{}
	for _, m := range buttonOnScreen.FindAllStringSubmatch(scr, -1) {
		if label := strings.TrimSpace(m[1]); !playerKey.MatchString(label) {
			want[label] = true
		}
	}
	start := scr
	for range 40 {
		for _, m := range focusedButton.FindAllStringSubmatch(scr, -1) {
			delete(want, strings.TrimSpace(m[1]))
		}
		before := scr
		tm.keys(name, "Tab")
		scr = tm.waitUntil(name, where+": Tab to move the focus", func(now string) bool { return now != before })
		if scr == start {
			break
		}
	}
	if scr != start {
		t.Fatalf("%s: Tab does not come round to where it started:\n%s", where, scr)
	}
	if len(want) > 0 {
		t.Fatalf("%s: Tab never reaches the buttons %v:\n%s", where, want, scr)
	}
}

// arrowTo moves a list's cursor with ↓, then ↑, until the line with the
// focus (▶) matches want.
func arrowTo(t *testing.T, tm *tmuxServer, name, what string, want *regexp.Regexp) {
	t.Helper()
	for _, k := range []string{"Down", "Up"} {
		scr := tm.screen(name)
		for range 30 {
			if focusedLine(scr, want) {
				return
			}
			before := scr
			tm.keys(name, k)
			scr = tm.waitUntil(name, k+" to move towards "+what, func(now string) bool { return now != before })
			if focusedLine(scr, want) {
				return
			}
			if scr == before {
				break
			}
		}
	}
	t.Fatalf("the arrows never put the cursor on %s:\n%s", what, tm.screen(name))
}

// appFit answers a step of a practice application with a screen of its
// own and Tab for itself: the messenger, the file manager; false for any
// other kind.
func appFit(t *testing.T, tm *tmuxServer, name, lang string, ex lessons.Exercise) bool {
	t.Helper()
	switch ex := ex.(type) {
	case *chat.Chat:
		chatFit(t, tm, name, lang, ex)
	case *files.Files:
		filesFit(t, tm, name, lang, ex)
	default:
		return false
	}
	return true
}

// chatFit does on the phone what the judge's own Solution does: opens
// each conversation from the list with the arrows, goes to the button
// with Tab and presses it; between two, back to the list with the "←
// Chats" button. The first conversation opened has every button tried.
func chatFit(t *testing.T, tm *tmuxServer, name, lang string, ex *chat.Chat) {
	t.Helper()
	cat := i18n.New(lang)
	sol := ex.Solution().(chat.Answer)
	acts := chatActions(t, ex, sol, cat)
	if len(acts) == 0 || len(sol.Deleted)+len(sol.Refused)+len(sol.Confirmed)+len(sol.Links) > 0 {
		t.Fatalf("chat: the walk has no keys for the solution %+v", sol)
	}
	back := cat.T("chat_back")
	for i, a := range acts {
		c := ex.Conversation(a.chat)
		scr := tm.screen(name)
		fits(t, scr, "the chats", true, true)
		arrowTo(t, tm, name, c.Name, regexp.MustCompile(`^▶ `+regexp.QuoteMeta(c.Name)))
		tm.keys(name, "Enter")
		scr = tm.waitFor(name, c.Name+" · ", "["+" "+back+" ]")
		fits(t, scr, "the chat with "+c.Name, true, false)
		if i == 0 {
			everyButtonTabbed(t, tm, name, "the chat with "+c.Name)
		}
		tabTo(t, tm, name, a.label, buttonRe(a.label))
		tm.keys(name, "Enter")
		if i < len(acts)-1 {
			tabTo(t, tm, name, back, buttonRe(back))
			tm.keys(name, "Enter")
			tm.waitFor(name, cat.T("chat_list_tip"))
		}
	}
}

// filesFit does in the file manager what the judge's Sample does for the
// rules of a step that sorts and opens: the Sort button pressed until the
// list says the order, the file gone to with the arrows and opened. Every
// button of the manager is first tried with Tab.
func filesFit(t *testing.T, tm *tmuxServer, name, lang string, x *files.Files) {
	t.Helper()
	cat := i18n.New(lang)
	everyButtonTabbed(t, tm, name, "the file manager")
	for _, r := range x.Rules {
		switch r.Check {
		case "sorted":
			sorted := cat.T("files_order", "Order", cat.T("files_sort_"+r.Values[0]+"_long"))
			sort := cat.T("files_btn_sort_none")
			tabTo(t, tm, name, sort, buttonRe(sort))
			for range 3 {
				if strings.Contains(flat(tm.screen(name)), sorted) {
					break
				}
				before := tm.screen(name)
				tm.keys(name, "Enter")
				tm.waitUntil(name, "the files sorted again", func(now string) bool { return now != before })
			}
			fits(t, tm.waitFor(name, sorted), "the files "+sorted, true, true)
		case "opened":
			f, _ := x.File(r.Values[0])
			tabTo(t, tm, name, "the list of files", regexp.MustCompile(`^▶ \S+\.\w+ `))
			arrowTo(t, tm, name, f.Name, regexp.MustCompile(`^▶ `+regexp.QuoteMeta(f.Name)+` `))
			tm.keys(name, "Enter")
		default:
			t.Fatalf("files: the walk has no keys for a %s rule", r.Check)
		}
	}
}

// openFit opens the emails of the mail app's sample answer: each gone to
// with the arrows in the list, opened with Enter.
func openFit(t *testing.T, tm *tmuxServer, name string, x *inbox.Inbox) {
	t.Helper()
	a := x.Sample()
	if len(a.Sent)+len(a.Reported)+len(a.Inspected) > 0 || len(a.Opened) == 0 {
		t.Fatalf("the fit test opens emails; the step wants %+v", a)
	}
	for _, id := range a.Opened {
		m := x.Mail(id)
		subject := []rune(m.Subject)
		arrowTo(t, tm, name, m.Subject, regexp.MustCompile(regexp.QuoteMeta(string(subject[:min(len(subject), 12)]))))
		tm.keys(name, "Enter")
	}
}
