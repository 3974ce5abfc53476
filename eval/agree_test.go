package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// referenceScorer returns the gold directory and script of the evaluation
// data that sits beside the repository (../shared/eval), or skips the test
// saying why it cannot run.
func referenceScorer(t *testing.T) (devDir, script string) {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	eval := filepath.Join(filepath.Dir(dir), "shared", "eval")
	script = filepath.Join(eval, "score.py")
	devDir = filepath.Join(eval, "dev")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("skipped: no reference scorer at %s (the evaluation data sits beside the repository as ../shared/eval)", script)
	}
	if _, err := os.Stat(devDir); err != nil {
		t.Skipf("skipped: no gold articles at %s", devDir)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("skipped: python3 is not installed, so score.py cannot run")
	}
	return devDir, script
}

// runReference runs score.py over predictions in predDir.
func runReference(t *testing.T, script, goldDir, predDir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("python3", append([]string{script, "--gold", goldDir, "--pred", predDir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, stderr.String())
	}
	return string(out)
}

// scoreDir scores predDir with this package, the way geokg eval does.
func scoreDir(t *testing.T, goldDir, predDir string, perArticle *strings.Builder) *Tally {
	t.Helper()
	items, err := List(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	total := NewTally()
	for _, a := range items {
		g, err := LoadGold(a.Gold)
		if err != nil {
			t.Fatal(err)
		}
		b := &graph.Batch{}
		if f, err := os.Open(a.PredPath(predDir)); err == nil {
			b, err = ReadPrediction(f)
			f.Close()
			if err != nil {
				total.Fail(a.Name, fmt.Errorf("unreadable output: %w", err))
				b = &graph.Batch{}
			}
		}
		at := ScoreArticle(a.Name, g, b)
		if perArticle != nil {
			perArticle.WriteString(ArticleLine(a.Name, at) + "\n")
		}
		total.Merge(at)
	}
	return total
}

// TestAgreesWithReference scores synthetic predictions made from the gold
// files (entities dropped, renamed, relabelled, duplicated; relations
// reversed, retyped, routed through events, pointed at unknown nodes;
// events retyped or without sides) with both scorers and requires the
// same report, key by key and line by line.
func TestAgreesWithReference(t *testing.T) {
	devDir, script := referenceScorer(t)
	for _, set := range []string{devDir, filepath.Join(filepath.Dir(devDir), "dev-broad")} {
		if _, err := os.Stat(set); err != nil {
			continue
		}
		t.Run(filepath.Base(set), func(t *testing.T) { agreeOnPerturbed(t, script, set) })
	}
}

func agreeOnPerturbed(t *testing.T, script, devDir string) {
	items, err := List(devDir)
	if err != nil {
		t.Fatal(err)
	}
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			pred := t.TempDir()
			for k, a := range items {
				g, err := LoadGold(a.Gold)
				if err != nil {
					t.Fatal(err)
				}
				if seed == 4 && k%7 == 3 {
					continue // no prediction file: scored as empty
				}
				rng := rand.New(rand.NewPCG(seed, uint64(k)))
				data := perturb(rng, g)
				if seed == 3 && k == 5 {
					data = append(data, []byte("{not json\n")...)
				}
				if err := os.WriteFile(a.PredPath(pred), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			compareWithReference(t, script, devDir, pred)
		})
	}
}

// compareWithReference requires both scorers to report the same on pred.
func compareWithReference(t *testing.T, script, goldDir, pred string) {
	t.Helper()
	var perArticle strings.Builder
	tally := scoreDir(t, goldDir, pred, &perArticle)

	var got bytes.Buffer
	if err := tally.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	want := runReference(t, script, goldDir, pred, "--json")
	if got.String() != want {
		t.Errorf("JSON report differs\n--- score.py\n%s\n--- ingest/score\n%s", want, got.String())
	}
	var w, g map[string]map[string]any
	_ = json.Unmarshal([]byte(stripScalars(want)), &w)
	_ = json.Unmarshal([]byte(stripScalars(got.String())), &g)
	if len(w) < 3 {
		t.Fatalf("score.py reported only %d rows", len(w))
	}

	text := runReference(t, script, goldDir, pred, "--per-article", "--show-errors")
	var table bytes.Buffer
	table.WriteString(perArticle.String())
	if err := tally.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	n := strings.Count(table.String(), "\n")
	lines := strings.SplitAfter(text, "\n")
	if len(lines) < n {
		t.Fatalf("score.py printed %d lines, want at least %d:\n%s", len(lines), n, text)
	}
	if head := strings.Join(lines[:n], ""); head != table.String() {
		t.Errorf("table differs\n--- score.py\n%s--- ingest/score\n%s", head, table.String())
	}
	wantErrs := strings.Split(strings.TrimSuffix(strings.Join(lines[n:], ""), "\n"), "\n")
	gotErrs := append([]string{}, tally.Errors...)
	if len(gotErrs) == 0 {
		gotErrs = []string{""}
	}
	// The reference walks a set of event parties in hash order, so only the
	// multiset of error lines is comparable; JSON decoders word their
	// errors differently.
	for _, l := range [][]string{wantErrs, gotErrs} {
		for i, e := range l {
			if before, _, ok := strings.Cut(e, " is not JSON: "); ok {
				l[i] = before + " is not JSON"
			}
		}
	}
	sort.Strings(wantErrs)
	sort.Strings(gotErrs)
	if strings.Join(wantErrs, "\n") != strings.Join(gotErrs, "\n") {
		t.Errorf("error lines differ\n--- score.py\n%s\n--- ingest/score\n%s",
			strings.Join(wantErrs, "\n"), strings.Join(gotErrs, "\n"))
	}
	if tally.Sum().TP == 0 || tally.Sum().FP == 0 || tally.Sum().FN == 0 {
		t.Errorf("predictions exercise too little: %+v", tally.Sum())
	}
}

// stripScalars drops the top-level integer entries so the rows decode as
// maps.
func stripScalars(s string) string {
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(s), &m) != nil {
		return "{}"
	}
	for k, v := range m {
		if !bytes.HasPrefix(v, []byte("{")) {
			delete(m, k)
		}
	}
	b, _ := json.Marshal(m)
	return string(b)
}

