package discovery

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"aula/classroom/safetext"

	"golang.org/x/net/dns/dnsmessage"
)

func testZone(instance string) *zone {
	_, n, _ := net.ParseCIDR("10.0.0.0/24")
	return &zone{
		instance: dnsLabel(instance), host: "pc", port: 7420, txt: []string{"aula", "scheme=https"},
		ips: []net.IP{net.IPv4(10, 0, 0, 2).To4(), net.IPv4(10, 0, 0, 3).To4()}, nets: []*net.IPNet{n},
	}
}

// packet builds a DNS message with hdr and these questions.
func packet(t testing.TB, hdr dnsmessage.Header, qs ...dnsmessage.Question) []byte {
	t.Helper()
	b := dnsmessage.NewBuilder(nil, hdr)
	if err := b.StartQuestions(); err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if err := b.Question(q); err != nil {
			t.Fatal(err)
		}
	}
	out, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func question(name string, typ dnsmessage.Type) dnsmessage.Question {
	return dnsmessage.Question{Name: dnsmessage.MustNewName(name), Type: typ, Class: dnsmessage.ClassINET}
}

// describe decodes a reply with dnsmessage's own parser (so it is well
// formed) into one line a record: "TYPE owner → data ttl".
func describe(t testing.TB, pkt []byte) (hdr dnsmessage.Header, qs []dnsmessage.Question, recs []string) {
	t.Helper()
	var p dnsmessage.Parser
	hdr, err := p.Start(pkt)
	if err != nil {
		t.Fatalf("reply does not parse: %v", err)
	}
	if qs, err = p.AllQuestions(); err != nil {
		t.Fatalf("reply's questions: %v", err)
	}
	answers, err := p.AllAnswers()
	if err != nil {
		t.Fatalf("reply's answers: %v", err)
	}
	for _, r := range answers {
		var data string
		switch b := r.Body.(type) {
		case *dnsmessage.PTRResource:
			data = b.PTR.String()
		case *dnsmessage.SRVResource:
			data = fmt.Sprintf("%d %d %d %s", b.Priority, b.Weight, b.Port, b.Target)
		case *dnsmessage.TXTResource:
			data = strings.Join(b.TXT, "|")
		case *dnsmessage.AResource:
			data = net.IP(b.A[:]).String()
		default:
			data = r.Body.GoString()
		}
		recs = append(recs, fmt.Sprintf("%v %s → %s %d", r.Header.Type, r.Header.Name, data, r.Header.TTL))
	}
	return hdr, qs, recs
}

const (
	inst   = "Aula de Marta 1A2B._aula._tcp.local."
	ptrRec = "TypePTR _aula._tcp.local. → " + inst + " 120"
	srvRec = "TypeSRV " + inst + " → 10 1 7420 pc.local. 120"
	txtRec = "TypeTXT " + inst + " → aula|scheme=https 120"
	a2Rec  = "TypeA pc.local. → 10.0.0.2 120"
	a3Rec  = "TypeA pc.local. → 10.0.0.3 120"
)

