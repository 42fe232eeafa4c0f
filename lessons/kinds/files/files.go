// Package files is the judge of files steps: a practice file manager with
// folders and files written in the lesson file (a receipt in Downloads,
// photos of an ID card, an attachment that is really a program) and rules
// about what the learner does in it: which file they open, choose, rename,
// move or delete, and how they sort. Only outcomes are judged; a name the
// learner types lives in memory only.
package files

import (
	"path"
	"slices"
	"strings"
	"unicode"

	"aula/internal/lazy"
	"aula/lessons/judge"
	"aula/lessons/validate"
)

// Files is a practice file manager: its folders, the folder it opens on,
// and the rules that judge what the learner does.
type Files struct {
	Start   string    `yaml:"start"` // the folder shown first; default: the first folder
	Folders []*Folder `yaml:"folders"`
	Photo   *Photo    `yaml:"photo"`    // "photograph a paper" makes this image; nil: no camera
	LimitKB int       `yaml:"limit_kb"` // attaching a bigger file is refused; 0: no limit
	Rules   []*Rule   `yaml:"rules"`
}

// Folder is one practice folder (Descargas, Documentos, a USB stick).
type Folder struct {
	ID    string  `yaml:"id"`
	Name  string  `yaml:"name"`
	USB   bool    `yaml:"usb"` // a USB stick: shown once plugged in, gone once safely removed
	Files []*File `yaml:"files"`
}

// File is one practice file.
type File struct {
	ID      string `yaml:"id"`
	Name    string `yaml:"name"`    // with its extension: justificante.pdf
	KB      int    `yaml:"kb"`      // its size in kilobytes
	Date    string `yaml:"date"`    // when it was saved: 2026-12-05
	Preview string `yaml:"preview"` // what opening it shows: a PDF's words, a photo said in words
}

// Trash is the id of the bin every file manager has: deleting a file
// moves it there.
const Trash = "trash"

// Rule is one thing the task asks. Rules are checked in file order and the
// first one not met decides what the learner is told.
type Rule struct {
	// Wrong: for chosen and opened, a file not asked for; for renamed and
	// moved, a mistake id.
	judge.Rule `yaml:",inline"`
	File       string `yaml:"file"`   // renamed, moved: the file the rule is about
	Folder     string `yaml:"folder"` // moved: a folder's id, or the name of a folder the learner makes
}

// checkKinds are the checks a rule can make, with what their values are.
var checkKinds = lazy.Value[map[string]string]{New: func() map[string]string {
	return map[string]string{
		"opened":      "files", // one of these files was opened
		"not-opened":  "files", // opening one of these files is a mistake, said when it happens
		"chosen":      "files", // the file chosen (to attach) is one of these
		"sorted":      "sorts", // the list was sorted this way
		"renamed":     "words", // file has a new name with these words, its extension, no spaces or accents
		"moved":       "",      // file is in folder
		"deleted":     "files", // these files are in the bin
		"erased":      "files", // these files are gone: deleted and the bin emptied
		"copied":      "",      // file (or a copy of it) is in folder
		"ejected":     "usb",   // these USB sticks were safely removed
		"cropped":     "",      // the photo was cropped before its PDF was made
		"pdf":         "",      // a PDF was made from the photo
		"under-limit": "",      // the file attached is no bigger than limit_kb; wrong: by file refused
	}
}}

// Sort orders of the list of files.
const (
	SortName = "name"
	SortDate = "date" // newest first
	SortSize = "size" // biggest first
)

// Mistakes of a new name, as the keys of a renamed rule's wrong.
const (
	NameExtension = "extension" // the ending (.pdf) was changed or lost
	NameSpaces    = "spaces"
	NameAccents   = "accents" // accents, ñ or signs other than - and _
	NameWords     = "words"   // a word the rule asks for is missing
)

// Mistakes of an erased rule: a file still in the bin, or still in a
// folder.
const (
	ErasedInBin = "in-bin"
	ErasedLeft  = "left"
)

