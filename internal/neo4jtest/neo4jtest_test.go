package neo4jtest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func count(t *testing.T, db *store.DB, query string) int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, query, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Config.Database))
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return res.Records[0].Values[0].(int64)
}

func write(t *testing.T, db *store.DB, query string) {
	t.Helper()
	_, err := neo4j.ExecuteQuery(context.Background(), db.Driver, query, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Config.Database))
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func TestDBIsEmptyAndReset(t *testing.T) {
	// Each subtest takes the database for itself in turn: what the first
	// leaves behind, the second must not see.
	t.Run("leave data behind", func(t *testing.T) {
		db := neo4jtest.DB(t)
		if n := count(t, db, "MATCH (n) RETURN count(n)"); n != 0 {
			t.Fatalf("new test database has %d nodes, want 0", n)
		}
		write(t, db, "CREATE (:State {id: 'state:testland', name: 'Testland'})-[:LOCATED_IN]->(:Region {id: 'region:testshire', name: 'Testshire'})")
		if n := count(t, db, "MATCH (n) RETURN count(n)"); n != 2 {
			t.Fatalf("after create: %d nodes, want 2", n)
		}
	})
	t.Run("start empty", func(t *testing.T) {
		db := neo4jtest.DB(t)
		if n := count(t, db, "MATCH (n) RETURN count(n)"); n != 0 {
			t.Fatalf("test database has %d nodes left by the previous test, want 0", n)
		}
		write(t, db, "UNWIND range(1, 12000) AS i CREATE (:Event {id: 'event:' + i})-[:MENTIONS]->(:State {id: 'state:' + i})")
		neo4jtest.Reset(t, db)
		if n := count(t, db, "MATCH (n) RETURN count(n)"); n != 0 {
			t.Fatalf("after Reset: %d nodes, want 0", n)
		}
		if n := count(t, db, "MATCH ()-[r]->() RETURN count(r)"); n != 0 {
			t.Fatalf("after Reset: %d relationships, want 0", n)
		}
	})
}

func TestResetKeepsSchemaDropSchemaDropsIt(t *testing.T) {
	db := neo4jtest.DB(t)
	neo4jtest.DropSchema(t, db)
	write(t, db, "CREATE CONSTRAINT neo4jtest_state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE")
	write(t, db, "CREATE INDEX neo4jtest_state_name IF NOT EXISTS FOR (n:State) ON (n.name)")
	write(t, db, "CREATE (:State {id: 'state:testland'})")

	neo4jtest.Reset(t, db)
	if n := count(t, db, "SHOW CONSTRAINTS YIELD name RETURN count(name)"); n != 1 {
		t.Errorf("after Reset: %d constraints, want 1", n)
	}
	if n := count(t, db, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN count(name)"); n != 2 {
		t.Errorf("after Reset: %d indexes, want 2 (the constraint's and the name index)", n)
	}

	neo4jtest.DropSchema(t, db)
	if n := count(t, db, "SHOW CONSTRAINTS YIELD name RETURN count(name)"); n != 0 {
		t.Errorf("after DropSchema: %d constraints, want 0", n)
	}
	if n := count(t, db, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN count(name)"); n != 0 {
		t.Errorf("after DropSchema: %d indexes, want 0", n)
	}
	if n := count(t, db, "SHOW INDEXES YIELD type WHERE type = 'LOOKUP' RETURN count(*)"); n != 2 {
		t.Errorf("after DropSchema: %d token lookup indexes, want Neo4j's 2 kept", n)
	}
}

func TestImportDirFeedsAPOC(t *testing.T) {
	db := neo4jtest.DB(t)
	dir := neo4jtest.ImportDir(t)
	name := "neo4jtest-" + t.Name() + ".jsonl"
	data := `{"type":"node","id":"1","labels":["State"],"properties":{"id":"state:testland","name":"Testland"}}
{"type":"node","id":"2","labels":["Region"],"properties":{"id":"region:testshire","name":"Testshire"}}
{"type":"relationship","id":"3","label":"CONTROLS","properties":{},"start":{"id":"1","labels":["State"]},"end":{"id":"2","labels":["Region"]}}
`
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(path) })

	// apoc.import.json wants a uniqueness constraint on its import id.
	write(t, db, "CREATE CONSTRAINT neo4jtest_state_import IF NOT EXISTS FOR (n:State) REQUIRE n.neo4jImportId IS UNIQUE")
	write(t, db, "CREATE CONSTRAINT neo4jtest_region_import IF NOT EXISTS FOR (n:Region) REQUIRE n.neo4jImportId IS UNIQUE")
	t.Cleanup(func() { neo4jtest.DropSchema(t, db) })
	write(t, db, "CALL apoc.import.json('file:///"+name+"')")

	if n := count(t, db, "MATCH (:State {name: 'Testland'})-[:CONTROLS]->(:Region {name: 'Testshire'}) RETURN count(*)"); n != 1 {
		t.Errorf("after apoc.import.json: %d CONTROLS paths, want 1", n)
	}
}

func TestRestartKeepsDataAndConnection(t *testing.T) {
	db := neo4jtest.DB(t)
	write(t, db, "CREATE (:State {id: 'state:testland', name: 'Testland'})")
	neo4jtest.Restart(t)
	// The same *store.DB: its driver has to notice the server went away.
	if n := count(t, db, "MATCH (n:State {id: 'state:testland'}) RETURN count(n)"); n != 1 {
		t.Errorf("after restart: %d nodes, want the 1 committed before", n)
	}
}
