package batch

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows how far a run is: a bar with rate and ETA (by input
// bytes) when Log is a terminal, else a plain line every LogEvery.
type progress struct {
	log      io.Writer
	bar      *progressbar.ProgressBar
	every    time.Duration
	last     time.Time
	start    time.Time
	total    int
	lastLine string
}

func newProgress(opt Options, files int, bytes int64, start time.Time) *progress {
	p := &progress{log: opt.Log, every: opt.LogEvery, last: start, start: start, total: files}
	if opt.Bar {
		p.bar = progressbar.NewOptions64(bytes,
			progressbar.OptionSetWriter(opt.Log),
			progressbar.OptionSetDescription("gazex batch"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionFullWidth(),
		)
	}
	return p
}

// file counts one completed file.
func (p *progress) file(size int64, files, docs, failed int, bytes int64) {
	if p.bar != nil {
		_ = p.bar.Add64(size)
		return
	}
	now := time.Now()
	p.lastLine = fmt.Sprintf("gazex: batch: %d/%d files, %d documents (%d failed), %.1f MB, %.2f MB/s",
		files, p.total, docs, failed, float64(bytes)/1e6, float64(bytes)/1e6/max(now.Sub(p.start).Seconds(), 1e-3))
	if now.Sub(p.last) >= p.every {
		p.last = now
		fmt.Fprintln(p.log, p.lastLine)
	}
}

// logf writes a message line, moving the bar out of its way.
func (p *progress) logf(format string, args ...any) {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintf(p.log, format, args...)
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		fmt.Fprintln(p.log)
	}
}
