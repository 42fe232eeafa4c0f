//go:build linux

package discovery

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Discovery between two laptops on one Wi-Fi, made of two network
// namespaces joined by a virtual link (a veth pair), with no multicast
// route: a trainer laptop on its own hotspot (and then a kiosk without one
// either). The hub's namespace has a
// second interface (as docker0 or a VPN would be). Needs root (CI runs as
// root); skipped with a message otherwise.

const netnsRole = "AULA_NETNS_ROLE"

// TestNetnsHelper is not a test: it is what runs inside a namespace.
func TestNetnsHelper(t *testing.T) {
	switch os.Getenv(netnsRole) {
	case "announce":
		var listen net.IP
		if l := os.Getenv("AULA_LISTEN"); l != "" {
			listen = net.ParseIP(l)
		}
		var port int
		if _, err := fmt.Sscan(os.Getenv("AULA_PORT"), &port); err != nil {
			fmt.Println("ERR", err)
			return
		}
		stop, err := Announce(os.Getenv("AULA_NAME"), listen, port, "https")
		if err != nil {
			fmt.Println("ERR", err)
			return
		}
		defer stop()
		fmt.Println("READY")
		_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // until the test closes stdin
	case "discover":
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		found := Discover(ctx)
		_ = json.NewEncoder(os.Stdout).Encode(struct {
			Found []Found
			Took  time.Duration
		}{found, time.Since(start)})
	default:
		t.Skip("runs only inside a network namespace made by TestDiscoveryBetweenNamespaces")
	}
}

func run(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func TestDiscoveryBetweenNamespaces(t *testing.T) { //nolint:funlen // two network namespaces set up step by step; the steps read in order
	if os.Getuid() != 0 {
		t.Skip("needs root to make network namespaces (CI runs as root); skipped")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("needs the ip command (iproute2); skipped")
	}
	id := fmt.Sprintf("%04x", rand.N(0xffff))
	hubNS, kioskNS := "aula-hub-"+id, "aula-kiosk-"+id
	vh, vk, vd, vx := "ah"+id, "ak"+id, "ad"+id, "ax"+id
	run(t, "ip", "netns", "add", hubNS)
	t.Cleanup(func() { _ = exec.Command("ip", "netns", "del", hubNS).Run() })
	run(t, "ip", "netns", "add", kioskNS)
	t.Cleanup(func() { _ = exec.Command("ip", "netns", "del", kioskNS).Run() })
	// The Wi-Fi: 10.77.0.1 (hub) and 10.77.0.2 (kiosk). No other route.
	run(t, "ip", "link", "add", vh, "netns", hubNS, "type", "veth", "peer", "name", vk, "netns", kioskNS)
	// A second interface on the hub, as docker0: 172.31.0.1.
	run(t, "ip", "link", "add", vd, "netns", hubNS, "type", "veth", "peer", "name", vx, "netns", hubNS)
	for _, c := range [][]string{
		{hubNS, "addr", "add", "10.77.0.1/24", "dev", vh}, {hubNS, "link", "set", vh, "up"},
		{hubNS, "addr", "add", "172.31.0.1/24", "dev", vd}, {hubNS, "link", "set", vd, "up"}, {hubNS, "link", "set", vx, "up"},
		{hubNS, "link", "set", "lo", "up"},
		{kioskNS, "addr", "add", "10.77.0.2/24", "dev", vk}, {kioskNS, "link", "set", vk, "up"},
		{kioskNS, "link", "set", "lo", "up"},
		// The kiosk has a gateway, as on any Wi-Fi that gives one; the
		// hub (a trainer laptop on its own hotspot) has no route at all.
		{kioskNS, "route", "add", "default", "via", "10.77.0.1"},
	} {
		run(t, append([]string{"ip", "-n", c[0]}, c[1:]...)...)
	}

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	helper := func(ns string, env ...string) *exec.Cmd {
		cmd := exec.Command("ip", "netns", "exec", ns, self, "-test.run", "^TestNetnsHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), env...)
		return cmd
	}
	announce := func(name, port, listen string) (ok bool) {
		t.Helper()
		cmd := helper(hubNS, netnsRole+"=announce", "AULA_NAME="+name, "AULA_PORT="+port, "AULA_LISTEN="+listen)
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { stdin.Close(); _ = cmd.Process.Kill(); _ = cmd.Wait() })
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		return strings.HasPrefix(line, "READY")
	}
	discover := func() ([]Found, time.Duration) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		cmd := helper(kioskNS, netnsRole+"=discover")
		cmd = exec.CommandContext(ctx, cmd.Args[0], cmd.Args[1:]...)
		cmd.Env = append(os.Environ(), netnsRole+"=discover")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("discover: %v", err)
		}
		var r struct {
			Found []Found
			Took  time.Duration
		}
		if err := json.Unmarshal(out[:strings.IndexByte(string(out), '\n')+1], &r); err != nil {
			t.Fatalf("discover said %q: %v", out, err)
		}
		return r.Found, r.Took
	}

	// A hub that listens only on loopback is not announced.
	if announce("Solo aqui", "7441", "127.0.0.1") {
		t.Error("a loopback-only hub was announced")
	}
	// Two hubs on the trainer's laptop, without a multicast route.
	if !announce("Aula de Marta", "7442", "") || !announce("Aula de Luis", "7443", "") {
		t.Fatal("the hubs could not announce without a multicast route")
	}
	found, took := discover()
	want := map[string]string{"Aula de Marta": "https://10.77.0.1:7442", "Aula de Luis": "https://10.77.0.1:7443"}
	got := map[string]string{}
	for _, f := range found {
		if _, dup := got[f.Name]; dup {
			t.Errorf("%s listed twice: %v", f.Name, found)
		}
		got[f.Name] = f.URL
	}
	for name, url := range want {
		if got[name] != url {
			t.Errorf("%s found at %q, want %q (all: %v)", name, got[name], url, found)
		}
	}
	if len(got) != len(want) {
		t.Errorf("found %v, want exactly the two hubs", found)
	}
	if took > 1500*time.Millisecond {
		t.Errorf("discovery took %v", took)
	}
	// A kiosk without a route either (a Wi-Fi that gives no gateway): it
	// asks on its interface and hears the hubs' unicast answers.
	run(t, "ip", "-n", kioskNS, "route", "del", "default")
	found, _ = discover()
	got = map[string]string{}
	for _, f := range found {
		got[f.Name] = f.URL
	}
	if len(found) != len(want) || !maps.Equal(got, want) {
		t.Errorf("without a route, found %v, want the two hubs", found)
	}
}
