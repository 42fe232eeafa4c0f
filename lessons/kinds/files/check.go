package files

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"aula/internal/lazy"
	"aula/lessons/judge"
)

// wrongKeys are the keys a renamed or moved rule's wrong may have.
var wrongKeys = lazy.Value[map[string][]string]{New: func() map[string][]string {
	return map[string][]string{
		"renamed": {NameExtension, NameSpaces, NameAccents, NameWords},
		"moved":   {MovedElsewhere},
		"copied":  {MovedElsewhere},
		"erased":  {ErasedInBin, ErasedLeft},
	}
}}

// Check checks the file manager's own data, each problem at its line:
// folders and files with ids, names, sizes and dates, and rules that name
// only what the step has. It fills in the start folder.
func (x *Files) Check(p *judge.Problems, step string, n *yaml.Node) {
	folders, files, rules := map[string]bool{}, map[string]bool{}, map[string]bool{}
	fn := judge.Child(n, "folders")
	if len(x.Folders) == 0 {
		p.Add(n, "step %q: a files step needs folders", step)
	}
	for i, f := range x.Folders {
		if f == nil {
			f = &Folder{}
			x.Folders[i] = f
		}
		node := judge.Or(judge.Item(fn, i), n)
		p.UnknownKeys(node, f)
		p.CheckID(node, step, "folder", f.ID, folders)
		if f.ID == Trash {
			p.Add(node, "step %q: folder id %q is the bin, which every file manager has already", step, Trash)
		}
		if strings.TrimSpace(f.Name) == "" {
			p.Add(node, "step %q: folder %q needs a name", step, f.ID)
		}
		checkFiles(p, step, node, f, files)
	}
	x.checkPhoto(p, step, n, files)
	if x.Start == "" && len(x.Folders) > 0 {
		x.Start = x.Folders[0].ID
	} else if x.Start != "" && !folders[x.Start] {
		p.Add(judge.Or(judge.Child(n, "start"), n), "step %q: start %q is not one of its folders", step, x.Start)
	}
	if x.USB(x.Start) {
		p.Add(judge.Or(judge.Child(n, "start"), n), "step %q: start %q is a USB stick, which shows only once plugged in", step, x.Start)
	}
	rn := judge.Child(n, "rules")
	if len(x.Rules) == 0 {
		p.Add(n, "step %q: a files step needs rules that say what to do", step)
	}
	for i, r := range x.Rules {
		if r == nil {
			r = &Rule{}
			x.Rules[i] = r
		}
		r.check(x, p, step, i, judge.Or(judge.Item(rn, i), n), files, rules)
	}
}

func checkFiles(p *judge.Problems, step string, node *yaml.Node, f *Folder, seen map[string]bool) {
	ln := judge.Child(node, "files")
	for j, fl := range f.Files {
		if fl == nil {
			fl = &File{}
			f.Files[j] = fl
		}
		at := judge.Or(judge.Item(ln, j), node)
		p.UnknownKeys(at, fl)
		p.CheckID(at, step, "file", fl.ID, seen)
		switch {
		case strings.TrimSpace(fl.Name) == "" || Ext(fl.Name) == "":
			p.Add(at, "step %q: file %q needs a name with its ending, such as justificante.pdf", step, fl.ID)
		case fl.KB <= 0:
			p.Add(at, "step %q: file %q needs kb: its size in kilobytes", step, fl.ID)
		case strings.TrimSpace(fl.Preview) == "":
			p.Add(at, "step %q: file %q needs a preview: what opening it shows, in words", step, fl.ID)
		}
		if _, err := time.Parse("2006-01-02", fl.Date); err != nil {
			p.Add(judge.Or(judge.Child(at, "date"), at), "step %q: file %q needs a date such as 2026-12-05", step, fl.ID)
		}
	}
}

// check checks rule number i (from 0) at node against what the step has.
func (r *Rule) check(x *Files, p *judge.Problems, step string, i int, node *yaml.Node, files, rules map[string]bool) {
	p.UnknownKeys(node, r)
	what := p.Sprintf("step %q rule %d", step, i+1)
	p.CheckID(node, step, "rule", r.ID, rules)
	values, vn, ok := p.CheckRule(node, what, r.ID, r.Feedback, r.Check, len(r.Values), checkKinds.Get())
	if !ok {
		return
	}
	for j, v := range r.Values {
		at := judge.Or(judge.Item(vn, j), node)
		switch {
		case values == "files" && !files[v]:
			p.Add(at, "%s: there is no file %q", what, v)
		case values == "sorts" && v != SortName && v != SortDate && v != SortSize:
			p.Add(at, "%s: sort %q is not one of name, date, size", what, v)
		case values == "words" && (v == "" || strings.ContainsAny(v, " \t")):
			p.Add(at, "%s: %q should be one word the new name must have", what, v)
		}
	}
	for j, v := range r.Values {
		if values == "usb" && !x.USB(v) {
			p.Add(judge.Or(judge.Item(vn, j), node), "%s: %q is not a folder with usb: true", what, v)
		}
	}
	r.checkFileFolder(x, p, what, node, files)
	r.checkDevice(x, p, what, node)
	r.checkWrong(p, what, node, files)
}

