package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"aula/i18n"
	"aula/store"
	"aula/xapi"
)

// aula hub --status tells what waits to be sent and what the LRS refused,
// with the reason, from the hub's data file.
func TestHubStatusShowsPendingAndRefused(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := loadLessons("")
	base, centre, names := "https://region.example.org/aula", "norte", false
	m, msg := centreMapper(&centreFlags{base: &base, centre: &centre, names: &names}, st, lib, i18n.New("en"))
	if msg != "" {
		t.Fatal(msg)
	}
	st.SetStatements(m.Make)
	now := time.Now()
	evs := []store.Event{
		{ID: strings.Repeat("a", 32), Learner: 1, Kind: store.LessonStarted, Lesson: "usar-aula", At: now},
		{ID: strings.Repeat("b", 32), Learner: 1, Kind: store.LessonDone, Lesson: "usar-aula", At: now},
	}
	if _, err := st.Ingest("0123456789abcdef", []store.RemoteLearner{{ID: 1, Name: "Rosa"}}, evs); err != nil {
		t.Fatal(err)
	}
	pend, err := st.PendingStatements(0)
	if err != nil || len(pend) != 2 {
		t.Fatalf("%d statements pending, %v", len(pend), err)
	}
	if err := st.SetStatementAside(pend[0].Seq, 400, "Problem in 'statement.verb.id'"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out, errb bytes.Buffer
	if code := run([]string{"hub", "--status", "--data", dir, "--lang", "en"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"Statements waiting to be sent: 1", "kept aside (never sent again by themselves): 1",
		pend[0].ID, "400: Problem in 'statement.verb.id'"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the status lacks %q:\n%s", want, out.String())
		}
	}
}

// Wrong LRS settings are told in the trainer's language before the hub
// starts; the secret is never asked on the command line alone.
func TestLRSSettingsAreChecked(t *testing.T) {
	t.Setenv(envLRSSecret, "")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"hub", "--lrs", "http://127.0.0.1:9/xAPI", "--lang", "es"}, "--lrs necesita --lrs-key"},
		{[]string{"hub", "--lrs", "ftp://lrs", "--lrs-key", "k", "--lrs-secret", "s", "--lang", "en"}, "--lrs must be the http(s) address"},
		{[]string{"hub", "--lrs", "http://127.0.0.1:9/xAPI", "--lrs-key", "k", "--lrs-secret", "s", "--centre", "no spaces", "--lang", "en"}, "--centre must be"},
		{[]string{"region", "--lang", "es"}, "indica qué almacén de registros leer"},
		{[]string{"region", "--lrs", "http://127.0.0.1:9/xAPI", "--lrs-key", "k", "--lrs-secret", "s", "--format", "xml", "--lang", "en"}, "--format must be table, csv or json"},
		{[]string{"region", "--lrs", "http://127.0.0.1:9/xAPI", "--lrs-key", "k", "--lrs-secret", "s", "--since", "ayer", "--lang", "en"}, "--since must be a date"},
	} {
		var out, errb bytes.Buffer
		args := c.args
		if args[0] == "hub" {
			args = append(args, "--data", t.TempDir())
		}
		code := run(args, &out, &errb)
		if code != exitUsage || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, said %q; want %d and %q", c.args, code, errb.String(), exitUsage, c.want)
		}
	}
}

// aula report --format xapi writes a hub's statements, without a name,
// for a centre without internet; a bad centre id is told.
func TestReportXAPI(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	evs := []store.Event{
		{ID: strings.Repeat("d", 32), Learner: 1, Kind: store.LessonStarted, Lesson: "usar-aula", At: time.Now()},
		{ID: strings.Repeat("e", 32), Learner: 1, Kind: store.LessonDone, Lesson: "usar-aula", At: time.Now()},
	}
	if _, err := st.Ingest("0123456789abcdef", []store.RemoteLearner{{ID: 1, Name: "Rosa Zqx"}}, evs); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out, errb bytes.Buffer
	if code := run([]string{"report", "--format", "xapi", "--data", dir, "--centre", "norte"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var sts []xapi.Statement
	if err := json.Unmarshal(out.Bytes(), &sts); err != nil {
		t.Fatalf("not a JSON array of statements: %v\n%s", err, out.String())
	}
	if len(sts) != 2 || sts[0].Actor.Account.HomePage != xapi.DefaultBase+"/centres/norte" || sts[1].Verb.ID != xapi.VerbCompleted {
		t.Errorf("statements: %+v", sts)
	}
	if strings.Contains(out.String(), "Rosa") || strings.Contains(out.String(), "Zqx") {
		t.Errorf("the statements hold the learner's name:\n%s", out.String())
	}
	errb.Reset()
	if code := run([]string{"report", "--format", "xapi", "--data", dir, "--centre", "a/b", "--lang", "en"}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "--centre must be") {
		t.Errorf("a bad centre: exit %d, %q", code, errb.String())
	}
}
