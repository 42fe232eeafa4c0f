package dashboard

import (
	"strings"

	"aula/i18n"
	browserjudge "aula/lessons/kinds/browser"
	"aula/tui/ui"
)

// browserMistakeName says a practice browser's outcome readably: what the
// rule that failed is about (an advert opened, a page reached or not, a
// link followed unseen, a file or a page saved), with the page's title or
// the file's name when the mistake names one ("rule:target"). "" when the
// id is not one of the step's rules.
func browserMistakeName(cat *i18n.Catalog, x *browserjudge.Browser, id string) string {
	ruleID, target, _ := strings.Cut(id, ":")
	var rule *browserjudge.Rule
	for _, r := range x.Rules {
		if r.ID == ruleID {
			rule = r
		}
	}
	if rule == nil {
		return ""
	}
	title := func(pageID string) string {
		if p := x.Page(pageID); p != nil {
			return ui.Truncate(p.Title, 40)
		}
		return pageID
	}
	switch rule.Check {
	case "no-ad":
		return cat.T("dmistake_browser_ad")
	case "not-opened":
		names := make([]string, len(rule.Values))
		for i, v := range rule.Values {
			names[i] = title(v)
		}
		return cat.T("dmistake_browser_opened", "Page", strings.Join(names, ", "))
	case "inspected":
		return cat.T("dmistake_browser_unseen")
	case "reached":
		return cat.T("dmistake_browser_not_reached", "Page", title(rule.Values[0]))
	case "downloaded":
		if b, _ := x.Block(target); b != nil {
			return cat.T("dmistake_browser_download", "Name", ui.Truncate(b.Download, 40))
		}
		return cat.T("dmistake_browser_no_download")
	case "bookmarked":
		if target != "" {
			return cat.T("dmistake_browser_saved", "Page", title(target))
		}
		return cat.T("dmistake_browser_not_saved", "Page", title(rule.Values[0]))
	}
	return ""
}
