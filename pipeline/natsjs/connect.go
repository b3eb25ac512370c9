package natsjs

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
)

// ConnectOptions says how to reach a NATS server and prove who is
// connecting. The secrets it holds — a password or token in URLs, Password,
// Token, the files' contents — never appear in the errors of [Connect]:
// a URL is shown as [RedactURLs] shows it.
type ConnectOptions struct {
	// URLs are the servers' URLs, comma-separated. A user:password@ or
	// token@ in a URL authenticates, before User, Password and Token.
	URLs string
	// Name is the connection's name, as the server's monitoring shows it.
	Name string
	// User and Password, or Token, authenticate when the URL carries none.
	User, Password, Token string
	// Creds is a credentials file (a user JWT and its NKey seed, as nsc
	// writes it); NKey is a file holding an NKey seed ("SU…"). At most one
	// of them.
	Creds, NKey string
	// TLSCA is a PEM file of the certificate authorities to trust for the
	// server's certificate (else the system's); TLSCert and TLSKey are the
	// client's certificate and key, for servers that verify clients. Any
	// of them makes the connection use TLS.
	TLSCA, TLSCert, TLSKey string
	// Timeout bounds connecting; default 5 s.
	Timeout time.Duration
}

// ErrAuth is wrapped by the error of [Connect] when the server refused the
// credentials.
var ErrAuth = errors.New("the server refused the credentials")

// Connect connects to the server described by o. Its errors name the
// server by its redacted URL, and say which option to check.
func Connect(o ConnectOptions) (*nats.Conn, error) {
	where := RedactURLs(o.URLs)
	opts, err := o.options()
	if err != nil {
		return nil, fmt.Errorf("nats %s: %w", where, err)
	}
	nc, err := nats.Connect(o.URLs, opts...)
	if err != nil {
		return nil, fmt.Errorf("nats %s: %w", where, explain(err, o))
	}
	return nc, nil
}

func (o ConnectOptions) options() ([]nats.Option, error) {
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	opts := []nats.Option{nats.Timeout(timeout)}
	if o.Name != "" {
		opts = append(opts, nats.Name(o.Name))
	}
	for _, f := range []struct{ flag, path string }{
		{"--creds", o.Creds}, {"--nkey", o.NKey}, {"--tls-ca", o.TLSCA}, {"--tls-cert", o.TLSCert}, {"--tls-key", o.TLSKey},
	} {
		if f.path == "" {
			continue
		}
		if _, err := os.Stat(f.path); err != nil {
			return nil, fmt.Errorf("%s: %w", f.flag, err)
		}
	}
	switch {
	case o.Creds != "" && o.NKey != "":
		return nil, errors.New("--creds and --nkey both given: a credentials file holds its own NKey, use one of them")
	case (o.TLSCert == "") != (o.TLSKey == ""):
		return nil, errors.New("--tls-cert and --tls-key go together: the client's certificate and its key")
	case o.Token != "" && (o.User != "" || o.Password != ""):
		return nil, errors.New("a token and a user/password both given: use one of them")
	}
	switch {
	case o.Creds != "":
		opts = append(opts, nats.UserCredentials(o.Creds))
	case o.NKey != "":
		opt, err := nats.NkeyOptionFromSeed(o.NKey)
		if err != nil {
			// The error of nkeys names no secret, only what is wrong.
			return nil, fmt.Errorf("--nkey %s: %w", o.NKey, err)
		}
		opts = append(opts, opt)
	}
	if o.User != "" || o.Password != "" {
		opts = append(opts, nats.UserInfo(o.User, o.Password))
	}
	if o.Token != "" {
		opts = append(opts, nats.Token(o.Token))
	}
	if o.TLSCA != "" {
		opts = append(opts, nats.RootCAs(o.TLSCA))
	}
	if o.TLSCert != "" {
		opts = append(opts, nats.ClientCert(o.TLSCert, o.TLSKey))
	}
	return opts, nil
}

// explain adds to a connection error what a person should check.
func explain(err error, o ConnectOptions) error {
	msg := err.Error()
	switch {
	case errors.Is(err, nats.ErrAuthorization), errors.Is(err, nats.ErrAuthExpired), errors.Is(err, nats.ErrAuthRevoked),
		strings.Contains(strings.ToLower(msg), "authorization violation"), strings.Contains(msg, "authentication"):
		return fmt.Errorf("%w (%v): check %s", ErrAuth, err, o.authSource())
	case strings.Contains(msg, "certificate"), strings.Contains(msg, "tls:"), strings.Contains(msg, "tls error"), strings.Contains(msg, "x509"):
		return fmt.Errorf("%w: check --tls-ca (the authority that signed the server's certificate), --tls-cert and --tls-key (a server that verifies clients closes the connection of one without a certificate)", err)
	case errors.Is(err, nats.ErrSecureConnRequired):
		return fmt.Errorf("%w: use a tls:// URL or --tls-ca", err)
	}
	return err
}

// authSource names the credentials a connection offered, for an error.
func (o ConnectOptions) authSource() string {
	var s []string
	if urlHasUser(o.URLs) {
		s = append(s, "the user and password in the URL")
	}
	switch {
	case o.Creds != "":
		s = append(s, "the credentials file "+o.Creds+" (--creds)")
	case o.NKey != "":
		s = append(s, "the NKey seed file "+o.NKey+" (--nkey)")
	}
	if o.User != "" || o.Password != "" {
		s = append(s, "the user "+o.User+" and its password (NATS_USER, NATS_PASSWORD)")
	}
	if o.Token != "" {
		s = append(s, "the token (NATS_TOKEN)")
	}
	if len(s) == 0 {
		return "the credentials: none were given (--creds, --nkey, user:password@ in the URL, or NATS_USER and NATS_PASSWORD)"
	}
	return strings.Join(s, ", ")
}

func urlHasUser(urls string) bool {
	for _, s := range strings.Split(urls, ",") {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.User != nil {
			return true
		}
	}
	return false
}

// RedactURLs returns comma-separated server URLs fit for a log or an
// error: a password is replaced by xxxxx, and so is a token (a user with
// no password, as NATS URLs carry tokens). A URL that does not parse is
// cut at its last @.
func RedactURLs(urls string) string {
	parts := strings.Split(urls, ",")
	for i, s := range parts {
		s = strings.TrimSpace(s)
		u, err := url.Parse(s)
		switch {
		case err != nil, !strings.Contains(s, "://"):
			if at := strings.LastIndex(s, "@"); at >= 0 {
				scheme := ""
				if j := strings.Index(s, "://"); j >= 0 && j < at {
					scheme = s[:j+3]
				}
				s = scheme + "xxxxx" + s[at:]
			}
		case u.User == nil:
		default:
			if _, ok := u.User.Password(); ok {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
			} else {
				u.User = url.User("xxxxx")
			}
			s = u.String()
		}
		parts[i] = s
	}
	return strings.Join(parts, ",")
}
