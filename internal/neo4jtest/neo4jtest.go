// Package neo4jtest gives tests a real Neo4j database, empty at the start of
// each test.
//
// By default it starts a server of its own with scripts/neo4j-local (Java
// and Maven needed; the first start downloads the server): state in
// .neo4j-test/ of the repository (NEO4J_TEST_HOME), Bolt on 127.0.0.1:17687
// (NEO4J_TEST_BOLT_PORT), HTTP on 17474 (NEO4J_TEST_HTTP_PORT), and a
// generated password. It is not the server of the demo and of day-to-day
// use (.neo4j-local/, port 7687), whose data the tests must not delete.
// To use another server, set NEO4J_TEST_URI, NEO4J_TEST_USER,
// NEO4J_TEST_PASSWORD and optionally NEO4J_TEST_DATABASE. The server's data
// is deleted by every test that uses it: never point these at a database
// that matters.
//
// go test runs the packages of ./... in parallel processes against one
// server, so DB holds a lock shared by all of them until the test ends: one
// test at a time uses the database.
package neo4jtest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// How long DB waits for another test process to release the database.
const lockWait = 30 * time.Minute

// DB returns a connection to an empty database that the calling test has to
// itself until it ends. Nodes and relationships are deleted; constraints and
// indexes stay (see DropSchema). Call it once per top-level test and share
// the connection with subtests: a subtest calling DB again would wait for
// its parent's lock.
//
// When no server can be had, DB fails the test; outside CI (CI unset) it
// skips instead when Java is not installed.
func DB(t testing.TB) *store.DB {
	t.Helper()
	db := Existing(t)
	Reset(t, db)
	return db
}

// Existing is DB without the reset: the graph the server holds stays, for
// benchmarks that measure a large graph loaded (or imported) once.
func Existing(t testing.TB) *store.DB {
	t.Helper()
	srv := server(t)
	unlock, err := lock(srv.lockPath, lockWait)
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	t.Cleanup(unlock)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := store.Connect(ctx, srv.cfg)
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	t.Cleanup(func() { db.Close(context.Background()) })
	return db
}

// Reset deletes every node and relationship, in batches so that a large
// graph does not need one huge transaction.
func Reset(t testing.TB, db *store.DB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
}

// DropSchema drops every constraint and every index except the token lookup
// indexes that Neo4j creates itself.
func DropSchema(t testing.TB, db *store.DB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	names := func(query string) []string {
		res, err := neo4j.ExecuteQuery(ctx, db.Driver, query, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db.Config.Database))
		if err != nil {
			t.Fatalf("neo4jtest: %s: %v", query, err)
		}
		var out []string
		for _, r := range res.Records {
			out = append(out, r.Values[0].(string))
		}
		return out
	}
	drop := func(kind string, names []string) {
		for _, name := range names {
			query := "DROP " + kind + " " + quote(name) + " IF EXISTS"
			_, err := neo4j.ExecuteQuery(ctx, db.Driver, query, nil, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(db.Config.Database))
			if err != nil {
				t.Fatalf("neo4jtest: %s: %v", query, err)
			}
		}
	}
	// Constraints first: dropping one drops the index that backs it.
	drop("CONSTRAINT", names("SHOW CONSTRAINTS YIELD name RETURN name"))
	drop("INDEX", names("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"))
}

