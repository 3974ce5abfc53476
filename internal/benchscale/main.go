// Command benchscale measures how loading scales with the corpus: for each
// size it writes a synthetic corpus (internal/synth) and times, on local
// Neo4j 5.26 servers of their own, geokg load of its graph, geokg ingest
// of its articles, geokg export to neo4j-admin CSV and to a cypher
// script, neo4j-admin database import full of those files and geokg
// schema apply after it, and geokg export --from-db of the imported
// graph. It prints a table of wall time, CPU time (of geokg and of the
// server apart, and of the server's the part its JVM spent compiling),
// rate and peak memory, then the ratios that matter: the
// rate at each size against the smallest, load against neo4j-admin import
// of the same graph, and each export against -baseline, an earlier
// binary run side by side with it.
//
//	go run ./internal/benchscale -sizes 10000,100000
//	go run ./internal/benchscale -sizes 10000,30000 -steps export-cypher,export-db -baseline /tmp/geokg-before
//
// make bench-scale runs it; docs/loading.md has the figures.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/synth"
)

type options struct {
	sizes     []int
	dir       string
	geokg     string
	baseline  string
	heap      string
	pagecache string
	loadPorts [2]int
	bulkPorts [2]int
	steps     map[string]bool
	out       string
	loadMax   int
}

func main() {
	var o options
	var sizes, steps, loadPorts, bulkPorts string
	flag.StringVar(&sizes, "sizes", "10000,100000", "corpus sizes in articles, comma-separated")
	flag.StringVar(&o.dir, "dir", ".bench-scale", "working directory: corpora, server state, CSV files")
	flag.StringVar(&o.geokg, "geokg", "bin/geokg", "the geokg binary to measure")
	flag.StringVar(&o.baseline, "baseline", "", "an earlier geokg binary that the export steps also run, each time right before -geokg")
	flag.StringVar(&o.heap, "heap", "3g", "Java heap of the benchmark servers")
	flag.StringVar(&o.pagecache, "pagecache", "4g", "page cache of the benchmark servers")
	flag.StringVar(&loadPorts, "load-ports", "17724,17494", "Bolt and HTTP ports of the server that load and ingest write to")
	flag.StringVar(&bulkPorts, "bulk-ports", "17734,17504", "Bolt and HTTP ports of the server neo4j-admin imports into")
	flag.StringVar(&steps, "steps", "load,load-bulk,export,next,ingest,ingest-bulk", "steps to run: load, load-bulk (load --bulk), load-bulk-warm (load --bulk into a server warmed up by a bulk load of 10,000 articles, then emptied), export (neo4j-admin CSV), export-cypher, import (neo4j-admin), next (import, then load 2,000 more articles), export-db (import, then export --from-db as neo4j-admin CSV and cypher), ingest, ingest-bulk (ingest --bulk)")
	flag.StringVar(&o.out, "out", "", "also write the table to this file")
	flag.IntVar(&o.loadMax, "load-max", 0, "run the load and ingest steps only on corpora of at most this many articles (0: all)")
	flag.Parse()
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fatal(fmt.Errorf("-sizes: %q is not a number of articles", s))
		}
		o.sizes = append(o.sizes, n)
	}
	o.steps = map[string]bool{}
	for _, s := range strings.Split(steps, ",") {
		o.steps[strings.TrimSpace(s)] = true
	}
	for i, p := range []string{loadPorts, bulkPorts} {
		f := strings.Split(p, ",")
		if len(f) != 2 {
			fatal(fmt.Errorf("ports: want BOLT,HTTP, got %q", p))
		}
		a, err1 := strconv.Atoi(f[0])
		b, err2 := strconv.Atoi(f[1])
		if err := errors.Join(err1, err2); err != nil {
			fatal(fmt.Errorf("ports %q: %w", p, err))
		}
		if i == 0 {
			o.loadPorts = [2]int{a, b}
		} else {
			o.bulkPorts = [2]int{a, b}
		}
	}
	if err := run(context.Background(), o); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "benchscale:", err)
	os.Exit(1)
}