// MovedElsewhere is the mistake of a moved rule when the file went to
// another folder.
const MovedElsewhere = "elsewhere"

// Actions in the file manager, as Action.Kind.
const (
	ActOpen   = "open"   // opened a file to look at it
	ActChoose = "choose" // chose a file (to attach)
	ActRename = "rename"
	ActMove   = "move"
	ActMake   = "make" // made a folder
	ActDelete = "delete"
	ActSort   = "sort"
	ActCopy   = "copy"    // copied a file to another folder
	ActPlug   = "plug"    // plugged a USB stick in (ID: the folder)
	ActEject  = "eject"   // safely removed a USB stick (ID: the folder)
	ActEmpty  = "empty"   // emptied the bin
	ActPhoto  = "photo"   // photographed a paper (ID: the photo)
	ActCrop   = "crop"    // cropped the photo
	ActPDF    = "pdf"     // made a PDF of the photo (ID: the photo)
	ActTooBig = "too-big" // tried to attach a file over the limit: refused
)

// Gone is where a file is once the bin was emptied with it inside.
const Gone = "gone"

// Answer is what the learner did in the file manager. It lives in memory
// only: the judge turns it into a rule id.
type Answer struct {
	Where   map[string]string   // file id → folder id now, for files moved or deleted
	Names   map[string]string   // file id → its name now, for files renamed
	Made    map[string]string   // folder id → name, for folders the learner made
	Opened  []string            // files opened, in order
	Chosen  string              // the file chosen, "" for none
	Sorted  []string            // orders used
	Copies  map[string][]string // file id → folders a copy of it was put in
	Ejected []string            // USB sticks safely removed (and not plugged in again)
	Cropped bool                // the photo was cropped
	KB      map[string]int      // file id → its size now, for the photo and its PDF once made
	// Last is the action that asked for this check. Nil means the learner
	// asked to check: then anything not done yet is said. After an action
	// only a mistake made by that action is said, and a task under way is
	// met with silence (judge.ReasonPending).
	Last *Action
}

// Action is one thing the learner did.
type Action struct {
	Kind string // one of the Act… constants
	ID   string // the file (or the folder made)
}

// File returns the file with id and the folder it starts in, or nil.
func (x *Files) File(id string) (*File, *Folder) {
	for _, f := range x.Folders {
		for _, fl := range f.Files {
			if fl.ID == id {
				return fl, f
			}
		}
	}
	return nil, nil
}

