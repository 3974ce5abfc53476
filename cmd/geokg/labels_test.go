package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// load keeps extra labels after the contract's one when they are plain
// identifiers (the contract allows them) and rejects, named, a node whose
// first label is not the contract's or whose extra label is not an
// identifier, writing nothing of its article.
func TestLoadExtraLabels(t *testing.T) {
	db := neo4jtest.DB(t)
	const article = `{"type":"node","id":"article:%s","labels":["Article"],"properties":{"id":"article:%s","title":"%s"}}`
	line := func(id, labels string) string {
		return `{"type":"node","id":"` + id + `","labels":` + labels + `,"properties":{"id":"` + id + `","name":"` + id + `"}}`
	}
	art := func(id string) string { return strings.NewReplacer("%s", id).Replace(article) }
	file := filepath.Join(t.TempDir(), "labels.jsonl")
	lines := []string{
		art("a1"), line("state:freedonia", `["State","Actor"]`),
		art("a2"), line("actor:sylvania", `["Actor"]`),
		art("a3"), line("state:ruritania", `["State","Bad Label"]`),
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := geokgDB(t, db, "load", file)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{file + ":3-4", "actor:sylvania", file + ":5-6", "invalid extra label"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver,
		"MATCH (n) RETURN n.id AS id, labels(n) AS labels ORDER BY id", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res.Records {
		var ls []string
		for _, l := range r.Values[1].([]any) {
			ls = append(ls, l.(string))
		}
		slices.Sort(ls)
		got = append(got, r.Values[0].(string)+" "+strings.Join(ls, ":"))
	}
	want := []string{"article:a1 Article", "state:freedonia Actor:State"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("graph %v, want %v", got, want)
	}
}
