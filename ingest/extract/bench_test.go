package extract

import (
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/ingest/article"
	"github.com/jdkato/prose/v3"
)

// Benchmarks (go test -bench . -run XXX ./ingest/extract):
//
//	BenchmarkExtract      the whole extraction of one article
//	BenchmarkProse        prose's own pipeline (tokenize, segment, tag,
//	                      entities) on the same texts, for the cost ratio
//	BenchmarkWorkers/N    throughput with N goroutines sharing one Extractor
//	BenchmarkStreaming    live heap after every 500 articles stays flat

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchArticles(b *testing.B) ([]*article.Article, int) {
	arts := loadTestArticles(b)
	size := 0
	for _, a := range arts {
		size += len(a.Title) + len(a.Text)
	}
	return arts, size
}

func BenchmarkExtract(b *testing.B) {
	x := testExtractor(b)
	arts, size := benchArticles(b)
	b.SetBytes(int64(size / len(arts)))
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
	b.SetBytes(int64(size / len(arts)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a := arts[i%len(arts)]
		if _, err := prose.NewDocument(articleText(a)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkWorkers reports articles per second with 1 and 2 goroutines;
// compare the two articles/s figures for the speed-up.
func BenchmarkWorkers(b *testing.B) {
	x := testExtractor(b)
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
	x := testExtractor(b)
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
