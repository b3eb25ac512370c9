package natsjs_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/natsjs"
	"github.com/gazex/gazex/pipeline/natsjs/natstest"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// testPipeline is the pipeline over the default gazetteer, built once.
func testPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	pipeOnce.Do(func() {
		var entities []*gazetteer.Entity
		if entities, pipeErr = gazetteer.Default(); pipeErr == nil {
			pipe, pipeErr = pipeline.New(pipeline.Config{Entities: entities, Workers: 2})
		}
	})
	require.NoError(tb, pipeErr)
	return pipe
}

// news are short reports in the three languages, each naming officials
// and an event, so that every document yields several records.
var news = []struct{ published, text string }{
	{"2024-03-12", "MOSKAU, 12. März. Der russische Außenminister Sergej Lawrow hat am Dienstag in Moskau seinen chinesischen Amtskollegen Wang Yi empfangen. Beide Seiten unterzeichneten ein Abkommen über Zusammenarbeit bei der Informationssicherheit, teilte das Außenministerium mit."},
	{"2023-04-03", "LA HABANA, 3 de abril. El ministro de Relaciones Exteriores de Cuba, Bruno Rodríguez, se reunió hoy con el canciller ruso Serguéi Lavrov. Ambas partes acordaron ampliar la cooperación en ciberseguridad, informó Prensa Latina."},
	{"2022-06-01", "Kremlin spokesman Dmitry Peskov denied on Wednesday that Russia had planned cyber attacks against European infrastructure. \"These accusations are groundless,\" Peskov told reporters in Moscow."},
}

// newsLines returns n JSONL documents with the ids news-000, news-001…
func newsLines(t testing.TB, n int) []string {
	t.Helper()
	lines := make([]string, n)
	for i := range lines {
		a := news[i%len(news)]
		b, err := json.Marshal(map[string]string{"id": fmt.Sprintf("news-%03d", i), "published": a.published, "text": a.text})
		require.NoError(t, err)
		lines[i] = string(b)
	}
	return lines
}

// connect opens a JetStream context on url; the connection closes when t
// ends.
func connect(t testing.TB, url string) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := nats.Connect(url)
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	require.NoError(t, err)
	return nc, js
}

// publishLines puts documents on the documents subject with natsjs.Publish.
func publishLines(t testing.TB, js jetstream.JetStream, cfg natsjs.Config, lines []string) natsjs.PublishStats {
	t.Helper()
	path := filepath.Join(t.TempDir(), "docs.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	src := pipeline.FileSource([]string{path}, pipeline.InputOptions{Format: pipeline.FormatJSONL})
	st, err := natsjs.Publish(t.Context(), js, cfg, src, func(id string, err error) { t.Errorf("publish %s: %v", id, err) })
	require.NoError(t, err)
	return st
}

// expected is what pipeline.Process and the Encoder make of the lines, by
// message id.
func expected(t testing.TB, lines []string, mode string) map[string]string {
	t.Helper()
	p := testPipeline(t)
	enc, err := pipeline.NewEncoder(mode)
	require.NoError(t, err)
	want := map[string]string{}
	for _, l := range lines {
		for doc := range pipeline.ReadDocuments("x", "", strings.NewReader(l), pipeline.InputOptions{Format: pipeline.FormatJSONL}) {
			res, err := p.Process(t.Context(), doc)
			require.NoError(t, err)
			require.NoError(t, res.Err)
			out, err := enc.Encode(res)
			require.NoError(t, err)
			for _, rec := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
				var head struct {
					Kind string `json:"kind"`
					ID   string `json:"id"`
				}
				require.NoError(t, json.Unmarshal([]byte(rec), &head))
				id := head.ID
				if head.Kind == pipeline.KindDocument {
					id = doc.ID
				}
				msgID := natsjs.RecordMsgID(doc.ID, head.Kind, id)
				require.NotContains(t, want, msgID, "two records share a message id")
				want[msgID] = rec
			}
		}
	}
	return want
}

