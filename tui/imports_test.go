package tui

import (
	"encoding/json"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// layers says which of the project's packages each package may import
// (tests included): imports go one way, from main down through the root of
// tui to its shared ui, never back up. docs/architecture.md draws the same
// picture. A key or an allowed path that ends in "/" stands for every
// package under it. A new package needs a line here.
var layers = map[string][]string{
	"aula":                     {"aula/"},
	"aula/i18n":                {"aula/lessons", "aula/lessons/"}, // its tests compare its languages with the lessons'
	"aula/store":               {"aula/store/"},
	"aula/store/":              {}, // internal/boltfile (a file cut short, compacting after an erasure), internal/pinhash (PINs kept as bcrypt hashes), plainname (names every terminal draws alike)
	"aula/lessons":             {"aula/lessons/"},
	"aula/lessons/internal/":   {},
	"aula/lessons/validate":    {"aula/lessons/internal/"},                      // pure validators, password strength
	"aula/lessons/judge":       {"aula/lessons/validate"},                       // the contract of a kind's judge
	"aula/lessons/kinds/":      {"aula/lessons/judge", "aula/lessons/validate"}, // one judge per folder; never lessons, never each other
	"aula/classroom":           {"aula/store", "aula/classroom/"},
	"aula/classroom/share":     {},                          // help at a distance: the relay and frames, no network
	"aula/classroom/safetext":  {},                          // text from another machine made safe for a terminal
	"aula/classroom/bundle":    {"aula/classroom/safetext"}, // a published lessons folder, bounded
	"aula/classroom/discovery": {"aula/classroom/safetext"}, // finding a hub on the network (mDNS)
	"aula/report":              {"aula/i18n", "aula/internal/pdffont", "aula/lessons", "aula/lessons/", "aula/store"},
	"aula/certificate":         {"aula/i18n", "aula/internal/pdffont", "aula/lessons", "aula/lessons/", "aula/store"},
	"aula/xapi":                {"aula/classroom", "aula/lessons", "aula/lessons/", "aula/store"},
	"aula/internal/":           {},                                              // main's helpers (termbg: the terminal's background before Bubble Tea asks)
	"aula/tools/":              {"aula/lessons", "aula/lessons/", "aula/store"}, // tools/outside: the measurement from outside; tools/limits: the size limits
	"aula/tui/ui":              {"aula/i18n", "aula/lessons", "aula/lessons/", "aula/store", "aula/tui/internal/tuitest"},
	"aula/tui/access":          {"aula/i18n", "aula/lessons", "aula/lessons/", "aula/tui/ui"},
	"aula/tui/exercise":        {"aula/lessons", "aula/lessons/", "aula/tui/access", "aula/tui/ui"},
	"aula/tui/kinds/":          {"aula/i18n", "aula/lessons", "aula/lessons/", "aula/tui/access", "aula/tui/exercise", "aula/tui/ui", "aula/tui/internal/tuitest", "aula/tui/kinds/files"}, // files: the one file picker, which the mail app and the form attach with
	"aula/tui/kinds":           {"aula/lessons", "aula/lessons/", "aula/tui/exercise", "aula/tui/kinds/", "aula/tui/ui"},
	"aula/tui/player":          {"aula/certificate", "aula/i18n", "aula/lessons", "aula/lessons/", "aula/store", "aula/tui/access", "aula/tui/exercise", "aula/tui/kinds", "aula/tui/ui"},
	"aula/tui/screens":         {"aula/classroom", "aula/classroom/discovery", "aula/store/plainname", "aula/i18n", "aula/lessons", "aula/lessons/", "aula/store", "aula/tui/access", "aula/tui/ui"},
	"aula/tui/dashboard":       {"aula/classroom", "aula/classroom/share", "aula/classroom/safetext", "aula/i18n", "aula/lessons", "aula/lessons/", "aula/store", "aula/tui/ui", "aula/tui/internal/tuitest"},
	"aula/tui/internal/":       {"aula/lessons", "aula/lessons/"},
	"aula/tui":                 {"aula/classroom", "aula/classroom/share", "aula/classroom/discovery", "aula/i18n", "aula/lessons", "aula/lessons/", "aula/store", "aula/tui/"},
}

// everywhere are leaf packages that import no other package of the
// project, which any package may use: lazy (values built on first use, so
// that a package needs no work at the program's start).
var everywhere = []string{"aula/internal/lazy"}

// rule finds the line of layers for pkg: its own, else the longest
// "folder/" line above it.
func rule(pkg string) ([]string, bool) {
	if r, ok := layers[pkg]; ok {
		return r, true
	}
	best := ""
	for k := range layers {
		if strings.HasSuffix(k, "/") && strings.HasPrefix(pkg, k) && len(k) > len(best) {
			best = k
		}
	}
	return layers[best], best != ""
}

func allows(allowed []string, imp string) bool {
	return slices.ContainsFunc(allowed, func(a string) bool {
		return a == imp || strings.HasSuffix(a, "/") && strings.HasPrefix(imp, a)
	})
}

// The shape of the project cannot erode: every import between the
// project's packages, tests included, follows layers.
func TestImportsFollowTheLayers(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports,TestImports,XTestImports", "aula/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	n := 0
	for {
		var p struct {
			ImportPath                         string
			Imports, TestImports, XTestImports []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
		allowed, ok := rule(p.ImportPath)
		if !ok {
			t.Errorf("package %s has no line in layers: add one (and to docs/architecture.md)", p.ImportPath)
			continue
		}
		for _, imp := range slices.Concat(p.Imports, p.TestImports, p.XTestImports) {
			if !strings.HasPrefix(imp, "aula/") || imp == p.ImportPath {
				continue
			}
			if !allows(allowed, imp) && !slices.Contains(everywhere, imp) {
				t.Errorf("%s imports %s: not allowed by layers", p.ImportPath, imp)
			}
		}
	}
	if n < 15 {
		t.Fatalf("go list saw only %d packages", n)
	}
}
