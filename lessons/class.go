package lessons

import (
	"errors"

	"io/fs"
	"path"
	"slices"
	"strings"

	"aula/lessons/judge"
)

// ClassFile is a trainer's folder's settings for a class, beside its
// language folders: the built-in itineraries the class does not see.
//
//	hide: [correo-electronico, buscar-en-internet]
const ClassFile = "class.yaml"

// classFile is what ClassFile holds.
type classFile struct {
	Hide []string `yaml:"hide"`
}

// ApplyClass reads the ClassFile of src, when it has one, and takes the
// built-in itineraries it hides out of every language of lib (their lessons
// stay, under every lesson). It returns the file's problems: an id that is
// not an itinerary of another source (a trainer hides Aula's, not their
// own).
func ApplyClass(lib *Library, src Source) []Problem {
	data, err := fs.ReadFile(src.FS, ClassFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	p := newFileProblems(path.Join(src.Name, ClassFile), nil, false, lib.say)
	if err != nil {
		p.Add(nil, "cannot read the file: %v", err)
		return p.List
	}
	root := parseDoc(p, data)
	if root == nil {
		return p.List
	}
	var f classFile
	p.UnknownKeys(root, &f)
	if err := root.Decode(&f); err != nil {
		p.Add(root, "cannot read the class settings: %v", err)
		return p.List
	}
	ref := lib.Catalog(DefaultLanguage)
	ids := judge.Child(root, "hide")
	for i, id := range f.Hide {
		at := judge.Or(judge.Item(ids, i), root)
		if !slices.ContainsFunc(ref.Itineraries, func(it *Itinerary) bool { return it.ID == id && !fromSource(it, src) }) {
			p.Add(at, "hide: %q is not one of Aula's itineraries (aula lessons list shows them)", id)
		}
	}
	for _, lang := range lib.Langs() {
		cat := lib.Catalog(lang)
		cat.Itineraries = slices.DeleteFunc(cat.Itineraries, func(it *Itinerary) bool {
			return slices.Contains(f.Hide, it.ID) && !fromSource(it, src)
		})
	}
	return p.List
}

// fromSource says whether an itinerary was read from src.
func fromSource(it *Itinerary, src Source) bool {
	return strings.HasPrefix(it.file, path.Clean(src.Name)+"/")
}
