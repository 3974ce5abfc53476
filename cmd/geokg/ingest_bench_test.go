package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/internal/neo4jtest"
)

// BenchmarkIngest10k runs geokg ingest as a process on 10,000 synthetic
// articles (reading, extraction and loading) into an empty database, and
// reports its rate and the process's peak resident memory.
func BenchmarkIngest10k(b *testing.B) {
	const articles = 10000
	db := neo4jtest.DB(b)
	in := synthArticles(b, 41, articles)
	var elapsed time.Duration
	var peakKB int64
	var elements int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		neo4jtest.Reset(b, db)
		sumFile := filepath.Join(b.TempDir(), "summary.json")
		b.StartTimer()
		t0 := time.Now()
		cmd := geokgCommand(b, db, "ingest", "--summary", sumFile, in)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("ingest: %v\n%s", err, out)
		}
		elapsed += time.Since(t0)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > peakKB {
			peakKB = ru.Maxrss
		}
		var s struct {
			Nodes int `json:"nodes_created"`
			Rels  int `json:"relationships_created"`
		}
		raw, err := os.ReadFile(sumFile)
		if err != nil {
			b.Fatal(err)
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			b.Fatal(err)
		}
		elements = s.Nodes + s.Rels
	}
	b.ReportMetric(float64(articles*b.N)/elapsed.Seconds(), "articles/s")
	b.ReportMetric(float64(elements*b.N)/elapsed.Seconds(), "elements-created/s")
	b.ReportMetric(float64(peakKB)/1024, "peak-RSS-MB")
}
