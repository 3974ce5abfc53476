package queries

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

func date(s string) dbtype.Date {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return dbtype.Date(t)
}

func TestParse(t *testing.T) {
	text := `// Who mediates
// Third parties that mediate
// between two actors.
//
// @param a string "Armenia" — first actor
// @param n int 25
// @param conf float 0.5 - at least this sure
// @param all bool true
// @param since date "2024-01-31" -- first day
// @param types list<string> ["talks", "ceasefire"] event types
// @param ids list<int> [1, 2]
// @param who string required
MATCH (x) WHERE x.name = $a AND size($types) < $n AND $conf > 0 AND $all
  AND x.since >= $since AND x.id IN $ids AND x.who = $who
RETURN x // $notAParam in a comment
`
	q, err := Parse("mediators", text)
	if err != nil {
		t.Fatal(err)
	}
	if q.Title != "Who mediates" {
		t.Errorf("Title = %q", q.Title)
	}
	if q.Description != "Third parties that mediate between two actors." {
		t.Errorf("Description = %q", q.Description)
	}
	want := []Param{
		{Name: "a", Type: Type{Kind: String}, Default: "Armenia", Doc: "first actor"},
		{Name: "n", Type: Type{Kind: Int}, Default: int64(25)},
		{Name: "conf", Type: Type{Kind: Float}, Default: 0.5, Doc: "at least this sure"},
		{Name: "all", Type: Type{Kind: Bool}, Default: true},
		{Name: "since", Type: Type{Kind: Date}, Default: date("2024-01-31"), Doc: "first day"},
		{Name: "types", Type: Type{Kind: String, List: true}, Default: []any{"talks", "ceasefire"}, Doc: "event types"},
		{Name: "ids", Type: Type{Kind: Int, List: true}, Default: []any{int64(1), int64(2)}},
		{Name: "who", Type: Type{Kind: String}, Required: true},
	}
	if !reflect.DeepEqual(q.Params, want) {
		t.Errorf("Params =\n%#v\nwant\n%#v", q.Params, want)
	}
	if !strings.HasPrefix(q.Cypher(), "MATCH (x)") {
		t.Errorf("Cypher() = %q", q.Cypher())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"no header", "MATCH (n) RETURN n", "no header"},
		{"param first", "// @param a string \"x\"\nRETURN $a", "line 1"},
		{"no cypher", "// Title\n// @param a string \"x\"\n", "no Cypher"},
		{"undeclared", "// Title\nRETURN $a", "$a is used but not declared"},
		{"unused", "// Title\n// @param a string \"x\"\nRETURN 1", "a is declared but not used"},
		{"bad type", "// Title\n// @param a strin \"x\"\nRETURN $a", `line 2: @param a: unknown type "strin"`},
		{"bad default", "// Title\n// @param a int \"x\"\nRETURN $a", `line 2: @param a: default: "x" is not a int`},
		{"not json", "// Title\n// @param a string Russia\nRETURN $a", `default "Russia" is not a JSON value`},
		{"short", "// Title\n// @param a string\nRETURN $a", "@param wants NAME TYPE DEFAULT"},
		{"bad name", "// Title\n// @param a-b string \"x\"\nRETURN 1", "not a valid parameter name"},
		{"bad date", "// Title\n// @param d date \"2024-13-01\"\nRETURN $d", "not a date"},
		{"twice", "// Title\n// @param a int 1\n// @param a int 2\nRETURN $a", "declared twice"},
		{"list of", "// Title\n// @param a list<int> [1, \"x\"]\nRETURN $a", `"x" is not a int`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("q", tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestTypeParse(t *testing.T) {
	tests := []struct {
		typ, in string
		want    any
		err     string
	}{
		{"string", " Gaza Strip ", " Gaza Strip ", ""},
		{"int", "42", int64(42), ""},
		{"int", "4.2", nil, `"4.2" is not an int`},
		{"float", "0.75", 0.75, ""},
		{"float", "NaN", nil, "not a float"},
		{"bool", "true", true, ""},
		{"bool", "yes", nil, "not a bool"},
		{"date", "2025-01-29", date("2025-01-29"), ""},
		{"date", " Today", RelativeDate{N: 0, Unit: 'd'}, ""},
		{"date", "29/01/2025", nil, "not a date (want YYYY-MM-DD, or a day before today"},
		{"list", "State, Region", []any{"State", "Region"}, ""},
		{"list", "", []any{}, ""},
		{"list<int>", "1,2,3", []any{int64(1), int64(2), int64(3)}, ""},
		{"list<int>", "1,x", nil, `"x" is not an int`},
		{"list<string>", `["a,b", "c"]`, []any{"a,b", "c"}, ""},
		{"list<date>", `2024-01-01,2024-02-01`, []any{date("2024-01-01"), date("2024-02-01")}, ""},
		{"list<float>", `[1, 2.5]`, []any{1.0, 2.5}, ""},
		{"list<bool>", `[true`, nil, "not a JSON array"},
		// Names and words of the vocabulary.
		{"actor", " Rwanda ", "Rwanda", ""},
		{"place", "", nil, "a name is needed (the name or an alias of a Region or State)"},
		{"entity", "Tshisékédi", "Tshisékédi", ""},
		{"reltype", "controls", "CONTROLS", ""},
		{"reltype", "", "", ""},
		{"reltype", "OWNS", nil, `"OWNS" is not a relationship type (want one of MENTIONS, REPRESENTS`},
		{"label", "region", "Region", ""},
		{"list<label>", "state, REGION", []any{"State", "Region"}, ""},
		{"list<label>", "State,Town", nil, `"Town" is not a label`},
		{"eventtype", "Talks", "talks", ""},
	}
	for _, tt := range tests {
		typ, err := ParseType(tt.typ)
		if err != nil {
			t.Fatal(err)
		}
		got, err := typ.Parse(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s.Parse(%q) err = %v, want %q", tt.typ, tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s.Parse(%q) = %#v, %v; want %#v", tt.typ, tt.in, got, err, tt.want)
		}
	}
}

func TestParseTypeNames(t *testing.T) {
	for _, s := range []string{"string", "int", "float", "bool", "date", "list<string>", "list<int>", "list<float>", "list<bool>", "list<date>"} {
		typ, err := ParseType(s)
		if err != nil || typ.String() != s {
			t.Errorf("ParseType(%q) = %v, %v", s, typ, err)
		}
	}
	for _, s := range []string{"list<list<int>>", "text", "list<", "List"} {
		if _, err := ParseType(s); err == nil {
			t.Errorf("ParseType(%q) succeeded", s)
		}
	}
}

func TestBind(t *testing.T) {
	q, err := Parse("q", "// T\n// @param a string \"Russia\"\n// @param n int 5\n// @param d date \"2025-01-01\"\n// @param who string required\nRETURN $a, $n, $d, $who")
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.Bind(map[string]string{"n": "7", "who": "x"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": "Russia", "n": int64(7), "d": date("2025-01-01"), "who": "x"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Bind = %#v, want %#v", got, want)
	}
	for raw, msg := range map[*map[string]string]string{
		{"who": "x", "nope": "1"}: `query q has no parameter "nope" (it takes: a, n, d, who)`,
		{"who": "x", "n": "five"}: `parameter n (int): "five" is not an int`,
		{"a": "x"}:                "query q needs parameter who (string)",
	} {
		if _, err := q.Bind(*raw); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("Bind(%v) err = %v, want %q", *raw, err, msg)
		}
	}
}

func TestDefaultText(t *testing.T) {
	q, err := Parse("q", "// T\n// @param a list<date> [\"2024-01-01\"]\n// @param b string required\n// @param c string \"<&>\"\nRETURN $a, $b, $c")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{`["2024-01-01"]`, "required", `"<&>"`} {
		if got := q.Params[i].DefaultText(); got != want {
			t.Errorf("param %s: DefaultText = %s, want %s", q.Params[i].Name, got, want)
		}
	}
}

// TestBuiltins checks the shipped library: enough queries, each with a
// title, a description and documented parameters with defaults, so that
// every one runs with no --param at all.
func TestBuiltins(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	all := lib.All()
	if len(all) < 15 {
		t.Errorf("%d built-in queries, want at least 15", len(all))
	}
	for _, q := range all {
		if q.Source != Builtin || q.Description == "" {
			t.Errorf("%s: source %q, description %q", q.Name, q.Source, q.Description)
		}
		for _, p := range q.Params {
			if p.Required || p.Doc == "" {
				t.Errorf("%s: parameter %s: required %v, doc %q", q.Name, p.Name, p.Required, p.Doc)
			}
		}
		if _, err := q.Bind(nil); err != nil {
			t.Errorf("%s: %v", q.Name, err)
		}
	}
}

func TestLoadUserFolders(t *testing.T) {
	dir1, dir2 := t.TempDir(), t.TempDir()
	write := func(dir, name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(dir1, "search.cypher", "// My search\n// @param q string \"x\" what\nRETURN $q")
	write(dir1, "mine.cypher", "// Mine\nRETURN 1")
	write(dir1, "notes.txt", "not a query")
	write(dir2, "mine.cypher", "// Mine, again\nRETURN 2")
	lib, err := Load(dir1, "", dir2)
	if err != nil {
		t.Fatal(err)
	}
	s, err := lib.Get("search")
	if err != nil || s.Title != "My search" || s.Source != filepath.Join(dir1, "search.cypher") {
		t.Errorf("search = %+v, %v; want the user's query to replace the built-in", s, err)
	}
	m, err := lib.Get("mine")
	if err != nil || m.Title != "Mine, again" {
		t.Errorf("mine = %+v, %v; want the later folder to win", m, err)
	}
	if _, err := lib.Get("nope"); err == nil || !strings.Contains(err.Error(), `no query "nope"`) {
		t.Errorf("Get(nope) err = %v", err)
	}

	bad := t.TempDir()
	write(bad, "broken.cypher", "// Broken\n// @param x int oops\nRETURN $x")
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), filepath.Join(bad, "broken.cypher")+": query broken: line 2") {
		t.Errorf("Load(bad) err = %v, want it to name the file and line", err)
	}
	if _, err := Load(filepath.Join(bad, "missing")); err == nil {
		t.Error("Load(missing folder) succeeded")
	}
}

