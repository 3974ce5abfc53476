package queries

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// project formats the named columns of each row as "a | b | c", the way a
// table cell reads.
func project(t *testing.T, res *Result, cols ...string) []string {
	t.Helper()
	idx := make([]int, len(cols))
	for i, c := range cols {
		idx[i] = slices.Index(res.Columns, c)
		if idx[i] < 0 {
			t.Fatalf("no column %q in %v", c, res.Columns)
		}
	}
	out := []string{}
	for _, row := range res.Rows {
		cells := make([]string, len(cols))
		for i, j := range idx {
			cells[i] = cellText(row[j])
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

// TestQueries runs every canned query against the fixture graph and checks
// its rows.
func TestQueries(t *testing.T) {
	db := neo4jtest.DB(t)
	loadFixture(t, db)
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query  string
		params map[string]string
		cols   []string
		want   []string
	}{
		{"mediators", nil, []string{"mediator", "events", "event_names"}, []string{
			// Through the leaders who represent both sides in Brussels,
			// and directly in Moscow.
			"European Union | 1 | Brussels talks on Armenia-Azerbaijan peace treaty",
			"Russia | 1 | Moscow talks between Armenia and Azerbaijan",
		}},
		{"mediators", map[string]string{"a": "kigali", "b": "DRC"}, []string{"mediator", "label", "events", "last_event"}, []string{
			"Angola | State | 1 | 2024-12-15",
			"Qatar | State | 1 | 2025-03-18",
		}},
		{"mediators", map[string]string{"a": "Israel", "b": "Hamas", "limit": "1"}, []string{"mediator", "articles", "confidence"}, []string{
			"Egypt | 1 | 0.8",
		}},
		{"region-mediators", nil, []string{"mediator", "sides", "event_names"}, []string{
			"Egypt | Hamas, Israel | Doha ceasefire talks on Gaza",
			"Qatar | Hamas, Israel | Doha ceasefire talks on Gaza",
			"United States | Hamas, Israel | Doha ceasefire talks on Gaza",
		}},
		{"region-mediators", map[string]string{"region": "north kivu province"}, []string{"mediator", "events", "sides", "event_names"}, []string{
			// M23 controls Goma, inside North Kivu; the DRC fought there.
			"Angola | 1 | Democratic Republic of the Congo | Luanda talks between Kinshasa and Kigali",
		}},
		{"region-control", nil, []string{"region", "controller", "confidence", "articles", "first_seen", "last_seen", "evidence"}, []string{
			"Goma | M23 | 0.97 | 2 | 2025-01-29 | 2025-03-20 | M23 has run Goma since January.",
			"Goma | Armed Forces of the Democratic Republic of the Congo | 0.4 | 1 | 2025-01-29 | 2025-01-29 | Army units still held the southern districts of Goma, residents said.",
		}},
		// M23 took Goma on 2025-01-27; the army was still reported holding
		// part of it after that: both hold it, each the other's rival.
		{"region-control", nil, []string{"controller", "status", "change", "since", "rivals", "article"}, []string{
			"M23 | current | hold | 2025-03-20 | Armed Forces of the Democratic Republic of the Congo | Qatar hosts Congo and Rwanda as M23 holds Goma",
			"Armed Forces of the Democratic Republic of the Congo | current | hold | 2025-01-29 | M23 | Rebels seize Goma as Congo demands Rwandan withdrawal",
		}},
		{"region-control", map[string]string{"as_of": "2025-01-28"}, []string{"controller", "status", "change", "since", "evidence"}, []string{
			"M23 | current | gain | 2025-01-27 | M23 rebels took the airport and most of Goma.",
		}},
		{"region-control", map[string]string{"as_of": "2025-01-01"}, []string{"controller"}, []string{}},
		{"region-control", map[string]string{"region": "North Kivu", "depth": "0"}, []string{"controller"}, []string{}},
		{"region-control", map[string]string{"region": "Democratic Republic of the Congo"}, []string{"focus", "region", "controller"}, []string{
			// A state stands for the places inside it.
			"Democratic Republic of the Congo | Goma | M23",
			"Democratic Republic of the Congo | Goma | Armed Forces of the Democratic Republic of the Congo",
		}},
		{"control-history", nil, []string{"date", "region", "controller", "change", "articles", "evidence"}, []string{
			"2025-01-27 | Goma | M23 | gain | 1 | M23 rebels took the airport and most of Goma.",
			"2025-01-29 | Goma | Armed Forces of the Democratic Republic of the Congo | hold | 1 | Army units still held the southern districts of Goma, residents said.",
			"2025-03-20 | Goma | M23 | hold | 1 | M23 has run Goma since January.",
		}},
		{"control-history", map[string]string{"region": "north kivu", "depth": "1", "holds": "false"}, []string{"date", "region", "controller", "change"}, []string{
			"2025-01-27 | Goma | M23 | gain",
		}},
		{"control-history", map[string]string{"to": "2025-01-28"}, []string{"date", "controller"}, []string{
			"2025-01-27 | M23",
		}},
		{"actor-controls", nil, []string{"actor", "region", "status", "change", "since", "rivals"}, []string{
			"M23 | Goma | current | hold | 2025-03-20 | Armed Forces of the Democratic Republic of the Congo",
		}},
		{"actor-controls", map[string]string{"actor": "Israel", "as_of": "2025-01-01"}, []string{"region"}, []string{}},
		{"actor-controls", map[string]string{"actor": "Azerbaijan", "as_of": "2024-12-31"}, []string{"region", "status", "since"}, []string{
			"Nagorno-Karabakh | current | 2024-09-20",
		}},
		{"contested-regions", nil, []string{"region", "count", "controllers", "reports"}, []string{
			"Goma | 2 | M23, Armed Forces of the Democratic Republic of the Congo | 3",
			"Gaza Strip | 2 | Israel, Hamas | 2",
		}},
		{"contested-regions", map[string]string{"min_controllers": "3"}, []string{"region"}, []string{}},
		{"demands", map[string]string{"actor": "Israel"}, []string{"direction", "from", "to", "demand"}, []string{
			"by | Israel | Hamas | release of all hostages",
			"of | Hamas | Israel | full withdrawal from the Gaza Strip",
		}},
		{"demands", map[string]string{"actor": "ARMENIA"}, []string{"direction", "from", "to", "demand"}, []string{
			// The demand on Russia was made by "Nikol Pashinian", a
			// duplicate node that represents nobody (see duplicates).
			"of | Azerbaijan | Armenia | changes to the Armenian constitution",
		}},
		{"demands", map[string]string{"actor": "nikol pashinian"}, []string{"direction", "from", "to", "demand"}, []string{
			"by | Nikol Pashinian | Russia | honour its security commitments to Armenia",
		}},
		{"leaders", map[string]string{"actor": "Russian Federation"}, []string{"actor", "leader", "role", "aliases"}, []string{
			"Russia | Sergei Lavrov | Foreign Minister | Lavrov",
			"Russia | Vladimir Putin | President | Putin",
		}},
		{"leaders", map[string]string{"actor": "Russia", "as_of": "2024-11-05"}, []string{"leader", "status", "change", "since"}, []string{
			"Sergei Lavrov | current | hold | 2024-11-05",
			"Vladimir Putin | current | hold | 2024-11-05",
		}},
		{"leaders", map[string]string{"actor": "Russia", "as_of": "2024-11-04"}, []string{"leader"}, []string{}},
		{"leaders", map[string]string{"actor": "EU"}, []string{"leader", "role"}, []string{
			"Charles Michel | President of the European Council",
		}},
		{"network", nil, []string{"neighbour", "label", "hops", "via"}, []string{
			// Leaders, states, organizations and places before events,
			// the newest events first.
			"Paul Kagame | Leader | 1 | REPRESENTS",
			"Democratic Republic of the Congo | State | 1 | DEMANDS",
			"M23 | Organization | 1 | SUPPORTS",
			"Luanda talks between Kinshasa and Kigali | Event | 1 | PARTY_TO",
			"Felix Tshisekedi | Leader | 2 | DEMANDS, REPRESENTS",
			"Angola | State | 2 | PARTY_TO, MEDIATES",
			"Goma | Region | 2 | SUPPORTS, CONTROLS",
			"Luanda | Region | 2 | PARTY_TO, LOCATED_IN",
			"North Kivu | Region | 2 | DEMANDS, LOCATED_IN",
			"Doha meeting of Tshisekedi and Kagame | Event | 2 | REPRESENTS, PARTY_TO",
			"Battle for Goma | Event | 2 | DEMANDS, PARTY_TO",
		}},
		{"network", map[string]string{"actor": "Rwanda", "min_confidence": "0.75"}, []string{"neighbour", "hops", "graph"}, []string{
			// SUPPORTS from two articles merges to 0.88; the Luanda talks
			// (0.7) and what lies beyond them drop out.
			"Paul Kagame | 1 | (Rwanda)<-[:REPRESENTS]-(Paul Kagame)",
			"Democratic Republic of the Congo | 1 | (Rwanda)<-[:DEMANDS]-(Democratic Republic of the Congo)",
			"M23 | 1 | (Rwanda)-[:SUPPORTS]->(M23)",
			"Felix Tshisekedi | 2 | (Rwanda)<-[:DEMANDS]-(Democratic Republic of the Congo)<-[:REPRESENTS]-(Felix Tshisekedi)",
			"Goma | 2 | (Rwanda)-[:SUPPORTS]->(M23)-[:CONTROLS]->(Goma)",
			"North Kivu | 2 | (Rwanda)<-[:DEMANDS]-(Democratic Republic of the Congo)<-[:LOCATED_IN]-(North Kivu)",
			"Doha meeting of Tshisekedi and Kagame | 2 | (Rwanda)<-[:REPRESENTS]-(Paul Kagame)-[:PARTY_TO]->(Doha meeting of Tshisekedi and Kagame)",
			"Battle for Goma | 2 | (Rwanda)<-[:DEMANDS]-(Democratic Republic of the Congo)-[:PARTY_TO]->(Battle for Goma)",
		}},
		{"timeline", map[string]string{"name": "Democratic Republic of the Congo"}, []string{"date", "type", "event", "how", "parties", "mediators", "places"}, []string{
			"2024-12-15 | talks | Luanda talks between Kinshasa and Kigali | party | Democratic Republic of the Congo, Rwanda | Angola | Luanda",
			"2025-01-26 | armed_conflict | Battle for Goma | located in, party | Democratic Republic of the Congo, M23 |  | Goma",
			"2025-03-18 | talks | Doha meeting of Tshisekedi and Kagame | party | Felix Tshisekedi, Paul Kagame | Qatar | Doha",
		}},
		{"timeline", map[string]string{"name": "Qatar", "from": "2025-02-01"}, []string{"date", "event", "how"}, []string{
			"2025-03-18 | Doha meeting of Tshisekedi and Kagame | located in, mediator",
		}},
		{"timeline", nil, []string{"date", "event", "how"}, []string{
			"2025-01-15 | Doha ceasefire talks on Gaza | party",
			" | Gaza war | party",
		}},
		{"timeline", map[string]string{"name": "gaza"}, []string{"date", "event", "how", "places"}, []string{
			// The cease-fire talks in Doha between the two sides that hold
			// ground in Gaza belong to its timeline.
			"2025-01-15 | Doha ceasefire talks on Gaza | between its sides | Doha",
			" | Gaza war | located in, between its sides | Gaza Strip",
		}},
		{"timeline", map[string]string{"name": "Félix Tshisékédi"}, []string{"focus", "date", "event", "how"}, []string{
			// Any case, any accents.
			"Felix Tshisekedi | 2025-03-18 | Doha meeting of Tshisekedi and Kagame | party",
		}},
		{"shortest-path", nil, []string{"from", "to", "hops", "relations", "graph"}, []string{
			"Qatar | Israel | 2 | MEDIATES, PARTY_TO | (Qatar)-[:MEDIATES]->(Doha ceasefire talks on Gaza)<-[:PARTY_TO]-(Israel)",
		}},
		{"shortest-path", map[string]string{"a": "Armenia", "b": "Rwanda"}, []string{"hops"}, []string{}},
		{"shortest-path", map[string]string{"a": "Pashinyan", "b": "EU"}, []string{"hops", "steps"}, []string{
			"2 | Nikol Pashinyan, Brussels talks on Armenia-Azerbaijan peace treaty, European Union",
		}},
		// Searched from the end with fewer relationships, listed from a.
		{"shortest-path", map[string]string{"a": "Israel", "b": "Qatar"}, []string{"from", "hops", "steps", "relations"}, []string{
			"Israel | 2 | Israel, Doha ceasefire talks on Gaza, Qatar | PARTY_TO, MEDIATES",
		}},
		{"most-mentioned", map[string]string{"from": "2025-01-01", "limit": "4"}, []string{"actor", "label", "articles", "first", "last"}, []string{
			"Democratic Republic of the Congo | State | 2 | 2025-01-29 | 2025-03-20",
			"Felix Tshisekedi | Leader | 2 | 2025-01-29 | 2025-03-20",
			"M23 | Organization | 2 | 2025-01-29 | 2025-03-20",
			"Paul Kagame | Leader | 2 | 2025-01-29 | 2025-03-20",
		}},
		{"most-mentioned", map[string]string{"to": "2024-12-31", "labels": "Region"}, []string{"actor", "articles"}, []string{
			"Brussels | 1", "Moscow | 1", "Nagorno-Karabakh | 1",
		}},
		{"new-since", map[string]string{"since": "2025-03-01"}, []string{"first_seen", "kind", "what", "subject", "object"}, []string{
			"2025-03-20 | entity | Event | Doha meeting of Tshisekedi and Kagame | ",
			"2025-03-20 | entity | Organization | March 23 Movement | ",
			"2025-03-20 | entity | Region | Palestine | ",
			"2025-03-20 | fact | LOCATED_IN | Doha meeting of Tshisekedi and Kagame | Doha",
			"2025-03-20 | fact | MEDIATES | Qatar | Doha meeting of Tshisekedi and Kagame",
			"2025-03-20 | fact | PARTY_TO | Felix Tshisekedi | Doha meeting of Tshisekedi and Kagame",
			"2025-03-20 | fact | PARTY_TO | Paul Kagame | Doha meeting of Tshisekedi and Kagame",
		}},
		{"new-since", map[string]string{"since": "2024-11-01", "limit": "3"}, []string{"first_seen", "what", "subject"}, []string{
			"2025-03-20 | Event | Doha meeting of Tshisekedi and Kagame",
			"2025-03-20 | Organization | March 23 Movement",
			"2025-03-20 | Region | Palestine",
		}},
		{"evidence", map[string]string{"from": "m23 rebels", "to": "Goma"}, []string{"relation", "from", "to", "confidence", "sentence", "article", "published"}, []string{
			// Each sentence with its article; the surer article first.
			"CONTROLS | M23 | Goma | 0.97 | M23 has run Goma since January. | Qatar hosts Congo and Rwanda as M23 holds Goma | 2025-03-20",
			"CONTROLS | M23 | Goma | 0.97 | M23 rebels took the airport and most of Goma. | Rebels seize Goma as Congo demands Rwandan withdrawal | 2025-01-29",
		}},
		{"evidence", map[string]string{"from": "Russia", "type": "CONTROLS"}, []string{"to", "sentence", "article", "published"}, []string{
			// An article with neither date nor title: its URL, undated.
			"Abkhazia | Russian forces remain in Abkhazia. | https://example.org/6 | undated",
			"Abkhazia | Moscow has kept troops in Abkhazia since the war, and the territory now answers to the Kremlin. | https://example.org/6 | undated",
		}},
		{"loaded-since", map[string]string{"since": "today", "limit": "2"}, []string{"kind", "what", "subject", "detail"}, []string{
			// The newest articles: loaded at once, the last ids first.
			"article | Article | Putin hosts Armenian and Azerbaijani ministers | 2024-11-05",
			"article | Article | Rebels seize Goma as Congo demands Rwandan withdrawal | 2025-01-29",
		}},
		{"loaded-since", map[string]string{"since": "2999-01-01"}, []string{"kind"}, []string{}},
		{"evidence", map[string]string{"from": "Azerbaijan", "type": "demands"}, []string{"relation", "from", "to", "detail", "sentence", "article"}, []string{
			"DEMANDS | Azerbaijan | Armenia | changes to the Armenian constitution | Baku insists Armenia change its constitution before any treaty is signed. | Armenian and Azerbaijani leaders meet in Brussels",
		}},
		{"evidence", map[string]string{"from": "Qatar", "to": "Doha meeting of Tshisekedi and Kagame"}, []string{"relation", "from", "sentence", "article", "published"}, []string{
			"MEDIATES | Qatar | The emir of Qatar hosted Tshisekedi and Kagame in Doha. | Qatar hosts Congo and Rwanda as M23 holds Goma | 2025-03-20",
		}},
		{"mediation-leaderboard", nil, []string{"mediator", "events", "sides", "articles"}, []string{
			"Qatar | 2 | 4 | 2",
			"Angola | 1 | 2 | 1",
			"Egypt | 1 | 2 | 1",
			"European Union | 1 | 2 | 1",
			"Russia | 1 | 2 | 1",
			"United States | 1 | 2 | 1",
		}},
		{"mediation-leaderboard", map[string]string{"since": "2025-01-01", "limit": "2"}, []string{"mediator", "events"}, []string{
			"Qatar | 2", "Egypt | 1",
		}},
		{"co-occurring", nil, []string{"actor", "articles", "relations"}, []string{
			"Benjamin Netanyahu | 1 | ",
			"Egypt | 1 | ",
			"Israel | 1 | DEMANDS, FIGHTS",
			"Palestine | 1 | ",
			"Qatar | 1 | ",
			"United States | 1 | ",
		}},
		{"co-occurring", map[string]string{"actor": "Kagame", "min_articles": "2"}, []string{"actor", "label", "articles", "relations"}, []string{
			"Democratic Republic of the Congo | State | 2 | ",
			"Felix Tshisekedi | Leader | 2 | ",
			"M23 | Organization | 2 | ",
			"Rwanda | State | 2 | REPRESENTS",
		}},
		{"pairs", map[string]string{"limit": "3"}, []string{"actor", "other", "articles"}, []string{
			"Armenia | Azerbaijan | 2",
			"Democratic Republic of the Congo | Felix Tshisekedi | 2",
			"Democratic Republic of the Congo | M23 | 2",
		}},
		{"search", nil, []string{"name", "label", "id"}, []string{
			"North Kivu | Region | region:north-kivu",
		}},
		{"search", map[string]string{"q": "doha*", "limit": "3"}, []string{"name", "label"}, []string{
			"Doha | Region",
			"Doha ceasefire talks on Gaza | Event",
			"Qatar | State",
		}},
		{"duplicates", nil, []string{"name", "label", "other", "other_label", "reasons"}, []string{
			"M23 | Organization | March 23 Movement | Organization | shared alias march 23 movement",
			"Nikol Pashinian | Leader | Nikol Pashinyan | Leader | one edit apart",
			"Palestine | Region | Palestine | State | same slug palestine",
		}},
		// The node fewer articles mention merges into the other.
		{"duplicates", nil, []string{"command"}, []string{
			"geokg curate merge org:march-23-movement org:m23 --name 'M23' --kind armed_group --why 'duplicates: shared alias march 23 movement'",
			"geokg curate merge leader:nikol-pashinyan leader:nikol-pashinian --name 'Nikol Pashinian' --why 'duplicates: one edit apart'",
			"geokg curate merge region:palestine state:palestine --name 'Palestine' --why 'duplicates: same slug palestine'",
		}},
		{"duplicates", map[string]string{"min_length": "16"}, []string{"name", "reasons"}, []string{
			"M23 | shared alias march 23 movement",
			"Palestine | same slug palestine",
		}},
		{"actor", nil, []string{"name", "label", "kind", "aliases", "articles", "first_seen", "relations"}, []string{
			"Hamas | Organization | armed_group | Islamic Resistance Movement | 1 | 2025-02-10 | PARTY_TO> 2, CONTROLS> 1, DEMANDS> 1, <DEMANDS 1, <FIGHTS 1",
		}},
		{"actor", map[string]string{"name": "Palestine"}, []string{"label", "articles", "relations"}, []string{
			"Region | 1 | ", "State | 1 | ",
		}},
		{"allies-and-enemies", nil, []string{"relation", "other", "confidence", "articles"}, []string{
			"supports | M23 | 0.88 | 2",
		}},
		{"allies-and-enemies", map[string]string{"actor": "M23"}, []string{"relation", "other", "confidence"}, []string{
			"fights | Democratic Republic of the Congo | 0.97",
			"supported by | Rwanda | 0.88",
		}},
		{"allies-and-enemies", map[string]string{"actor": "M23", "min_confidence": "0.9"}, []string{"relation", "other"}, []string{
			"fights | Democratic Republic of the Congo",
		}},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.query] = true
		t.Run(tt.query, func(t *testing.T) {
			res := runNamed(t, db, lib, tt.query, tt.params)
			got := project(t, res, tt.cols...)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s %v: rows\n  %s\nwant\n  %s", tt.query, tt.params, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
	for _, q := range lib.All() {
		if !covered[q.Name] {
			t.Errorf("query %s has no test", q.Name)
		}
	}

	// Neo4j Browser's :params {limit: 25} sets every number as a float,
	// and dates come as strings: each query must take its defaults in that
	// form too, and return the same rows.
	for _, q := range lib.All() {
		params, _ := q.Bind(nil)
		want, err := Run(context.Background(), db, q, params)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range params {
			params[k] = asBrowser(v)
		}
		got, err := Run(context.Background(), db, q, params)
		if err != nil {
			t.Errorf("%s with Browser's parameter types: %v", q.Name, err)
			continue
		}
		if len(want.Rows) == 0 || !reflect.DeepEqual(got.Rows, want.Rows) {
			t.Errorf("%s: %d rows with Browser's parameter types, %d with typed ones (want the same, and some)", q.Name, len(got.Rows), len(want.Rows))
		}
	}
}

// asBrowser is v as Browser's :params sends it: numbers as floats, dates
// as ISO strings.
func asBrowser(v any) any {
	switch v := v.(type) {
	case int64:
		return float64(v)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = asBrowser(x)
		}
		return out
	}
	return plainParam(v)
}

// TestPlans checks that the queries that start from a name find it through
// the full-text index of names without events, not by scanning nodes.
func TestPlans(t *testing.T) {
	db := neo4jtest.DB(t)
	loadFixture(t, db)
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range lib.All() {
		if !strings.Contains(q.Cypher(), "db.index.fulltext.queryNodes('"+store.ActorIndex+"'") {
			if strings.Contains(q.Cypher(), "db.index.fulltext") && q.Name != "search" {
				t.Errorf("%s: uses a full-text index other than %s", q.Name, store.ActorIndex)
			}
			continue
		}
		n++
		params, _ := q.Bind(nil)
		plan, err := Explain(context.Background(), db, q, params)
		if err != nil {
			t.Fatal(err)
		}
		ops := plan.Operators()
		for _, op := range ops {
			if wholeScan(op) {
				t.Errorf("%s: plan scans (%s):\n%s", q.Name, op, plan)
			}
		}
		if !slices.Contains(ops, "ProcedureCall") {
			t.Errorf("%s: plan does not call the full-text index:\n%s", q.Name, plan)
		}
	}
	if n < 10 {
		t.Errorf("only %d queries start from a name; want the plan of at least 10 checked", n)
	}
	// The queries of a time window start from the range indexes of their
	// dates: they read what the window holds, not every node or
	// relationship of a label or type. On the test's small graph the
	// planner may read a whole range index rather than seek in it, which
	// it costs the same; reading a label or a type is what must not
	// happen.
	for _, name := range []string{"loaded-since", "mediation-leaderboard", "most-mentioned", "new-since"} {
		q, err := lib.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		params, _ := q.Bind(nil)
		plan, err := Explain(context.Background(), db, q, params)
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range plan.Operators() {
			if wholeScan(op) {
				t.Errorf("%s: plan scans (%s):\n%s", name, op, plan)
			}
		}
	}
}

// wholeScan reports whether a plan operator reads every node, or every
// node or relationship of a label or type.
func wholeScan(op string) bool {
	switch op {
	case "AllNodesScan", "NodeByLabelScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan",
		"DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan":
		return true
	}
	return false
}

// runNamed binds the command-line style params to the named query and runs
// it, failing the test on any error.
func runNamed(t *testing.T, db *store.DB, lib *Library, name string, params map[string]string) *Result {
	t.Helper()
	q, err := lib.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	bound, err := q.Bind(params)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), db, q, bound)
	if err != nil {
		t.Fatal(err)
	}
	// The form for scripts gives the same table, row for row.
	tab, err := RunTable(context.Background(), db, q, bound)
	if err != nil {
		t.Fatalf("%s, table form: %v", name, err)
	}
	want := res.Without(GraphColumn)
	if g, w := project(t, tab, tab.Columns...), project(t, want, want.Columns...); !slices.Equal(tab.Columns, want.Columns) || !slices.Equal(g, w) {
		t.Errorf("%s %v: the table form differs:\n  columns %v, want %v\n  %s\nwant\n  %s", name, params,
			tab.Columns, want.Columns, strings.Join(g, "\n  "), strings.Join(w, "\n  "))
	}
	return res
}

// TestLoadedSince checks that what a load brought is listed by load time:
// the articles, the entities and the facts new to the graph.
func TestLoadedSince(t *testing.T) {
	db := neo4jtest.DB(t)
	loadFixture(t, db)
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	got := project(t, runNamed(t, db, lib, "loaded-since", map[string]string{"since": "1d", "limit": "1000"}), "kind", "what", "subject", "object", "detail")
	for _, want := range []string{
		"article | Article | https://example.org/6 |  | undated",
		"entity | Region | Abkhazia |  | ",
		"entity | Event | Doha meeting of Tshisekedi and Kagame |  | ",
		"fact | CONTROLS | Russia | Abkhazia | ",
		"fact | DEMANDS | Azerbaijan | Armenia | changes to the Armenian constitution",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no row %q in\n  %s", want, strings.Join(got, "\n  "))
		}
	}
	// The same load again adds nothing and changes no load time.
	loadFixture(t, db)
	again := project(t, runNamed(t, db, lib, "loaded-since", map[string]string{"since": "1d", "limit": "1000"}), "kind", "what", "subject", "object", "detail")
	if !slices.Equal(again, got) {
		t.Errorf("a second load changed what was loaded since yesterday:\n  %s", strings.Join(again, "\n  "))
	}
}

