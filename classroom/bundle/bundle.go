// Package bundle is a lessons folder a trainer publishes to the class
// (aula hub --publish DIR), as it travels from the hub to the kiosks:
// bounded in number, size and names on both sides.
package bundle

import (
	"aula/classroom/safetext"
	"aula/internal/lazy"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing/fstest"
	"unicode/utf8"
)

// Lessons a trainer publishes to the class (aula hub --publish DIR): the
// hub serves the folder's lesson files to the laptops of its class, which
// check them as aula lessons check does and use them beside the built-in
// ones. The folder travels as a Folder: a list of files, bounded in
// number, size and names on both sides (the hub when it reads the folder,
// the kiosk when it receives it), over the class's own connection (the
// pinned certificate, the laptop's token): a hub that is not the class's
// cannot send one.

// Limits on a published folder. A lesson file is a few to 30 kB (the
// longest built-in form is 26 kB); a class's folder is a handful of them.
const (
	MaxFiles = 200       // files in a folder
	MaxFile  = 256 << 10 // bytes in one file
	MaxBytes = 2 << 20   // bytes in all the files together
	MaxName  = 80        // bytes in a file's name, its language folder included
)

// Folder is a published lessons folder.
type Folder struct {
	Version string `json:"version"` // Version of Files
	Files   []File `json:"files"`   // sorted by name
}

// File is one file of a published folder.
type File struct {
	Name string `json:"name"` // es/ayuda-alquiler.yaml, or class.yaml at the top
	Data []byte `json:"data"`
}

// bundleName is what a file of a published folder may be called: the
// class file, or a YAML file of lowercase letters, digits, dashes and
// underscores in a language folder. No other folder, no dots but the
// extension's: no way up (..), no hidden files.
var bundleName = lazy.Regexp{Expr: `^(class\.yaml|[a-z]{2,3}/[a-z0-9][a-z0-9_-]*\.ya?ml)$`}

// langFolder is a language folder's name (as lessons reads them).
var langFolder = lazy.Regexp{Expr: `^[a-z]{2,3}$`}

// ErrFolder is what every refusal of a published folder wraps.
var ErrFolder = errors.New("the lessons folder cannot be published")

// Error is a refusal of a published folder: its words are Format, a
// message id of the trainer's catalogue (as the lesson checker's are), and
// its Args.
type Error struct {
	Format string
	Args   []any
}

func (e *Error) Error() string { return ErrFolder.Error() + ": " + fmt.Sprintf(e.Format, e.Args...) }

// Unwrap makes every Error an ErrFolder.
func (e *Error) Unwrap() error { return ErrFolder }

// Say is the refusal in the words of format, which gives a message id's
// text in the trainer's language (i18n.Catalog.Format).
func (e *Error) Say(format func(msgid string) string) string {
	return format(ErrFolder.Error()) + ": " + fmt.Sprintf(format(e.Format), e.Args...)
}

func bundleErr(format string, a ...any) error { return &Error{Format: format, Args: a} }

// readErr is a file or folder that cannot be read, in plain words.
func readErr(name string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return bundleErr("%s cannot be read: this computer's user may not open it (check its permissions)", name)
	}
	return bundleErr("%s cannot be read (%v)", name, err)
}

// Read reads a trainer's lessons folder for publishing: class.yaml
// and the YAML files of its language folders (other files, such as an
// editor's backups, are left out). A file too big, too many files, or a
// YAML file whose name cannot travel is refused, before it is read whole.
func Read(fsys fs.FS) (Folder, error) {
	var b Folder
	total := 0
	add := func(name string) error {
		if !bundleName.Get().MatchString(name) || len(name) > MaxName {
			return bundleErr("the file name %q: use lowercase letters, digits and dashes, ending in .yaml", safetext.Text(name, MaxName))
		}
		if len(b.Files) == MaxFiles {
			return bundleErr("more than %d files", MaxFiles)
		}
		f, err := fsys.Open(name)
		if err != nil {
			return readErr(name, err)
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, MaxFile+1))
		if err != nil {
			return readErr(name, err)
		}
		if len(data) > MaxFile {
			return bundleErr("%s is bigger than %d kB", name, MaxFile>>10)
		}
		if total += len(data); total > MaxBytes {
			return bundleErr("the files together are bigger than %d MB", MaxBytes>>20)
		}
		b.Files = append(b.Files, File{Name: name, Data: data})
		return nil
	}
	top, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return Folder{}, readErr(".", err)
	}
	for _, e := range top {
		switch {
		case e.Name() == "class.yaml" && e.Type().IsRegular():
			err = add(e.Name())
		case e.IsDir() && langFolder.Get().MatchString(e.Name()):
			err = readLangFolder(fsys, e.Name(), add)
		}
		if err != nil {
			return Folder{}, err
		}
	}
	sort.Slice(b.Files, func(i, j int) bool { return b.Files[i].Name < b.Files[j].Name })
	b.Version = Version(b.Files)
	return b, Check(b)
}

