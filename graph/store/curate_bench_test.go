package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/synth"
)

// BenchmarkCorrect corrects graphs of synthetic articles by a curation
// file of 10,000 entries (synth.Curation), on two sizes of graph, side by
// side in one run: the first correction (renames of busy states move
// thousands of relationships), the correction at the end of every later
// ingest (nothing to do: the work is in proportion to the entries), and
// curate apply's, which also reads every relationship an earlier
// correction marked.
func BenchmarkCorrect(b *testing.B) {
	db := testDB(b)
	d, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	set, err := curate.Read(strings.NewReader(synth.Curation(d, 10000)), "bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	moved, touched, rels := set.Scope()
	ctx := context.Background()
	run := func(b *testing.B, mark string) {
		start := time.Now()
		st, err := db.Correct(ctx, store.Scope{Moved: moved, Touched: touched, Rels: rels, Mark: mark}, set.Correct, true)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds()*1000, "ms")
		b.ReportMetric(float64(st.NodesDeleted+st.RelsCreated+st.RelsUpdated+st.RelsDeleted), "changes")
	}
	loaded := 0
	for _, n := range []int{1000, 4000} {
		_, batches, _ := benchCorpus(b, 11, n)
		write(b, store.NewLoader(db), batches[loaded:])
		loaded = n
		b.Run("first/articles="+itoa(n), func(b *testing.B) {
			for range b.N {
				run(b, "")
			}
		})
		b.Run("steady/articles="+itoa(n), func(b *testing.B) {
			for range b.N {
				run(b, "")
			}
		})
		b.Run("steady+marked/articles="+itoa(n), func(b *testing.B) {
			for range b.N {
				run(b, curate.PropCuration)
			}
		})
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
