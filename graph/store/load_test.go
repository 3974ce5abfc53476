package store_test

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/internal/synth"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// corpus is n synthetic articles' graphs.
func corpus(t testing.TB, seed uint64, from, n int) []*graph.Batch {
	t.Helper()
	d, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := synth.New(d, seed)
	if err != nil {
		t.Fatal(err)
	}
	var out []*graph.Batch
	for i := from; i < from+n; i++ {
		_, b := g.Article(i)
		out = append(out, b)
	}
	return out
}

// canon is a graph as sorted JSON lines.
func canon(t testing.TB, b *graph.Batch) string { return neo4jtest.Canon(t, b) }

// testDB is an empty database with geokg's schema.
func testDB(t testing.TB) *store.DB {
	t.Helper()
	db := neo4jtest.DB(t)
	if _, err := db.ApplySchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

func dumpDB(t testing.TB, db *store.DB) string { return neo4jtest.Dump(t, db) }

func write(t testing.TB, l *store.Loader, batches []*graph.Batch) graph.Stats {
	t.Helper()
	st, errs, err := l.Write(context.Background(), batches)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range errs {
		if e != nil {
			t.Fatalf("batch %d: %v", i, e)
		}
	}
	return st
}

// Building the indexes of a large graph outlasts the query timeout, as
// at the end of a bulk load: the wait for them is no one query, and
// schema apply succeeds. (With one await of all of them this graph's
// build took 8 s against a timeout of 1 s, and failed.)
func TestSchemaApplyOutlastsTheQueryTimeout(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	for k := range 12 {
		if _, err := neo4j.ExecuteQuery(ctx, db.Driver, `UNWIND range($from, $from + 49999) AS i
CREATE (:Evidence {id: 'e' + i, fact: 'f' + (i % 1000), article: 'a' + i, key: ' a' + i, observed: '2020-01-01', change: 'start'})`,
			map[string]any{"from": k * 50000}, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	}
	for _, ix := range []string{"evidence_fact", "evidence_article", "evidence_fact_observed_key", "evidence_fact_change"} {
		if _, err := neo4j.ExecuteQuery(ctx, db.Driver, "DROP INDEX "+ix, nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	}
	old := db.Config.QueryTimeout
	db.Config.QueryTimeout = time.Second
	t.Cleanup(func() { db.Config.QueryTimeout = old })
	created, err := db.ApplySchema(ctx)
	if err != nil {
		t.Fatalf("schema apply with a query timeout shorter than the index build: %v", err)
	}
	if len(created) != 4 {
		t.Errorf("created %v, want the four indexes of Evidence", created)
	}
	res, err := neo4j.ExecuteQuery(ctx, db.Driver, "SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE' RETURN name", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) > 0 {
		t.Errorf("schema apply returned with indexes not online: %v", res.Records)
	}
}

func TestSchemaApplyIdempotent(t *testing.T) {
	db := neo4jtest.DB(t)
	neo4jtest.DropSchema(t, db)
	ctx := context.Background()
	// A full-text index made before it folded accents is made again.
	if _, err := neo4j.ExecuteQuery(ctx, db.Driver, "CREATE FULLTEXT INDEX "+store.FulltextIndex+" FOR (n:State) ON EACH [n.name]",
		nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
	// An index that a wider one replaced is dropped: it costs every write.
	for _, q := range []string{
		"CREATE INDEX evidence_fact_observed FOR (n:Evidence) ON (n.fact, n.observed)",
		"CREATE INDEX party_to_actor_starts FOR ()-[r:PARTY_TO]-() ON (r.actor, r.starts)",
	} {
		if _, err := neo4j.ExecuteQuery(ctx, db.Driver, q, nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	}
	created, err := db.ApplySchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(created) != len(store.Schema()) {
		t.Errorf("apply on an empty schema created %v, want all %d", created, len(store.Schema()))
	}
	if left := column(t, db, "SHOW INDEXES YIELD name WHERE name IN ['evidence_fact_observed', 'party_to_actor_starts'] RETURN name"); len(left) > 0 {
		t.Errorf("apply left the retired index %v", left)
	}
	ok, err := db.HasSchema(ctx)
	if err != nil || !ok {
		t.Fatalf("HasSchema after apply = %v, %v", ok, err)
	}
	created, err = db.ApplySchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(created) != 0 {
		t.Errorf("second apply created %v", created)
	}
	// The full-text index covers aliases, a list property, and folds
	// accents both ways.
	id := graph.EntityID(graph.LabelState, "Ruritania")
	b := &graph.Batch{Nodes: []graph.Node{{ID: id, Labels: []graph.Label{graph.LabelState},
		Props: map[string]any{"id": id, "name": "Ruritania", "aliases": []any{"Ruritanian Républic"}}}}}
	write(t, store.NewLoader(db), []*graph.Batch{b})
	for _, q := range []string{"ruritanian", "republic", "rurítania"} {
		res, err := neo4j.ExecuteQuery(ctx, db.Driver, "CALL db.index.fulltext.queryNodes($idx, $q) YIELD node RETURN node.id AS id",
			map[string]any{"idx": store.FulltextIndex, "q": q}, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Records) != 1 || res.Records[0].Values[0] != id {
			t.Errorf("full-text search for %q found %v, want %s", q, res.Records, id)
		}
	}
}

func TestLoadIdempotentAndCounted(t *testing.T) {
	db := testDB(t)
	l := store.NewLoader(db)
	l.BatchSize = 100
	batches := corpus(t, 2, 0, 80)
	first := write(t, l, batches)
	if first.NodesCreated == 0 || first.RelsCreated == 0 {
		t.Fatalf("first load created nothing: %+v", first)
	}
	want := dumpDB(t, db)
	loadTimes := func() string {
		res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, `
CALL () { MATCH (n) RETURN n.id AS id, n.loaded_at AS at UNION ALL MATCH ()-[r]->() RETURN r.id AS id, r.loaded_at AS at }
RETURN count(*) AS n, count(at) AS stamped, collect(id + ' ' + toString(at)) AS all`, nil, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatal(err)
		}
		m := res.Records[0].AsMap()
		if m["n"] != m["stamped"] {
			t.Errorf("%v of %v elements have loaded_at", m["stamped"], m["n"])
		}
		all := graph.Strings(m["all"])
		sort.Strings(all)
		return strings.Join(all, "\n")
	}
	stamps := loadTimes()
	again := write(t, l, batches)
	if again != (graph.Stats{}) {
		t.Errorf("second load of the same articles: %+v, want no change", again)
	}
	if loadTimes() != stamps {
		t.Error("loading the same articles again changed loaded_at")
	}
	if got := dumpDB(t, db); got != want {
		t.Errorf("graph changed on reload:\n%s", diff(want, got))
	}
	nodes := strings.Count(want, `"type":"node"`)
	if nodes != first.NodesCreated {
		t.Errorf("%d nodes in the database, %d counted as created", nodes, first.NodesCreated)
	}
}

// The database applies the same merge rules as Merger, whatever the order
// of the batches and however they are grouped into transactions.
func TestLoadMatchesMerger(t *testing.T) {
	db := testDB(t)
	batches := corpus(t, 3, 0, 60)
	m := graph.NewMerger()
	for _, b := range batches {
		m.Add(b)
	}
	want := canon(t, m.Batch())
	for _, tt := range []struct {
		name    string
		size    int
		reverse bool
	}{{"one transaction", 100000, false}, {"small transactions reversed", 30, true}, {"one article a transaction", 1, false}} {
		t.Run(tt.name, func(t *testing.T) {
			neo4jtest.Reset(t, db)
			l := store.NewLoader(db)
			l.BatchSize = tt.size
			in := append([]*graph.Batch(nil), batches...)
			if tt.reverse {
				for i, j := 0, len(in)-1; i < j; i, j = i+1, j-1 {
					in[i], in[j] = in[j], in[i]
				}
			}
			// Half first, then all: every element is merged into an
			// existing one at least once.
			write(t, l, in[:len(in)/2])
			write(t, l, in)
			if got := dumpDB(t, db); got != want {
				t.Errorf("database differs from Merger:\n%s", diff(want, got))
			}
		})
	}
}

func TestLoadConcurrentEqualsSequential(t *testing.T) {
	batches := corpus(t, 4, 0, 120)
	db := testDB(t)
	l := store.NewLoader(db)
	l.BatchSize = 50
	write(t, l, batches)
	want := dumpDB(t, db)

	neo4jtest.Reset(t, db)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			l := store.NewLoader(db)
			l.BatchSize = 40 + 10*w
			// Overlapping halves, in different orders.
			in := append([]*graph.Batch(nil), batches[(w%2)*40:]...)
			if w >= 2 {
				for i, j := 0, len(in)-1; i < j; i, j = i+1, j-1 {
					in[i], in[j] = in[j], in[i]
				}
			}
			st, errs, err := l.Write(context.Background(), in)
			if err != nil {
				t.Errorf("writer %d: %v", w, err)
			}
			for i, e := range errs {
				if e != nil {
					t.Errorf("writer %d batch %d: %v", w, i, e)
				}
			}
			_ = st
		}(w)
	}
	wg.Wait()
	write(t, store.NewLoader(db), batches[:40]) // the part only two writers had
	if got := dumpDB(t, db); got != want {
		t.Errorf("concurrent loads differ from one sequential load:\n%s", diff(want, got))
	}
}

func TestLoadBadBatchesFailAlone(t *testing.T) {
	db := testDB(t)
	l := store.NewLoader(db)
	good := corpus(t, 5, 0, 6)
	invalid := corpus(t, 5, 6, 1)[0]
	invalid.Rels[len(invalid.Rels)-1].Type = "LOVES"
	dangling := corpus(t, 5, 7, 1)[0]
	// A relationship to a node that is nowhere: the database rejects the
	// article's transaction, not its neighbours'.
	dangling.Rels = append(dangling.Rels, graph.Rel{ID: "rel:x", Type: graph.RelSupports,
		Start: dangling.Nodes[1].Ref(), End: graph.Ref{ID: "state:nowhere", Labels: []graph.Label{"State"}},
		Props: map[string]any{"sources": []any{dangling.Nodes[0].ID}, "evidence": []any{"x"}, "confidence": 0.5}})
	in := append([]*graph.Batch{invalid}, good[:3]...)
	in = append(in, dangling)
	in = append(in, good[3:]...)
	_, errs, err := l.Write(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range errs {
		bad := i == 0 || i == 4
		if bad != (e != nil) {
			t.Errorf("batch %d: error %v, want an error: %v", i, e, bad)
		}
	}
	var ids []string
	for _, b := range good {
		ids = append(ids, b.Nodes[0].ID)
	}
	ids = append(ids, invalid.Nodes[0].ID, dangling.Nodes[0].ID)
	loaded, err := l.Loaded(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		if loaded[id] != (i < len(good)) {
			t.Errorf("article %s loaded = %v", id, loaded[id])
		}
	}
}

// diff shows the first lines where two canonical dumps differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	fmt.Fprintf(&b, "want %d lines, got %d\n", len(w), len(g))
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var x, y string
		if i < len(w) {
			x = w[i]
		}
		if i < len(g) {
			y = g[i]
		}
		if x != y && shown < 3 {
			fmt.Fprintf(&b, "- %s\n+ %s\n", x, y)
			shown++
		}
	}
	return b.String()
}

// supportBatch is article i stating that Ruritania supports Freedonia.
func supportBatch(i int) *graph.Batch {
	id := fmt.Sprintf("article:%03d", i)
	published := fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)
	if i%11 == 0 {
		published = "" // undated articles rank before dated ones
	}
	a := graph.ArticleNode(id, "report "+id, "", published, "")
	b := &graph.Batch{Nodes: []graph.Node{a}}
	var ents []graph.Node
	for _, name := range []string{"Ruritania", "Freedonia"} {
		eid := graph.EntityID(graph.LabelState, name)
		n := graph.Node{ID: eid, Labels: []graph.Label{graph.LabelState}, Props: map[string]any{"id": eid, "name": name}}
		ents = append(ents, n)
		b.Nodes = append(b.Nodes, n)
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelMentions, id, eid), Type: graph.RelMentions, Start: a.Ref(), End: n.Ref(), Props: map[string]any{}})
	}
	b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelSupports, ents[0].ID, ents[1].ID), Type: graph.RelSupports,
		Start: ents[0].Ref(), End: ents[1].Ref(), Props: map[string]any{
			"sources": []any{id}, "confidence": 0.05 + float64(i%9)/10,
			"evidence": []any{fmt.Sprintf("Ruritania backs Freedonia (report %03d).", i)}, "rule": []any{fmt.Sprintf("rule-%d", i%3)}}})
	return b
}

