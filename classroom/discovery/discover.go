// Package discovery finds a class's hub on the local network (mDNS,
// DNS-SD: _aula._tcp) and lets a hub be found.
package discovery

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Found is a hub found on the local network.
type Found struct {
	Name string // what the trainer called it (the computer's name)
	URL  string
}

// ErrNotAnnounced is Announce's word that a hub listening only on this
// computer (loopback) is not announced: kiosks could not reach it.
var ErrNotAnnounced = errors.New("the hub listens only on this computer, so it is not announced on the network")

// InstanceName is the name a hub announces: the computer's name and the
// start of the hub's id, so that two hubs on one machine, or two trainer
// laptops with the same name, are both listed.
func InstanceName(hubID string) string {
	if len(hubID) > 4 {
		hubID = hubID[:4]
	}
	return hostLabel() + " " + strings.ToUpper(hubID)
}

// hostLabel is the computer's name up to its first dot ("aula" if none).
func hostLabel() string {
	host, _ := os.Hostname()
	host, _, _ = strings.Cut(host, ".")
	if host == "" {
		host = "aula"
	}
	return host
}

// dnsLabel makes s one DNS label: a dot would split it (and is refused by
// the parser, golang/go#56246), so it is a dash; at most 63 bytes, cut
// between characters.
func dnsLabel(s string) string {
	s = strings.ReplaceAll(s, ".", "-")
	for len(s) > 63 {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
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
	if instance == "" || port <= 0 || port > 65535 {
		return nil, fmt.Errorf("cannot announce %q on port %d", instance, port)
	}
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	all := &zone{instance: dnsLabel(instance), host: dnsLabel(hostLabel()), port: uint16(port), txt: []string{"aula", "scheme=" + scheme}}
	var use []net.Interface
	zones := map[int]*zone{}
	for _, ifi := range ifaces {
		if ifi.Flags&net.FlagUp == 0 || ifi.Flags&net.FlagLoopback != 0 || ifi.Flags&net.FlagMulticast == 0 {
			continue
		}
		nets := ifaceNets(&ifi)
		var ips []net.IP
		for _, n := range nets {
			if listen == nil || listen.IsUnspecified() || n.IP.Equal(listen) {
				ips = append(ips, n.IP)
			}
		}
		if len(ips) == 0 {
			continue
		}
		z := *all
		z.ips, z.nets = ips, nets
		use, zones[ifi.Index] = append(use, ifi), &z
	}
	if len(use) == 0 {
		return nil, errors.New("no network interface to announce the class on")
	}
	for _, ifi := range use {
		all.ips = append(all.ips, zones[ifi.Index].ips...)
		all.nets = append(all.nets, zones[ifi.Index].nets...)
	}
	return respond(use, zones, all)
}

// ifaceNets are an interface's IPv4 networks, each with the interface's
// own address.
func ifaceNets(ifi *net.Interface) []*net.IPNet {
	addrs, err := ifi.Addrs()
	if err != nil {
		return nil
	}
	var nets []*net.IPNet
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && len(n.Mask) >= net.IPv4len {
			nets = append(nets, &net.IPNet{IP: n.IP.To4(), Mask: n.Mask[len(n.Mask)-net.IPv4len:]})
		}
	}
	return nets
}

// Discover looks for hubs on the LAN until ctx ends (answers come within
// milliseconds: give it under a second). It never fails: no answer is an
// empty list. What it returns is untrusted (any laptop can answer with any
// name): joining proves the class with the code, never by its name.
// Addresses on a network this laptop is on come first; others only when
// there are none.
func Discover(ctx context.Context) []Found {
	timeout := 800 * time.Millisecond
	if dl, ok := ctx.Deadline(); ok {
		timeout = max(time.Until(dl), 100*time.Millisecond)
	}
	deadline := time.Now().Add(timeout)
	var (
		mu     sync.Mutex
		out    []Found
		onLink []bool
	)
	take := func(h hubAt) {
		mu.Lock()
		defer mu.Unlock()
		if !slices.Contains(out, h.Found) && len(out) < maxFound {
			out = append(out, h.Found)
			onLink = append(onLink, isOnLink(h.ip))
		}
	}
	// Ask on every interface that can multicast. Hubs answer by unicast,
	// so no multicast route is needed on the kiosk either.
	var wg sync.WaitGroup
	ifaces, _ := net.Interfaces()
	for i := range ifaces {
		ifi := &ifaces[i]
		if ifi.Flags&net.FlagUp == 0 || ifi.Flags&net.FlagLoopback != 0 || ifi.Flags&net.FlagMulticast == 0 || len(ifaceNets(ifi)) == 0 {
			continue
		}
		wg.Go(func() { ask(ctx, ifi, deadline, take) })
	}
	if len(ifaces) == 0 {
		wg.Go(func() { ask(ctx, nil, deadline, take) })
	}
	wg.Wait()
	return preferOnLink(out, onLink)
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
