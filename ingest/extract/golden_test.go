package extract

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden extracts the invented articles of testdata/articles and
// compares the export with testdata/golden.jsonl (go test -update rewrites
// it after a deliberate change; review the diff).
func TestGolden(t *testing.T) {
	x := testExtractor(t)
	var buf bytes.Buffer
	w := graph.NewJSONLWriter(&buf)
	for _, a := range loadTestArticles(t) {
		if err := w.Write(x.Extract(a)); err != nil {
			t.Fatal(err)
		}
	}
	const path = "testdata/golden.jsonl"
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("extraction differs from %s (- want, + got); if the change is meant, run go test -update and review the diff:\n%s", path, lineDiff(string(want), buf.String(), 40))
	}
	// The export must load back, every relationship naming nodes it has.
	b, err := graph.ReadJSONL(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, n := range b.Nodes {
		ids[n.ID] = true
	}
	for _, r := range b.Rels {
		if !ids[r.Start.ID] || !ids[r.End.ID] {
			t.Errorf("relationship %s %s -> %s names a node not in the batch", r.Type, r.Start.ID, r.End.ID)
		}
		if r.Type != graph.RelMentions {
			for _, p := range []string{graph.PropSources, graph.PropEvidence, graph.PropConfidence} {
				if _, ok := r.Props[p]; !ok {
					t.Errorf("relationship %s %s -> %s lacks %s", r.Type, r.Start.ID, r.End.ID, p)
				}
			}
		}
	}
}

// lineDiff lists the lines of want missing from got (-) and of got missing
// from want (+), in order, at most limit of them.
func lineDiff(want, got string, limit int) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	inWant, inGot := count(want), count(got)
	var out []string
	for _, l := range strings.Split(want, "\n") {
		if inGot[l] > 0 {
			inGot[l]--
			continue
		}
		out = append(out, "- "+l)
	}
	inGot = count(got)
	for _, l := range strings.Split(got, "\n") {
		if inWant[l] > 0 {
			inWant[l]--
			continue
		}
		out = append(out, "+ "+l)
	}
	if len(out) > limit {
		out = append(out[:limit], fmt.Sprintf("... and %d more lines", len(out)-limit))
	}
	return strings.Join(out, "\n")
}
