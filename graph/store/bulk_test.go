package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// exported is an Exporter holding batches, closed when the test ends.
func exported(t testing.TB, batches []*graph.Batch) *graph.Exporter {
	t.Helper()
	x, err := graph.NewExporter(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	for _, b := range batches {
		if err := x.Add(b); err != nil {
			t.Fatal(err)
		}
	}
	return x
}

func bulkWrite(t testing.TB, db *store.DB, batches []*graph.Batch, size int) graph.Stats {
	t.Helper()
	b := store.NewBulk(db)
	b.BatchSize = size
	st, err := b.Write(context.Background(), exported(t, batches))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestBulkMatchesMerge(t *testing.T) {
	db := testDB(t)
	batches := corpus(t, 3, 0, 60)
	// Many articles supporting one relationship, beyond the sources kept.
	for i := 0; i < graph.MaxSources+4; i++ {
		batches = append(batches, supportBatch(i))
	}
	write(t, store.NewLoader(db), batches)
	want := dumpDB(t, db)

	neo4jtest.Reset(t, db)
	st := bulkWrite(t, db, batches, 70)
	if got := dumpDB(t, db); got != want {
		t.Fatalf("bulk load differs from merging the same articles:\n%s", diff(want, got))
	}
	if st.NodesCreated == 0 || st.RelsCreated == 0 {
		t.Errorf("stats %+v: nothing counted as created", st)
	}
	if err := db.CheckBulk(context.Background()); err != nil {
		t.Errorf("a finished bulk load is reported: %v", err)
	}
	// The indexes it builds at the end are all there.
	if ok, err := db.HasSchema(context.Background()); err != nil || !ok {
		t.Errorf("after a bulk load, the whole schema is there: %v, %v", ok, err)
	}
	// Merging the same articles again, as the next periodic run does,
	// changes nothing; new ones merge into the graph.
	write(t, store.NewLoader(db), batches)
	if got := dumpDB(t, db); got != want {
		t.Fatalf("merging the articles again after a bulk load changed the graph:\n%s", diff(want, got))
	}
	more := corpus(t, 3, 60, 20)
	write(t, store.NewLoader(db), more)
	got := dumpDB(t, db)
	neo4jtest.Reset(t, db)
	write(t, store.NewLoader(db), append(append([]*graph.Batch(nil), batches...), more...))
	if want := dumpDB(t, db); got != want {
		t.Fatalf("articles merged after a bulk load differ from merging all:\n%s", diff(want, got))
	}
}

func TestBulkRefusesAGraph(t *testing.T) {
	db := testDB(t)
	batches := corpus(t, 5, 0, 5)
	write(t, store.NewLoader(db), batches[:1])
	want := dumpDB(t, db)
	_, err := store.NewBulk(db).Write(context.Background(), exported(t, batches))
	if !errors.Is(err, store.ErrNotEmpty) {
		t.Fatalf("bulk load into a database with a graph: %v, want ErrNotEmpty", err)
	}
	if got := dumpDB(t, db); got != want {
		t.Errorf("a refused bulk load changed the graph:\n%s", diff(want, got))
	}
}

func TestBulkStartsOverAfterAnUnfinishedOne(t *testing.T) {
	db := testDB(t)
	batches := corpus(t, 7, 0, 30)
	bulkWrite(t, db, batches, 50)
	want := dumpDB(t, db)

	// What a load killed midway leaves: marked articles, some of their
	// graph.
	neo4jtest.Reset(t, db)
	ctx := context.Background()
	for _, q := range []string{
		"CREATE (:Article:" + store.BulkLabel + " {id: 'article:1'}), (:Article:" + store.BulkLabel + " {id: 'article:2'})",
		"CREATE (:State {id: 'state:mali', name: 'Mali'})",
	} {
		if _, err := neo4j.ExecuteQuery(ctx, db.Driver, q, nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	}
	err := db.CheckBulk(ctx)
	if !errors.Is(err, store.ErrUnfinishedBulk) {
		t.Fatalf("CheckBulk after an unfinished load: %v, want ErrUnfinishedBulk", err)
	}
	bulkWrite(t, db, batches, 50)
	if got := dumpDB(t, db); got != want {
		t.Fatalf("bulk load after an unfinished one differs:\n%s", diff(want, got))
	}
	if err := db.CheckBulk(ctx); err != nil {
		t.Errorf("CheckBulk after the load finished: %v", err)
	}
}
