package extract

import (
	"testing"

	"github.com/geokg/geokg/ingest/article"
)

// A round-up's headings in capitals that name a country or a body open
// stories of their own; a subheading that names no one, a dateline or a
// single heading does not.
func TestStories(t *testing.T) {
	x := fullExtractor(t)
	for _, tc := range []struct {
		name, text string
		want       int
	}{
		{"headings alone", "Mediators had little to show.\n\nLEBANON. The ceasefire is holding.\n\nSUDAN. No talks are scheduled.", 3},
		{"headings with a dash", "Rebels took Hama.\n\nCONGO–RWANDA – A summit was called off.\n\nMYANMAR – The Arakan Army took Maungdaw.", 3},
		{"headings on their own line", "The generals signed a pledge.\n\nSUDAN: A PAPER PROMISE\n\nEnvoys met in Jeddah.\n\nGAZA: EGYPT SHUTTLES\n\nCairo's mediators spoke to both sides.", 3},
		{"heading of two names", "Mediators had a busy week.\n\nCONGO AND RWANDA. A summit was called off.\n\nLEBANON. The ceasefire held.", 3},
		{"subheadings that name no one", "The council declared Maduro the winner.\n\nA DISPUTED COUNT\n\nThe opposition says it won.\n\nWHAT COMES NEXT\n\nThe court will rule.", 1},
		{"one heading", "The council declared Maduro the winner.\n\nVENEZUELA: A DISPUTED COUNT\n\nThe opposition says it won.", 1},
		{"dateline", "NAIROBI, Nov 3 – Ethiopia and the TPLF signed a truce.\n\nSUDAN. No talks are scheduled.", 1},
		{"the same name twice", "Mediators had a busy week.\n\nSUDAN. No talks are scheduled.\n\nSUDAN: THE SIEGE\n\nThe RSF besieged El Fasher.", 1},
		{"headings in title case on lines of their own", "Mediators had a busy year.\n\nEthiopia and Somalia: the Ankara détente\n\nThe two signed a declaration.\n\nSudan: a war without a table\n\nThe talks collapsed.", 3},
		{"subheadings of one story", "Rebels took Kidal.\n\nRussian muscle, Turkish drones\n\nThe army has new allies.\n\nBamako and Algiers\n\nThe two capitals quarrel.", 1},
		{"a short sentence is no heading", "Rebels took Kidal.\n\nMali said nothing.\n\nSudan was calm.", 1},
		{"an acronym opening a sentence", "The talks ended.\n\nNATO said it would send troops.\n\nECOWAS demanded elections.", 1},
	} {
		d := x.analyze(&article.Article{ID: article.ID(tc.text), Text: tc.text, Published: "2024-12-16"})
		if got := len(d.stories()); got != tc.want {
			t.Errorf("%s: %d stories, want %d", tc.name, got, tc.want)
		}
	}
}
