package store_test

import (
	"context"
	"runtime"
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
		_, errs, err := store.NewLoader(db).Write(ctx, batches)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range errs {
			if e != nil {
				b.Fatal(e)
			}
		}
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
			st, errs, err := l.Write(ctx, group)
			if err != nil {
				b.Fatal(err)
			}
			for _, e := range errs {
				if e != nil {
					b.Fatal(e)
				}
			}
			stats.Add(st)
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