func TestNamesAreNoLists(t *testing.T) {
	if _, err := ParseType("list<actor>"); err == nil {
		t.Error("list<actor> parsed: a list of names cannot be resolved")
	}
}

func TestRelativeDates(t *testing.T) {
	now := time.Date(2025, 3, 31, 15, 4, 5, 0, time.UTC)
	for in, want := range map[string]string{
		"today": "2025-03-31",
		"7d":    "2025-03-24",
		"2w":    "2025-03-17",
		"1m":    "2025-02-28", // as Cypher's date() - duration('P1M')
		"13m":   "2024-02-29",
		"1y":    "2024-03-31",
		"40D":   "2025-02-19",
	} {
		r, ok := parseRelativeDate(in)
		if !ok {
			t.Errorf("%q: not a relative date", in)
			continue
		}
		if got := r.At(now).String(); got != want {
			t.Errorf("%q at %s = %s, want %s", in, now.Format(time.DateOnly), got, want)
		}
	}
	for _, in := range []string{"7", "d", "-7d", "7 days", "2025-01-01"} {
		if _, ok := parseRelativeDate(in); ok {
			t.Errorf("%q taken for a relative date", in)
		}
	}
	if got := (RelativeDate{7, 'd'}).Cypher(); got != "date() - duration('P7D')" {
		t.Errorf("Cypher() = %s", got)
	}

	// A relative default, and a relative value, become days at Bind.
	q, err := Parse("q", "// T\n// @param since date \"7d\" d\n// @param until date \"2999-12-31\" d\nRETURN $since, $until")
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Params[0].DefaultText(); got != `"7d"` {
		t.Errorf("DefaultText = %s", got)
	}
	got, err := q.bindAt(map[string]string{"until": "1m"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if got["since"] != date("2025-03-24") || got["until"] != date("2025-02-28") {
		t.Errorf("bound %v", got)
	}
	if _, err := q.Bind(map[string]string{"since": "last week"}); err == nil || !strings.Contains(err.Error(), "7d, 2w, 1m, 1y, today") {
		t.Errorf("a bad date: %v", err)
	}
}

// TestExpand checks how a query's body becomes the Cypher that runs: the
// resolver in place of each geokg.resolve line, and the checks of names
// and words after a last UNION ALL, their message in the first column.
func TestExpand(t *testing.T) {
	q, err := Parse("q", `// T
// @param actor actor "Rwanda" who
// @param type reltype "" what
// @param limit int 5 how many
CALL geokg.resolve($actor) YIELD node AS a
MATCH p = (a)-[r]-(o) WHERE $type = '' OR type(r) = $type
RETURN DISTINCT a.name AS focus, o.name, count(*) AS `+"`n rows`"+`, {x: [1, 2], y: 'a, b'} AS m, p AS graph
ORDER BY focus LIMIT toInteger($limit)`)
	if err != nil {
		t.Fatal(err)
	}
	cypher := q.Cypher()
	for _, want := range []string{
		"CALL db.index.fulltext.queryNodes('" + store.ActorIndex + "', '\"' + replace(replace($actor, ",
		"YIELD node AS a\nWHERE (a:State OR a:Organization OR a:Leader) AND any(n IN [a.name] + coalesce(a.aliases, [])",
		"\nMATCH p = (a)-[r]-(o)",
		"\nUNION ALL\nCALL () {\n  UNWIND [{name: $actor, labels: ['State', 'Organization', 'Leader'], what: 'State, Organization or Leader'}] AS asked",
		"RETURN '\"' + v + '\" is not a relationship type",
		"\nRETURN problem AS focus, null AS `o.name`, null AS `n rows`, null AS m, null AS graph",
	} {
		if !strings.Contains(strings.ReplaceAll(cypher, "type \"' + v", "\"' + v"), want) {
			t.Errorf("Cypher lacks %q:\n%s", want, cypher)
		}
	}
	if strings.Contains(cypher, "geokg.resolve") {
		t.Errorf("geokg.resolve left in:\n%s", cypher)
	}
	if !strings.HasSuffix(q.Checks(), "}\nRETURN problem") || !strings.Contains(q.Checks(), "UNWIND [{name: $actor") {
		t.Errorf("Checks:\n%s", q.Checks())
	}
	var gen, own string
	for _, p := range q.Parts() {
		if p.Generated {
			gen += p.Text
		} else {
			own += p.Text
		}
	}
	if !strings.HasPrefix(own, "\nMATCH p = (a)-[r]-(o)") || !strings.Contains(gen, "UNION ALL") || strings.Contains(own, "fulltext") {
		t.Errorf("parts: own %q", own)
	}

	plain, err := Parse("q", "// T\n// @param n int 1 n\nRETURN $n AS n")
	if err != nil || plain.Checks() != "" || plain.Cypher() != "RETURN $n AS n" {
		t.Errorf("a query without names: %q, %q, %v", plain.Cypher(), plain.Checks(), err)
	}

	for text, want := range map[string]string{
		"// T\n// @param a string \"x\" a\nCALL geokg.resolve($a) YIELD node AS x\nRETURN x":                         "declared with a name type",
		"// T\n// @param a actor \"x\" a\nMATCH (x) WHERE x IN geokg.resolve($a) RETURN x":                           "geokg.resolve must stand on a line of its own",
		"// T\n// @param a actor \"x\" a\nCALL geokg.resolve($a) YIELD node AS x\nRETURN *":                          "name every column",
		"// T\n// @param a actor \"x\" a\nCALL geokg.resolve($a) YIELD node AS x\nCALL (x) { RETURN 1 AS y } RETURN": "name every column",
	} {
		if _, err := Parse("q", text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) err = %v, want %q", text, err, want)
		}
	}
}

// TestExpandAsOf checks what geokg.asOf stands for: the two lookups by
// the composite indexes, in their order.
func TestExpandAsOf(t *testing.T) {
	q, err := Parse("q", `// T
MATCH ()-[r:CONTROLS]->() WITH r, '2025-01-01' AS day
  CALL geokg.asOf(r, day, 'gain') YIELD last, changed
RETURN last, changed`)
	if err != nil {
		t.Fatal(err)
	}
	cypher := q.Cypher()
	for _, want := range []string{
		"\n  CALL (r, day) {\n    RETURN COLLECT { MATCH (x:Evidence) USING INDEX SEEK x:Evidence(fact, observed, key)",
		"WHERE x.fact = r.id AND x.observed <= day AND x.key IS NOT NULL",
		"ORDER BY x.fact DESC, x.observed DESC, x.key DESC LIMIT 1",
		"USING INDEX SEEK x:Evidence(fact, change, observed)",
		"WHERE x.fact = r.id AND x.change = 'gain' AND x.observed <= day",
		"}[0] AS changed\n  }\nRETURN last, changed",
	} {
		if !strings.Contains(cypher, want) {
			t.Errorf("Cypher lacks %q:\n%s", want, cypher)
		}
	}
	_, err = Parse("q", "// T\nMATCH ()-[r]->() RETURN [x IN [1] WHERE geokg.asOf(r, 1, 'gain')] AS y")
	if err == nil || !strings.Contains(err.Error(), "geokg.asOf must stand on a line of its own") {
		t.Errorf("geokg.asOf inside an expression: err = %v", err)
	}
}

// TestExpandBetween checks what geokg.between stands for: one lookup by
// the index of the ends of each type, and that only the types between
// two entities are taken.
func TestExpandBetween(t *testing.T) {
	q, err := Parse("q", `// T
MATCH (a:State), (o:State)
  CALL geokg.between(a, o, SUPPORTS|FIGHTS) YIELD r
RETURN type(r) AS t`)
	if err != nil {
		t.Fatal(err)
	}
	cypher := q.Cypher()
	for _, want := range []string{
		"\n  CALL (a, o) {\n    MATCH ()-[r:SUPPORTS]->() USING INDEX SEEK r:SUPPORTS(between)\n",
		"    WHERE r.between = CASE WHEN a.id < o.id THEN a.id + ' ' + o.id ELSE o.id + ' ' + a.id END\n    RETURN r\n    UNION ALL\n",
		"    MATCH ()-[r:FIGHTS]->() USING INDEX SEEK r:FIGHTS(between)\n",
		"    RETURN r\n  }\nRETURN type(r) AS t",
	} {
		if !strings.Contains(cypher, want) {
			t.Errorf("Cypher lacks %q:\n%s", want, cypher)
		}
	}
	for text, want := range map[string]string{
		"// T\nMATCH (a), (b)\nCALL geokg.between(a, b, SUPPORTS|PARTY_TO) YIELD r\nRETURN r":     "PARTY_TO is not one of the types between two entities",
		"// T\nMATCH (a), (b) WHERE EXISTS { CALL geokg.between(a, b, FIGHTS) YIELD r } RETURN a": "geokg.between must stand on a line of its own",
	} {
		if _, err := Parse("q", text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) err = %v, want %q", text, err, want)
		}
	}
}

