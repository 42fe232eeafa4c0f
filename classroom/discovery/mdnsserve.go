package discovery

import (
	"errors"
	"net"
	"sync"

	"github.com/hashicorp/mdns"
	"github.com/miekg/dns"
	"golang.org/x/net/ipv4"
)

// The hub's mDNS responder. One socket joins the mDNS group on each
// interface and learns, for every question, the interface it came in on;
// it answers with that interface's own addresses only. (One responder per
// interface would not do: on Linux every socket in the group hears every
// interface, so a kiosk on the Wi-Fi would be told the docker address too.)
// Answers go back to the asker by unicast, which needs no multicast route.

// errNoPacketInfo: this system does not tell which interface a packet came
// in on.
var errNoPacketInfo = errors.New("the system does not say which interface a question came in on")

var mdnsGroup = &net.UDPAddr{IP: net.IP{224, 0, 0, 251}, Port: 5353} // the mDNS group, IPv4

// respond answers questions for zones (by interface index) until stop.
func respond(ifaces []net.Interface, zones map[int]*mdns.MDNSService) (stop func(), err error) {
	if len(ifaces) == 0 {
		return nil, errors.New("no interface to announce on")
	}
	c, err := net.ListenMulticastUDP("udp4", &ifaces[0], mdnsGroup)
	if err != nil {
		return nil, err
	}
	p := ipv4.NewPacketConn(c)
	if err := p.SetControlMessage(ipv4.FlagInterface, true); err != nil {
		c.Close()
		return nil, errNoPacketInfo // Windows: see Announce
	}
	for i := range ifaces[1:] {
		if err := p.JoinGroup(&ifaces[i+1], mdnsGroup); err != nil {
			delete(zones, ifaces[i+1].Index) // that interface stays silent
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		buf := make([]byte, 9000)
		for {
			n, cm, src, err := p.ReadFrom(buf)
			if err != nil {
				if errors.Is(err, net.ErrClosed) {
					return
				}
				continue
			}
			if cm == nil {
				continue
			}
			zone := zones[cm.IfIndex]
			if zone == nil {
				continue
			}
			if out := answer(zone, buf[:n]); out != nil {
				_, _ = p.WriteTo(out, nil, src)
			}
		}
	}()
	return func() { c.Close(); wg.Wait() }, nil
}

// answer is the reply to one mDNS query from zone, or nil.
func answer(zone *mdns.MDNSService, pkt []byte) []byte {
	var q dns.Msg
	if err := q.Unpack(pkt); err != nil || q.Response || q.Opcode != dns.OpcodeQuery || q.Rcode != 0 || q.Truncated {
		return nil
	}
	var recs []dns.RR
	for _, qq := range q.Question {
		recs = append(recs, zone.Records(qq)...)
	}
	if len(recs) == 0 {
		return nil
	}
	resp := dns.Msg{MsgHdr: dns.MsgHdr{Id: q.Id, Response: true, Opcode: dns.OpcodeQuery, Authoritative: true}, Compress: true, Answer: recs}
	out, err := resp.Pack()
	if err != nil {
		return nil
	}
	return out
}