// TestNoMatch checks what a query answers when a name matches nothing of
// its kind, or a word is outside its vocabulary: Run fails with the
// messages, and the query itself (as Browser runs it) returns them as
// rows, the message in the first column.
func TestNoMatch(t *testing.T) {
	db := neo4jtest.DB(t)
	loadFixture(t, db)
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query  string
		params map[string]any // as Browser sends them: strings, no check at Bind
		want   []string
	}{
		{"allies-and-enemies", map[string]any{"actor": "Atlantis"}, []string{
			`No State, Organization or Leader is named "Atlantis".`}},
		{"allies-and-enemies", map[string]any{"actor": "Gaza"}, []string{
			// An alias of a region: not an actor, but a close name.
			`No State, Organization or Leader is named "Gaza". Close names: Gaza Strip (Region), Goma (Region).`}},
		{"mediators", map[string]any{"a": "Armenia", "b": "Azerbijan"}, []string{
			`No State, Organization or Leader is named "Azerbijan". Close names: Azerbaijan (State).`}},
		{"region-mediators", map[string]any{"region": "Congolese army"}, []string{
			`No Region or State is named "Congolese army". Close names: Armed Forces of the Democratic Republic of the Congo (Organization).`}},
		{"evidence", map[string]any{"from": "M23", "type": "OWNS"}, []string{
			`type "OWNS" is not a relationship type: one of MENTIONS, REPRESENTS, MEDIATES, PARTY_TO, CONTROLS, DEMANDS, LOCATED_IN, SUPPORTS, FIGHTS, or "" for any.`}},
		{"most-mentioned", map[string]any{"labels": []any{"State", "Town"}}, []string{
			`labels: "Town" is not a label: one of Article, Leader, State, Region, Organization, Event.`}},
	}
	for _, tt := range tests {
		q, err := lib.Get(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		params, _ := q.Bind(nil)
		for k, v := range params {
			params[k] = asBrowser(v)
		}
		for k, v := range tt.params {
			params[k] = v
		}
		_, err = Run(context.Background(), db, q, params)
		var miss *NoMatchError
		if !errors.As(err, &miss) || !slices.Equal(miss.Problems, tt.want) {
			t.Errorf("%s %v: Run err = %v, want the problems %q", tt.query, tt.params, err, tt.want)
		}
		res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, q.Cypher(), params, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		// The messages come last, each alone in its row. A list with a
		// word outside the vocabulary may leave rows for the others.
		var got []string
		for _, r := range res.Records {
			alone := true
			for _, v := range r.Values[1:] {
				alone = alone && v == nil
			}
			if alone {
				got = append(got, fmt.Sprint(r.Values[0]))
			} else if len(got) > 0 || tt.query != "most-mentioned" {
				t.Errorf("%s: a row beside the messages: %v", tt.query, r.Values)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %v: the query returns\n  %q\nwant\n  %q", tt.query, tt.params, got, tt.want)
		}
	}
}

// TestEvidenceUnpaired checks evidence for a relationship read with
// several sources at once, whose sentences the loader keeps on the
// relationship because they cannot be told apart by article: its
// sentences are listed without an article, and its articles without a
// sentence, rather than the one or the other left out.
func TestEvidenceUnpaired(t *testing.T) {
	db := neo4jtest.DB(t)
	lib := loadFixtureAnd(t, db, `{"type":"node","id":"state:angola","labels":["State"],"properties":{"id":"state:angola","name":"Angola"}}
{"type":"node","id":"state:egypt","labels":["State"],"properties":{"id":"state:egypt","name":"Egypt"}}
{"type":"relationship","id":"rel:SUPPORTS:state:angola:state:egypt","label":"SUPPORTS","start":{"id":"state:angola","labels":["State"]},"end":{"id":"state:egypt","labels":["State"]},"properties":{"sources":["article:goma","article:doha"],"evidence":["Angola backs Egypt.","Luanda stands with Cairo."],"confidence":0.7}}
`)
	got := project(t, runNamed(t, db, lib, "evidence", map[string]string{"from": "Angola", "type": "SUPPORTS"}), "to", "sentence", "article", "published")
	want := []string{
		"Egypt | Angola backs Egypt. |  | ",
		"Egypt | Luanda stands with Cairo. |  | ",
		"Egypt |  | Mediators press Israel and Hamas on Gaza truce | 2025-02-10",
		"Egypt |  | Rebels seize Goma as Congo demands Rwandan withdrawal | 2025-01-29",
	}
	if !slices.Equal(got, want) {
		t.Errorf("evidence:\n  got  %s\n  want %s", strings.Join(got, "\n       "), strings.Join(want, "\n       "))
	}
}

// TestPartialDates checks the windows of events dated by their month only
// ("2025-03"), which carry no false day: such an event is in a window that
// starts within its month, and not in one that starts after it.
func TestPartialDates(t *testing.T) {
	db := neo4jtest.DB(t)
	lib := loadFixtureAnd(t, db, `{"type":"node","id":"article:cairo","labels":["Article"],"properties":{"id":"article:cairo","title":"Egypt to host Angola talks","url":"","published":"2025-04-02"}}
{"type":"node","id":"state:angola","labels":["State"],"properties":{"id":"state:angola","name":"Angola"}}
{"type":"node","id":"state:egypt","labels":["State"],"properties":{"id":"state:egypt","name":"Egypt"}}
{"type":"node","id":"event:cairo-talks","labels":["Event"],"properties":{"id":"event:cairo-talks","type":"talks","name":"Cairo talks on Angola","date":"2025-03"}}
{"type":"relationship","id":"rel:MEDIATES:state:egypt:event:cairo-talks","label":"MEDIATES","start":{"id":"state:egypt","labels":["State"]},"end":{"id":"event:cairo-talks","labels":["Event"]},"properties":{"sources":["article:cairo"],"evidence":["Egypt hosted talks on Angola in March."],"confidence":0.8}}
{"type":"relationship","id":"rel:PARTY_TO:state:angola:event:cairo-talks","label":"PARTY_TO","start":{"id":"state:angola","labels":["State"]},"end":{"id":"event:cairo-talks","labels":["Event"]},"properties":{"sources":["article:cairo"],"evidence":["Egypt hosted talks on Angola in March."],"confidence":0.8}}
`)
	for _, c := range []struct {
		query  string
		params map[string]string
		cols   []string
		want   []string
	}{
		{"mediation-leaderboard", map[string]string{"since": "2025-03-15"}, []string{"mediator", "events", "last_event"}, []string{"Qatar | 1 | 2025-03-18", "Egypt | 1 | 2025-03"}},
		{"mediation-leaderboard", map[string]string{"since": "2025-04-01"}, []string{"mediator"}, []string{}},
		{"timeline", map[string]string{"name": "Angola", "from": "2025-03-15"}, []string{"date", "event", "how"}, []string{"2025-03 | Cairo talks on Angola | party"}},
		{"timeline", map[string]string{"name": "Angola", "from": "2025-04-01"}, []string{"date", "event"}, []string{}},
		{"timeline", map[string]string{"name": "Angola", "to": "2025-02-28"}, []string{"event"}, []string{"Luanda talks between Kinshasa and Kigali"}},
	} {
		got := project(t, runNamed(t, db, lib, c.query, c.params), c.cols...)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %v:\n  got  %q\n  want %q", c.query, c.params, got, c.want)
		}
	}
}