// A row is one measured step.
type row struct {
	articles  int
	step      string
	elements  int // input elements (nodes and relationships as extracted)
	wall      time.Duration
	cpu       time.Duration // the measured process and its children
	serverCPU time.Duration // the Neo4j server during the step
	serverJIT time.Duration // of serverCPU, the JVM's compiler threads
	peakRSS   int64         // bytes, largest process
	note      string
}

func (r row) rate() float64 { return float64(r.elements) / r.wall.Seconds() }

func run(ctx context.Context, o options) error {
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return err
	}
	abs, err := filepath.Abs(o.dir)
	if err != nil {
		return err
	}
	o.dir = abs
	var rows []row
	header := machine(o)
	fmt.Println(header)
	for _, n := range o.sizes {
		c, err := corpus(o.dir, n)
		if err != nil {
			return err
		}
		fmt.Printf("# %d articles: %d elements as extracted (%s)\n", n, c.elements, c.dir)
		for _, step := range []string{"load", "load-bulk", "load-bulk-warm", "export", "export-cypher", "import", "next", "export-db", "ingest", "ingest-bulk"} {
			if !o.steps[step] || o.loadMax > 0 && n > o.loadMax && (step == "load" || step == "ingest") {
				continue
			}
			rs, err := measure(ctx, o, c, step)
			if err != nil {
				return fmt.Errorf("%d articles, %s: %w", n, step, err)
			}
			for _, r := range rs {
				fmt.Println(r.line())
			}
			rows = append(rows, rs...)
		}
	}
	table := header + "\n\n" + render(rows)
	fmt.Println()
	fmt.Println(table)
	if o.out != "" {
		return os.WriteFile(o.out, []byte(table), 0o644)
	}
	return nil
}

func machine(o options) string {
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if m := regexp.MustCompile(`model name\s*:\s*(.*)`).FindSubmatch(b); m != nil {
			cpu = string(m[1])
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		if m := regexp.MustCompile(`MemTotal:\s*(\d+) kB`).FindSubmatch(b); m != nil {
			kb, _ := strconv.Atoi(string(m[1]))
			mem = fmt.Sprintf("%.0f GiB", float64(kb)/(1<<20))
		}
	}
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return fmt.Sprintf("machine: %d cores (%s), %s, load average %s at the start; Neo4j 5.26 servers with %s heap and %s page cache",
		runtime.NumCPU(), cpu, mem, load, o.heap, o.pagecache)
}

type corpusFiles struct {
	dir      string
	articles string // JSON lines articles, for ingest and export
	graph    string // the graph as extract writes it, for load
	next     string // the graph of the nextArticles articles after them
	admin    string // the merged graph of graph, as neo4j-admin CSV
	n        int
	elements int
	nextN    int // elements in next
}

// nextArticles is how many articles the "next" step loads on top of a
// graph of the corpus' size.
const nextArticles = 2000