// quote makes name a Cypher identifier.
func quote(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// Restart stops and starts the local server, for tests of what survives a
// server restart; a *store.DB from DB reconnects by itself. Call it only
// while holding the database (after DB). A server named by NEO4J_TEST_URI
// cannot be restarted: the test fails.
func Restart(t testing.TB) {
	t.Helper()
	if os.Getenv("NEO4J_TEST_URI") != "" {
		t.Fatal("neo4jtest: Restart needs the local server; NEO4J_TEST_URI names another")
	}
	root, err := repoRoot()
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	for _, verb := range []string{"stop", "start"} {
		if err := localServer(root, verb); err != nil {
			t.Fatalf("neo4jtest: %v", err)
		}
	}
}

// ServerPID returns the process id of the local server, for tests that
// kill or stop it (kill -9, SIGSTOP). A server named by NEO4J_TEST_URI
// has none here: the test fails.
func ServerPID(t testing.TB) int {
	t.Helper()
	home, ok := LocalHome()
	if !ok {
		t.Fatal("neo4jtest: ServerPID needs the local server; NEO4J_TEST_URI names another")
	}
	b, err := os.ReadFile(filepath.Join(home, "neo4j.pid"))
	if err != nil {
		t.Fatalf("neo4jtest: the local server's pid: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("neo4jtest: the local server's pid: %v", err)
	}
	return pid
}

// ImportDir returns the server's import directory, from which
// apoc.import.json('file:///NAME') and LOAD CSV read files, so that a test
// can put a file there. For a server named by NEO4J_TEST_URI, set
// NEO4J_TEST_IMPORT_DIR to a folder that is its import directory.
func ImportDir(t testing.TB) string {
	t.Helper()
	srv := server(t)
	if srv.importDir == "" {
		t.Fatal("neo4jtest: the import directory of NEO4J_TEST_URI's server is unknown; set NEO4J_TEST_IMPORT_DIR")
	}
	return srv.importDir
}

type testServer struct {
	cfg       store.Config
	lockPath  string // guards the server's data across test processes
	importDir string // empty when unknown
}

// server finds the server to test against, starting the local one when no
// other is configured.
func server(t testing.TB) testServer {
	t.Helper()
	if uri := os.Getenv("NEO4J_TEST_URI"); uri != "" {
		cfg := store.Config{
			URI:      uri,
			User:     envOr("NEO4J_TEST_USER", "neo4j"),
			Password: os.Getenv("NEO4J_TEST_PASSWORD"),
			Database: os.Getenv("NEO4J_TEST_DATABASE"),
		}
		sum := sha256.Sum256([]byte(uri + "\x00" + cfg.Database))
		return testServer{
			cfg:       cfg,
			lockPath:  filepath.Join(os.TempDir(), "geokg-neo4jtest-"+hex.EncodeToString(sum[:6])+".lock"),
			importDir: os.Getenv("NEO4J_TEST_IMPORT_DIR"),
		}
	}

	if _, err := exec.LookPath("java"); err != nil {
		unavailable(t, "Java is not installed, so the local Neo4j cannot run. Install Java 17 and Maven "+
			"and run the tests again (scripts/neo4j-local starts the server), or point "+
			"NEO4J_TEST_URI, NEO4J_TEST_USER and NEO4J_TEST_PASSWORD at a server whose data may be deleted")
	}
	root, err := repoRoot()
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	home := localHome(root)
	if err := localServer(root, "start"); err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(home, "password"))
	if err != nil {
		t.Fatalf("neo4jtest: read the test server's password: %v", err)
	}
	password := strings.TrimSpace(string(b))
	port, err := boltPort(home)
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	cfg := store.Config{URI: "bolt://127.0.0.1:" + strconv.Itoa(port), User: "neo4j", Password: password}
	return testServer{cfg: cfg, lockPath: filepath.Join(home, "test.lock"), importDir: filepath.Join(home, "import")}
}

// unavailable skips the test outside CI and fails it under CI, where a test
// that did not run must not pass.
func unavailable(t testing.TB, reason string) {
	t.Helper()
	if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
		t.Fatalf("neo4jtest: %s", reason)
	}
	t.Skipf("neo4jtest: skipped: %s", reason)
}

// LocalHome returns the state directory of the test server that this
// package runs (its data, logs, import folder and class path), and false
// when the tests use another server, named by NEO4J_TEST_URI.
func LocalHome() (string, bool) {
	if os.Getenv("NEO4J_TEST_URI") != "" {
		return "", false
	}
	root, err := repoRoot()
	if err != nil {
		return "", false
	}
	return localHome(root), true
}

func localHome(root string) string {
	return envOr("NEO4J_TEST_HOME", filepath.Join(root, ".neo4j-test"))
}

// localServer runs scripts/neo4j-local VERB on the test server. start
// returns at once when the server already runs and otherwise waits until it
// answers.
func localServer(root, verb string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(root, "scripts", "neo4j-local"), verb)
	cmd.Dir = root
	cmd.Env = append(withoutEnv(os.Environ(), "NEO4J_PASSWORD"),
		"NEO4J_LOCAL_HOME="+localHome(root),
		"NEO4J_BOLT_PORT="+envOr("NEO4J_TEST_BOLT_PORT", "17687"),
		"NEO4J_HTTP_PORT="+envOr("NEO4J_TEST_HTTP_PORT", "17474"))
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("scripts/neo4j-local %s: %v\n%s", verb, err, tail(out.String(), 30))
	}
	return nil
}

