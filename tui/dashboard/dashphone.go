package dashboard

import (
	"strings"

	"aula/i18n"
	chatjudge "aula/lessons/kinds/chat"
	filesjudge "aula/lessons/kinds/files"
	"aula/tui/ui"
)

// chatMistakeName says a practice phone's outcome readably: the move that
// was a mistake (a reply, a call, a link, a request approved or refused,
// evidence deleted) or the goal not reached, with the conversation, link
// or request it names. "" when the id is not one of the step's rules.
func chatMistakeName(cat *i18n.Catalog, x *chatjudge.Chat, id string) string {
	var rule *chatjudge.Rule
	for _, r := range x.Rules {
		if r.ID == id {
			rule = r
		}
	}
	if rule == nil || len(rule.Values) == 0 {
		return ""
	}
	names := make([]string, len(rule.Values))
	for i, v := range rule.Values {
		names[i] = chatValueName(x, rule.Check, v)
	}
	name := ui.Truncate(strings.Join(names, ", "), 50)
	key := map[string]string{
		"not-replied": "dmistake_chat_replied", "not-called": "dmistake_chat_called", "not-blocked": "dmistake_chat_blocked",
		"no-link": "dmistake_chat_link", "not-confirmed": "dmistake_chat_confirmed", "not-refused": "dmistake_chat_refused",
		"not-deleted": "dmistake_chat_deleted", "opened": "dmistake_chat_not_opened", "replied": "dmistake_chat_not_replied",
		"called": "dmistake_chat_not_called", "blocked": "dmistake_chat_not_blocked", "deleted": "dmistake_chat_not_deleted",
		"refused": "dmistake_chat_not_refused", "confirmed": "dmistake_chat_not_confirmed",
	}[rule.Check]
	if key == "" {
		return ""
	}
	return cat.T(key, "Name", name)
}

// chatValueName is what a rule's value names: a request by its details
// (480,00 € · TIENDA-ONLINE), a conversation by its name, a reply by its
// words, a link by its address.
func chatValueName(x *chatjudge.Chat, check, v string) string {
	for _, c := range x.Chats {
		if c.ID == v {
			if c.Request != nil && (strings.Contains(check, "confirmed") || strings.Contains(check, "refused")) {
				return requestName(c)
			}
			return c.Name
		}
		for _, r := range c.Replies {
			if r.ID == v {
				return "“" + r.Text + "”"
			}
		}
		for _, m := range c.Messages {
			if m.Link != nil && m.Link.ID == v {
				return m.Link.URL
			}
		}
	}
	return v
}

// requestName is a request said by its app and its details.
func requestName(c *chatjudge.Conversation) string {
	if c.Request == nil {
		return c.Name
	}
	parts := []string{c.Name}
	for _, d := range c.Request.Details {
		parts = append(parts, d.Value)
	}
	if len(parts) == 1 {
		parts = append(parts, c.Request.Text)
	}
	return strings.Join(parts, " · ")
}

// filesMistakeName says a practice file manager's outcome readably: the
// file opened or chosen, what is wrong with a new name, a file left where
// it was, or the goal not reached. "" when the id is not one of the
// step's rules.
func filesMistakeName(cat *i18n.Catalog, x *filesjudge.Files, id string) string {
	ruleID, target, _ := strings.Cut(id, ":")
	var rule *filesjudge.Rule
	for _, r := range x.Rules {
		if r.ID == ruleID {
			rule = r
		}
	}
	if rule == nil {
		return ""
	}
	file := func(fid string) string {
		if f, _ := x.File(fid); f != nil {
			return ui.Truncate(f.Name, 40)
		}
		return fid
	}
	first := func() string {
		if len(rule.Values) > 0 {
			return file(rule.Values[0])
		}
		return file(rule.File)
	}
	switch rule.Check {
	case "opened", "chosen":
		if target != "" {
			return cat.T("dmistake_files_other", "Name", file(target))
		}
		return cat.T("dmistake_files_not_"+rule.Check, "Name", first())
	case "not-opened":
		return cat.T("dmistake_files_opened", "Name", first())
	case "sorted":
		return cat.T("dmistake_files_not_sorted")
	case "renamed":
		switch target {
		case filesjudge.NameExtension, filesjudge.NameSpaces, filesjudge.NameAccents, filesjudge.NameWords:
			return cat.T("dmistake_files_name_"+target, "Name", file(rule.File))
		}
		return cat.T("dmistake_files_not_renamed", "Name", file(rule.File))
	case "moved":
		folder := rule.Folder
		if f := x.Folder(folder); f != nil {
			folder = f.Name
		}
		return cat.T("dmistake_files_not_moved", "Name", file(rule.File), "Folder", ui.Truncate(folder, 30))
	case "deleted":
		return cat.T("dmistake_files_not_deleted", "Name", first())
	}
	return ""
}
