// Package synth writes synthetic FollowTheMoney gazetteers for measuring
// gazex at scale: persons with multi-token names, aliases and dated
// occupancies, and organisations, the shape of an OpenSanctions PEP and
// sanctions export. The output is a pure function of the requested size:
// the same size gives the same bytes, so measurements can be repeated
// without committing hundreds of megabytes of data.
package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Stats counts what [WriteFtM] wrote.
type Stats struct {
	Names       int // name and alias values: the surface forms that match on their own
	Persons     int
	Orgs        int
	Positions   int
	Occupancies int
	Bytes       int64
}

var (
	firstNames = strings.Fields(`Anna Maria Elena Sofia Laura Carmen Lucia Isabel Marta Paula Julia Clara Eva Ines Rosa
		Olga Irina Natalia Tatiana Svetlana Yulia Ekaterina Ludmila Galina Vera Mei Li Xiu Ying Hua Fatima Aisha Leila
		Amina Zahra Sarah Emily Hannah Grace Claire Heike Ursula Petra Sabine Monika Brigitte
		Juan Jose Carlos Luis Miguel Jorge Pedro Manuel Antonio Francisco Javier Diego Pablo Alejandro Rafael
		Sergei Dmitry Vladimir Nikolai Alexei Andrei Mikhail Ivan Yuri Oleg Igor Viktor Boris Pavel Maxim
		Wei Jun Ming Qiang Gang Tao Hao Lei Feng Bo Ahmed Mohammed Ali Hassan Omar Karim Youssef Reza Hamid Said
		John James Robert Michael William David Richard Thomas Daniel Paul Mark Peter Stephen Andrew Kevin
		Hans Klaus Wolfgang Jurgen Dieter Stefan Uwe Frank Andreas Matthias Markus Bernd Ralf Holger Jens`)
	onsets = strings.Fields(`b br ch d dr f g gr h k kr l m n p pr r s sh st t tr v z zh kh ts y`)
	vowels = strings.Fields(`a e i o u a e o ia ue`)
	codas  = []string{"", "", "", "n", "r", "l", "s", "k", "m", "v", "t"}
	ends   = strings.Fields(`ov ova ev eva enko uk ez ez es ian yan mann berg er son sen ski ska ovic idze ani elli ino`)

	orgKinds = strings.Fields(`Holding Group Company Bank Trust Foundation Agency Institute Corporation Partners
		Logistics Shipping Trading Industries Systems Technologies Energy Mining Petroleum Aviation Consulting`)
	orgSectors = strings.Fields(`Northern Southern Eastern Western Central National Federal Regional United
		International Global Pacific Atlantic Baltic Caspian Andean Caribbean Continental Maritime`)
	orgForms  = []string{"", "", "LLC", "S.A.", "GmbH", "JSC", "Ltd", "AG", "S.L.", "OOO"}
	countries = strings.Fields(`ru cn cu by us ve ni ir kp de es mx ar br fr gb ua tr in ng za kz sy`)
	posTitles = strings.Fields(`Minister Deputy-Minister Governor Ambassador Director Chairman Deputy-Chairman Secretary
		Mayor Judge Senator Deputy Prosecutor Commander Spokesperson`)
	posBodies = strings.Fields(`Finance Defence Interior Foreign-Affairs Justice Energy Transport Health Education
		Communications Digital-Development Agriculture Industry Trade Security`)
)

type entity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets"`
	LastSeen   string              `json:"last_seen,omitempty"`
}

