package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/internal/synth"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// geokgDB runs geokg in this process against db.
func geokgDB(t *testing.T, db *store.DB, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Setenv("NEO4J_URI", db.Config.URI)
	t.Setenv("NEO4J_USERNAME", db.Config.User)
	t.Setenv("NEO4J_PASSWORD", db.Config.Password)
	t.Setenv("NEO4J_PASSWORD_FILE", "")
	t.Setenv("NEO4J_DATABASE", db.Config.Database)
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"geokg"}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// synthArticles writes n synthetic articles as a JSON lines input file.
func synthArticles(t testing.TB, seed uint64, n int) string {
	t.Helper()
	d, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := synth.New(d, seed)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("synth-%d-%d.jsonl", seed, n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.WriteJSONL(f, 0, n); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// canonDump is the whole graph as sorted JSON lines: every node and
// relationship with every property but the load times.
func canonDump(t *testing.T, db *store.DB) string {
	t.Helper()
	return neo4jtest.Dump(t, db)
}

func sameGraph(t *testing.T, what, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	wm := map[string]bool{}
	for _, l := range w {
		wm[l] = true
	}
	gm := map[string]bool{}
	for _, l := range g {
		gm[l] = true
	}
	var msg strings.Builder
	fmt.Fprintf(&msg, "%s: %d lines, want %d\n", what, len(g), len(w))
	n := 0
	for _, l := range w {
		if !gm[l] && n < 3 {
			fmt.Fprintf(&msg, "missing: %.300s\n", l)
			n++
		}
	}
	n = 0
	for _, l := range g {
		if !wm[l] && n < 3 {
			fmt.Fprintf(&msg, "extra:   %.300s\n", l)
			n++
		}
	}
	t.Error(msg.String())
}

func countArticleNodes(t *testing.T, db *store.DB) int {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, "MATCH (a:Article) RETURN count(a) AS n", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	return int(res.Records[0].Values[0].(int64))
}

// reference is the graph of one clean ingest of in into an emptied db,
// by geokg as a process, like the runs it is compared with.
func reference(t *testing.T, db *store.DB, in string) string {
	t.Helper()
	neo4jtest.Reset(t, db)
	if err := geokgProcess(t, db, "ingest", in).Wait(); err != nil {
		t.Fatalf("clean ingest: %v", err)
	}
	return canonDump(t, db)
}

func TestIngestIdempotentIncrementalAndSummarized(t *testing.T) {
	db := neo4jtest.DB(t)
	neo4jtest.DropSchema(t, db)
	in := synthArticles(t, 11, 120)
	sumFile := filepath.Join(t.TempDir(), "summary.json")

	_, stderr, code := geokgDB(t, db, "ingest", "--summary", sumFile, "--batch-size", "300", in)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "120 articles read, 120 loaded, 0 skipped") {
		t.Errorf("summary on stderr:\n%s", stderr)
	}
	var s summary
	b, err := os.ReadFile(sumFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("summary file: %v\n%s", err, b)
	}
	if s.Read != 120 || s.Loaded != 120 || s.NodesCreated == 0 || s.RelsCreated == 0 || s.Seconds <= 0 {
		t.Errorf("summary: read %d, loaded %d, stats %+v, %.1fs", s.Read, s.Loaded, s.Stats, s.Seconds)
	}
	// The first ingest into an empty database applied the schema.
	if ok, err := db.HasSchema(context.Background()); err != nil || !ok {
		t.Errorf("schema after the first ingest: %v %v", ok, err)
	}
	first := canonDump(t, db)
	if n := strings.Count(first, `"type":"node"`); n != s.NodesCreated {
		t.Errorf("%d nodes in the database, summary says %d created", n, s.NodesCreated)
	}

	// Again: everything skipped, nothing changes.
	_, stderr, code = geokgDB(t, db, "ingest", in)
	if code != 0 || !strings.Contains(stderr, "120 articles read, 0 loaded, 120 skipped") {
		t.Errorf("second ingest: exit %d\n%s", code, stderr)
	}
	sameGraph(t, "after a second ingest", first, canonDump(t, db))

	// Forced: everything merged again, still nothing changes.
	_, stderr, code = geokgDB(t, db, "ingest", "--force", in)
	if code != 0 || !strings.Contains(stderr, "120 loaded") || !strings.Contains(stderr, "nodes: 0 created, 0 updated; relationships: 0 created, 0 updated") {
		t.Errorf("forced ingest: exit %d\n%s", code, stderr)
	}
	sameGraph(t, "after a forced ingest", first, canonDump(t, db))

	// Incremental: a larger corpus loads only the new articles.
	more := synthArticles(t, 11, 150)
	_, stderr, code = geokgDB(t, db, "ingest", more)
	if code != 0 || !strings.Contains(stderr, "150 articles read, 30 loaded, 120 skipped") {
		t.Errorf("incremental ingest: exit %d\n%s", code, stderr)
	}
	incremental := canonDump(t, db)
	neo4jtest.Reset(t, db)
	if _, stderr, code := geokgDB(t, db, "ingest", more); code != 0 {
		t.Fatalf("clean ingest: exit %d\n%s", code, stderr)
	}
	sameGraph(t, "incremental ingest", canonDump(t, db), incremental)
}

func TestIngestExitStatus(t *testing.T) {
	db := neo4jtest.DB(t)
	dir := t.TempDir()
	good := synthArticles(t, 12, 5)
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := geokgDB(t, db, "ingest", good, empty)
	if code != 1 || !strings.Contains(stderr, "empty.txt") || !strings.Contains(stderr, "5 loaded") || !strings.Contains(stderr, "1 failed") {
		t.Errorf("one bad input: exit %d, want 1\n%s", code, stderr)
	}
	if n := countArticleNodes(t, db); n != 5 {
		t.Errorf("%d articles loaded, want 5", n)
	}

	_, stderr, code = geokgDB(t, db, "ingest")
	if code != 2 {
		t.Errorf("no inputs: exit %d, want 2\n%s", code, stderr)
	}
	_, stderr, code = geokgDB(t, db, "ingest", "--batch-size", "0", good)
	if code != 2 {
		t.Errorf("batch size 0: exit %d, want 2\n%s", code, stderr)
	}
	var out, errb bytes.Buffer
	t.Setenv("NEO4J_PASSWORD", "not-the-password")
	code = run(context.Background(), []string{"geokg", "ingest", "--uri", "bolt://127.0.0.1:1", good}, strings.NewReader(""), &out, &errb)
	if code != 2 {
		t.Errorf("unreachable server: exit %d, want 2\n%s", code, errb.String())
	}
	checkOneLine(t, errb.String(), "not-the-password")
}

func TestIngestFeedOverHTTP(t *testing.T) {
	db := neo4jtest.DB(t)
	var mu sync.Mutex
	agents := map[string]bool{}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	page := func(title, body string) string {
		return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + body + "</p></article></body></html>"
	}
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents[r.UserAgent()] = true
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>World desk</title>
<item><title>Ruritania and Freedonia agree to talks</title><link>%[1]s/a1</link><pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate></item>
<item><title>Armenia and Azerbaijan meet in Brussels</title><link>%[1]s/a2</link><pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>%[1]s/gone</link></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Ruritania and Freedonia agree to talks", "Russia said on Monday it would host talks between Armenia and Azerbaijan in Moscow next week, after weeks of clashes along their border. Armenian Prime Minister Nikol Pashinyan said he was ready to attend."))
	})
	mux.HandleFunc("/a2", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Armenia and Azerbaijan meet in Brussels", "The European Union hosted talks between Armenia and Azerbaijan in Brussels on Tuesday. Azerbaijan demanded that Armenia withdraw its troops from the border villages."))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })

	_, stderr, code := geokgDB(t, db, "ingest", "--timeout", "5s", srv.URL+"/feed.xml")
	if code != 1 {
		t.Errorf("feed with a missing item: exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "/gone") || !strings.Contains(stderr, "2 loaded") {
		t.Errorf("stderr should name the failed item and count two loaded:\n%s", stderr)
	}
	if n := countArticleNodes(t, db); n != 2 {
		t.Errorf("%d articles loaded, want 2", n)
	}
	mu.Lock()
	defer mu.Unlock()
	for ua := range agents {
		if !strings.HasPrefix(ua, "geokg/") {
			t.Errorf("user agent %q", ua)
		}
	}
}

// The tests that need geokg as a process of its own (to kill it, or to
// run two at once) run this test binary with GEOKG_TEST_MAIN=1: it then is
// geokg, built from the same sources as the test.
func init() {
	if os.Getenv("GEOKG_TEST_MAIN") == "1" {
		main()
	}
}

// geokgCommand is geokg as a process connected to db, not started.
func geokgCommand(t testing.TB, db *store.DB, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "GEOKG_TEST_MAIN=1", "NEO4J_URI="+db.Config.URI, "NEO4J_USERNAME="+db.Config.User,
		"NEO4J_PASSWORD="+db.Config.Password, "NEO4J_DATABASE="+db.Config.Database, "NEO4J_PASSWORD_FILE=")
	return cmd
}

