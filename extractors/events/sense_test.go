package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// The senses of sense.go, in sentences written for this test about real
// bodies and office holders: each rule where it must change the event, and
// the same trigger in its own sense, where it must not.

func senseEntities(t *testing.T) map[string]*gazetteer.Entity {
	return map[string]*gazetteer.Entity{
		"Putin": putinP, "Xi Jinping": xi,
		"Bundesanwaltschaft":         entity(t, "org/de-bundesanwaltschaft"),
		"Bundesverfassungsgericht":   entity(t, "org/de-bverfg"),
		"Internationale Gerichtshof": entity(t, "org/int-icj"),
		"Kreml":                      entity(t, "org/ru-presidential-executive-office"),
		"Auswärtige Amt":             entity(t, "org/de-auswaertiges-amt"),
		"Olaf Scholz":                entity(t, "person/olaf-scholz"), "Scholz": entity(t, "person/olaf-scholz"),
		"Bundeswehr": entity(t, "org/de-bundeswehr"),
		"Kolumbien":  country(t, "COL"), "Mexiko": country(t, "MEX"),
		"Russland": country(t, "RUS"), "Ukraine": country(t, "UKR"), "Moskau": entity(t, "place/moscow"),
	}
}

func TestSenses(t *testing.T) {
	ents := senseEntities(t)
	for _, tc := range []struct {
		name, text string
		want, not  string // the type the sentence must yield (or ""), and one it must not
	}{
		// A participle made a noun is a person, not an accusation.
		{"der Beschuldigte", "Nach Angaben der Bundesanwaltschaft wurde der Beschuldigte am Freitag dem Ermittlungsrichter vorgeführt.", "", TypeAccuse},
		{"den Beschuldigten", "Die Bundesanwaltschaft hat den Beschuldigten am Mittwoch in Berlin festnehmen lassen.", TypeOther, TypeAccuse},
		{"beschuldigte, the verb", "Die Bundesanwaltschaft beschuldigte den Offizier, Dokumente an Russland weitergegeben zu haben.", TypeAccuse, ""},
		{"beschuldigte after a time", "Am Dienstag beschuldigte der Kreml die Ukraine, einen Drohnenangriff auf Moskau verübt zu haben.", TypeAccuse, ""},
		// A rejected application is a decision.
		{"Eilantrag zurückgewiesen", "Das Bundesverfassungsgericht hat einen Eilantrag gegen das neue Wahlrecht zurückgewiesen.", TypeOther, TypeDeny},
		{"wies die Klage ab, zurück", "Der Internationale Gerichtshof wies die Klage der Ukraine in diesem Punkt zurück.", TypeOther, TypeDeny},
		{"Vorwürfe zurückgewiesen", "Der Kreml hat die Vorwürfe aus Kiew am Montag zurückgewiesen.", TypeDeny, TypeOther},
		{"wies die Anschuldigungen zurück", "Russland wies die Anschuldigungen der Ukraine als haltlos zurück.", TypeDeny, ""},
		// A proposed meeting has not taken place.
		{"schlug ein Gipfeltreffen vor", "Putin schlug Xi Jinping ein Gipfeltreffen im Frühjahr in Moskau vor.", TypeCooperateIntent, TypeMeet},
		{"lud zu einem Besuch ein", "Putin lud Xi Jinping zu einem Besuch nach Moskau ein.", TypeCooperateIntent, TypeVisit},
		{"a summit before the proposal", "Beim Gipfeltreffen in Moskau schlug Putin Xi Jinping eine engere Zusammenarbeit vor.", TypeMeet, ""},
		{"a summit held", "Putin und Xi Jinping kamen im März in Moskau zu einem Gipfeltreffen zusammen.", TypeMeet, ""},
		// The talk a summons names is the summons.
		{"zu einem Gespräch einbestellt", "Das Auswärtige Amt hat den russischen Botschafter zu einem Gespräch einbestellt.", TypeOther, TypeMeet},
		{"zum Gespräch bestellte ein", "Das Auswärtige Amt bestellte den russischen Gesandten am Montag zum Gespräch ein.", TypeOther, TypeMeet},
		{"a talk and a summons apart", "Nach einem Gespräch mit Putin sagte Xi Jinping, der Handel solle wachsen.", TypeMeet, ""},
		// What stands ready is at hand.
		{"stünden bereit", "Die Maschinen der Bundeswehr stünden bereit, um die Deutschen aus dem Sudan auszufliegen.", "", TypeCooperateIntent},
		{"stehen bereit", "In Jordanien stehen zwei Transportflugzeuge der Bundeswehr bereit.", "", TypeCooperateIntent},
		{"stellt bereit", "Die Bundeswehr stellt für die Hilfe in der Ukraine 40 Millionen Euro bereit.", "", TypeCooperateIntent},
		{"hielt bereit", "Die Bundeswehr hielt in Jordanien zwei Maschinen für Russland bereit.", "", TypeCooperateIntent},
		{"stellt bereit, far apart", "Die Bundeswehr stellt dabei 40 Millionen Euro für die Räumung von Minen und für den Schutz der Zivilbevölkerung in der Ukraine bereit.", "", TypeCooperateIntent},
		{"ist bereit after a verb", "Die Ukraine hält an ihren Zielen fest und ist zur Zusammenarbeit mit Russland bereit.", TypeCooperateIntent, ""},
		{"bereit zur Zusammenarbeit", "Mexiko sei bereit zur Zusammenarbeit mit Kolumbien bei der Rückführung.", TypeCooperateIntent, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, "de", thursday, ents, tc.text)
			if tc.want != "" {
				assert.NotEmpty(t, filter(evs, tc.want), "%v", evs)
			}
			if tc.not != "" {
				assert.Empty(t, filter(evs, tc.not), "%v", evs)
			}
		})
	}
}

