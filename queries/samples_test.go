package queries

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/ingest/source"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// loadSamples extracts the project's sample articles (testdata/articles)
// with geokg's extractor and loads their graph with its loader, as
// "geokg ingest testdata/articles" does.
func loadSamples(t testing.TB, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	d, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(d)
	if err != nil {
		t.Fatal(err)
	}
	var batches []*graph.Batch
	err = source.Read(ctx, []string{"../testdata/articles"}, source.DefaultOptions(), func(a *article.Article, err error) error {
		if err == nil {
			batches = append(batches, x.Extract(a))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) < 10 {
		t.Fatalf("read %d sample articles, want at least 10", len(batches))
	}
	_, errs, err := store.NewLoader(db).Write(ctx, batches)
	if err != nil {
		t.Fatal(err)
	}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("sample article %d: %v", i, err)
		}
	}
}

// TestQueriesOnSamples runs every canned query on the graph that geokg's
// own extractor and loader make of the sample articles, and checks rows
// that the articles state (their hand-made gold annotations agree).
// TestQueries checks whole results on the fixture graph; here each
// expected row must be among those returned, so that better extraction
// elsewhere does not break the test.
func TestQueriesOnSamples(t *testing.T) {
	db := neo4jtest.DB(t)
	loadSamples(t, db)
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query  string
		params map[string]string
		cols   []string
		want   []string // each must be a row
		first  string   // when set, the first row
		absent string   // when set, no cell may contain it
	}{
		{query: "mediators", params: map[string]string{"a": "Israel", "b": "Hamas"}, cols: []string{"mediator", "label"},
			want: []string{"Qatar | State"}},
		{query: "mediators", params: map[string]string{"a": "armenia", "b": "AZERBAIJAN"}, cols: []string{"mediator"},
			want: []string{"European Union"}},
		{query: "region-mediators", params: map[string]string{"region": "Gaza Strip"}, cols: []string{"mediator"},
			want: []string{"Qatar"}},
		{query: "region-control", params: map[string]string{"region": "Goma"}, cols: []string{"region", "controller", "label"},
			first: "Goma | M23 | Organization"},
		// (The army's retreat from Goma is told with the M23's taking of
		// it, undated: the taking tells the change. A loss dated apart is
		// a step of its own: TestControlAndOfficeOverTime.)
		{query: "control-history", params: map[string]string{"region": "Goma"}, cols: []string{"controller", "change"},
			want: []string{"M23 | gain"}, absent: "lose"},
		{query: "actor-controls", params: map[string]string{"actor": "M23"}, cols: []string{"region", "status", "change"},
			want: []string{"Goma | current | gain"}},
		{query: "contested-regions", params: map[string]string{"min_controllers": "1", "limit": "500"}, cols: []string{"region", "controllers"},
			want: []string{"Goma | M23", "Gaza Strip | Hamas"}},
		{query: "demands", params: map[string]string{"actor": "Rwanda"}, cols: []string{"direction", "from", "to"},
			want: []string{"of | Democratic Republic of the Congo | Rwanda"}},
		{query: "leaders", params: map[string]string{"actor": "Israel"}, cols: []string{"leader", "role"},
			want: []string{"Benjamin Netanyahu | Prime Minister"}},
		{query: "network", params: map[string]string{"actor": "Rwanda"}, cols: []string{"neighbour", "hops"},
			want: []string{"M23 | 1", "Paul Kagame | 1", "Goma | 2"}},
		{query: "timeline", params: map[string]string{"name": "Israel"}, cols: []string{"type", "mediators"},
			want: []string{"ceasefire | Egypt, Qatar"}},
		{query: "shortest-path", params: map[string]string{"a": "Angola", "b": "Goma"}, cols: []string{"from", "to"},
			first: "Angola | Goma"},
		{query: "most-mentioned", params: map[string]string{"limit": "10"}, cols: []string{"actor", "label"},
			want: []string{"United States | State", "Israel | State"}},
		{query: "new-since", params: map[string]string{"since": "2025-07-01", "limit": "1000"}, cols: []string{"kind", "what", "subject"},
			want: []string{"entity | State | Cambodia", "entity | State | Thailand"}, absent: "Goma"},
		{query: "evidence", params: map[string]string{"from": "M23", "to": "Goma"}, cols: []string{"relation", "from", "to", "article", "published"},
			want: []string{"CONTROLS | M23 | Goma | Congo demands Rwandan pullout as M23 rebels tighten grip on Goma | 2025-01-29"}},
		{query: "region-control", params: map[string]string{"region": "democratic republic of the congo"}, cols: []string{"region", "controller"},
			want: []string{"Goma | M23"}},
		{query: "mediation-leaderboard", params: map[string]string{"limit": "100"}, cols: []string{"mediator"},
			want: []string{"Qatar", "Angola", "European Union"}},
		{query: "co-occurring", params: map[string]string{"actor": "Hamas", "limit": "100"}, cols: []string{"actor", "label"},
			want: []string{"Israel | State", "Qatar | State"}},
		{query: "pairs", params: map[string]string{"min_articles": "1", "limit": "10000"}, cols: []string{"actor", "other"},
			want: []string{"Hamas | Israel", "Democratic Republic of the Congo | Rwanda"}},
		{query: "search", params: map[string]string{"q": "kivu"}, cols: []string{"name", "label"},
			want: []string{"North Kivu | Region", "South Kivu | Region"}},
		{query: "duplicates", cols: []string{"name", "other", "reasons"},
			// The dictionary gives states their capitals as aliases; the
			// capitals as places are not duplicates of the states.
			absent: "Moscow"},
		{query: "loaded-since", params: map[string]string{"since": "today", "limit": "10000"}, cols: []string{"kind", "what", "subject"},
			want: []string{"entity | Organization | Hamas", "entity | State | Rwanda"}},
		{query: "actor", params: map[string]string{"name": "hamas"}, cols: []string{"name", "label", "kind"},
			first: "Hamas | Organization | armed_group"},
		{query: "allies-and-enemies", params: map[string]string{"actor": "Iran"}, cols: []string{"relation", "other"},
			want: []string{"supports | Hezbollah", "supports | Houthis"}},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.query] = true
		t.Run(tt.query, func(t *testing.T) {
			res := runNamed(t, db, lib, tt.query, tt.params)
			got := project(t, res, tt.cols...)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%s %v: no row %q in\n  %s", tt.query, tt.params, w, strings.Join(got, "\n  "))
				}
			}
			if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("%s %v: first row is not %q:\n  %s", tt.query, tt.params, tt.first, strings.Join(got, "\n  "))
			}
			if tt.absent != "" {
				for _, row := range project(t, res, res.Columns...) {
					if strings.Contains(row, tt.absent) {
						t.Errorf("%s %v: row mentions %q: %s", tt.query, tt.params, tt.absent, row)
					}
				}
			}
			if tt.want == nil && tt.first == "" && tt.absent == "" {
				t.Fatal("test checks nothing")
			}
		})
	}
	for _, q := range lib.All() {
		if !covered[q.Name] {
			t.Errorf("query %s is not run on the sample articles", q.Name)
		}
	}
}
