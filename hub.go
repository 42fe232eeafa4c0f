package main

import (
	"aula/classroom/discovery"
	"aula/internal/lazy"
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync/atomic"
	"time"

	"aula/certificate"
	"aula/classroom"
	"aula/i18n"
	"aula/lessons"
	"aula/store"
	"aula/tui/dashboard"
)

// hubBackupEvery is how often a hub copies its data file (checked, three
// generations kept, as the kiosk's): a damaged file loses at most this
// much of what reached the class, and each laptop still has it.
const hubBackupEvery = 10 * time.Minute

// quietLog keeps the HTTP server's complaints (a laptop that hung up during
// the TLS handshake) off the trainer's screen.
var quietLog = lazy.Value[*log.Logger]{New: func() *log.Logger { return log.New(io.Discard, "", 0) }}

// hubFlags are the flags of aula hub and aula trainer that say how the hub
// is served.
type hubFlags struct {
	listen, tlsCert, tlsKey                *string
	plain, proxy, approve, showKey, newKey *bool
	publish                                *string // the trainer's lessons folder for the class (hub_publish.go)
	// published is the library with the folder published last, for the
	// lessons a go-to-lesson command may name.
	published atomic.Pointer[lessons.Library]
}

func addHubFlags(fs *flag.FlagSet) *hubFlags {
	return &hubFlags{
		listen:  fs.String("listen", fmt.Sprintf(":%d", classroom.DefaultPort), ""),
		tlsCert: fs.String("tls-cert", "", ""),
		tlsKey:  fs.String("tls-key", "", ""),
		plain:   fs.Bool("plain-http", false, ""),
		proxy:   fs.Bool("behind-proxy", false, ""),
		approve: fs.Bool("approve", false, ""),
		showKey: fs.Bool("show-key", false, ""),
		newKey:  fs.Bool("new-key", false, ""),
		publish: fs.String("publish", "", ""),
	}
}

