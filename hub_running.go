package main

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"aula/certificate"
	"aula/classroom"
	"aula/store"
)

// A hub holds its data file locked while it runs, so aula certificate
// verify on the same computer cannot read it. The hub says in its data
// folder how to ask it instead (runningHubFile, owner-only, like the
// trainer keys kept there): its loopback address, its certificate's
// fingerprint and the trainer key. It removes the file when it stops; a
// file left by a hub that crashed leads to no answer, and verify then
// reads the data file.
const runningHubFile = "hub-running.json"

// runningHub is runningHubFile's content.
type runningHub struct {
	URL string `json:"url"`
	Pin string `json:"pin,omitempty"`
	Key string `json:"key"`
}

// errNoRunningHub says no hub runs on the data folder.
var errNoRunningHub = errors.New("no hub runs on this data folder")

// sayHubRunning writes runningHubFile for the hub serving st on hl; the
// function it returns removes it. A hub whose key was made by an older
// Aula (only its check kept) writes nothing.
func sayHubRunning(st *store.Store, hl *hubListener) func() {
	key, err := st.KeptTrainerKey()
	if err != nil || key == "" {
		return func() {}
	}
	ip := hl.ip
	if ip == nil || ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1) // every address: loopback too
	}
	rh := runningHub{URL: hl.scheme + "://" + net.JoinHostPort(ip.String(), strconv.Itoa(hl.port)), Pin: hl.pin, Key: key}
	raw, _ := json.Marshal(rh)
	path := filepath.Join(filepath.Dir(st.Path()), runningHubFile)
	if os.WriteFile(path, raw, 0o600) != nil {
		return func() {}
	}
	return func() { os.Remove(path) }
}

// askRunningHub asks the hub running on the data folder dir to check a
// certificate's code; errNoRunningHub when none answers.
func askRunningHub(dir, code string) (certificate.Verdict, error) {
	var v certificate.Verdict
	raw, err := os.ReadFile(filepath.Join(dir, runningHubFile))
	if err != nil {
		return v, errNoRunningHub
	}
	var rh runningHub
	if json.Unmarshal(raw, &rh) != nil || rh.URL == "" {
		return v, errNoRunningHub
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c := &classroom.Client{URL: rh.URL, Token: rh.Key, Pin: rh.Pin}
	err = c.Verify(ctx, code, &v)
	if errors.Is(err, classroom.ErrUnreachable) {
		return v, errNoRunningHub
	}
	return v, err
}

// hubVerify is the hub's certificate check over its data file (the
// route classroom.PathVerify, and the dashboard of a hub in-process).
func hubVerify(st *store.Store) func(code string) (certificate.Verdict, error) {
	return func(code string) (certificate.Verdict, error) { return certificate.Check(st, code) }
}
