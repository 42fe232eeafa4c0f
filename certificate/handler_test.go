package certificate

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// The hub's check is counted before the request is read or judged: after
// checkBurst requests, even well-formed ones wait (429) until the clock
// gives one back, and a hostile body spends the budget like any other. A
// code over MaxCode and a body that is not {"code"} are refused without
// a check.
func TestHandlerCountsBeforeJudging(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	checked := 0
	h := Handler(func(code string) (Verdict, error) {
		checked++
		return Verdict{Status: StatusUnreadable}, nil
	}, func() time.Time { return now })
	ask := func(body string) int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body)))
		return rec.Code
	}
	if got := ask(`{"code": "` + strings.Repeat("A", MaxCode+1) + `"}`); got != http.StatusBadRequest {
		t.Errorf("a code of %d bytes: %d, want 400", MaxCode+1, got)
	}
	if got := ask(`not json`); got != http.StatusBadRequest {
		t.Errorf("a body that is not JSON: %d, want 400", got)
	}
	if checked != 0 {
		t.Fatalf("refused requests were checked %d times", checked)
	}
	for i := 2; i < checkBurst; i++ {
		if got := ask(`{"code": "ABCDE"}`); got != http.StatusOK {
			t.Fatalf("request %d: %d, want 200", i+1, got)
		}
	}
	if got := ask(`{"code": "ABCDE"}`); got != http.StatusTooManyRequests {
		t.Errorf("request %d: %d, want 429", checkBurst+1, got)
	}
	if checked != checkBurst-2 {
		t.Errorf("checked %d codes, want %d", checked, checkBurst-2)
	}
	now = now.Add(checkEvery)
	if got := ask(`{"code": "ABCDE"}`); got != http.StatusOK {
		t.Errorf("after %v: %d, want 200", checkEvery, got)
	}
}
