package classroom

import (
	"aula/classroom/safetext"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/gtank/ristretto255"

	"aula/store"
)

// Joining is a kiosk joining a class: it proves the session code to the
// hub and the hub proves it to the kiosk (pake.go), over the certificate
// the kiosk saw, which it then pins. Nothing learned from discovery is
// trusted: only the code and the certificate it proved.
type Joining struct {
	URL    string
	Mode   string // ModePinned, ModeCA, ModePlain
	Pin    string // the fingerprint the code proved (ModePinned)
	Ticket string // waiting for the trainer: the ticket to ask with
	Laptop string // waiting: the number to tell the trainer

	device, code string
	nonce, share []byte
	y            *ristretto255.Scalar
	client       *Client
}

// WaitEvery is how often a waiting laptop asks whether it was let in.
var WaitEvery = 2 * time.Second

// StartJoin begins joining the class at url (from NormalizeURL) with the
// code the learner typed. It returns the class to keep when the hub let
// the laptop in at once; with j.Ticket set, the laptop waits for the
// trainer: show j.Laptop and call Wait. token is the laptop's token from an
// earlier join of this hub, if any (it lets the laptop replace itself).
func StartJoin(ctx context.Context, hubURL, code, device, token, name string) (j *Joining, c store.Class, err error) {
	return startJoin(ctx, nil, hubURL, code, device, token, name)
}

// ErrWaiting is Client.Join's word that the laptop was put on the waiting
// list (StartJoin handles that case).
var ErrWaiting = errors.New("the laptop waits for the trainer to let it in")

// Join joins as this client's device with code and sets c.Token and c.Pin.
// It does not wait: ErrWaiting when the hub puts the laptop on its list.
func (c *Client) Join(ctx context.Context, code string) (store.Class, error) {
	j, cl, err := startJoin(ctx, c.HTTP, c.URL, code, c.Device, c.Token, "")
	if err != nil {
		return cl, err
	}
	if j.Ticket != "" {
		return cl, ErrWaiting
	}
	c.Token, c.Pin = cl.Token, cl.Pin
	return cl, nil
}

// startJoin is StartJoin over httpc (nil: PinnedHTTP of what the code proves).
func startJoin(ctx context.Context, httpc *http.Client, hubURL, code, device, token, name string) (j *Joining, c store.Class, err error) {
	code = NormalizeCode(code)
	if len(code) != CodeDigits {
		return nil, c, ErrWrongCode
	}
	u, err := url.Parse(hubURL)
	if err != nil {
		return nil, c, fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	j = &Joining{URL: hubURL, device: device, code: code}
	switch u.Scheme {
	case "http":
		j.Mode = ModePlain
	case "https":
		if j.Mode, j.Pin, err = peekCert(ctx, u); err != nil {
			return nil, c, err
		}
	default:
		return nil, c, fmt.Errorf("%w: %q is not http or https", ErrUnreachable, u.Scheme)
	}
	if httpc == nil {
		httpc = PinnedHTTP(j.Pin)
	}
	j.client = &Client{URL: hubURL, HTTP: httpc}
	j.nonce = make([]byte, nonceLen)
	if _, err := rand.Read(j.nonce); err != nil {
		return nil, c, err
	}
	j.y, j.share = pakeShare(pakeGenerator(code, pakeCI(j.Mode, j.Pin, device), j.nonce))
	req := JoinRequest{Device: device, Name: safetext.Text(name, MaxName), Mode: j.Mode, Nonce: j.nonce, Share: j.share, Token: token}
	var resp JoinResponse
	sa := &statusAnd{v: &resp}
	if err := j.client.do(ctx, http.MethodPost, PathJoin, req, sa); err != nil {
		return nil, c, err
	}
	if sa.status == http.StatusAccepted {
		j.Ticket, j.Laptop = resp.Ticket, resp.Laptop
		return j, c, nil
	}
	c, err = j.finish(ctx, resp)
	return j, c, err
}

// Wait asks the hub every WaitEvery whether the trainer let the laptop in,
// until it did (the class to keep), refused (ErrRefused) or ctx ends.
func (j *Joining) Wait(ctx context.Context) (store.Class, error) {
	for {
		var resp JoinResponse
		sa := &statusAnd{v: &resp}
		if err := j.client.do(ctx, http.MethodPost, PathJoinWait, JoinWait{Ticket: j.Ticket}, sa); err != nil {
			var he *HubError
			if errors.As(err, &he) && he.Status == http.StatusNotFound {
				return store.Class{}, ErrWaitingGone
			}
			return store.Class{}, err
		}
		if sa.status != http.StatusAccepted {
			return j.finish(ctx, resp)
		}
		t := time.NewTimer(WaitEvery)
		select {
		case <-ctx.Done():
			t.Stop()
			return store.Class{}, ctx.Err()
		case <-t.C:
		}
	}
}

// finish checks the hub's proof and sends the kiosk's.
func (j *Joining) finish(ctx context.Context, resp JoinResponse) (store.Class, error) {
	isk, err := pakeKey(j.y, resp.Share, j.nonce, j.share, resp.Share)
	if err != nil || !hmac.Equal(resp.Confirm, confirm(isk, "hub")) {
		// A wrong code, or a hub that is not the class (it could not
		// prove the code over the certificate this laptop saw).
		return store.Class{}, ErrWrongCode
	}
	var done Joined
	if err := j.client.do(ctx, http.MethodPost, PathJoinDone, JoinFinish{Handshake: resp.Handshake, Confirm: confirm(isk, "kiosk")}, &done); err != nil {
		return store.Class{}, err
	}
	return store.Class{URL: j.URL, Token: done.Token, Joined: time.Now(), Pin: j.Pin}, nil
}

// peekCert connects to the hub once to see its certificate: one a public
// authority signed for this name (ModeCA, nothing to pin), or another,
// whose fingerprint the code will prove (ModePinned).
func peekCert(ctx context.Context, u *url.URL) (mode, pin string, err error) {
	var leaf *x509.Certificate
	var chain []*x509.Certificate
	d := tls.Dialer{NetDialer: &net.Dialer{Timeout: timeout}, Config: &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // looked at below: the code proves it, or an authority does
		VerifyConnection: func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 {
				return errors.New("the hub sent no certificate")
			}
			leaf, chain = cs.PeerCertificates[0], cs.PeerCertificates[1:]
			return nil
		},
	}}
	conn, err := d.DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return "", "", fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	conn.Close()
	inter := x509.NewCertPool()
	for _, c := range chain {
		inter.AddCert(c)
	}
	if _, err := leaf.Verify(x509.VerifyOptions{DNSName: u.Hostname(), Intermediates: inter}); err == nil {
		return ModeCA, "", nil
	}
	return ModePinned, Fingerprint(leaf), nil
}
