package queries

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// testDB connects to the Neo4j named by NEO4J_URI and NEO4J_PASSWORD and
// empties it.
func testDB(t testing.TB) *graph.DB {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		uri = "bolt://127.0.0.1:7687"
	}
	ctx := context.Background()
	db, err := graph.Connect(ctx, graph.Config{URI: uri, User: "neo4j", Password: os.Getenv("NEO4J_PASSWORD")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(ctx) })
	sess := db.Session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	if _, err := sess.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", nil); err != nil {
		t.Fatal(err)
	}
	return db
}

// loadFixture loads the fixture graph, one batch per article file, with
// geokg's loader and schema.
func loadFixture(t testing.TB, db *graph.DB) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/fixture/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture files: %v", err)
	}
	sort.Strings(files)
	var batches []*graph.Batch
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := graph.ReadJSONL(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		batches = append(batches, b)
	}
	_, errs, err := graph.NewLoader(db).Write(ctx, batches)
	if err != nil {
		t.Fatal(err)
	}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", files[i], err)
		}
	}
}