// TestExpandInside checks what geokg.inside stands for: the place, then
// each step inside it read by the index of containers, with its path.
func TestExpandInside(t *testing.T) {
	q, err := Parse("q", `// T
MATCH (g:State)
CALL geokg.inside(g, 2) YIELD place, path
RETURN place.name AS p, length(path) AS n`)
	if err != nil {
		t.Fatal(err)
	}
	cypher := q.Cypher()
	for _, want := range []string{
		"CALL (g) {\n  MATCH path = (g)\n  RETURN g AS place, path\n  UNION ALL\n",
		"  MATCH ()-[path_1:LOCATED_IN]->() USING INDEX SEEK path_1:LOCATED_IN(within)\n  WHERE path_1.within = g.id\n  MATCH path = (place:Region)-[path_1]->(g)\n  RETURN place, path\n  UNION ALL\n",
		"  WHERE path_2.within = startNode(path_1).id\n  MATCH path = (place:Region)-[path_2]->()-[path_1]->(g)\n  RETURN place, path\n}\nRETURN",
	} {
		if !strings.Contains(cypher, want) {
			t.Errorf("Cypher lacks %q:\n%s", want, cypher)
		}
	}
	if strings.Contains(cypher, "path_3") {
		t.Errorf("depth 2 reads a third step:\n%s", cypher)
	}
	if _, err := Parse("q", "// T\nMATCH (g)\nCALL geokg.inside(g, 4) YIELD place, path\nRETURN place"); err == nil || !strings.Contains(err.Error(), "the depth must be 1, 2 or 3") {
		t.Errorf("depth 4: err = %v", err)
	}
}

