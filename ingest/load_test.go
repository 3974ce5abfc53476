package ingest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// exportOf is the export file of the articles in dir, and its lines.
func exportOf(t *testing.T, x ingest.Extractor, dir string) []string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := ingest.Run(context.Background(), ingest.Options{Inputs: []string{dir}, Extractor: x, Workers: 2, Sink: ingest.JSONL(&buf)}); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(buf.String()), "\n")
}

// articleLines are the line numbers (from 1) where each article starts.
func articleLines(lines []string) []int {
	var out []int
	for i, l := range lines {
		if strings.HasPrefix(l, `{"type":"node"`) && strings.Contains(l, `"labels":["Article"]`) {
			out = append(out, i+1)
		}
	}
	return out
}

func writeLines(t *testing.T, lines []string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "graph.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A damaged line fails its whole article, named with the file and line;
// the other articles load.
func TestLoadArticleAllOrNothing(t *testing.T) {
	dir, ids := writeArticles(t, "Aland\nBland", "Bland\nCland\nDland", "Eland")
	lines := exportOf(t, fakeExtractor{}, dir)
	starts := articleLines(lines)
	if len(starts) != 3 {
		t.Fatalf("export has %d articles", len(starts))
	}
	for _, damage := range []struct {
		name string
		line int // 1-based line to cut short
	}{
		{"inside the article", starts[1] + 2},
		{"its Article line", starts[1]},
	} {
		t.Run(damage.name, func(t *testing.T) {
			bad := slices.Clone(lines)
			bad[damage.line-1] = bad[damage.line-1][:30]
			path := writeLines(t, bad)
			sink := &recorder{}
			res, err := ingest.Load(context.Background(), ingest.LoadOptions{Files: []string{path}, Sink: sink})
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{ids[0], ids[2]}; !slices.Equal(sink.got, want) {
				t.Errorf("written %v, want %v", sink.got, want)
			}
			if res.Failed != 1 || !strings.Contains(res.Failures[0].Err.Error(), "nothing of it written") ||
				!strings.Contains(res.Failures[0].Err.Error(), path+":"+strconv.Itoa(damage.line)+":") {
				t.Errorf("failures %v", res.Failures)
			}
			if res.Elements != len(lines) || res.Read != 3 || res.Written != 2 {
				t.Errorf("summary %+v", res)
			}
		})
	}
}

// On a real Neo4j: a damaged article writes nothing, not even its Article
// node, so that a later ingest of the article loads it whole.
func TestLoadDamagedThenIngestOnNeo4j(t *testing.T) {
	d, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(d)
	if err != nil {
		t.Fatal(err)
	}
	src := "../testdata/articles/m23-goma.txt"
	lines := exportOf(t, x, src)
	bad := slices.Clone(lines)
	k := len(bad) / 2
	bad[k] = bad[k][:50]
	path := writeLines(t, bad)

	db := neo4jtest.DB(t)
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	loader := store.NewLoader(db)
	res, err := ingest.Load(ctx, ingest.LoadOptions{Files: []string{path}, Sink: loader})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed != 1 || res.Written != 0 {
		t.Fatalf("load of the damaged file: %+v", res)
	}
	if got := neo4jtest.Dump(t, db); got != "" {
		t.Fatalf("the damaged article left a graph behind:\n%s", got)
	}
	run, err := ingest.Run(ctx, ingest.Options{Inputs: []string{src}, Extractor: x, Workers: 1, Sink: loader})
	if err != nil || run.Written != 1 || run.Skipped != 0 {
		t.Fatalf("ingest after the failed load: %+v, %v", run, err)
	}
	afterFailure := neo4jtest.Dump(t, db)

	neo4jtest.Reset(t, db)
	if _, err := ingest.Run(ctx, ingest.Options{Inputs: []string{src}, Extractor: x, Workers: 1, Sink: loader}); err != nil {
		t.Fatal(err)
	}
	if clean := neo4jtest.Dump(t, db); afterFailure != clean {
		t.Errorf("the graph after a failed load and an ingest differs from a clean ingest")
	}
}
