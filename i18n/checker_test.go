package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// checkerMsgids are the messages the lesson checker makes (judge.Say's
// msgids): the format literals of X.Add(node, "…"), X.AddAt(line, "…") and
// X.Sprintf("…") under lessons/, X not fmt.
func checkerMsgids(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir("../lessons", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := c.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "fmt" {
				return true
			}
			arg := map[string]int{"Add": 1, "AddAt": 1, "Sprintf": 0}
			i, ok := arg[sel.Sel.Name]
			if !ok || len(c.Args) <= i {
				return true
			}
			if lit, ok := c.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every message of the lesson checker is in every language's catalogue,
// with the same fmt verbs: aula lessons check speaks the trainer's
// language, never English by accident.
func TestEveryCheckerMessageIsTranslated(t *testing.T) {
	ids := checkerMsgids(t)
	if len(ids) < 150 {
		t.Fatalf("found only %d checker messages in lessons/; is the pattern right?", len(ids))
	}
	inEveryCatalogue(t, ids, "the checker's message")
	if got := New("es").Format("unknown field %q"); got != "campo desconocido %q" {
		t.Errorf("Spanish says %q", got)
	}
	if got := New("es").Format("a message nobody wrote %d"); got != "a message nobody wrote %d" {
		t.Errorf("a message the catalogue lacks is said as it is; got %q", got)
	}
}

// inEveryCatalogue checks that every msgid of ids (what names them in a
// failure) is in each language's catalogue, with the same fmt verbs.
func inEveryCatalogue(t *testing.T, ids []string, what string) {
	t.Helper()
	for _, lang := range Langs() {
		keys := keysOf(t, lang)
		c := New(lang)
		for _, id := range ids {
			if !keys[id] {
				t.Errorf("messages.%s.yaml lacks %s %q", lang, what, id)
				continue
			}
			if got, want := verbs(c.Format(id)), verbs(id); got != want {
				t.Errorf("%s: %q has verbs %s, want those of %q (%s)", lang, c.Format(id), got, id, want)
			}
		}
	}
}

// verbs are the fmt verbs of format, sorted by the argument they take
// (%[2]q counts as the second): "q,d,s".
func verbs(format string) string {
	var out []string
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		arg := next
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			n, _ := strconv.Atoi(format[i+1 : i+end])
			arg, i = n-1, i+end+1
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) {
			for len(out) <= arg {
				out = append(out, "")
			}
			out[arg] = string(format[i])
		}
		next = arg + 1
	}
	return strings.Join(out, ",")
}

// bundleMsgids are the refusals of a published lessons folder: the format
// literals of bundleErr("…") in classroom/bundle, and ErrFolder's words.
func bundleMsgids(t *testing.T) []string {
	t.Helper()
	out := []string{"the lessons folder cannot be published"}
	f, err := parser.ParseFile(token.NewFileSet(), "../classroom/bundle/bundle.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || len(c.Args) == 0 {
			return true
		}
		if id, ok := c.Fun.(*ast.Ident); !ok || id.Name != "bundleErr" {
			return true
		}
		if lit, ok := c.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return true
	})
	return out
}

// Every refusal of a published folder (too big, unreadable, a bad name,
// text a terminal cannot show) is in every catalogue with the same verbs:
// the dashboard tells it in the trainer's language.
func TestEveryPublishRefusalIsTranslated(t *testing.T) {
	ids := bundleMsgids(t)
	if len(ids) < 10 {
		t.Fatalf("found only %d refusals in classroom/bundle; is the pattern right?", len(ids))
	}
	inEveryCatalogue(t, ids, "the refusal")
}