func geokgProcess(t *testing.T, db *store.DB, args ...string) *exec.Cmd {
	t.Helper()
	cmd := geokgCommand(t, db, args...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("geokg %s:\n%s", strings.Join(args, " "), errb.String())
		}
	})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// geokgExec runs geokg as a process to its end.
func geokgExec(t *testing.T, db *store.DB, args ...string) (stderr string, code int) {
	t.Helper()
	cmd := geokgCommand(t, db, args...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return errb.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return errb.String(), 0
}

// waitArticles waits until at least n articles are in db.
func waitArticles(t *testing.T, db *store.DB, n int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		if countArticleNodes(t, db) >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("fewer than %d articles loaded after 3 minutes", n)
}

func TestIngestKilledMidwayThenRerun(t *testing.T) {
	db := neo4jtest.DB(t)
	const total = 400
	in := synthArticles(t, 13, total)
	want := reference(t, db, in)

	neo4jtest.Reset(t, db)
	cmd := geokgProcess(t, db, "ingest", "--batch-size", "1", "--workers", "1", in)
	waitArticles(t, db, 25)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	n := countArticleNodes(t, db)
	if n == total {
		t.Fatalf("the ingest finished before it was killed; the test needs a larger corpus")
	}
	t.Logf("killed after %d of %d articles", n, total)

	stderr, code := geokgExec(t, db, "ingest", in)
	if code != 0 {
		t.Fatalf("rerun: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d skipped", n)) {
		t.Errorf("rerun should skip the %d articles loaded before the kill:\n%s", n, stderr)
	}
	sameGraph(t, "killed then rerun", want, canonDump(t, db))
}

func TestIngestConcurrentEqualsSequential(t *testing.T) {
	db := neo4jtest.DB(t)
	in := synthArticles(t, 14, 200)
	want := reference(t, db, in)

	neo4jtest.Reset(t, db)
	a := geokgProcess(t, db, "ingest", "--batch-size", "200", in)
	b := geokgProcess(t, db, "ingest", "--batch-size", "50", in)
	for _, cmd := range []*exec.Cmd{a, b} {
		if err := cmd.Wait(); err != nil {
			t.Errorf("concurrent ingest: %v", err)
		}
	}
	sameGraph(t, "two concurrent ingests", want, canonDump(t, db))
}

// TestIngestServerRestartedMidway stops and starts the local server while
// an ingest runs. The ingest either rides out the restart on the driver's
// retries or fails; either way a rerun ends with the clean run's graph.
func TestIngestServerRestartedMidway(t *testing.T) {
	db := neo4jtest.DB(t)
	if _, local := neo4jtest.LocalHome(); !local {
		t.Skipf("the test server %s is not one scripts/neo4j-local runs; cannot restart it", db.Config.URI)
	}
	in := synthArticles(t, 15, 400)
	want := reference(t, db, in)

	neo4jtest.Reset(t, db)
	cmd := geokgProcess(t, db, "ingest", "--batch-size", "1", "--workers", "1", in)
	waitArticles(t, db, 25)
	neo4jtest.Restart(t)
	err := cmd.Wait()
	t.Logf("ingest during the restart ended with %v", err)

	stderr, code := geokgExec(t, db, "ingest", in)
	if code != 0 {
		t.Fatalf("rerun: exit %d\n%s", code, stderr)
	}
	sameGraph(t, "restarted then rerun", want, canonDump(t, db))
}
