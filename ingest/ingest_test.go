package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/article"
)

// fakeExtractor makes one State node per line of the text, and panics on a
// text that says "PANIC": the pipeline's mechanics, without the NLP.
type fakeExtractor struct{}

func (fakeExtractor) Extract(a *article.Article) *graph.Batch {
	if strings.Contains(a.Text, "PANIC") {
		panic("boom")
	}
	art := graph.ArticleNode(a.ID, a.Title, "", a.Published, "")
	b := &graph.Batch{Nodes: []graph.Node{art}}
	for _, line := range strings.Split(strings.TrimSpace(a.Text), "\n") {
		id := graph.EntityID(graph.LabelState, line)
		b.Nodes = append(b.Nodes, graph.Node{ID: id, Labels: []graph.Label{graph.LabelState}, Props: map[string]any{"id": id, "name": line}})
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelMentions, a.ID, id), Type: graph.RelMentions, Start: art.Ref(), End: b.Nodes[len(b.Nodes)-1].Ref(), Props: map[string]any{}})
	}
	return b
}

// recorder is a sink that keeps the article ids it got, in order, holds
// the ids in held, fails the articles in bad, and fails as a whole after
// failAfter writes when that is set.
type recorder struct {
	mu        sync.Mutex
	got       []string
	held      map[string]bool
	bad       map[string]bool
	writes    int
	failAfter int
}

func (r *recorder) Write(_ context.Context, batches []*graph.Batch) (graph.Stats, []error, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writes++
	errs := make([]error, len(batches))
	if r.failAfter > 0 && r.writes > r.failAfter {
		for i := range errs {
			errs[i] = errors.New("sink down")
		}
		return graph.Stats{}, errs, errors.New("sink down")
	}
	var st graph.Stats
	for i, b := range batches {
		id := b.Nodes[0].ID
		if r.bad[id] {
			errs[i] = errors.New("refused")
			continue
		}
		r.got = append(r.got, id)
		st.NodesCreated += len(b.Nodes)
	}
	return st, errs, nil
}

func (r *recorder) Loaded(_ context.Context, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, id := range ids {
		if r.held[id] {
			out[id] = true
		}
	}
	return out, nil
}

// writeArticles writes one text file per body into a new directory, named
// so that they sort in the given order.
func writeArticles(t *testing.T, bodies ...string) (dir string, ids []string) {
	t.Helper()
	dir = t.TempDir()
	for i, body := range bodies {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, article.ID(body))
	}
	return dir, ids
}

