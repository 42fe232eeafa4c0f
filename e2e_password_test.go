package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"aula/lessons"
	"aula/store"
)

// The whole "Passwords and safety" itinerary, as a learner does it at the
// keyboard in tmux, in Spanish and in English: every kind of step, answered
// right, one lesson after another. At the end the data file holds outcomes
// only: none of the practice passwords typed.

// e2eWords are what the test says and types in each language.
var e2eWords = map[string]struct {
	right, summary, quit, leave string
	passwords                   []string // typed in the password steps, in order
	phrase                      []string // the words picked in the passphrase builder
}{
	"es": {"¡Bien!", "¡Lección terminada!", "¿Quieres salir?", "Salir de Aula",
		[]string{"nube tren queso piano", "silla reloj planta taza"}, []string{"nube", "tortuga", "piano", "otoño"}},
	"en": {"Well done!", "Lesson finished!", "Do you want to leave?", "Close Aula",
		[]string{"cloud train cheese piano", "chair clock plant mug"}, []string{"cloud", "tortoise", "piano", "autumn"}},
}

var (
	choiceLine = regexp.MustCompile(`^\s*(▶)?\s*([1-9]) (?:\((?:•| )\)|\[(?:x| )\]) (.+)$`)
	orderLine  = regexp.MustCompile(`^\s*(▶|⇅)?\s*([1-9])\. (.+?)\s*$`)
	sixDigits  = regexp.MustCompile(`\b(\d{6})\b`)
)

// shownChoices maps the start of each option's text to its number on screen.
func shownChoices(screen string) map[string]int {
	out := map[string]int{}
	for _, l := range strings.Split(screen, "\n") {
		if m := choiceLine.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[2])
			out[strings.TrimSpace(m[3])] = n
		}
	}
	return out
}

// numberOf finds the number of the option whose text is text, else the
// one whose text starts like it (a long option is cut on screen) with the
// most in common: "name.pdf" is not "name".
func numberOf(t *testing.T, screen, text string) int {
	t.Helper()
	best, found := 0, 0
	for shown, n := range shownChoices(screen) {
		if shown == text {
			return n
		}
		if (strings.HasPrefix(text, shown) || strings.HasPrefix(shown, text)) && len(shown) > best {
			best, found = len(shown), n
		}
	}
	if found == 0 {
		t.Fatalf("no option %q on screen:\n%s", text, screen)
	}
	return found
}

// shownOrder is the order items are shown in, and where the cursor is.
func shownOrder(screen string) (items []string, cursor int) {
	for _, l := range strings.Split(screen, "\n") {
		if m := orderLine.FindStringSubmatch(l); m != nil {
			if m[1] != "" {
				cursor = len(items)
			}
			items = append(items, strings.TrimSuffix(strings.TrimSpace(m[3]), ")"))
		}
	}
	return items, cursor
}

func TestE2EPasswordsItinerary(t *testing.T) {
	tm := newTmux(t)
	bin := aulaBinary(t)
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, lang := range []string{"es", "en"} {
		t.Run(lang, func(t *testing.T) {
			tm.t = t
			data, logs := t.TempDir(), t.TempDir()
			w := e2eWords[lang]
			cat := lib.Catalog(lang)
			itinerary := itineraryOf(t, cat, "contrasenas-seguridad")

			name := "pw-" + lang
			tm.startArgs(name, 80, 24, logs, bin, "--data", data, "--lang", lang, "--lesson", "contrasenas-fuertes")
			tm.waitFor(name, "Aula")
			tm.signUp(name, "Lucía")

			pw := 0
			tm.playItinerary(name, lang, cat, itinerary, func(l *lessons.Lesson, s *lessons.Step, scr string) {
				id := l.ID
				switch ex := s.Exercise.(type) {
				case *lessons.Scenario:
					pickChoices(t, tm, name, scr, &ex.Choose)
				case *lessons.Order:
					putInOrder(t, tm, name, ex)
				case *lessons.Password:
					text := w.passwords[pw]
					pw++
					tm.typeText(name, text)
					tm.waitFor(name, "✔ "+map[string]string{"es": "llega al objetivo", "en": "goal reached"}[lang])
					tm.keys(name, "Enter")
					if ex.Confirm {
						tm.typeText(name, text)
						tm.keys(name, "Enter")
					}
				case *lessons.Code:
					code := sixDigits.FindStringSubmatch(scr)
					if code == nil {
						t.Fatalf("no code on the phone:\n%s", scr)
					}
					tm.typeText(name, code[1])
					tm.keys(name, "Enter")
				case *lessons.Passphrase:
					buildPassphrase(tm, name, s.ID, ex, w.phrase)
				default:
					t.Fatalf("step %s/%s: no way to answer a %T", id, s.ID, ex)
				}
			})

			tm.quitAs(name, logs, w.quit, w.leave)
			tm.run("kill-session", "-t", name)

			// Outcomes only: every lesson done, scores for the password
			// steps, and none of the passwords typed.
			checkPasswordOutcomes(t, data, itinerary.LessonIDs, w.passwords)
		})
	}
}

