package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"gopkg.in/yaml.v3"

	"aula/lessons"
	"aula/lessons/judge"
	"aula/lessons/kinds/inbox"
	"aula/lessons/validate"
)

func keysOf(t *testing.T, lang string) map[string]bool {
	t.Helper()
	data, err := files.ReadFile("messages." + lang + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("messages.%s.yaml: %v", lang, err)
	}
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

func TestEveryLanguageHasTheSameMessages(t *testing.T) {
	ref := keysOf(t, Langs()[0])
	for _, lang := range Langs()[1:] {
		other := keysOf(t, lang)
		for k := range ref {
			if !other[k] {
				t.Errorf("messages.%s.yaml lacks %q", lang, k)
			}
		}
		for k := range other {
			if !ref[k] {
				t.Errorf("messages.%s.yaml has %q, which %s lacks", lang, k, Langs()[0])
			}
		}
	}
}

// Every message the code asks for exists: T("id") calls are found in the
// source, and ids built at run time are listed with their endings.
func TestEveryMessageUsedExists(t *testing.T) {
	ref := keysOf(t, Langs()[0])
	call := regexp.MustCompile(`\.T\("([a-z0-9_]+)"`)
	var used []string
	for _, dir := range []string{"../tui", ".."} {
		matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range matches {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range call.FindAllStringSubmatch(string(src), -1) {
				if strings.HasSuffix(m[1], "_") {
					continue // a prefix, completed at run time (below)
				}
				used = append(used, m[1])
			}
		}
	}
	// Built at run time: help_player_<kind> and verdict_<reason>.
	for _, kind := range lessons.Kinds() {
		used = append(used, "help_player_"+kind)
	}
	for _, r := range []string{"empty", "no_choice", "wrong", "missing", "order", "invalid", "right", "field"} {
		used = append(used, "verdict_"+r)
	}
	// issue 5: the inbox step's reasons, folders and form titles.
	for _, r := range []lessons.Reason{lessons.ReasonNothing, lessons.ReasonPending, lessons.ReasonNotSent, lessons.ReasonOtherMessage,
		lessons.ReasonWrongDoc, lessons.ReasonAddressNear} {
		used = append(used, "verdict_"+string(r))
	}
	for _, p := range validate.AddressProblems {
		used = append(used, "verdict_"+string(judge.AddressReason(p)))
	}
	for _, f := range []string{inbox.FolderInbox, inbox.FolderSent, inbox.FolderTrash} {
		used = append(used, "inbox_folder_"+f)
	}
	used = append(used, "inbox_compose_"+inbox.SendReply, "inbox_compose_"+inbox.SendForward)
	// Built at run time: form_err_<rule> for every rule a form field can break.
	for _, r := range validate.FormRules() {
		used = append(used, "form_err_"+r)
	}
	if len(used) < 50 {
		t.Fatalf("found only %d message ids in the source; is the pattern right?", len(used))
	}
	sort.Strings(used)
	for _, id := range used {
		if !ref[id] {
			t.Errorf("the code uses %q, which is not in the catalog", id)
		}
	}
}

func TestPluralsAndTemplates(t *testing.T) {
	es, en := New("es"), New("en")
	cases := []struct {
		c    *Catalog
		id   string
		args []any
		want string
	}{
		{es, "pin_wrong", []any{"Count", 1}, "Te queda 1 intento."},
		{es, "pin_wrong", []any{"Count", 2}, "Te quedan 2 intentos."},
		{en, "pin_wrong", []any{"Count", 1}, "You have 1 try left."},
		{en, "pin_wrong", []any{"Count", 2}, "You have 2 tries left."},
		{es, "hello", []any{"Name", "Lucía"}, "Hola, Lucía."},
		{en, "step_of", []any{"N", 3, "Total", 8}, "Step 3 of 8"},
		{es, "saved", nil, "Guardado"},
		// A message with only an "other" form, given a Count of 1.
		{es, "line_browser_prompt", []any{"Count", 1, "Look", "ver"}, "Escribe un número del 1 al 1, o ver y un número."},
		{en, "line_browser_prompt", []any{"Count", 1, "Look", "look"}, "Type a number from 1 to 1, or look and a number."},
	}
	for _, c := range cases {
		if got := c.c.T(c.id, c.args...); !strings.Contains(got, c.want) {
			t.Errorf("%s %s%v = %q, want it to contain %q", c.c.Lang(), c.id, c.args, got, c.want)
		}
	}
	if got := es.T("no_such_message"); got != "no_such_message" {
		t.Errorf("a missing message should show its id, got %q", got)
	}
}

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{
		"en_GB.UTF-8": "en", "en": "en", "EN-us": "en", "es_ES.UTF-8": "es",
		"fr_FR.UTF-8": "es", "": "es", "C": "es", "english": "es",
	} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	if got := FromEnv(); got != "en" {
		t.Errorf("LANG=en_GB: got %q", got)
	}
	t.Setenv("LANG", "C")
	if got := FromEnv(); got != "es" {
		t.Errorf("LANG=C: got %q, want the Spanish default", got)
	}
}

// The languages come from the message files: a new file is a new language,
// with the default first.
func TestLangsComeFromTheFiles(t *testing.T) {
	if len(Langs()) < 2 || Langs()[0] != Default || !slices.Contains(Langs(), "en") {
		t.Errorf("Langs() = %v, want %s first and en among them", Langs(), Default)
	}
	fsys := fstest.MapFS{
		"messages.es.yaml": {}, "messages.en.yaml": {}, "messages.pt.yaml": {}, "messages.ca.yaml": {},
		"README.md": {}, "messages.yaml": {},
	}
	if got, want := langsOf(fsys), []string{"es", "ca", "en", "pt"}; !slices.Equal(got, want) {
		t.Errorf("langsOf = %v, want %v", got, want)
	}
}

// A third language works with nothing but its file: its words and its
// plural forms.
func TestAThirdLanguageFile(t *testing.T) {
	fsys := fstest.MapFS{
		"messages.es.yaml": {Data: []byte("hello: \"Hola\"\n")},
		"messages.en.yaml": {Data: []byte("hello: \"Hello\"\n")},
		"messages.pt.yaml": {Data: []byte("hello: \"Olá\"\nlessons:\n  one: \"{{.Count}} lição\"\n  other: \"{{.Count}} lições\"\n")},
	}
	langs := langsOf(fsys)
	b, err := newBundle(fsys, langs)
	if err != nil {
		t.Fatal(err)
	}
	loc := goi18n.NewLocalizer(b, "pt")
	if s, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: "hello"}); err != nil || s != "Olá" {
		t.Errorf("pt hello = %q, %v", s, err)
	}
	for n, want := range map[int]string{1: "1 lição", 3: "3 lições"} {
		s, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: "lessons", PluralCount: n, TemplateData: map[string]any{"Count": n}})
		if err != nil || s != want {
			t.Errorf("pt lessons(%d) = %q, %v; want %q", n, s, err, want)
		}
	}
}
