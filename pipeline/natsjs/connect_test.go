package natsjs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nkeys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline/natsjs"
	"github.com/gazex/gazex/pipeline/natsjs/natstest"
)

func TestRedactURLs(t *testing.T) {
	for in, want := range map[string]string{
		"nats://127.0.0.1:4222":                    "nats://127.0.0.1:4222",
		"nats://alice:s3cret@127.0.0.1:4222":       "nats://alice:xxxxx@127.0.0.1:4222",
		"tls://s3cret-token@nats.example:4222":     "tls://xxxxx@nats.example:4222",
		"nats://a:p1@h1:4222, nats://b:p2@h2:4222": "nats://a:xxxxx@h1:4222,nats://b:xxxxx@h2:4222",
		"alice:s3cret@127.0.0.1:4222":              "xxxxx@127.0.0.1:4222",
		"nats://alice:p%zz@127.0.0.1:4222":         "nats://xxxxx@127.0.0.1:4222",
		"nats://alice:with@at@127.0.0.1:4222":      "nats://alice:xxxxx@127.0.0.1:4222",
	} {
		got := natsjs.RedactURLs(in)
		assert.Equal(t, want, got, in)
		for _, secret := range []string{"s3cret", "p1", "p2", "p%zz", "with@at"} {
			assert.NotContains(t, got, secret)
		}
	}
}

// secureServer starts a server that speaks only TLS, verifies client
// certificates, and knows a user with a password and a user with an NKey.
func secureServer(t *testing.T) (url string, certs natstest.Certs, seedFile string) {
	certs = natstest.NewCerts(t)
	kp, err := nkeys.CreateUser()
	require.NoError(t, err)
	pub, err := kp.PublicKey()
	require.NoError(t, err)
	seed, err := kp.Seed()
	require.NoError(t, err)
	seedFile = filepath.Join(t.TempDir(), "user.nk")
	require.NoError(t, os.WriteFile(seedFile, seed, 0o600))
	url = natstest.Start(t, func(o *server.Options) {
		certs.TLS(t, o, true)
		o.Users = []*server.User{{Username: "alice", Password: "s3cret-pw"}}
		o.Nkeys = []*server.NkeyUser{{Nkey: pub}}
	})
	return url, certs, seedFile
}

// TestConnectSecure connects to a server with TLS, client certificates and
// user authorization, and checks what a person sees when something is wrong.
func TestConnectSecure(t *testing.T) {
	url, certs, seedFile := secureServer(t)
	withUser := strings.Replace(url, "://", "://alice:s3cret-pw@", 1)
	tlsOpts := func(o natsjs.ConnectOptions) natsjs.ConnectOptions {
		o.TLSCA, o.TLSCert, o.TLSKey = certs.CA, certs.ClientCert, certs.ClientKey
		return o
	}
	t.Run("works", func(t *testing.T) {
		for name, o := range map[string]natsjs.ConnectOptions{
			"user and password in the URL": tlsOpts(natsjs.ConnectOptions{URLs: withUser}),
			"user and password given":      tlsOpts(natsjs.ConnectOptions{URLs: url, User: "alice", Password: "s3cret-pw"}),
			"nkey":                         tlsOpts(natsjs.ConnectOptions{URLs: url, NKey: seedFile}),
		} {
			t.Run(name, func(t *testing.T) {
				nc, err := natsjs.Connect(o)
				require.NoError(t, err)
				defer nc.Close()
				assert.True(t, nc.TLSRequired())
				js, err := jetstream.New(nc)
				require.NoError(t, err)
				require.NoError(t, natsjs.Setup(t.Context(), js, natsjs.Config{}), "JetStream is usable")
			})
		}
	})
	for _, tc := range []struct {
		name string
		o    natsjs.ConnectOptions
		want []string
	}{
		{"wrong password in the URL", tlsOpts(natsjs.ConnectOptions{URLs: strings.Replace(url, "://", "://alice:wrong-pw@", 1)}),
			[]string{"nats tls://alice:xxxxx@127.0.0.1:", "the server refused the credentials", "check the user and password in the URL"}},
		{"wrong password given", tlsOpts(natsjs.ConnectOptions{URLs: url, User: "alice", Password: "wrong-pw"}),
			[]string{"the server refused the credentials", "the user alice and its password (NATS_USER, NATS_PASSWORD)"}},
		{"no credentials", tlsOpts(natsjs.ConnectOptions{URLs: url}),
			[]string{"the server refused the credentials", "none were given"}},
		{"an unknown nkey", tlsOpts(natsjs.ConnectOptions{URLs: url, NKey: otherSeed(t)}),
			[]string{"the server refused the credentials", "(--nkey)"}},
		{"server certificate from an unknown authority", natsjs.ConnectOptions{URLs: withUser, TLSCA: certs.OtherCA, TLSCert: certs.ClientCert, TLSKey: certs.ClientKey},
			[]string{"certificate", "check --tls-ca"}},
		{"no client certificate", natsjs.ConnectOptions{URLs: withUser, TLSCA: certs.CA},
			[]string{"nats tls://alice:xxxxx@", "--tls-cert and --tls-key"}},
		{"plain connection to a TLS server", natsjs.ConnectOptions{URLs: withUser},
			[]string{"nats tls://alice:xxxxx@"}},
		{"certificate without key", natsjs.ConnectOptions{URLs: withUser, TLSCA: certs.CA, TLSCert: certs.ClientCert},
			[]string{"--tls-cert and --tls-key go together"}},
		{"missing creds file", natsjs.ConnectOptions{URLs: url, Creds: filepath.Join(t.TempDir(), "none.creds")},
			[]string{"--creds:", "no such file"}},
		{"creds and nkey", natsjs.ConnectOptions{URLs: url, Creds: seedFile, NKey: seedFile},
			[]string{"--creds and --nkey both given"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nc, err := natsjs.Connect(tc.o)
			if nc != nil {
				nc.Close()
			}
			require.Error(t, err)
			t.Log(err) // what a person sees
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			for _, secret := range []string{"s3cret-pw", "wrong-pw", "SU"} {
				assert.NotContains(t, err.Error(), secret, "no secret in an error")
			}
		})
	}
}

// otherSeed writes the seed of an NKey user the server does not know.
func otherSeed(t *testing.T) string {
	kp, err := nkeys.CreateUser()
	require.NoError(t, err)
	seed, err := kp.Seed()
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "other.nk")
	require.NoError(t, os.WriteFile(path, seed, 0o600))
	return path
}

// TestConnectCreds authenticates with a credentials file (a user JWT and
// its seed) on a server in operator mode, and is refused with the file of a
// user the operator never vouched for.
func TestConnectCreds(t *testing.T) {
	var creds, untrusted string
	url := natstest.Start(t, func(o *server.Options) { creds, untrusted = natstest.Operator(t, o) })
	nc, err := natsjs.Connect(natsjs.ConnectOptions{URLs: url, Creds: creds})
	require.NoError(t, err)
	defer nc.Close()
	js, err := jetstream.New(nc)
	require.NoError(t, err)
	require.NoError(t, natsjs.Setup(t.Context(), js, natsjs.Config{}))

	_, err = natsjs.Connect(natsjs.ConnectOptions{URLs: url, Creds: untrusted})
	require.ErrorIs(t, err, natsjs.ErrAuth)
	assert.Contains(t, err.Error(), "check the credentials file "+untrusted+" (--creds)")
}
