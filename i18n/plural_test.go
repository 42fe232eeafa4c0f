package i18n

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// oneFormCounts are the messages with a {{.Count}} that need no singular,
// and why. Every other message that says a count has a one and an other
// form (the catalogue's plural mechanism: a "Count" argument chooses it).
var oneFormCounts = map[string]string{
	"line_inbox_no_such_mail":  "a range: from 1 to N",
	"line_browser_prompt":      "a range",
	"line_browser_no_such":     "a range",
	"line_chat_prompt_list":    "a range",
	"line_chat_unknown":        "a range",
	"line_chat_no_link":        "a range",
	"line_browser_no_bookmark": "a range",
	"chat_notification":        "a number in brackets, no noun",
	"cert_err_two_learners":    "said only for 2 or more",
	"learners_two":             "said only for 2 or more",
	"learners_erased_backups":  "store.BackupGenerations, a constant above 1",
	"rights_erase_ask":         "store.BackupGenerations",
	"rights_erased_later":      "store.BackupGenerations",
	"rights_erased_backups":    "store.BackupGenerations",
}

// Every count said to a person is said right for 1 and for many: a
// message with {{.Count}} has a one form (besides other) in every
// language, unless oneFormCounts says why it needs none.
func TestCountsHaveTheirSingular(t *testing.T) {
	for _, lang := range Langs() {
		data, err := files.ReadFile("messages." + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for id, v := range m {
			s, single := v.(string)
			if single && strings.Contains(s, "{{.Count}}") && oneFormCounts[id] == "" {
				t.Errorf("messages.%s.yaml: %s says a count with one form only; give it one: and other:", lang, id)
			}
		}
	}
}

// The counts people read most, for 1 and for 2, in both languages.
func TestCountsForOneAndMany(t *testing.T) {
	for _, c := range []struct {
		lang, id string
		args     []any
		one, two string
	}{
		{"en", "rights_merged", []any{"From", "Begona", "Into", "Begoña"}, "Begona is joined into Begoña: 1 activity moved.", "Begona is joined into Begoña: 2 activities moved."},
		{"es", "rights_merged", []any{"From", "Begona", "Into", "Begoña"}, "Begona se ha unido a Begoña: 1 actividad ha pasado.", "Begona se ha unido a Begoña: 2 actividades han pasado."},
		{"en", "srep_from_learners", nil, "from 1 learner", "from 2 learners"},
		{"es", "srep_misses", nil, "1 fallo", "2 fallos"},
		{"en", "learners_erased", []any{"Name", "Rosa"}, "Rosa is erased from this laptop (1 event).", "Rosa is erased from this laptop (2 events)."},
		{"es", "lessons_check_ok", []any{"Langs", "es"}, "ok: 1 lección en es", "ok: 2 lecciones en es"},
		{"es", "dretain_erase", nil, "Borrar 1 persona", "Borrar 2 personas"},
	} {
		cat := New(c.lang)
		for n, want := range map[int]string{1: c.one, 2: c.two} {
			if got := cat.T(c.id, append([]any{"Count", n}, c.args...)...); got != want {
				t.Errorf("%s %s with %d: %q, want %q", c.lang, c.id, n, got, want)
			}
		}
	}
}