// streamMessages returns every message of a stream.
func streamMessages(t testing.TB, js jetstream.JetStream, name string) []*jetstream.RawStreamMsg {
	t.Helper()
	s, err := js.Stream(t.Context(), name)
	require.NoError(t, err)
	info, err := s.Info(t.Context())
	require.NoError(t, err)
	var msgs []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(t.Context(), seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		require.NoError(t, err)
		msgs = append(msgs, m)
	}
	return msgs
}

// requireExactlyOnce checks that the records stream holds every expected
// record once, and nothing else.
func requireExactlyOnce(t testing.TB, js jetstream.JetStream, cfg natsjs.Config, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, m := range streamMessages(t, js, cfg.RecordsStream()) {
		id := m.Header.Get(jetstream.MsgIDHeader)
		require.NotContains(t, got, id, "record %s is in the stream twice", id)
		got[id] = string(m.Data)
	}
	require.Len(t, got, len(want))
	for id, rec := range want {
		require.Equal(t, rec, got[id], "record %s", id)
	}
}

// waitQueueEmpty waits until every document was acknowledged or terminated.
func waitQueueEmpty(t testing.TB, js jetstream.JetStream, cfg natsjs.Config, within time.Duration) {
	t.Helper()
	require.Eventually(t, func() bool {
		s, err := js.Stream(context.Background(), cfg.DocsStream())
		if err != nil {
			return false
		}
		info, err := s.Info(context.Background())
		return err == nil && info.State.Msgs == 0
	}, within, 50*time.Millisecond, "documents left in the queue")
}

// killer is a JetStream context whose connection dies at the n-th record
// publish: the record is stored, the worker never acknowledges its
// document, as when a process is killed between publish and ack.
type killer struct {
	jetstream.JetStream
	nc     *nats.Conn
	left   atomic.Int32
	killed chan struct{}
}

func (k *killer) PublishMsgAsync(m *nats.Msg, opts ...jetstream.PublishOpt) (jetstream.PubAckFuture, error) {
	if k.left.Add(-1) != 0 {
		return k.JetStream.PublishMsgAsync(m, opts...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := k.JetStream.PublishMsg(ctx, m)
	k.nc.Close()
	close(k.killed)
	if err != nil {
		return nil, err
	}
	return nil, nats.ErrConnectionClosed
}

func TestWorkerKilledMidStreamLosesAndRepeatsNothing(t *testing.T) {
	url := natstest.Server(t)
	cfg := natsjs.Config{AckWait: time.Second, Backoff: func(int) time.Duration { return 50 * time.Millisecond }}
	_, js := connect(t, url)
	lines := newsLines(t, 40)
	want := expected(t, lines, pipeline.EmitAll)
	require.Equal(t, 40, publishLines(t, js, cfg, lines).Published)

	// The victim: two goroutines, its connection dies at its 9th record.
	vnc, vjs := connect(t, url)
	victimJS := &killer{JetStream: vjs, nc: vnc, killed: make(chan struct{})}
	victimJS.left.Store(9)
	victim := &natsjs.Worker{Pipeline: testPipeline(t), Emit: pipeline.EmitAll, Workers: 2, Config: cfg}
	type result struct {
		st  natsjs.Stats
		err error
	}
	victimDone := make(chan result, 1)
	go func() {
		st, err := victim.Run(t.Context(), victimJS)
		victimDone <- result{st, err}
	}()

	// The survivor runs from the start and takes over what the victim held.
	_, sjs := connect(t, url)
	survivor := &natsjs.Worker{Pipeline: testPipeline(t), Emit: pipeline.EmitAll, Config: cfg}
	ctx, cancel := context.WithCancel(t.Context())
	survivorDone := make(chan result, 1)
	go func() {
		st, err := survivor.Run(ctx, sjs)
		survivorDone <- result{st, err}
	}()

	<-victimJS.killed
	v := <-victimDone
	require.ErrorIs(t, v.err, nats.ErrConnectionClosed, "the victim's Run ends with its connection")
	waitQueueEmpty(t, js, cfg, 30*time.Second)
	cancel()
	s := <-survivorDone
	require.NoError(t, s.err)

	requireExactlyOnce(t, js, cfg, want)
	assert.Equal(t, int64(40), v.st.Documents+s.st.Documents, "documents acknowledged")
	// The victim stored a record of a document it never acknowledged; the
	// survivor published that record again and the server dropped it.
	assert.Greater(t, v.st.Records+1+s.st.Records, int64(len(want)), "no record was published twice: the kill came too late")
	assert.Zero(t, s.st.Dead)
}

// blocker holds the first document it gets until its context ends, as a
// long article does when Ctrl-C comes.
type blocker struct {
	natsjs.Processor
	once    sync.Once
	started chan struct{}
}

func (b *blocker) Process(ctx context.Context, doc pipeline.Document) (pipeline.Result, error) {
	first := false
	b.once.Do(func() { first = true; close(b.started) })
	if first {
		<-ctx.Done()
		return pipeline.Result{}, ctx.Err()
	}
	return b.Processor.Process(ctx, doc)
}

func TestWorkerGracefulStopNaksWhatItHolds(t *testing.T) {
	url := natstest.Server(t)
	// An ack wait far beyond the test's time: only a nak can hand the
	// held documents over in time.
	cfg := natsjs.Config{AckWait: time.Minute}
	_, js := connect(t, url)
	lines := newsLines(t, 12)
	want := expected(t, lines, pipeline.EmitEvents)
	publishLines(t, js, cfg, lines)

	b := &blocker{Processor: testPipeline(t), started: make(chan struct{})}
	stopping := &natsjs.Worker{Pipeline: b, Batch: 3, Config: cfg}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { _, err := stopping.Run(ctx, js); done <- err }()
	<-b.started
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err, "a graceful stop is not an error")
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancellation")
	}

	next := &natsjs.Worker{Pipeline: testPipeline(t), Config: cfg}
	ctx2, cancel2 := context.WithCancel(t.Context())
	done2 := make(chan error, 1)
	go func() { _, err := next.Run(ctx2, js); done2 <- err }()
	waitQueueEmpty(t, js, cfg, 20*time.Second)
	cancel2()
	require.NoError(t, <-done2)
	requireExactlyOnce(t, js, cfg, want)
}

