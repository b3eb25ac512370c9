package events

import (
	"testing"

	"github.com/gazex/gazex/gazetteer"
)

// In a German clause whose verb comes last, the name right after the
// auxiliary or the conjunction, or right before the auxiliary at the head
// of the clause, is the subject, whatever its kind; an object marker, a
// preposition or a role ("als") opens no such slot.
func TestGermanSubjectSlot(t *testing.T) {
	rus, pol, cub := country(t, "RUS"), country(t, "POL"), country(t, "CUB")
	konsulat := &gazetteer.Entity{ID: "org/test-konsulat", Type: gazetteer.TypeOrganization, Name: "Konsulat", Country: "RUS", Sector: "GOV"}
	ents := map[string]*gazetteer.Entity{"Russland": rus, "Polen": pol, "Kuba": cub, "russische Konsulat": konsulat, "Rosa Ejemplo": rosa, "Kubas": cub}
	tests := []actorCase{
		{"after the auxiliary: a country before a body", "de", "Am Montag hatte Polen das russische Konsulat in Danzig geschlossen.", TypeOther, []string{pol.ID}},
		{"at the head of the clause: a country before a body", "de", "Polen hat das russische Konsulat in Danzig geschlossen.", TypeOther, []string{pol.ID}},
		{"after the auxiliary: a country before a title and a person", "de", "Am Dienstag hat Russland Außenministerin Rosa Ejemplo ausgewiesen.", TypeOther, []string{rus.ID}},
		{"after the auxiliary: a country before a person", "de", "Am Dienstag hat Russland Rosa Ejemplo festgenommen.", TypeOther, []string{rus.ID}},
		{"after a conjunction of a subordinate clause", "de", "Die Lage eskalierte, nachdem Kuba Rosa Ejemplo festgenommen hatte.", TypeOther, []string{cub.ID}},
		{"at the head of the clause the name after the auxiliary is the object", "de", "Das russische Konsulat hat Rosa Ejemplo ausgewiesen.", TypeOther, []string{konsulat.ID}},
		{"an auxiliary after an apposition's comma opens no slot", "de", "Die Außenministerin, Rosa Ejemplo, hatte das russische Konsulat um Aufklärung gebeten.", TypeStatement, []string{rosa.ID}},
		{"a role after als opens no slot", "de", "Rosa Ejemplo hatte als Vertreterin Kubas Russland verurteilt.", TypeAccuse, []string{rosa.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, ents) })
	}
}