func TestReturnColumns(t *testing.T) {
	for cypher, want := range map[string]string{
		"RETURN a":                               "a",
		"MATCH (x) RETURN x.name, count(*) AS n": "x.name|n",
		"CALL () { RETURN 1 AS z } RETURN z AS `the z`, [y IN [1,2] | y] AS ys ORDER BY z": "the z|ys",
		"RETURN 'RETURN, AS' AS s // RETURN t\n":                                           "s",
		"RETURN 1 AS a UNION ALL RETURN 2 AS a":                                            "a",
		"WITH 1 AS x RETURN DISTINCT x AS y, {k: 'AS v'} AS m LIMIT 1":                     "y|m",
	} {
		got, err := returnColumns(cypher)
		if err != nil || strings.Join(got, "|") != want {
			t.Errorf("returnColumns(%q) = %v, %v; want %s", cypher, got, err, want)
		}
	}
}

// TestBuiltinsCheckNames checks that every built-in query that takes a
// name looks it up with geokg.resolve and answers one row when it matches
// nothing.
func TestBuiltinsCheckNames(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lib.All() {
		for _, p := range q.Params {
			if strings.Contains(p.Doc, "name or alias") && !p.Type.Kind.IsName() && p.Name != "to" {
				t.Errorf("%s: parameter %s takes a name but has type %s", q.Name, p.Name, p.Type)
			}
			if p.Type.Kind.IsName() && !strings.Contains(q.Text, "geokg.resolve($"+p.Name+")") {
				t.Errorf("%s: parameter %s is not looked up with geokg.resolve", q.Name, p.Name)
			}
		}
		// Browser splits what it runs at semicolons outside strings.
		scan(q.Cypher(), func(i, depth int, r byte) int {
			if r == ';' {
				t.Errorf("%s: a ';' in the Cypher would split it in Browser", q.Name)
			}
			return i + 1
		})
	}
}

