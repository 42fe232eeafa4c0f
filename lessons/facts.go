package lessons

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"aula/internal/lazy"
	"aula/lessons/judge"

	"gopkg.in/yaml.v3"
)

// Facts go stale (Cl@ve changed in 2025) and lessons written at different
// times drift apart. So every lesson names its sources and the day its facts
// were last checked against them, and aula lessons check warns:
//
//   - when a lesson has no sources or no review date, or was last reviewed
//     more than 12 months ago (ReviewMaxAge);
//   - when two lessons of a language, or a lesson and the language's
//     facts.yaml, or a glossary term and either, declare the same fact with
//     different values (the passphrase has 4 words here and 3 there);
//   - when a web domain is official in facts.yaml and shown as a scam by a
//     lesson, when a form pretends to be on a domain a lesson calls a scam,
//     and when a lesson mentions a real domain that is neither declared
//     official nor fake (practice addresses end in .example and are free).
//
// These are warnings, like the plain-language ones: the lessons still load.

// FactsFile is the name of a language folder's facts: the official domains
// and the numbers every lesson of that language must agree with.
const FactsFile = "facts.yaml"

// ReviewMaxAge is how long a review holds: after it, check warns.
const ReviewMaxAge = "12 months"

// Reference is a source a lesson's facts were checked against.
type Reference struct {
	Name string `yaml:"name"` // who says it: "Cl@ve (clave.gob.es): Cl@ve Móvil"
	URL  string `yaml:"url"`  // where: https://clave.gob.es/…, or docs/… for Aula's own guides
}

// factsFile is a language's facts.yaml.
type factsFile struct {
	OfficialDomains []string          `yaml:"official_domains"`
	Facts           map[string]string `yaml:"facts"`

	file  string
	lines map[string]int // line of each fact
	line  int            // line of official_domains
}

// domainUse is a web domain a lesson mentions.
type domainUse struct {
	domain string
	line   int
	site   bool // the site: of a form (shown as the real site's address)
}

var (
	reviewedLayout = "2006-01-02"
	// hostPattern finds host names in text: words joined by dots.
	hostPattern = lazy.Regexp{Expr: `[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+`}
	// realTLDs are the endings of real web domains the check looks at;
	// .example (reserved for practice) and file names (.pdf) are left out.
	realTLDs = []string{"es", "com", "org", "net", "cat", "eus", "gal", "info", "eu", "gov"}
)

func parseFacts(p *fileProblems, data []byte) *factsFile {
	root := parseDoc(p, data)
	if root == nil {
		return nil
	}
	var f factsFile
	p.UnknownKeys(root, &f)
	if err := root.Decode(&f); err != nil {
		p.Add(root, "cannot read the facts: %v", err)
		return nil
	}
	f.file = p.File
	f.line = judge.Or(judge.Child(root, "official_domains"), root).Line
	f.lines = map[string]int{}
	if n := judge.Child(root, "facts"); n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			f.lines[n.Content[i].Value] = n.Content[i].Line
		}
	}
	for i, d := range f.OfficialDomains {
		f.OfficialDomains[i] = strings.ToLower(strings.TrimSpace(d))
	}
	return &f
}

// checkProvenance reports sources and review dates that are there but
// wrong. Missing ones are warnings (Review), so a trainer's lesson without
// them still loads.
func checkProvenance(p *fileProblems, root *yaml.Node, l *Lesson) {
	if l.Reviewed != "" {
		if _, err := time.Parse(reviewedLayout, l.Reviewed); err != nil {
			p.Add(judge.Or(judge.Child(root, "reviewed"), root), "reviewed %q should be a date like 2026-12-05 (year-month-day)", l.Reviewed)
		}
	}
	seq := judge.Child(root, "sources")
	for i, r := range l.Sources {
		n := judge.Or(judge.Item(seq, i), root)
		if strings.TrimSpace(r.Name) == "" {
			p.Add(n, "source %d has no name: say who says it", i+1)
		}
		if !strings.HasPrefix(r.URL, "https://") && !strings.HasPrefix(r.URL, "http://") && !strings.HasPrefix(r.URL, "docs/") {
			p.Add(n, "source %d: url %q should be a web address (https://…) or one of Aula's guides (docs/…)", i+1, r.URL)
		}
	}
	for i, d := range l.FakeDomains {
		l.FakeDomains[i] = strings.ToLower(strings.TrimSpace(d))
	}
}

// domainsIn lists the real web domains mentioned in a lesson's values.
func domainsIn(root *yaml.Node) []domainUse {
	var out []domainUse
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], n.Content[i].Value)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, "")
			}
		case yaml.ScalarNode:
			for _, d := range hostsIn(n.Value) {
				out = append(out, domainUse{domain: d, line: n.Line, site: key == "site"})
			}
		}
	}
	if root != nil {
		for i := 0; i+1 < len(root.Content); i += 2 {
			switch root.Content[i].Value {
			case "sources", "fake_domains":
				continue // the sources are official pages; fake domains are declared
			}
			walk(root.Content[i+1], root.Content[i].Value)
		}
	}
	return out
}

// hostsIn finds the real web domains in text: host names with a real
// ending, not a part after a dot (".gob.es" names an ending, not a site).
func hostsIn(text string) []string {
	text = strings.ToLower(text)
	var out []string
	for _, m := range hostPattern.Get().FindAllStringIndex(text, -1) {
		if m[0] > 0 && text[m[0]-1] == '.' {
			continue
		}
		host := text[m[0]:m[1]]
		tld := host[strings.LastIndexByte(host, '.')+1:]
		if slices.Contains(realTLDs, tld) {
			out = append(out, host)
		}
	}
	return out
}

