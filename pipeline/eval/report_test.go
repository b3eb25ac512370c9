package eval

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCountsRatios(t *testing.T) {
	tests := []struct {
		name     string
		c        Counts
		p, r, f1 *float64
	}{
		{"nothing at all: every ratio undefined", Counts{}, nil, nil, nil},
		{"nothing predicted: recall 0, precision undefined", Counts{Gold: 4}, nil, ptr(0), nil},
		{"all wrong: F1 0", Counts{Gold: 2, Pred: 1, FP: 1}, ptr(0), ptr(0), ptr(0)},
		{"sides counted apart", Counts{Gold: 4, Found: 1, Pred: 3, TP: 2, FP: 1}, ptr(2.0 / 3), ptr(0.25), ptr(2 * (2.0 / 3) * 0.25 / (2.0/3 + 0.25))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.p, optional(tt.c.Precision()))
			assert.Equal(t, tt.r, optional(tt.c.Recall()))
			if tt.f1 == nil {
				assert.Nil(t, optional(tt.c.F1()))
			} else {
				assert.InDelta(t, *tt.f1, *optional(tt.c.F1()), 1e-12)
			}
		})
	}
}

func ptr(f float64) *float64 { return &f }

func TestReportAddTableJSON(t *testing.T) {
	a := NewReport()
	a.Files = 1
	*a.counts(FieldOfficials, "de") = Counts{Gold: 4, Found: 3, Pred: 4, TP: 3, FP: 1}
	*a.counts(FieldSegments, "en") = Counts{Gold: 1, Found: 1, Pred: 1, TP: 1}
	a.Spans = SpanCounts{Total: 10, OK: 9}
	a.spanError("a.txt: byte [1 2]: bad")
	b := NewReport()
	b.Files = 1
	*b.counts(FieldOfficials, "es") = Counts{Gold: 2, Pred: 1, Ignored: 1}
	b.Dates = DateCounts{Matched: 2, WithGold: 2, Right: 1}
	a.Topics = TopicCounts{WithGold: 1, Right: 1}
	b.Topics = TopicCounts{WithGold: 3, Right: 2}
	a.Bands = BandCounts{High: 3, HighRight: 2, Low: 1}
	b.Bands = BandCounts{High: 1, HighRight: 1, Low: 3, LowRight: 1}
	b.Failed = []string{"b.txt: binary file"}

	sum := &Report{} // the zero value is usable
	sum.Add(a)
	sum.Add(b)
	assert.Equal(t, 2, sum.Files)
	assert.Equal(t, Counts{Gold: 6, Found: 3, Pred: 5, TP: 3, FP: 1, Ignored: 1}, sum.Counts(FieldOfficials, "all"))
	assert.Equal(t, []string{"de", "es"}, sum.Langs(FieldOfficials))

	var buf bytes.Buffer
	require.NoError(t, sum.WriteTable(&buf))
	out := buf.String()
	lines := strings.Split(out, "\n")
	assert.Equal(t, []string{"field", "lang", "tp", "fp", "fn", "ign", "gold", "P", "R", "F1"}, strings.Fields(lines[0]))
	assert.Equal(t, []string{"officials", "all", "3", "1", "3", "1", "6", "0.750", "0.500", "0.600"}, strings.Fields(lines[3]))
	assert.Equal(t, []string{"agencies", "all", "0", "0", "0", "0", "0", "-", "-", "-"}, strings.Fields(lines[4]))
	assert.Equal(t, len(lines[0]), len(lines[3]), "columns are aligned")
	assert.Contains(t, out, "event dates: 1/2 matched events with a gold date have it (50.0%)")
	assert.Contains(t, out, "event topics: 3/4 matched events with a gold topic have it (75.0%)")
	assert.Contains(t, out, "event confidence: >= 0.7 right 3/4 (75.0%), below 1/4 (25.0%)")
	assert.Contains(t, out, "span round-trip: 9/10 (90.0%)\n  a.txt: byte [1 2]: bad\n")
	assert.Contains(t, out, "failed: b.txt: binary file")

	raw, err := json.Marshal(sum.JSON())
	require.NoError(t, err)
	var j map[string]any
	require.NoError(t, json.Unmarshal(raw, &j))
	assert.InDelta(t, 0.9, j["spans"].(map[string]any)["share"], 1e-12)
	assert.InDelta(t, 0.5, j["event_dates"].(map[string]any)["share"], 1e-12)
	assert.InDelta(t, 0.75, j["event_topics"].(map[string]any)["share"], 1e-12)
	assert.Equal(t, []any{}, j["misses"], "lists are never null")
	row := j["rows"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{
		"field": "officials", "lang": "de", "gold": 4.0, "found": 3.0, "pred": 4.0, "tp": 3.0, "fp": 1.0,
		"ignored": 0.0, "fn": 1.0, "precision": 0.75, "recall": 0.75, "f1": 0.75,
	}, row)
	assert.Contains(t, string(raw), `"field":"agencies","lang":"all","gold":0,"found":0,"pred":0,"tp":0,"fp":0,"ignored":0,"fn":0,"precision":null,"recall":null,"f1":null`)
}
