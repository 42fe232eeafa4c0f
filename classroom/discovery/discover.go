// Package discovery finds a class's hub on the local network (mDNS,
// DNS-SD: _aula._tcp) and lets a hub be found.
package discovery

import (
	"aula/classroom/safetext"
	"aula/internal/lazy"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/mdns"
)

// service is the DNS-SD name a hub announces itself under.
const service = "_aula._tcp"

// Found is a hub found on the local network.
type Found struct {
	Name string // what the trainer called it (the computer's name)
	URL  string
}

// quiet keeps the mDNS library from printing on the kiosk's screen.
var quiet = lazy.Value[*log.Logger]{New: func() *log.Logger { return log.New(io.Discard, "", 0) }}

// ErrNotAnnounced is Announce's word that a hub listening only on this
// computer (loopback) is not announced: kiosks could not reach it.
var ErrNotAnnounced = errors.New("the hub listens only on this computer, so it is not announced on the network")

// InstanceName is the name a hub announces: the computer's name and the
// start of the hub's id, so that two hubs on one machine, or two trainer
// laptops with the same name, are both listed.
func InstanceName(hubID string) string {
	host, _ := os.Hostname()
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		host = "aula"
	}
	if len(hubID) > 4 {
		hubID = hubID[:4]
	}
	return host + " " + strings.ToUpper(hubID)
}

// Announce makes the hub findable on the LAN by mDNS until the returned
// function is called: on every interface that can multicast, each
// interface announcing only its own addresses (so a kiosk is never sent to
// a docker or VPN address), bound to the interface (so no multicast route
// is needed: a trainer laptop on its own hotspot is found too). listen is
// the address the hub listens on: a specific one is the only one
// announced; loopback is not announced (ErrNotAnnounced). Guest Wi-Fi often
// blocks multicast: typing the address always works too.
func Announce(instance string, listen net.IP, port int, scheme string) (stop func(), err error) {
	if listen != nil && listen.IsLoopback() {
		return nil, ErrNotAnnounced
	}
	host, _ := os.Hostname()
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		host = "aula"
	}
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	var use []net.Interface
	zones := map[int]*mdns.MDNSService{}
	var errs []error
	for _, ifi := range ifaces {
		if ifi.Flags&net.FlagUp == 0 || ifi.Flags&net.FlagLoopback != 0 || ifi.Flags&net.FlagMulticast == 0 {
			continue
		}
		ips := ifaceIPs(&ifi)
		if listen != nil && !listen.IsUnspecified() {
			ips = slices.DeleteFunc(ips, func(ip net.IP) bool { return !ip.Equal(listen) })
		}
		if len(ips) == 0 {
			continue
		}
		svc, err := mdns.NewMDNSService(instance, service, "", host+".", port, ips, []string{"aula", "scheme=" + scheme})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		use, zones[ifi.Index] = append(use, ifi), svc
	}
	if len(use) == 0 {
		if len(errs) == 0 {
			return nil, errors.New("no network interface to announce the class on")
		}
		return nil, errors.Join(errs...)
	}
	stop, err = respond(use, zones)
	if !errors.Is(err, errNoPacketInfo) {
		return stop, err
	}
	// Where the system cannot say (Windows), one responder with every
	// address, on the default interface: kiosks keep the on-link ones.
	var all []net.IP
	for _, ifi := range use {
		all = append(all, zones[ifi.Index].IPs...)
	}
	svc, err := mdns.NewMDNSService(instance, service, "", host+".", port, all, []string{"aula", "scheme=" + scheme})
	if err != nil {
		return nil, err
	}
	srv, err := mdns.NewServer(&mdns.Config{Zone: svc, Logger: quiet.Get()})
	if err != nil {
		return nil, err
	}
	return func() { _ = srv.Shutdown() }, nil
}

// ifaceIPs are an interface's IPv4 addresses.
func ifaceIPs(ifi *net.Interface) []net.IP {
	addrs, err := ifi.Addrs()
	if err != nil {
		return nil
	}
	var ips []net.IP
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
			ips = append(ips, n.IP.To4())
		}
	}
	return ips
}