// TestContinuedSpeech holds that reported speech running on into the next
// sentence is one statement, and where it is not.
func TestContinuedSpeech(t *testing.T) {
	ents := senseEntities(t)
	for _, tc := range []struct {
		name      string
		sentences []string       // after the first, Scholz's statement
		want      map[string]int // events per type
	}{
		{"a pronoun goes on", []string{"Er sprach von einer Verpflichtung gegenüber Europa."}, map[string]int{TypeStatement: 1}},
		{"the name goes on", []string{"Die Hilfe sei nicht verhandelbar, betonte Scholz."}, map[string]int{TypeStatement: 1}},
		{"an accusation after a statement stays", []string{"Er warf Russland vor, die Angriffe auf Kiew verschärft zu haben."}, map[string]int{TypeStatement: 1, TypeAccuse: 1}},
		{"an accusation after an accusation", []string{"Er warf Russland vor, die Angriffe auf Kiew verschärft zu haben.", "Scholz kritisierte, Moskau habe alle Gespräche blockiert."}, map[string]int{TypeStatement: 1, TypeAccuse: 1}},
		{"a denial after an accusation stays", []string{"Er warf Russland vor, die Angriffe auf Kiew verschärft zu haben.", "Die Berichte über einen Waffenstillstand wies er als falsch zurück."}, map[string]int{TypeStatement: 1, TypeAccuse: 1, TypeDeny: 1}},
		{"a sentence between", []string{"Die Debatte im Bundestag dauerte bis in den Abend.", "Scholz sprach später von einer Verpflichtung gegenüber Europa."}, map[string]int{TypeStatement: 2}},
		{"another speaker", []string{"Putin sagte, der Westen verlängere den Krieg."}, map[string]int{TypeStatement: 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, "de", thursday, ents, append([]string{"Olaf Scholz sagte am Mittwoch, Deutschland werde die Ukraine weiter unterstützen."}, tc.sentences...)...)
			for typ, n := range tc.want {
				assert.Len(t, filter(evs, typ), n, "%s: %v", typ, evs)
			}
		})
	}
}
