package xapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"aula/store"
)

// Client talks to one LRS's Statements API.
type Client struct {
	Endpoint string // the LRS's xAPI endpoint, ending before /statements
	Key      string // Basic auth user
	Secret   string // Basic auth password
	HTTP     *http.Client
}

// NewClient checks endpoint and makes a client with sensible timeouts.
func NewClient(endpoint, key, secret string) (*Client, error) {
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an http(s) address of an LRS", endpoint)
	}
	return &Client{
		Endpoint: strings.TrimSuffix(strings.TrimRight(endpoint, "/"), "/statements"),
		Key:      key, Secret: secret,
		HTTP: &http.Client{Timeout: 60 * time.Second},
	}, nil
}

// StatusError is an answer of the LRS other than success.
type StatusError struct {
	Code int
	Body string // what the LRS said, cut short
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("the LRS answered %d %s: %s", e.Code, http.StatusText(e.Code), e.Body)
}

// Refused says whether the LRS refused the statements themselves (a 4xx
// other than a problem with our credentials or its load): sending them
// again unchanged would be refused again.
func (e *StatusError) Refused() bool {
	switch e.Code {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusNotFound:
		return false
	}
	return e.Code >= 400 && e.Code < 500
}

func (c *Client) do(ctx context.Context, method, target string, body []byte) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.Key, c.Secret)
	req.Header.Set("X-Experience-API-Version", Version)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		msg := strings.TrimSpace(string(data))
		if len(msg) > 400 {
			msg = msg[:400]
		}
		return nil, &StatusError{Code: resp.StatusCode, Body: msg}
	}
	return data, nil
}

// Post sends statements (each one JSON object) in one request.
func (c *Client) Post(ctx context.Context, statements []json.RawMessage) error {
	body, err := json.Marshal(statements)
	if err != nil {
		return err
	}
	_, err = c.do(ctx, http.MethodPost, c.Endpoint+"/statements", body)
	return err
}

// Query filters statements read back (GET /statements).
type Query struct {
	Since    time.Time // stored after
	Verb     string    // verb IRI
	Activity string    // activity IRI, related activities included
	Limit    int       // per page; 0: the LRS's choice
}

type statementResult struct {
	Statements []json.RawMessage `json:"statements"`
	More       string            `json:"more"`
}

// Statements reads every statement matching q, following the LRS's
// "more" links page by page, and calls each for each one (stopping at its
// first error).
func (c *Client) Statements(ctx context.Context, q Query, each func(Statement) error) error {
	v := url.Values{}
	if !q.Since.IsZero() {
		v.Set("since", q.Since.UTC().Format(time.RFC3339Nano))
	}
	if q.Verb != "" {
		v.Set("verb", q.Verb)
	}
	if q.Activity != "" {
		v.Set("activity", q.Activity)
		v.Set("related_activities", "true")
	}
	if q.Limit > 0 {
		v.Set("limit", fmt.Sprint(q.Limit))
	}
	target := c.Endpoint + "/statements?" + v.Encode()
	base, err := url.Parse(c.Endpoint)
	if err != nil {
		return err
	}
	for pages := 0; target != ""; pages++ {
		if pages > 1_000_000 {
			return errors.New("the LRS keeps giving more pages")
		}
		data, err := c.do(ctx, http.MethodGet, target, nil)
		if err != nil {
			return err
		}
		var res statementResult
		if err := json.Unmarshal(data, &res); err != nil {
			return fmt.Errorf("the LRS's answer is not a statement result: %w", err)
		}
		for _, raw := range res.Statements {
			var s Statement
			if err := json.Unmarshal(raw, &s); err != nil {
				return fmt.Errorf("a statement from the LRS: %w", err)
			}
			var st struct {
				Stored time.Time `json:"stored"`
			}
			_ = json.Unmarshal(raw, &st)
			s.Stored = st.Stored
			if err := each(s); err != nil {
				return err
			}
		}
		target = ""
		if res.More != "" {
			// "more" is relative to the LRS's root (xAPI 1.0.3, 2.1.3).
			next, err := base.Parse(res.More)
			if err != nil {
				return fmt.Errorf("the LRS's more link %q: %w", res.More, err)
			}
			target = next.String()
		}
	}
	return nil
}

// WriteStatements writes statements as one JSON array, one statement a
// line (what POST /statements takes, and aula region --import reads).
func WriteStatements(w io.Writer, sts []store.Statement) error {
	var b bytes.Buffer
	b.WriteString("[")
	for i, s := range sts {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n")
		b.Write(s.Body)
	}
	b.WriteString("\n]\n")
	_, err := w.Write(b.Bytes())
	return err
}
