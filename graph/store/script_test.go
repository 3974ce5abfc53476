package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
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
	neo4jtest.RunScript(t, db, &script)
	ctx := context.Background()
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

// The script written in pieces from the Exporter's merged stream, with
// runs sorted to disk, gives the graph that loading the articles gives and
// that the script of the whole graph gives: Evidence in a later piece
// than its relationship, MENTIONS of nodes written in an earlier piece
// and co-mentions counted piece by piece add up to the same graph.
func TestCypherScriptInPieces(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	in := corpus(t, 31, 0, 20)
	in = append(in, in[5], in[15]) // articles given twice count once
	if _, errs, err := store.NewLoader(db).Write(ctx, in); err != nil || errors.Join(errs...) != nil {
		t.Fatal(err, errs)
	}
	want := dumpDB(t, db)

	m := graph.NewMerger()
	for _, b := range in {
		m.Add(b)
	}
	var whole bytes.Buffer
	if err := store.WriteCypher(&whole, m.Batch(), 100); err != nil {
		t.Fatal(err)
	}
	neo4jtest.Reset(t, db)
	neo4jtest.RunScript(t, db, &whole)
	if got := dumpDB(t, db); got != want {
		t.Fatalf("the script of the whole graph differs from the load:\n%s", firstDiff(want, got))
	}

	for _, tc := range []struct {
		name      string
		memory    int64
		batchSize int
		minRuns   int
	}{
		{"one piece", 0, store.DefaultBatchSize, 0},
		{"pieces of 40, runs of 4 KiB", 4 << 10, 40, 5},
		{"pieces of 25, a record a run", 1, 25, 300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			x, err := graph.NewExporter(tmp)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			x.Memory = tc.memory
			for _, b := range in {
				if err := x.Add(b); err != nil {
					t.Fatal(err)
				}
			}
			if runs, _ := os.ReadDir(filepath.Join(tmp)); len(runs) != 1 {
				t.Fatalf("want the Exporter's one directory in %s, got %d entries", tmp, len(runs))
			} else if n := countEntries(t, filepath.Join(tmp, runs[0].Name())); n < tc.minRuns {
				t.Fatalf("%d runs on disk, want at least %d", n, tc.minRuns)
			}
			var script bytes.Buffer
			cw := store.NewCypherWriter(&script, tc.batchSize)
			if err := x.Scan(cw.Add); err != nil {
				t.Fatal(err)
			}
			if err := cw.Close(); err != nil {
				t.Fatal(err)
			}
			neo4jtest.Reset(t, db)
			neo4jtest.RunScript(t, db, &script)
			if got := dumpDB(t, db); got != want {
				t.Fatalf("differs from the load:\n%s", firstDiff(want, got))
			}
		})
	}
}

func countEntries(t testing.TB, dir string) int {
	t.Helper()
	l, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(l)
}

// firstDiff is the first lines of two dumps that the other lacks.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	in := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range l {
			m[x] = true
		}
		return m
	}
	wm, gm := in(w), in(g)
	var b strings.Builder
	fmt.Fprintf(&b, "%d lines, want %d\n", len(g), len(w))
	n := 0
	for _, l := range w {
		if !gm[l] && n < 3 {
			fmt.Fprintf(&b, "missing: %.400s\n", l)
			n++
		}
	}
	n = 0
	for _, l := range g {
		if !wm[l] && n < 3 {
			fmt.Fprintf(&b, "extra:   %.400s\n", l)
			n++
		}
	}
	return b.String()
}