// readLangFolder adds the YAML files of one language folder.
func readLangFolder(fsys fs.FS, dir string, add func(string) error) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return readErr(dir, err)
	}
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if !e.Type().IsRegular() || (ext != ".yaml" && ext != ".yml") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := add(dir + "/" + e.Name()); err != nil {
			return err
		}
	}
	return nil
}

// Version is the SHA-256 of a folder's files (names and contents,
// in order), in hex: the same files, the same version.
func Version(files []File) string {
	h := sha256.New()
	var n [8]byte
	for _, f := range files {
		for _, part := range [][]byte{[]byte(f.Name), f.Data} {
			binary.BigEndian.PutUint64(n[:], uint64(len(part)))
			h.Write(n[:])
			h.Write(part)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Check refuses a folder beyond the limits: too many files, a file
// or all of them too big, a name that is not a lesson file's (a way up,
// another folder, a control character), the same name twice, files out
// of order, text that is not UTF-8 or holds characters that could take
// over a terminal (escape sequences, bidirectional overrides), or a
// version that is not its files'. The hub checks what it publishes and the
// kiosk what it receives.
func Check(b Folder) error {
	if len(b.Files) > MaxFiles {
		return bundleErr("more than %d files", MaxFiles)
	}
	total := 0
	for i, f := range b.Files {
		name := safetext.Text(f.Name, MaxName)
		switch {
		case len(f.Name) > MaxName || !bundleName.Get().MatchString(f.Name):
			return bundleErr("the file name %q is not a lesson file's", name)
		case i > 0 && b.Files[i-1].Name >= f.Name:
			return bundleErr("the file %q comes twice or out of order", name)
		case len(f.Data) > MaxFile:
			return bundleErr("%s is bigger than %d kB", name, MaxFile>>10)
		}
		if total += len(f.Data); total > MaxBytes {
			return bundleErr("the files together are bigger than %d MB", MaxBytes>>20)
		}
		if err := checkText(name, f.Data); err != nil {
			return err
		}
	}
	if b.Version != Version(b.Files) {
		return bundleErr("its version does not match its files")
	}
	return nil
}

// checkText refuses what a lesson file must not hold: invalid UTF-8, and
// characters safetext.Text would take out of a text (line breaks and tabs
// apart; a byte order mark at the start is allowed).
func checkText(name string, data []byte) error {
	if !utf8.Valid(data) {
		return bundleErr("%s: the text is not UTF-8: save the file as UTF-8", name)
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	line := 1
	for _, r := range s {
		switch {
		case r == '\n':
			line++
		case r == '\t' || r == '\r':
		case !safetext.Keep(r):
			return bundleErr("%s: line %d has a character that cannot be shown (U+%04X)", name, line, r)
		}
	}
	return nil
}

// FS is the folder as a file system, for the lessons loader: the
// standard library's map of files (testing/fstest is its home, but it
// imports nothing of the testing package, and holds the folder as it is).
func (b Folder) FS() fs.FS {
	m := fstest.MapFS{}
	for _, f := range b.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o444}
	}
	return m
}

// MaxIDs is how many lesson ids of a published folder the hub keeps for
// the dashboard's list.
const MaxIDs = 100

// CleanIDs bounds a published folder's lesson ids (MaxIDs, each as long as
// a lesson id may be) and makes them safe for a terminal.
func CleanIDs(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	ids = ids[:min(len(ids), MaxIDs)]
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = safetext.Text(id, 64)
	}
	return out
}
