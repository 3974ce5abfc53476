package extract

import (
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/source"
	"github.com/jdkato/prose/v3"
)

// Benchmarks (go test -run '^$' -bench . ./ingest/extract), all with the
// built-in gazetteer on the project's own real-length articles
// (testdata/articles and testdata/holdout, about 2 KB each):
//
//	BenchmarkExtract      the whole extraction of one article
//	BenchmarkProse        prose's own pipeline (tokenize, segment, tag,
//	                      entities) on the same texts
//	BenchmarkCost         both, side by side in one run: the cost of
//	                      extraction as a fraction of prose's (x-prose)
//	BenchmarkWorkers/N    throughput with N goroutines sharing one Extractor
//	BenchmarkStreaming    live heap before and after many articles: flat
//	BenchmarkLargeText    a 10 MB text against ordinary articles: time and
//	                      peak heap per byte, and their ratios

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var (
	benchOnce sync.Once
	benchArts []*article.Article
)

// benchArticles are the project's real-length articles, and their mean
// size in bytes.
func benchArticles(b *testing.B) ([]*article.Article, int) {
	benchOnce.Do(func() {
		err := source.Read(b.Context(), []string{"../../testdata/articles", "../../testdata/holdout"}, source.Options{}, func(a *article.Article, err error) error {
			if err == nil && strings.HasSuffix(a.Origin, ".txt") {
				benchArts = append(benchArts, a)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	})
	if len(benchArts) == 0 {
		b.Fatal("no benchmark articles")
	}
	size := 0
	for _, a := range benchArts {
		size += len(articleText(a))
	}
	return benchArts, size / len(benchArts)
}

func BenchmarkExtract(b *testing.B) {
	x := fullExtractor(b)
	arts, size := benchArticles(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		x.Extract(arts[i%len(arts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkProse(b *testing.B) {
	arts, size := benchArticles(b)
	if _, err := prose.NewDocument("Warm the models up."); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := prose.NewDocument(articleText(arts[i%len(arts)])); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCost extracts every article and runs prose's pipeline on every
// article, alternately, and reports extraction's CPU time as a fraction of
// prose's: measured side by side, the figure does not depend on how busy
// the machine is.
func BenchmarkCost(b *testing.B) {
	x := fullExtractor(b)
	arts, _ := benchArticles(b)
	if _, err := prose.NewDocument("Warm the models up."); err != nil {
		b.Fatal(err)
	}
	var ours, theirs time.Duration
	for b.Loop() {
		for _, a := range arts {
			t0 := cpuTime()
			x.Extract(a)
			t1 := cpuTime()
			if _, err := prose.NewDocument(articleText(a)); err != nil {
				b.Fatal(err)
			}
			ours += t1 - t0
			theirs += cpuTime() - t1
		}
	}
	b.ReportMetric(float64(ours)/float64(theirs), "x-prose")
	b.ReportMetric(ours.Seconds()*1000/float64(b.N*len(arts)), "cpu-ms/article")
}

// BenchmarkWorkers reports articles per second with 1 and 2 goroutines;
// compare the two articles/s figures for the speed-up.
func BenchmarkWorkers(b *testing.B) {
	x := fullExtractor(b)
	arts, _ := benchArticles(b)
	for _, workers := range []int{1, 2} {
		b.Run(map[int]string{1: "1", 2: "2"}[workers], func(b *testing.B) {
			var next atomic.Int64
			n := int64(b.N)
			cpu0 := cpuTime()
			start := time.Now()
			var wg sync.WaitGroup
			for range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						i := next.Add(1) - 1
						if i >= n {
							return
						}
						x.Extract(arts[i%int64(len(arts))])
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(n)/time.Since(start).Seconds(), "articles/s")
			// CPU spent per article: when it does not grow with the
			// workers, throughput scales with the cores that are free.
			b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(n), "cpu-ms/article")
		})
	}
}

// BenchmarkStreaming extracts many articles one after the other, as geokg
// extract does, and reports the live heap at the start and the end: it
// must not grow with the number of articles.
func BenchmarkStreaming(b *testing.B) {
	x := fullExtractor(b)
	arts, _ := benchArticles(b)
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / (1 << 20)
	}
	for i := 0; i < 200; i++ {
		x.Extract(arts[i%len(arts)])
	}
	first := heap()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		x.Extract(arts[i%len(arts)])
	}
	b.StopTimer()
	b.ReportMetric(first, "MB-heap-start")
	b.ReportMetric(heap(), "MB-heap-end")
}

// peakHeap runs f and returns the largest live heap seen while it ran,
// sampled every few milliseconds, in bytes.
func peakHeap(f func()) float64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() float64 {
		metrics.Read(sample)
		return float64(sample[0].Value.Uint64())
	}
	runtime.GC()
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if v := uint64(read()); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	f()
	if v := uint64(read()); v > peak.Load() {
		peak.Store(v)
	}
	close(done)
	wg.Wait()
	return max(float64(peak.Load())-base, 1)
}

// BenchmarkLargeText extracts one 10 MB text made of the articles' bodies
// run together, and the ordinary articles one by one, and reports for each
// the CPU time and the peak live heap per byte of text, and the ratios
// large/ordinary (x-time, x-heap): cost must grow linearly with the text.
func BenchmarkLargeText(b *testing.B) {
	x := fullExtractor(b)
	arts, _ := benchArticles(b)
	var sb strings.Builder
	for sb.Len() < 10<<20 {
		for _, a := range arts {
			sb.WriteString(a.Text)
			sb.WriteString("\n\n")
		}
	}
	big := &article.Article{ID: "article:large", Title: "Large", Text: sb.String(), Published: "2024-05-03"}
	small := 0
	for _, a := range arts {
		small += len(articleText(a))
	}
	var bigCPU, smallCPU time.Duration
	var bigHeap, smallHeap float64
	for b.Loop() {
		t0 := cpuTime()
		bigHeap = max(bigHeap, peakHeap(func() { x.Extract(big) }))
		t1 := cpuTime()
		smallHeap = max(smallHeap, peakHeap(func() {
			for _, a := range arts[:1] {
				x.Extract(a)
			}
		}))
		t2 := cpuTime()
		for _, a := range arts[1:] {
			x.Extract(a)
		}
		bigCPU += t1 - t0
		smallCPU += t2 - t1 + cpuTime() - t2
	}
	n := float64(b.N)
	bigPerByte := bigCPU.Seconds() * 1e9 / n / float64(len(big.Text))
	smallPerByte := smallCPU.Seconds() * 1e9 / n / float64(small)
	bigHeapPerByte := bigHeap / float64(len(big.Text))
	smallHeapPerByte := smallHeap / float64(len(articleText(arts[0])))
	b.ReportMetric(bigPerByte, "large-cpu-ns/B")
	b.ReportMetric(smallPerByte, "article-cpu-ns/B")
	b.ReportMetric(bigPerByte/smallPerByte, "x-time")
	b.ReportMetric(bigHeapPerByte, "large-heap-B/B")
	b.ReportMetric(smallHeapPerByte, "article-heap-B/B")
	b.ReportMetric(bigHeapPerByte/smallHeapPerByte, "x-heap")
}
