package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// testGold is a small invented story: talks between Armenia and
// Azerbaijan mediated by Russia, fighting over Nagorno-Karabakh.
const testGold = `{
  "article": "t.txt",
  "entities": [
    {"type": "State", "name": "Russia", "aliases": ["Kremlin", "Moscow government", "Russian Federation"]},
    {"type": "State", "name": "Armenia", "aliases": ["Yerevan"]},
    {"type": "State", "name": "Azerbaijan", "aliases": ["Baku"]},
    {"type": "State", "name": "Türkiye", "aliases": ["Turkey"]},
    {"type": "Leader", "name": "Recep Tayyip Erdoğan", "aliases": ["Erdogan"]},
    {"type": "Region", "name": "Nagorno-Karabakh", "alt_types": ["State"]},
    {"type": "Region", "name": "Hague"},
    {"type": "Organization", "name": "U.N.", "kind": "igo", "optional": true},
    {"type": "Organization", "name": "Karabakh forces", "kind": "armed_group"}
  ],
  "relations": [
    {"type": "MEDIATES", "from": ["Russia"], "to": ["Armenia"]},
    {"type": "MEDIATES", "from": ["Russia"], "to": ["Azerbaijan"]},
    {"type": "FIGHTS", "from": ["Armenia", "Karabakh forces"], "to": ["Azerbaijan"]},
    {"type": "CONTROLS", "from": ["Karabakh forces"], "to": ["Nagorno-Karabakh"]},
    {"type": "REPRESENTS", "from": ["Recep Tayyip Erdoğan"], "to": ["Türkiye"], "role": "President"},
    {"type": "SUPPORTS", "from": ["Türkiye"], "to": ["Azerbaijan"], "optional": true}
  ],
  "events": [
    {"type": "talks", "parties": ["Armenia", "Azerbaijan"], "mediators": ["Russia"]},
    {"type": "armed_conflict", "parties": ["Armenia", "Azerbaijan"]},
    {"type": "summit"},
    {"type": "sanctions", "parties": ["Russia"], "optional": true}
  ]
}`

func node(id, label, name string, aliases ...string) graph.Node {
	p := map[string]any{"id": id, "name": name}
	if len(aliases) > 0 {
		p["aliases"] = aliases
	}
	return graph.Node{ID: id, Labels: labelList(strings.Split(label, ",")), Props: p}
}

func event(id, typ string) graph.Node {
	return graph.Node{ID: id, Labels: []graph.Label{graph.LabelEvent}, Props: map[string]any{"id": id, "type": typ, "name": typ}}
}

func rel(typ, from, to string) graph.Rel {
	return graph.Rel{ID: graph.RelID(graph.RelType(typ), from, to), Type: graph.RelType(typ), Start: graph.Ref{ID: from}, End: graph.Ref{ID: to}, Props: map[string]any{}}
}

// rows is a tally's counts by key, with every gold item not mentioned in
// the case's want counted as missed.
type rows map[string]Counts

