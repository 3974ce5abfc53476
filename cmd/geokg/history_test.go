package main

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
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
	"github.com/geokg/geokg/queries"
)

// The invented articles of testdata/history: the town of Menaka held by
// Mali, seized by rebels, abandoned and entered by the army, seized again;
// Chad's president ousted in a coup and a general sworn in.
var historyArticles = []string{"menaka-1.txt", "menaka-2.txt", "menaka-3.txt", "menaka-4.txt", "coup-1.txt", "coup-2.txt", "coup-3.txt"}

// historyBatches extracts the articles, in the order of historyArticles.
func historyBatches(t *testing.T) []*graph.Batch {
	t.Helper()
	d, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(d)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*graph.Batch{}
	var paths []string
	for _, f := range historyArticles {
		paths = append(paths, filepath.Join(repoRoot(t), "testdata", "history", f))
	}
	err = source.Read(context.Background(), paths, source.Options{}, func(a *article.Article, err error) error {
		if err != nil {
			return err
		}
		byName[filepath.Base(a.Origin)] = x.Extract(a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]*graph.Batch, len(historyArticles))
	for i, f := range historyArticles {
		if out[i] = byName[f]; out[i] == nil {
			t.Fatalf("%s: not read", f)
		}
	}
	return out
}

// asOf runs a canned query with params and returns the named columns of
// its rows, as "a | b".
func asOf(t *testing.T, db *store.DB, name string, params map[string]string, cols ...string) []string {
	t.Helper()
	lib, err := queries.Load()
	if err != nil {
		t.Fatal(err)
	}
	q, err := lib.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	bound, err := q.Bind(params)
	if err != nil {
		t.Fatal(err)
	}
	res, err := queries.Run(context.Background(), db, q, bound)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, row := range res.Rows {
		var cells []string
		for _, c := range cols {
			i := slices.Index(res.Columns, c)
			if i < 0 {
				t.Fatalf("%s: no column %s in %v", name, c, res.Columns)
			}
			cells = append(cells, cellString(row[i]))
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

func cellString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, cellString(x))
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

// checkHistory asks who held Menaka and who led Chad on several days.
func checkHistory(t *testing.T, db *store.DB, how string) {
	t.Helper()
	control := []struct {
		day  string
		want []string
	}{
		{"2023-12-31", []string{}},
		{"2024-02-01", []string{"Mali | current | hold | 2024-01-15 |  | "}},
		{"2024-04-01", []string{
			"Azawad Liberation Front | current | gain | 2024-03-10 | 2024-03-10 | ",
			"Mali | former | hold | 2024-01-15 | 2024-03-10 | Azawad Liberation Front",
		}},
		{"2024-06-01", []string{
			"Mali | current | gain | 2024-05-21 | 2024-05-21 | ",
			"Azawad Liberation Front | former | lose | 2024-05-20 | 2024-05-20 | Mali",
		}},
		{"2024-09-01", []string{
			"Azawad Liberation Front | current | gain | 2024-08-03 | 2024-08-03 | ",
			"Mali | former | gain | 2024-05-21 | 2024-08-03 | Azawad Liberation Front",
		}},
	}
	for _, c := range control {
		got := asOf(t, db, "region-control", map[string]string{"region": "Menaka", "as_of": c.day}, "controller", "status", "change", "since", "changed", "rivals")
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: region-control Menaka as of %s:\n  %s\nwant\n  %s", how, c.day, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
		}
	}
	history := asOf(t, db, "control-history", map[string]string{"region": "menaka"}, "date", "controller", "change")
	wantHistory := []string{
		"2024-01-15 | Mali | hold",
		"2024-03-10 | Azawad Liberation Front | gain",
		"2024-05-20 | Azawad Liberation Front | lose",
		"2024-05-21 | Mali | gain",
		"2024-08-03 | Azawad Liberation Front | gain",
	}
	if !slices.Equal(history, wantHistory) {
		t.Errorf("%s: control-history Menaka:\n  %s\nwant\n  %s", how, strings.Join(history, "\n  "), strings.Join(wantHistory, "\n  "))
	}
	held := asOf(t, db, "actor-controls", map[string]string{"actor": "Mali", "as_of": "2024-06-01"}, "region", "status", "since")
	if want := []string{"Menaka | current | 2024-05-21"}; !slices.Equal(held, want) {
		t.Errorf("%s: actor-controls Mali as of 2024-06-01: %q, want %q", how, held, want)
	}
	held = asOf(t, db, "actor-controls", map[string]string{"actor": "Mali", "as_of": "2024-09-01"}, "region", "status")
	if want := []string{"Menaka | former"}; !slices.Equal(held, want) {
		t.Errorf("%s: actor-controls Mali as of 2024-09-01: %q, want %q", how, held, want)
	}
	// The army's newest report (it entered the town) is older than the
	// group's taking it again: the army no longer counts as a controller.
	contested := asOf(t, db, "contested-regions", map[string]string{"min_controllers": "1"}, "region", "controllers")
	if want := []string{"Menaka | Azawad Liberation Front"}; !slices.Equal(contested, want) {
		t.Errorf("%s: contested-regions: %q, want %q", how, contested, want)
	}

	leaders := []struct {
		day  string
		want []string
	}{
		{"2023-06-01", []string{"Moussa Kante | current | hold"}},
		{"2023-07-27", []string{"Moussa Kante | former | end"}},
		{"2023-08-01", []string{"Idris Mahamat | current | start", "Moussa Kante | former | end"}},
		{"2023-10-01", []string{"Idris Mahamat | current | hold", "Moussa Kante | former | end"}},
	}
	for _, c := range leaders {
		got := asOf(t, db, "leaders", map[string]string{"actor": "Chad", "as_of": c.day}, "leader", "status", "change")
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: leaders of Chad as of %s:\n  %s\nwant\n  %s", how, c.day, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
		}
	}
}

// Control and office over time come out the same whatever the order of
// loading: all at once, one article per run in date order, in reverse and
// shuffled, and the same articles loaded again.
func TestControlAndOfficeOverTime(t *testing.T) {
	db := neo4jtest.DB(t)
	ctx := context.Background()
	batches := historyBatches(t)

	// One ingest run of every article, through the command line.
	var paths []string
	for _, f := range historyArticles {
		paths = append(paths, filepath.Join(repoRoot(t), "testdata", "history", f))
	}
	if _, stderr, code := geokgDB(t, db, append([]string{"ingest"}, paths...)...); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	checkHistory(t, db, "one run")
	want := neo4jtest.Dump(t, db)

	rng := rand.New(rand.NewSource(14))
	orders := map[string][]int{"date order": {0, 1, 2, 3, 4, 5, 6}, "reverse": {6, 5, 4, 3, 2, 1, 0}, "shuffled": rng.Perm(len(batches))}
	for how, order := range orders {
		neo4jtest.Reset(t, db)
		loader := store.NewLoader(db)
		for _, i := range order {
			if _, errs, err := loader.Write(ctx, []*graph.Batch{batches[i]}); err != nil || errs[0] != nil {
				t.Fatalf("%s: load %s: %v %v", how, historyArticles[i], err, errs)
			}
		}
		checkHistory(t, db, how)
		if got := neo4jtest.Dump(t, db); got != want {
			t.Errorf("%s: graph differs from one run's:\n%s", how, lineDiff(want, got))
		}
	}

	// Loading the same articles again adds nothing.
	if _, errs, err := store.NewLoader(db).Write(ctx, batches); err != nil || slices.ContainsFunc(errs, func(e error) bool { return e != nil }) {
		t.Fatalf("load again: %v %v", err, errs)
	}
	if got := neo4jtest.Dump(t, db); got != want {
		t.Errorf("loaded twice: graph differs from one run's:\n%s", lineDiff(want, neo4jtest.Dump(t, db)))
	}
}

// lineDiff lists the lines only a has (-) and only b has (+).
func lineDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !inb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ina[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
