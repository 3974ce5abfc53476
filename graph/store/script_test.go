package store_test

import (
	"bufio"
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Text that could break out of a Cypher literal reaches the database
// unchanged through the cypher script.
func TestCypherScriptEscapes(t *testing.T) {
	db := testDB(t)
	tricky := []string{
		`O'Brien's "quote"`,
		`back\slash \' \\' end\`,
		"two\nlines;\nDETACH DELETE n;",
		"tab\tcarriage\rreturn \u2028 sep \x01 ctl",
		"`backtick` } ] ) // comment /* block */",
		"Ñuñoa – Zürich – 北京 – emoji 🌍",
		"",
	}
	var b graph.Batch
	for i, s := range tricky {
		id := graph.HashID("state", s, string(rune('a'+i)))
		b.Nodes = append(b.Nodes, graph.Node{ID: id, Labels: []graph.Label{graph.LabelState},
			Props: map[string]any{"id": id, "name": s, "aliases": []any{s, "x" + s}}})
	}
	var script bytes.Buffer
	if err := store.WriteCypher(&script, &b, 3); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sc := bufio.NewScanner(&script)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var stmt strings.Builder
	for sc.Scan() {
		line := sc.Text()
		if stmt.Len() == 0 && strings.HasPrefix(line, "//") {
			continue
		}
		stmt.WriteString(line + "\n")
		if !strings.HasSuffix(line, ";") {
			continue
		}
		q := strings.TrimSuffix(strings.TrimSpace(stmt.String()), ";")
		stmt.Reset()
		sess := db.Session(ctx, neo4j.AccessModeWrite)
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		sess.Close(ctx)
		if err != nil {
			t.Fatalf("%v\n%.400s", err, q)
		}
	}
	got, err := db.DumpBatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, n := range got.Nodes {
		name, ok := n.Props["name"].(string)
		if !ok {
			t.Errorf("node %s has no name: %v", n.ID, n.Props)
		}
		names[name] = true
	}
	for _, s := range tricky {
		if !names[s] {
			t.Errorf("name %q did not survive the script; names: %v", s, names)
		}
	}
	if len(got.Nodes) != len(tricky) {
		t.Errorf("%d nodes, want %d", len(got.Nodes), len(tricky))
	}
}
