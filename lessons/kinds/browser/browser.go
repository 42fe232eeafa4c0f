// Package browser is the judge of browser steps: a practice web browser
// with pages written in the lesson file (a search page with adverts, a
// paid look-alike, the official site) and rules about what the learner
// does in it: which pages they reach, which links they look at before
// following, which file they download. Only outcomes are judged; the
// learner types nothing here.
package browser

import (
	"slices"

	"aula/internal/lazy"
	"aula/lessons/judge"
)

// Browser is a practice web browser: its pages, the page it opens on, and
// the rules that judge what the learner does.
type Browser struct {
	Start     string   `yaml:"start"` // the first page shown; default: the first page
	Pages     []*Page  `yaml:"pages"`
	Bookmarks []*Block `yaml:"bookmarks"` // the bookmarks bar: links, each to a page
	Rules     []*Rule  `yaml:"rules"`
}

// Page is one practice web page.
type Page struct {
	ID     string   `yaml:"id"`
	URL    string   `yaml:"url"` // its real address: https://sede.seg-social.gob.es/cita
	Title  string   `yaml:"title"`
	Blocks []*Block `yaml:"blocks"`
}

// Block is one part of a page: exactly one of Heading, Text, Link, Button
// or Download.
type Block struct {
	Heading  string `yaml:"heading"`
	Text     string `yaml:"text"`     // a paragraph
	Link     string `yaml:"link"`     // the words a link shows
	Button   string `yaml:"button"`   // the words on a button
	Download string `yaml:"download"` // the name of a file a button downloads
	ID       string `yaml:"id"`       // of a link, button or download; default: page id and number
	To       string `yaml:"to"`       // the page a link or button opens
	Ad       bool   `yaml:"ad"`       // a paid result: shown as an advert
	Result   bool   `yaml:"result"`   // a search result: shown with its domain under it
	Size     string `yaml:"size"`     // of a download, as a browser shows it: 120 KB
}

// Kinds of block.
const (
	BlockHeading  = "heading"
	BlockText     = "text"
	BlockLink     = "link"
	BlockButton   = "button"
	BlockDownload = "download"
)

// Kind says what the block is, or "" when it is none or more than one.
func (b *Block) Kind() string {
	kind := ""
	for _, k := range []struct {
		name string
		set  bool
	}{{BlockHeading, b.Heading != ""}, {BlockText, b.Text != ""}, {BlockLink, b.Link != ""},
		{BlockButton, b.Button != ""}, {BlockDownload, b.Download != ""}} {
		if k.set {
			if kind != "" {
				return ""
			}
			kind = k.name
		}
	}
	return kind
}

// Active says whether the learner can focus and press the block.
func (b *Block) Active() bool {
	switch b.Kind() {
	case BlockLink, BlockButton, BlockDownload:
		return true
	}
	return false
}

// Rule is one thing the task asks. Rules are checked in file order and the
// first one not met decides what the learner is told.
type Rule struct {
	// Wrong: for downloaded and bookmarked checks, what to say when this
	// download or page (by id) is taken instead.
	judge.Rule `yaml:",inline"`
}

// checkKinds are the checks a rule can make, with what their values are.
var checkKinds = lazy.Value[map[string]string]{New: func() map[string]string {
	return map[string]string{
		"reached":    "pages",     // one of these pages was opened
		"not-opened": "pages",     // opening one of these pages is a mistake, said when it happens
		"no-ad":      "",          // following an advert is a mistake, said when it happens
		"inspected":  "links",     // each of these links was looked at; following one before is a mistake
		"downloaded": "downloads", // the last file downloaded is one of these
		"bookmarked": "pages",     // one of these pages was saved to the bookmarks
	}
}}

// Actions in the browser, as Action.Kind.
const (
	ActFollow   = "follow"   // pressed a link or a button (and its page opened)
	ActInspect  = "inspect"  // looked where a link really goes
	ActDownload = "download" // downloaded a file
	ActBack     = "back"     // went back or forward
	ActBookmark = "bookmark" // saved the page shown to the bookmarks (ID: the page)
)

// Answer is what the learner did in the browser. It lives in memory only:
// the judge turns it into a rule id.
type Answer struct {
	Visited    []string // pages opened, in order (the start page first)
	Followed   []string // links and buttons pressed, in order
	Inspected  []string // links whose real address was looked at
	Downloaded []string // downloads taken, in order
	Unseen     []string // links followed before their real address was looked at
	Saved      []string // pages saved to the bookmarks, in order
	// Last is the action that asked for this check. Nil means the learner
	// asked to check: then anything not done yet is said. After an action
	// only a mistake made by that action is said, and a task under way is
	// met with silence (judge.ReasonPending).
	Last *Action
}

// Action is one thing the learner did.
type Action struct {
	Kind string // one of the Act… constants
	ID   string // the link, button or download
}

