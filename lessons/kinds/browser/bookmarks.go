package browser

import (
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
)

// Bookmarks: the bar under the address bar holds the lesson's bookmarks
// (links to pages, as a learner's own browser would have them) and the
// pages the learner saves there. Starting from a bookmark is the habit a
// lesson teaches instead of a search; saving the official page once is how
// a learner gets it.

// checkBookmarks checks the bookmarks bar: links only, each to a page of
// the step, and gives each its default id (bookmark-1, …).
func (x *Browser) checkBookmarks(p *judge.Problems, step string, n *yaml.Node, k *known) {
	bn := judge.Child(n, "bookmarks")
	for i, b := range x.Bookmarks {
		if b == nil {
			b = &Block{}
			x.Bookmarks[i] = b
		}
		node := judge.Or(judge.Item(bn, i), n)
		p.UnknownKeys(node, b)
		if b.Kind() != BlockLink || b.Ad || b.Result || b.Size != "" {
			p.Add(node, "step %q bookmark %d: a bookmark is a link (link: its words, to: a page), with no ad, result or size", step, i+1)
			continue
		}
		if b.ID == "" {
			b.ID = fmt.Sprintf("bookmark-%d", i+1)
		}
		checkActive(p, step, node, &Page{ID: "bookmark"}, i, b, k)
	}
}

// evalBookmarked: one of the rule's pages was saved to the bookmarks;
// saving another page instead is a mistake, said when it happens.
func (r *Rule) evalBookmarked(a *Answer, last *Action) (met bool, mistake string, concerns bool) {
	for _, p := range a.Saved {
		if slices.Contains(r.Values, p) {
			return true, "", false
		}
	}
	if last.Kind == ActBookmark && !slices.Contains(r.Values, last.ID) {
		return false, r.ID + ":" + last.ID, true
	}
	return false, r.ID, false
}

// walk adds to a the way from the start to one of the pages in to: each
// link looked at, then followed.
func (x *Browser) walk(a *Answer, to []string, forbidden map[string]bool) {
	from := x.Start
	if len(a.Visited) > 0 {
		from = a.Visited[len(a.Visited)-1]
	}
	for _, id := range x.path(from, to, forbidden) {
		if !slices.Contains(a.Inspected, id) {
			a.Inspected = append(a.Inspected, id)
		}
		b, _ := x.Block(id)
		a.Followed = append(a.Followed, id)
		a.Visited = append(a.Visited, b.To)
	}
}

// sampleBookmark goes to the rule's first page, then saves it.
func (x *Browser) sampleBookmark(a *Answer, r *Rule, forbidden map[string]bool) {
	if len(r.Values) == 0 {
		return
	}
	x.walk(a, r.Values[:1], forbidden)
	a.Saved = append(a.Saved, r.Values[0])
}
