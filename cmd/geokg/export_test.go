package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// ingested ingests in into an emptied db and returns the graph.
func ingested(t *testing.T, db *store.DB, in string) string {
	t.Helper()
	neo4jtest.Reset(t, db)
	if _, stderr, code := geokgDB(t, db, "ingest", in); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	return canonDump(t, db)
}

// The bulk paths give the graph ingest gives.
func TestExportThenLoadEqualsIngest(t *testing.T) {
	db := neo4jtest.DB(t)
	in := synthArticles(t, 21, 80)
	want := ingested(t, db, in)
	dir := t.TempDir()

	t.Run("export jsonl, load", func(t *testing.T) {
		f := filepath.Join(dir, "graph.jsonl")
		if _, stderr, code := geokgDB(t, db, "export", "--format", "jsonl", "--out", f, in); code != 0 {
			t.Fatalf("export: exit %d\n%s", code, stderr)
		}
		neo4jtest.Reset(t, db)
		_, stderr, code := geokgDB(t, db, "load", "--batch-size", "500", f)
		if code != 0 {
			t.Fatalf("load: exit %d\n%s", code, stderr)
		}
		sameGraph(t, "load of the jsonl export", want, canonDump(t, db))
		_, stderr, code = geokgDB(t, db, "load", f)
		if code != 0 || !strings.Contains(stderr, "nodes: 0 created, 0 updated; relationships: 0 created, 0 updated") {
			t.Errorf("second load: exit %d\n%s", code, stderr)
		}
		sameGraph(t, "second load", want, canonDump(t, db))
	})

	t.Run("extract, load", func(t *testing.T) {
		f := filepath.Join(dir, "extract.jsonl")
		stdout, stderr, code := geokgDB(t, db, "extract", in)
		if code != 0 {
			t.Fatalf("extract: exit %d\n%s", code, stderr)
		}
		if err := os.WriteFile(f, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		neo4jtest.Reset(t, db)
		if _, stderr, code := geokgDB(t, db, "load", f); code != 0 {
			t.Fatalf("load: exit %d\n%s", code, stderr)
		}
		sameGraph(t, "load of extract's output", want, canonDump(t, db))
	})

	// The script is written in pieces of --batch-size elements from the
	// merged graph.
	for _, size := range []string{"500", "40"} {
		t.Run("export cypher in pieces of "+size+", run", func(t *testing.T) {
			f := filepath.Join(dir, "graph.cypher")
			if _, stderr, code := geokgDB(t, db, "export", "--format", "cypher", "--batch-size", size, "--memory", "1", "--out", f, in); code != 0 {
				t.Fatalf("export: exit %d\n%s", code, stderr)
			}
			neo4jtest.Reset(t, db)
			runCypherScript(t, db, f)
			sameGraph(t, "cypher script", want, canonDump(t, db))
		})
	}

	// The database streamed as a cypher script, and as neo4j-admin files,
	// gives what reading it whole into memory gave: the same graph, the
	// same files.
	t.Run("export cypher and neo4j-admin from the database", func(t *testing.T) {
		if got := ingested(t, db, in); got != want {
			sameGraph(t, "ingest again", want, got)
		}
		whole, err := db.DumpBatch(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		old := filepath.Join(dir, "db-whole.cypher")
		err = writeTo(nil, old, func(w io.Writer) error { return store.WriteCypher(w, whole, 60) })
		if err != nil {
			t.Fatal(err)
		}
		oldAdmin := filepath.Join(dir, "db-admin-whole")
		if _, err := graph.WriteAdminCSV(oldAdmin, whole); err != nil {
			t.Fatal(err)
		}
		f, admin := filepath.Join(dir, "db.cypher"), filepath.Join(dir, "db-admin")
		if _, stderr, code := geokgDB(t, db, "export", "--from-db", "--format", "cypher", "--batch-size", "60", "--out", f); code != 0 {
			t.Fatalf("export: exit %d\n%s", code, stderr)
		}
		if _, stderr, code := geokgDB(t, db, "export", "--from-db", "--format", "neo4j-admin", "--out", admin); code != 0 {
			t.Fatalf("export: exit %d\n%s", code, stderr)
		}
		files, _ := filepath.Glob(filepath.Join(oldAdmin, "*.csv"))
		if len(files) < 10 {
			t.Fatalf("%d CSV files written from the whole graph", len(files))
		}
		for _, wf := range files {
			w, _ := os.ReadFile(wf)
			g, err := os.ReadFile(filepath.Join(admin, filepath.Base(wf)))
			if err != nil || !bytes.Equal(g, w) {
				t.Errorf("%s differs from the one written from the whole graph (%v)", filepath.Base(wf), err)
			}
		}
		for _, script := range []string{old, f} {
			neo4jtest.Reset(t, db)
			runCypherScript(t, db, script)
			sameGraph(t, filepath.Base(script), want, canonDump(t, db))
		}
	})

	t.Run("export from the database, load", func(t *testing.T) {
		f := filepath.Join(dir, "db.jsonl")
		if _, stderr, code := geokgDB(t, db, "export", "--from-db", "--out", f); code != 0 {
			t.Fatalf("export: exit %d\n%s", code, stderr)
		}
		neo4jtest.Reset(t, db)
		if _, stderr, code := geokgDB(t, db, "load", f); code != 0 {
			t.Fatalf("load: exit %d\n%s", code, stderr)
		}
		sameGraph(t, "load of the database export", want, canonDump(t, db))
	})
}

// runCypherScript runs the script at path as cypher-shell -f does.
func runCypherScript(t *testing.T, db *store.DB, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	neo4jtest.RunScript(t, db, f)
}

func TestExportNeo4jAdmin(t *testing.T) {
	in := synthArticles(t, 22, 60)
	dir := filepath.Join(t.TempDir(), "import")
	_, stderr, code := geokgDB(t, &store.DB{}, "export", "--format", "neo4j-admin", "--out", dir, in)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "neo4j-admin database import full") {
		t.Errorf("export should print the import command:\n%s", stderr)
	}
	script, err := os.ReadFile(filepath.Join(dir, "import.sh"))
	if err != nil {
		t.Fatal(err)
	}
	headers := map[string][]string{
		"nodes_State.csv":                {"id:ID", ":LABEL", "aliases:string[]", "name"},
		"nodes_Article.csv":              {"id:ID", ":LABEL", "published", "title", "url"},
		"relationships_SUPPORTS.csv":     {":START_ID", ":END_ID", ":TYPE", "confidence:double", "evidence:string[]", "sources:string[]", "source_count:long", "confidence_weight:long"},
		"nodes_Evidence.csv":             {"id:ID", ":LABEL", "fact", "article", "sentences:string[]", "confidence:double", "weight:long"},
		"relationships_CO_MENTIONED.csv": {":START_ID", ":END_ID", ":TYPE", "articles:long"},
		"relationships_MENTIONS.csv":     {":START_ID", ":END_ID", ":TYPE"},
		"relationships_REPRESENTS.csv":   {"role"},
	}
	for file, want := range headers {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Error(err)
			continue
		}
		header := strings.Split(strings.SplitN(string(b), "\n", 2)[0], ",")
		for _, h := range want {
			if !contains(header, h) {
				t.Errorf("%s: header %v lacks %s", file, header, h)
			}
		}
		if !strings.Contains(string(script), file) {
			t.Errorf("import.sh does not name %s", file)
		}
	}

	// With the local server's jars at hand, import the files for real.
	// neo4j-admin comes with the test server's installation, there once
	// the server has started.
	neo4jtest.DB(t)
	home, local := neo4jtest.LocalHome()
	if !local {
		t.Skip("neo4j-admin needs the local test server's installation; NEO4J_TEST_URI names another server")
	}
	cp, err := os.ReadFile(filepath.Join(home, "classpath"))
	if err != nil {
		t.Fatalf("the local test server has no class path to run neo4j-admin with: %v", err)
	}
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("no java to run neo4j-admin")
	}
	adminHome := t.TempDir()
	for _, d := range []string{"conf", "data", "logs"} {
		os.MkdirAll(filepath.Join(adminHome, d), 0o755)
	}
	conf := fmt.Sprintf("server.directories.data=%s/data\nserver.directories.logs=%s/logs\n", adminHome, adminHome)
	os.WriteFile(filepath.Join(adminHome, "conf", "neo4j.conf"), []byte(conf), 0o644)
	args := []string{"-cp", strings.TrimSpace(string(cp)), "org.neo4j.cli.AdminTool"}
	for _, f := range strings.Fields(strings.ReplaceAll(strings.SplitN(string(script), "neo4j-admin ", 2)[1], "\\\n", " ")) {
		args = append(args, strings.ReplaceAll(f, "'", ""))
	}
	args = append(args[:len(args)-1], "--report-file="+filepath.Join(adminHome, "import.report"), args[len(args)-1])
	cmd := exec.Command("java", args...)
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+adminHome, "NEO4J_CONF="+filepath.Join(adminHome, "conf"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("neo4j-admin import: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(\d+) nodes\s+(\d+) relationships`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("neo4j-admin import printed no counts:\n%s", out)
	}
	lines := func(prefix string) int {
		n := 0
		files, _ := filepath.Glob(filepath.Join(dir, prefix+"*.csv"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			n += strings.Count(string(b), "\n") - 1
		}
		return n
	}
	if m[1] != fmt.Sprint(lines("nodes_")) || m[2] != fmt.Sprint(lines("relationships_")) {
		t.Errorf("neo4j-admin imported %s nodes and %s relationships, the files hold %d and %d", m[1], m[2], lines("nodes_"), lines("relationships_"))
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func TestLoadReportsBadLinesAndGoesOn(t *testing.T) {
	db := neo4jtest.DB(t)
	in := synthArticles(t, 23, 10)
	stdout, stderr, code := geokgDB(t, db, "extract", in)
	if code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	broken := []string{
		`{"type":"node","id":"state:x","labels":["State"],"properties":{"id":"state:x"`,
		`{"type":"node","labels":["State"],"properties":{}}`,
	}
	loves := `{"type":"relationship","id":"r9","label":"LOVES","start":{"id":"state:x","labels":["State"]},"end":{"id":"state:y","labels":["State"]},"properties":{}}`
	// Broken lines go into the first article's graph, the relationship of
	// unknown type into the fifth's: each fails its own article whole,
	// and the other eight load.
	var starts []int
	for i, l := range lines {
		if strings.HasPrefix(l, `{"type":"node"`) && strings.Contains(l, `"labels":["Article"]`) {
			starts = append(starts, i)
		}
	}
	at, at5 := starts[1], starts[5]
	all := append([]string{}, lines[:at]...)
	all = append(all, broken...)
	all = append(all, lines[at:at5]...)
	all = append(all, loves)
	all = append(all, lines[at5:]...)
	f := filepath.Join(t.TempDir(), "mixed.jsonl")
	if err := os.WriteFile(f, []byte(strings.Join(all, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = geokgDB(t, db, "load", f)
	if code != 1 {
		t.Errorf("load: exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{fmt.Sprintf("mixed.jsonl:%d:", at+1), fmt.Sprintf("mixed.jsonl:%d:", at+2), "nothing of it written", "LOVES"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := countArticleNodes(t, db); n != 8 {
		t.Errorf("%d articles loaded, want the 8 without bad lines", n)
	}
	_, stderr, code = geokgDB(t, db, "load", filepath.Join(t.TempDir(), "missing.jsonl"))
	if code != 2 {
		t.Errorf("missing file: exit %d, want 2\n%s", code, stderr)
	}
}
