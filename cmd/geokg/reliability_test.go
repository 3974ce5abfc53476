//go:build reliability

// The reliability suite: what a hostile user or a careless operator does to
// a running import — kill it, interrupt it, kill or stop or restart the
// server under it, run it two and three times at once, feed it damaged
// files — each case ending with the whole graph compared, property for
// property, with the graph of a clean run. It kills and stops its Neo4j
// server, so it runs against a server of its own: scripts/reliability
// (make reliability) sets that up. See docs/reliability.md.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// A verdict is the outcome of one case, for the table at the end.
type verdict struct {
	name   string
	passed bool
	detail string
}

// suite is the state the cases share: the server, the corpus and the
// graph of a clean run of it.
type suite struct {
	t      *testing.T
	db     *store.DB
	corpus string // a directory of articles
	total  int    // articles in it
	want   string // canonical dump of a clean ingest of corpus
	notes  []string
}

func (s *suite) note(format string, args ...any) {
	s.notes = append(s.notes, fmt.Sprintf(format, args...))
}

// proc is geokg running as a process of its own.
type proc struct {
	cmd    *exec.Cmd
	stderr *syncBuffer
	done   chan struct{}
	code   int // once done: the exit status, or -1 when killed by a signal
	took   time.Duration
}

func (s *suite) start(args ...string) *proc {
	s.t.Helper()
	cmd := geokgCommand(s.t, s.db, args...)
	p := &proc{cmd: cmd, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stderr = p.stderr
	began := time.Now()
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	go func() {
		p.code = exitStatus(cmd.Wait())
		p.took = time.Since(began)
		close(p.done)
	}()
	s.t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// wait waits for p to end, at most limit, and returns its exit status.
func (p *proc) wait(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
		return p.code
	case <-time.After(limit):
		t.Errorf("geokg %s still runs after %s", strings.Join(p.cmd.Args[1:], " "), limit)
		p.cmd.Process.Kill()
		<-p.done
		return p.code
	}
}

// run runs geokg to its end and returns its exit status and stderr.
func (s *suite) run(args ...string) (int, string) {
	s.t.Helper()
	p := s.start(args...)
	code := p.wait(s.t, 20*time.Minute)
	return code, p.stderr.String()
}

// midway waits until at least a tenth of the corpus is in the database
// while p still runs, and fails the case when p ends first.
func (s *suite) midway(t *testing.T, p *proc) int {
	t.Helper()
	target := max(s.total/10, 5)
	deadline := time.Now().Add(10 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			hint := ""
			if p.code == 0 {
				hint = "; the corpus is too small for the case"
			}
			t.Fatalf("geokg ended (exit %d) before %d articles were loaded%s\n%s", p.code, target, hint, p.stderr.String())
		default:
		}
		if n := countArticleNodes(t, s.db); n >= target {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("fewer than %d articles loaded after 10 minutes", target)
	return 0
}

// same compares the graph in the database with the clean run's.
func (s *suite) same(t *testing.T, what string) {
	t.Helper()
	got := neo4jtest.Dump(t, s.db)
	if got == s.want {
		s.note("graph = clean run (%d lines of dump)", strings.Count(got, "\n")+1)
		return
	}
	sameGraph(t, what, s.want, got)
}

// ingestToEnd runs ingest over the corpus to its end, as an operator
// would after a failure, and expects exit status 0.
func (s *suite) ingestToEnd(t *testing.T, args ...string) string {
	t.Helper()
	code, stderr := s.run(append(append([]string{"ingest"}, args...), s.corpus)...)
	if code != 0 {
		t.Fatalf("ingest to the end: exit %d\n%s", code, stderr)
	}
	return stderr
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestReliability(t *testing.T) {
	if _, local := neo4jtest.LocalHome(); !local {
		t.Fatal("the reliability suite kills and stops its server: it needs the local one scripts/neo4j-local runs, not NEO4J_TEST_URI's")
	}
	db := neo4jtest.DB(t)
	s := &suite{t: t, db: db}
	s.corpus = buildCorpus(t)
	var verdicts []verdict
	defer func() { printVerdicts(verdicts) }()

	cases := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"a clean run twice gives the same graph", s.clean},
		{"kill -9 of geokg mid-ingest, then ingest again", s.killGeokg},
		{"SIGINT mid-ingest: exit 130 at once, then ingest again", func(t *testing.T) { s.interrupt(t, syscall.SIGINT, 130) }},
		{"SIGTERM mid-ingest: exit 143 at once, then ingest again", func(t *testing.T) { s.interrupt(t, syscall.SIGTERM, 143) }},
		{"kill -9 of Neo4j mid-ingest, start it, ingest again", s.killServer},
		{"Neo4j restarted mid-ingest, then ingest again", s.restartServer},
		{"SIGSTOP of Neo4j mid-ingest: exit 2 within the query timeout; SIGCONT, ingest again", s.stopServer},
		{"ingest started against a stopped Neo4j: exit 2 within the connect timeout", s.startAgainstStopped},
		{"two concurrent ingests", func(t *testing.T) { s.concurrent(t, "2000", "50") }},
		{"three concurrent ingests", func(t *testing.T) { s.concurrent(t, "2000", "200", "20") }},
		{"--force twice at once over a loaded graph", s.forceTwice},
		{"kill -9 of geokg load mid-load, then load again", s.killLoad},
		{"load of a damaged export file, then ingest", s.damagedExport},
		{"ingest of damaged inputs beside good ones", s.damagedInputs},
	}
	for _, c := range cases {
		s.notes = nil
		passed := t.Run(c.name, c.run)
		verdicts = append(verdicts, verdict{c.name, passed, strings.Join(s.notes, "; ")})
		if c.name == cases[0].name && !passed {
			t.Fatal("two clean runs differ: no other case can be judged")
		}
	}
}

func printVerdicts(vs []verdict) {
	passed := 0
	var b strings.Builder
	for i, v := range vs {
		mark := "FAIL"
		if v.passed {
			mark = "PASS"
			passed++
		}
		fmt.Fprintf(&b, "%2d. %s  %s\n", i+1, mark, v.name)
		if v.detail != "" {
			fmt.Fprintf(&b, "          %s\n", v.detail)
		}
	}
	fmt.Printf("\nreliability: %d cases, %d passed, %d failed\n%s", len(vs), passed, len(vs)-passed, b.String())
}

// buildCorpus is the suite's articles: the project's test articles and
// synthetic ones (GEOKG_RELIABILITY_ARTICLES, default 1500), as a
// directory of files and one JSON lines file.
func buildCorpus(t *testing.T) string {
	t.Helper()
	n := 1500
	if v := os.Getenv("GEOKG_RELIABILITY_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 100 {
			t.Fatalf("GEOKG_RELIABILITY_ARTICLES=%q: want a number of at least 100", v)
		}
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, pattern := range []string{"*.txt", "*.md", "*.html"} {
		files, _ := filepath.Glob(filepath.Join(repoRoot(t), "testdata", "articles", pattern))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Rename(synthArticles(t, 31, n), filepath.Join(dir, "synthetic.jsonl")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func (s *suite) clean(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	stderr := s.ingestToEnd(t)
	s.want = neo4jtest.Dump(t, s.db)
	s.total = countArticleNodes(t, s.db)
	if s.total < 100 {
		t.Fatalf("a clean run loaded %d articles:\n%s", s.total, stderr)
	}
	neo4jtest.Reset(t, s.db)
	s.ingestToEnd(t, "--batch-size", "100", "--workers", "1")
	s.note("%d articles, %d lines of dump (nodes and relationships)", s.total, strings.Count(s.want, "\n")+1)
	s.same(t, "second clean run")
}

func (s *suite) killGeokg(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	p := s.start("ingest", "--batch-size", "200", s.corpus)
	s.midway(t, p)
	p.cmd.Process.Signal(syscall.SIGKILL)
	p.wait(t, time.Minute)
	n := countArticleNodes(t, s.db)
	s.note("killed with %d of %d articles loaded", n, s.total)
	stderr := s.ingestToEnd(t)
	if !strings.Contains(stderr, fmt.Sprintf("%d skipped", n)) {
		t.Errorf("the rerun does not skip the %d articles loaded before the kill:\n%s", n, stderr)
	}
	s.same(t, "killed, then ingested again")
}

func (s *suite) interrupt(t *testing.T, sig syscall.Signal, want int) {
	neo4jtest.Reset(t, s.db)
	p := s.start("ingest", "--batch-size", "200", s.corpus)
	s.midway(t, p)
	sent := time.Now()
	p.cmd.Process.Signal(sig)
	code := p.wait(t, time.Minute)
	took := time.Since(sent)
	s.note("exit %d %s after %v, %q", code, took.Round(10*time.Millisecond), sig, lastLine(p.stderr.String()))
	if code != want {
		t.Errorf("exit status %d, want %d:\n%s", code, want, p.stderr.String())
	}
	if took > graceTime+2*time.Second {
		t.Errorf("ended %s after the signal", took)
	}
	if !strings.Contains(p.stderr.String(), "geokg ingest: ") || !strings.Contains(p.stderr.String(), "interrupted; run the same command again") {
		t.Errorf("no summary or advice:\n%s", p.stderr.String())
	}
	s.ingestToEnd(t)
	s.same(t, "interrupted, then ingested again")
}

func (s *suite) killServer(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	p := s.start("ingest", "--batch-size", "200", s.corpus)
	s.midway(t, p)
	killed := time.Now()
	if err := syscall.Kill(neo4jtest.ServerPID(t), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	code := p.wait(t, 5*time.Minute)
	s.note("geokg: exit %d %s after the kill, %q", code, time.Since(killed).Round(10*time.Millisecond), lastLine(p.stderr.String()))
	if code != 2 {
		t.Errorf("exit status %d, want 2:\n%s", code, p.stderr.String())
	}
	if strings.Contains(p.stderr.String(), "retries ran out") && time.Since(killed) < 30*time.Second {
		t.Errorf("says retries ran out %s after the kill:\n%s", time.Since(killed), p.stderr.String())
	}
	neo4jtest.Restart(t)
	s.ingestToEnd(t)
	s.same(t, "server killed, then ingested again")
}

func (s *suite) restartServer(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	p := s.start("ingest", "--batch-size", "200", s.corpus)
	s.midway(t, p)
	neo4jtest.Restart(t)
	code := p.wait(t, 5*time.Minute)
	s.note("the ingest under the restart: exit %d, %q", code, lastLine(p.stderr.String()))
	if code != 0 && code != 2 {
		t.Errorf("exit status %d, want 0 (rode it out) or 2 (lost the server):\n%s", code, p.stderr.String())
	}
	s.ingestToEnd(t)
	s.same(t, "server restarted, then ingested again")
}

// stopped sends SIGSTOP to the server and SIGCONT when the case ends.
func (s *suite) stopped(t *testing.T) {
	pid := neo4jtest.ServerPID(t)
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Kill(pid, syscall.SIGCONT) })
}

func (s *suite) stopServer(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	// Long enough for a busy machine's slowest transaction, short
	// enough to wait for.
	const limit = 30 * time.Second
	p := s.start("ingest", "--batch-size", "200", "--query-timeout", limit.String(), s.corpus)
	s.midway(t, p)
	s.stopped(t)
	stopped := time.Now()
	code := p.wait(t, 5*time.Minute)
	took := time.Since(stopped)
	s.note("exit %d %s after SIGSTOP, %q", code, took.Round(10*time.Millisecond), lastLine(p.stderr.String()))
	if code != 2 || !strings.Contains(p.stderr.String(), "did not answer within "+limit.String()) {
		t.Errorf("exit status %d, want 2 and the query timeout named:\n%s", code, p.stderr.String())
	}
	if took > limit+graceTime+5*time.Second {
		t.Errorf("took %s after SIGSTOP with a %s query timeout", took, limit)
	}
	syscall.Kill(neo4jtest.ServerPID(t), syscall.SIGCONT)
	s.ingestToEnd(t)
	s.same(t, "server stopped, continued, then ingested again")
}

func (s *suite) startAgainstStopped(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	s.stopped(t)
	const limit = 5 * time.Second
	p := s.start("ingest", "--connect-timeout", limit.String(), s.corpus)
	code := p.wait(t, 5*time.Minute)
	s.note("exit %d after %s, %q", code, p.took.Round(10*time.Millisecond), lastLine(p.stderr.String()))
	if code != 2 || strings.Count(p.stderr.String(), "\n") != 1 || !strings.Contains(p.stderr.String(), "no answer within "+limit.String()) {
		t.Errorf("exit status %d, want 2 and one line naming the connect timeout:\n%s", code, p.stderr.String())
	}
	if p.took > limit+5*time.Second {
		t.Errorf("took %s with a %s connect timeout", p.took, limit)
	}
	syscall.Kill(neo4jtest.ServerPID(t), syscall.SIGCONT)
	s.ingestToEnd(t)
	s.same(t, "after the stopped server continued")
}

func (s *suite) concurrent(t *testing.T, batchSizes ...string) {
	neo4jtest.Reset(t, s.db)
	var ps []*proc
	for _, b := range batchSizes {
		ps = append(ps, s.start("ingest", "--batch-size", b, s.corpus))
	}
	var got []string
	for i, p := range ps {
		code := p.wait(t, 20*time.Minute)
		got = append(got, fmt.Sprintf("batch %s: exit %d", batchSizes[i], code))
		if code != 0 {
			t.Errorf("ingest --batch-size %s: exit %d\n%s", batchSizes[i], code, p.stderr.String())
		}
	}
	s.note("%s", strings.Join(got, ", "))
	s.same(t, "concurrent ingests")
}

func (s *suite) forceTwice(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	s.ingestToEnd(t)
	a := s.start("ingest", "--force", s.corpus)
	b := s.start("ingest", "--force", "--batch-size", "100", s.corpus)
	for _, p := range []*proc{a, b} {
		if code := p.wait(t, 20*time.Minute); code != 0 {
			t.Errorf("ingest --force: exit %d\n%s", code, p.stderr.String())
		}
	}
	s.note("both exit 0")
	s.same(t, "--force twice at once")
}

// export writes the corpus's graph as extract prints it.
func (s *suite) export(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "graph.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd := geokgCommand(t, s.db, "extract", s.corpus)
	cmd.Stdout = f
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("extract: %v\n%s", err, errb.String())
	}
	return path
}

func (s *suite) killLoad(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	file := s.export(t)
	p := s.start("load", "--batch-size", "200", file)
	s.midway(t, p)
	p.cmd.Process.Signal(syscall.SIGKILL)
	p.wait(t, time.Minute)
	s.note("killed with %d of %d articles loaded", countArticleNodes(t, s.db), s.total)
	if code, stderr := s.run("load", file); code != 0 {
		t.Fatalf("load again: exit %d\n%s", code, stderr)
	}
	s.same(t, "load killed, then loaded again")
}

// damagedExport cuts every 97th line of an export file in half: each
// article with a damaged line must be written not at all, named, and come
// back whole from an ingest.
func (s *suite) damagedExport(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	file := s.export(t)
	in, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	damaged := map[int]bool{} // articles, by the line of their Article node
	article := 0
	sc := bufio.NewScanner(bytes.NewReader(in))
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.Contains(line, `"labels":["Article"]`) {
			article = n
		}
		if n%97 == 0 {
			line = line[:len(line)/2]
			damaged[article] = true
		}
		out.WriteString(line + "\n")
	}
	bad := filepath.Join(t.TempDir(), "damaged.jsonl")
	if err := os.WriteFile(bad, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr := s.run("load", bad)
	failed := strings.Count(stderr, "nothing of it written")
	loaded := countArticleNodes(t, s.db)
	s.note("load: exit %d, %d articles failed (%d damaged), %d loaded", code, failed, len(damaged), loaded)
	if code != 1 || failed != len(damaged) || !strings.Contains(stderr, "damaged.jsonl:97") {
		t.Errorf("load of a damaged file: exit %d (want 1), %d articles failed (want %d)\n%s", code, failed, len(damaged), stderr)
	}
	if loaded != s.total-len(damaged) {
		t.Errorf("%d articles loaded, want %d", loaded, s.total-len(damaged))
	}
	stderr = s.ingestToEnd(t)
	if !strings.Contains(stderr, fmt.Sprintf("%d loaded", len(damaged))) {
		t.Errorf("the ingest does not load the %d damaged articles:\n%s", len(damaged), stderr)
	}
	s.same(t, "damaged load, then ingest")
}

// damagedInputs ingests the corpus beside files that cannot be read: each
// is named, the exit status is 1, and the graph is the clean run's.
func (s *suite) damagedInputs(t *testing.T) {
	neo4jtest.Reset(t, s.db)
	dir := filepath.Join(t.TempDir(), "inputs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"empty.txt":     nil,
		"binary.txt":    {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0},
		"latin1.txt":    []byte("title: Caf\xe9\n\nTalks resumed in Bogot\xe1 on Monday.\n"),
		"header.txt":    []byte("title: Only a header\npublished: 2024-05-01\n\n"),
		"page.html":     []byte("<html><head><title>Menu</title></head><body><script>var x = 1;</script></body></html>"),
		"records.jsonl": []byte("{\"title\": \"Cut\", \"text\": \"Talks resumed\n"),
	}
	for name, body := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	code, stderr := s.run("ingest", s.corpus, dir)
	var missing []string
	for _, name := range []string{"empty.txt", "binary.txt", "latin1.txt", "header.txt", "page.html", "records.jsonl:1", "dangling.txt"} {
		if !strings.Contains(stderr, filepath.Join(dir, name)) {
			missing = append(missing, name)
		}
	}
	summary := stderr
	if i := strings.Index(stderr, "geokg ingest: "); i >= 0 {
		summary = strings.SplitN(stderr[i+len("geokg ingest: "):], "\n", 2)[0]
	}
	s.note("exit %d, %s", code, summary)
	if code != 1 || len(missing) > 0 {
		t.Errorf("exit %d (want 1); not named: %v\n%s", code, missing, stderr)
	}
	s.same(t, "damaged inputs beside the corpus")
}
