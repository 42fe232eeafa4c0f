package classroom

import (
	"bufio"
	"crypto/tls"
	"net"
)

func tlsDialWith(d *net.Dialer, addr, pin string) (net.Conn, error) {
	return tls.DialWithDialer(d, "tcp", addr, PinnedTLS(pin))
}

func bufioReader(c net.Conn) *bufio.Reader { return bufio.NewReader(c) }