// poisoner panics on the document with the id "poison", as a pipeline bug
// would.
type poisoner struct{ natsjs.Processor }

func (p poisoner) Process(ctx context.Context, doc pipeline.Document) (pipeline.Result, error) {
	if doc.ID == "poison" {
		panic("index out of range")
	}
	return p.Processor.Process(ctx, doc)
}

func TestPoisonDocumentsGoToTheDeadLetterSubject(t *testing.T) {
	url := natstest.Server(t)
	cfg := natsjs.Config{MaxDeliver: 3, AckWait: 2 * time.Second, Backoff: func(int) time.Duration { return 50 * time.Millisecond }}.WithDefaults()
	_, js := connect(t, url)
	good := newsLines(t, 6)
	want := expected(t, good, pipeline.EmitEvents)
	require.NoError(t, natsjs.Setup(t.Context(), js, cfg))
	raw := []string{
		good[0], good[1],
		`{"id":"poison","text":"Der Sprecher des Kremls, Dmitri Peskow, äußerte sich am Montag nicht."}`,
		good[2],
		`{"id":"broken","text":"Lawrow traf Wang Yi`,
		good[3],
		`{"id":"textless","url":"https://example.org/a"}`,
		good[4], good[5],
	}
	for i, r := range raw {
		_, err := js.Publish(t.Context(), cfg.DocsSubject, []byte(r), jetstream.WithMsgID(fmt.Sprint("m", i)))
		require.NoError(t, err)
	}

	w := &natsjs.Worker{Pipeline: poisoner{testPipeline(t)}, Workers: 2, Config: cfg}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan natsjs.Stats, 1)
	go func() { st, err := w.Run(ctx, js); assert.NoError(t, err); done <- st }()
	waitQueueEmpty(t, js, cfg, 20*time.Second)
	cancel()
	st := <-done

	requireExactlyOnce(t, js, cfg, want)
	dead := map[string]*jetstream.RawStreamMsg{}
	for _, m := range streamMessages(t, js, cfg.DeadStream()) {
		var d struct{ ID string }
		_ = json.Unmarshal(m.Data, &d)
		dead[cmpOr(d.ID, "broken")] = m
	}
	tests := []struct {
		name       string
		id         string
		deliveries string
		reason     string
	}{
		{"a panic is retried, then dead after MaxDeliver", "poison", "3", "panic in the pipeline: index out of range"},
		{"invalid JSON is dead at once", "broken", "1", "not a JSON object"},
		{"a document without text is dead at once", "textless", "1", `no "text" field`},
	}
	require.Len(t, dead, len(tests))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := dead[tc.id]
			require.NotNil(t, m)
			assert.Equal(t, tc.deliveries, m.Header.Get(natsjs.HeaderDeliveries))
			assert.Contains(t, m.Header.Get(natsjs.HeaderReason), tc.reason)
			assert.NotEmpty(t, m.Header.Get(natsjs.HeaderStreamSeq))
		})
	}
	assert.Equal(t, int64(3), st.Dead)
	assert.Equal(t, int64(2), st.Retried, "the panicking document was nak'd twice before its last try")
	assert.Equal(t, int64(6), st.Documents)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// flaky fails the first record publishes, as a stream that is briefly