// corpus writes n synthetic articles and their graph, once for each
// generator: a corpus the generator would now write differently is
// written again.
func corpus(dir string, n int) (*corpusFiles, error) {
	c := &corpusFiles{dir: filepath.Join(dir, strconv.Itoa(n)), n: n}
	c.articles = filepath.Join(c.dir, "articles.jsonl")
	c.graph = filepath.Join(c.dir, "graph.jsonl")
	c.next = filepath.Join(c.dir, "next.jsonl")
	c.admin = filepath.Join(c.dir, "graph-admin")
	count := filepath.Join(c.dir, "elements")
	d, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	g, err := synth.New(d, 12)
	if err != nil {
		return nil, err
	}
	sum := sha256.New()
	for i := range 100 {
		_, b := g.Article(i)
		json.NewEncoder(sum).Encode(b)
	}
	fingerprint := fmt.Sprintf("%x", sum.Sum(nil)[:8])
	if b, err := os.ReadFile(count); err == nil {
		f := strings.Fields(string(b))
		if len(f) == 3 && f[2] == fingerprint {
			c.elements, _ = strconv.Atoi(f[0])
			c.nextN, err = strconv.Atoi(f[1])
			return c, err
		}
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return nil, err
	}
	af, err := os.Create(c.articles)
	if err != nil {
		return nil, err
	}
	gf, err := os.Create(c.graph)
	if err != nil {
		return nil, err
	}
	nf, err := os.Create(c.next)
	if err != nil {
		return nil, err
	}
	x, err := graph.NewExporter(c.dir)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	aw, gw, nw := bufio.NewWriterSize(af, 1<<20), bufio.NewWriterSize(gf, 1<<20), bufio.NewWriterSize(nf, 1<<20)
	enc := json.NewEncoder(aw)
	enc.SetEscapeHTML(false)
	jw, nj := graph.NewJSONLWriter(gw), graph.NewJSONLWriter(nw)
	for i := 0; i < n+nextArticles; i++ {
		a, b := g.Article(i)
		if i >= n {
			if err := nj.Write(b); err != nil {
				return nil, err
			}
			c.nextN += b.Len()
			continue
		}
		rec := map[string]string{"title": a.Title, "url": a.URL, "published": a.Published, "source": a.Source, "text": a.Text}
		if err := enc.Encode(rec); err != nil {
			return nil, err
		}
		if err := jw.Write(b); err != nil {
			return nil, err
		}
		if err := x.Add(b); err != nil {
			return nil, err
		}
		c.elements += b.Len()
	}
	imp, err := x.WriteAdminCSV(c.admin)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(c.admin, "import.sh"), []byte(imp.Command("neo4j")+"\n"), 0o644); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		w *bufio.Writer
		f *os.File
	}{{aw, af}, {gw, gf}, {nw, nf}} {
		if err := f.w.Flush(); err != nil {
			return nil, err
		}
		if err := f.f.Close(); err != nil {
			return nil, err
		}
	}
	return c, os.WriteFile(count, []byte(fmt.Sprintf("%d %d %s", c.elements, c.nextN, fingerprint)), 0o644)
}

// server is a benchmark Neo4j run by scripts/neo4j-local.
type server struct {
	home      string
	ports     [2]int
	heap      string
	pagecache string
}

func (s server) cmd(ctx context.Context, verb string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "scripts/neo4j-local", append([]string{verb}, args...)...)
	cmd.Env = append(withoutEnv(os.Environ(), "NEO4J_PASSWORD"),
		"NEO4J_LOCAL_HOME="+s.home,
		fmt.Sprintf("NEO4J_BOLT_PORT=%d", s.ports[0]), fmt.Sprintf("NEO4J_HTTP_PORT=%d", s.ports[1]),
		"NEO4J_HEAP="+s.heap, "NEO4J_PAGECACHE="+s.pagecache, "NEO4J_START_TIMEOUT=600")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd
}

func (s server) do(ctx context.Context, verb string, args ...string) error {
	if err := s.cmd(ctx, verb, args...).Run(); err != nil {
		return fmt.Errorf("neo4j-local %s %s: %w", verb, s.home, err)
	}
	return nil
}

// fresh stops the server, deletes its data and starts it empty.
func (s server) fresh(ctx context.Context) error {
	if err := s.do(ctx, "reset", "--yes"); err != nil {
		return err
	}
	return s.do(ctx, "start")
}

func (s server) pid() int {
	b, err := os.ReadFile(filepath.Join(s.home, "neo4j.pid"))
	if err != nil {
		return 0
	}
	p, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return p
}

// cpu is the server process' user and system time so far.
func (s server) cpu() time.Duration {
	p := s.pid()
	if p == 0 {
		return 0
	}
	return time.Duration(procTicks(fmt.Sprintf("/proc/%d/stat", p))) * time.Second / 100 // USER_HZ
}

// during runs fn and records in r the server's CPU time while it ran,
// and the part of it the JVM spent compiling.
func (s server) during(r *row, fn func() error) error {
	c0, j0 := s.cpu(), s.jit()
	err := fn()
	r.serverCPU, r.serverJIT = s.cpu()-c0, s.jit()-j0
	return err
}

