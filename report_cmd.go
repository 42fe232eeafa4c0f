package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/x/term"

	"aula/i18n"
	"aula/report"
	"aula/store"
)

// The parts of aula report that are not the formats (runReport in main.go
// keeps the flags and the formats): reading the flags in the trainer's
// language, the days asked for, and the progress, with a data folder that
// must exist and a kiosk that may hold the file.

// parseReport reads aula report's flags; false after a mistake or --help,
// said in cat's language.
func parseReport(fs *flag.FlagSet, args []string, cat *i18n.Catalog, stdout, stderr io.Writer) bool {
	rest, ok := parseCLI(fs, args, cat, "aula report", stdout, stderr, func() string { return cat.T("report_usage") })
	if ok && len(rest) > 0 {
		fmt.Fprintln(stderr, cat.T("cli_extra_args", "Cmd", "aula report", "Args", rest[0]))
		fmt.Fprintln(stderr, cat.T("report_usage"))
		return false
	}
	return ok
}

// reportRange reads --session, or --from and --to (YYYY-MM-DD, both days
// included, local time), into [start, end); a flag not given leaves that
// end open. A mistake names the flag that was used.
func reportRange(cat *i18n.Catalog, given map[string]bool, session, from, to string) (start, end time.Time, err error) {
	start, end = time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	if given["session"] && (given["from"] || given["to"]) {
		return start, end, errors.New(cat.T("report_err_session_and_range"))
	}
	fromFlag, toFlag := "--from", "--to"
	if given["session"] {
		from, to, fromFlag, toFlag = session, session, "--session", "--session"
	}
	day := func(flag, value string) (time.Time, error) {
		d, err := time.ParseInLocation(time.DateOnly, value, time.Local)
		if err != nil {
			return d, errors.New(cat.T("report_err_date", "Flag", flag, "Value", value))
		}
		return d, nil
	}
	if from != "" || given["from"] || given["session"] {
		if start, err = day(fromFlag, from); err != nil {
			return start, end, err
		}
	}
	if to != "" || given["to"] {
		d, err := day(toFlag, to)
		if err != nil {
			return start, end, err
		}
		end = d.AddDate(0, 0, 1)
	}
	if !end.After(start) {
		return start, end, errors.New(cat.T("report_err_range", "From", from, "To", to))
	}
	return start, end, nil
}

// reportProgress reads every learner's progress (all of it, or what
// happened in [start, end)). A data folder that does not exist is an
// error; one without a data file has nobody yet (and gets no file); a
// kiosk holding the file is told in the trainer's words.
func reportProgress(dir string, cat *i18n.Catalog, allTime bool, start, end time.Time, stderr io.Writer) ([]store.LearnerProgress, int) {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		if _, err := os.Stat(filepath.Join(dir, store.FileName)); errors.Is(err, os.ErrNotExist) {
			return nil, exitOK
		}
	}
	st, code := openExisting(dir, cat, "aula report", stderr)
	if st == nil {
		return nil, code
	}
	defer st.Close()
	var all []store.LearnerProgress
	var err error
	if allTime {
		all, err = st.AllProgress()
	} else {
		all, err = st.ProgressBetween(start, end)
	}
	if err != nil {
		fmt.Fprintln(stderr, "aula report:", err)
		return nil, exitData
	}
	return all, exitOK
}

// reportPDF writes the session report of [start, end) (open ends: the
// zero time, or the year 9999 that reportRange gives) as a PDF on stdout,
// which must not be a terminal.
func reportPDF(dir string, cat *i18n.Catalog, start, end time.Time, stdout, stderr io.Writer) int {
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
		fmt.Fprintln(stderr, cat.T("report_pdf_to_file"))
		return exitUsage
	}
	if end.Year() == 9999 {
		end = time.Time{}
	}
	lib, _ := openLessons("")
	lc := lib.Catalog(cat.Lang())
	s := &report.Session{From: start, To: end}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		fmt.Fprintln(stderr, cat.T("cli_no_data_dir", "Cmd", "aula report", "Path", dir))
		return exitData
	}
	// A folder without a data file has nobody yet, and gets no file.
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); err == nil {
		st, code := openExisting(dir, cat, "aula report", stderr)
		if st == nil {
			return code
		}
		defer st.Close()
		var err error
		if s, err = report.BuildSession(st, lc, start, end); err != nil {
			fmt.Fprintln(stderr, "aula report:", err)
			return exitData
		}
	}
	s.Made = time.Now()
	if err := s.WritePDF(stdout, cat.Lang(), time.Local); err != nil {
		fmt.Fprintln(stderr, "aula report:", err)
		return exitProblem
	}
	return exitOK
}