// Which records a hub answers for which question (as hashicorp/mdns's zone
// did), and no answer at all for anything else.
func TestAnswer(t *testing.T) {
	z := testZone("Aula de Marta 1A2B")
	query := dnsmessage.Header{ID: 7}
	for _, c := range []struct {
		name string
		pkt  []byte
		want []string // nil: no reply
	}{
		{"service PTR", packet(t, query, question(serviceName, dnsmessage.TypePTR)), []string{ptrRec, srvRec, a2Rec, a3Rec, txtRec}},
		{"service ANY", packet(t, query, question(serviceName, dnsmessage.TypeALL)), []string{ptrRec, srvRec, a2Rec, a3Rec, txtRec}},
		{"service in capitals", packet(t, query, question("_AULA._TCP.Local.", dnsmessage.TypePTR)), []string{ptrRec, srvRec, a2Rec, a3Rec, txtRec}},
		{"unicast-response bit", packet(t, query, dnsmessage.Question{Name: dnsmessage.MustNewName(serviceName), Type: dnsmessage.TypePTR, Class: dnsmessage.ClassINET | 1<<15}), []string{ptrRec, srvRec, a2Rec, a3Rec, txtRec}},
		{"enumeration", packet(t, query, question(enumName, dnsmessage.TypePTR)), []string{"TypePTR " + enumName + " → " + serviceName + " 120"}},
		{"instance ANY", packet(t, query, question(inst, dnsmessage.TypeALL)), []string{srvRec, a2Rec, a3Rec, txtRec}},
		{"instance SRV", packet(t, query, question(inst, dnsmessage.TypeSRV)), []string{srvRec, a2Rec, a3Rec}},
		{"instance TXT", packet(t, query, question(inst, dnsmessage.TypeTXT)), []string{txtRec}},
		{"host A", packet(t, query, question("pc.local.", dnsmessage.TypeA)), []string{a2Rec, a3Rec}},
		{"two questions, records once", packet(t, query, question(inst, dnsmessage.TypeTXT), question(serviceName, dnsmessage.TypePTR)), []string{ptrRec, srvRec, a2Rec, a3Rec, txtRec}},
		{"host AAAA", packet(t, query, question("pc.local.", dnsmessage.TypeAAAA)), nil},
		{"enumeration SRV", packet(t, query, question(enumName, dnsmessage.TypeSRV)), nil},
		{"another service", packet(t, query, question("_http._tcp.local.", dnsmessage.TypePTR)), nil},
		{"another instance", packet(t, query, question("Aula de Luis 9F9F._aula._tcp.local.", dnsmessage.TypeALL)), nil},
		{"another host", packet(t, query, question("other.local.", dnsmessage.TypeA)), nil},
		{"class CHAOS", packet(t, query, dnsmessage.Question{Name: dnsmessage.MustNewName(serviceName), Type: dnsmessage.TypePTR, Class: dnsmessage.ClassCHAOS}), nil},
		{"a response", packet(t, dnsmessage.Header{Response: true}, question(serviceName, dnsmessage.TypePTR)), nil},
		{"opcode 2", packet(t, dnsmessage.Header{OpCode: 2}, question(serviceName, dnsmessage.TypePTR)), nil},
		{"rcode 3", packet(t, dnsmessage.Header{RCode: 3}, question(serviceName, dnsmessage.TypePTR)), nil},
		{"truncated", packet(t, dnsmessage.Header{Truncated: true}, question(serviceName, dnsmessage.TypePTR)), nil},
		{"no questions", packet(t, query), nil},
		{"empty", nil, nil},
		{"header only, a question promised", []byte{0, 7, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, nil},
		{"question cut short", packet(t, query, question(serviceName, dnsmessage.TypePTR))[:20], nil},
	} {
		out := answer(z, c.pkt, false)
		if c.want == nil {
			if out != nil {
				t.Errorf("%s: replied %x", c.name, out)
			}
			continue
		}
		if out == nil {
			t.Errorf("%s: no reply", c.name)
			continue
		}
		hdr, qs, recs := describe(t, out)
		if !hdr.Response || !hdr.Authoritative || hdr.ID != 7 || len(qs) != 0 {
			t.Errorf("%s: header %+v, questions %v; want a response with ID 7, no questions", c.name, hdr, qs)
		}
		if !slices.Equal(recs, c.want) {
			t.Errorf("%s: records\n%s\nwant\n%s", c.name, strings.Join(recs, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// A plain resolver's query (not from port 5353: Discover's, dig's) gets its
// question back and a TTL of 10 seconds (RFC 6762 §6.7).
func TestAnswerLegacy(t *testing.T) {
	q := question(serviceName, dnsmessage.TypePTR)
	out := answer(testZone("Aula de Marta 1A2B"), packet(t, dnsmessage.Header{ID: 99}, q, question("other.local.", dnsmessage.TypeA)), true)
	hdr, qs, recs := describe(t, out)
	if hdr.ID != 99 || len(qs) != 1 || qs[0] != q {
		t.Errorf("header %+v, questions %v: want ID 99 and only the answered question", hdr, qs)
	}
	for _, r := range recs {
		if !strings.HasSuffix(r, " 10") {
			t.Errorf("record %q: want TTL 10", r)
		}
	}
}

// What a hub says, the kiosk reads: names with spaces, dots and accents,
// a name too long for a label, and the scheme.
func TestAnswerReadByDiscover(t *testing.T) {
	long := strings.Repeat("é", 40) // 80 bytes: a label holds 63
	for _, c := range []struct{ instance, scheme, name string }{
		{"Aula de Marta", "https", "Aula de Marta"},
		{"Sala.2", "https", "Sala-2"}, // a dot cannot be in a label dnsmessage reads
		{"Café", "http", "Café"},
		{long, "https", strings.Repeat("é", 30)}, // 31 sent, 60 bytes shown
	} {
		z := testZone(c.instance)
		z.txt = []string{"aula", "scheme=" + c.scheme}
		got := parseResponse(answer(z, query(), true))
		want := []hubAt{
			{Found{Name: c.name, URL: c.scheme + "://10.0.0.2:7420"}, net.IPv4(10, 0, 0, 2).To4()},
			{Found{Name: c.name, URL: c.scheme + "://10.0.0.3:7420"}, net.IPv4(10, 0, 0, 3).To4()},
		}
		if !slices.EqualFunc(got, want, func(a, b hubAt) bool { return a.Found == b.Found && a.ip.Equal(b.ip) }) {
			t.Errorf("%q: read %v, want %v", c.instance, got, want)
		}
	}
}

// Questions from askers off the interface's networks are not answered (the
// hub would be a reflector); link-local askers are on the link.
func TestOnLink(t *testing.T) {
	z := testZone("x")
	for ip, want := range map[string]bool{"10.0.0.9": true, "10.0.1.9": false, "192.168.1.1": false, "169.254.7.7": true, "8.8.8.8": false} {
		if got := z.onLink(net.ParseIP(ip)); got != want {
			t.Errorf("onLink(%s) = %v, want %v", ip, got, want)
		}
	}
}

// At most maxRepliesPerSecond replies go in a second, and the next second
// has its own.
func TestReplyBudget(t *testing.T) {
	var b replyBudget
	start := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	sent := 0
	for i := range 1000 {
		if b.spend(start.Add(time.Duration(i) * time.Millisecond / 2)) { // 1000 in 0.5 s
			sent++
		}
	}
	if sent != maxRepliesPerSecond {
		t.Errorf("%d replies in half a second, want %d", sent, maxRepliesPerSecond)
	}
	if !b.spend(start.Add(time.Second)) {
		t.Error("no reply in the next second")
	}
}

// answerWith builds a response with these records (answers), by hand.
func answerWith(t testing.TB, add func(b *dnsmessage.Builder) error) []byte {
	t.Helper()
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{Response: true, Authoritative: true})
	if err := b.StartAnswers(); err != nil {
		t.Fatal(err)
	}
	if err := add(&b); err != nil {
		t.Fatal(err)
	}
	out, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A hostile answer tells of nothing it does not say in full: a PTR without
// its SRV, port 0, another service, an address for another host; a record
// the parser refuses is skipped and the rest read; a terminal's escapes in a
// name are not shown.
func TestParseResponseIsWary(t *testing.T) {
	h := func(name string) dnsmessage.ResourceHeader {
		return dnsmessage.ResourceHeader{Name: dnsmessage.MustNewName(name), Class: dnsmessage.ClassINET, TTL: 120}
	}
	n := dnsmessage.MustNewName
	pkt := answerWith(t, func(b *dnsmessage.Builder) error {
		return errors.Join(
			b.AResource(h("zz.local."), dnsmessage.AResource{A: [4]byte{10, 9, 9, 9}}), // made unreadable below
			b.PTRResource(h(serviceName), dnsmessage.PTRResource{PTR: n("NoSRV._aula._tcp.local.")}),
			b.PTRResource(h(serviceName), dnsmessage.PTRResource{PTR: n("Zero._aula._tcp.local.")}),
			b.SRVResource(h("Zero._aula._tcp.local."), dnsmessage.SRVResource{Port: 0, Target: n("h.local.")}),
			b.PTRResource(h("_http._tcp.local."), dnsmessage.PTRResource{PTR: n("Web._http._tcp.local.")}),
			b.SRVResource(h("Web._http._tcp.local."), dnsmessage.SRVResource{Port: 80, Target: n("h.local.")}),
			b.PTRResource(h(serviceName), dnsmessage.PTRResource{PTR: n("Deep.x._aula._tcp.local.")}),
			b.SRVResource(h("Deep.x._aula._tcp.local."), dnsmessage.SRVResource{Port: 81, Target: n("h.local.")}),
			b.PTRResource(h(serviceName), dnsmessage.PTRResource{PTR: n("Bad\x1b[2J\x07 hub._aula._tcp.local.")}),
			b.SRVResource(h("bad\x1b[2j\x07 HUB._aula._tcp.local."), dnsmessage.SRVResource{Port: 7420, Target: n("H.local.")}),
			b.AResource(h("h.local."), dnsmessage.AResource{A: [4]byte{10, 0, 0, 5}}),
			b.AResource(h("other.local."), dnsmessage.AResource{A: [4]byte{10, 0, 0, 6}}),
		)
	})
	i := bytes.Index(pkt, []byte("\x02zz"))
	pkt[i+1] = '.' // a label "z." that dnsmessage refuses to read
	got := parseResponse(pkt)
	want := []hubAt{{Found{Name: "Bad hub", URL: "https://10.0.0.5:7420"}, net.IPv4(10, 0, 0, 5).To4()}}
	if len(got) != 1 || got[0].Found != want[0].Found {
		t.Errorf("read %v, want %v", got, want)
	}
	if got := parseResponse(packet(t, dnsmessage.Header{}, question(serviceName, dnsmessage.TypePTR))); got != nil {
		t.Errorf("a query read as an answer: %v", got)
	}
}

// go test ./classroom/discovery/ -run '^$' -fuzz FuzzAnswer -fuzztime 20s
//
// No packet makes the responder panic, and every reply is a well-formed
// response of bounded size.
func FuzzAnswer(f *testing.F) {
	f.Add(query(), true)
	f.Add(packet(f, dnsmessage.Header{ID: 1}, question(inst, dnsmessage.TypeALL), question("pc.local.", dnsmessage.TypeA)), false)
	f.Add(packet(f, dnsmessage.Header{}, question(enumName, dnsmessage.TypePTR)), false)
	z := testZone("Aula de Marta 1A2B")
	f.Fuzz(func(t *testing.T, pkt []byte, legacy bool) {
		out := answer(z, pkt, legacy)
		if out == nil {
			return
		}
		if len(out) > 2048 {
			t.Fatalf("a %d-byte query made a %d-byte reply", len(pkt), len(out))
		}
		if hdr, _, recs := describe(t, out); !hdr.Response || len(recs) == 0 {
			t.Fatalf("reply %+v with records %v", hdr, recs)
		}
	})
}

// go test ./classroom/discovery/ -run '^$' -fuzz FuzzParseResponse -fuzztime 20s
//
// No answer makes the kiosk panic, and what it reads is bounded, shown
// clean, and a URL.
func FuzzParseResponse(f *testing.F) {
	for _, name := range []string{"Aula de Marta", "Café", "x"} {
		f.Add(answer(testZone(name), query(), true))
		f.Add(answer(testZone(name), query(), false))
	}
	f.Fuzz(func(t *testing.T, pkt []byte) {
		got := parseResponse(pkt)
		if len(got) > maxInstances*maxAddrs {
			t.Fatalf("%d hubs from one answer", len(got))
		}
		for _, h := range got {
			if !safetext.Is(h.Name, foundNameBytes) {
				t.Fatalf("name %q shown as it came", h.Name)
			}
			if u, err := url.Parse(h.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Port() == "" || u.Port() == "0" {
				t.Fatalf("URL %q", h.URL)
			}
		}
	})
}
