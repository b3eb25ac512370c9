// Package natstest starts an embedded NATS server with JetStream for
// tests: no external service, its store in the test's temporary folder,
// shut down when the test ends. Only tests import it, so the gazex binary
// does not carry the server.
package natstest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nkeys"
)

// Server starts a NATS server with JetStream on a free loopback port and
// returns its client URL. It stops when tb ends.
func Server(tb testing.TB) string {
	tb.Helper()
	return Start(tb, nil)
}

// Start is [Server] with the options changed by configure (users, NKeys,
// TLS…) before the server starts; configure may be nil. NATSTEST_LOG=1 in
// the environment shows the server's log, for debugging a test.
func Start(tb testing.TB, configure func(*server.Options)) string {
	tb.Helper()
	opts := &server.Options{
		Host:      "127.0.0.1",
		Port:      server.RANDOM_PORT,
		JetStream: true,
		StoreDir:  tb.TempDir(),
		NoLog:     os.Getenv("NATSTEST_LOG") == "",
		Debug:     os.Getenv("NATSTEST_LOG") != "",
		NoSigs:    true,
	}
	if configure != nil {
		configure(opts)
	}
	s, err := server.NewServer(opts)
	if err != nil {
		tb.Fatalf("natstest: %v", err)
	}
	if !opts.NoLog {
		s.ConfigureLogger()
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		tb.Fatal("natstest: the server did not start within 10 s")
	}
	tb.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s.ClientURL()
}

// Certs are PEM files made for one test: a certificate authority, a
// server certificate for 127.0.0.1 and localhost, and a client
// certificate, both signed by the authority.
type Certs struct {
	Dir                   string
	CA                    string // the authority's certificate
	ServerCert, ServerKey string
	ClientCert, ClientKey string
	OtherCA               string // an authority that signed neither
}

// NewCerts makes a [Certs] in a temporary folder.
func NewCerts(tb testing.TB) Certs {
	tb.Helper()
	dir := tb.TempDir()
	c := Certs{Dir: dir}
	ca, caKey := makeCert(tb, nil, nil, &x509.Certificate{
		Subject: pkix.Name{CommonName: "gazex test CA"}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	})
	c.CA = writePEM(tb, dir, "ca.pem", ca, nil)
	srv, srvKey := makeCert(tb, ca, caKey, &x509.Certificate{
		Subject: pkix.Name{CommonName: "127.0.0.1"}, DNSNames: []string{"localhost"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		KeyUsage:    x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	c.ServerCert = writePEM(tb, dir, "server.pem", srv, nil)
	c.ServerKey = writePEM(tb, dir, "server-key.pem", nil, srvKey)
	cli, cliKey := makeCert(tb, ca, caKey, &x509.Certificate{
		Subject:  pkix.Name{CommonName: "gazex test client"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	})
	c.ClientCert = writePEM(tb, dir, "client.pem", cli, nil)
	c.ClientKey = writePEM(tb, dir, "client-key.pem", nil, cliKey)
	other, _ := makeCert(tb, nil, nil, &x509.Certificate{
		Subject: pkix.Name{CommonName: "some other CA"}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign,
	})
	c.OtherCA = writePEM(tb, dir, "other-ca.pem", other, nil)
	return c
}

// TLS sets opts to serve TLS with the server certificate of c and, when
// verifyClients, to require a client certificate signed by c's authority.
func (c Certs) TLS(tb testing.TB, opts *server.Options, verifyClients bool) {
	tb.Helper()
	cfg, err := server.GenTLSConfig(&server.TLSConfigOpts{
		CertFile: c.ServerCert, KeyFile: c.ServerKey, CaFile: c.CA, Verify: verifyClients, Timeout: 2,
	})
	if err != nil {
		tb.Fatalf("natstest: %v", err)
	}
	opts.TLSConfig = cfg
	opts.TLS = true
	opts.TLSVerify = verifyClients
	opts.TLSTimeout = 2
}

// makeCert makes a certificate from tmpl, signed by parent (self-signed
// when parent is nil).
func makeCert(tb testing.TB, parent *x509.Certificate, parentKey *ecdsa.PrivateKey, tmpl *x509.Certificate) (*x509.Certificate, *ecdsa.PrivateKey) {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	if tmpl.SerialNumber, err = rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62)); err != nil {
		tb.Fatal(err)
	}
	tmpl.NotBefore = time.Now().Add(-time.Hour)
	tmpl.NotAfter = time.Now().Add(24 * time.Hour)
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		tb.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return cert, key
}

func writePEM(tb testing.TB, dir, name string, cert *x509.Certificate, key *ecdsa.PrivateKey) string {
	tb.Helper()
	var block *pem.Block
	if cert != nil {
		block = &pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}
	} else {
		der, err := x509.MarshalECPrivateKey(key)
		if err != nil {
			tb.Fatal(err)
		}
		block = &pem.Block{Type: "EC PRIVATE KEY", Bytes: der}
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Operator sets opts to decentralized authentication (JWTs, as nsc sets
// up): an operator, one account with JetStream, and one user, whose
// credentials file it writes in a temporary folder and returns. A second
// file, from a user of an account the server does not trust, is returned
// too.
func Operator(tb testing.TB, opts *server.Options) (creds, untrusted string) {
	tb.Helper()
	check := func(err error) {
		if err != nil {
			tb.Helper()
			tb.Fatalf("natstest: %v", err)
		}
	}
	okp, err := nkeys.CreateOperator()
	check(err)
	opub, err := okp.PublicKey()
	check(err)
	oc := jwt.NewOperatorClaims(opub)
	oc.Name = "gazex-test"
	ojwt, err := oc.Encode(okp)
	check(err)
	claims, err := jwt.DecodeOperatorClaims(ojwt)
	check(err)

	account := func(jetstream bool) (nkeys.KeyPair, string, string) {
		akp, err := nkeys.CreateAccount()
		check(err)
		apub, err := akp.PublicKey()
		check(err)
		ac := jwt.NewAccountClaims(apub)
		if jetstream {
			ac.Limits.JetStreamLimits = jwt.JetStreamLimits{MemoryStorage: -1, DiskStorage: -1, Streams: -1, Consumer: -1}
		}
		ajwt, err := ac.Encode(okp)
		check(err)
		return akp, apub, ajwt
	}
	user := func(akp nkeys.KeyPair, name string) string {
		ukp, err := nkeys.CreateUser()
		check(err)
		upub, err := ukp.PublicKey()
		check(err)
		uc := jwt.NewUserClaims(upub)
		uc.Name = name
		ujwt, err := uc.Encode(akp)
		check(err)
		seed, err := ukp.Seed()
		check(err)
		data, err := jwt.FormatUserConfig(ujwt, seed)
		check(err)
		path := filepath.Join(tb.TempDir(), name+".creds")
		check(os.WriteFile(path, data, 0o600))
		return path
	}
	akp, apub, ajwt := account(true)
	_, syspub, sysjwt := account(false)
	resolver := &server.MemAccResolver{}
	check(resolver.Store(apub, ajwt))
	check(resolver.Store(syspub, sysjwt))
	opts.TrustedOperators = []*jwt.OperatorClaims{claims}
	opts.AccountResolver = resolver
	opts.SystemAccount = syspub

	// An account the operator never signed: its users are refused.
	skp, err := nkeys.CreateAccount()
	check(err)
	return user(akp, "gazex"), user(skp, "stranger")
}