// jit is the CPU time of the server JVM's compiler threads so far: a new
// server compiles its hot code as a load runs, a cost that does not grow
// with the load.
func (s server) jit() time.Duration {
	p := s.pid()
	if p == 0 {
		return 0
	}
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*", p))
	var ticks int64
	for _, t := range tasks {
		name, err := os.ReadFile(filepath.Join(t, "comm"))
		if err != nil || !strings.Contains(string(name), "CompilerThre") {
			continue
		}
		ticks += procTicks(filepath.Join(t, "stat"))
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}

// procTicks reads the user and system time of a /proc stat file.
func procTicks(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return ut + st
}

func (s server) env() []string {
	return append(withoutEnv(withoutEnv(os.Environ(), "NEO4J_PASSWORD"), "NEO4J_DATABASE"),
		fmt.Sprintf("NEO4J_URI=bolt://127.0.0.1:%d", s.ports[0]), "NEO4J_USERNAME=neo4j",
		"NEO4J_PASSWORD_FILE="+filepath.Join(s.home, "password"))
}

// exe runs a command to its end and measures it.
func exe(ctx context.Context, env []string, name string, args ...string) (wall, cpu time.Duration, rss int64, out string, err error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	var buf strings.Builder
	cmd.Stdout = io.Discard
	cmd.Stderr = &buf
	t0 := time.Now()
	if err = cmd.Start(); err == nil {
		// The child's own high-water mark: its rusage would also count the
		// memory of this process, which it shares until exec.
		done := make(chan struct{})
		peak := make(chan int64)
		go func() {
			var max int64
			t := time.NewTicker(50 * time.Millisecond)
			defer t.Stop()
			for {
				if hwm := vmHWM(cmd.Process.Pid); hwm > max {
					max = hwm
				}
				select {
				case <-done:
					peak <- max
					return
				case <-t.C:
				}
			}
		}()
		err = cmd.Wait()
		close(done)
		rss = <-peak
	}
	wall = time.Since(t0)
	if ps := cmd.ProcessState; ps != nil {
		cpu = ps.UserTime() + ps.SystemTime()
	}
	if err != nil {
		err = fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, tail(buf.String(), 20))
	}
	return wall, cpu, rss, buf.String(), err
}

type part struct {
	path     string
	elements int
}

// splitArticles cuts an export file laid out article by article into two
// files, the first with n articles.
func splitArticles(path string, n int) ([2]part, error) {
	var parts [2]part
	in, err := os.Open(path)
	if err != nil {
		return parts, err
	}
	defer in.Close()
	var outs [2]*bufio.Writer
	for i := range parts {
		parts[i].path = fmt.Sprintf("%s.%d", path, i+1)
		f, err := os.Create(parts[i].path)
		if err != nil {
			return parts, err
		}
		defer f.Close()
		outs[i] = bufio.NewWriterSize(f, 1<<20)
		defer outs[i].Flush()
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	articles, cur := 0, 0
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte(`{"type":"node","id":"article:`)) {
			articles++
			if articles > n {
				cur = 1
			}
		}
		parts[cur].elements++
		outs[cur].Write(line)
		outs[cur].WriteByte('\n')
	}
	return parts, sc.Err()
}

// vmHWM is the peak resident memory of a running process, in bytes.
func vmHWM(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	m := regexp.MustCompile(`VmHWM:\s*(\d+) kB`).FindSubmatch(b)
	if m == nil {
		return 0
	}
	kb, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return kb * 1024
}

