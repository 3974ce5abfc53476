package synth

import (
	"fmt"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/gazetteer"
)

// Curation is the text of a curation file of n entries (at least 100) for
// benchmarks, as a long-lived file would hold: merges of invented
// organizations that articles never name (most of it), and, over the
// dictionary's states that synthetic articles name, renames, rejected and
// added SUPPORTS facts, and rejected invented leaders to fill up to n.
func Curation(d *gazetteer.Dict, n int) string {
	var lines []string
	add := func(format string, args ...any) {
		lines = append(lines, fmt.Sprintf(format, args...)+fmt.Sprintf(" why=benchmark by=synth at=2025-01-01T00:00:00Z id=%08x", len(lines)))
	}
	var states []string
	for _, e := range d.Entries {
		if e.Label == graph.LabelState {
			states = append(states, graph.EntityID(e.Label, e.Name))
		}
	}
	for i := range n * 8 / 10 {
		add("merge node=org:invented-%d into=org:kept-%d name=Kept kind=other", i, i%500)
	}
	for i, s := range states {
		switch i % 4 {
		case 0:
			add("rename node=%s name=\"Renamed %d\"", s, i)
		case 1:
			add("reject from=%s rel=SUPPORTS to=%s", s, states[(i+1)%len(states)])
		case 2:
			add("add from=%s rel=SUPPORTS to=%s", s, states[(i+3)%len(states)])
		}
	}
	for i := len(lines); i < n; i++ {
		add("reject node=leader:invented-%d", i)
	}
	return strings.Join(lines, "\n") + "\n"
}