var entityLabelList = strs(graph.EntityLabels)

// strs is a list of typed names as plain strings.
func strs[T ~string](l []T) []string {
	out := make([]string, len(l))
	for i, x := range l {
		out[i] = string(x)
	}
	return out
}

// perturb writes a prediction for g in the export format that gets some
// things right and many wrong, in every way the matching rules distinguish.
func perturb(rng *rand.Rand, g *Gold) []byte {
	var lines []map[string]any
	next := 0
	newID := func(prefix string) string {
		next++
		return fmt.Sprintf("%s:%d", prefix, next)
	}
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	node := func(id string, labels []string, props map[string]any) {
		if props == nil {
			props = map[string]any{}
		}
		props["id"] = id
		lines = append(lines, map[string]any{"type": "node", "id": id, "labels": labels, "properties": props})
	}
	rel := func(typ, from, to string) {
		lines = append(lines, map[string]any{"type": "relationship", "id": newID("rel"), "label": typ,
			"start": map[string]any{"id": from}, "end": map[string]any{"id": to}, "properties": map[string]any{}})
	}
	article := newID("article")
	node(article, []string{"Article"}, map[string]any{"title": "t"})

	nodesOf := map[int][]string{}
	var all []string
	for i, e := range g.Entities {
		if rng.IntN(100) < 15 {
			continue
		}
		copies := 1
		if rng.IntN(100) < 15 {
			copies = 2
		}
		for c := 0; c < copies; c++ {
			labels := []string{e.Type}
			switch r := rng.IntN(100); {
			case r < 10 && len(e.AltTypes) > 0:
				labels = []string{pick(e.AltTypes)}
			case r < 22:
				labels = []string{pick(entityLabelList)}
			case r < 26:
				labels = []string{"Actor"}
			case r < 30:
				labels = []string{pick(entityLabelList), e.Type}
			case r < 33:
				labels = []string{"Actor", e.Type}
			}
			surf := append([]string{e.Name}, e.Aliases...)
			name := variant(rng, pick(surf))
			props := map[string]any{"name": name}
			switch r := rng.IntN(100); {
			case r < 20:
				props["aliases"] = []any{variant(rng, pick(surf)), 7, ""}
			case r < 25:
				props["name"] = "Nowhere Land " + fmt.Sprint(rng.IntN(3))
				props["aliases"] = []any{pick(surf)}
			case r < 28:
				props["name"] = nil
				props["aliases"] = []any{pick(surf)}
			case r < 30:
				delete(props, "name")
			}
			id := newID("n")
			node(id, labels, props)
			nodesOf[i] = append(nodesOf[i], id)
			all = append(all, id)
			if rng.IntN(100) < 4 { // the same id again, renamed
				node(id, labels, map[string]any{"name": variant(rng, pick(surf)) + " Jr"})
			}
		}
	}
	for k := rng.IntN(4); k > 0; k-- {
		id := newID("x")
		node(id, []string{pick(entityLabelList)}, map[string]any{"name": pick([]string{"Freedonia", "Sylvania", "Grand Fenwick", "The Commission", "Lower Region"})})
		all = append(all, id)
	}
	if len(all) == 0 {
		return nil
	}
	endpointOf := func(names []string) (string, bool) {
		for _, n := range names {
			for i, e := range g.Entities {
				if e.Name == n && len(nodesOf[i]) > 0 && rng.IntN(100) < 85 {
					return pick(nodesOf[i]), true
				}
			}
		}
		return "", false
	}
	event := func(typ any, parties []string) (string, map[string]any) {
		id := newID("event")
		props := map[string]any{"name": fmt.Sprintf("event %d", next)}
		if typ != nil {
			props["type"] = typ
		}
		node(id, []string{"Event"}, props)
		for _, p := range parties {
			rel("PARTY_TO", p, id)
		}
		rel("MENTIONS", article, id)
		return id, props
	}
	for _, r := range g.Relations {
		if rng.IntN(100) < 20 {
			continue
		}
		x, okx := endpointOf(r.From)
		y, oky := endpointOf(r.To)
		if !okx || !oky {
			continue
		}
		typ := r.Type
		if rng.IntN(100) < 12 {
			typ = pick(strs(graph.RelTypes))
		}
		switch {
		case typ == "MEDIATES" && rng.IntN(100) < 60:
			parties := []string{y}
			if rng.IntN(100) < 30 {
				parties = append(parties, x) // the mediator as a side is not a pair
			}
			if rng.IntN(100) < 30 {
				parties = append(parties, pick(all))
			}
			if rng.IntN(100) < 10 {
				parties = nil
			}
			id, _ := event(pick(strs(graph.EventTypes)), parties)
			rel("MEDIATES", x, id)
		case rng.IntN(100) < 25:
			rel(typ, y, x)
		default:
			rel(typ, x, y)
			if rng.IntN(100) < 10 {
				rel(typ, x, y)
			}
		}
	}
	for k := rng.IntN(5); k > 0; k-- {
		from, to := pick(all), pick(all)
		if rng.IntN(100) < 20 {
			to = "ghost:" + fmt.Sprint(k)
		}
		rel(pick(strs(graph.RelTypes)), from, to)
	}
	for _, e := range g.Events {
		if rng.IntN(100) < 20 {
			continue
		}
		var typ any = e.Type
		switch r := rng.IntN(100); {
		case r < 10:
			typ = pick(strs(graph.EventTypes))
		case r < 13:
			typ = nil
		}
		var parties []string
		for _, p := range e.Parties {
			if id, ok := endpointOf([]string{p}); ok && rng.IntN(100) < 70 {
				parties = append(parties, id)
			}
		}
		if rng.IntN(100) < 15 {
			parties = append(parties, pick(all))
		}
		id, props := event(typ, parties)
		switch r := rng.IntN(100); {
		case r < 35 && e.Date != "":
			props["date"] = e.Date
		case r < 45 && e.Date != "":
			props["date"] = e.Date + "T10:00:00"
		case r < 55:
			props["date"] = "2019-01-0" + fmt.Sprint(1+rng.IntN(9))
		case r < 60:
			props["date"] = ""
		case r < 63:
			props["date"] = 2020
		}
		// The place: LOCATED_IN to nodes of the gold location, to other
		// nodes or to a missing one, and a location property.
		for _, l := range e.Location {
			if n, ok := endpointOf([]string{l}); ok && rng.IntN(100) < 50 {
				rel("LOCATED_IN", id, n)
			}
		}
		switch r := rng.IntN(100); {
		case r < 15:
			rel("LOCATED_IN", id, pick(all))
		case r < 18:
			rel("LOCATED_IN", id, "ghost:place")
		}
		switch r := rng.IntN(100); {
		case r < 15 && len(e.Location) > 0:
			props["location"] = []any{variant(rng, pick(e.Location)), 3}
		case r < 25 && len(e.Location) > 0:
			props["location"] = pick(e.Location)
		case r < 30:
			props["location"] = "Atlantis"
		case r < 33:
			props["location"] = []any{}
		}
		if len(e.Mediators) > 0 && rng.IntN(100) < 60 {
			if m, ok := endpointOf(e.Mediators); ok {
				rel("MEDIATES", m, id)
			}
		}
	}
	for k := rng.IntN(3); k > 0; k-- {
		event(pick(strs(graph.EventTypes)), []string{pick(all)})
	}
	rng.Shuffle(len(lines), func(i, j int) {
		// Keep nodes before relationships, as the export format does, but
		// shuffle within each group.
		if lines[i]["type"] == lines[j]["type"] {
			lines[i], lines[j] = lines[j], lines[i]
		}
	})
	// Some files use numeric ids and bare endpoint ids, as other tools'
	// exports may.
	numeric := rng.IntN(100) < 25
	num := map[string]int{}
	asNum := func(id any) any {
		s, _ := id.(string)
		if _, ok := num[s]; !ok {
			num[s] = len(num) + 1
		}
		return num[s]
	}
	var buf bytes.Buffer
	for _, l := range lines {
		if numeric {
			l["id"] = asNum(l["id"])
			for _, end := range []string{"start", "end"} {
				if ref, ok := l[end].(map[string]any); ok {
					ref["id"] = asNum(ref["id"])
				}
			}
		}
		if l["type"] == "relationship" && rng.IntN(100) < 10 {
			l["end"] = l["end"].(map[string]any)["id"]
		}
		b, _ := json.Marshal(l)
		buf.Write(b)
		buf.WriteByte('\n')
		if rng.IntN(100) < 3 {
			buf.WriteString("  \n")
		}
	}
	return buf.Bytes()
}

// variant is a surface form that the normalization should or should not
// bring back to s.
func variant(rng *rand.Rand, s string) string {
	switch rng.IntN(14) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return "The " + s
	case 2:
		return "the " + s + "'s"
	case 3:
		return s + "\u2019s forces"
	case 4:
		return strings.ReplaceAll(s, "-", " -- ")
	case 5:
		return strings.NewReplacer("a", "á", "e", "é", "o", "ö", "u", "ü").Replace(s)
	case 6:
		return "  " + s + ". "
	case 7:
		return s + "s"
	case 8:
		return "thee " + s
	default:
		return s
	}
}
