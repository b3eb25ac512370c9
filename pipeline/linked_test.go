package pipeline_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// TestTitleLinksHolder: a title with its country names the gazetteer's
// holder of the office on the publication date, though the text spells
// the first name otherwise; the records are the gazetteer entity's. The
// sentences are written for this test.
func TestTitleLinksHolder(t *testing.T) {
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	p, err := pipeline.New(pipeline.Config{Entities: entities, Workers: 1})
	require.NoError(t, err)
	tests := []struct {
		name, published, text string
		id, mention, role     string // "" id: no such person
		actor                 string // the STATEMENT's actor
	}{
		{
			name: "en/foreign secretary in her term", published: "2022-03-01",
			text: "British Foreign Secretary Elizabeth Truss said the sanctions would be widened.",
			id:   "person/liz-truss", mention: "Elizabeth Truss", role: "British Foreign Secretary", actor: "person/liz-truss",
		},
		{
			name: "de/defence minister in his term", published: "2022-05-10",
			text: "Der britische Verteidigungsminister Benjamin Wallace sagte am Dienstag, London werde weitere Raketen liefern.",
			id:   "person/ben-wallace", mention: "Benjamin Wallace", role: "britische Verteidigungsminister", actor: "person/ben-wallace",
		},
		{
			name: "en/before her term", published: "2020-05-01",
			text: "British Foreign Secretary Elizabeth Truss said the sanctions would be widened.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := p.Process(t.Context(), pipeline.Document{ID: "t", Text: []byte(tt.text), Published: tt.published})
			require.NoError(t, err)
			doc := res.Document
			var got *pipeline.EntityRecord
			for i, e := range doc.Entities {
				if e.ID == tt.id || tt.id == "" && e.Source == "gazetteer" && e.Type == gazetteer.TypePerson {
					got = &doc.Entities[i]
				}
			}
			if tt.id == "" {
				assert.Nil(t, got, "no gazetteer person before the term")
				return
			}
			require.NotNil(t, got, "%+v", doc.Entities)
			require.Len(t, got.Mentions, 1)
			assert.Equal(t, tt.mention, got.Mentions[0].Text)
			assert.Equal(t, "fuzzy", got.Mentions[0].Match)
			assert.Equal(t, tt.role, got.RoleText)
			require.NotNil(t, got.Position)
			var actors []string
			for _, ev := range doc.Events {
				for _, pt := range ev.Participants {
					if pt.Role == "actor" {
						actors = append(actors, pt.Entity)
					}
				}
			}
			assert.Contains(t, actors, tt.actor)
		})
	}
}
