package store_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/internal/synth"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// naiveWrite is how loaders are often first written: one query, in its
// own transaction, per node and per relationship. It applies none of the
// merge rules, so it does less work than Loader per element.
func naiveWrite(ctx context.Context, db *store.DB, b *graph.Batch) error {
	sess := db.Session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	run := func(q string, params map[string]any) error {
		res, err := sess.Run(ctx, q, params)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		return err
	}
	for _, n := range b.Nodes {
		if err := run("MERGE (n:`"+string(n.Label())+"` {id: $id}) SET n += $props", map[string]any{"id": n.ID, "props": n.Props}); err != nil {
			return err
		}
	}
	for _, r := range b.Rels {
		q := "MATCH (a:`" + string(r.Start.Labels[0]) + "` {id: $start}) MATCH (b:`" + string(r.End.Labels[0]) + "` {id: $end}) MERGE (a)-[r:`" + string(r.Type) + "` {id: $id}]->(b) SET r += $props"
		if err := run(q, map[string]any{"id": r.ID, "start": r.Start.ID, "end": r.End.ID, "props": r.Props}); err != nil {
			return err
		}
	}
	return nil
}

func benchCorpus(b *testing.B, seed uint64, n int) (*synth.Generator, []*graph.Batch, int) {
	d, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	g, err := synth.New(d, seed)
	if err != nil {
		b.Fatal(err)
	}
	var out []*graph.Batch
	elements := 0
	for i := 0; i < n; i++ {
		_, batch := g.Article(i)
		out = append(out, batch)
		elements += batch.Len()
	}
	return g, out, elements
}

// BenchmarkLoaderVsNaive writes the same synthetic articles into an empty
// database with Loader and with naiveWrite, in the same run, and reports
// both rates in graph elements (nodes plus relationships) per second.
func BenchmarkLoaderVsNaive(b *testing.B) {
	db := neo4jtest.DB(b)
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		b.Fatal(err)
	}
	_, batches, elements := benchCorpus(b, 31, 500)
	// Warm the server's query caches for both with the same corpus, so
	// that neither pays for planning in the measurement.
	for _, w := range batches {
		if err := naiveWrite(ctx, db, w); err != nil {
			b.Fatal(err)
		}
	}
	if _, _, err := store.NewLoader(db).Write(ctx, batches); err != nil {
		b.Fatal(err)
	}
	var naive, loader time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		neo4jtest.Reset(b, db)
		b.StartTimer()
		t0 := time.Now()
		for _, batch := range batches {
			if err := naiveWrite(ctx, db, batch); err != nil {
				b.Fatal(err)
			}
		}
		naive += time.Since(t0)

		b.StopTimer()
		neo4jtest.Reset(b, db)
		b.StartTimer()
		t0 = time.Now()
		mustWrite(ctx, b, store.NewLoader(db), batches)
		loader += time.Since(t0)
	}
	naiveRate := float64(elements*b.N) / naive.Seconds()
	loaderRate := float64(elements*b.N) / loader.Seconds()
	b.ReportMetric(naiveRate, "naive-elements/s")
	b.ReportMetric(loaderRate, "loader-elements/s")
	b.ReportMetric(loaderRate/naiveRate, "speedup")
	b.ReportMetric(float64(elements), "elements")
}

