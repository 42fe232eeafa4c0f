package browser

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
	"aula/lessons/validate"
)

// known is what the browser's rules may name.
type known struct {
	pages, links, downloads, rules map[string]bool
}

// Check checks the browser's own data, each problem at its line: pages with
// ids and real addresses, blocks that are one thing each, links and
// buttons that open pages that exist, and rules that name only what the
// browser has. It fills in the start page and the ids of links.
func (x *Browser) Check(p *judge.Problems, step string, n *yaml.Node) {
	k := &known{pages: map[string]bool{}, links: map[string]bool{}, downloads: map[string]bool{}, rules: map[string]bool{}}
	pn := judge.Child(n, "pages")
	if len(x.Pages) == 0 {
		p.Add(n, "step %q: a browser step needs pages", step)
	}
	for i, pg := range x.Pages {
		if pg == nil {
			pg = &Page{}
			x.Pages[i] = pg
		}
		node := judge.Or(judge.Item(pn, i), n)
		p.UnknownKeys(node, pg)
		p.CheckID(node, step, "page", pg.ID, k.pages)
		if h := validate.Host(pg.URL); h == "" || !strings.Contains(h, ".") || !strings.HasPrefix(pg.URL, "http") {
			p.Add(judge.Or(judge.Child(node, "url"), node), "step %q: page %q needs url: a full address such as https://www.seg-social.es/", step, pg.ID)
		}
		if pg.Title == "" {
			p.Add(node, "step %q: page %q needs a title", step, pg.ID)
		}
	}
	// Blocks after every page id is known, so that a link may open a page
	// further down the list.
	for i, pg := range x.Pages {
		x.checkBlocks(p, step, judge.Or(judge.Item(pn, i), n), pg, k)
	}
	x.checkBookmarks(p, step, n, k)
	if x.Start == "" && len(x.Pages) > 0 {
		x.Start = x.Pages[0].ID
	} else if x.Start != "" && !k.pages[x.Start] {
		p.Add(judge.Or(judge.Child(n, "start"), n), "step %q: start %q is not one of its pages", step, x.Start)
	}
	rn := judge.Child(n, "rules")
	if len(x.Rules) == 0 {
		p.Add(n, "step %q: a browser step needs rules that say what to do", step)
	}
	for i, r := range x.Rules {
		if r == nil {
			r = &Rule{}
			x.Rules[i] = r
		}
		r.check(p, step, i, judge.Or(judge.Item(rn, i), n), k)
	}
}

func (x *Browser) checkBlocks(p *judge.Problems, step string, node *yaml.Node, pg *Page, k *known) {
	bn := judge.Child(node, "blocks")
	for j, b := range pg.Blocks {
		if b == nil {
			b = &Block{}
			pg.Blocks[j] = b
		}
		bnode := judge.Or(judge.Item(bn, j), node)
		p.UnknownKeys(bnode, b)
		kind := b.Kind()
		if kind == "" {
			p.Add(bnode, "step %q page %q block %d: a block is one of heading, text, link, button or download", step, pg.ID, j+1)
			continue
		}
		if !b.Active() {
			if b.ID != "" || b.To != "" || b.Ad || b.Result || b.Size != "" {
				p.Add(bnode, "step %q page %q block %d: a %s takes no id, to, ad, result or size", step, pg.ID, j+1, kind)
			}
			continue
		}
		checkActive(p, step, bnode, pg, j, b, k)
	}
}

// checkActive checks a link, button or download (block j of page pg) and
// gives it its default id.
func checkActive(p *judge.Problems, step string, bnode *yaml.Node, pg *Page, j int, b *Block, k *known) {
	kind := b.Kind()
	if b.ID == "" {
		b.ID = fmt.Sprintf("%s-%d", pg.ID, j+1)
	}
	set := k.links
	if kind == BlockDownload {
		set = k.downloads
	}
	if k.links[b.ID] || k.downloads[b.ID] {
		p.Add(judge.Or(judge.Child(bnode, "id"), bnode), "step %q: id %q is used twice", step, b.ID)
	} else if !judge.IDPattern.Get().MatchString(b.ID) {
		p.Add(judge.Or(judge.Child(bnode, "id"), bnode), "step %q: %s id %q should be lowercase words joined by hyphens", step, kind, b.ID)
	}
	set[b.ID] = true
	switch {
	case kind == BlockDownload && (b.To != "" || b.Ad):
		p.Add(bnode, "step %q: download %q takes no to or ad", step, b.ID)
	case kind == BlockDownload && b.Size == "":
		p.Add(bnode, "step %q: download %q needs a size, as a browser shows it (120 KB)", step, b.ID)
	case kind != BlockDownload && b.To == "":
		p.Add(bnode, "step %q: %s %q needs to: the id of the page it opens", step, kind, b.ID)
	case kind != BlockDownload && !k.pages[b.To]:
		p.Add(judge.Or(judge.Child(bnode, "to"), bnode), "step %q: %s %q opens page %q, which the step does not have", step, kind, b.ID, b.To)
	case kind != BlockDownload && b.Size != "":
		p.Add(bnode, "step %q: %s %q takes no size", step, kind, b.ID)
	}
}

// check checks rule number i (from 0) at node against what the browser has.
func (r *Rule) check(p *judge.Problems, step string, i int, node *yaml.Node, k *known) {
	p.UnknownKeys(node, r)
	what := p.Sprintf("step %q rule %d", step, i+1)
	p.CheckID(node, step, "rule", r.ID, k.rules)
	values, vn, ok := p.CheckRule(node, what, r.ID, r.Feedback, r.Check, len(r.Values), checkKinds.Get())
	if !ok {
		return
	}
	set := map[string]map[string]bool{"pages": k.pages, "links": k.links, "downloads": k.downloads}[values]
	for j, v := range r.Values {
		if !set[v] {
			p.Add(judge.Or(judge.Item(vn, j), node), "%s: there is no %s %q", what, strings.TrimSuffix(values, "s"), v)
		}
	}
	if len(r.Wrong) > 0 && r.Check != "downloaded" && r.Check != "bookmarked" {
		p.Add(judge.Child(node, "wrong"), "%s: wrong is only for downloaded and bookmarked checks", what)
		return
	}
	for id, text := range r.Wrong {
		if !set[id] || slices.Contains(r.Values, id) || strings.TrimSpace(text) == "" {
			p.Add(judge.Child(node, "wrong"), "%s: wrong %q should be a %s not asked for, with words about it", what, id, strings.TrimSuffix(values, "s"))
		}
	}
}

// Shape is what must be the same in every language: the pages, their
// addresses, the ids and targets of links, adverts, and the rules.
func (x *Browser) Shape() []string {
	out := []string{"start " + x.Start}
	for _, pg := range x.Pages {
		out = append(out, "page "+pg.ID+" "+pg.URL)
		for _, b := range pg.Blocks {
			if b.Active() {
				out = append(out, fmt.Sprintf("%s %s to=%s ad=%t", b.Kind(), b.ID, b.To, b.Ad))
			}
		}
	}
	for _, b := range x.Bookmarks {
		out = append(out, fmt.Sprintf("bookmark %s to=%s", b.ID, b.To))
	}
	for _, r := range x.Rules {
		out = append(out, r.Shape())
	}
	return out
}
