package queries

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// sample is a result with every kind of value a query returns.
func sample() *Result {
	armenia := dbtype.Node{ElementId: "4:x:1", Labels: []string{"State"}, Props: map[string]any{"id": "state:armenia", "name": "Armenia", "aliases": []any{"Yerevan"}}}
	talks := dbtype.Node{ElementId: "4:x:2", Labels: []string{"Event"}, Props: map[string]any{"id": "event:1", "name": "Brussels talks", "date": "2024-05-01"}}
	eu := dbtype.Node{ElementId: "4:x:3", Labels: []string{"Organization"}, Props: map[string]any{"id": "org:eu", "name": "European Union"}}
	party := dbtype.Relationship{ElementId: "5:x:1", StartElementId: armenia.ElementId, EndElementId: talks.ElementId, Type: "PARTY_TO", Props: map[string]any{"confidence": 0.9}}
	med := dbtype.Relationship{ElementId: "5:x:2", StartElementId: eu.ElementId, EndElementId: talks.ElementId, Type: "MEDIATES", Props: map[string]any{"sources": []any{"article:a"}}}
	return &Result{
		Columns: []string{"name", "n", "conf", "ok", "day", "at", "list", "node", "path", "none"},
		Rows: [][]any{
			{"Armenia", int64(3), 0.8500000001, true, dbtype.Date(time.Date(2025, 1, 29, 0, 0, 0, 0, time.UTC)),
				time.Date(2025, 1, 29, 10, 30, 0, 0, time.UTC), []any{"a", "b, c"}, armenia,
				dbtype.Path{Nodes: []dbtype.Node{armenia, talks, eu}, Relationships: []dbtype.Relationship{party, med}}, nil},
			{"Line\nbreak", int64(-1), 2.0, false, nil, nil, []any{}, talks, nil, nil},
		},
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample(), "json"); err != nil {
		t.Fatal(err)
	}
	want := `[
{"name":"Armenia","n":3,"conf":0.8500000001,"ok":true,"day":"2025-01-29","at":"2025-01-29T10:30:00Z","list":["a","b, c"],"node":{"aliases":["Yerevan"],"id":"state:armenia","labels":["State"],"name":"Armenia"},"path":[{"aliases":["Yerevan"],"id":"state:armenia","labels":["State"],"name":"Armenia"},{"confidence":0.9,"type":"PARTY_TO"},{"date":"2024-05-01","id":"event:1","labels":["Event"],"name":"Brussels talks"},{"sources":["article:a"],"type":"MEDIATES"},{"id":"org:eu","labels":["Organization"],"name":"European Union"}],"none":null},
{"name":"Line\nbreak","n":-1,"conf":2,"ok":false,"day":null,"at":null,"list":[],"node":{"date":"2024-05-01","id":"event:1","labels":["Event"],"name":"Brussels talks"},"path":null,"none":null}
]
`
	if b.String() != want {
		t.Errorf("json:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := Write(&b, &Result{Columns: []string{"x"}, Rows: [][]any{}}, "json"); err != nil || b.String() != "[]\n" {
		t.Errorf("empty json = %q, %v", b.String(), err)
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample(), "csv"); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(b.String(), "\n", 2)
	if lines[0] != "name,n,conf,ok,day,at,list,node,path,none" {
		t.Errorf("csv header = %q", lines[0])
	}
	for _, want := range []string{
		`Armenia,3,0.85,true,2025-01-29,2025-01-29T10:30:00Z,"[""a"",""b, c""]","{""aliases"":[""Yerevan""],""id"":""state:armenia"",""labels"":[""State""],""name"":""Armenia""}"`,
		"\"Line\nbreak\",-1,2,false,,,[],",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("csv:\n%s\nwant it to contain:\n%s", b.String(), want)
		}
	}
}

func TestWriteTable(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample(), "table"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("table has %d lines:\n%s", len(lines), b.String())
	}
	if !strings.Contains(lines[1], "(Armenia)-[:PARTY_TO]->(Brussels talks)<-[:MEDIATES]-(European Union)") ||
		!strings.HasPrefix(lines[1], "Armenia  ") || !strings.Contains(lines[1], " 0.85 ") ||
		!strings.Contains(lines[1], " a, b, c ") || !strings.HasPrefix(lines[2], "Line break  ") {
		t.Errorf("table:\n%s", b.String())
	}
	// Columns line up: every line has its third column at the same offset.
	col := strings.Index(lines[0], "conf")
	if !strings.HasPrefix(lines[1][col:], "0.85") || !strings.HasPrefix(lines[2][col:], "2 ") {
		t.Errorf("columns do not line up:\n%s", b.String())
	}

	b.Reset()
	long := strings.Repeat("x", 100)
	Write(&b, &Result{Columns: []string{"evidence"}, Rows: [][]any{{long}}}, "table")
	if !strings.Contains(b.String(), strings.Repeat("x", maxCell-1)+"…\n") {
		t.Errorf("long cell not cut:\n%s", b.String())
	}
	b.Reset()
	Write(&b, &Result{Columns: []string{"a", "b"}, Rows: [][]any{}}, "table")
	if b.String() != "a  b\n(no rows)\n" {
		t.Errorf("empty table = %q", b.String())
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, sample(), "yaml"); err == nil || !strings.Contains(err.Error(), "table, json, csv") {
		t.Errorf("err = %v", err)
	}
}

// TestInternalPropertiesLeftOut checks that what the loader keeps for
// itself does not reach the output.
func TestInternalPropertiesLeftOut(t *testing.T) {
	n := dbtype.Node{Labels: []string{"State"}, Props: map[string]any{"name": "Chad", "updated_from": "2025-01-01 article:x"}}
	r := dbtype.Relationship{Type: "SUPPORTS", Props: map[string]any{"confidence": 0.5, "source_confidence": []any{0.5}}}
	var b bytes.Buffer
	if err := Write(&b, &Result{Columns: []string{"n", "r"}, Rows: [][]any{{n, r}}}, "json"); err != nil {
		t.Fatal(err)
	}
	if want := "[\n{\"n\":{\"labels\":[\"State\"],\"name\":\"Chad\"},\"r\":{\"confidence\":0.5,\"type\":\"SUPPORTS\"}}\n]\n"; b.String() != want {
		t.Errorf("got %s, want %s", b.String(), want)
	}
}

func TestWithout(t *testing.T) {
	res := &Result{Columns: []string{"a", "graph", "b"}, Rows: [][]any{{int64(1), "p", int64(2)}}}
	got := res.Without(GraphColumn)
	if strings.Join(got.Columns, ",") != "a,b" || len(got.Rows[0]) != 2 || got.Rows[0][1] != int64(2) {
		t.Errorf("Without = %+v", got)
	}
	if len(res.Columns) != 3 {
		t.Error("Without changed its receiver")
	}
}
