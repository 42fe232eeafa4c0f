// Package limits holds the test that keeps the project's files and
// packages small enough to read (issue 13): no file of non-test Go code
// over 600 lines, no package over 4,000.
package limits

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const (
	maxFileLines    = 600
	maxPackageLines = 4000
)

// exempt are folders the limits do not hold for yet, each with its reason.
var exempt = map[string]string{}

// Every non-test Go file is at most 600 lines, and the non-test files of
// every package (folder) add up to at most 4,000.
func TestFileAndPackageSizes(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the project root is not %s: %v", root, err)
	}
	files, err := countLines(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found only %d Go files under %s", len(files), root)
	}
	packages := map[string]int{}
	for _, f := range files {
		if f.lines > maxFileLines {
			t.Errorf("%s has %d lines of non-test code; the limit is %d: split it by what its parts are about", f.path, f.lines, maxFileLines)
		}
		packages[path.Dir(f.path)] += f.lines
	}
	dirs := make([]string, 0, len(packages))
	for dir := range packages {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		if n := packages[dir]; n > maxPackageLines {
			t.Errorf("package %s has %d lines of non-test code; the limit is %d: move a concern into a package of its own", dir, n, maxPackageLines)
		}
	}
	for dir, why := range exempt {
		t.Logf("not held to the limits: %s (%s)", dir, why)
	}
}

// goFile is a non-test Go file: its path from the root, with slashes, and
// its number of lines.
type goFile struct {
	path  string
	lines int
}

// generated is Go's mark of a generated file (go help generate).
var generated = regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`)

// countLines counts the lines of every non-test Go file under root, but
// those in hidden folders, testdata and the exempt folders, and generated
// files.
func countLines(root string) ([]goFile, error) {
	var out []goFile
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if _, ok := exempt[path.Dir(rel)]; ok {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if generated.Match(data) {
			return nil // made by a program (go generate), not written: nobody reads it to find their way
		}
		n := bytes.Count(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] != '\n' {
			n++
		}
		out = append(out, goFile{path: rel, lines: n})
		return nil
	})
	return out, err
}