func TestScoreArticle(t *testing.T) {
	g, err := ParseGold([]byte(testGold))
	if err != nil {
		t.Fatal(err)
	}
	// Nodes most cases share: every non-optional entity found once.
	base := []graph.Node{
		node("ru", "State", "Russia"),
		node("am", "State", "Armenia"),
		node("az", "State", "Azerbaijan"),
		node("tr", "State", "Türkiye"),
		node("re", "Leader", "Recep Tayyip Erdoğan"),
		node("nk", "Region", "Nagorno-Karabakh"),
		node("ha", "Region", "Hague"),
		node("kf", "Organization", "Karabakh forces"),
	}
	allEntities := rows{"entity:State": {TP: 4}, "entity:Leader": {TP: 1}, "entity:Region": {TP: 2}, "entity:Organization": {TP: 1}}
	noRels := rows{"relation:MEDIATES": {FN: 2}, "relation:FIGHTS": {FN: 1}, "relation:CONTROLS": {FN: 1}, "relation:REPRESENTS": {FN: 1}}
	noEvents := rows{"event:Event": {FN: 3}}
	merge := func(rs ...rows) rows {
		out := rows{}
		for _, r := range rs {
			for k, v := range r {
				out[k] = v
			}
		}
		return out
	}
	with := func(extra ...graph.Node) []graph.Node { return append(append([]graph.Node{}, base...), extra...) }

	tests := []struct {
		name  string
		nodes []graph.Node
		rels  []graph.Rel
		want  rows
		dups  int
	}{
		{
			name: "nothing predicted",
			want: merge(rows{"entity:State": {FN: 4}, "entity:Leader": {FN: 1}, "entity:Region": {FN: 2}, "entity:Organization": {FN: 1}}, noRels, noEvents),
		},
		{
			name:  "every entity by its name",
			nodes: base,
			want:  merge(allEntities, noRels, noEvents),
		},
		{
			name: "aliases and normalization",
			nodes: []graph.Node{
				node("ru", "State", "the KREMLIN"),              // alias, case, leading "the"
				node("am", "State", "Erevan", "", "Yerevan"),    // an alias matches
				node("az", "State", "Baku"),                     // alias
				node("tr", "State", "Turkiye"),                  // accents dropped on the gold side
				node("re", "Leader", "Erdoğan"),                 // accents dropped on both sides
				node("nk", "Region", "Nagorno Karabakh"),        // punctuation
				node("ha", "Region", "The Hague"),               // leading "the"
				node("kf", "Organization", "Karabakh  forces."), // spaces and punctuation
			},
			want: merge(allEntities, noRels, noEvents),
		},
		{
			name: "possessive and curly apostrophe",
			nodes: with(
				node("x1", "State", "Moscow’s government"), // "Moscow government"
				node("x2", "State", "Russia's"),            // "'s" at the end is kept: "russia s"
				node("x3", "Region", "Hague, The"),         // "the" only counts leading
			),
			want: merge(allEntities, noRels, noEvents, rows{"entity:State": {TP: 4, FP: 1}, "entity:Region": {TP: 2, FP: 1}}),
			dups: 1,
		},
		{
			name: "wrong label is an extra and a miss",
			nodes: []graph.Node{
				node("ru", "Leader", "Russia"),
			},
			want: merge(rows{"entity:State": {FN: 4}, "entity:Leader": {FP: 1, FN: 1}, "entity:Region": {FN: 2}, "entity:Organization": {FN: 1}}, noRels, noEvents),
		},
		{
			name: "alt_types count under the gold type",
			nodes: []graph.Node{
				node("nk", "State", "Nagorno-Karabakh"),
			},
			want: merge(rows{"entity:State": {FN: 4}, "entity:Leader": {FN: 1}, "entity:Region": {TP: 1, FN: 1}, "entity:Organization": {FN: 1}}, noRels, noEvents),
		},
		{
			name: "a later label of a node may match",
			nodes: []graph.Node{
				node("ru", "Organization,State", "Russia"),
				node("am", "Actor,State", "Armenia"),
			},
			want: merge(rows{"entity:State": {TP: 2, FN: 2}, "entity:Leader": {FN: 1}, "entity:Region": {FN: 2}, "entity:Organization": {FN: 1}}, noRels, noEvents),
		},
		{
			name:  "optional entities count neither way",
			nodes: with(node("un", "Organization", "U. N.")),
			want:  merge(allEntities, noRels, noEvents),
		},
		{
			name:  "duplicates count once",
			nodes: with(node("ru2", "State", "Russian Federation"), node("ru3", "State", "Kremlin")),
			want:  merge(allEntities, noRels, noEvents),
			dups:  2,
		},
		{
			name:  "a node id seen twice is one node, the last one",
			nodes: with(node("x", "State", "Russia"), node("x", "State", "Freedonia")),
			want:  merge(allEntities, noRels, noEvents, rows{"entity:State": {TP: 4, FP: 1}}),
		},
		{
			name:  "unknown names and non-entity labels",
			nodes: with(node("x", "State", "Freedonia"), node("y", "Actor", "Russia"), node("a", "Article", "")),
			want:  merge(allEntities, noRels, noEvents, rows{"entity:State": {TP: 4, FP: 1}}),
		},
		{
			name:  "MEDIATES through the event's PARTY_TO sides",
			nodes: with(event("e", "talks")),
			rels: []graph.Rel{
				rel("MEDIATES", "ru", "e"),
				rel("PARTY_TO", "am", "e"), rel("PARTY_TO", "az", "e"),
				rel("PARTY_TO", "ru", "e"), // the mediator as a side makes no pair
			},
			want: merge(allEntities, noRels, rows{"relation:MEDIATES": {TP: 2}, "event:Event": {TP: 1, FN: 2}}),
		},
		{
			name:  "MEDIATES to an event without sides counts nothing",
			nodes: with(event("e", "talks")),
			rels:  []graph.Rel{rel("MEDIATES", "ru", "e")},
			want:  merge(allEntities, noRels, rows{"event:Event": {FP: 1, FN: 3}}),
		},
		{
			name:  "MEDIATES straight to a side",
			nodes: base,
			rels:  []graph.Rel{rel("MEDIATES", "ru", "am"), rel("MEDIATES", "am", "ru")},
			want:  merge(allEntities, noRels, noEvents, rows{"relation:MEDIATES": {TP: 1, FP: 1, FN: 1}}),
		},
		{
			name:  "FIGHTS either way round, CONTROLS not",
			nodes: base,
			rels:  []graph.Rel{rel("FIGHTS", "az", "am"), rel("CONTROLS", "nk", "kf")},
			want:  merge(allEntities, noRels, noEvents, rows{"relation:FIGHTS": {TP: 1}, "relation:CONTROLS": {FP: 1, FN: 1}}),
		},
		{
			name:  "any listed endpoint matches, once",
			nodes: base,
			rels:  []graph.Rel{rel("FIGHTS", "am", "az"), rel("FIGHTS", "kf", "az"), rel("FIGHTS", "am", "az")},
			want:  merge(allEntities, noRels, noEvents, rows{"relation:FIGHTS": {TP: 1}}),
		},
		{
			name:  "a wrong-label node still anchors relations",
			nodes: []graph.Node{node("kf", "State", "Karabakh forces"), node("nk", "Leader", "Karabakh")},
			rels:  []graph.Rel{rel("CONTROLS", "kf", "nk")},
			want: merge(rows{"entity:State": {FP: 1, FN: 4}, "entity:Leader": {FP: 1, FN: 1}, "entity:Region": {FN: 2}, "entity:Organization": {FN: 1}},
				noRels, noEvents, rows{"relation:CONTROLS": {FP: 1, FN: 1}}),
		},
		{
			name:  "a non-entity node anchors relations by name",
			nodes: with(node("y", "Actor", "Karabakh forces"), node("z", "Actor", "Nagorno-Karabakh")),
			rels:  []graph.Rel{rel("CONTROLS", "y", "z")},
			want:  merge(allEntities, noRels, noEvents, rows{"relation:CONTROLS": {TP: 1}}),
		},
		{
			name:  "endpoints outside gold are extras",
			nodes: with(node("x", "State", "Freedonia")),
			rels:  []graph.Rel{rel("SUPPORTS", "x", "az"), rel("SUPPORTS", "x", "az"), rel("FIGHTS", "am", "nowhere"), rel("MENTIONS", "a", "x")},
			want:  merge(allEntities, noRels, noEvents, rows{"entity:State": {TP: 4, FP: 1}, "relation:SUPPORTS": {FP: 2}, "relation:FIGHTS": {FP: 1, FN: 1}}),
		},
		{
			name:  "optional relations count neither way",
			nodes: base,
			rels:  []graph.Rel{rel("SUPPORTS", "tr", "az"), rel("REPRESENTS", "re", "tr")},
			want:  merge(allEntities, noRels, noEvents, rows{"relation:REPRESENTS": {TP: 1}}),
		},
		{
			name:  "events: type and a shared side; no gold sides match any",
			nodes: with(event("e1", "armed_conflict"), event("e2", "summit"), event("e3", "sanctions")),
			rels:  []graph.Rel{rel("PARTY_TO", "az", "e1"), rel("PARTY_TO", "ru", "e3")},
			want:  merge(allEntities, noRels, rows{"event:Event": {TP: 2, FN: 1}}),
		},
		{
			name:  "events: wrong type, no sides, and other",
			nodes: with(event("e1", "ceasefire"), event("e2", "talks"), event("e3", "other"), event("e4", "summit"), event("e5", "summit")),
			rels:  []graph.Rel{rel("PARTY_TO", "am", "e1"), rel("PARTY_TO", "am", "e3")},
			want:  merge(allEntities, noRels, rows{"event:Event": {TP: 1, FP: 3, FN: 2}}),
		},
		{
			name:  "events: a side outside gold is no shared side",
			nodes: with(event("e1", "talks"), node("x", "State", "Freedonia")),
			rels:  []graph.Rel{rel("PARTY_TO", "x", "e1")},
			want:  merge(allEntities, noRels, rows{"entity:State": {TP: 4, FP: 1}, "event:Event": {FP: 1, FN: 3}}),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ScoreArticle("t.txt", g, &graph.Batch{Nodes: tc.nodes, Rels: tc.rels})
			have := rows{}
			for _, kind := range Kinds {
				for _, k := range got.Keys(kind) {
					have[k.String()] = got.Count(k)
				}
			}
			if !reflect.DeepEqual(have, tc.want) {
				t.Errorf("counts:\n got %v\nwant %v\nerrors:\n%s", have, tc.want, strings.Join(got.Errors, "\n"))
			}
			if got.Duplicates != tc.dups {
				t.Errorf("duplicates = %d, want %d", got.Duplicates, tc.dups)
			}
			c := got.Sum()
			if len(got.Errors) != c.FP+c.FN {
				t.Errorf("%d error lines for %d extras and misses:\n%s", len(got.Errors), c.FP+c.FN, strings.Join(got.Errors, "\n"))
			}
		})
	}
}

