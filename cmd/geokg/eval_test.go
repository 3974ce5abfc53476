package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/eval"
	"github.com/geokg/geokg/graph"
)

// evalRun runs geokg with args and returns its output and exit status.
func evalRun(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"geokg"}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// evalReference finds ../shared/eval beside the repository and python3,
// or skips saying what is missing.
func evalReference(t *testing.T) (devDir, script string) {
	t.Helper()
	devDir, script, missing := findReference(t)
	if missing != "" {
		t.Skip("skipped: " + missing)
	}
	return devDir, script
}

// findReference returns the reference scorer and its gold articles, or
// what is missing to run them.
func findReference(t *testing.T) (devDir, script, missing string) {
	t.Helper()
	eval := filepath.Join(filepath.Dir(repoRoot(t)), "shared", "eval")
	script, devDir = filepath.Join(eval, "score.py"), filepath.Join(eval, "dev")
	for _, p := range []string{script, devDir} {
		if _, err := os.Stat(p); err != nil {
			return "", "", p + " is absent (the evaluation data sits beside the repository as ../shared/eval)"
		}
	}
	if _, err := exec.LookPath("python3"); err != nil {
		return "", "", "python3 is not installed, so score.py cannot run"
	}
	return devDir, script, ""
}

// repoRoot is the directory holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

func scorePy(t *testing.T, script, gold, pred string, args ...string) string {
	t.Helper()
	cmd := exec.Command("python3", append([]string{script, "--gold", gold, "--pred", pred}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, stderr.String())
	}
	return string(out)
}

// compareReports requires two JSON reports to agree on every key.
func compareReports(t *testing.T, want, got string) {
	t.Helper()
	var w, g map[string]any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("score.py report: %v\n%s", err, want)
	}
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("geokg eval report: %v\n%s", err, got)
	}
	for k, wv := range w {
		if gv, ok := g[k]; !ok {
			t.Errorf("%s: missing from geokg eval", k)
		} else if fmt.Sprint(gv) != fmt.Sprint(wv) {
			t.Errorf("%s: geokg eval %v, score.py %v", k, gv, wv)
		}
	}
	for k := range g {
		if _, ok := w[k]; !ok {
			t.Errorf("%s: not in score.py's report", k)
		}
	}
	if got != want {
		t.Errorf("reports differ in layout\n--- score.py\n%s--- geokg eval\n%s", want, got)
	}
}

// TestEvalAgreesWithScorePy extracts the evaluation articles with the
// project's extractor and requires geokg eval and score.py to report the
// same on the same predictions.
func TestEvalAgreesWithScorePy(t *testing.T) {
	devDir, script := evalReference(t)
	pred := t.TempDir()
	got, stderr, code := evalRun(t, "eval", "--gold", devDir, "--write-pred", pred, "--format", "json")
	if code != 0 {
		t.Fatalf("geokg eval: exit %d\n%s", code, stderr)
	}
	compareReports(t, scorePy(t, script, devDir, pred, "--json"), got)

	table, stderr, code := evalRun(t, "eval", "--gold", devDir, "--pred", pred, "--per-article")
	if code != 0 {
		t.Fatalf("geokg eval --pred: exit %d\n%s", code, stderr)
	}
	if want := scorePy(t, script, devDir, pred, "--per-article"); table != want {
		t.Errorf("tables differ\n--- score.py\n%s--- geokg eval\n%s", want, table)
	}
	t.Logf("geokg eval on %s:\n%s", devDir, table)
}

// TestEvalMatchesExtractCommand checks that extracting in-process gives
// the figures of the evaluation data's own procedure, score.py running
// "geokg extract --format jsonl" once per article.
func TestEvalMatchesExtractCommand(t *testing.T) {
	devDir, script := evalReference(t)
	if testing.Short() {
		t.Skip("skipped in -short mode: builds geokg and runs it once per article")
	}
	bin := filepath.Join(t.TempDir(), "geokg")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command("python3", script, "--gold", devDir, "--run", bin+" extract --format jsonl", "--json")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py --run: %v\n%s", err, stderr.String())
	}
	got, errs, code := evalRun(t, "eval", "--gold", devDir, "--format", "json")
	if code != 0 {
		t.Fatalf("geokg eval: exit %d\n%s", code, errs)
	}
	compareReports(t, string(want), got)
}

