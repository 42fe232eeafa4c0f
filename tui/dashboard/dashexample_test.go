package dashboard_test

import (
	"fmt"
	"net/http"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/lessons"
	"aula/store"
	"aula/tui/dashboard"
)

// The trainer's laptop: the hub serves the class on the LAN and is also
// the dashboard's Source, in-process. (Compiled, not run: it takes the
// terminal.) A dashboard of a hub elsewhere uses a *classroom.Client with
// the trainer key as Source; a laptop without a hub, classroom.Local.
func ExampleNew() {
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	st, err := store.Open("/path/to/hub-data", store.Options{Timeout: time.Second})
	if err != nil {
		return
	}
	defer st.Close()
	// HTTPS with the hub's own certificate, which the session code proves
	// to each kiosk that joins.
	cert, err := classroom.HubCert("/path/to/hub-data")
	if err != nil {
		return
	}
	fp, _ := classroom.CertFingerprint(cert)
	hub, err := classroom.NewHub(st, classroom.HubOptions{Fingerprint: fp})
	if err != nil {
		return
	}
	srv := &http.Server{Addr: fmt.Sprintf(":%d", classroom.DefaultPort), Handler: hub.Handler(), TLSConfig: classroom.ServerTLS(cert)}
	go func() { _ = srv.ListenAndServeTLS("", "") }()
	m := dashboard.New(dashboard.Config{
		Source:  hub,
		Library: lib,
		Lang:    "es",
		Address: fmt.Sprintf("https://192.168.1.23:%d", classroom.DefaultPort),
		Code:    classroom.SpacedCode(hub.Code()),
	})
	_, _ = tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion()).Run()
}