func TestErrorLines(t *testing.T) {
	g, err := ParseGold([]byte(testGold))
	if err != nil {
		t.Fatal(err)
	}
	b := &graph.Batch{
		Nodes: []graph.Node{
			node("ru", "State", "Russia"), node("x", "Leader", "O'Brien"), node("nk", "Region", "Nagorno Karabakh"),
			event("e", "summit"), {ID: "e2", Labels: []graph.Label{"Event"}, Props: map[string]any{}},
		},
		Rels: []graph.Rel{rel("CONTROLS", "ru", "nk"), rel("SUPPORTS", "x", "ghost")},
	}
	got := strings.Join(ScoreArticle("t.txt", g, b).Errors, "\n")
	for _, want := range []string{
		`t.txt: extra Leader "O'Brien"`,
		`t.txt: missed State 'Armenia'`,
		`t.txt: extra CONTROLS Russia -> Nagorno-Karabakh`,
		`t.txt: extra SUPPORTS O'Brien -> ghost (endpoint not in gold)`,
		`t.txt: missed FIGHTS Armenia -> Azerbaijan`,
		`t.txt: extra event None None`,
		`t.txt: missed event talks with ['Armenia', 'Azerbaijan']`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no line %q in\n%s", want, got)
		}
	}
}

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Russia", "russia"},
		{"The Kremlin", "kremlin"},
		{"the the Hague", "the hague"},
		{"Hague, the", "hague the"},
		{"Theodore", "theodore"},
		{"Nagorno-Karabakh", "nagorno karabakh"},
		{"U.S.", "u s"},
		{"Türkiye", "turkiye"},
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"Russia's forces", "russia forces"},
		{"Russia’s forces", "russia forces"},
		{"Russia's", "russia s"},
		{"  ¿Qué?  ", "que"},
		{"ﬁnland", "finland"}, // compatibility decomposition
		{"Ｋｙｉｖ", "kyiv"},
		{"Москва", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Norm(tc.in); got != tc.want {
			t.Errorf("Norm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		c       Counts
		p, r, f float64
	}{
		{Counts{0, 0, 0}, 1, 1, 1},
		{Counts{0, 0, 3}, 0, 0, 0},
		{Counts{0, 2, 0}, 0, 1, 0},
		{Counts{2, 0, 0}, 1, 1, 1},
		{Counts{3, 1, 2}, 0.75, 0.6, f1(0.75, 0.6)},
	}
	for _, tc := range tests {
		p, r, f := tc.c.PRF()
		if p != tc.p || r != tc.r || f != tc.f {
			t.Errorf("%+v.PRF() = %v, %v, %v; want %v, %v, %v", tc.c, p, r, f, tc.p, tc.r, tc.f)
		}
	}
}

// f1 computes at run time, as PRF does, not in exact constant arithmetic.
func f1(p, r float64) float64 { return 2 * p * r / (p + r) }

func TestParseGoldErrors(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"not JSON", `{"entities": [`, "not a gold graph"},
		{"relation names no entity", `{"entities": [{"type": "State", "name": "Russia"}],
			"relations": [{"type": "FIGHTS", "from": ["Russia"], "to": ["Ukraine"]}]}`, `names "Ukraine"`},
		{"relation by alias", `{"entities": [{"type": "State", "name": "Russia", "aliases": ["Kremlin"]}],
			"relations": [{"type": "FIGHTS", "from": ["Kremlin"], "to": ["Russia"]}]}`, `names "Kremlin"`},
		{"empty endpoint list", `{"entities": [{"type": "State", "name": "Russia"}],
			"relations": [{"type": "FIGHTS", "from": [], "to": ["Russia"]}]}`, "from and to are required"},
		{"event party names no entity", `{"entities": [], "events": [{"type": "talks", "parties": ["Mars"]}]}`, `party "Mars"`},
		{"entity without name", `{"entities": [{"type": "State"}]}`, "type and name are required"},
		{"trailing data", `{} {}`, "data after"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseGold([]byte(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}

	path := filepath.Join(t.TempDir(), "007.gold.json")
	if err := os.WriteFile(path, []byte(`{"entities": 3}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadGold(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("LoadGold error %v does not name %s", err, path)
	}
}

func TestOptionalIsTruthy(t *testing.T) {
	doc := `{"entities": [
		{"type": "State", "name": "A", "optional": 1},
		{"type": "State", "name": "B", "optional": 0},
		{"type": "State", "name": "C", "optional": "yes"},
		{"type": "State", "name": "D", "optional": null},
		{"type": "State", "name": "E", "optional": false}]}`
	g, err := ParseGold([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var got []bool
	for _, e := range g.Entities {
		got = append(got, bool(e.Optional))
	}
	if want := []bool{true, false, true, false, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("optional = %v, want %v", got, want)
	}
}

func TestReadPrediction(t *testing.T) {
	in := `{"type":"node","id":1,"labels":["State"],"properties":{"name":"Russia"}}
{"type":"node","id":"e","labels":["Event"]}

{"type":"relationship","label":"MEDIATES","start":1,"end":{"id":"e"}}
{"type":"meta","note":"skipped"}
`
	b, err := ReadPrediction(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Nodes) != 2 || b.Nodes[0].ID != "1" || b.Nodes[1].Props == nil {
		t.Errorf("nodes = %+v", b.Nodes)
	}
	if len(b.Rels) != 1 || b.Rels[0].Start.ID != "1" || b.Rels[0].End.ID != "e" || b.Rels[0].Type != "MEDIATES" {
		t.Errorf("rels = %+v", b.Rels)
	}

	for _, bad := range []struct{ in, want string }{
		{"{\"type\":\"node\",\"id\":\"a\"}\n{oops\n", "line 2 is not JSON"},
		{`{"type":"node","labels":["State"]}`, "line 1: node without id"},
		{`{"type":"relationship","label":"FIGHTS","start":"a"}`, "line 1: relationship without start or end"},
	} {
		if _, err := ReadPrediction(strings.NewReader(bad.in)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadPrediction(%q) err = %v, want %q", bad.in, err, bad.want)
		}
	}
}

func TestReports(t *testing.T) {
	tl := NewTally()
	tl.add(Key{KindEntity, "State"}, Counts{TP: 3, FP: 1, FN: 2})
	tl.add(Key{KindEntity, "Leader"}, Counts{TP: 1})
	tl.add(Key{KindRelation, "FIGHTS"}, Counts{FN: 1})
	tl.Duplicates = 2

	var table bytes.Buffer
	if err := tl.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	want := `                              tp    fp    fn       P      R     F1
entity:Leader                  1     0     0   1.000  1.000  1.000
entity:State                   3     1     2   0.750  0.600  0.667
entity:ALL                     4     1     2   0.800  0.667  0.727
relation:FIGHTS                0     0     1   0.000  0.000  0.000
relation:ALL                   0     0     1   0.000  0.000  0.000
event:ALL                      0     0     0   1.000  1.000  1.000
event_attr:ALL                 0     0     0   1.000  1.000  1.000
duplicate entity nodes: 2   extractor failures: 0
`
	if table.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", table.String(), want)
	}

	var js bytes.Buffer
	if err := tl.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, frag := range []string{
		"{\n \"duplicates\": 2,\n \"entity:ALL\": {\n  \"f1\": 0.7273,\n  \"fn\": 2,\n  \"fp\": 1,\n  \"precision\": 0.8,\n  \"recall\": 0.6667,\n  \"tp\": 4\n },",
		"\"event:ALL\": {\n  \"f1\": 1.0,",
		"\"extractor_failures\": 0,",
		"\"relation:FIGHTS\": {\n  \"f1\": 0.0,",
	} {
		if !strings.Contains(js.String(), frag) {
			t.Errorf("JSON report lacks %q:\n%s", frag, js.String())
		}
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(js.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if len(m) != 9 {
		t.Errorf("JSON report has %d keys, want 9 (7 rows, duplicates, extractor_failures)", len(m))
	}

	if got, want := ArticleLine("001.txt", tl), "001.txt      tp=  4 fp=  1 fn=  3  F1=0.667"; got != want {
		t.Errorf("ArticleLine = %q, want %q", got, want)
	}
}

func TestPyFloat(t *testing.T) {
	for f, want := range map[float64]string{0: "0.0", 1: "1.0", 0.5: "0.5", 0.0001: "0.0001", 1e-5: "1e-05", 1e16: "1e+16", 123.25: "123.25"} {
		if got := pyFloat(f); got != want {
			t.Errorf("pyFloat(%v) = %q, want %q", f, got, want)
		}
	}
	if got := round4(0.66665); got != 0.6666 && got != 0.6667 {
		t.Errorf("round4(0.66665) = %v", got)
	}
	if got := round4(2.0 / 3); got != 0.6667 {
		t.Errorf("round4(2/3) = %v", got)
	}
}