func measure(ctx context.Context, o options, c *corpusFiles, step string) ([]row, error) {
	loadSrv := server{filepath.Join(o.dir, "neo4j-load"), o.loadPorts, o.heap, o.pagecache}
	bulkSrv := server{filepath.Join(o.dir, "neo4j-bulk"), o.bulkPorts, o.heap, o.pagecache}
	geokg, err := filepath.Abs(o.geokg)
	if err != nil {
		return nil, err
	}
	r := row{articles: c.n, step: step, elements: c.elements}
	switch step {
	case "load", "ingest", "load-bulk", "ingest-bulk", "load-bulk-warm":
		if err := loadSrv.fresh(ctx); err != nil {
			return nil, err
		}
		env := loadSrv.env()
		if _, _, _, _, err := exe(ctx, env, geokg, "schema", "apply"); err != nil {
			return nil, err
		}
		step, warm := strings.CutSuffix(step, "-warm")
		cmd, bulk := strings.CutSuffix(step, "-bulk")
		args := []string{cmd}
		r.step = "geokg " + cmd
		if bulk {
			args = append(args, "--bulk")
			r.step += " --bulk"
		}
		if warm {
			if err := warmUp(ctx, o, loadSrv, geokg); err != nil {
				return nil, err
			}
			r.step += " (warm server)"
		}
		in := c.graph
		if cmd == "ingest" {
			in = c.articles
		}
		var out string
		err := loadSrv.during(&r, func() (err error) {
			r.wall, r.cpu, r.peakRSS, out, err = exe(ctx, env, geokg, append(args, in)...)
			return err
		})
		if err != nil {
			return nil, err
		}
		r.note = summaryLine(out)
		err = loadSrv.do(ctx, "stop")
		return []row{r}, err
	case "export", "export-cypher":
		var rows []row
		for _, bin := range o.binaries() {
			r := row{articles: c.n, step: "geokg export (neo4j-admin CSV)" + bin.tag, elements: c.elements}
			out := filepath.Join(c.dir, "admin")
			args := []string{"export", "--format", "neo4j-admin", "--out", out, c.articles}
			if step == "export-cypher" {
				r.step = "geokg export (cypher script)" + bin.tag
				out = filepath.Join(c.dir, "graph.cypher")
				args = []string{"export", "--format", "cypher", "--out", out, c.articles}
			}
			os.RemoveAll(out)
			r.wall, r.cpu, r.peakRSS, _, err = exe(ctx, os.Environ(), bin.path, args...)
			os.RemoveAll(out)
			if err != nil {
				return nil, err
			}
			rows = append(rows, r)
		}
		return rows, nil
	case "export-db":
		if _, err := importAdmin(ctx, o, c, bulkSrv, geokg); err != nil {
			return nil, err
		}
		// A read of the whole graph first, so that no binary measured
		// pays the new server's warm-up.
		warm := filepath.Join(c.dir, "warm-up.jsonl")
		_, _, _, _, err := exe(ctx, bulkSrv.env(), geokg, "export", "--from-db", "--format", "jsonl", "--out", warm)
		os.Remove(warm)
		if err != nil {
			return nil, err
		}
		var rows []row
		for _, format := range []string{"neo4j-admin", "cypher"} {
			for _, bin := range o.binaries() {
				r := row{articles: c.n, step: "geokg export --from-db (" + map[string]string{"neo4j-admin": "neo4j-admin CSV", "cypher": "cypher script"}[format] + ")" + bin.tag, elements: c.elements}
				out := filepath.Join(c.dir, "from-db-"+format)
				os.RemoveAll(out)
				err := bulkSrv.during(&r, func() (err error) {
					r.wall, r.cpu, r.peakRSS, _, err = exe(ctx, bulkSrv.env(), bin.path, "export", "--from-db", "--format", format, "--out", out)
					return err
				})
				os.RemoveAll(out)
				if err != nil {
					return nil, err
				}
				rows = append(rows, r)
			}
		}
		return rows, bulkSrv.do(ctx, "stop")
	case "import", "next":
		rows, err := importAdmin(ctx, o, c, bulkSrv, geokg)
		if err != nil {
			return nil, err
		}
		if step == "next" {
			// The next articles, loaded on top of the imported graph: the
			// cost of loading at this size of graph. The first half warms
			// the server up (a new server plans every query and compiles
			// its code first); the second is the figure.
			halves, err := splitArticles(c.next, nextArticles/2)
			if err != nil {
				return nil, err
			}
			for i, h := range halves {
				nx := row{articles: c.n, step: fmt.Sprintf("geokg load of %d more (%s)", nextArticles/2, []string{"cold", "warm"}[i]), elements: h.elements}
				var out string
				err := bulkSrv.during(&nx, func() (err error) {
					nx.wall, nx.cpu, nx.peakRSS, out, err = exe(ctx, bulkSrv.env(), geokg, "load", h.path)
					return err
				})
				if err != nil {
					return nil, err
				}
				nx.note = summaryLine(out)
				rows = append(rows, nx)
			}
		}
		return rows, bulkSrv.do(ctx, "stop")
	}
	return nil, fmt.Errorf("unknown step %q", step)
}

// warmArticles is the size of the corpus whose bulk load warms a server up.
const warmArticles = 10000

