package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline/natsjs/natstest"
)

// TestServeAndPublishAuthenticate runs publish and serve against a server
// that speaks only TLS, verifies client certificates and knows one user:
// with the user from the URL or from the environment they work; with a
// wrong password both exit 2 with an error that names what to check and
// shows no password.
func TestServeAndPublishAuthenticate(t *testing.T) {
	certs := natstest.NewCerts(t)
	url := natstest.Start(t, func(o *server.Options) {
		certs.TLS(t, o, true)
		o.Users = []*server.User{{Username: "carla", Password: "pa55-word"}}
	})
	in := filepath.Join(t.TempDir(), "wire.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(wireNews), 0o644))
	tlsArgs := []string{"--tls-ca", certs.CA, "--tls-cert", certs.ClientCert, "--tls-key", certs.ClientKey}
	args := func(cmd, url string, extra ...string) []string {
		return append(append([]string{cmd, "--nats", url}, tlsArgs...), extra...)
	}
	withUser := strings.Replace(url, "://", "://carla:pa55-word@", 1)

	_, stderr, code := gazex(t, "", args("publish", withUser, in)...)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "published 3 documents")

	t.Setenv("NATS_USER", "carla")
	t.Setenv("NATS_PASSWORD", "pa55-word")
	_, stderr, code = gazex(t, "", args("serve", url, "--drain", "--workers", "1")...)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "documents=3")

	// The environment supplies the TLS files too.
	t.Setenv("NATS_CA", certs.CA)
	t.Setenv("NATS_CERT", certs.ClientCert)
	t.Setenv("NATS_KEY", certs.ClientKey)
	t.Setenv("NATS_URL", url)
	_, stderr, code = gazex(t, "", "serve", "--drain")
	require.Equal(t, exitOK, code, stderr)

	t.Setenv("NATS_PASSWORD", "not-the-pa55")
	for _, cmd := range [][]string{{"serve"}, {"publish", in}} {
		_, stderr, code = gazex(t, "", cmd...)
		assert.Equal(t, exitUsage, code, stderr)
		assert.Contains(t, stderr, "gazex: nats tls://127.0.0.1:")
		assert.Contains(t, stderr, "the server refused the credentials (nats: Authorization Violation): check the user carla and its password (NATS_USER, NATS_PASSWORD)")
		assert.NotContains(t, stderr, "not-the-pa55")
	}
	_, stderr, code = gazex(t, "", "publish", "--nats", strings.Replace(url, "://", "://carla:wrong-pa55@", 1), in)
	assert.Equal(t, exitUsage, code, stderr)
	assert.Contains(t, stderr, "gazex: nats tls://carla:xxxxx@127.0.0.1:")
	assert.NotContains(t, stderr, "wrong-pa55")

	// A log line names the server without the password in its URL.
	t.Setenv("NATS_PASSWORD", "")
	t.Setenv("NATS_USER", "")
	_, stderr, code = gazex(t, "", "serve", "--drain", "--nats", withUser)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "waiting for documents")
	assert.NotContains(t, stderr, "pa55-word")
}
