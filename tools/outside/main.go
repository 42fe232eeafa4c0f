// Command outside measures Aula as a learner meets it: the whole process,
// from outside. It builds the binary as deploy/build.sh does, starts it on
// a pseudo-terminal at 80×24 that answers the terminal's queries, and
// times how long the first screen's text takes to arrive; it reads the
// peak memory of the process (VmHWM, RssAnon, RssFile in /proc/PID/status)
// on each main screen, reached with keys written to the terminal; and it
// times a key written to the terminal until its redraw arrives. Baselines
// run in the same rounds, since the machine is shared: less on a text
// file, and headless Chromium on the same lesson as a static page where
// Chromium is installed. It prints medians and ratios.
//
//	go run ./tools/outside                # 20 rounds, the figures of BENCHMARKS.md
//	go run ./tools/outside -rounds 3      # a quick look
//	go run ./tools/outside -only start,less  # only the start and its baseline
//
// Linux only (pseudo-terminals and /proc).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// measureNames name the measurements of a round, for -only.
var measureNames = []string{"start", "less", "chromium", "version", "home", "lesson", "password", "mail", "form",
	"dashboard", "silent"}

func main() {
	rounds := flag.Int("rounds", 20, "paired rounds of every measurement")
	keys := flag.Int("keys", 40, "keys timed on each screen, per round")
	bin := flag.String("bin", "", "use this aula binary instead of building one")
	chromium := flag.String("chromium", "/usr/bin/chromium", "Chromium for the baseline, skipped when missing")
	silent := flag.Bool("silent", false, "also time the start on a terminal that answers no query")
	only := flag.String("only", "", "measure only these, comma-separated: "+strings.Join(measureNames, ","))
	flag.Parse()
	cfg := config{rounds: *rounds, keys: *keys, bin: *bin, chromium: *chromium, silent: *silent, out: os.Stdout}
	if *only != "" {
		cfg.only = strings.Split(*only, ",")
		for _, n := range cfg.only {
			if !slices.Contains(measureNames, n) {
				fmt.Fprintf(os.Stderr, "outside: -only: no measurement %q (%s)\n", n, strings.Join(measureNames, ","))
				os.Exit(2)
			}
		}
	}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "outside:", err)
		os.Exit(1)
	}
}

type config struct {
	rounds, keys int
	bin          string
	chromium     string
	silent       bool
	only         []string // the measurements to take; all when empty
	out          io.Writer
}
