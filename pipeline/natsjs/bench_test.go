package natsjs_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/natsjs"
	"github.com/gazex/gazex/pipeline/natsjs/natstest"
)

// BenchmarkWorkers measures documents per second through an embedded
// server on loopback: the five seed articles (2.4–5.6 KB) repeated under
// distinct ids, b.N of them, published before the timer starts, drained by
// one or two worker goroutines with --emit all. Run it as
//
//	go test ./pipeline/natsjs -run '^$' -bench Workers -benchtime 5000x -count 3
func BenchmarkWorkers(b *testing.B) {
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(b, err)
	require.NotEmpty(b, paths)
	var texts []string
	p := testPipeline(b)
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		require.NoError(b, err)
		texts = append(texts, string(raw))
		_, err = p.Process(b.Context(), pipeline.Document{ID: path, Text: raw}) // load every model before timing
		require.NoError(b, err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			url := natstest.Server(b)
			_, js := connect(b, url)
			cfg := natsjs.Config{}
			require.NoError(b, natsjs.Setup(b.Context(), js, cfg))
			var bytes int64
			for i := range b.N {
				t := texts[i%len(texts)]
				data, err := json.Marshal(map[string]string{"id": fmt.Sprintf("seed-%06d", i), "published": "2023-04-03", "text": t})
				require.NoError(b, err)
				_, err = js.PublishAsync(natsjs.DefaultDocsSubject, data, jetstream.WithMsgID(fmt.Sprint(i)))
				require.NoError(b, err)
				bytes += int64(len(t))
			}
			select {
			case <-js.PublishAsyncComplete():
			case <-time.After(time.Minute):
				b.Fatal("publishing took over a minute")
			}
			w := &natsjs.Worker{Pipeline: p, Emit: pipeline.EmitAll, Workers: workers, ExitWhenIdle: true, FetchWait: 100 * time.Millisecond, Config: cfg}
			b.SetBytes(bytes / int64(b.N))
			b.ResetTimer()
			start := time.Now()
			st, err := w.Run(context.Background(), js)
			elapsed := time.Since(start)
			b.StopTimer()
			require.NoError(b, err)
			require.Equal(b, int64(b.N), st.Documents)
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "docs/s")
			b.ReportMetric(float64(st.Records)/elapsed.Seconds(), "records/s")
		})
	}
}
