package pipeline_test

import (
	"context"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

// TestRunLeavesNoGoroutine cancels runs at different points; synctest
// fails the test if any goroutine of the run outlives Run.
func TestRunLeavesNoGoroutine(t *testing.T) {
	p := testPipeline(t, 4)
	// Warm the language models outside the bubble: they load once per
	// process, in a goroutine of their own.
	_, err := p.Process(t.Context(), pipeline.Document{ID: "warm", Text: []byte("Representantes de China y Cuba firmaron hoy un acuerdo.")})
	require.NoError(t, err)
	docs := corpus(t, 20)
	for _, stopAfter := range []int{0, 1, 7, 60} {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if stopAfter == 0 {
				cancel()
			}
			n := 0
			_, err := p.Run(ctx, &sliceSource{docs: docs}, func(pipeline.Result) error {
				n++
				if n == stopAfter {
					cancel()
				}
				return nil
			})
			assert.ErrorIs(t, err, context.Canceled)
			assert.Equal(t, stopAfter, n, "nothing reaches the sink after the cancellation")
		})
	}
}

// TestRunSinkErrorStops checks that an error of the sink ends the run with
// that error.
func TestRunSinkErrorStops(t *testing.T) {
	p := testPipeline(t, 4)
	boom := assert.AnError
	n := 0
	_, err := p.Run(t.Context(), &sliceSource{docs: corpus(t, 10)}, func(pipeline.Result) error {
		n++
		if n == 3 {
			return boom
		}
		return nil
	})
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, 3, n)
}
