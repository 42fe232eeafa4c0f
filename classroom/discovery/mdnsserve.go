package discovery

import (
	"errors"
	"net"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/dns/dnsmessage"
	"golang.org/x/net/ipv4"
)

// The hub's mDNS responder. One socket joins the mDNS group on each
// interface and learns, for every question, the interface it came in on;
// it answers with that interface's own addresses only. (One responder per
// interface would not do: on Linux every socket in the group hears every
// interface, so a kiosk on the Wi-Fi would be told the docker address too.)
// Where the system cannot say which interface (Windows), the same socket
// answers with every address, and kiosks keep the on-link ones. Answers go
// back to the asker by unicast, which needs no multicast route.
//
// Every packet is untrusted (the hub faces a hostile Wi-Fi): only queries
// are answered, only questions for our own names, from askers on the
// interface's networks, at most maxRepliesPerSecond, and a reply holds at
// most our own few records, so a question cannot be made to grow.

const (
	serviceName = "_aula._tcp.local."             // the DNS-SD service
	enumName    = "_services._dns-sd._udp.local." // DNS-SD's list of services
	answerTTL   = 120                             // seconds, as hashicorp/mdns gave
	legacyTTL   = 10                              // RFC 6762 §6.7: at most 10 s to a plain resolver
	mdnsPort    = 5353

	maxPacket           = 9000 // bytes read; larger packets are cut and fail to parse
	maxQuestions        = 16   // questions read from one query
	maxRepliesPerSecond = 64
)

var mdnsGroup = &net.UDPAddr{IP: net.IP{224, 0, 0, 251}, Port: mdnsPort} // the mDNS group, IPv4

// zone is what a hub answers on one interface (or on all, where the system
// cannot tell them apart).
type zone struct {
	instance string // the instance's label, e.g. "Aula de Marta 1A2B" (no dot, ≤63 bytes)
	host     string // the host's label: the A records are host+".local."
	port     uint16
	txt      []string
	ips      []net.IP     // the A records (IPv4)
	nets     []*net.IPNet // the networks an asker must be on
}

func (z *zone) instanceName() string { return z.instance + "." + serviceName }
func (z *zone) hostName() string     { return z.host + ".local." }

// The records a reply holds, as bits.
const (
	recEnum = 1 << iota // PTR _services._dns-sd._udp.local. → _aula._tcp.local.
	recPTR              // PTR _aula._tcp.local. → the instance
	recSRV              // SRV the instance → host.local.:port
	recTXT              // TXT the instance: aula, scheme=…
	recA                // A host.local. → each address
)

// wants is which records answer q (as hashicorp/mdns's zone answered).
func (z *zone) wants(q dnsmessage.Question) int {
	if class := q.Class &^ (1 << 15); class != dnsmessage.ClassINET && class != dnsmessage.ClassANY {
		return 0 // the top bit asks for a unicast reply (RFC 6762 §5.4)
	}
	name, t, anyType := q.Name.String(), q.Type, q.Type == dnsmessage.TypeALL
	switch {
	case strings.EqualFold(name, enumName) && (anyType || t == dnsmessage.TypePTR):
		return recEnum
	case strings.EqualFold(name, serviceName) && (anyType || t == dnsmessage.TypePTR):
		return recPTR | recSRV | recTXT | recA
	case strings.EqualFold(name, z.instanceName()):
		switch {
		case anyType:
			return recSRV | recTXT | recA
		case t == dnsmessage.TypeSRV:
			return recSRV | recA
		case t == dnsmessage.TypeTXT:
			return recTXT
		case t == dnsmessage.TypeA:
			return recA
		}
	case strings.EqualFold(name, z.hostName()) && (anyType || t == dnsmessage.TypeA):
		return recA
	}
	return 0
}

// answer is the reply to one mDNS query from zone, or nil. legacy is a
// query from a port other than 5353 (a plain resolver, or Discover): its
// reply repeats the questions it answers and says a short TTL (RFC 6762
// §6.7). pkt is untrusted: anything but a well-formed standard query for
// our names is nil.
func answer(z *zone, pkt []byte, legacy bool) []byte {
	var p dnsmessage.Parser
	h, err := p.Start(pkt)
	if err != nil || h.Response || h.OpCode != 0 || h.RCode != dnsmessage.RCodeSuccess || h.Truncated {
		return nil
	}
	want := 0
	var asked []dnsmessage.Question
	for range maxQuestions {
		q, err := p.Question()
		if errors.Is(err, dnsmessage.ErrSectionDone) {
			break
		}
		if err != nil {
			return nil
		}
		if w := z.wants(q); w != 0 {
			want |= w
			asked = append(asked, q)
		}
	}
	if want == 0 {
		return nil
	}
	ttl := uint32(answerTTL)
	if !legacy {
		asked = nil // RFC 6762 §6: mDNS replies carry no questions
	} else {
		ttl = legacyTTL
	}
	out, err := z.reply(h.ID, asked, want, ttl)
	if err != nil {
		return nil
	}
	return out
}

