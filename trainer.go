package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"aula/certificate"
	"aula/classroom"
	"aula/i18n"
	"aula/store"
	"aula/tui"
	"aula/tui/dashboard"
)

// trainerKeysFile keeps, in the trainer's data folder, the keys of hubs
// elsewhere (aula trainer --hub URL --key KEY), so the key is typed once.
const trainerKeysFile = "trainer-keys.json"

// runTrainer opens the dashboard: over a hub it serves itself (the default),
// over a hub elsewhere (--hub), or, when the hub cannot start, over the
// learners of this laptop's data file.
func runTrainer(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("trainer", args, stderr)
	data := fs.String("data", defaultDataDir(), "")
	hf := addHubFlags(fs)
	hubURL := fs.String("hub", "", "")
	key := fs.String("key", "", "")
	pin := fs.String("pin", "", "")
	lang := fs.String("lang", "", "")
	if !parseAll(fs, args, cliCatalog(args), "aula trainer", stdout, stderr) {
		return usageExit(args)
	}
	if *lang == "" {
		*lang = i18n.FromEnv()
	}
	cat := i18n.New(*lang)
	if !publishFolderThere(hf, cat, "aula trainer", stderr) { // hub_publish.go
		return exitUsage
	}
	lib, _ := openLessons("")
	cfg := dashboard.Config{Library: lib, Lang: cat.Lang()}

	if *hubURL != "" {
		u, err := classroom.NormalizeURL(*hubURL)
		if err != nil {
			fmt.Fprintln(stderr, "aula trainer: --hub:", err)
			return exitUsage
		}
		k, err := trainerKey(*data, u, *key)
		if err != nil {
			fmt.Fprintln(stderr, "aula trainer:", err)
			return exitUsage
		}
		// The pin of a hub with its own certificate is kept like the key.
		if *pin, err = trainerKey(*data, u+"#pin", *pin); err != nil && strings.HasPrefix(u, "https://") {
			*pin = ""
		}
		cl := &classroom.Client{URL: u, Token: k, Pin: *pin}
		cfg.Source, cfg.Address, cfg.Key = cl, u, k
		cfg.Verify = dashVerify(func(ctx context.Context, code string) (v certificate.Verdict, err error) {
			return v, cl.Verify(ctx, code, &v)
		}, cat)
		return runDashboard(cfg, stderr)
	}

	st, code := openStore(*data, cat, stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	askTrainerPIN(st, cat, stdout, stderr)
	if c, err := st.Centre(); err == nil {
		cfg.Trainer = c.Trainer // the name a learner asked to share their screen is shown
	}
	cfg.Papers = dashPapers{st: st, dir: *data, lc: lib.Catalog(cat.Lang()), lang: cat.Lang()} // dashpapers.go
	cfg.Verify = dashVerify(func(_ context.Context, code string) (certificate.Verdict, error) { return hubVerify(st)(code) }, cat)
	cfg.Retention = dashRetention{st: st, papers: cfg.Papers}
	// What the hub says at start goes to the terminal before the
	// dashboard covers it; the dashboard shows the code and the key too.
	h, ln, _ := startHub(st, *data, hf, false, lib, cat, stdout, stderr)
	if h == nil {
		// No network for a hub (or the port is taken): the learners of
		// this laptop, read from its data file.
		fmt.Fprintln(stderr, cat.T("trainer_local_only"))
		cfg.Source = classroom.Local{St: st}
		return runDashboard(cfg, stderr)
	}
	ctx, stop := context.WithCancel(context.Background())
	if *hf.publish != "" {
		// Said before the dashboard covers the terminal; after, the
		// dashboard says it.
		p := &publisher{h: h, dir: *hf.publish, cat: cat, out: stdout, lib: &hf.published}
		cfg.Published = hf.published.Load // its lessons by title on the dashboard
		p.once()
		p.out = io.Discard
		publishLessons(ctx, p)
	}
	served := make(chan error, 1)
	go func() { served <- serveHub(ctx, h, ln, nil) }()
	cfg.Source, cfg.Address, cfg.Code = h, hubAddresses(ln)[0], classroom.SpacedCode(h.Code())
	cfg.Key, _ = st.KeptTrainerKey()
	rc := runDashboard(cfg, stderr)
	stop()
	if err := <-served; err != nil {
		fmt.Fprintln(stderr, "aula trainer:", err)
	}
	return rc
}

// askTrainerPIN asks for the trainer PIN the first time aula trainer runs
// on a laptop (it guards leaving the kiosk there). It can be skipped: it is
// asked again next time, and aula setup sets it too.
func askTrainerPIN(st *store.Store, cat *i18n.Catalog, stdout, stderr io.Writer) {
	has, err := st.HasTrainerPIN()
	if err != nil || has {
		return
	}
	if !isTerminal() {
		fmt.Fprintln(stderr, cat.T("trainer_pin_skipped"))
		return
	}
	fmt.Fprintln(stdout, cat.T("trainer_pin_intro"))
	var pin string
	if err := runForm(tui.TrainerPINForm(cat.Lang(), &pin)); err != nil {
		fmt.Fprintln(stdout, cat.T("trainer_pin_skipped"))
		return
	}
	if err := st.SetTrainerPIN(pin); err != nil {
		fmt.Fprintln(stderr, "aula trainer:", err)
		return
	}
	fmt.Fprintln(stdout, cat.T("trainer_pin_saved"))
}

func runDashboard(cfg dashboard.Config, stderr io.Writer) int {
	// A Ctrl+C that arrives as a signal asks, as the key does.
	if err := tui.RunScreen(context.Background(), dashboard.New(cfg)); err != nil {
		fmt.Fprintln(stderr, "aula trainer:", err)
		return exitData
	}
	return exitOK
}

// trainerKey is the key for the hub at url: the one given (and then kept
// in the data folder, owner-only), else the one kept.
func trainerKey(dir, url, given string) (string, error) {
	path := filepath.Join(dir, trainerKeysFile)
	keys := map[string]string{}
	if raw, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(raw, &keys)
	}
	if given = strings.TrimSpace(given); given != "" {
		keys[url] = given
		raw, _ := json.MarshalIndent(keys, "", "  ")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", err
		}
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			return "", fmt.Errorf("keeping the trainer key: %w", err)
		}
		return given, nil
	}
	if k, ok := keys[url]; ok {
		return k, nil
	}
	return "", errors.New("the trainer key for " + url + " is missing: the hub printed it when it first started; pass it once with --key")
}