// Page returns the page with id, or nil.
func (x *Browser) Page(id string) *Page {
	for _, p := range x.Pages {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Block returns the link, button or download with id, and its page (nil
// for a bookmark).
func (x *Browser) Block(id string) (*Block, *Page) {
	for _, p := range x.Pages {
		for _, b := range p.Blocks {
			if b.ID == id && b.Active() {
				return b, p
			}
		}
	}
	for _, b := range x.Bookmarks {
		if b.ID == id {
			return b, nil
		}
	}
	return nil, nil
}

// Target is the real address a link or button goes to ("" for a download).
func (x *Browser) Target(b *Block) string {
	if p := x.Page(b.To); p != nil {
		return p.URL
	}
	return ""
}

// IsAd says whether the link or button with id is an advert.
func (x *Browser) IsAd(id string) bool {
	b, _ := x.Block(id)
	return b != nil && b.Ad
}

// Judge checks what the learner did against the rules.
func (x *Browser) Judge(a judge.Answer) judge.Verdict {
	ans, ok := a.(Answer)
	if !ok {
		return judge.Verdict{Reason: judge.ReasonInvalid}
	}
	return judge.Walk(x.Rules, ans.Last != nil, func(r *Rule) judge.Outcome {
		return r.Outcome(r.eval(x, &ans))
	})
}

// eval says whether the rule is met; if not, the mistake id and whether
// the last action is what broke it (after an action, only that is said).
func (r *Rule) eval(x *Browser, a *Answer) (met bool, mistake string, concerns bool) {
	last := a.Last
	if last == nil {
		last = &Action{}
	}
	switch r.Check {
	case "reached":
		for _, p := range r.Values {
			if slices.Contains(a.Visited, p) {
				return true, "", false
			}
		}
		return false, r.ID, false
	case "not-opened":
		// Opening a page is judged when it happens: the miss is counted,
		// and going back puts things right.
		b, _ := x.Block(last.ID)
		if last.Kind == ActFollow && b != nil && slices.Contains(r.Values, b.To) {
			return false, r.ID, true
		}
		return true, "", false
	case "no-ad":
		if last.Kind == ActFollow && x.IsAd(last.ID) {
			return false, r.ID, true
		}
		return true, "", false
	case "inspected":
		return r.evalInspected(a, last)
	case "downloaded":
		if len(a.Downloaded) == 0 {
			return false, r.ID, false
		}
		got := a.Downloaded[len(a.Downloaded)-1]
		if slices.Contains(r.Values, got) {
			return true, "", false
		}
		return false, r.ID + ":" + got, last.Kind == ActDownload
	case "bookmarked":
		return r.evalBookmarked(a, last)
	}
	return false, r.ID, false
}

// evalInspected: each link of the rule was looked at; following one
// without a look first is a mistake, said when it happens.
func (r *Rule) evalInspected(a *Answer, last *Action) (met bool, mistake string, concerns bool) {
	// Judged on the follow itself: a link followed again after a look is
	// no new mistake, though it was once followed unseen.
	if last.Kind == ActFollow && slices.Contains(r.Values, last.ID) && !slices.Contains(a.Inspected, last.ID) {
		return false, r.ID, true
	}
	for _, id := range r.Values {
		if !slices.Contains(a.Inspected, id) {
			return false, r.ID, false
		}
	}
	return true, "", false
}

// Solution is Sample (judge.Solvable): the tests judge each built-in
// browser step with it.
func (x *Browser) Solution() judge.Answer { return x.Sample() }

// Sample is a way through the step that meets every rule, found by
// walking the pages from the start without adverts nor pages a rule
// forbids: every link on the way looked at before it is followed.
func (x *Browser) Sample() Answer {
	a := Answer{Visited: []string{x.Start}}
	forbidden := map[string]bool{}
	for _, r := range x.Rules {
		if r.Check == "not-opened" {
			for _, p := range r.Values {
				forbidden[p] = true
			}
		}
	}
	for _, r := range x.Rules {
		switch r.Check {
		case "reached":
			x.walk(&a, r.Values, forbidden)
		case "inspected":
			for _, id := range r.Values {
				if !slices.Contains(a.Inspected, id) {
					a.Inspected = append(a.Inspected, id)
				}
			}
		case "downloaded":
			if len(r.Values) > 0 {
				a.Downloaded = []string{r.Values[0]}
			}
		case "bookmarked":
			x.sampleBookmark(&a, r, forbidden)
		}
	}
	return a
}

// path is the shortest list of links from page from to one of the pages
// in to, without adverts and forbidden pages; nil if there is none.
func (x *Browser) path(from string, to []string, forbidden map[string]bool) []string {
	type step struct {
		page  string
		links []string
	}
	seen := map[string]bool{from: true}
	queue := []step{{page: from}}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if slices.Contains(to, s.page) {
			return s.links
		}
		p := x.Page(s.page)
		if p == nil {
			continue
		}
		// The bookmarks bar is there on every page.
		for _, b := range append(slices.Clone(p.Blocks), x.Bookmarks...) {
			if !b.Active() || b.Ad || b.To == "" || seen[b.To] || forbidden[b.To] {
				continue
			}
			seen[b.To] = true
			queue = append(queue, step{page: b.To, links: append(slices.Clone(s.links), b.ID)})
		}
	}
	return nil
}