// A relationship supported by more articles than sources keeps holds
// them all: its count is exact, its sources are the newest, its
// confidence the noisy-or of all, and ProvenanceQuery lists every article
// with its sentence, whatever the order and grouping of the loads.
func TestLoadManySourcesKeepsCountAndProvenance(t *testing.T) {
	const n = 3*graph.MaxSources + 7
	var batches []*graph.Batch
	for i := 0; i < n; i++ {
		batches = append(batches, supportBatch((i*17)%n)) // shuffled
	}
	db := testDB(t)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			l := store.NewLoader(db)
			l.BatchSize = 4 + 3*w
			in := batches[w*n/3 : n-(1-w)*n/3]
			if _, errs, err := l.Write(context.Background(), in); err != nil {
				t.Error(err)
			} else {
				for _, e := range errs {
					if e != nil {
						t.Error(e)
					}
				}
			}
		}(w)
	}
	wg.Wait()
	l := store.NewLoader(db)
	l.BatchSize = 1
	write(t, l, batches)
	if st := write(t, l, batches); st != (graph.Stats{}) {
		t.Errorf("loading the articles again changed %+v", st)
	}

	m := graph.NewMerger()
	for _, b := range batches {
		m.Add(b)
	}
	want := m.Batch()
	if got := dumpDB(t, db); got != canon(t, want) {
		t.Errorf("database differs from Merger:\n%s", diff(canon(t, want), got))
	}

	relID := graph.RelID(graph.RelSupports, graph.EntityID(graph.LabelState, "Ruritania"), graph.EntityID(graph.LabelState, "Freedonia"))
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, "MATCH ()-[r:SUPPORTS {id: $id}]->() RETURN properties(r) AS p",
		map[string]any{"id": relID}, neo4j.EagerResultTransformer)
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("relationship: %v, %d records", err, len(res.Records))
	}
	p := res.Records[0].AsMap()["p"].(map[string]any)
	if p["source_count"] != int64(n) {
		t.Errorf("source_count = %v, want %d", p["source_count"], n)
	}
	miss := 1.0
	type src struct{ published, id string }
	var all []src
	for i := 0; i < n; i++ {
		miss *= 1 - (0.05 + float64(i%9)/10)
		b := supportBatch(i)
		pub, _ := b.Nodes[0].Props["published"].(string)
		all = append(all, src{pub, b.Nodes[0].ID})
	}
	if c := p["confidence"].(float64); math.Abs(c-(1-miss)) > 1e-9 {
		t.Errorf("confidence = %v, want the noisy-or of all %d sources, %v", c, n, 1-miss)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].published != all[j].published {
			return all[i].published > all[j].published
		}
		return all[i].id > all[j].id
	})
	var newest []any
	for _, s := range all[:graph.MaxSources] {
		newest = append(newest, s.id)
	}
	if !reflect.DeepEqual(p["sources"], newest) {
		t.Errorf("sources = %v, want the %d newest %v", p["sources"], graph.MaxSources, newest)
	}
	if ev := p["evidence"].([]any); len(ev) != graph.MaxEvidence {
		t.Errorf("%d evidence sentences, want %d", len(ev), graph.MaxEvidence)
	}

	rows, err := db.Provenance(context.Background(), relID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n {
		t.Fatalf("provenance lists %d articles, want %d", len(rows), n)
	}
	for i, r := range rows {
		if r.Article != all[i].id {
			t.Errorf("provenance row %d is %s, want %s (newest first)", i, r.Article, all[i].id)
		}
		var k int
		fmt.Sscanf(r.Article, "article:%d", &k)
		if want := fmt.Sprintf("Ruritania backs Freedonia (report %03d).", k); len(r.Sentences) != 1 || r.Sentences[0] != want {
			t.Errorf("provenance of %s: sentences %v, want [%s]", r.Article, r.Sentences, want)
		}
	}
}