// warmUp bulk-loads the graph of warmArticles articles into the server and
// deletes it: then the server has compiled its hot code and planned the
// loader's queries, as one that has run for a while has.
func warmUp(ctx context.Context, o options, s server, geokg string) error {
	c, err := corpus(o.dir, warmArticles)
	if err != nil {
		return err
	}
	if _, _, _, _, err := exe(ctx, s.env(), geokg, "load", "--bulk", c.graph); err != nil {
		return fmt.Errorf("warm up: %w", err)
	}
	pw, err := os.ReadFile(filepath.Join(s.home, "password"))
	if err != nil {
		return err
	}
	db, err := store.Connect(ctx, store.Config{URI: fmt.Sprintf("bolt://127.0.0.1:%d", s.ports[0]), User: "neo4j", Password: strings.TrimSpace(string(pw))})
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	if err := db.DeleteAll(ctx); err != nil {
		return fmt.Errorf("warm up: %w", err)
	}
	return nil
}

// importAdmin imports the corpus' neo4j-admin CSV into a fresh bulk
// server and builds its indexes with geokg schema apply, and leaves the
// server running.
func importAdmin(ctx context.Context, o options, c *corpusFiles, bulkSrv server, geokg string) ([]row, error) {
	script, err := os.ReadFile(filepath.Join(c.admin, "import.sh"))
	if err != nil {
		return nil, err
	}
	// A server home with its password set, stopped for the import.
	if err := bulkSrv.fresh(ctx); err != nil {
		return nil, err
	}
	if err := bulkSrv.do(ctx, "stop"); err != nil {
		return nil, err
	}
	cp, err := os.ReadFile(filepath.Join(bulkSrv.home, "classpath"))
	if err != nil {
		return nil, err
	}
	args := []string{"-Xmx" + o.heap, "-cp", strings.TrimSpace(string(cp)), "org.neo4j.cli.AdminTool"}
	for _, f := range strings.Fields(strings.ReplaceAll(strings.SplitN(string(script), "neo4j-admin ", 2)[1], "\\\n", " ")) {
		args = append(args, strings.ReplaceAll(f, "'", ""))
	}
	args = append(args[:len(args)-1], "--report-file="+filepath.Join(c.dir, "import.report"), args[len(args)-1])
	env := append(os.Environ(), "NEO4J_HOME="+bulkSrv.home, "NEO4J_CONF="+filepath.Join(bulkSrv.home, "conf"))
	r := row{articles: c.n, step: "neo4j-admin database import full", elements: c.elements}
	r.wall, r.cpu, r.peakRSS, _, err = exe(ctx, env, "java", args...)
	if err != nil {
		return nil, err
	}
	if err := bulkSrv.do(ctx, "start"); err != nil {
		return nil, err
	}
	s := row{articles: c.n, step: "geokg schema apply (after import)", elements: c.elements}
	err = bulkSrv.during(&s, func() (err error) {
		s.wall, s.cpu, s.peakRSS, _, err = exe(ctx, bulkSrv.env(), geokg, "schema", "apply")
		return err
	})
	if err != nil {
		return nil, err
	}
	return []row{r, s}, nil
}

// A binary is a geokg binary to measure, and the tag of its rows.
type binary struct {
	path, tag string
}

// binaries are the baseline binary, if any, then the measured one.
func (o options) binaries() []binary {
	geokg, _ := filepath.Abs(o.geokg)
	if o.baseline == "" {
		return []binary{{geokg, ""}}
	}
	base, _ := filepath.Abs(o.baseline)
	return []binary{{base, baselineTag}, {geokg, ""}}
}

const baselineTag = " (baseline)"

// stepWidth is the width of the table's step column.
const stepWidth = 51

var summaryRE = regexp.MustCompile(`nodes: \d+ created.*`)

func summaryLine(stderr string) string {
	return summaryRE.FindString(stderr)
}

func (r row) line() string {
	server, jit := "-", "-"
	if r.serverCPU > 0 {
		server = fmt.Sprintf("%.1f", r.serverCPU.Seconds())
		jit = fmt.Sprintf("%.1f", r.serverJIT.Seconds())
	}
	return fmt.Sprintf("| %9d | %-*s | %10d | %8.1f | %8.1f | %8s | %6s | %10.0f | %8.0f |",
		r.articles, stepWidth, r.step, r.elements, r.wall.Seconds(), r.cpu.Seconds(), server, jit, r.rate(), float64(r.peakRSS)/(1<<20))
}

