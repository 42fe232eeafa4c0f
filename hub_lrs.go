package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"aula/i18n"
	"aula/lessons"
	"aula/store"
	"aula/xapi"
)

// envLRSSecret holds the LRS secret when it is not given as a flag, so
// that it does not show in the list of processes.
const envLRSSecret = "AULA_LRS_SECRET"

// lrsStatusFile is where a hub that sends to an LRS keeps how it goes,
// for aula hub --status while the hub runs (it holds the data file).
const lrsStatusFile = "lrs-status.json"

// lrsFlags say where a hub sends its statements (docs/xapi.md).
type lrsFlags struct {
	url, key, secret *string
	*centreFlags
}

// addLRSFlags adds --lrs, --lrs-key, --lrs-secret and the centre's flags.
func addLRSFlags(fs *flag.FlagSet) *lrsFlags {
	return &lrsFlags{
		url:         fs.String("lrs", "", ""),
		key:         fs.String("lrs-key", "", ""),
		secret:      fs.String("lrs-secret", "", ""),
		centreFlags: addCentreFlags(fs),
	}
}

// centreFlags are what a centre's statements are made with (aula hub,
// aula report --format xapi): --xapi-base, --centre and --xapi-names.
type centreFlags struct {
	base, centre *string
	names        *bool // the names of the learners who said yes go in the statements
}

// addCentreFlags adds --xapi-base, --centre and --xapi-names.
func addCentreFlags(fs *flag.FlagSet) *centreFlags {
	return &centreFlags{base: fs.String("xapi-base", xapi.DefaultBase, ""), centre: fs.String("centre", "", ""),
		names: fs.Bool("xapi-names", false, "")}
}

// client is the LRS client the flags ask for, or a message saying what
// is wrong.
func (f *lrsFlags) client(cat *i18n.Catalog) (*xapi.Client, string) {
	secret := *f.secret
	if secret == "" {
		secret = os.Getenv(envLRSSecret)
	}
	if *f.key == "" || secret == "" {
		return nil, cat.T("lrs_no_key", "Env", envLRSSecret)
	}
	c, err := xapi.NewClient(*f.url, *f.key, secret)
	if err != nil {
		return nil, cat.T("lrs_bad_url", "URL", *f.url)
	}
	return c, ""
}

// centreMapper is the centre's statement maker; the centre defaults to
// the hub's id.
func centreMapper(f *centreFlags, st *store.Store, lib *lessons.Library, cat *i18n.Catalog) (*xapi.Mapper, string) {
	base, centre := *f.base, *f.centre
	if err := xapi.CheckBase(base); err != nil {
		return nil, cat.T("lrs_bad_base", "Base", base)
	}
	if centre == "" {
		id, err := st.HubID()
		if err != nil {
			return nil, err.Error()
		}
		centre = id
	}
	if err := xapi.CheckCentre(centre); err != nil {
		return nil, cat.T("lrs_bad_centre", "Centre", centre)
	}
	return &xapi.Mapper{Base: base, Centre: centre, Library: lib, Names: *f.names}, ""
}

// startLRS makes the hub's ingest write statements and starts sending
// them until ctx ends; it must run before the hub serves. Without --lrs
// it does nothing. The returned function waits for the sender to stop.
func startLRS(ctx context.Context, f *lrsFlags, st *store.Store, dir string, lib *lessons.Library, cat *i18n.Catalog, stdout, stderr io.Writer) (func(), int) {
	if *f.url == "" {
		return func() {}, exitOK
	}
	c, msg := f.client(cat)
	if msg == "" {
		var m *xapi.Mapper
		if m, msg = centreMapper(f.centreFlags, st, lib, cat); msg == "" {
			st.SetStatements(m.Make)
			pending, _, _ := st.StatementCounts()
			fmt.Fprintln(stdout, cat.T("lrs_sending", "URL", c.Endpoint, "Centre", m.CentreIRI(), "Count", pending))
		}
	}
	if msg != "" {
		fmt.Fprintln(stderr, "aula hub:", msg)
		return nil, exitUsage
	}
	s := &xapi.Sender{Store: st, Client: c, StatusFile: filepath.Join(dir, lrsStatusFile)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := s.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "aula hub:", cat.T("lrs_stopped", "Err", err.Error()))
		}
	}()
	return func() { <-done }, exitOK
}

