package xapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"aula/store"
)

// BenchmarkSendToLRS measures how fast a hub empties its outbox into the
// local LRS (Learning Locker's statement service, in memory, on
// loopback): statements per second, by batch size. Each iteration sends
// one class of 30 learners (about 700 statements).
func BenchmarkSendToLRS(b *testing.B) {
	c, err := NewClient(needLRS(b), "bench", "secret")
	if err != nil {
		b.Fatal(err)
	}
	for _, batch := range []int{25, 100, 200, 400} {
		b.Run(fmt.Sprintf("batch-%d", batch), func(b *testing.B) { benchSend(b, c, batch) })
	}
}

// BenchmarkSendToStub is the hub's own share: the same sending to an LRS
// that takes everything at once without looking (a stub on loopback).
func BenchmarkSendToStub(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = w.Write([]byte("[]"))
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL+"/xAPI", "bench", "secret")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("batch-100", func(b *testing.B) { benchSend(b, c, 100) })
}

func benchSend(b *testing.B, c *Client, batch int) {
	var sent int
	var elapsed time.Duration
	for range b.N {
		b.StopTimer()
		st, _ := hubStore(b, b.TempDir(), "bench-"+randomHex(8))
		p := playClass(b, 30, 10, time.Now().Add(-time.Hour))
		ingest(b, st, p)
		s := &Sender{Store: st, Client: c, Batch: batch}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		b.StartTimer()
		start := time.Now()
		go func() { done <- s.Run(ctx) }()
		for {
			n, _, err := st.StatementCounts()
			if err != nil {
				b.Fatal(err)
			}
			if n == 0 {
				break
			}
			time.Sleep(time.Millisecond)
		}
		elapsed += time.Since(start)
		b.StopTimer()
		cancel()
		stopped(b, <-done)
		sent += s.Status().Sent
		if s.Status().Aside > 0 || s.Status().Sent != p.statements {
			b.Fatalf("sent %d of %d, %d aside", s.Status().Sent, p.statements, s.Status().Aside)
		}
		st.Close()
	}
	b.ReportMetric(float64(sent)/elapsed.Seconds(), "statements/s")
	b.ReportMetric(float64(sent)/float64(b.N), "statements/op")
}

// BenchmarkMake is the work Ingest adds per event when the hub sends to
// an LRS: the statement, as JSON, inside the ingest transaction.
func BenchmarkMake(b *testing.B) {
	m := &Mapper{Centre: "bench", Library: testLib}
	in := store.StatementInput{Actor: randomHex(32), Done: func(string) bool { return false }, Event: store.Event{
		ID: randomHex(32), Kind: store.Answered, Lesson: firstItinerary().LessonIDs[0], Step: "flechas", Attempt: 2, Mistake: "wrong-option", At: time.Now(),
	}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Make(in); err != nil {
			b.Fatal(err)
		}
	}
}
