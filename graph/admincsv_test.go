package graph

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestAdminCSVQuotingAndDelimiter(t *testing.T) {
	tests := []struct {
		name    string
		aliases []any
		delim   string
	}{
		{"plain", []any{"Ruritanian Republic", "RR"}, ";"},
		{"semicolon in a list", []any{"a; b", "c"}, "|"},
		{"both delimiters", []any{"a; b", "c|d"}, "\x1f"},
		{"quotes, commas and lines", []any{`say "hi", then`, "two\nlines"}, ";"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			b := &Batch{Nodes: []Node{{ID: "state:r", Labels: []Label{LabelState},
				Props: map[string]any{"id": "state:r", "name": `Ru"rit,ania`, "aliases": tt.aliases, "url": ""}}}}
			imp, err := WriteAdminCSV(dir, b)
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(filepath.Join(dir, imp.NodeFiles[string(LabelState)]))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			recs, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 2 {
				t.Fatalf("%d records, want header and one node", len(recs))
			}
			row := map[string]string{}
			for i, h := range recs[0] {
				row[h] = recs[1][i]
			}
			if row["id:ID"] != "state:r" || row[":LABEL"] != "State" || row["name"] != `Ru"rit,ania` {
				t.Errorf("row %q", row)
			}
			want := make([]string, len(tt.aliases))
			for i, a := range tt.aliases {
				want[i] = a.(string)
			}
			got := strings.Split(row["aliases:string[]"], tt.delim)
			if !reflect.DeepEqual(SortedUnion(nil, got, 0), SortedUnion(nil, want, 0)) {
				t.Errorf("aliases split on %q = %q, want %q", tt.delim, got, want)
			}
			if !strings.Contains(imp.Command("neo4j"), "--array-delimiter=") {
				t.Errorf("command without the array delimiter: %s", imp.Command("neo4j"))
			}
		})
	}
}
