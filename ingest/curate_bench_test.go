package ingest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/synth"
)

// BenchmarkCuration extracts synthetic articles and corrects each graph
// by a curation file of 10,000 entries (synth.Curation), timing both on
// the same article one after the other, so that the load of a shared
// machine weighs on both alike: the cost of correcting a graph beside
// that of extracting it.
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
	x, err := extract.New(d)
	if err != nil {
		b.Fatal(err)
	}
	set := benchCuration(b, d)
	var arts []*article.Article
	for i := range n {
		a, _ := g.Article(i)
		arts = append(arts, a)
	}
	b.ResetTimer()
	var tx, tc time.Duration
	changed := 0
	for range b.N {
		for _, a := range arts {
			start := time.Now()
			batch := x.Extract(a)
			mid := time.Now()
			out := set.Apply(batch)
			tc += time.Since(mid)
			tx += mid.Sub(start)
			for _, n := range out.Nodes {
				if n.Props[curate.PropCuration] != nil {
					changed++
				}
			}
		}
	}
	per := float64(b.N * n)
	b.ReportMetric(float64(tx.Microseconds())/per, "µs-extract/article")
	b.ReportMetric(float64(tc.Microseconds())/per, "µs-curate/article")
	b.ReportMetric(100*float64(tc)/float64(tx), "%-of-extraction")
	b.ReportMetric(float64(changed)/per, "corrected-nodes/article")
}

func benchCuration(b *testing.B, d *gazetteer.Dict) *curate.Set {
	s, err := curate.Read(strings.NewReader(synth.Curation(d, 10000)), "bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	return s
}