// BenchmarkLoader10k loads 10,000 synthetic articles the way ingest does,
// 64 at a time as they come, and reports the loader's rate and the peak
// memory of the process.
func BenchmarkLoader10k(b *testing.B) {
	const articles = 10000
	db := neo4jtest.DB(b)
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		b.Fatal(err)
	}
	d, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	g, err := synth.New(d, 33)
	if err != nil {
		b.Fatal(err)
	}
	var peakHeap atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peakHeap.Load() {
				peakHeap.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	var elapsed time.Duration
	elements := 0
	var stats graph.Stats
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		neo4jtest.Reset(b, db)
		b.StartTimer()
		t0 := time.Now()
		l := store.NewLoader(db)
		for from := 0; from < articles; from += 64 {
			var group []*graph.Batch
			for j := from; j < min(from+64, articles); j++ {
				_, batch := g.Article(j)
				group = append(group, batch)
				elements += batch.Len()
			}
			stats.Add(mustWrite(ctx, b, l, group))
		}
		elapsed += time.Since(t0)
	}
	close(stop)
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.ReportMetric(float64(elements)/elapsed.Seconds(), "elements/s")
	b.ReportMetric(float64(articles*b.N)/elapsed.Seconds(), "articles/s")
	b.ReportMetric(float64(peakHeap.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	b.ReportMetric(float64(stats.NodesCreated+stats.RelsCreated)/float64(b.N), "created")
}

// BenchmarkLoaderSteps loads 10,000 synthetic articles as
// BenchmarkLoader10k does, BENCH_GROUP (default 64) a transaction, and
// logs where the time goes: for each kind of query (nodes of a label,
// facts of a type, mentions, co-mentions) its share of the time, its
// calls and rows, and the time of the first call of each query (planning
// included); the commits and the loader's own merging in Go; and the
// server's CPU for each 1,024 articles and the whole load. On a fresh
// server the first 1,024 articles show its warm-up.
func BenchmarkLoaderSteps(b *testing.B) {
	const articles = 10000
	db := neo4jtest.DB(b)
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		b.Fatal(err)
	}
	_, batches, elements := benchCorpus(b, 33, articles)
	pid := neo4jtest.ServerPID(b)
	type cost struct {
		d, first    time.Duration
		calls, rows int
	}
	seen := map[string]bool{}
	var firsts int
	costs := map[string]*cost{}
	var order []string
	var elapsed, server time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		neo4jtest.Reset(b, db)
		cpu0 := processCPU(b, pid)
		b.StartTimer()
		t0 := time.Now()
		l := store.NewLoader(db)
		l.BatchSize = math.MaxInt // a transaction a group
		store.ObserveSteps(l, func(what string, rows int, d time.Duration) {
			k := stepClass(what)
			c := costs[k]
			if c == nil {
				c = &cost{}
				costs[k] = c
				order = append(order, k)
			}
			c.d += d
			if !seen[what] {
				seen[what] = true
				c.first += d
				firsts++
			}
			c.calls++
			c.rows += rows
		})
		var per []string
		last := processCPU(b, pid)
		group := 64
		if g, err := strconv.Atoi(os.Getenv("BENCH_GROUP")); err == nil {
			group = g
		}
		for from := 0; from < articles; from += group {
			if from%1024 < group && from > 0 {
				now := processCPU(b, pid)
				per = append(per, fmt.Sprintf("%.1f", (now-last).Seconds()))
				last = now
			}
			mustWrite(ctx, b, l, batches[from:min(from+group, articles)])
		}
		elapsed += time.Since(t0)
		server += processCPU(b, pid) - cpu0
		b.Logf("server CPU s per 1,024 articles: %s", strings.Join(per, " "))
	}
	var total time.Duration
	for _, c := range costs {
		total += c.d
	}
	sort.Slice(order, func(i, j int) bool { return costs[order[i]].d > costs[order[j]].d })
	var t strings.Builder
	fmt.Fprintf(&t, "\n%-34s %8s %6s %7s %8s %9s %8s\n", "query", "s", "share", "calls", "rows", "µs/row", "first s")
	for _, k := range order {
		c := costs[k]
		perRow := "-"
		if c.rows > 0 {
			perRow = fmt.Sprintf("%.1f", float64(c.d.Microseconds())/float64(c.rows))
		}
		fmt.Fprintf(&t, "%-34s %8.1f %5.1f%% %7d %8d %9s %8.1f\n", k, c.d.Seconds()/float64(b.N), 100*c.d.Seconds()/total.Seconds(),
			c.calls/b.N, c.rows/b.N, perRow, c.first.Seconds())
	}
	fmt.Fprintf(&t, "%d distinct queries; ", firsts)
	fmt.Fprintf(&t, "timed %.1f s of %.1f s wall; server CPU %.1f s, %.0f µs an element", total.Seconds()/float64(b.N),
		elapsed.Seconds()/float64(b.N), server.Seconds()/float64(b.N), float64(server.Microseconds())/float64(elements*b.N))
	b.Log(t.String())
	b.ReportMetric(float64(elements*b.N)/elapsed.Seconds(), "elements/s")
	b.ReportMetric(float64(server.Microseconds())/float64(elements*b.N), "server-µs/element")
}

// mustWrite writes batches with l and fails the benchmark on any error.
func mustWrite(ctx context.Context, b *testing.B, l *store.Loader, batches []*graph.Batch) graph.Stats {
	st, errs, err := l.Write(ctx, batches)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range errs {
		if e != nil {
			b.Fatal(e)
		}
	}
	return st
}

// stepClass groups the loader's queries: facts by type, mentions by the
// label mentioned.
func stepClass(what string) string {
	f := strings.Fields(what)
	switch {
	case len(f) == 3 && f[0] == string(graph.RelMentions):
		return "MENTIONS " + f[2]
	case len(f) == 3:
		return "fact " + f[0]
	}
	return what
}

// processCPU is the user and system CPU time process pid has used.
func processCPU(b *testing.B, pid int) time.Duration {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Skipf("server CPU: %v", err)
	}
	s := string(raw)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	// utime and stime are fields 14 and 15 of stat, in clock ticks
	// (100 a second on Linux).
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+k) * 10 * time.Millisecond
}
