package classroom

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The hub's own certificate lives next to its data file, owner-only. It is
// made the first time the hub starts and kept, so kiosks that pinned it
// at join still trust the hub after a restart.
const (
	CertFile = "hub-cert.pem"
	KeyFile  = "hub-key.pem"
)

// How a kiosk checked the hub it joins (part of what the code proves).
const (
	ModePinned = "pin"   // the hub's own certificate, pinned at join
	ModeCA     = "ca"    // a certificate a public authority signed
	ModePlain  = "plain" // no encryption (--plain-http): nothing is proved
)

// HubCert loads the hub's own certificate from dir, making it the first
// time (ECDSA P-256, self-signed, valid for 20 years).
func HubCert(dir string) (tls.Certificate, error) {
	certPath, keyPath := filepath.Join(dir, CertFile), filepath.Join(dir, KeyFile)
	if c, err := tls.LoadX509KeyPair(certPath, keyPath); err == nil {
		return c, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return tls.Certificate{}, fmt.Errorf("the hub's certificate in %s is damaged (%w); remove %s and %s to make a new one (every laptop must then join again)", dir, err, CertFile, KeyFile)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return tls.Certificate{}, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "Aula class hub"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(20, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		DNSNames:              []string{"aula-hub"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return tls.Certificate{}, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return tls.Certificate{}, err
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		return tls.Certificate{}, err
	}
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		return tls.Certificate{}, err
	}
	return tls.LoadX509KeyPair(certPath, keyPath)
}

// Fingerprint is the SHA-256 of a certificate's public key, in hex: what a
// kiosk pins. It survives renewing a certificate with the same key.
func Fingerprint(cert *x509.Certificate) string {
	h := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	return hex.EncodeToString(h[:])
}

// CertFingerprint is Fingerprint of a loaded key pair's leaf.
func CertFingerprint(c tls.Certificate) (string, error) {
	if len(c.Certificate) == 0 {
		return "", errors.New("the certificate is empty")
	}
	leaf, err := x509.ParseCertificate(c.Certificate[0])
	if err != nil {
		return "", err
	}
	return Fingerprint(leaf), nil
}

// ShortFingerprint is the start of a fingerprint as people compare it:
// "3F2A 91C0". Learners never have to type it: the session code proves the
// certificate (see pake.go); it is shown so anyone can look.
func ShortFingerprint(fp string) string {
	if len(fp) < 8 {
		return strings.ToUpper(fp)
	}
	return strings.ToUpper(fp[:4] + " " + fp[4:8])
}

// ServerTLS is the hub's TLS configuration for a certificate.
func ServerTLS(c tls.Certificate) *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{c}, MinVersion: tls.VersionTLS12}
}

// PinnedTLS accepts exactly the certificate whose key has fingerprint pin.
func PinnedTLS(pin string) *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // checked below, against the pin: there is no authority to ask
		VerifyConnection: func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 || Fingerprint(cs.PeerCertificates[0]) != pin {
				return ErrNotTheClass
			}
			return nil
		},
	}
}

// ErrNotTheClass means the hub answered with another certificate than the
// one pinned when this laptop joined: someone may be in the middle.
var ErrNotTheClass = errors.New("the hub's certificate is not the one this laptop joined: this may not be your class")

// pinnedClients share transports: one per pin.
var pinnedClients sync.Map // pin -> *http.Client

// PinnedHTTP is an HTTP client that talks only to the hub with this pin
// (an empty pin: certificates signed by a public authority).
func PinnedHTTP(pin string) *http.Client {
	if c, ok := pinnedClients.Load(pin); ok {
		return c.(*http.Client)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 4
	if pin != "" {
		tr.TLSClientConfig = PinnedTLS(pin)
	}
	c := &http.Client{Transport: tr}
	actual, _ := pinnedClients.LoadOrStore(pin, c)
	return actual.(*http.Client)
}
