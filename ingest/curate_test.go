package ingest_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/internal/neo4jtest"
)

const curationText = `
merge node=state:aland into=state:bland name=Bland why="the same land" by=tester at=2025-03-01T00:00:00Z
reject node=state:eland why="not a land" by=tester at=2025-03-02T00:00:00Z
add from=state:bland rel=SUPPORTS to=state:cland why="a treaty" by=tester at=2025-03-03T00:00:00Z
add from=state:bland rel=SUPPORTS to=state:zland why="nowhere in the articles" by=tester at=2025-03-03T00:00:00Z
`

// Curation applies at extraction and at load alike: the graph of a run
// with curation equals the uncorrected export loaded with it, and the
// corrected export loaded with it again.
func TestCurationAtExtractionAndLoad(t *testing.T) {
	set, err := curate.Read(strings.NewReader(curationText), "fixes.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := writeArticles(t, "Aland\nDland", "Bland\nEland", "Cland")

	m := graph.NewMerger()
	res, err := ingest.Run(context.Background(), ingest.Options{Inputs: []string{dir}, Extractor: fakeExtractor{}, Workers: 2, Sink: ingest.Merge(m), Curation: set})
	if err != nil || res.Written != 3 || res.Failed != 0 {
		t.Fatalf("run: %v %+v", err, res)
	}
	ran := m.Batch()
	ids := map[string]graph.Node{}
	for _, n := range ran.Nodes {
		ids[n.ID] = n
	}
	if _, ok := ids["state:aland"]; ok {
		t.Error("the merged node is in the graph")
	}
	if _, ok := ids["state:eland"]; ok {
		t.Error("the rejected node is in the graph")
	}
	if a := graph.Strings(ids["state:bland"].Props[graph.PropAliases]); len(a) != 1 || a[0] != "Aland" {
		t.Errorf("aliases of the kept node: %v", a)
	}
	var added []graph.Rel
	for _, r := range ran.Rels {
		if r.Type == graph.RelSupports {
			added = append(added, r)
		}
	}
	if len(added) != 1 || added[0].End.ID != "state:cland" || graph.Strings(added[0].Props[graph.PropSources])[0] != curate.SourcePrefix+set.Entries[2].ID {
		t.Errorf("added relationships: %+v", added)
	}

	var raw, corrected bytes.Buffer
	if _, err := ingest.Run(context.Background(), ingest.Options{Inputs: []string{dir}, Extractor: fakeExtractor{}, Workers: 2, Sink: ingest.JSONL(&raw)}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(context.Background(), ingest.Options{Inputs: []string{dir}, Extractor: fakeExtractor{}, Workers: 2, Sink: ingest.JSONL(&corrected), Curation: set}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(corrected.String(), `"label":"SUPPORTS"`) || strings.Contains(corrected.String(), "state:aland") {
		t.Errorf("corrected export:\n%s", corrected.String())
	}
	for name, export := range map[string]string{"uncorrected": raw.String(), "corrected": corrected.String()} {
		m := graph.NewMerger()
		path := writeLines(t, strings.Split(strings.TrimSpace(export), "\n"))
		if _, err := ingest.Load(context.Background(), ingest.LoadOptions{Files: []string{path}, Sink: ingest.Merge(m), Curation: set}); err != nil {
			t.Fatal(err)
		}
		if got, want := neo4jtest.Canon(t, m.Batch()), neo4jtest.Canon(t, ran); got != want {
			t.Errorf("the %s export loaded with curation differs from the run:\n%s\n---\n%s", name, got, want)
		}
	}
}
