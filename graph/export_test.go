package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// sortedLines is a batch as sorted JSON lines, numbers and lists as JSON
// has them.
func sortedLines(t testing.TB, b *Batch) string {
	t.Helper()
	var buf bytes.Buffer
	if err := NewJSONLWriter(&buf).Write(b); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var v any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(v)
		lines = append(lines, string(out))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// exportCorpus is articles with facts that fan in: a few relationships
// supported by many of them, in several orders of publication.
func exportCorpus() []*Batch {
	var out []*Batch
	names := []string{"Ruritania", "Freedonia", "Elbonia", "Kurland", "Osterlich"}
	for i := 0; i < 60; i++ {
		pub := fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+(i*7)%28)
		if i%13 == 0 {
			pub = ""
		}
		a, b, c := names[i%5], names[(i*3+1)%5], names[(i+2)%5]
		if a == b {
			b = names[(i+1)%5]
		}
		bt := article(fmt.Sprintf("article:%03d", i), pub, 0.05+float64(i%10)/11, fmt.Sprintf("%s backs %s, report %d.", a, b, i),
			state(a, a+" Republic"), state(b), state(c))
		out = append(out, bt)
	}
	out = append(out, out[3], out[17]) // the same articles again
	return out
}

// CanonicalLines is an export file as sortedLines has it, read back as
// loading it would: numbers as float64, Evidence weights recomputed.
func CanonicalLines(t testing.TB, jsonl []byte) string {
	t.Helper()
	got, err := ReadJSONL(bytes.NewReader(jsonl))
	if err != nil {
		t.Fatal(err)
	}
	var fixed Batch
	fixed.Rels = got.Rels
	for _, n := range got.Nodes {
		if n.Label() == LabelEvidence {
			e, err := EvidenceFromNode(&n)
			if err != nil {
				t.Fatal(err)
			}
			n = e.Node()
		}
		fixed.Nodes = append(fixed.Nodes, n)
	}
	return sortedLines(t, &fixed)
}

func TestExporterEqualsMerger(t *testing.T) {
	in := exportCorpus()
	m := NewMerger()
	x, err := NewExporter(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, b := range in {
		m.Add(b)
		if err := x.Add(b); err != nil {
			t.Fatal(err)
		}
	}
	want := sortedLines(t, m.Batch())
	var buf bytes.Buffer
	if err := x.WriteJSONL(&buf); err != nil {
		t.Fatal(err)
	}
	if g := CanonicalLines(t, buf.Bytes()); g != want {
		wl, gl := strings.Split(want, "\n"), strings.Split(g, "\n")
		for i := range min(len(wl), len(gl)) {
			if wl[i] != gl[i] {
				t.Fatalf("exporter differs from Merger at line %d of %d/%d:\n got %s\nwant %s", i, len(gl), len(wl), gl[i], wl[i])
			}
		}
		t.Fatalf("exporter gives %d lines, Merger %d", len(gl), len(wl))
	}

	// The CSV files hold the same elements.
	dir := t.TempDir()
	imp, err := x.WriteAdminCSV(dir)
	if err != nil {
		t.Fatal(err)
	}
	mdir := t.TempDir()
	mimp, err := WriteAdminCSV(mdir, m.Batch())
	if err != nil {
		t.Fatal(err)
	}
	if imp.Command("neo4j") != strings.ReplaceAll(mimp.Command("neo4j"), mdir, dir) {
		t.Errorf("commands differ:\n%s\n%s", imp.Command("neo4j"), mimp.Command("neo4j"))
	}
	for _, f := range append(mapValues(imp.NodeFiles), mapValues(imp.RelFiles)...) {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, _ := os.ReadFile(filepath.Join(mdir, f))
		al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
		if al[0] != bl[0] {
			t.Errorf("%s: header %s, Merger's %s", f, al[0], bl[0])
		}
		sort.Strings(al)
		sort.Strings(bl)
		if strings.Join(al, "\n") != strings.Join(bl, "\n") {
			t.Errorf("%s differs from Merger's", f)
		}
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