// reply packs the records want asks for.
func (z *zone) reply(id uint16, asked []dnsmessage.Question, want int, ttl uint32) ([]byte, error) {
	b := dnsmessage.NewBuilder(make([]byte, 0, 512), dnsmessage.Header{ID: id, Response: true, Authoritative: true})
	b.EnableCompression()
	if err := b.StartQuestions(); err != nil {
		return nil, err
	}
	for _, q := range asked {
		if err := b.Question(q); err != nil {
			return nil, err
		}
	}
	if err := b.StartAnswers(); err != nil {
		return nil, err
	}
	service, err := dnsmessage.NewName(serviceName)
	if err != nil {
		return nil, err
	}
	instance, err := dnsmessage.NewName(z.instanceName())
	if err != nil {
		return nil, err
	}
	host, err := dnsmessage.NewName(z.hostName())
	if err != nil {
		return nil, err
	}
	hdr := func(n dnsmessage.Name) dnsmessage.ResourceHeader {
		return dnsmessage.ResourceHeader{Name: n, Class: dnsmessage.ClassINET, TTL: ttl}
	}
	var errs []error
	if want&recEnum != 0 {
		errs = append(errs, b.PTRResource(hdr(dnsmessage.MustNewName(enumName)), dnsmessage.PTRResource{PTR: service}))
	}
	if want&recPTR != 0 {
		errs = append(errs, b.PTRResource(hdr(service), dnsmessage.PTRResource{PTR: instance}))
	}
	if want&recSRV != 0 {
		errs = append(errs, b.SRVResource(hdr(instance), dnsmessage.SRVResource{Priority: 10, Weight: 1, Port: z.port, Target: host}))
	}
	if want&recA != 0 {
		for _, ip := range z.ips {
			var a dnsmessage.AResource
			copy(a.A[:], ip.To4())
			errs = append(errs, b.AResource(hdr(host), a))
		}
	}
	if want&recTXT != 0 {
		errs = append(errs, b.TXTResource(hdr(instance), dnsmessage.TXTResource{TXT: z.txt}))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return b.Finish()
}

// onLink reports whether ip is on one of the zone's networks: a question
// from elsewhere was not asked on this link (RFC 6762 §11), and answering
// it would make the hub a reflector.
func (z *zone) onLink(ip net.IP) bool {
	if ip.IsLinkLocalUnicast() {
		return true
	}
	for _, n := range z.nets {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// respond answers questions until stop: for the zone of the interface each
// came in on (zones, by interface index), or, where the system cannot say
// (Windows), for all, which holds every address.
func respond(ifaces []net.Interface, zones map[int]*zone, all *zone) (stop func(), err error) {
	if len(ifaces) == 0 {
		return nil, errors.New("no interface to announce on")
	}
	c, err := net.ListenMulticastUDP("udp4", &ifaces[0], mdnsGroup)
	if err != nil {
		return nil, err
	}
	p := ipv4.NewPacketConn(c)
	perIface := p.SetControlMessage(ipv4.FlagInterface, true) == nil
	for i := range ifaces[1:] {
		if err := p.JoinGroup(&ifaces[i+1], mdnsGroup); err != nil {
			delete(zones, ifaces[i+1].Index) // that interface stays silent
		}
	}
	_ = p.SetTTL(255) // RFC 6762 §11
	zoneOf := func(cm *ipv4.ControlMessage) *zone {
		if !perIface {
			return all
		}
		if cm == nil {
			return nil
		}
		return zones[cm.IfIndex]
	}
	var wg sync.WaitGroup
	wg.Go(func() { serve(p, zoneOf) })
	return func() { c.Close(); wg.Wait() }, nil
}

// serve reads questions and answers them until p is closed.
func serve(p *ipv4.PacketConn, zoneOf func(*ipv4.ControlMessage) *zone) {
	buf := make([]byte, maxPacket)
	var budget replyBudget
	for {
		n, cm, src, err := p.ReadFrom(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		from, ok := src.(*net.UDPAddr)
		z := zoneOf(cm)
		if !ok || z == nil || from.Port == 0 || !z.onLink(from.IP) {
			continue
		}
		if out := answer(z, buf[:n], from.Port != mdnsPort); out != nil && budget.spend(time.Now()) {
			_, _ = p.WriteTo(out, nil, from)
		}
	}
}

// replyBudget allows maxRepliesPerSecond replies in each second: a flood
// of questions cannot make the hub flood the network.
type replyBudget struct {
	second time.Time
	spent  int
}

// spend reports whether one more reply may go at now, and counts it.
func (b *replyBudget) spend(now time.Time) bool {
	if now.Sub(b.second) >= time.Second || now.Before(b.second) {
		b.second, b.spent = now, 0
	}
	if b.spent >= maxRepliesPerSecond {
		return false
	}
	b.spent++
	return true
}