type gen struct {
	r     *rand.Rand
	enc   *json.Encoder
	cw    *countWriter
	stats Stats
	seen  map[string]bool
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// word makes a pronounceable capitalised word of two to three syllables.
func (g *gen) word(end bool) string {
	var b strings.Builder
	for i, n := 0, 2+g.r.IntN(2); i < n; i++ {
		b.WriteString(g.pick(onsets))
		b.WriteString(g.pick(vowels))
		if i < n-1 || !end {
			b.WriteString(g.pick(codas))
		}
	}
	if end {
		b.WriteString(g.pick(ends))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// unique returns make() until it gives a name not seen before.
func (g *gen) unique(make func() string) string {
	for {
		if s := make(); !g.seen[s] {
			g.seen[s] = true
			return s
		}
	}
}

func (g *gen) write(e entity) error {
	e.Datasets = []string{"synthetic"}
	return g.enc.Encode(e)
}

func (g *gen) date(fromYear, years int) string {
	return fmt.Sprintf("%04d-%02d-%02d", fromYear+g.r.IntN(years), 1+g.r.IntN(12), 1+g.r.IntN(28))
}

// WriteFtM writes a synthetic FollowTheMoney entity file with about
// names surface forms (name and alias values): seven in ten of them
// persons' (a full name and a shorter alias, with firstName and lastName),
// the rest organisations'; one person in three holds one or two dated
// positions.
func WriteFtM(w io.Writer, names int) (Stats, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := &gen{r: rand.New(rand.NewPCG(1, uint64(names))), cw: &countWriter{w: bw}, seen: map[string]bool{}}
	g.enc = json.NewEncoder(g.cw)
	g.enc.SetEscapeHTML(false)

	const positions = 20000
	for i := range positions {
		title := strings.ReplaceAll(g.pick(posTitles), "-", " ") + " of " + strings.ReplaceAll(g.pick(posBodies), "-", " ")
		c := g.pick(countries)
		err := g.write(entity{ID: fmt.Sprintf("pos-%d", i), Schema: "Position",
			Properties: map[string][]string{"name": {fmt.Sprintf("%s (%s, %d)", title, strings.ToUpper(c), i)},
				"country": {c}, "topics": {"gov.national"}}})
		if err != nil {
			return g.stats, err
		}
		g.stats.Positions++
	}
	personNames := names * 7 / 10
	for g.stats.Names < personNames {
		i := g.stats.Persons
		first, last := g.pick(firstNames), g.word(true)
		full := g.unique(func() string {
			if g.r.IntN(2) == 0 {
				return first + " " + g.word(false) + " " + last // a middle name or patronymic
			}
			return first + " " + last + " " + g.word(true) // a second surname
		})
		alias := first + " " + last
		props := map[string][]string{"name": {full}, "firstName": {first}, "lastName": {last},
			"nationality": {g.pick(countries)}, "topics": {"role.pep"}}
		g.stats.Names++
		if !g.seen[alias] {
			g.seen[alias] = true
			props["alias"] = []string{alias}
			g.stats.Names++
		}
		id := fmt.Sprintf("syn-p%d", i)
		if err := g.write(entity{ID: id, Schema: "Person", Properties: props, LastSeen: "2026-11-01T00:00:00"}); err != nil {
			return g.stats, err
		}
		g.stats.Persons++
		if i%3 != 0 {
			continue
		}
		start := 2005 + g.r.IntN(15)
		for k := range 1 + g.r.IntN(2) {
			occ := map[string][]string{"holder": {id}, "post": {fmt.Sprintf("pos-%d", g.r.IntN(positions))},
				"startDate": {fmt.Sprintf("%04d-%02d", start, 1+g.r.IntN(12))}}
			if k == 0 {
				occ["endDate"] = []string{fmt.Sprintf("%04d", start+1+g.r.IntN(5))}
				start += 6
			}
			if err := g.write(entity{ID: fmt.Sprintf("syn-o%d-%d", i, k), Schema: "Occupancy", Properties: occ}); err != nil {
				return g.stats, err
			}
			g.stats.Occupancies++
		}
	}
	for g.stats.Names < names {
		i := g.stats.Orgs
		stem := g.word(false)
		name := g.unique(func() string {
			parts := []string{stem, g.pick(orgSectors), g.pick(orgKinds)}
			if f := g.pick(orgForms); f != "" {
				parts = append(parts, f)
			}
			return strings.Join(parts, " ")
		})
		props := map[string][]string{"name": {name}, "country": {g.pick(countries)}}
		g.stats.Names++
		if alias := stem + " " + g.pick(orgKinds); g.stats.Names < names && !g.seen[alias] {
			g.seen[alias] = true
			props["alias"] = []string{alias}
			g.stats.Names++
		}
		schema := "Company"
		if i%5 == 0 {
			schema, props["topics"] = "Organization", []string{"gov.soe"}
		}
		if err := g.write(entity{ID: fmt.Sprintf("syn-c%d", i), Schema: schema, Properties: props}); err != nil {
			return g.stats, err
		}
		g.stats.Orgs++
	}
	if err := bw.Flush(); err != nil {
		return g.stats, err
	}
	g.stats.Bytes = g.cw.n
	return g.stats, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
