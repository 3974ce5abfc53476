package queries

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
)

// loadFixture loads the fixture graph, one batch per article file, with
// geokg's loader and schema.
func loadFixture(t testing.TB, db *store.DB) {
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
	_, errs, err := store.NewLoader(db).Write(ctx, batches)
	if err != nil {
		t.Fatal(err)
	}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", files[i], err)
		}
	}
}

// loadGraph loads batches with geokg's loader and schema and returns the
// query library.
func loadGraph(t *testing.T, db *store.DB, batches []*graph.Batch) *Library {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	if _, errs, err := store.NewLoader(db).Write(ctx, batches); err != nil || slices.ContainsFunc(errs, func(e error) bool { return e != nil }) {
		t.Fatalf("load: %v %v", err, errs)
	}
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}
