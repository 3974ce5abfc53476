package ingest_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/synth"
)

// BenchmarkCuration extracts the same synthetic articles without and with
// a curation file of 10,000 entries (merges, rejected and added facts,
// renames and relabels of the dictionary's actors among invented ones),
// side by side in one run: the cost of correcting every article's graph.
func BenchmarkCuration(b *testing.B) {
	const n = 500
	d, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	g, err := synth.New(d, 7)
	if err != nil {
		b.Fatal(err)
	}
	in := filepath.Join(b.TempDir(), "articles.jsonl")
	f, err := os.Create(in)
	if err != nil {
		b.Fatal(err)
	}
	if err := g.WriteJSONL(f, 0, n); err != nil {
		b.Fatal(err)
	}
	f.Close()
	x, err := extract.New(d)
	if err != nil {
		b.Fatal(err)
	}
	set := benchCuration(b, d)
	for _, c := range []struct {
		name string
		set  *curate.Set
	}{{"extract", nil}, {"extract+curate", set}} {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				start := time.Now()
				res, err := ingest.Run(context.Background(), ingest.Options{Inputs: []string{in}, Extractor: x, Workers: 1, Sink: ingest.JSONL(io.Discard), Curation: c.set})
				if err != nil || res.Written != n {
					b.Fatalf("%v %+v", err, res)
				}
				b.ReportMetric(float64(n)/time.Since(start).Seconds(), "articles/s")
			}
		})
	}
}

func benchCuration(b *testing.B, d *gazetteer.Dict) *curate.Set {
	s, err := curate.Read(strings.NewReader(synth.Curation(d, 10000)), "bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	return s
}
