package discovery

import (
	"context"
	"errors"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"

	"aula/classroom/safetext"

	"golang.org/x/net/dns/dnsmessage"
	"golang.org/x/net/ipv4"
)

// The kiosk's side: one question for _aula._tcp.local. on an interface,
// from an ordinary UDP socket (so the hubs' unicast answers come back to
// it, and no multicast route is needed), and the answers read from it.
// Every answer is untrusted (any laptop on the Wi-Fi can send one): it is
// read within bounds, and what it says is only a name and an address to
// offer, which joining then proves with the class code.

const (
	maxFound       = 32 // hubs listed
	maxRecords     = 64 // records read from one answer
	maxAddrs       = 8  // addresses read for one host
	maxInstances   = 8  // hubs read from one answer
	foundNameBytes = 60 // bytes of a hub's name shown
)

// hubAt is one hub an answer tells of, at one address.
type hubAt struct {
	Found
	ip net.IP
}

// query is the question Discover multicasts: PTR _aula._tcp.local.,
// with the top bit of its class asking for a unicast answer (RFC 6762
// §5.4).
func query() []byte {
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{})
	_ = b.StartQuestions()
	_ = b.Question(dnsmessage.Question{Name: dnsmessage.MustNewName(serviceName), Type: dnsmessage.TypePTR, Class: dnsmessage.ClassINET | 1<<15})
	out, _ := b.Finish()
	return out
}

// ask asks on ifi (nil: the system's choice) and passes what it hears to
// take until deadline or ctx ends.
func ask(ctx context.Context, ifi *net.Interface, deadline time.Time, take func(hubAt)) {
	c, err := net.ListenUDP("udp4", &net.UDPAddr{})
	if err != nil {
		return
	}
	defer c.Close()
	p := ipv4.NewPacketConn(c)
	if ifi != nil && p.SetMulticastInterface(ifi) != nil {
		return
	}
	_ = p.SetMulticastTTL(255) // RFC 6762 §11
	if c.SetReadDeadline(deadline) != nil {
		return
	}
	defer context.AfterFunc(ctx, func() { _ = c.SetReadDeadline(time.Now()) })()
	if _, err := c.WriteToUDP(query(), mdnsGroup); err != nil {
		return
	}
	buf := make([]byte, maxPacket)
	for {
		n, src, err := c.ReadFromUDP(buf)
		if err != nil {
			return // the deadline, or ctx
		}
		if src.Port != mdnsPort {
			continue // RFC 6762 §6: answers come from port 5353
		}
		for _, h := range parseResponse(buf[:n]) {
			take(h)
		}
	}
}

// records is what one answer says, by lower-case owner name.
type records struct {
	instances []string             // PTR _aula._tcp.local. → these (as written)
	srv       map[string]srvRecord // instance → host and port
	txt       map[string][]string  // instance → its strings
	a         map[string][]net.IP  // host → its addresses
}

type srvRecord struct {
	host string
	port uint16
}

// parseResponse is the hubs one mDNS answer tells of, from its answers and
// additional records. pkt is untrusted: anything malformed, or not an
// answer, tells of nothing; no more than maxRecords are read.
func parseResponse(pkt []byte) []hubAt {
	var p dnsmessage.Parser
	h, err := p.Start(pkt)
	if err != nil || !h.Response || h.OpCode != 0 || h.RCode != dnsmessage.RCodeSuccess {
		return nil
	}
	if p.SkipAllQuestions() != nil {
		return nil
	}
	r := records{srv: map[string]srvRecord{}, txt: map[string][]string{}, a: map[string][]net.IP{}}
	budget := maxRecords
	if !r.read(&p, p.AnswerHeader, p.SkipAnswer, &budget) || p.SkipAllAuthorities() != nil {
		return r.hubs()
	}
	r.read(&p, p.AdditionalHeader, p.SkipAdditional, &budget)
	return r.hubs()
}

// read reads one section's records (with next and skip, the parser's
// functions for that section) while budget lasts; false when the rest of
// the message cannot be read.
func (r *records) read(p *dnsmessage.Parser, next func() (dnsmessage.ResourceHeader, error), skip func() error, budget *int) bool {
	for ; *budget > 0; *budget-- {
		h, err := next()
		if errors.Is(err, dnsmessage.ErrSectionDone) {
			return true
		}
		if err != nil {
			if skip() != nil { // a name the parser refuses (a dot in a label)
				return false
			}
			continue
		}
		owner := strings.ToLower(h.Name.String())
		switch h.Type {
		case dnsmessage.TypePTR:
			rr, err := p.PTRResource()
			if err != nil {
				return false
			}
			target := rr.PTR.String()
			if owner == serviceName && len(r.instances) < maxInstances && !slices.ContainsFunc(r.instances, func(s string) bool { return strings.EqualFold(s, target) }) {
				r.instances = append(r.instances, target)
			}
		case dnsmessage.TypeSRV:
			rr, err := p.SRVResource()
			if err != nil {
				return false
			}
			r.srv[owner] = srvRecord{host: strings.ToLower(rr.Target.String()), port: rr.Port}
		case dnsmessage.TypeTXT:
			rr, err := p.TXTResource()
			if err != nil {
				return false
			}
			r.txt[owner] = rr.TXT
		case dnsmessage.TypeA:
			rr, err := p.AResource()
			if err != nil {
				return false
			}
			if len(r.a[owner]) < maxAddrs {
				r.a[owner] = append(r.a[owner], net.IP(rr.A[:]))
			}
		default:
			if skip() != nil {
				return false
			}
		}
	}
	return false
}

// hubs are the instances the records tell of in full: a name under
// _aula._tcp.local., a port, an address; https unless the TXT record says
// scheme=http.
func (r *records) hubs() []hubAt {
	var out []hubAt
	for _, inst := range r.instances {
		key := strings.ToLower(inst)
		srv, ok := r.srv[key]
		label, rest, _ := strings.Cut(inst, ".")
		if !ok || srv.port == 0 || label == "" || !strings.EqualFold(rest, serviceName) {
			continue
		}
		scheme := "https"
		if slices.Contains(r.txt[key], "scheme=http") {
			scheme = "http"
		}
		name := safetext.Text(instanceName(inst), foundNameBytes)
		for _, ip := range r.a[srv.host] {
			url := scheme + "://" + net.JoinHostPort(ip.String(), strconv.Itoa(int(srv.port)))
			out = append(out, hubAt{Found: Found{Name: name, URL: url}, ip: ip})
		}
	}
	return out
}

// instanceName is the readable part of a DNS-SD name, its first label:
// "Aula de Marta._aula._tcp.local." is "Aula de Marta". (The parser gives
// labels as they are, never with escapes, and refuses a dot in one.)
func instanceName(full string) string {
	label, _, _ := strings.Cut(full, ".")
	return label
}