// Discover looks for hubs on the LAN until ctx ends (answers come within
// milliseconds: give it under a second). It never fails: no answer is an
// empty list. What it returns is untrusted (any laptop can answer with any
// name): joining proves the class with the code, never by its name.
// Addresses on a network this laptop is on come first; others only when
// there are none.
func Discover(ctx context.Context) []Found {
	entries := make(chan *mdns.ServiceEntry, 32)
	timeout := 800 * time.Millisecond
	if dl, ok := ctx.Deadline(); ok {
		timeout = max(time.Until(dl), 100*time.Millisecond)
	}
	// Ask on every interface that can multicast. (The mDNS library still
	// needs a multicast route on the kiosk to listen: a kiosk on a network
	// without a gateway types the address.)
	var wg sync.WaitGroup
	query := func(ifi *net.Interface) {
		defer wg.Done()
		params := mdns.DefaultParams(service)
		params.Entries = entries
		params.Logger = quiet.Get()
		params.DisableIPv6 = true
		params.Timeout = timeout
		params.Interface = ifi
		_ = mdns.QueryContext(ctx, params)
	}
	ifaces, _ := net.Interfaces()
	for i := range ifaces {
		ifi := &ifaces[i]
		if ifi.Flags&net.FlagUp == 0 || ifi.Flags&net.FlagLoopback != 0 || ifi.Flags&net.FlagMulticast == 0 || len(ifaceIPs(ifi)) == 0 {
			continue
		}
		wg.Add(1)
		go query(ifi)
	}
	if len(ifaces) == 0 {
		wg.Add(1)
		go query(nil)
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	var out []Found
	var onLink []bool
	take := func(e *mdns.ServiceEntry) {
		if e == nil || e.AddrV4 == nil || e.Port <= 0 || e.Port > 65535 {
			return
		}
		scheme := "https"
		if slices.Contains(e.InfoFields, "scheme=http") {
			scheme = "http"
		}
		f := Found{Name: safetext.Text(instanceName(e.Name), 60), URL: fmt.Sprintf("%s://%s:%d", scheme, e.AddrV4, e.Port)}
		if !slices.Contains(out, f) && len(out) < 32 {
			out = append(out, f)
			onLink = append(onLink, isOnLink(e.AddrV4))
		}
	}
	for {
		select {
		case e := <-entries:
			take(e)
		case <-done:
			for { // what arrived as the queries ended
				select {
				case e := <-entries:
					take(e)
				default:
					return preferOnLink(out, onLink)
				}
			}
		}
	}
}

// preferOnLink keeps the hubs on this laptop's own networks when there are
// any: a hub with a second interface (docker, a VPN) is listed at the
// address this laptop can reach.
func preferOnLink(out []Found, onLink []bool) []Found {
	if !slices.Contains(onLink, true) {
		return out
	}
	var kept []Found
	for i, f := range out {
		if onLink[i] {
			kept = append(kept, f)
		}
	}
	return kept
}

// isOnLink reports whether ip is on a network of one of this machine's
// interfaces.
func isOnLink(ip net.IP) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.Contains(ip) {
			return true
		}
	}
	return false
}

// instanceName is the readable part of a DNS-SD name:
// "Aula\ de\ Marta._aula._tcp.local." is "Aula de Marta".
func instanceName(full string) string {
	var b strings.Builder
	for i := 0; i < len(full); i++ {
		switch c := full[i]; {
		case c == '\\' && i+3 < len(full) && isDigit(full[i+1]) && isDigit(full[i+2]) && isDigit(full[i+3]):
			b.WriteByte((full[i+1]-'0')*100 + (full[i+2]-'0')*10 + full[i+3] - '0')
			i += 3
		case c == '\\' && i+1 < len(full):
			b.WriteByte(full[i+1])
			i++
		case c == '.':
			return b.String() // the end of the instance label
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// localIPs are this machine's IPv4 addresses on the LAN (no loopback).
func localIPs() []net.IP {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var ips []net.IP
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			ips = append(ips, n.IP)
		}
	}
	return ips
}

// LANAddresses are the hub's addresses to show the trainer, e.g.
// "https://192.168.1.23:7420"; loopback when there is no network.
func LANAddresses(scheme string, port int) []string {
	var out []string
	for _, ip := range localIPs() {
		out = append(out, fmt.Sprintf("%s://%s:%d", scheme, ip, port))
	}
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("%s://127.0.0.1:%d", scheme, port))
	}
	return out
}
