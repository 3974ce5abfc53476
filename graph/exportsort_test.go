package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/synth"
)

// synthCorpus is n synthetic articles, whose facts and events fan in as
// in news, with two of them added a second time, one at once and one
// much later.
func synthCorpus(t *testing.T, n int) []*graph.Batch {
	t.Helper()
	d, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := synth.New(d, 3)
	if err != nil {
		t.Fatal(err)
	}
	// Few articles a day: the same events come back in many of them.
	g.PerDay = 40
	var out []*graph.Batch
	for i := range n {
		_, b := g.Article(i)
		out = append(out, b)
		if i == 7 {
			out = append(out, b)
		}
	}
	return append(out, out[20])
}

// TestExporterSpillsEqualMerger merges a synthetic corpus with memory for
// everything and with budgets so small that the records are sorted to
// disk in many runs (with a budget of one byte, one record a run, merged
// in several rounds): each export is the same file, and the same graph as
// Merger's, in jsonl and as CSV.
func TestExporterSpillsEqualMerger(t *testing.T) {
	in := synthCorpus(t, 300)
	m := graph.NewMerger()
	for _, b := range in {
		m.Add(b)
	}
	var want bytes.Buffer
	if err := graph.NewJSONLWriter(&want).Write(m.Batch()); err != nil {
		t.Fatal(err)
	}
	wantLines := strings.Split(graph.CanonicalLines(t, want.Bytes()), "\n")
	mdir := t.TempDir()
	mimp, err := graph.WriteAdminCSV(mdir, m.Batch())
	if err != nil {
		t.Fatal(err)
	}
	wantCSV := csvFiles(t, mdir, mimp)

	var first []byte
	for _, tc := range []struct {
		name    string
		memory  int64
		minRuns int
	}{
		{"default, in memory", 0, 0},
		{"64 KiB", 64 << 10, 10},
		{"4 KiB", 4 << 10, 100},
		{"one record a run", 1, 1000},
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
			if runs := countFiles(t, tmp); runs < tc.minRuns {
				t.Errorf("%d runs on disk, want at least %d", runs, tc.minRuns)
			}
			var got bytes.Buffer
			if err := x.WriteJSONL(&got); err != nil {
				t.Fatal(err)
			}
			checkExportOrder(t, got.Bytes())
			checkScan(t, x, got.Bytes())
			if first == nil {
				first = got.Bytes()
			} else if !bytes.Equal(got.Bytes(), first) {
				t.Errorf("the export differs from the one with memory for everything")
			}
			gotLines := strings.Split(graph.CanonicalLines(t, got.Bytes()), "\n")
			if !slices.Equal(gotLines, wantLines) {
				for i := range min(len(gotLines), len(wantLines)) {
					if gotLines[i] != wantLines[i] {
						t.Fatalf("differs from Merger at line %d of %d/%d:\n got %s\nwant %s", i, len(gotLines), len(wantLines), gotLines[i], wantLines[i])
					}
				}
				t.Fatalf("%d lines, Merger %d", len(gotLines), len(wantLines))
			}
			dir := t.TempDir()
			imp, err := x.WriteAdminCSV(dir)
			if err != nil {
				t.Fatal(err)
			}
			if imp.Command("neo4j") != strings.ReplaceAll(mimp.Command("neo4j"), mdir, dir) {
				t.Errorf("commands differ:\n%s\n%s", imp.Command("neo4j"), mimp.Command("neo4j"))
			}
			for f, lines := range csvFiles(t, dir, imp) {
				if w := wantCSV[f]; !slices.Equal(lines, w) {
					t.Errorf("%s: %d lines differ from Merger's %d (header %q, Merger's %q)", f, len(lines), len(w), lines[0], w[0])
				}
			}
		})
	}
}

// csvFiles reads the files of an import, the header first, then the
// other lines sorted.
func csvFiles(t *testing.T, dir string, imp *graph.AdminImport) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, files := range []map[string]string{imp.NodeFiles, imp.RelFiles} {
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(b), "\n")
			slices.Sort(lines[1:])
			out[f] = lines
		}
	}
	return out
}

