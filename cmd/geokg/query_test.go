package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestQueryOffline(t *testing.T) {
	t.Setenv("GEOKG_QUERIES", "")
	lib, err := queries.Load()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("list", func(t *testing.T) {
		stdout, stderr, code := connRun(t, nil, "query", "list", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var rows []map[string]string
		if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
			t.Fatalf("%v:\n%s", err, stdout)
		}
		if len(rows) != len(lib.All()) {
			t.Fatalf("%d rows, want %d", len(rows), len(lib.All()))
		}
		want := map[string]string{"name": "mediators", "title": "Who mediates between two actors",
			"params": `a="Armenia" b="Azerbaijan" from="1900-01-01" to="2999-12-31" limit=25`, "source": "builtin"}
		found := false
		for _, r := range rows {
			if reflect.DeepEqual(r, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no row %v in\n%s", want, stdout)
		}
	})

	t.Run("show", func(t *testing.T) {
		q, _ := lib.Get("timeline")
		// The header as written, then the Cypher that runs.
		want := q.Header() + q.Cypher() + "\n"
		stdout, _, code := connRun(t, nil, "query", "show", "timeline")
		if code != 0 || stdout != want || !strings.HasPrefix(stdout, "// Events timeline") || strings.Contains(stdout, "geokg.resolve") {
			t.Errorf("exit %d, output:\n%s", code, stdout)
		}
		stdout, _, code = connRun(t, nil, "query", "show", "timeline", "--browser")
		if code != 0 || stdout != queries.BrowserParams(q)+"\n"+want {
			t.Errorf("--browser: exit %d, output:\n%s", code, stdout)
		}
	})

	t.Run("misuse", func(t *testing.T) {
		for _, tt := range []struct {
			args []string
			want string
		}{
			{[]string{"query", "run", "nope"}, `no query "nope"`},
			{[]string{"query", "run", "mediator"}, `no query "mediator"; did you mean mediators or region-mediators?`},
			{[]string{"query", "run", "mediators", "-p", "a=Armenia", "-p", "a=Russia"}, `--param a given twice ("Armenia" and "Russia")`},
			{[]string{"query", "run", "evidence", "-p", "type=OWNS"}, `parameter type (reltype): "OWNS" is not a relationship type`},
			{[]string{"query", "run", "mediators", "-p", "a="}, `parameter a (actor): a name is needed`},
			{[]string{"query", "show"}, "want one query NAME, got 0"},
			{[]string{"query", "run", "mediators", "extra"}, "want one query NAME, got 2"},
			{[]string{"query", "run", "mediators", "-p", "c=1"}, `query mediators has no parameter "c" (it takes: a, b, from, to, limit)`},
			{[]string{"query", "run", "mediators", "-p", "limit=ten"}, `parameter limit (int): "ten" is not an int`},
			{[]string{"query", "run", "timeline", "-p", "from=01/02/2025"}, "not a date (want YYYY-MM-DD, or a day before today: 7d, 2w, 1m, 1y, today)"},
			{[]string{"query", "run", "mediators", "-p", "noequals"}, `--param "noequals": want KEY=VALUE`},
			{[]string{"query", "run", "mediators", "--format", "yaml"}, `unknown format "yaml"`},
			{[]string{"query", "run", "mediators", "-o", "yaml"}, `unknown format "yaml"`},
			{[]string{"query", "list", "--queries", "/does/not/exist"}, "query folder"},
		} {
			_, stderr, code := connRun(t, nil, tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
			}
			checkOneLine(t, stderr)
		}
	})

	t.Run("browser export", func(t *testing.T) {
		dir := t.TempDir()
		stdout, stderr, code := connRun(t, nil, "browser", "--export", dir)
		if code != 0 || !strings.Contains(stdout, "wrote guide.html") {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, f := range []string{"guide.html", "style.grass", "geokg-favorites.zip", "guide/mediators.html"} {
			if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
				t.Errorf("%s: %v", f, err)
			}
		}
	})

	t.Run("user folders", func(t *testing.T) {
		dir, envDir := t.TempDir(), t.TempDir()
		os.WriteFile(filepath.Join(dir, "search.cypher"), []byte("// My search\n// @param q string \"x\" what\nRETURN $q AS q"), 0o644)
		os.WriteFile(filepath.Join(envDir, "hello.cypher"), []byte("// Hello\nRETURN 1 AS one"), 0o644)
		t.Setenv("GEOKG_QUERIES", envDir)
		stdout, stderr, code := connRun(t, nil, "query", "list", "--queries", dir, "--format", "csv")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		for _, r := range recs[1:] {
			got[r[0]] = r
		}
		if want := []string{"search", "My search", `q="x"`, filepath.Join(dir, "search.cypher")}; !reflect.DeepEqual(got["search"], want) {
			t.Errorf("search = %v, want %v", got["search"], want)
		}
		if got["hello"] == nil || got["mediators"] == nil {
			t.Errorf("want hello from $GEOKG_QUERIES and the built-ins too:\n%s", stdout)
		}
	})
}

func loadQueryFixture(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../queries/testdata/fixture/*.jsonl")
	sort.Strings(files)
	var batches []*graph.Batch
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := graph.ReadJSONL(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		batches = append(batches, b)
	}
	if len(batches) == 0 {
		t.Fatal("no fixture")
	}
	if _, errs, err := store.NewLoader(db).Write(ctx, batches); err != nil || joinErrs(errs) != "" {
		t.Fatalf("load fixture: %v %s", err, joinErrs(errs))
	}
}

func joinErrs(errs []error) string {
	var s []string
	for _, e := range errs {
		if e != nil {
			s = append(s, e.Error())
		}
	}
	return strings.Join(s, "; ")
}

func TestQueryRun(t *testing.T) {
	db := neo4jtest.DB(t)
	loadQueryFixture(t, db)
	env := map[string]string{"NEO4J_URI": db.Config.URI, "NEO4J_USERNAME": db.Config.User, "NEO4J_PASSWORD": db.Config.Password, "NEO4J_DATABASE": db.Config.Database}
	t.Setenv("GEOKG_QUERIES", "")

	t.Run("json", func(t *testing.T) {
		// Flags on both sides of the name.
		stdout, stderr, code := connRun(t, env, "query", "run", "-p", "actor=russian federation", "leaders", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		// One object a line, keys in column order; the graph column holds
		// load times, so the rest is compared.
		var lines []string
		for _, l := range strings.Split(stdout, "\n") {
			if i := strings.Index(l, `,"evidence":`); i >= 0 {
				l = l[:i] + "}"
			}
			lines = append(lines, strings.TrimSuffix(l, ","))
		}
		want := `[
{"actor":"Russia","leader":"Sergei Lavrov","role":"Foreign Minister","status":"current","change":"hold","since":"2024-11-05","successors":[],"aliases":["Lavrov"],"articles":1,"last_seen":"2024-11-05"}
{"actor":"Russia","leader":"Vladimir Putin","role":"President","status":"current","change":"hold","since":"2024-11-05","successors":[],"aliases":["Putin"],"articles":1,"last_seen":"2024-11-05"}
]
`
		if got := strings.Join(lines, "\n"); got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})

	t.Run("csv", func(t *testing.T) {
		stdout, stderr, code := connRun(t, env, "query", "run", "region-control", "-p", "region=GOMA", "-o", "csv")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 3 || strings.Join(recs[0][:4], ",") != "focus,region,controller,label" ||
			strings.Join(recs[1][:5], ",") != "Goma,Goma,M23,Organization,current" || slices.Contains(recs[0], "graph") {
			t.Errorf("csv:\n%s", stdout)
		}
	})

	t.Run("table with a path", func(t *testing.T) {
		stdout, stderr, code := connRun(t, env, "query", "run", "shortest-path", "--graph")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "(Qatar)-[:MEDIATES]->(Doha ceasefire talks on Gaza)<-[:PARTY_TO]-(Israel)") {
			t.Errorf("table:\n%s", stdout)
		}
	})

	t.Run("nodes in json", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "node.cypher"), []byte("// A node\n// @param id string \"org:hamas\" id\nMATCH (n:Organization {id: $id}) RETURN n"), 0o644)
		stdout, stderr, code := connRun(t, env, "query", "run", "node", "--queries", dir, "-o", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var rows []map[string]map[string]any
		if err := json.Unmarshal([]byte(stdout), &rows); err != nil || len(rows) != 1 {
			t.Fatalf("%v:\n%s", err, stdout)
		}
		n := rows[0]["n"]
		if n["name"] != "Hamas" || n["first_seen"] != "2025-02-10" || !reflect.DeepEqual(n["labels"], []any{"Organization"}) {
			t.Errorf("node = %v", n)
		}
	})

	t.Run("explain", func(t *testing.T) {
		stdout, stderr, code := connRun(t, env, "query", "explain", "mediators")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "ProcedureCall") || strings.Contains(stdout, "NodeByLabelScan") {
			t.Errorf("plan:\n%s", stdout)
		}
	})

	t.Run("several parameters", func(t *testing.T) {
		// Each value counts once, whole.
		stdout, stderr, code := connRun(t, env, "query", "run", "mediators", "-p", "a=Israel", "-p", "b=Hamas", "-p", "limit=2", "-o", "csv")
		if code != 0 || !strings.HasPrefix(stdout, "focus,mediator,") || !strings.Contains(stdout, "Israel / Hamas,Egypt,State,1,") || strings.Count(stdout, "\n") != 3 {
			t.Errorf("exit %d: %s\n%s", code, stderr, stdout)
		}
	})

	t.Run("a name that matches nothing", func(t *testing.T) {
		stdout, stderr, code := connRun(t, env, "query", "run", "allies-and-enemies", "-p", "actor=Gaza", "-o", "json")
		want := `query allies-and-enemies: No State, Organization or Leader is named "Gaza". Close names: Gaza Strip (Region), Goma (Region).`
		if code != 1 || !strings.Contains(stderr, want) || stdout != "" {
			t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %s", code, stdout, stderr, want)
		}
		checkOneLine(t, stderr)
	})

	t.Run("accents and a state for a place", func(t *testing.T) {
		stdout, stderr, code := connRun(t, env, "query", "run", "region-control", "-p", "region=democratic republic of the cóngo", "-o", "csv")
		if code != 0 || !strings.Contains(stdout, "Democratic Republic of the Congo,Goma,M23,") {
			t.Errorf("exit %d: %s\n%s", code, stderr, stdout)
		}
	})

	t.Run("graph in json", func(t *testing.T) {
		stdout, stderr, code := connRun(t, env, "query", "run", "leaders", "-p", "actor=Russia", "-o", "json", "--graph")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var rows []map[string]any
		if err := json.Unmarshal([]byte(stdout), &rows); err != nil || len(rows) != 2 {
			t.Fatalf("%v:\n%s", err, stdout)
		}
		path, _ := rows[0]["graph"].([]any)
		if len(path) != 3 {
			t.Errorf("graph = %v, want a path of a leader, REPRESENTS and Russia", rows[0]["graph"])
		}
	})

	t.Run("not Lucene", func(t *testing.T) {
		_, stderr, code := connRun(t, env, "query", "run", "search", "-p", "q=kivu AND (")
		want := `not a valid full-text search (Lucene syntax): Encountered "<EOF>" at line 1, column 10; put a name in double quotes`
		if code != 1 || !strings.Contains(stderr, want) || strings.Contains(stderr, "Was expecting") || strings.Contains(stderr, "org.apache") {
			t.Errorf("exit %d, stderr %q; want 1 and %s", code, stderr, want)
		}
		checkOneLine(t, stderr)
	})

	t.Run("failing user query", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "bad.cypher"), []byte("// Bad\nRETURN 1/0 AS x"), 0o644)
		_, stderr, code := connRun(t, env, "query", "run", "bad", "--queries", dir)
		if code != 1 || !strings.Contains(stderr, "run query bad") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})

	t.Run("unreachable", func(t *testing.T) {
		_, stderr, code := connRun(t, map[string]string{"NEO4J_PASSWORD": "s3cr3t-pw"}, "query", "run", "leaders", "--uri", "bolt://127.0.0.1:1")
		if code != 2 || !strings.Contains(stderr, "cannot connect") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
		checkOneLine(t, stderr, "s3cr3t-pw")
	})

	// A graph an earlier geokg loaded lacks the properties and indexes
	// a period's events are read by: its timeline would be empty, so
	// the command says how to make them instead of answering.
	t.Run("a graph without the whole schema", func(t *testing.T) {
		if _, err := neo4j.ExecuteQuery(context.Background(), db.Driver, "DROP INDEX party_to_actor_starts_ends", nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := connRun(t, env, "query", "run", "timeline", "-p", "name=Gaza Strip")
		if code != 2 || !strings.Contains(stderr, "run geokg schema apply") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
		checkOneLine(t, stderr)
		if _, err := db.ApplySchema(context.Background()); err != nil {
			t.Fatal(err)
		}
		if _, stderr, code := connRun(t, env, "query", "run", "timeline", "-p", "name=Gaza Strip"); code != 0 {
			t.Errorf("after schema apply: exit %d, stderr %q", code, stderr)
		}
	})
}