// Folder returns the folder with id, or nil.
func (x *Files) Folder(id string) *Folder {
	for _, f := range x.Folders {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// Ext is a file name's extension in capitals without the dot ("PDF"), ""
// for none.
func Ext(name string) string {
	return strings.ToUpper(strings.TrimPrefix(path.Ext(name), "."))
}

// where is the folder file id is in now.
func (x *Files) where(a *Answer, id string) string {
	if f, ok := a.Where[id]; ok {
		return f
	}
	if _, f := x.File(id); f != nil {
		return f.ID
	}
	if x.made(id) {
		return x.Photo.Folder
	}
	return ""
}

// Judge checks what the learner did against the rules.
func (x *Files) Judge(a judge.Answer) judge.Verdict {
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
func (r *Rule) eval(x *Files, a *Answer) (met bool, mistake string, concerns bool) {
	last := a.Last
	if last == nil {
		last = &Action{}
	}
	switch r.Check {
	case "opened":
		for _, id := range r.Values {
			if slices.Contains(a.Opened, id) {
				return true, "", false
			}
		}
		if last.Kind == ActOpen && r.Wrong[last.ID] != "" {
			return false, r.ID + ":" + last.ID, true
		}
		return false, r.ID, false
	case "not-opened":
		if last.Kind == ActOpen && slices.Contains(r.Values, last.ID) {
			return false, r.ID, true
		}
		return true, "", false
	case "chosen":
		switch {
		case a.Chosen == "":
			return false, r.ID, false
		case slices.Contains(r.Values, a.Chosen):
			return true, "", false
		}
		return false, r.ID + ":" + a.Chosen, last.Kind == ActChoose
	case "sorted":
		if slices.Contains(a.Sorted, r.Values[0]) {
			return true, "", false
		}
		return false, r.ID, false
	case "renamed":
		return r.evalRenamed(x, a, last)
	case "moved":
		return r.evalMoved(x, a, last)
	case "deleted":
		for _, id := range r.Values {
			if x.where(a, id) != Trash {
				return false, r.ID, false
			}
		}
		return true, "", false
	}
	return r.evalMore(x, a, last)
}

// evalRenamed judges the new name of the rule's file.
func (r *Rule) evalRenamed(x *Files, a *Answer, last *Action) (met bool, mistake string, concerns bool) {
	f, _ := x.File(r.File)
	name, ok := a.Names[r.File]
	if f == nil || !ok || name == f.Name {
		return false, r.ID, false
	}
	concerns = last.Kind == ActRename && last.ID == r.File
	if m := NameMistake(f.Name, name, r.Values); m != "" {
		return false, r.ID + ":" + m, concerns
	}
	return true, "", false
}

// NameMistake is what is wrong with name as the new name of a file called
// old that should hold words: one of the Name… mistakes, or "".
func NameMistake(old, name string, words []string) string {
	if Ext(name) != Ext(old) || strings.HasSuffix(name, ".") {
		return NameExtension
	}
	if strings.ContainsFunc(name, unicode.IsSpace) {
		return NameSpaces
	}
	if strings.ContainsFunc(name, func(c rune) bool {
		return c > unicode.MaxASCII || c != '-' && c != '_' && c != '.' && !validate.WordRune(c)
	}) {
		return NameAccents
	}
	folded := validate.Fold(name)
	for _, w := range words {
		if !strings.Contains(folded, validate.Fold(w)) {
			return NameWords
		}
	}
	return ""
}

// evalMoved judges where the rule's file is now.
func (r *Rule) evalMoved(x *Files, a *Answer, last *Action) (met bool, mistake string, concerns bool) {
	at := x.where(a, r.File)
	if x.folderIs(a, at, r.Folder) {
		return true, "", false
	}
	_, start := x.File(r.File)
	if start != nil && at == start.ID {
		return false, r.ID, false
	}
	return false, r.ID + ":" + MovedElsewhere, last.Kind == ActMove && last.ID == r.File
}

// folderIs says whether folder id is the folder want: a folder of the
// lesson by its id, or one the learner made with that name.
func (x *Files) folderIs(a *Answer, id, want string) bool {
	if x.Folder(want) != nil {
		return id == want
	}
	name, ok := a.Made[id]
	return ok && validate.Fold(name) == validate.Fold(want)
}

// Solution is Sample (judge.Solvable): the tests judge each built-in files
// step with it.
func (x *Files) Solution() judge.Answer { return x.Sample() }

// Sample is a way through the step that meets every rule.
func (x *Files) Sample() Answer {
	a := Answer{Where: map[string]string{}, Names: map[string]string{}, Made: map[string]string{},
		Copies: map[string][]string{}, KB: map[string]int{}}
	for _, r := range x.Rules {
		switch r.Check {
		case "opened":
			a.Opened = append(a.Opened, r.Values[0])
		case "chosen":
			a.Chosen = r.Values[0]
		case "sorted":
			a.Sorted = append(a.Sorted, r.Values[0])
		case "renamed":
			if f, _ := x.File(r.File); f != nil {
				var words []string
				for _, w := range r.Values {
					words = append(words, validate.Fold(w))
				}
				a.Names[r.File] = strings.Join(words, "-") + path.Ext(f.Name)
			}
		case "moved":
			to := r.Folder
			if x.Folder(to) == nil {
				to = "made-1"
				a.Made[to] = r.Folder
			}
			a.Where[r.File] = to
		case "deleted":
			for _, id := range r.Values {
				a.Where[id] = Trash
			}
		default:
			x.sampleMore(r, &a)
		}
	}
	return a
}