// pickChoices marks the right options of a choose step and checks.
func pickChoices(t *testing.T, tm *tmuxServer, name, scr string, ex *lessons.Choose) {
	t.Helper()
	ticked := 0
	for _, o := range ex.Options {
		if !o.Correct {
			continue
		}
		n := numberOf(t, scr, o.Text)
		tm.keys(name, strconv.Itoa(n))
		// One digit at a time: two keys that arrive together reach the
		// kiosk as one message of 2 runes, which is not a digit.
		if ex.Multiple {
			ticked++
			tm.waitUntil(name, fmt.Sprintf("%d options ticked", ticked), func(s string) bool {
				return strings.Count(s, "[x]") == ticked
			})
		} else {
			tm.waitUntil(name, fmt.Sprintf("the cursor on option %d", n), func(s string) bool {
				return strings.Contains(s, fmt.Sprintf("▶ %d (•)", n))
			})
		}
	}
	tm.keys(name, "Enter")
}

// putInOrder moves each item to its place: go to it, Space, up, Space.
func putInOrder(t *testing.T, tm *tmuxServer, name string, ex *lessons.Order) {
	t.Helper()
	for target, it := range ex.Items {
		scr := tm.screen(name)
		items, cursor := shownOrder(scr)
		from := -1
		for i, text := range items {
			if strings.HasPrefix(it.Text, strings.TrimSuffix(text, " (moviendo")) || strings.HasPrefix(text, it.Text) {
				from = i
			}
		}
		if from < 0 {
			t.Fatalf("no item %q on screen:\n%s", it.Text, scr)
		}
		if from == target {
			continue
		}
		for ; cursor < from; cursor++ {
			tm.keys(name, "Down")
		}
		for ; cursor > from; cursor-- {
			tm.keys(name, "Up")
		}
		tm.keys(name, "Space")
		for i := from; i > target; i-- {
			tm.keys(name, "Up")
		}
		tm.keys(name, "Space")
		want := it.Text
		tm.waitUntil(name, fmt.Sprintf("%q in place %d", want, target+1), func(s string) bool {
			items, _ := shownOrder(s)
			return target < len(items) && strings.HasPrefix(want, items[target]) && !strings.Contains(s, "⇅")
		})
	}
	tm.keys(name, "Enter")
}

// buildPassphrase picks the words of phrase, in order, in the passphrase
// builder of step stepID, with the arrow keys and Space.
func buildPassphrase(tm *tmuxServer, name, stepID string, ex *lessons.Passphrase, phrase []string) {
	ch := &lessons.Choose{}
	for _, wd := range ex.Words {
		ch.Options = append(ch.Options, &lessons.Option{ID: wd.ID})
	}
	shown := ch.Shown(stepID)
	cursor := 0
	for _, want := range phrase {
		for i, o := range shown {
			if ex.WordByID(o.ID).Text == want {
				for ; cursor < i; cursor++ {
					tm.keys(name, "Right")
				}
				for ; cursor > i; cursor-- {
					tm.keys(name, "Left")
				}
				tm.keys(name, "Space")
			}
		}
	}
	tm.waitFor(name, strings.Join(phrase, " "))
	tm.keys(name, "Enter")
}

// checkPasswordOutcomes checks what data holds after the itinerary: every
// lesson done, scores for the password steps, and none of the passwords
// typed.
func checkPasswordOutcomes(t *testing.T, data string, lessonIDs, passwords []string) {
	t.Helper()
	evs := storedAfter(t, data, lessonIDs)
	scores := 0
	for _, e := range evs {
		if e.Score != nil {
			scores++
		}
	}
	if scores < 2 {
		t.Errorf("want the strength of both practice passwords stored, found %d scores", scores)
	}
	raw, err := os.ReadFile(filepath.Join(data, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range passwords {
		if strings.Contains(string(raw), secret) {
			t.Errorf("the data file holds the practice password %q", secret)
		}
	}
}
