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
	hub, err := classroom.NewHub(st, classroom.HubOptions{})
	if err != nil {
		return
	}
	go func() { _ = http.ListenAndServe(fmt.Sprintf(":%d", classroom.DefaultPort), hub.Handler()) }()
	m := dashboard.New(dashboard.Config{
		Source:  hub,
		Library: lib,
		Lang:    "es",
		Address: fmt.Sprintf("http://192.168.1.23:%d", classroom.DefaultPort),
		Code:    hub.Code(),
	})
	_, _ = tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion()).Run()
}