// runHub serves a class hub without a screen: a small server in the centre.
func runHub(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("hub", args, stderr)
	data := fs.String("data", defaultDataDir(), "")
	fs.String("lang", "", "") // read first by cliCatalog, to say flag mistakes in it
	hf := addHubFlags(fs)
	lf := addLRSFlags(fs) // hub_lrs.go
	status := fs.Bool("status", false, "")
	cat := cliCatalog(args)
	if !parseAll(fs, args, cat, "aula hub", stdout, stderr) {
		return usageExit(args)
	}
	if *status {
		return hubStatus(*data, cat, stdout, stderr)
	}
	if !publishFolderThere(hf, cat, "aula hub", stderr) { // hub_publish.go
		return exitUsage
	}
	st, code := openStore(*data, cat, stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	lib, _ := openLessons("")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sending, code := startLRS(ctx, lf, st, *data, lib, cat, stdout, stderr) // before the hub serves
	if sending == nil {
		return code
	}
	defer func() {
		stop()
		sending()
	}()
	h, ln, code := startHub(st, *data, hf, *lf.names, lib, cat, stdout, stderr)
	if h == nil {
		return code
	}
	if *hf.publish != "" {
		p := &publisher{h: h, dir: *hf.publish, cat: cat, out: stdout, lib: &hf.published}
		p.once()
		publishLessons(ctx, p)
	}
	fmt.Fprintln(stdout, cat.T("hub_stop"))
	announced := func(err error) {
		switch {
		case errors.Is(err, discovery.ErrNotAnnounced):
			fmt.Fprintln(stdout, cat.T("hub_local_only"))
		case err != nil:
			fmt.Fprintln(stdout, cat.T("hub_not_announced", "Err", err))
		}
	}
	if err := serveHub(ctx, h, ln, announced); err != nil {
		fmt.Fprintln(stderr, "aula hub:", err)
		return exitData
	}
	return exitOK
}

// hubListener is a hub's listener and how kiosks reach it.
type hubListener struct {
	net.Listener
	scheme string // https or http
	ip     net.IP // what it listens on (nil or unspecified: every address)
	port   int
	pin    string // the fingerprint of the certificate it serves, if any
}

// startHub listens, makes or loads the certificate and the trainer key,
// makes the hub over st and tells how to reach it. It listens first: a
// hub that cannot start makes no key it would not show.
func startHub(st *store.Store, dir string, hf *hubFlags, names bool, lib *lessons.Library, cat *i18n.Catalog, stdout, stderr io.Writer) (*classroom.Hub, *hubListener, int) {
	fail := func(code int, format string, a ...any) (*classroom.Hub, *hubListener, int) {
		fmt.Fprintf(stderr, "aula hub: "+format+"\n", a...)
		return nil, nil, code
	}
	opt := classroom.HubOptions{Approve: *hf.approve, Names: names, Lesson: func(id string) bool {
		libs := []*lessons.Library{lib}
		if pub := hf.published.Load(); pub != nil {
			libs = append(libs, pub)
		}
		for _, l := range libs {
			for _, lang := range i18n.Langs() {
				if _, ok := l.Catalog(lang).Lesson(id); ok {
					return true
				}
			}
		}
		return false
	}}
	opt.Verify = certificate.Handler(hubVerify(st), nil) // hub_running.go
	cert, code, err := hubTLS(dir, hf, &opt)
	if err != nil {
		return fail(code, "%v", err)
	}
	ln, err := net.Listen("tcp", *hf.listen)
	if err != nil {
		return fail(exitUsage, "cannot listen on %s: %v", *hf.listen, err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	hl := &hubListener{Listener: ln, scheme: "http", ip: addr.IP, port: addr.Port, pin: opt.Fingerprint}
	if opt.TLS == classroom.TLSSelf || opt.TLS == classroom.TLSCA {
		hl.Listener, hl.scheme = tls.NewListener(ln, classroom.ServerTLS(cert)), "https"
	}
	if *hf.newKey {
		if err := st.ForgetTrainerKey(); err != nil {
			ln.Close()
			return fail(exitData, "%v", err)
		}
	}
	key, fresh, err := st.TrainerKey()
	if err == nil && !fresh && *hf.showKey {
		key, err = st.KeptTrainerKey()
	}
	if err != nil {
		ln.Close()
		return fail(exitData, "%v", err)
	}
	h, err := classroom.NewHub(st, opt)
	if err != nil {
		ln.Close()
		return fail(exitData, "%v", err)
	}
	tellHubStart(stdout, cat, h, hl, opt, hf, key, fresh)
	return h, hl, exitOK
}

// hubTLS chooses how the hub is served from the flags, into opt, with
// the certificate to serve; on an error, the exit code to give.
func hubTLS(dir string, hf *hubFlags, opt *classroom.HubOptions) (tls.Certificate, int, error) {
	var cert tls.Certificate
	var err error
	switch {
	case (*hf.tlsCert == "") != (*hf.tlsKey == ""):
		return cert, exitUsage, errors.New("--tls-cert and --tls-key go together")
	case *hf.tlsCert != "" && (*hf.plain || *hf.proxy), *hf.plain && *hf.proxy:
		return cert, exitUsage, errors.New("choose one of --tls-cert, --plain-http and --behind-proxy")
	case *hf.tlsCert != "":
		if cert, err = tls.LoadX509KeyPair(*hf.tlsCert, *hf.tlsKey); err != nil {
			return cert, exitUsage, fmt.Errorf("cannot read the certificate: %w", err)
		}
		opt.TLS = classroom.TLSCA
	case *hf.plain:
		opt.TLS = classroom.TLSPlain
	case *hf.proxy:
		opt.TLS = classroom.TLSProxy
	default:
		if cert, err = classroom.HubCert(dir); err != nil {
			return cert, exitData, err
		}
		opt.TLS = classroom.TLSSelf
	}
	if opt.TLS == classroom.TLSSelf || opt.TLS == classroom.TLSCA {
		if opt.Fingerprint, err = classroom.CertFingerprint(cert); err != nil {
			return cert, exitUsage, fmt.Errorf("the certificate: %w", err)
		}
	}
	return cert, exitOK, nil
}

// tellHubStart says what the trainer must know at start: damage to the
// hub's data file first, then where the class is, its code, how it is
// served and the trainer key when it is new or asked for.
func tellHubStart(stdout io.Writer, cat *i18n.Catalog, h *classroom.Hub, hl *hubListener, opt classroom.HubOptions, hf *hubFlags, key string, fresh bool) {
	if r := h.Restored(); r != nil {
		// Damage is told before anything else, in the trainer's language.
		fmt.Fprintln(stdout, "!", dashboard.RestoredText(cat, r))
	}
	addrs := hubAddresses(hl)
	for _, a := range addrs {
		fmt.Fprintln(stdout, cat.T("hub_at", "Addr", a))
	}
	fmt.Fprintln(stdout, cat.T("hub_code", "Code", classroom.SpacedCode(h.Code())))
	if fp := h.Fingerprint(); fp != "" {
		fmt.Fprintln(stdout, cat.T("hub_cert", "Fingerprint", fp))
	}
	switch opt.TLS {
	case classroom.TLSPlain:
		fmt.Fprintln(stdout, cat.T("hub_plain"))
	case classroom.TLSProxy:
		fmt.Fprintln(stdout, cat.T("hub_proxy"))
	}
	if *hf.approve {
		fmt.Fprintln(stdout, cat.T("hub_approve"))
	}
	switch {
	case fresh || *hf.showKey && key != "":
		fmt.Fprintln(stdout, cat.T("hub_key_intro"))
		fmt.Fprintln(stdout, "  ", key)
		pin := ""
		if opt.TLS == classroom.TLSSelf {
			pin = " --pin " + opt.Fingerprint
		}
		fmt.Fprintf(stdout, "   aula trainer --hub %s --key %s%s\n", addrs[0], key, pin)
	case *hf.showKey:
		fmt.Fprintln(stdout, cat.T("hub_key_old"))
	}
}

// hubAddresses are the addresses kiosks can use: the one listened on, or
// every LAN address when listening on all of them.
func hubAddresses(hl *hubListener) []string {
	if hl.ip == nil || hl.ip.IsUnspecified() {
		return discovery.LANAddresses(hl.scheme, hl.port)
	}
	return []string{fmt.Sprintf("%s://%s", hl.scheme, net.JoinHostPort(hl.ip.String(), fmt.Sprint(hl.port)))}
}

// serveHub serves h on hl until ctx ends, announcing it on the LAN;
// announced hears whether that worked (and the hub's dashboard too).
func serveHub(ctx context.Context, h *classroom.Hub, hl *hubListener, announced func(error)) error {
	hid, _ := h.Store().HubID()
	stop, err := discovery.Announce(discovery.InstanceName(hid), hl.ip, hl.port, hl.scheme)
	switch {
	case err == nil:
		defer stop()
	case !errors.Is(err, discovery.ErrNotAnnounced): // loopback on purpose is no failure
		h.SetAnnounceError(err.Error())
	}
	if announced != nil {
		announced(err)
	}
	srv := &http.Server{
		Handler:           h.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      time.Minute, // long-polls last 25 seconds
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          quietLog.Get(),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(hl) }()
	defer sayHubRunning(h.Store(), hl)() // hub_running.go
	st := h.Store()
	st.BackupLater()       // the copy at start (Close waits for it)
	defer st.BackupLater() // and the copy on the way out
	tick := time.NewTicker(hubBackupEvery)
	defer tick.Stop()
	retained := time.Now() // openStore applied the retention at start
	for {
		select {
		case <-tick.C:
			if time.Since(retained) >= 24*time.Hour { // a hub that runs for days: once a day
				retained = time.Now()
				_, _ = st.ApplyRetention()
			}
			st.BackupLater()
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
}