func render(rows []row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| articles  | %-*s |   elements |  wall s  | CPU s    | server s | JIT s  | elements/s | peak MB  |\n", stepWidth, "step")
	fmt.Fprintf(&b, "|----------:|%s|-----------:|---------:|---------:|---------:|-------:|-----------:|---------:|\n", strings.Repeat("-", stepWidth+2))
	for _, r := range rows {
		b.WriteString(r.line() + "\n")
	}
	b.WriteString("\nCPU s is the measured process (geokg or neo4j-admin); server s the Neo4j server's CPU during the step, JIT s the part of it spent by its JVM compiling code.\n")
	b.WriteString("elements are the nodes and relationships of the corpus as extracted, one article at a time, for every step.\n\n")
	find := func(n int, step string) (row, bool) {
		for _, r := range rows {
			if r.articles == n && (r.step == step || strings.HasSuffix(step, "*") && strings.HasPrefix(r.step, strings.TrimSuffix(step, "*"))) {
				return r, true
			}
		}
		return row{}, false
	}
	if len(rows) == 0 {
		return b.String()
	}
	base := rows[0].articles
	for _, step := range []string{"geokg load", "geokg load --bulk", "geokg load --bulk (warm server)", fmt.Sprintf("geokg load of %d more (warm)", nextArticles/2), "geokg ingest", "geokg ingest --bulk", "geokg export (neo4j-admin CSV)",
		"geokg export (cypher script)", "geokg export --from-db (neo4j-admin CSV)", "geokg export --from-db (cypher script)"} {
		for _, tag := range []string{"", baselineTag} {
			r0, ok := find(base, step+tag)
			if !ok {
				continue
			}
			for _, r := range rows {
				if r.articles == base || r.step != r0.step {
					continue
				}
				fmt.Fprintf(&b, "%s: rate on %d articles / rate on %d = %.2f (wall); CPU per element %.2fx; peak memory %.0f MB vs %.0f MB\n",
					r.step, r.articles, base, r.rate()/r0.rate(),
					(r.cpu+r.serverCPU).Seconds()/float64(r.elements)/((r0.cpu+r0.serverCPU).Seconds()/float64(r0.elements)),
					float64(r.peakRSS)/(1<<20), float64(r0.peakRSS)/(1<<20))
			}
		}
	}
	for _, r := range rows {
		if strings.HasSuffix(r.step, baselineTag) {
			continue
		}
		if old, ok := find(r.articles, r.step+baselineTag); ok {
			fmt.Fprintf(&b, "%s / baseline at %d articles: peak memory %.2fx (%.0f MB vs %.0f MB), CPU %.2fx, wall %.2fx\n",
				r.step, r.articles, float64(r.peakRSS)/float64(old.peakRSS), float64(r.peakRSS)/(1<<20), float64(old.peakRSS)/(1<<20),
				(r.cpu+r.serverCPU).Seconds()/(old.cpu+old.serverCPU).Seconds(), r.wall.Seconds()/old.wall.Seconds())
		}
	}
	for _, r := range rows {
		switch r.step {
		case "geokg load", "geokg ingest", "geokg load --bulk", "geokg ingest --bulk", "geokg load --bulk (warm server)":
		default:
			continue
		}
		imp, ok := find(r.articles, "neo4j-admin*")
		if !ok {
			continue
		}
		idx, _ := find(r.articles, "geokg schema apply*")
		fmt.Fprintf(&b, "%s / neo4j-admin import at %d articles: %.2fx wall (%.2fx with the index build after the import), %.2fx CPU\n",
			r.step, r.articles, r.wall.Seconds()/imp.wall.Seconds(), r.wall.Seconds()/(imp.wall+idx.wall).Seconds(),
			(r.cpu+r.serverCPU).Seconds()/(imp.cpu+idx.serverCPU).Seconds())
	}
	return b.String()
}

func withoutEnv(env []string, name string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
