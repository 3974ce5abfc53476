package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestBulkIngestAndLoad(t *testing.T) {
	db := neo4jtest.DB(t)
	in := synthArticles(t, 9, 40)
	if _, stderr, code := geokgDB(t, db, "ingest", in); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	want := canonDump(t, db)

	neo4jtest.Reset(t, db)
	_, stderr, code := geokgDB(t, db, "ingest", "--bulk", in)
	if code != 0 {
		t.Fatalf("ingest --bulk: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "40 loaded") {
		t.Errorf("ingest --bulk summary does not count the articles loaded:\n%s", stderr)
	}
	sameGraph(t, "ingest --bulk", want, canonDump(t, db))

	// The next periodic run merges into the bulk load's graph.
	if _, stderr, code := geokgDB(t, db, "ingest", in); code != 0 || !strings.Contains(stderr, "40 skipped") {
		t.Fatalf("ingest after ingest --bulk: exit %d\n%s", code, stderr)
	}
	sameGraph(t, "ingest after ingest --bulk", want, canonDump(t, db))

	// A bulk load writes only into an empty database.
	_, stderr, code = geokgDB(t, db, "ingest", "--bulk", in)
	if code != 2 || !strings.Contains(stderr, "not empty") {
		t.Errorf("ingest --bulk into a graph: exit %d, want 2 saying the database is not empty\n%s", code, stderr)
	}
	sameGraph(t, "refused ingest --bulk", want, canonDump(t, db))

	graphFile := filepath.Join(t.TempDir(), "graph.jsonl")
	out, stderr, code := geokgDB(t, db, "extract", in)
	if code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, stderr)
	}
	if err := os.WriteFile(graphFile, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	neo4jtest.Reset(t, db)
	if _, stderr, code := geokgDB(t, db, "load", "--bulk", graphFile); code != 0 {
		t.Fatalf("load --bulk: exit %d\n%s", code, stderr)
	}
	sameGraph(t, "load --bulk", want, canonDump(t, db))

	// What an interrupted bulk load leaves is refused to merging loads and
	// replaced by the next bulk load.
	neo4jtest.Reset(t, db)
	if _, err := neo4j.ExecuteQuery(context.Background(), db.Driver,
		"CREATE (:Article:"+store.BulkLabel+" {id: 'article:1'})-[:MENTIONS]->(:State {id: 'state:mali', name: 'Mali'})", nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = geokgDB(t, db, "load", graphFile)
	if code != 2 || !strings.Contains(stderr, "bulk load did not finish") {
		t.Errorf("load into an unfinished bulk load: exit %d, want 2 naming it\n%s", code, stderr)
	}
	if _, stderr, code := geokgDB(t, db, "load", "--bulk", graphFile); code != 0 {
		t.Fatalf("load --bulk over an unfinished one: exit %d\n%s", code, stderr)
	}
	sameGraph(t, "load --bulk over an unfinished one", want, canonDump(t, db))
}
