package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"aula/i18n"
	"aula/xapi"
)

// runRegion is aula region: what every centre's learners did, read back
// from the region's LRS (docs/xapi.md); or, with --import, a centre's
// statements file (aula report --format xapi) sent to the LRS.
func runRegion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("region", args, stderr)
	lang := fs.String("lang", "", "")
	lf := &lrsFlags{url: fs.String("lrs", "", ""), key: fs.String("lrs-key", "", ""), secret: fs.String("lrs-secret", "", "")}
	since := fs.String("since", "", "")
	activity := fs.String("activity", "", "")
	format := fs.String("format", "table", "")
	imp := fs.String("import", "", "")
	if !parseAll(fs, args, cliCatalog(args), "aula region", stdout, stderr) {
		return usageExit(args)
	}
	if *lang == "" {
		*lang = i18n.FromEnv()
	}
	cat := i18n.New(*lang)
	fail := func(code int, msg string) int {
		fmt.Fprintln(stderr, "aula region:", msg)
		return code
	}
	if *lf.url == "" {
		return fail(exitUsage, cat.T("region_need_lrs"))
	}
	c, msg := lf.client(cat)
	if msg != "" {
		return fail(exitUsage, msg)
	}
	ctx := context.Background()
	if *imp != "" {
		return importStatements(ctx, c, *imp, cat, stdout, stderr)
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		return fail(exitUsage, cat.T("region_bad_format", "Format", *format))
	}
	now := time.Now()
	from := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.Local)
	if *since != "" {
		d, err := time.ParseInLocation(time.DateOnly, *since, time.Local)
		if err != nil {
			return fail(exitUsage, cat.T("region_bad_since", "Since", *since))
		}
		from = d
	}
	sts, err := xapi.Fetch(ctx, c, from, *activity)
	if err != nil {
		return fail(exitProblem, cat.T("region_failed", "Err", err.Error()))
	}
	rows := xapi.Summarize(sts, cat.Lang())
	if err := writeRegion(stdout, *format, rows, cat, from, c.Endpoint); err != nil {
		return fail(exitProblem, err.Error())
	}
	return exitOK
}

// writeRegion prints the summary as a table, CSV or JSON.
func writeRegion(w io.Writer, format string, rows []xapi.Row, cat *i18n.Catalog, since time.Time, lrs string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if rows == nil {
			rows = []xapi.Row{}
		}
		return enc.Encode(rows)
	}
	head := []string{cat.T("region_centre"), cat.T("region_itinerary"), cat.T("region_learners"),
		cat.T("region_lessons"), cat.T("region_itineraries"), cat.T("region_examples"), cat.T("region_certificates")}
	records := [][]string{head}
	for _, r := range rows {
		itin := r.ItineraryName
		if r.Itinerary == "" {
			itin = cat.T("region_all")
		}
		var steps []string
		for _, s := range r.WorkedExample {
			steps = append(steps, cat.T("region_step", "Name", s.Name, "Needed", s.Needed, "Learners", s.Learners))
		}
		records = append(records, []string{xapi.CentreName(r.Centre), itin, strconv.Itoa(r.Learners),
			strconv.Itoa(r.LessonsCompleted), strconv.Itoa(r.ItinerariesCompleted), strings.Join(steps, "; "),
			strconv.Itoa(r.CertificatesIssued)})
	}
	if format == "csv" {
		for _, rec := range records[1:] {
			for i := range rec {
				rec[i] = safeCSV(rec[i])
			}
		}
		return csv.NewWriter(w).WriteAll(records)
	}
	fmt.Fprintln(w, cat.T("region_since", "Date", since.Format(time.DateOnly), "URL", lrs))
	if len(rows) == 0 {
		fmt.Fprintln(w, cat.T("region_none"))
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, rec := range records {
		fmt.Fprintln(tw, strings.Join(rec, "\t"))
	}
	return tw.Flush()
}

// safeCSV keeps a spreadsheet from reading a cell as a formula.
func safeCSV(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// importStatements sends a statements file (aula report --format xapi)
// to the LRS in batches; statements it already holds are recognised by
// their ids, so importing twice counts nothing twice.
func importStatements(ctx context.Context, c *xapi.Client, path string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(stderr, "aula region:", cat.T("region_import_read", "Path", path, "Err", err.Error()))
		return exitUsage
	}
	var sts []json.RawMessage
	if err := json.Unmarshal(data, &sts); err != nil {
		fmt.Fprintln(stderr, "aula region:", cat.T("region_import_read", "Path", path, "Err", err.Error()))
		return exitUsage
	}
	for i := 0; i < len(sts); i += xapi.DefaultBatch {
		if err := c.Post(ctx, sts[i:min(i+xapi.DefaultBatch, len(sts))]); err != nil {
			fmt.Fprintln(stderr, "aula region:", cat.T("region_import_failed", "Done", i, "Count", len(sts), "Err", err.Error()))
			return exitProblem
		}
	}
	fmt.Fprintln(stdout, cat.T("region_imported", "Count", len(sts)))
	return exitOK
}
