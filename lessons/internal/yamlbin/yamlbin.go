// Package yamlbin keeps YAML files as the node trees yaml.v3 parses them
// into, in a compact binary form made at build time: reading a tree back
// takes two allocations and no parsing, and its strings stay where the
// form is (the binary's read-only data, when it is embedded).
//
// Doc gives a tree only for the very file it was made from (same size and
// CRC-32C); a file changed since falls back to parsing its YAML. Trusted
// skips the sum, for a set embedded beside its files (Sized).
//
// The form: "yamlbin1", the number of files, then per file its name, size,
// CRC-32C, number of nodes and the length of its tree, then the trees.
// A node is its kind, style, line, column, tag, value, anchor and number
// of children, then the children. Numbers are uvarints; strings a length
// and their bytes. Comments and aliases are not kept.
package yamlbin

import (
	"aula/internal/lazy"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"unsafe"

	"gopkg.in/yaml.v3"
)

const magic = "yamlbin1"

// castagnoli is made when first used, not when the program starts.
var castagnoli = lazy.Value[*crc32.Table]{New: func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) }}

// Encode makes the form of files (name → YAML), each parsed with yaml.v3.
func Encode(files map[string][]byte) ([]byte, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	var head, trees []byte
	head = append(head, magic...)
	head = binary.AppendUvarint(head, uint64(len(names)))
	for _, name := range names {
		var doc yaml.Node
		if err := yaml.Unmarshal(files[name], &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		var tree []byte
		n, err := appendNode(&tree, &doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		head = appendString(head, name)
		head = binary.AppendUvarint(head, uint64(len(files[name])))
		head = binary.LittleEndian.AppendUint32(head, crc32.Checksum(files[name], castagnoli.Get()))
		head = binary.AppendUvarint(head, uint64(n))
		head = binary.AppendUvarint(head, uint64(len(tree)))
		trees = append(trees, tree...)
	}
	return append(head, trees...), nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// appendNode appends n and its children, and says how many nodes that is.
func appendNode(b *[]byte, n *yaml.Node) (int, error) {
	if n.Kind == yaml.AliasNode {
		return 0, fmt.Errorf("line %d: aliases are not kept", n.Line)
	}
	for _, v := range []uint64{uint64(n.Kind), uint64(n.Style), uint64(n.Line), uint64(n.Column)} {
		*b = binary.AppendUvarint(*b, v)
	}
	*b = appendString(*b, n.Tag)
	*b = appendString(*b, n.Value)
	*b = appendString(*b, n.Anchor)
	*b = binary.AppendUvarint(*b, uint64(len(n.Content)))
	count := 1
	for _, c := range n.Content {
		k, err := appendNode(b, c)
		if err != nil {
			return 0, err
		}
		count += k
	}
	return count, nil
}

// Set is the files of a form, read back.
type Set struct {
	files map[string]*file
}

type file struct {
	size  int
	crc   uint32
	nodes int
	tree  []byte
}

var errCorrupt = errors.New("yamlbin: the form is damaged")

// Open reads the list of files of form. The strings of the trees it gives
// point into form, which must not change.
func Open(form []byte) (*Set, error) {
	r := reader{b: form}
	if !bytes.HasPrefix(form, []byte(magic)) {
		return nil, errCorrupt
	}
	r.i = len(magic)
	count := r.uint()
	if count > len(form) {
		return nil, errCorrupt
	}
	s := &Set{files: make(map[string]*file, count)}
	type span struct {
		f *file
		n int
	}
	spans := make([]span, 0, count)
	for range count {
		name := r.string()
		f := &file{size: r.uint()}
		if r.i+4 > len(form) {
			return nil, errCorrupt
		}
		f.crc = binary.LittleEndian.Uint32(form[r.i:])
		r.i += 4
		f.nodes = r.uint()
		spans = append(spans, span{f, r.uint()})
		s.files[name] = f
	}
	for _, sp := range spans {
		if r.err || r.i+sp.n > len(form) {
			return nil, errCorrupt
		}
		sp.f.tree = form[r.i : r.i+sp.n : r.i+sp.n]
		r.i += sp.n
	}
	if r.err {
		return nil, errCorrupt
	}
	return s, nil
}

// Doc returns the document node of file name, if the set has it and data
// is the file it was made from. Each call reads a new tree (the set keeps
// none: once a file is read, its tree is garbage).
func (s *Set) Doc(name string, data []byte) (*yaml.Node, bool) {
	if s == nil {
		return nil, false
	}
	f, ok := s.files[name]
	if !ok || f.size != len(data) || crc32.Checksum(data, castagnoli.Get()) != f.crc {
		return nil, false
	}
	doc := f.read()
	return doc, doc != nil
}

// Sized says whether the set has file name, made from a file of size
// bytes. A set embedded in the binary beside the very files it was made
// from (a test checks they agree) can be trusted on that alone: reading
// and summing every file at each start cost more than the tree saves.
func (s *Set) Sized(name string, size int64) bool {
	if s == nil {
		return false
	}
	f, ok := s.files[name]
	return ok && int64(f.size) == size
}

// Trusted returns the document node of file name without checking it
// against the file (see Sized).
func (s *Set) Trusted(name string) (*yaml.Node, bool) {
	if s == nil {
		return nil, false
	}
	f, ok := s.files[name]
	if !ok {
		return nil, false
	}
	doc := f.read()
	return doc, doc != nil
}

// TrustedWithout is Trusted leaving one subtree unread: the value of key
// in the document's top mapping (a lesson's steps) comes with no content,
// and unread says how many children it has. Its nodes are neither made
// nor kept; Trusted reads the whole tree when they are needed. With no
// such key it gives the whole tree, and unread is -1.
func (s *Set) TrustedWithout(name, key string) (doc *yaml.Node, unread int, ok bool) {
	if s == nil {
		return nil, -1, false
	}
	f, ok := s.files[name]
	if !ok {
		return nil, -1, false
	}
	d := decoder{without: key, unread: -1}
	doc = f.readWith(&d)
	return doc, d.unread, doc != nil
}

// read reads the tree of f: its nodes in one slice, their children in
// another.
func (f *file) read() *yaml.Node {
	return f.readWith(&decoder{})
}

// readWith reads the tree of f with d (see TrustedWithout).
func (f *file) readWith(d *decoder) *yaml.Node {
	if f.nodes < 1 || f.nodes > len(f.tree) { // a node takes 8 bytes or more
		return nil
	}
	nodes := f.nodes
	if d.without != "" {
		n, at, end := f.sizeOf(d.without)
		nodes -= n - 1
		d.skipAt, d.skipEnd = at, end
	}
	if nodes < 1 { // a damaged form
		return nil
	}
	d.r = reader{b: f.tree}
	d.nodes, d.kids = make([]yaml.Node, nodes), make([]*yaml.Node, nodes-1)
	root := d.node(0)
	if d.r.err || d.r.i != len(f.tree) || d.used != nodes {
		return nil
	}
	return root
}

// sizeOf counts the nodes of the value of key in the top mapping of f's
// tree, itself included (1 when there is none), and says where in the
// tree that value starts and ends, so that the decoder passes it without
// reading it again (0, 0 when there is none).
func (f *file) sizeOf(key string) (n, at, end int) {
	r := reader{b: f.tree}
	if _, _, k := r.header(); k != 1 { // the document
		return 1, 0, 0
	}
	kind, _, k := r.header()
	if yaml.Kind(kind) != yaml.MappingNode {
		return 1, 0, 0
	}
	for i := 0; i+1 < k && !r.err; i += 2 {
		_, name, kk := r.header()
		for range kk {
			r.skip()
		}
		at := r.i
		if n := r.skip(); name == key && !r.err {
			return n, at, r.i
		}
	}
	return 1, 0, 0
}

type decoder struct {
	r     reader
	nodes []yaml.Node
	kids  []*yaml.Node
	used  int // nodes
	kUsed int // kids

	without string // the key of the top mapping whose value is left unread
	unread  int    // how many children that value has
	// skipAt and skipEnd are where that value starts and ends in the tree
	// (file.sizeOf): the decoder jumps over its children.
	skipAt, skipEnd int
}

// node reads a node at depth (the document is 0) and its children.
func (d *decoder) node(depth int) *yaml.Node {
	if d.used >= len(d.nodes) {
		d.r.err = true
		return nil
	}
	n := &d.nodes[d.used]
	d.used++
	at := d.r.i
	n.Kind = yaml.Kind(d.r.uint())
	n.Style = yaml.Style(d.r.uint())
	n.Line = d.r.uint()
	n.Column = d.r.uint()
	n.Tag = d.r.string()
	n.Value = d.r.string()
	n.Anchor = d.r.string()
	k := d.r.uint()
	if k == 0 || d.r.err {
		return n
	}
	if depth == 2 && d.without != "" && d.unread < 0 && d.isWithout(n) {
		d.unread = k
		if at == d.skipAt && d.skipEnd > at {
			d.r.i = d.skipEnd // counted already
			return n
		}
		for range k {
			d.r.skip()
		}
		return n
	}
	if d.kUsed+k > len(d.kids) {
		d.r.err = true
		return n
	}
	n.Content = d.kids[d.kUsed : d.kUsed+k : d.kUsed+k]
	d.kUsed += k
	for i := range k {
		c := d.node(depth + 1)
		if c == nil {
			return n
		}
		n.Content[i] = c
	}
	return n
}

// isWithout says whether n, just read at depth 2, is the value of the key
// left unread: its parent is the top mapping and the node before it, in
// that mapping, that key.
func (d *decoder) isWithout(n *yaml.Node) bool {
	if d.used < 3 {
		return false
	}
	top := &d.nodes[1]
	if top.Kind != yaml.MappingNode {
		return false
	}
	before := &d.nodes[d.used-2]
	i := slices.Index(top.Content, before)
	return i >= 0 && i%2 == 0 && i+1 < len(top.Content) && top.Content[i+1] == nil && before.Value == d.without && before.Content == nil
}

// reader reads uvarints and strings; err says it ran out.
type reader struct {
	b   []byte
	i   int
	err bool
}

func (r *reader) uint() int {
	v, n := binary.Uvarint(r.b[min(r.i, len(r.b)):])
	if n <= 0 || v > 1<<31 {
		r.err = true
		return 0
	}
	r.i += n
	return int(v)
}

// header reads a node's kind, value and number of children, and passes
// the rest.
func (r *reader) header() (kind int, value string, kids int) {
	kind = r.uint()
	r.uint() // style
	r.uint() // line
	r.uint() // column
	r.string()
	value = r.string()
	r.string() // anchor
	return kind, value, r.uint()
}

// skip passes a node and its children, and says how many nodes that is.
func (r *reader) skip() int {
	_, _, k := r.header()
	if r.err || k > len(r.b)-r.i { // a node takes 8 bytes or more
		r.err = true
		return 1
	}
	n := 1
	for range k {
		n += r.skip()
	}
	return n
}

// string returns the next string, pointing into the form (no copy).
func (r *reader) string() string {
	n := r.uint()
	if r.err || r.i+n > len(r.b) {
		r.err = true
		return ""
	}
	if n == 0 {
		return ""
	}
	s := unsafe.String(&r.b[r.i], n)
	r.i += n
	return s
}

// OpenString is Open on a form held in a string (an embedded file, left
// in the binary's read-only data).
func OpenString(form string) (*Set, error) {
	if form == "" {
		return nil, errCorrupt
	}
	return Open(unsafe.Slice(unsafe.StringData(form), len(form)))
}
