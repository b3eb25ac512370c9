package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// A court that condemns someone to a penalty passes a sentence (OTHER);
// condemning an act is an accusation. The sentences are written for this
// test; the court is invented.
func TestPenalty(t *testing.T) {
	court := &gazetteer.Entity{ID: "org/test-court", Type: gazetteer.TypeOrganization, Name: "Supreme Court of Testland", Country: "CUB", Sector: "JUD"}
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Tribunal Supremo": court, "Oberste Gericht": court, "Supreme Court": court}
	tests := []struct {
		name, lang, text, want string
	}{
		{"es a prison term", "es", "El Tribunal Supremo condenó el jueves a tres años de prisión al exministro de Hacienda.", TypeOther},
		{"es a term alone", "es", "El Tribunal Supremo condenó a dos años a la exdirectora del banco.", TypeOther},
		{"es life", "es", "El Tribunal Supremo condenó a cadena perpetua a los dos acusados.", TypeOther},
		{"es an attack condemned", "es", "Rosa Ejemplo condenó el jueves el ataque contra la embajada.", TypeAccuse},
		{"es an attack two years ago", "es", "Rosa Ejemplo condenó el ataque a la embajada de hace dos años.", TypeAccuse},
		{"de a prison term", "de", "Das Oberste Gericht verurteilte den Mann am Donnerstag zu vier Jahren Haft.", TypeOther},
		{"de a fine", "de", "Das Oberste Gericht hat die Firma zu einer Geldstrafe verurteilt.", TypeOther},
		{"de an attack condemned", "de", "Rosa Ejemplo verurteilte am Donnerstag den Angriff auf die Botschaft.", TypeAccuse},
		{"en life in prison", "en", "The Supreme Court condemned the former minister to life in prison on Thursday.", TypeOther},
		{"en an attack condemned", "en", "Rosa Ejemplo condemned the attack on the embassy on Thursday.", TypeAccuse},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			assert.Equal(t, []string{tc.want}, types(evs), "%+v", evs)
		})
	}
}
