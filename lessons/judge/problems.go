package judge

import (
	"aula/internal/lazy"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Problem is something wrong in a lesson file.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Say gives a checker's message in the trainer's language: for msgid, a
// fmt format as the code writes it in English ("unknown field %q"), the
// same format in that language, from the i18n catalogues (aula lessons
// check, lessons new, lessons preview and the hub pass one); msgid itself
// when the catalogue has none. A nil Say says English.
type Say func(msgid string) string

// Sprintf formats msgid's words in s's language with args.
func (s Say) Sprintf(msgid string, args ...any) string {
	if s != nil {
		msgid = s(msgid)
	}
	return fmt.Sprintf(msgid, args...)
}

// Problems collects the problems of one lesson file.
type Problems struct {
	File string    // the file, as problems name it: content/es/teclado.yaml
	List []Problem // in the order they were found
	Say  Say       // the trainer's language; nil: English
}

// Sprintf says msgid with args in the trainer's language (Say): for the
// parts of a message a checker builds before adding it ("step %q rule %d").
func (p *Problems) Sprintf(msgid string, args ...any) string { return p.Say.Sprintf(msgid, args...) }

// Add reports a problem at node n's line (no line when n is nil), in the
// trainer's language: format is the message's msgid (Say).
func (p *Problems) Add(n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.AddAt(line, format, args...)
}

// AddAt reports a problem at a line, in the trainer's language (Add).
func (p *Problems) AddAt(line int, format string, args ...any) {
	p.List = append(p.List, Problem{File: p.File, Line: line, Msg: p.Say.Sprintf(format, args...)})
}

// UnknownKeys reports keys of mapping n that v's struct does not have:
// a misspelt "fedback" is a mistake worth hearing about.
func (p *Problems) UnknownKeys(n *yaml.Node, v any) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	known := TypeKeys(reflect.TypeOf(v))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !known[k.Value] {
			p.Add(k, "unknown field %q", k.Value)
		}
	}
}

// Keys adds the YAML keys of v's struct type (v may be a pointer to one)
// to known, following inline fields.
func Keys(v any, known map[string]bool) {
	for k := range TypeKeys(reflect.TypeOf(v)) {
		known[k] = true
	}
}

// keysOf holds TypeKeys' answers: a type's keys never change.
var keysOf sync.Map // reflect.Type → map[string]bool

// TypeKeys returns the YAML keys of struct type t (or a pointer to one),
// following inline fields. The map is shared: callers only read it.
func TypeKeys(t reflect.Type) map[string]bool {
	if k, ok := keysOf.Load(t); ok {
		return k.(map[string]bool)
	}
	known := map[string]bool{}
	yamlKeys(t, known)
	keysOf.Store(t, known)
	return known
}

func yamlKeys(t reflect.Type, known map[string]bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")
		switch {
		case strings.Contains(f.Tag.Get("yaml"), ",inline"):
			yamlKeys(f.Type, known)
		case tag[0] != "" && tag[0] != "-":
			known[tag[0]] = true
		}
	}
}

// Child returns the value node of key in mapping n, or nil.
func Child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// Item returns element i of sequence n, or nil.
func Item(n *yaml.Node, i int) *yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return nil
	}
	return n.Content[i]
}

// Or returns n, or fallback when n is nil: the node to report a problem
// at when the field itself is missing.
func Or(n, fallback *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return fallback
}

// IDPattern is what every id in a lesson file looks like: lowercase
// letters, digits and single dashes.
var IDPattern = lazy.Regexp{Expr: `^[a-z0-9]+(-[a-z0-9]+)*$`}

// MaxID is the longest id CheckID accepts, in characters.
const MaxID = 30

// IDFault is what is wrong with an id's shape (IDShape).
type IDFault int

// What IDShape finds.
const (
	IDFine    IDFault = iota // a good id
	IDMissing                // empty
	IDBadForm                // not lowercase letters, digits and single dashes
	IDTooLong                // longer than MaxID characters
)

// IDShape checks an id's shape by the rules of CheckID (missing, not like
// IDPattern, longer than MaxID), for callers that say the problem in their
// own words (aula lessons new, in the trainer's language).
func IDShape(id string) IDFault {
	switch {
	case id == "":
		return IDMissing
	case !IDPattern.Get().MatchString(id):
		return IDBadForm
	case len(id) > MaxID:
		return IDTooLong
	}
	return IDFine
}

// CheckID reports a problem with the id of a what (a rule, a link, an
// email…) of step, at n's id: missing, not shaped like IDPattern, longer
// than MaxID characters (IDShape), or already in seen; then adds it to seen.
func (p *Problems) CheckID(n *yaml.Node, step, what, id string, seen map[string]bool) {
	at := Or(Child(n, "id"), n)
	switch IDShape(id) {
	case IDMissing:
		p.Add(n, "step %q: a %s needs an id", step, what)
	case IDBadForm:
		p.Add(at, "step %q: %s id %q should be lowercase letters, digits and dashes", step, what, id)
	case IDTooLong:
		p.Add(at, "step %q: %s id %q is longer than %d characters", step, what, id, MaxID)
	default:
		if seen[id] {
			p.Add(at, "step %q: %s id %q is used twice", step, what, id)
		}
	}
	seen[id] = true
}

// CheckRule checks what every rule of a practice application has (what
// names the rule in messages): feedback that explains the mistake, a check
// among kinds (its name → what its values are: "" takes none, a trailing
// "?" may have none) and values when the check takes them (n of them).
// It returns the check's kind of values and the node of the values; ok is
// false for an unknown check, which has nothing more to check.
func (p *Problems) CheckRule(node *yaml.Node, what, id, feedback, check string, n int, kinds map[string]string) (values string, valuesNode *yaml.Node, ok bool) {
	if strings.TrimSpace(feedback) == "" {
		p.Add(node, "%s (%s) needs feedback that explains what is missing or wrong", what, id)
	}
	values, ok = kinds[check]
	if !ok {
		names := slices.Sorted(maps.Keys(kinds))
		p.Add(Or(Child(node, "check"), node), "%s: check %q is not one of %s", what, check, strings.Join(names, ", "))
		return "", nil, false
	}
	vn := Child(node, "values")
	switch {
	case values == "" && n > 0:
		p.Add(vn, "%s: check %q takes no values", what, check)
	case values != "" && !strings.HasSuffix(values, "?") && n == 0:
		p.Add(node, "%s: check %q needs values (%s)", what, check, values)
	}
	return values, vn, true
}
