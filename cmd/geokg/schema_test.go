package main

import (
	"strings"
	"testing"

	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
)

func TestSchemaCommand(t *testing.T) {
	db := neo4jtest.DB(t)
	neo4jtest.DropSchema(t, db)
	stdout, stderr, code := geokgDB(t, db, "schema", "apply")
	if code != 0 || !strings.HasPrefix(stdout, "created ") || !strings.Contains(stdout, store.FulltextIndex) {
		t.Errorf("first apply: exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	stdout, stderr, code = geokgDB(t, db, "schema", "apply")
	if code != 0 || stdout != "schema up to date\n" {
		t.Errorf("second apply: exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	stdout, _, code = geokgDB(t, db, "schema", "show")
	if code != 0 || strings.Count(stdout, " IF NOT EXISTS ") != len(store.Schema()) || strings.Count(stdout, ";\n") != len(store.Schema()) {
		t.Errorf("schema show: exit %d\n%s", code, stdout)
	}
	if _, _, code := geokgDB(t, db, "schema", "apply", "extra"); code != 2 {
		t.Errorf("schema apply with an argument: exit %d, want 2", code)
	}
}
