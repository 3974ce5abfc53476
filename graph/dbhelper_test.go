package graph_test

import (
	"context"
	"os"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// testDB connects to the Neo4j named by GEOKG_TEST_URI and empties it.
func testDB(t testing.TB) *graph.DB {
	t.Helper()
	uri := os.Getenv("GEOKG_TEST_URI")
	if uri == "" {
		t.Skip("GEOKG_TEST_URI not set")
	}
	ctx := context.Background()
	db, err := graph.Connect(ctx, graph.Config{URI: uri, User: "neo4j", Password: os.Getenv("GEOKG_TEST_PASSWORD")})
	if err != nil {
		t.Fatal(err)
	}
	sess := db.Session(ctx, neo4j.AccessModeWrite)
	res, err := sess.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	sess.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(ctx) })
	return db
}