// checkFileFolder: renamed and moved rules name a file, moved a folder.
func (r *Rule) checkFileFolder(x *Files, p *judge.Problems, what string, node *yaml.Node, files map[string]bool) {
	needsFile := r.Check == "renamed" || r.Check == "moved" || r.Check == "copied"
	switch {
	case needsFile && !files[r.File]:
		p.Add(judge.Or(judge.Child(node, "file"), node), "%s: check %q needs file: the id of one of its files", what, r.Check)
	case !needsFile && r.File != "":
		p.Add(judge.Child(node, "file"), "%s: check %q takes no file", what, r.Check)
	}
	switch {
	case r.Check == "copied" && x.Folder(r.Folder) == nil:
		p.Add(judge.Or(judge.Child(node, "folder"), node), "%s: check copied needs folder: the id of one of its folders", what)
	case r.Check == "copied":
	case r.Check == "moved" && strings.TrimSpace(r.Folder) == "":
		p.Add(node, "%s: check moved needs folder: a folder's id, or the name of the folder to make", what)
	case r.Check == "moved" && r.Folder == Trash:
		p.Add(judge.Child(node, "folder"), "%s: to ask for a file in the bin, use check deleted", what)
	case r.Check == "moved":
		if _, start := x.File(r.File); start != nil && start.ID == r.Folder {
			p.Add(judge.Child(node, "folder"), "%s: file %q is in folder %q already", what, r.File, r.Folder)
		}
	case r.Folder != "":
		p.Add(judge.Child(node, "folder"), "%s: check %q takes no folder", what, r.Check)
	}
}

// checkWrong: chosen and opened rules have words for files not asked
// for; renamed and moved rules for their mistakes.
func (r *Rule) checkWrong(p *judge.Problems, what string, node *yaml.Node, files map[string]bool) {
	wn := judge.Or(judge.Child(node, "wrong"), node)
	for id, text := range r.Wrong {
		switch {
		case strings.TrimSpace(text) == "":
			p.Add(wn, "%s: wrong %q needs words about that mistake", what, id)
		case r.Check == "chosen" || r.Check == "opened" || r.Check == "under-limit":
			if !files[id] || slices.Contains(r.Values, id) {
				p.Add(wn, "%s: wrong %q should be a file not asked for", what, id)
			}
		case wrongKeys.Get()[r.Check] != nil:
			if !slices.Contains(wrongKeys.Get()[r.Check], id) {
				p.Add(wn, "%s: wrong %q is not one of %s", what, id, strings.Join(wrongKeys.Get()[r.Check], ", "))
			}
		default:
			p.Add(wn, "%s: check %q takes no wrong", what, r.Check)
		}
	}
}

// Shape is what must be the same in every language: the folders, the
// files with their types, sizes and dates, and the rules.
func (x *Files) Shape() []string {
	out := []string{"start " + x.Start, fmt.Sprintf("limit %d", x.LimitKB)}
	if ph := x.Photo; ph != nil {
		out = append(out, fmt.Sprintf("photo %s %s %s %s %d %d %d %d", ph.ID, Ext(ph.Name), ph.Date, ph.Folder, ph.KB, ph.CropKB, ph.PDFKB, ph.CropPDFKB))
	}
	for _, f := range x.Folders {
		out = append(out, fmt.Sprintf("folder %s usb=%t", f.ID, f.USB))
		for _, fl := range f.Files {
			out = append(out, fmt.Sprintf("file %s %s %d %s", fl.ID, Ext(fl.Name), fl.KB, fl.Date))
		}
	}
	for _, r := range x.Rules {
		folder := r.Folder
		if x.Folder(folder) == nil && folder != "" {
			folder = "(made)"
		}
		out = append(out, fmt.Sprintf("rule %s %s file=%s folder=%s wrong=%s", r.ID, r.Check, r.File, folder, strings.Join(slices.Sorted(maps.Keys(r.Wrong)), ",")))
		if r.Check != "renamed" {
			out[len(out)-1] += " " + strings.Join(r.Values, ",")
		}
	}
	return out
}