// checkExportOrder checks the layout geokg load expects: entity and event
// nodes, Article nodes, relationships, MENTIONS, then Evidence nodes, each
// after its relationship.
func checkExportOrder(t *testing.T, jsonl []byte) {
	t.Helper()
	part := func(n *graph.Node, r *graph.Rel) int {
		switch {
		case n != nil && n.Label() == graph.LabelArticle:
			return 1
		case n != nil && n.Label() == graph.LabelEvidence:
			return 4
		case n != nil:
			return 0
		case r.Type == graph.RelMentions:
			return 3
		}
		return 2
	}
	last, rels := 0, map[string]bool{}
	err := graph.ScanJSONL(bytes.NewReader(jsonl), func(n *graph.Node, r *graph.Rel) error {
		p := part(n, r)
		if p < last {
			return errors.New("out of order")
		}
		last = p
		if r != nil {
			rels[r.ID] = true
		}
		if p == 4 && !rels[n.Props[graph.PropFact].(string)] {
			return errors.New("evidence before its relationship")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if last != 4 {
		t.Fatalf("the export ends in part %d, want Evidence last", last)
	}
}

// checkScan checks that Scan gives the elements of the jsonl export, each
// relationship's Evidence nodes right after it.
func checkScan(t *testing.T, x *graph.Exporter, jsonl []byte) {
	t.Helper()
	var scanned bytes.Buffer
	w := graph.NewJSONLWriter(&scanned)
	last := ""
	err := x.Scan(func(n *graph.Node, r *graph.Rel) error {
		b := &graph.Batch{}
		if n != nil {
			b.Nodes = []graph.Node{*n}
			if n.Label() == graph.LabelEvidence {
				if fact := n.Props[graph.PropFact].(string); fact != last {
					return fmt.Errorf("evidence %s of %s after %q, not after its relationship", n.ID, fact, last)
				}
			} else {
				last = ""
			}
		} else {
			b.Rels = []graph.Rel{*r}
			last = r.ID
		}
		return w.Write(b)
	})
	if err != nil {
		t.Fatal(err)
	}
	sorted := func(b []byte) []string {
		l := strings.Split(strings.TrimSpace(string(b)), "\n")
		slices.Sort(l)
		return l
	}
	if !slices.Equal(sorted(scanned.Bytes()), sorted(jsonl)) {
		t.Error("Scan gives other elements than WriteJSONL")
	}
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestExporterRemovesTempFiles checks that Close leaves nothing behind,
// after a complete export and after each kind of failure.
func TestExporterRemovesTempFiles(t *testing.T) {
	in := synthCorpus(t, 40)
	for _, tc := range []struct {
		name string
		run  func(x *graph.Exporter) error
	}{
		{"written", func(x *graph.Exporter) error {
			return x.WriteJSONL(&bytes.Buffer{})
		}},
		{"output fails", func(x *graph.Exporter) error {
			return x.WriteJSONL(failingWriter{})
		}},
		{"not an article", func(x *graph.Exporter) error {
			return x.Add(&graph.Batch{Nodes: []graph.Node{{ID: "state:x", Labels: []graph.Label{graph.LabelState}}}})
		}},
		{"CSV into a file", func(x *graph.Exporter) error {
			f := filepath.Join(t.TempDir(), "file")
			if err := os.WriteFile(f, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := x.WriteAdminCSV(f)
			return err
		}},
		{"added after writing", func(x *graph.Exporter) error {
			if err := x.WriteJSONL(&bytes.Buffer{}); err != nil {
				return err
			}
			return x.Add(in[0])
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			x, err := graph.NewExporter(tmp)
			if err != nil {
				t.Fatal(err)
			}
			x.Memory = 2 << 10
			for _, b := range in {
				if err := x.Add(b); err != nil {
					t.Fatal(err)
				}
			}
			if countFiles(t, tmp) == 0 {
				t.Fatal("no runs on disk")
			}
			err = tc.run(x)
			if (err != nil) != (tc.name != "written") {
				t.Errorf("error %v", err)
			}
			if err := x.Close(); err != nil {
				t.Fatal(err)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// TestStoredElementsEqualMerger writes a merged graph as a database holds
// it (with load times) one element at a time: each element comes out as
// it went in, without its load time, and the neo4j-admin files are those
// of the graph written whole, byte for byte.
func TestStoredElementsEqualMerger(t *testing.T) {
	m := graph.NewMerger()
	for _, b := range synthCorpus(t, 200) {
		m.Add(b)
	}
	stored := m.Batch()
	loaded := func(p map[string]any) map[string]any {
		q := map[string]any{graph.PropLoadedAt: "2026-01-02T03:04:05Z"}
		for k, v := range p {
			q[k] = v
		}
		return q
	}
	line := func(b *graph.Batch) string {
		var buf bytes.Buffer
		if err := graph.NewJSONLWriter(&buf).Write(b); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	each := func(fn func(n *graph.Node, r *graph.Rel) error) error {
		for _, n := range stored.Nodes {
			n.Props = loaded(n.Props)
			if err := fn(&n, nil); err != nil {
				return err
			}
		}
		for _, r := range stored.Rels {
			r.Props = loaded(r.Props)
			if err := fn(nil, &r); err != nil {
				return err
			}
		}
		return nil
	}
	i, j := 0, 0
	err := each(func(n *graph.Node, r *graph.Rel) error {
		want := &graph.Batch{}
		if n != nil {
			want.Nodes = stored.Nodes[i : i+1]
			i++
		} else {
			want.Rels = stored.Rels[j : j+1]
			j++
		}
		if got, w := line(graph.StoredElement(n, r)), line(want); got != w {
			t.Errorf("element differs:\n got %s\nwant %s", got, w)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	wdir, gdir := t.TempDir(), t.TempDir()
	wimp, err := graph.WriteAdminCSV(wdir, stored)
	if err != nil {
		t.Fatal(err)
	}
	gimp, err := graph.WriteStoredAdminCSV(gdir, t.TempDir(), each)
	if err != nil {
		t.Fatal(err)
	}
	if gimp.Command("neo4j") != strings.ReplaceAll(wimp.Command("neo4j"), wdir, gdir) {
		t.Errorf("commands differ:\n%s\n%s", gimp.Command("neo4j"), wimp.Command("neo4j"))
	}
	var files []string
	for _, m := range []map[string]string{wimp.NodeFiles, wimp.RelFiles} {
		for _, f := range m {
			files = append(files, f)
		}
	}
	for _, f := range files {
		w, err := os.ReadFile(filepath.Join(wdir, f))
		if err != nil {
			t.Fatal(err)
		}
		g, err := os.ReadFile(filepath.Join(gdir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from the graph written whole", f)
		}
	}
}

// A relationship stored before Evidence nodes existed keeps its sources,
// each as an Evidence node.
func TestStoredElementWithoutEvidence(t *testing.T) {
	r := &graph.Rel{ID: "rel:1", Type: graph.RelSupports,
		Start: graph.Ref{ID: "state:a", Labels: []graph.Label{graph.LabelState}}, End: graph.Ref{ID: "state:b", Labels: []graph.Label{graph.LabelState}},
		Props: map[string]any{"id": "rel:1", "sources": []any{"article:1", "article:2"}, "evidence": []any{"A backs B."}, "confidence": 0.75}}
	b := graph.StoredElement(nil, r)
	if len(b.Rels) != 1 || len(b.Nodes) != 2 {
		t.Fatalf("got %d relationships and %d nodes, want the relationship and two Evidence nodes", len(b.Rels), len(b.Nodes))
	}
	if n := b.Rels[0].Props[graph.PropSourceCount]; n != int64(2) {
		t.Errorf("source_count %v, want 2", n)
	}
	for _, n := range b.Nodes {
		if n.Label() != graph.LabelEvidence || n.Props[graph.PropFact] != "rel:1" {
			t.Errorf("not the relationship's Evidence: %v", n)
		}
	}
}
