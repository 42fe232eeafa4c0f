package classroom

import (
	"aula/classroom/safetext"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Errors a client can meet, for the kiosk to say in plain words.
var (
	ErrWrongCode   = errors.New("wrong session code")
	ErrTooMany     = errors.New("too many wrong codes: wait a minute")
	ErrNotJoined   = errors.New("this laptop is not in the class any more: join again")
	ErrUnreachable = errors.New("the class hub cannot be reached")
	ErrRefused     = errors.New(errRefusedText)
	ErrWaitingGone = errors.New("the hub forgot that this laptop was waiting: join again")
	ErrBadRequest  = errors.New("the hub refused the request")
)

// HubError is an error the hub answered with: its status and its reason.
type HubError struct {
	Status int
	Reason string
	kind   error
}

func (e *HubError) Error() string {
	if e.Reason == "" {
		return e.kind.Error()
	}
	return e.kind.Error() + " (" + e.Reason + ")"
}

func (e *HubError) Unwrap() error { return e.kind }

// NormalizeURL turns what a person typed ("192.168.1.10", "aula.local:7420",
// "https://10.0.0.2:7420/") into the hub's base URL. Without a scheme it is
// HTTPS: plain HTTP is only ever used when it is written out.
func NormalizeURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("the address is empty")
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", fmt.Errorf("%q is not an address like 192.168.1.10:%d", s, DefaultPort)
	}
	if u.Port() == "" {
		u.Host += ":" + strconv.Itoa(DefaultPort)
	}
	return u.Scheme + "://" + u.Host, nil
}

// Client talks to a hub: as a kiosk (Device and Token) or as the trainer
// (Token is the trainer key, Device empty).
type Client struct {
	URL    string
	Device string
	Token  string
	Pin    string       // the hub's certificate fingerprint (see PinnedHTTP)
	HTTP   *http.Client // nil: PinnedHTTP(Pin)
}

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return PinnedHTTP(c.Pin)
}

// do sends a request with the credentials and decodes a JSON answer into out
// (when not nil). Errors from the hub keep its message.
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.URL+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	if c.Device != "" {
		req.Header.Set(HeaderDevice, c.Device)
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 8*MaxBody))
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	if resp.StatusCode >= 300 {
		var eb errorBody
		_ = json.Unmarshal(data, &eb)
		he := &HubError{Status: resp.StatusCode, Reason: safetext.Text(eb.Error, 300), kind: ErrBadRequest}
		switch resp.StatusCode {
		case http.StatusUnauthorized:
			he.kind = ErrNotJoined
		case http.StatusForbidden:
			he.kind = ErrWrongCode
			if eb.Error == errRefusedText {
				he.kind = ErrRefused
			}
		case http.StatusTooManyRequests:
			he.kind = ErrTooMany
		}
		return he
	}
	if st, ok := out.(*statusAnd); ok {
		st.status = resp.StatusCode
		out = st.v
	}
	if out != nil && resp.StatusCode != http.StatusNoContent {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("the hub's answer is not what Aula expects: %w", err)
		}
	}
	return nil
}

// statusAnd decodes the answer into v and keeps the status (200 or 202).
type statusAnd struct {
	status int
	v      any
}

// Push sends outbox events.
func (c *Client) Push(ctx context.Context, req PushRequest) (PushResponse, error) {
	var r PushResponse
	err := c.do(ctx, http.MethodPost, PathPush, req, &r)
	return r, err
}

// Presence tells the hub where the kiosk is.
func (c *Client) Presence(ctx context.Context, p Presence) error {
	return c.do(ctx, http.MethodPost, PathPresence, p, nil)
}

// Poll waits for commands after seq (a negative after asks where the log is).
func (c *Client) Poll(ctx context.Context, after int64) (PollResponse, error) {
	path := PathCommands
	if after >= 0 {
		path += "?after=" + strconv.FormatInt(after, 10)
	}
	var r PollResponse
	err := c.do(ctx, http.MethodGet, path, nil, &r)
	return r, err
}

// Snapshot reads the class (trainer).
func (c *Client) Snapshot(ctx context.Context) (Snapshot, error) {
	var s Snapshot
	err := c.do(ctx, http.MethodGet, PathClass, nil, &s)
	return s.clean(), err
}

// Detail reads one learner (trainer).
func (c *Client) Detail(ctx context.Context, id uint64) (Detail, error) {
	var d Detail
	err := c.do(ctx, http.MethodGet, PathLearner+"?id="+strconv.FormatUint(id, 10), nil, &d)
	return d, err
}

// Send gives the kiosks a command (trainer).
func (c *Client) Send(ctx context.Context, cmd Command) error {
	return c.do(ctx, http.MethodPost, PathCommand, cmd, nil)
}

// Live is true: a hub reaches the kiosks.
func (c *Client) Live() bool { return true }

// Verify asks the hub to check a certificate's code (PathVerify); the
// verdict is decoded into out.
func (c *Client) Verify(ctx context.Context, code string, out any) error {
	return c.do(ctx, http.MethodPost, PathVerify, map[string]string{"code": code}, out)
}

// timeout bounds one short request; long-polls get the hub's wait on top.
const timeout = 10 * time.Second
