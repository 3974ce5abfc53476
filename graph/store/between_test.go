package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Every relationship between two entities names both ends, in order, for
// the index that finds the relationships between two entities: merged
// article by article, in bulk, after curation moved its ends, and on a
// graph loaded before and then given the schema. An event's relationships
// keep theirs (TestEventBounds); a LOCATED_IN also names the place it is
// in, a REPRESENTS the actor. The export leaves them out.
func TestBetween(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	ends := func(how string, want []string) {
		t.Helper()
		got := column(t, db, `MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['MENTIONS', 'CO_MENTIONED']
RETURN type(r) + ' ' + a.id + ' ' + b.id + ': ' + coalesce(r.between, '-') + ', ' + coalesce(r.within, r.of, '-') AS e ORDER BY e`)
		if !slices.Equal(got, want) {
			t.Errorf("%s: relationships\n  %s\nwant\n  %s", how, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	}
	loaded := []string{
		"LOCATED_IN event:e3 region:kosovia: -, -",
		"LOCATED_IN region:kosovia state:borduria: region:kosovia state:borduria, state:borduria",
		"CONTROLS org:peoples-front region:kosovia: org:peoples-front region:kosovia, -",
		"CONTROLS org:pf region:kosovia: org:pf region:kosovia, -",
		"FIGHTS state:ruritania state:borduria: state:borduria state:ruritania, -",
		"MEDIATES state:borduria event:e3: -, -",
		"PARTY_TO state:ruritania event:e3: -, -",
		"REPRESENTS leader:jan-novak state:ruritania: leader:jan-novak state:ruritania, state:ruritania",
		"REPRESENTS leader:john-byline state:ruritania: leader:john-byline state:ruritania, state:ruritania",
		"SUPPORTS state:borduria org:peoples-front: org:peoples-front state:borduria, -",
		"SUPPORTS state:ruritania org:pf: org:pf state:ruritania, -",
	}
	slices.Sort(loaded)
	// Curation moved ends (a merge, a relabel, a rename) and added
	// relationships: each names its ends as they are now.
	curated := []string{
		"CONTROLS org:peoples-front state:kosovia: org:peoples-front state:kosovia, -",
		"DEMANDS state:kosovia state:republic-of-borduria: state:kosovia state:republic-of-borduria, -",
		"LOCATED_IN event:e3 state:kosovia: -, -",
		"LOCATED_IN state:kosovia state:republic-of-borduria: state:kosovia state:republic-of-borduria, state:republic-of-borduria",
		"PARTY_TO state:ruritania event:e3: -, -",
		"REPRESENTS leader:jan-novak state:ruritania: leader:jan-novak state:ruritania, state:ruritania",
		"SUPPORTS state:republic-of-borduria org:peoples-front: org:peoples-front state:republic-of-borduria, -",
		"SUPPORTS state:ruritania org:peoples-front: org:peoples-front state:ruritania, -",
	}
	articles := append(story(), storyArticle(4, "2024-04-01",
		[]string{"region:kosovia=Kosovia,disputed", "state:borduria=Borduria", "event:e3=talks in Kosovia"},
		"region:kosovia LOCATED_IN state:borduria", "event:e3 LOCATED_IN region:kosovia"))
	loadEveryWay(t, db, articles, []string{"MATCH ()-[r]->() REMOVE r.between, r.within, r.of"}, func(how string) { ends(how, loaded) })
	// A graph of an earlier geokg that keeps every end's key but the
	// represented actor's gets that one when the schema is applied.
	for _, q := range []string{"MATCH ()-[r:REPRESENTS]->() REMOVE r.of", "DROP INDEX represents_of_last_seen"} {
		if _, err := neo4j.ExecuteQuery(ctx, db.Driver, q, nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	ends("loaded before the represented actor's key, then the schema applied", loaded)
	if b, err := db.DumpBatch(ctx); err != nil {
		t.Fatal(err)
	} else {
		for _, r := range b.Rels {
			for _, k := range []string{store.PropBetween, store.PropWithin, store.PropOf} {
				if _, ok := r.Props[k]; ok {
					t.Errorf("the export holds the ends (%s): %v", k, r)
				}
			}
		}
	}
	correct(t, db, storySet(t, storyCuration), true)
	ends("curated", curated)
}
