package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"aula/classroom"
	"aula/i18n"
	"aula/store"
)

// runHub serves a class hub without a screen: a small server in the centre.
func runHub(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("hub", stderr)
	data := fs.String("data", defaultDataDir(), "")
	listen := fs.String("listen", fmt.Sprintf(":%d", classroom.DefaultPort), "")
	newKey := fs.Bool("new-key", false, "")
	if _, err := parse(fs, args); err != nil {
		return exitUsage
	}
	st, code := openStore(*data, i18n.New("en"), stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	h, ln, code := startHub(st, *listen, *newKey, stdout, stderr)
	if h == nil {
		return code
	}
	fmt.Fprintf(stdout, "Session code: %s\n", h.Code())
	fmt.Fprintln(stdout, "Press Ctrl+C to stop the hub.")

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := serveHub(ctx, h, ln); err != nil {
		fmt.Fprintln(stderr, "aula hub:", err)
		return exitData
	}
	return exitOK
}

// startHub makes the hub over st, listens on addr and tells how to reach
// it. The trainer key is printed once, the first time (or with newKey).
func startHub(st *store.Store, addr string, newKey bool, stdout, stderr io.Writer) (*classroom.Hub, net.Listener, int) {
	if newKey {
		if err := st.ForgetTrainerKey(); err != nil {
			fmt.Fprintln(stderr, "aula hub:", err)
			return nil, nil, exitData
		}
	}
	key, fresh, err := st.TrainerKey()
	if err != nil {
		fmt.Fprintln(stderr, "aula hub:", err)
		return nil, nil, exitData
	}
	h, err := classroom.NewHub(st, classroom.HubOptions{})
	if err != nil {
		fmt.Fprintln(stderr, "aula hub:", err)
		return nil, nil, exitData
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "aula hub: cannot listen on %s: %v\n", addr, err)
		return nil, nil, exitUsage
	}
	addrs := hubAddresses(ln)
	for _, a := range addrs {
		fmt.Fprintln(stdout, "Class hub at", a)
	}
	if fresh {
		fmt.Fprintln(stdout, "Trainer key (shown only now; keep it to open the dashboard from another laptop):")
		fmt.Fprintln(stdout, "  ", key)
		fmt.Fprintf(stdout, "   aula trainer --hub %s --key %s\n", addrs[0], key)
	}
	return h, ln, exitOK
}

// hubAddresses are the addresses kiosks can use: the one listened on, or
// every LAN address when listening on all of them.
func hubAddresses(ln net.Listener) []string {
	a := ln.Addr().(*net.TCPAddr)
	if a.IP.IsUnspecified() {
		return classroom.LANAddresses(a.Port)
	}
	return []string{"http://" + a.String()}
}

// serveHub serves h on ln until ctx ends, announcing it on the LAN.
func serveHub(ctx context.Context, h *classroom.Hub, ln net.Listener) error {
	port := ln.Addr().(*net.TCPAddr).Port
	if stop, err := classroom.Announce("", port); err == nil {
		defer stop()
	}
	srv := &http.Server{
		Handler:           h.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      time.Minute, // long-polls last 25 seconds
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		return nil
	}
}