// loadFixtureAnd loads the fixture graph and then the JSON lines of one
// more article, and returns the query library.
func loadFixtureAnd(t *testing.T, db *store.DB, jsonl string) *Library {
	t.Helper()
	loadFixture(t, db)
	b, err := graph.ReadJSONL(strings.NewReader(jsonl))
	if err != nil {
		t.Fatal(err)
	}
	if _, errs, err := store.NewLoader(db).Write(context.Background(), []*graph.Batch{b}); err != nil || errs[0] != nil {
		t.Fatal(err, errs)
	}
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// demands lists the newest limit demands each way, a leader's made for
// its state; ties of a day by the names of their ends.
func TestDemandsNewestFirst(t *testing.T) {
	db := neo4jtest.DB(t)
	ru, leader := node(graph.LabelState, "Ruritania"), node(graph.LabelLeader, "Rudolf Rassendyll")
	first := report("article:dem-0", "2024-01-01", ru, leader)
	first.Rels = append(first.Rels, fact(graph.RelRepresents, leader, ru, "article:dem-0"))
	batches := []*graph.Batch{first}
	for i, d := range []struct {
		by, of graph.Node
		day    string
	}{
		{ru, node(graph.LabelState, "Arland"), "2024-01-02"},
		{leader, node(graph.LabelState, "Borovia"), "2024-01-05"},
		{ru, node(graph.LabelState, "Cestia"), "2024-01-04"},
		{ru, node(graph.LabelState, "Dravia"), "2024-01-05"},
		{node(graph.LabelState, "Arland"), ru, "2024-01-03"},
		{node(graph.LabelState, "Estmark"), leader, "2024-01-06"},
		{node(graph.LabelState, "Borovia"), ru, "2024-01-01"},
	} {
		id := fmt.Sprintf("article:dem-%d", i+1)
		b := report(id, d.day, d.by, d.of)
		r := fact(graph.RelDemands, d.by, d.of, id)
		r.Props["demand"] = "a demand"
		b.Rels = append(b.Rels, r)
		batches = append(batches, b)
	}
	lib := loadGraph(t, db, batches)
	for _, c := range []struct {
		limit string
		want  []string
	}{
		{"", []string{
			"by | Rudolf Rassendyll | Borovia | 2024-01-05", "by | Ruritania | Dravia | 2024-01-05", "by | Ruritania | Cestia | 2024-01-04", "by | Ruritania | Arland | 2024-01-02",
			"of | Estmark | Rudolf Rassendyll | 2024-01-06", "of | Arland | Ruritania | 2024-01-03", "of | Borovia | Ruritania | 2024-01-01",
		}},
		{"2", []string{
			"by | Rudolf Rassendyll | Borovia | 2024-01-05", "by | Ruritania | Dravia | 2024-01-05",
			"of | Estmark | Rudolf Rassendyll | 2024-01-06", "of | Arland | Ruritania | 2024-01-03",
		}},
		{"1", []string{"by | Rudolf Rassendyll | Borovia | 2024-01-05", "of | Estmark | Rudolf Rassendyll | 2024-01-06"}},
	} {
		params := map[string]string{"actor": "Ruritania"}
		if c.limit != "" {
			params["limit"] = c.limit
		}
		got := project(t, runNamed(t, db, lib, "demands", params), "direction", "from", "to", "last_seen")
		if !slices.Equal(got, c.want) {
			t.Errorf("demands, limit %q:\n  %s\nwant\n  %s", c.limit, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
		}
	}
}