// TestTableCypher checks that every query with a graph column has a table
// form that leaves it out, and that one without is run as it is.
func TestTableCypher(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	withGraph := 0
	for _, q := range lib.All() {
		cols, err := returnColumns(q.Cypher())
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		table := q.TableCypher()
		if !slices.Contains(cols, GraphColumn) {
			if table != q.Cypher() {
				t.Errorf("%s has no graph column, but its table form differs", q.Name)
			}
			continue
		}
		withGraph++
		got, err := returnColumns(table)
		if err != nil {
			t.Fatalf("%s, table form: %v", q.Name, err)
		}
		want := slices.DeleteFunc(slices.Clone(cols), func(c string) bool { return c == GraphColumn })
		if !slices.Equal(got, want) {
			t.Errorf("%s, table form: columns %v, want %v", q.Name, got, want)
		}
	}
	if withGraph < 10 {
		t.Errorf("%d queries have a graph column, want most of them", withGraph)
	}
}

// TestTableCypherBuildsNoPaths checks that the table form computes no
// graph column: the server does not plan away the expression of a column
// that the outer query drops.
func TestTableCypherBuildsNoPaths(t *testing.T) {
	tests := []struct {
		name, cypher, want string
	}{
		{
			name:   "a subquery of paths",
			cypher: "MATCH (x:State) RETURN x.name AS name, COLLECT { MATCH p = (x)--() RETURN p } AS graph ORDER BY name",
			want:   "MATCH (x:State) RETURN x.name AS name, null AS graph ORDER BY name",
		},
		{
			name:   "each part of a union",
			cypher: "MATCH p = (x)--() RETURN x.name AS name, p AS graph\nUNION ALL\nRETURN 'none' AS name, null AS graph",
			want:   "MATCH p = (x)--() RETURN x.name AS name, null AS graph\nUNION ALL\nRETURN 'none' AS name, null AS graph",
		},
		{
			name:   "a variable named graph",
			cypher: "MATCH graph = (x)--() RETURN x.name AS name, graph",
			want:   "MATCH graph = (x)--() RETURN x.name AS name, null AS graph",
		},
		{
			name:   "a graph inside a subquery stays",
			cypher: "CALL () { MATCH p = ()--() RETURN p AS graph } RETURN 1 AS n, [] AS graph",
			want:   "CALL () { MATCH p = ()--() RETURN p AS graph } RETURN 1 AS n, null AS graph",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := withoutGraph(tc.cypher)
			if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(tc.want), " ") {
				t.Errorf("withoutGraph:\n%s\nwant:\n%s", got, tc.want)
			}
			if table := tableCypher(tc.cypher); !strings.Contains(table, withoutGraph(tc.cypher)) {
				t.Errorf("tableCypher does not run the query without its graph:\n%s", table)
			}
		})
	}
}