// goldPrediction writes, for each annotated article of dir, the graph its
// gold file describes, as an extractor that got everything right would.
func goldPrediction(t *testing.T, dir string) (pred string, items []eval.Annotated, golds []*eval.Gold) {
	t.Helper()
	items, err := eval.List(dir)
	if err != nil {
		t.Fatal(err)
	}
	pred = t.TempDir()
	for _, a := range items {
		g, err := eval.LoadGold(a.Gold)
		if err != nil {
			t.Fatal(err)
		}
		golds = append(golds, g)
		b := &graph.Batch{}
		ids := map[string]string{}
		for _, e := range g.Entities {
			id := graph.EntityID(graph.Label(e.Type), e.Name)
			ids[e.Name] = id
			b.Nodes = append(b.Nodes, graph.Node{ID: id, Labels: []graph.Label{graph.Label(e.Type)},
				Props: map[string]any{"id": id, "name": e.Name, "aliases": e.Aliases}})
		}
		for _, r := range g.Relations {
			from, to := ids[r.From[0]], ids[r.To[0]]
			b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelType(r.Type), from, to), Type: graph.RelType(r.Type),
				Start: graph.Ref{ID: from}, End: graph.Ref{ID: to}, Props: map[string]any{}})
		}
		for k, ev := range g.Events {
			id := graph.HashID("event", a.Name, fmt.Sprint(k))
			b.Nodes = append(b.Nodes, graph.Node{ID: id, Labels: []graph.Label{graph.LabelEvent},
				Props: map[string]any{"id": id, "type": ev.Type, "name": ev.Type}})
			for _, p := range ev.Parties {
				b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelPartyTo, ids[p], id), Type: graph.RelPartyTo,
					Start: graph.Ref{ID: ids[p]}, End: graph.Ref{ID: id}, Props: map[string]any{}})
			}
		}
		var buf bytes.Buffer
		if err := graph.NewJSONLWriter(&buf).Write(b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(a.PredPath(pred), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return pred, items, golds
}

// TestEvalPred scores the gold graphs of the project's own annotated
// sample articles as predictions: every entity is found, no relation is
// extra, and each kind's hits and misses add up to its gold items.
func TestEvalPred(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata", "articles")
	pred, items, golds := goldPrediction(t, dir)
	stdout, stderr, code := evalRun(t, "eval", "--gold", dir, "--pred", pred, "--format", "json", "--per-article")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var rep map[string]map[string]float64
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &top); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, stdout)
	}
	rep = map[string]map[string]float64{}
	for k, v := range top {
		var row map[string]float64
		if json.Unmarshal(v, &row) == nil {
			rep[k] = row
		}
	}
	want := map[string]int{}
	for _, g := range golds {
		for _, e := range g.Entities {
			if !e.Optional {
				want["entity"]++
			}
		}
		for _, r := range g.Relations {
			if !r.Optional {
				want["relation"]++
			}
		}
		for _, e := range g.Events {
			if !e.Optional {
				want["event"]++
				if e.Date != "" {
					want["event_attr"]++
				}
				if len(e.Location) > 0 {
					want["event_attr"]++
				}
			}
		}
	}
	for _, kind := range eval.Kinds {
		row := rep[kind+":ALL"]
		if int(row["tp"]+row["fn"]) != want[kind] {
			t.Errorf("%s: tp+fn = %v, want the %d gold items", kind, row["tp"]+row["fn"], want[kind])
		}
	}
	// Extras are possible: a gold name that is also an earlier entity's
	// alias can only ever match that entity.
	if e := rep["entity:ALL"]; e["fn"] != 0 || e["tp"] == 0 {
		t.Errorf("entities from gold score %v, want every one found", e)
	}
	if r := rep["relation:ALL"]; r["fp"] != 0 || r["tp"] == 0 {
		t.Errorf("relations from gold score %v, want hits and no extras", r)
	}
	if n := strings.Count(stderr, " tp="); n != len(items) {
		t.Errorf("%d per-article lines on stderr for %d articles:\n%s", n, len(items), stderr)
	}

	// Take the entities away: they are all missed, and the relations and
	// events lose their anchors.
	for _, a := range items {
		data, err := os.ReadFile(a.PredPath(pred))
		if err != nil {
			t.Fatal(err)
		}
		var keep []string
		for _, l := range strings.SplitAfter(string(data), "\n") {
			if !strings.Contains(l, `"labels":["State"]`) {
				keep = append(keep, l)
			}
		}
		if err := os.WriteFile(a.PredPath(pred), []byte(strings.Join(keep, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	table, _, code := evalRun(t, "eval", "--gold", dir, "--pred", pred, "--show-errors")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(table, "missed State") || !strings.Contains(table, "(endpoint not in gold)") {
		t.Errorf("no missed State or unmapped relation in:\n%s", table)
	}
	if !strings.HasPrefix(table, fmt.Sprintf("%-26s %5s %5s %5s  %6s %6s %6s\n", "", "tp", "fp", "fn", "P", "R", "F1")) {
		t.Errorf("table does not start with the header:\n%s", table)
	}

	if _, script, missing := findReference(t); missing != "" {
		t.Logf("not compared with score.py: %s", missing)
	} else {
		json1, _, _ := evalRun(t, "eval", "--gold", dir, "--pred", pred, "--format", "json")
		compareReports(t, scorePy(t, script, dir, pred, "--json"), json1)
	}
}

func TestEvalFailures(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("001.txt", "title: Talks\n\nArmenia and Azerbaijan met.\n")
	write("001.gold.json", `{"entities": [{"type": "State", "name": "Armenia"}, {"type": "State", "name": "Azerbaijan"}]}`)
	write("002.txt", "title: More talks\n\nArmenia met.\n")
	write("002.gold.json", `{"entities": [{"type": "State", "name": "Armenia"}]}`)
	pred := t.TempDir()
	if err := os.WriteFile(filepath.Join(pred, "001.jsonl"), []byte(`{"type":"node","id":"a","labels":["State"],"properties":{"name":"Armenia"}}`+"\n{oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	stdout, stderr, code := evalRun(t, "eval", "--gold", dir, "--pred", pred, "--show-errors")
	if code != 1 {
		t.Errorf("exit %d, want 1 for an unreadable prediction\n%s", code, stderr)
	}
	for _, want := range []string{
		"entity:State                   0     0     3",
		"extractor failures: 1",
		"001.txt: unreadable output:",
		"line 2 is not JSON",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "002.jsonl") {
		t.Errorf("no note of the missing prediction 002.jsonl:\n%s", stderr)
	}
}

func TestEvalUsage(t *testing.T) {
	good := t.TempDir()
	for name, text := range map[string]string{
		"001.txt":       "Armenia.\n",
		"001.gold.json": `{"entities": [{"type": "State", "name": "Armenia"}]}`,
	} {
		if err := os.WriteFile(filepath.Join(good, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mkdir := func(files map[string]string) string {
		d := t.TempDir()
		for name, text := range files {
			if err := os.WriteFile(filepath.Join(d, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	badJSON := mkdir(map[string]string{"001.txt": "x", "001.gold.json": "{", "002.txt": "y",
		"002.gold.json": `{"entities": [], "relations": [{"type": "FIGHTS", "from": ["A"], "to": ["B"]}]}`})
	noGold := mkdir(map[string]string{"001.txt": "x"})

	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"no --gold", []string{"eval"}, []string{"gold"}},
		{"missing directory", []string{"eval", "--gold", filepath.Join(good, "nope")}, []string{"nope"}},
		{"no articles", []string{"eval", "--gold", t.TempDir()}, []string{"no annotated articles"}},
		{"no gold files", []string{"eval", "--gold", noGold}, []string{"no NNN.gold.json"}},
		{"invalid gold files", []string{"eval", "--gold", badJSON},
			[]string{filepath.Join(badJSON, "001.gold.json"), filepath.Join(badJSON, "002.gold.json"), `names "A"`}},
		{"bad format", []string{"eval", "--gold", good, "--format", "csv"}, []string{"--format"}},
		{"pred with dict", []string{"eval", "--gold", good, "--pred", good, "--dict", "x.tsv"}, []string{"--pred"}},
		{"pred not a directory", []string{"eval", "--gold", good, "--pred", filepath.Join(good, "001.txt")}, []string{"not a directory"}},
		{"arguments", []string{"eval", "--gold", good, "extra"}, []string{"no arguments"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := evalRun(t, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2\n%s", code, stderr)
			}
			if stdout != "" && !strings.Contains(stdout, "USAGE") {
				t.Errorf("a report was printed:\n%s", stdout)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}
