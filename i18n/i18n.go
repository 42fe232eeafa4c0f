// Package i18n holds every word the app says outside the lessons, in each
// language, with plurals. Messages live in embedded YAML files, one per
// language (messages.<lang>.yaml), read through go-i18n.
package i18n

import (
	"aula/internal/lazy"
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

//go:embed messages.*.yaml
var files embed.FS

// Default is the language used when no other is asked for or known.
const Default = "es"

// Langs are the languages of the catalog, one per message file
// (messages.<lang>.yaml): the default first, then the others in
// alphabetical order. Adding a language is adding its file. The slice is
// shared: do not modify it.
func Langs() []string { return langs.Get() }

// langs is read from the embedded files on first use, not at start.
var langs = lazy.Value[[]string]{New: func() []string { return langsOf(files) }}

// langsOf lists the languages of the message files in fsys.
func langsOf(fsys fs.FS) []string {
	names, _ := fs.Glob(fsys, "messages.*.yaml")
	langs := []string{Default}
	for _, n := range names {
		l := strings.TrimSuffix(strings.TrimPrefix(n, "messages."), ".yaml")
		if l != Default && l != "" {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs[1:])
	return langs
}

// bundles holds one bundle per language, each read the first time a
// catalog of its language says something: a start that says nothing in a
// language (an error message that never comes) reads nothing, and a
// kiosk in Spanish never reads the English file.
var bundles = lazy.Value[map[string]*lazyBundle]{New: func() map[string]*lazyBundle {
	m := map[string]*lazyBundle{}
	for _, l := range Langs() {
		m[l] = &lazyBundle{lang: l}
	}
	return m
}}

type lazyBundle struct {
	lang string
	once sync.Once
	b    *goi18n.Bundle
	err  error
	// cat is the language's compiled messages, nil where it has none (the
	// bundle then reads the message file). Those that are only words (no
	// template, no plural forms: two thirds of them) are said from it as
	// they are, without go-i18n, which would make a template of each.
	cat *catalogue

	// The compiled messages with a template or plural forms are given to
	// go-i18n when they are first said: it parses a message's templates
	// when it is given one, and a start says a handful of the 600. mu
	// guards given and b's messages (a go-i18n Bundle must not be given a
	// message while it is read).
	mu    sync.Mutex
	given []bool // by place in cat
	tag   language.Tag
}

// catalogue is a language's compiled messages (messages_gen.go): each
// message's id, one and other forms, one after the other in text, and
// where each of them ends. As one string, the words of a language are one
// block of the binary, away from the small strings that every start reads
// (package inits' names and errors): the kernel maps a program's file 64 kB
// around each first read, so 3,500 messages strewn among those strings
// made every start, even `aula version`, map more of the binary.
type catalogue struct {
	text string
	ends []uint32 // three per message: where its id, one and other end
}

func (c *catalogue) len() int { return len(c.ends) / 3 }

// find is the place of message id in c, or -1. The messages are sorted by
// id (TestCompiledMessages holds the generator to it).
func (c *catalogue) find(id string) int {
	i := sort.Search(c.len(), func(i int) bool { return c.id(i) >= id })
	if i < c.len() && c.id(i) == id {
		return i
	}
	return -1
}

// id is the i-th message's id.
func (c *catalogue) id(i int) string {
	start := uint32(0)
	if i > 0 {
		start = c.ends[3*i-1]
	}
	return c.text[start:c.ends[3*i]]
}

// forms are the i-th message's id, one and other forms.
func (c *catalogue) forms(i int) (id, one, other string) {
	start := uint32(0)
	if i > 0 {
		start = c.ends[3*i-1]
	}
	e := c.ends[3*i : 3*i+3 : 3*i+3]
	return c.text[start:e[0]], c.text[e[0]:e[1]], c.text[e[1]:e[2]]
}

// message is the i-th message as go-i18n holds it.
func (c *catalogue) message(i int) goi18n.Message {
	id, one, other := c.forms(i)
	return goi18n.Message{ID: id, One: one, Other: other}
}

// plain is the i-th message's id and words, and whether it is plain (see
// isPlain: a catalogue's messages have no other forms and no delimiters of
// their own).
func (c *catalogue) plain(i int) (id, other string, ok bool) {
	id, one, other := c.forms(i)
	return id, other, plainForms(one, other, "{{")
}

// localize says cfg's message with loc (a localizer of lb's bundle), giving
// the bundle that message first if it waits.
func (lb *lazyBundle) localize(loc *goi18n.Localizer, cfg *goi18n.LocalizeConfig) (string, error) {
	lb.mu.Lock()
	defer lb.mu.Unlock()
	if lb.cat != nil {
		if i := lb.cat.find(cfg.MessageID); i >= 0 && !lb.given[i] {
			lb.given[i] = true
			m := lb.cat.message(i)
			if err := lb.b.AddMessages(lb.tag, &m); err != nil {
				return "", err
			}
		}
	}
	return loc.Localize(cfg)
}

// words is message id's words if it is a plain compiled message (only
// words: see isPlain).
func (lb *lazyBundle) words(id string) (string, bool) {
	if lb.cat == nil {
		return "", false
	}
	i := lb.cat.find(id)
	if i < 0 {
		return "", false
	}
	_, other, ok := lb.cat.plain(i)
	return other, ok
}

func (lb *lazyBundle) get() (*goi18n.Bundle, error) {
	lb.once.Do(func() {
		lb.cat = compiledCatalogue(lb.lang)
		if lb.cat == nil {
			lb.b, lb.err = newBundle(files, []string{lb.lang})
			return
		}
		lb.given = make([]bool, lb.cat.len())
		lb.tag = language.Make(lb.lang)
		lb.b, lb.err = compiledBundle(lb.tag)
	})
	return lb.b, lb.err
}

// isPlain says whether m is said as it is written: one form, no template.
func isPlain(m *goi18n.Message) bool {
	return m.Zero == "" && m.Two == "" && m.Few == "" && m.Many == "" &&
		plainForms(m.One, m.Other, cmp.Or(m.LeftDelim, "{{"))
}

// plainForms says whether a message of these forms is only words: no
// "one" form, and no template (left opens one) in its "other".
func plainForms(one, other, left string) bool {
	return one == "" && other != "" && !strings.Contains(other, left)
}

//go:generate go test -run TestCompiledMessages -update .

// compiledBundle is a bundle of language tag for the messages compiled
// into the binary (messages_gen.go, made from the message files by go
// generate and checked against them by TestCompiledMessages): reading them
// takes no YAML, which was a sixth of what Aula did to start. It knows the
// language and has no message yet: each is given to it when it is first
// said (lazyBundle.localize).
func compiledBundle(tag language.Tag) (*goi18n.Bundle, error) {
	b := goi18n.NewBundle(language.Spanish)
	if err := b.AddMessages(tag); err != nil {
		return nil, err
	}
	return b, nil
}

// newBundle reads the message file of each language in langs from fsys.
func newBundle(fsys fs.FS, langs []string) (*goi18n.Bundle, error) {
	b := goi18n.NewBundle(language.Spanish)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	for _, l := range langs {
		if _, err := b.LoadMessageFileFS(fsys, "messages."+l+".yaml"); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Catalog says messages in one language.
type Catalog struct {
	lang  string
	once  sync.Once
	loc   *goi18n.Localizer // nil until the first message, or if the file cannot be read
	lb    *lazyBundle       // the bundle loc reads
	mu    sync.Mutex
	plain map[string]string // messages without arguments, said once
}

// New returns the catalog of lang (one of Langs()); anything else gets
// Spanish. Its message file is read when it first says something.
func New(lang string) *Catalog {
	return &Catalog{lang: Match(lang), plain: map[string]string{}}
}

// localizer reads the catalog's message file the first time it is needed.
func (c *Catalog) localizer() *goi18n.Localizer {
	c.once.Do(func() {
		b, err := bundles.Get()[c.lang].get()
		if err != nil {
			// The message files are embedded and tested; this cannot happen
			// in a released binary. Say the ids rather than crash.
			return
		}
		c.lb = bundles.Get()[c.lang]
		c.loc = goi18n.NewLocalizer(b, c.lang)
	})
	return c.loc
}

// Format is the words of msgid in the catalog's language: msgid is a fmt
// format the code writes in English (the lesson checker's messages,
// judge.Say), and the catalog holds the same format in each language. A
// msgid the catalog lacks is said as it is.
func (c *Catalog) Format(msgid string) string {
	if s := c.T(msgid); s != "" {
		return s
	}
	return msgid
}

// Lang returns the catalog's language code.
func (c *Catalog) Lang() string { return c.lang }

// T says message id. args are pairs of name and value for the template
// ({{.Name}}); a "Count" argument chooses the plural form.
func (c *Catalog) T(id string, args ...any) string {
	if len(args) == 0 {
		c.mu.Lock()
		s, ok := c.plain[id]
		c.mu.Unlock()
		if ok {
			return s
		}
	}
	loc := c.localizer()
	if loc == nil {
		return id
	}
	if s, ok := c.lb.words(id); ok {
		return s
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id}
	if len(args) > 0 {
		data := map[string]any{}
		for i := 0; i+1 < len(args); i += 2 {
			k := fmt.Sprint(args[i])
			data[k] = args[i+1]
			if k == "Count" {
				cfg.PluralCount = args[i+1]
			}
		}
		cfg.TemplateData = data
	}
	s, err := c.lb.localize(loc, cfg)
	if (err != nil || s == "") && cfg.PluralCount != nil {
		// A message with one form only ("other") is used for every count:
		// a "Count" argument of 1 must not turn it into its id.
		cfg.PluralCount = nil
		s, err = c.lb.localize(loc, cfg)
	}
	if err != nil || s == "" {
		s = id
	}
	if len(args) == 0 {
		c.mu.Lock()
		c.plain[id] = s
		c.mu.Unlock()
	}
	return s
}

// Match turns a language tag or a LANG value ("en_GB.UTF-8") into one of
// Langs(), defaulting to Spanish.
func Match(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	for _, l := range Langs() {
		if tag == l || strings.HasPrefix(tag, l+"_") || strings.HasPrefix(tag, l+"-") || strings.HasPrefix(tag, l+".") {
			return l
		}
	}
	return Langs()[0]
}

// FromEnv picks the language from LC_ALL, LC_MESSAGES or LANG, as the
// system does, defaulting to Spanish.
func FromEnv() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" && s != "C" && s != "POSIX" {
			return Match(s)
		}
	}
	return Langs()[0]
}

// Load reads the catalog's message file now, if it has not been read: a
// program that knows it will speak soon can read it while it does
// something else.
func (c *Catalog) Load() { c.localizer() }