// under reports whether host is domain or one of its subdomains.
func under(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

// Review returns the warnings about sources, review dates and consistency
// of every language, as of today.
func Review(lib *Library, today time.Time) []Problem {
	var out []Problem
	// Whole days: reviewed on 2026-12-05 holds through 2027-12-05.
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	limit := today.AddDate(-1, 0, 0)
	for _, lang := range lib.Langs() {
		cat := lib.catalogs[lang]
		lessons := cat.sortedLessons()
		for _, l := range lessons {
			if len(l.Sources) == 0 {
				out = append(out, Problem{File: l.File, Line: l.line, Msg: lib.say.Sprintf("lesson %q names no sources: list the official pages its facts come from (sources:)", l.ID)})
			}
			switch d, err := time.Parse(reviewedLayout, l.Reviewed); {
			case l.Reviewed == "":
				out = append(out, Problem{File: l.File, Line: l.line, Msg: lib.say.Sprintf("lesson %q has no review date: check its facts and write the day (reviewed: %s)", l.ID, today.Format(reviewedLayout))})
			case err != nil:
				// reported when loading
			case d.Before(limit):
				out = append(out, Problem{File: l.File, Line: l.line, Msg: lib.say.Sprintf("lesson %q was last reviewed on %s, over %s ago: check its facts against its sources again", l.ID, l.Reviewed, ReviewMaxAge)})
			case d.After(today):
				out = append(out, Problem{File: l.File, Line: l.line, Msg: lib.say.Sprintf("lesson %q says it was reviewed on %s, a day still to come", l.ID, l.Reviewed)})
			}
		}
		out = append(out, factClashes(cat, lessons, lib.say)...)
		out = append(out, domainClashes(cat, lessons, lib.say)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// sortedLessons returns the catalog's lessons in file order, so that
// warnings name the same "first" lesson every time.
func (c *Catalog) sortedLessons() []*Lesson {
	var out []*Lesson
	for _, l := range c.Lessons {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// factClashes: the same fact with two values in one language.
func factClashes(cat *Catalog, lessons []*Lesson, say judge.Say) []Problem {
	type said struct {
		value, file string
		line        int
	}
	first := map[string]said{}
	var out []Problem
	claim := func(key, value, file string, line int) {
		value = strings.TrimSpace(value)
		if prev, ok := first[key]; !ok {
			first[key] = said{value, file, line}
		} else if !strings.EqualFold(prev.value, value) {
			out = append(out, Problem{File: file, Line: line, Msg: say.Sprintf("fact %q is %q here but %q in %s:%d: the lessons contradict each other", key, value, prev.value, prev.file, prev.line)})
		}
	}
	for _, f := range cat.facts {
		for _, k := range sortedKeys(f.Facts) {
			claim(k, f.Facts[k], f.file, f.lines[k])
		}
	}
	for _, l := range lessons {
		for _, k := range sortedKeys(l.Facts) {
			claim(k, l.Facts[k], l.File, l.line)
		}
	}
	for _, t := range cat.glossary {
		for _, k := range sortedKeys(t.Facts) {
			claim(k, t.Facts[k], t.file, t.line)
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// domainClashes: a domain official in facts.yaml and fake in a lesson, a
// form on a fake domain, a real domain nobody declared.
func domainClashes(cat *Catalog, lessons []*Lesson, say judge.Say) []Problem {
	var out []Problem
	official := func(host string) (string, bool) {
		for _, f := range cat.facts {
			for _, d := range f.OfficialDomains {
				if under(host, d) {
					return f.file, true
				}
			}
		}
		return "", false
	}
	fake := map[string]*Lesson{} // fake domain → the first lesson that says so
	for _, l := range lessons {
		for _, d := range l.FakeDomains {
			if file, ok := official(d); ok {
				out = append(out, Problem{File: l.File, Line: l.line, Msg: say.Sprintf("%s is shown as a scam here, but %s lists it as official: the lessons contradict each other", d, file)})
			}
			if _, ok := fake[d]; !ok {
				fake[d] = l
			}
		}
	}
	isFake := func(host string) (*Lesson, bool) {
		for d, l := range fake {
			if under(host, d) {
				return l, true
			}
		}
		return nil, false
	}
	for _, l := range lessons {
		for _, u := range l.domains {
			fl, isF := isFake(u.domain)
			_, isO := official(u.domain)
			switch {
			case u.site && isF:
				out = append(out, Problem{File: l.File, Line: u.line, Msg: say.Sprintf("the form is on %s, which %s shows as a scam: use an official domain (%s) or a practice one (.example)", u.domain, fl.File, FactsFile)})
			case !isF && !isO:
				out = append(out, Problem{File: l.File, Line: u.line, Msg: say.Sprintf("%s is a real web domain that is neither official (%s, official_domains) nor shown as a scam (fake_domains): say which, or use a practice one (.example)", u.domain, FactsFile)})
			}
		}
	}
	return out
}

// WriteSources writes, for every lesson of every language, its review date
// and its sources: the report of aula lessons check --sources.
func WriteSources(w io.Writer, lib *Library) {
	for _, lang := range lib.Langs() {
		cat := lib.catalogs[lang]
		fmt.Fprintf(w, "# %s\n", lang)
		for _, l := range cat.AllLessons() {
			reviewed := l.Reviewed
			if reviewed == "" {
				reviewed = "never"
			}
			fmt.Fprintf(w, "%s (%s), reviewed %s\n", l.ID, l.File, reviewed)
			if len(l.Sources) == 0 {
				fmt.Fprintln(w, "  - no sources")
			}
			for _, r := range l.Sources {
				fmt.Fprintf(w, "  - %s: %s\n", r.Name, r.URL)
			}
		}
	}
}
