package yamlbin

import (
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

const sample = `# a comment
id: teclado
title: "El teclado: \"Intro\""
count: 3
ok: true
empty: ""
anchor: &a one
steps:
  - id: uno
    text: |
      Two lines
      of text.
    options: [a, 'b', "c"]
  - {id: dos, kind: read}
folded: >
  folded
  text
`

// noComments drops what the form does not keep.
func noComments(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		noComments(c)
	}
}

func TestRoundTrip(t *testing.T) {
	files := map[string][]byte{"a.yaml": []byte(sample), "b.yaml": []byte("x: 1\n")}
	form, err := Encode(files)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(form)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		got, ok := s.Doc(name, data)
		if !ok {
			t.Fatalf("%s: no tree", name)
		}
		var want yaml.Node
		if err := yaml.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		noComments(&want)
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("%s: the tree read back differs from yaml.v3's", name)
		}
		var a, b map[string]any
		if err := got.Decode(&a); err != nil {
			t.Fatal(err)
		}
		if err := want.Decode(&b); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: decodes to %v, want %v", name, a, b)
		}
	}
	if _, ok := s.Doc("a.yaml", []byte(sample+" ")); ok {
		t.Error("a changed file got the old tree")
	}
	if _, ok := s.Doc("c.yaml", []byte("x: 1\n")); ok {
		t.Error("a file not in the set got a tree")
	}
	var none *Set
	if _, ok := none.Doc("a.yaml", []byte(sample)); ok {
		t.Error("a nil set gave a tree")
	}
	if none.Sized("a.yaml", int64(len(sample))) {
		t.Error("a nil set has a file")
	}
	if _, ok := none.Trusted("a.yaml"); ok {
		t.Error("a nil set gave a trusted tree")
	}
}

// Sized tells a file of the size the set was made from; Trusted gives its
// tree without the file, the same tree Doc gives with it.
func TestTrusted(t *testing.T) {
	form, err := Encode(map[string][]byte{"a.yaml": []byte(sample)})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(form)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Sized("a.yaml", int64(len(sample))) {
		t.Error("the file the set was made from is not Sized")
	}
	if s.Sized("a.yaml", int64(len(sample)+1)) || s.Sized("b.yaml", int64(len(sample))) {
		t.Error("a file of another size, or another file, is Sized")
	}
	got, ok := s.Trusted("a.yaml")
	want, _ := s.Doc("a.yaml", []byte(sample))
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("Trusted gave %v, %v; Doc gives %v", got, ok, want)
	}
	if _, ok := s.Trusted("b.yaml"); ok {
		t.Error("a file not in the set got a trusted tree")
	}
}

// A damaged form is an error or gives no tree, never a panic.
func TestDamagedForm(t *testing.T) {
	data := []byte(sample)
	form, err := Encode(map[string][]byte{"a.yaml": data})
	if err != nil {
		t.Fatal(err)
	}
	for cut := 0; cut < len(form); cut++ {
		for _, f := range [][]byte{form[:cut], flip(form, cut)} {
			if s, err := Open(f); err == nil {
				s.Doc("a.yaml", data)
				s.Trusted("a.yaml")
				s.TrustedWithout("a.yaml", "steps")
			}
		}
	}
	if _, err := Encode(map[string][]byte{"x.yaml": []byte("a: &x 1\nb: *x\n")}); err == nil {
		t.Error("an alias was encoded")
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x5a
	return c
}

// TrustedWithout gives the tree Trusted gives, but for the value of the
// key, which comes without its children (and says how many it has); a
// key that is not in the top mapping (only deeper, or nowhere) changes
// nothing.
func TestTrustedWithout(t *testing.T) {
	form, err := Encode(map[string][]byte{"a.yaml": []byte(sample), "b.yaml": []byte("- steps: [x]\n")})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(form)
	if err != nil {
		t.Fatal(err)
	}
	whole, _ := s.Trusted("a.yaml")
	want, _ := s.Trusted("a.yaml")
	steps := want.Content[0].Content[13]
	if want.Content[0].Content[12].Value != "steps" || len(steps.Content) != 2 {
		t.Fatalf("the sample changed: %v", want.Content[0].Content[12].Value)
	}
	steps.Content = nil
	got, unread, ok := s.TrustedWithout("a.yaml", "steps")
	if !ok || unread != 2 || !reflect.DeepEqual(got, want) {
		t.Errorf("TrustedWithout gave %v, %d, %v; want %v, 2", got, unread, ok, want)
	}
	for _, c := range []struct{ file, key string }{{"a.yaml", "id"}, {"a.yaml", "options"}, {"a.yaml", "nothing"}, {"b.yaml", "steps"}} {
		got, unread, ok := s.TrustedWithout(c.file, c.key)
		full, _ := s.Trusted(c.file)
		if !ok || unread != -1 || !reflect.DeepEqual(got, full) {
			t.Errorf("TrustedWithout(%s, %s) gave %v, %d, %v; want the whole tree, -1", c.file, c.key, got, unread, ok)
		}
	}
	if _, _, ok := s.TrustedWithout("c.yaml", "steps"); ok {
		t.Error("a file not in the set got a tree")
	}
	if again, _ := s.Trusted("a.yaml"); !reflect.DeepEqual(again, whole) {
		t.Error("Trusted no longer gives the whole tree")
	}
}
