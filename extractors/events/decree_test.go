package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// Signing a law or a decree is one state's act; signing a treaty is an
// agreement. The sentences are written for this test.
func TestDecree(t *testing.T) {
	cuba, rus := country(t, "CUB"), country(t, "RUS")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Anna Test": anna, "Cuba": cuba, "Rusia": rus, "Russia": rus, "Kuba": cuba}
	tests := []struct {
		name, lang, text, want string
	}{
		{"es decreto", "es", "Rosa Ejemplo firmó el jueves el decreto que regula las exportaciones.", TypeOther},
		{"es directriz", "es", "Cuba firmó el jueves la directriz sobre ciberseguridad.", TypeOther},
		{"de Gesetz", "de", "Anna Test hat am Donnerstag das Gesetz zur Cybersicherheit unterzeichnet.", TypeOther},
		{"en bill", "en", "Rosa Ejemplo signed the bill on Thursday.", TypeOther},
		{"es tratado", "es", "Cuba y Rusia firmaron el jueves un tratado de cooperación.", TypeSignAgreement},
		{"es ley y tratado", "es", "Rosa Ejemplo firmó la ley que ratifica el tratado con Rusia.", TypeSignAgreement},
		{"de Abkommen", "de", "Kuba und Russland haben am Donnerstag ein Abkommen unterzeichnet.", TypeSignAgreement},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := types(run(t, tc.lang, thursday, ents, tc.text))
			assert.Contains(t, got, tc.want)
			if tc.want == TypeOther {
				assert.NotContains(t, got, TypeSignAgreement)
			}
		})
	}
}
