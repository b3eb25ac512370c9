package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline/natsjs"
	"github.com/gazex/gazex/pipeline/natsjs/natstest"
)

// wireNews is a JSONL file of short reports written for these tests.
const wireNews = `{"id":"wire-1","published":"2024-03-12","text":"MOSKAU, 12. März. Der russische Außenminister Sergej Lawrow hat am Dienstag in Moskau seinen chinesischen Amtskollegen Wang Yi empfangen. Beide Seiten unterzeichneten ein Abkommen über Informationssicherheit."}
{"id":"wire-2","published":"2023-04-03","text":"LA HABANA, 3 de abril. El canciller cubano Bruno Rodríguez se reunió hoy con el ministro ruso Serguéi Lavrov, informó Prensa Latina."}
{"id":"wire-3","published":"2022-06-01","text":"Kremlin spokesman Dmitry Peskov denied on Wednesday that Russia had planned cyber attacks against European infrastructure."}
`

func TestPublishThenServeDrainsTheQueue(t *testing.T) {
	url := natstest.Server(t)
	in := filepath.Join(t.TempDir(), "wire.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(wireNews), 0o644))

	_, stderr, code := gazex(t, "", "publish", "--nats", url, in)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "published 3 documents")

	_, stderr, code = gazex(t, "", "serve", "--nats", url, "--emit", "all", "--workers", "2", "--drain")
	require.Equal(t, exitOK, code, stderr)

	// The records stream holds what extract writes for the same file.
	out, stderr, code := gazex(t, "", "extract", "--emit", "all", in)
	require.Equal(t, exitOK, code, stderr)
	want := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		want[recordKey(t, line)] = true
	}
	nc, err := nats.Connect(url)
	require.NoError(t, err)
	defer nc.Close()
	js, err := jetstream.New(nc)
	require.NoError(t, err)
	s, err := js.Stream(t.Context(), natsjs.Config{}.RecordsStream())
	require.NoError(t, err)
	info, err := s.Info(t.Context())
	require.NoError(t, err)
	require.Equal(t, uint64(len(want)), info.State.Msgs)
	for seq := uint64(1); seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(t.Context(), seq)
		require.NoError(t, err)
		assert.True(t, want[recordKey(t, string(m.Data))], "unexpected record %.120s", m.Data)
	}
}

// recordKey names a record by document, kind and id.
func recordKey(t *testing.T, line string) string {
	t.Helper()
	var r struct {
		Kind string `json:"kind"`
		ID   string `json:"id"`
		Doc  struct {
			ID string `json:"id"`
		} `json:"doc"`
	}
	require.NoError(t, json.Unmarshal([]byte(line), &r))
	return r.Doc.ID + " " + r.Kind + " " + r.ID
}

func TestServeStopsGracefullyOnCtrlC(t *testing.T) {
	url := natstest.Server(t)
	ctx, cancel := context.WithCancel(t.Context())
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--nats", url}, strings.NewReader(""), &out, &errOut) }()
	// Cancel once serve waits for documents, not after a fixed time: on a
	// loaded machine building the pipeline alone can take a second.
	require.Eventually(t, func() bool { return strings.Contains(errOut.String(), "waiting for documents") },
		30*time.Second, 20*time.Millisecond, "serve never started waiting: %s", errOut.String())
	cancel() // what Ctrl-C and SIGTERM do through signal.NotifyContext
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code, errOut.String())
		assert.Contains(t, errOut.String(), "gazex serve: stopped")
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after cancellation")
	}
}

// lockedBuffer is a strings.Builder that a test may read while the
// command it runs still writes to it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServeAndPublishUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"serve takes no paths", []string{"serve", "--nats", "nats://127.0.0.1:1", "docs"}, "takes no arguments"},
		{"max-deliver must be positive", []string{"serve", "--max-deliver", "0"}, "--max-deliver"},
		{"bad emit", []string{"serve", "--emit", "nothing"}, "emit"},
		{"no server to connect to", []string{"serve", "--nats", "nats://127.0.0.1:1"}, "nats nats://127.0.0.1:1"},
		{"publish: bad format", []string{"publish", "--format", "pdf"}, "--format"},
		{"publish: no server", []string{"publish", "--nats", "nats://127.0.0.1:1", "-"}, "nats nats://127.0.0.1:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := gazex(t, "", tc.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, stderr, tc.want)
		})
	}
}
