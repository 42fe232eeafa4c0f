package xapi

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// The tests run Learning Locker's statement service (npm xapi-statements
// 5.0.1, in-memory storage) once for the package, on loopback. .ci/run
// installs it in the cache folder; outside CI the tests that need it are
// skipped when Node or the package is missing.

// lrsDir is where .ci/run installs the LRS and the validator.
func lrsDir() string {
	if d := os.Getenv("AULA_LRS_DIR"); d != "" {
		return d
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache")
	}
	return filepath.Join(cache, "aula", "lrs")
}

type lrsServer struct {
	url  string // the xAPI endpoint: http://127.0.0.1:port/xAPI
	cmd  *exec.Cmd
	log  *bytes.Buffer
	err  error // why it could not start
	skip bool  // missing outside CI: skip
}

var (
	lrsOnce sync.Once
	lrs     *lrsServer
)

// needLRS starts the package's LRS the first time and returns its
// endpoint; it skips the test outside CI when Node or the LRS is missing.
func needLRS(t testing.TB) string {
	t.Helper()
	lrsOnce.Do(func() { lrs = startLRS() })
	switch {
	case lrs.err != nil && lrs.skip && os.Getenv("CI") == "":
		t.Skipf("no LRS to test against (%v): .ci/run installs it (npm xapi-statements@5.0.1 in %s)", lrs.err, lrsDir())
	case lrs.err != nil:
		t.Fatalf("the LRS: %v\n%s", lrs.err, lrs.log)
	}
	return lrs.url
}

func startLRS() *lrsServer {
	s := &lrsServer{log: &bytes.Buffer{}}
	node, err := exec.LookPath("node")
	if err != nil {
		s.err, s.skip = fmt.Errorf("node is not installed: %w", err), true
		return s
	}
	server := filepath.Join(lrsDir(), "node_modules", "xapi-statements", "dist", "server.js")
	if _, err := os.Stat(server); err != nil {
		s.err, s.skip = fmt.Errorf("xapi-statements is not installed: %w", err), true
		return s
	}
	port, err := freePort()
	if err != nil {
		s.err = err
		return s
	}
	data, err := os.MkdirTemp("", "aula-lrs-")
	if err != nil {
		s.err = err
		return s
	}
	preload, err := filepath.Abs(filepath.Join("testdata", "loopback.js"))
	if err != nil {
		s.err = err
		return s
	}
	s.cmd = exec.Command(node, "--require", preload, server)
	s.cmd.Dir = data
	s.cmd.Env = append(os.Environ(), "AUTH_REPO=test", "EVENTS_REPO=test", "MODELS_REPO=memory", "STORAGE_REPO=local",
		"FS_LOCAL_STORAGE_DIR="+data, "EXPRESS_PORT="+fmt.Sprint(port), "WINSTON_CONSOLE_LEVEL=error")
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		s.err = err
		return s
	}
	s.url = fmt.Sprintf("http://127.0.0.1:%d/xAPI", port)
	// Ready when it answers; at most 30 s (it starts in about one).
	deadline := time.Now().Add(30 * time.Second)
	for {
		req, _ := http.NewRequest(http.MethodGet, s.url+"/statements?limit=1", nil)
		req.SetBasicAuth("k", "s")
		req.Header.Set("X-Experience-API-Version", Version)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		if time.Now().After(deadline) {
			s.err = fmt.Errorf("it did not answer on %s within 30 s", s.url)
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func stopLRS() {
	if lrs != nil && lrs.cmd != nil && lrs.cmd.Process != nil {
		_ = lrs.cmd.Process.Kill()
		_ = lrs.cmd.Wait()
		os.RemoveAll(lrs.cmd.Dir)
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	stopLRS()
	os.Exit(code)
}

// validateStatements runs Learning Locker's validator (npm
// xapi-validation) over statements (a JSON array).
func validateStatements(t *testing.T, statements []byte) {
	t.Helper()
	needLRS(t) // the same install; skips or fails the same way
	cmd := exec.CommandContext(context.Background(), "node", filepath.Join("testdata", "validate.js"))
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(lrsDir(), "node_modules"))
	cmd.Stdin = bytes.NewReader(statements)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("xapi-validation: %v\n%s", err, out)
	}
}