// hubStatus prints how sending to the LRS goes: from the data file when
// no hub holds it, else from what the running hub last wrote.
func hubStatus(dir string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	sent, fileErr := xapi.ReadStatus(filepath.Join(dir, lrsStatusFile))
	st, err := store.Open(dir, store.Options{Timeout: 200 * time.Millisecond})
	var aside []store.AsideStatement
	switch {
	case errors.Is(err, store.ErrLocked):
		if fileErr != nil {
			fmt.Fprintln(stderr, cat.T("err_locked", "Path", filepath.Join(dir, store.FileName)))
			return exitLocked
		}
		fmt.Fprintln(stdout, cat.T("lrs_status_running", "Time", sent.Updated.Local().Format(time.DateTime)))
	case err != nil:
		fmt.Fprintln(stderr, cat.T("err_open", "Path", filepath.Join(dir, store.FileName), "Err", err.Error()))
		return exitData
	default:
		defer st.Close()
		if sent.Pending, sent.Aside, err = st.StatementCounts(); err == nil {
			aside, err = st.AsideStatements()
		}
		if err != nil {
			fmt.Fprintln(stderr, cat.T("err_open", "Path", filepath.Join(dir, store.FileName), "Err", err.Error()))
			return exitData
		}
	}
	if sent.LRS == "" && sent.Pending == 0 && sent.Aside == 0 {
		fmt.Fprintln(stdout, cat.T("lrs_status_none"))
		return exitOK
	}
	if sent.LRS != "" {
		fmt.Fprintln(stdout, cat.T("lrs_status_lrs", "URL", sent.LRS))
	}
	fmt.Fprintln(stdout, cat.T("lrs_status_pending", "N", sent.Pending))
	if !sent.LastSent.IsZero() {
		fmt.Fprintln(stdout, cat.T("lrs_status_sent", "N", sent.Sent, "Time", sent.LastSent.Local().Format(time.DateTime)))
	}
	if sent.LastError != "" {
		fmt.Fprintln(stdout, cat.T("lrs_status_error", "Err", sent.LastError, "Time", sent.ErrorAt.Local().Format(time.DateTime),
			"Next", sent.NextTry.Local().Format(time.DateTime)))
	}
	fmt.Fprintln(stdout, cat.T("lrs_status_aside", "N", sent.Aside))
	for _, a := range aside {
		fmt.Fprintln(stdout, cat.T("lrs_status_aside_line", "ID", a.Statement.ID, "Status", a.Status, "Reason", a.Reason,
			"Time", a.At.Local().Format(time.DateTime)))
	}
	return exitOK
}

// reportXAPI writes the statements of every event in the data file
// between start and end, as a JSON array: the same statements a hub with
// the same --centre, --xapi-base and --xapi-names sends (for a centre
// without internet, whose coordinator imports the file with aula region
// --import).
func reportXAPI(dir string, cat *i18n.Catalog, start, end time.Time, cf *centreFlags, stdout, stderr io.Writer) int {
	st, code := openStore(dir, cat, stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	lib, _ := openLessons("")
	m, msg := centreMapper(cf, st, lib, cat)
	if msg != "" {
		fmt.Fprintln(stderr, "aula report:", msg)
		return exitUsage
	}
	sts, err := st.ReplayStatements(m.Make, start, end)
	if err != nil {
		fmt.Fprintln(stderr, "aula report:", err)
		return exitData
	}
	if err := xapi.WriteStatements(stdout, sts); err != nil {
		fmt.Fprintln(stderr, "aula report:", err)
		return exitProblem
	}
	return exitOK
}