// boltPort reads the Bolt port the running local server listens on.
func boltPort(home string) (int, error) {
	b, err := os.ReadFile(filepath.Join(home, "ports"))
	if err != nil {
		return 0, fmt.Errorf("read the local server's ports: %w", err)
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return 0, fmt.Errorf("%s is empty", filepath.Join(home, "ports"))
	}
	return strconv.Atoi(fields[0])
}

// repoRoot walks up from the working directory (a test's package directory)
// to the directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "scripts", "neo4j-local")); err != nil {
				return "", fmt.Errorf("%s has no scripts/neo4j-local", dir)
			}
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// withoutEnv drops NAME from env: the test server keeps the password it
// generated, whatever the developer's shell exports for their own server.
func withoutEnv(env []string, name string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Canon is a graph as sorted JSON lines, so that two graphs compare as
// strings: every node and relationship with all its properties but the
// load times (graph.LoadTimeProps: loaded_at), in which two loads of the
// same articles differ.
func Canon(t testing.TB, b *graph.Batch) string {
	t.Helper()
	var buf bytes.Buffer
	w := graph.NewJSONLWriter(&buf)
	strip := func(p map[string]any) map[string]any {
		out := make(map[string]any, len(p))
		for k, v := range p {
			if !slices.Contains(graph.LoadTimeProps, k) {
				out[k] = v
			}
		}
		return out
	}
	c := &graph.Batch{Nodes: make([]graph.Node, len(b.Nodes)), Rels: make([]graph.Rel, len(b.Rels))}
	for i, n := range b.Nodes {
		n.Props = strip(n.Props)
		c.Nodes[i] = n
	}
	for i, r := range b.Rels {
		r.Props = strip(r.Props)
		c.Rels[i] = r
	}
	if err := w.Write(c); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if l == "" {
			continue
		}
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

// Dump is the whole graph of db in the form of Canon.
func Dump(t testing.TB, db *store.DB) string {
	t.Helper()
	b, err := db.DumpBatch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return Canon(t, b)
}

// RunScript runs a script into db the way cypher-shell -f does: a
// statement ends with ';' at the end of a line, and // lines between
// statements are comments. A failing statement fails the test.
func RunScript(t testing.TB, db *store.DB, script io.Reader) {
	t.Helper()
	ctx := context.Background()
	sc := bufio.NewScanner(script)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	var stmt strings.Builder
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if stmt.Len() == 0 && strings.HasPrefix(line, "//") {
			continue
		}
		stmt.WriteString(line + "\n")
		if !strings.HasSuffix(line, ";") {
			continue
		}
		q := strings.TrimSuffix(strings.TrimSpace(stmt.String()), ";")
		stmt.Reset()
		n++
		sess := db.Session(ctx, neo4j.AccessModeWrite)
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		sess.Close(ctx)
		if err != nil {
			t.Fatalf("neo4jtest: statement %d: %v\n%.500s", n, err, q)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(stmt.String()) != "" {
		t.Fatalf("neo4jtest: the script ends inside a statement: %.200s", stmt.String())
	}
}

// BrowserURL returns the address of the Neo4j Browser of the test server
// (http://127.0.0.1:PORT/browser/), for tests that drive it in a web
// browser. For a server named by NEO4J_TEST_URI it is
// NEO4J_TEST_BROWSER_URL, and the test is skipped when that is not set.
func BrowserURL(t testing.TB) string {
	t.Helper()
	if os.Getenv("NEO4J_TEST_URI") != "" {
		u := os.Getenv("NEO4J_TEST_BROWSER_URL")
		if u == "" {
			t.Skip("neo4jtest: set NEO4J_TEST_BROWSER_URL to the Neo4j Browser of NEO4J_TEST_URI's server")
		}
		return u
	}
	root, err := repoRoot()
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(localHome(root), "ports"))
	if err != nil {
		t.Fatalf("neo4jtest: read the local server's ports: %v", err)
	}
	fields := strings.Fields(string(b))
	if len(fields) < 2 {
		t.Fatalf("neo4jtest: %s names no HTTP port", filepath.Join(localHome(root), "ports"))
	}
	return "http://127.0.0.1:" + fields[1] + "/browser/"
}