func TestRun(t *testing.T) {
	var bodies []string
	// More than two groups, so that a sink can fail after the first.
	for i := range 2*ingest.GroupSize + 22 {
		bodies = append(bodies, fmt.Sprintf("Land %d\nLand %d", i, i+1))
	}
	bodies[7] = "PANIC here"
	bodies[9] = bodies[8] // the same article twice
	dir, ids := writeArticles(t, bodies...)
	missing := filepath.Join(dir, "missing.txt")

	tests := []struct {
		name        string
		sink        *recorder
		force       bool
		wantWritten []string
		wantSkipped int
		wantFailed  []string // inputs, in order
		wantErr     string
	}{
		{
			name:        "in input order, failures named, duplicates skipped",
			sink:        &recorder{},
			wantWritten: without(ids, 7, 9),
			wantSkipped: 1,
			wantFailed:  []string{missing, filepath.Join(dir, "a007.txt")},
		},
		{
			name:        "held articles skipped",
			sink:        &recorder{held: map[string]bool{ids[0]: true, ids[100]: true}},
			wantWritten: without(ids, 0, 7, 9, 100),
			wantSkipped: 3,
			wantFailed:  []string{missing, filepath.Join(dir, "a007.txt")},
		},
		{
			name:        "force writes held articles",
			sink:        &recorder{held: map[string]bool{ids[0]: true}},
			force:       true,
			wantWritten: without(ids, 7, 9),
			wantSkipped: 1,
			wantFailed:  []string{missing, filepath.Join(dir, "a007.txt")},
		},
		{
			name:        "an article the sink refuses fails alone",
			sink:        &recorder{bad: map[string]bool{ids[3]: true}},
			wantWritten: without(ids, 3, 7, 9),
			wantSkipped: 1,
			wantFailed:  []string{missing, filepath.Join(dir, "a003.txt"), filepath.Join(dir, "a007.txt")},
		},
		{
			name:        "a sink down stops the run",
			sink:        &recorder{failAfter: 1},
			wantWritten: without(ids[:ingest.GroupSize], 7, 9),
			wantSkipped: 1,
			wantFailed:  []string{missing, filepath.Join(dir, "a007.txt")},
			wantErr:     "sink down",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hooked []string
			res, err := ingest.Run(context.Background(), ingest.Options{
				Inputs:    []string{missing, dir},
				Extractor: fakeExtractor{},
				Workers:   3,
				Sink:      tt.sink,
				Force:     tt.force,
				Failure:   func(f ingest.Failure) { hooked = append(hooked, f.Input) },
			})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if !slices.Equal(tt.sink.got, tt.wantWritten) {
				t.Errorf("written %d articles, want %d; first difference at %d", len(tt.sink.got), len(tt.wantWritten), firstDiff(tt.sink.got, tt.wantWritten))
			}
			var failed []string
			for _, f := range res.Failures {
				failed = append(failed, f.Input)
			}
			slices.Sort(failed)
			slices.Sort(hooked)
			slices.Sort(tt.wantFailed)
			if !slices.Equal(failed, tt.wantFailed) || !slices.Equal(hooked, failed) {
				t.Errorf("failures %v (hook saw %v), want %v", failed, hooked, tt.wantFailed)
			}
			if res.Written != len(tt.wantWritten) || res.Skipped != tt.wantSkipped || res.Failed != len(tt.wantFailed) {
				t.Errorf("summary written %d skipped %d failed %d, want %d %d %d", res.Written, res.Skipped, res.Failed, len(tt.wantWritten), tt.wantSkipped, len(tt.wantFailed))
			}
		})
	}
}

// A panic in the extractor fails that article, named, with the message.
func TestRunGuardsExtraction(t *testing.T) {
	dir, _ := writeArticles(t, "Aland", "PANIC", "Bland")
	res, err := ingest.Run(context.Background(), ingest.Options{Inputs: []string{dir}, Extractor: fakeExtractor{}, Workers: 2, Sink: &recorder{}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed != 1 || res.Written != 2 || !strings.Contains(res.Failures[0].Err.Error(), "a001.txt: internal error: boom") {
		t.Errorf("summary %+v", res)
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	dir, _ := writeArticles(t, "Aland", "Bland")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ingest.Run(ctx, ingest.Options{Inputs: []string{dir}, Extractor: fakeExtractor{}, Workers: 1, Sink: &recorder{}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// The merge sink gives the graph the database would hold.
func TestRunIntoMerger(t *testing.T) {
	dir, _ := writeArticles(t, "Aland\nBland", "Bland\nCland")
	m := graph.NewMerger()
	res, err := ingest.Run(context.Background(), ingest.Options{Inputs: []string{dir}, Extractor: fakeExtractor{}, Workers: 2, Sink: ingest.Merge(m)})
	if err != nil || res.Written != 2 {
		t.Fatalf("err %v, summary %+v", err, res)
	}
	b := m.Batch()
	rels := 0
	for _, r := range b.Rels {
		if r.Type != graph.RelCoMentioned { // counted from MENTIONS
			rels++
		}
	}
	if len(b.Nodes) != 5 || rels != 4 {
		t.Errorf("merged %d nodes, %d relationships; want 5 and 4", len(b.Nodes), rels)
	}
}

func without(ids []string, skip ...int) []string {
	var out []string
	for i, id := range ids {
		if !slices.Contains(skip, i) {
			out = append(out, id)
		}
	}
	return out
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
