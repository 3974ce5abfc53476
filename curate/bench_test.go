package curate

import (
	"fmt"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
)

// entries makes n merges, n/10 rejected facts and n/10 added facts over
// invented states, as a long-lived curation file would hold.
func benchEntries(n int) []*Entry {
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []*Entry
	for i := range n {
		e := &Entry{Verb: Merge, Node: fmt.Sprintf("state:s%d", i), Into: fmt.Sprintf("state:s%d", (i+1)*7%n+n), Name: "Kept", By: "a", At: at, Why: "w"}
		out = append(out, e)
	}
	for i := range n / 10 {
		out = append(out, &Entry{Verb: Reject, From: fmt.Sprintf("state:s%d", i), Rel: graph.RelSupports, To: fmt.Sprintf("state:s%d", i+n), By: "a", At: at, Why: "w"},
			&Entry{Verb: Add, From: fmt.Sprintf("state:s%d", i+2*n), Rel: graph.RelSupports, To: fmt.Sprintf("state:s%d", i+3), By: "a", At: at, Why: "w"})
	}
	for _, e := range out {
		e.ID = e.NewID()
	}
	return out
}

// BenchmarkNewSet compiles a curation file of 10,000 merges and 2,000
// relationship entries.
func BenchmarkNewSet(b *testing.B) {
	entries := benchEntries(10000)
	b.ResetTimer()
	for range b.N {
		if _, err := NewSet("bench", entries); err != nil {
			b.Fatal(err)
		}
	}
}