// unavailable does.
type flaky struct {
	jetstream.JetStream
	fail atomic.Int32
}

func (f *flaky) PublishMsgAsync(m *nats.Msg, opts ...jetstream.PublishOpt) (jetstream.PubAckFuture, error) {
	if f.fail.Add(-1) >= 0 {
		return nil, errors.New("nats: no responders available for request")
	}
	return f.JetStream.PublishMsgAsync(m, opts...)
}

func TestPublishFailureIsNakedAndRetried(t *testing.T) {
	url := natstest.Server(t)
	cfg := natsjs.Config{MaxDeliver: 5, AckWait: 2 * time.Second, Backoff: func(int) time.Duration { return 50 * time.Millisecond }}
	_, js := connect(t, url)
	lines := newsLines(t, 5)
	want := expected(t, lines, pipeline.EmitAll)
	publishLines(t, js, cfg, lines)

	fjs := &flaky{JetStream: js}
	fjs.fail.Store(3)
	w := &natsjs.Worker{Pipeline: testPipeline(t), Emit: pipeline.EmitAll, Config: cfg}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan natsjs.Stats, 1)
	go func() { st, err := w.Run(ctx, fjs); assert.NoError(t, err); done <- st }()
	waitQueueEmpty(t, js, cfg, 20*time.Second)
	cancel()
	st := <-done

	requireExactlyOnce(t, js, cfg, want)
	assert.Equal(t, int64(3), st.Retried)
	assert.Zero(t, st.Dead)
	assert.Equal(t, int64(5), st.Documents)
}

func TestPublishDropsRepeatedDocuments(t *testing.T) {
	url := natstest.Server(t)
	cfg := natsjs.Config{}
	_, js := connect(t, url)
	lines := newsLines(t, 4)
	first := publishLines(t, js, cfg, lines)
	again := publishLines(t, js, cfg, lines)
	assert.Equal(t, natsjs.PublishStats{Published: 4}, first)
	assert.Equal(t, natsjs.PublishStats{Duplicates: 4}, again)
	assert.Len(t, streamMessages(t, js, cfg.DocsStream()), 4)
}

func TestRecordMsgID(t *testing.T) {
	tests := []struct {
		name       string
		a, b       [3]string
		wantSameID bool
	}{
		{"same record, same id", [3]string{"news-1", "event", "ev_1"}, [3]string{"news-1", "event", "ev_1"}, true},
		{"another document", [3]string{"news-1", "event", "ev_1"}, [3]string{"news-2", "event", "ev_1"}, false},
		{"another kind", [3]string{"news-1", "entity", "x"}, [3]string{"news-1", "event", "x"}, false},
		{"no ambiguity at the separators", [3]string{"a", "event", "b"}, [3]string{"a\x00event", "", "b"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := natsjs.RecordMsgID(tc.a[0], tc.a[1], tc.a[2])
			b := natsjs.RecordMsgID(tc.b[0], tc.b[1], tc.b[2])
			assert.Len(t, a, 32)
			assert.Equal(t, tc.wantSameID, a == b)
		})
	}
}