// Every CO_MENTIONED relationship keeps the ids of its ends, which its
// indexes by end and count read: loaded article by article, in bulk, and
// in a database loaded before they were kept, once the schema is applied.
func TestCoMentionsKeepTheirEnds(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	batches := corpus(t, 8, 0, 40)
	check := func(when string) {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, db.Driver, `MATCH (p)-[c:CO_MENTIONED]->(q)
RETURN count(*) AS all, count(CASE WHEN c.a = p.id AND c.b = q.id THEN 1 END) AS kept`, nil, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatal(err)
		}
		all, kept := res.Records[0].Values[0].(int64), res.Records[0].Values[1].(int64)
		if all == 0 || kept != all {
			t.Errorf("%s: %d of %d co-mentions keep their ends", when, kept, all)
		}
	}
	write(t, store.NewLoader(db), batches[:20])
	write(t, store.NewLoader(db), batches)
	check("loaded article by article")

	neo4jtest.Reset(t, db)
	bulkWrite(t, db, batches, 15)
	check("loaded in bulk")

	if _, err := neo4j.ExecuteQuery(ctx, db.Driver, "MATCH ()-[c:CO_MENTIONED]->() REMOVE c.a, c.b", nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
	neo4jtest.DropSchema(t, db)
	if _, err := db.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	check("loaded before, then the schema applied")
}
