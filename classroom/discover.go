package classroom

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"slices"
	"strings"
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
var quiet = log.New(io.Discard, "", 0)

// Announce makes the hub findable on the LAN by mDNS until the returned
// function is called. Guest Wi-Fi often blocks multicast: typing the
// address always works too.
func Announce(name string, port int) (stop func(), err error) {
	host, _ := os.Hostname()
	if name == "" {
		name = host
	}
	if host == "" {
		host = "aula"
	}
	// The library resolves the host's own addresses when none are given;
	// on a laptop without a name in DNS that fails, so give them.
	ips := localIPs()
	if len(ips) == 0 {
		return nil, fmt.Errorf("no network address to announce")
	}
	svc, err := mdns.NewMDNSService(name, service, "", strings.TrimSuffix(host, ".")+".", port, ips, []string{"aula"})
	if err != nil {
		return nil, err
	}
	srv, err := mdns.NewServer(&mdns.Config{Zone: svc, Logger: quiet})
	if err != nil {
		return nil, err
	}
	return func() { _ = srv.Shutdown() }, nil
}

// Discover looks for hubs on the LAN until ctx ends (give it a second or
// two). It never fails: no answer is an empty list.
func Discover(ctx context.Context) []Found {
	entries := make(chan *mdns.ServiceEntry, 16)
	params := mdns.DefaultParams(service)
	params.Entries = entries
	params.Logger = quiet
	params.DisableIPv6 = true
	params.Timeout = 2 * time.Second
	if dl, ok := ctx.Deadline(); ok {
		params.Timeout = max(time.Until(dl), 100*time.Millisecond)
	}
	done := make(chan struct{})
	go func() {
		_ = mdns.QueryContext(ctx, params)
		close(done)
	}()
	var out []Found
	for {
		select {
		case e := <-entries:
			if e == nil || e.AddrV4 == nil {
				continue
			}
			f := Found{Name: instanceName(e.Name), URL: fmt.Sprintf("http://%s:%d", e.AddrV4, e.Port)}
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		case <-done:
			return out
		}
	}
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
// "http://192.168.1.23:7420"; loopback when there is no network.
func LANAddresses(port int) []string {
	var out []string
	for _, ip := range localIPs() {
		out = append(out, fmt.Sprintf("http://%s:%d", ip, port))
	}
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("http://127.0.0.1:%d", port))
	}
	return out
}
