package store

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
)

// The Cypher keeps as many evidence sentences and sources as Merger does.
func TestQueriesKeepMaxEvidenceAndSources(t *testing.T) {
	q := factTail(graph.RelSupports)
	if !strings.Contains(q, "[.."+strconv.Itoa(graph.MaxEvidence)+"] AS evidence") {
		t.Errorf("factTail does not cut evidence at graph.MaxEvidence = %d", graph.MaxEvidence)
	}
	if !strings.Contains(q, "[.."+strconv.Itoa(graph.MaxSources)+"] AS top") {
		t.Errorf("factTail does not cut sources at graph.MaxSources = %d", graph.MaxSources)
	}
	if !strings.Contains(nodeMergeTail, "[.."+strconv.Itoa(graph.MaxEvidence)+"] AS evidence") {
		t.Errorf("nodeMergeTail does not cut evidence at graph.MaxEvidence = %d", graph.MaxEvidence)
	}
}

// No text of the data reaches query structure: only contract labels and
// types, and extra labels that Validate accepts.
func TestQueriesQuoteOnlyValidatedNames(t *testing.T) {
	for _, l := range graph.Labels {
		if q := nodeQuery([]graph.Label{l}); !strings.Contains(q, "MERGE (n:`"+string(l)+"` {id: row.id})") {
			t.Errorf("node query for %s:\n%s", l, q)
		}
	}
	if graph.ValidName("X` {id: 1}) DETACH DELETE n //") || graph.ValidName("") || graph.ValidName("1abc") {
		t.Error("validName accepts a name that is not a plain identifier")
	}
}

// docs/loading.md shows the provenance query as it is.
func TestProvenanceQueryDocumented(t *testing.T) {
	b, err := os.ReadFile("../../docs/loading.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), ProvenanceQuery) {
		t.Errorf("docs/loading.md does not show ProvenanceQuery as it is:\n%s", ProvenanceQuery)
	}
}

// TestPauseEndsWithContext checks that a retry's wait gives way to the
// context: an interrupted load or dump does not sit out its backoff.
func TestPauseEndsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := pause(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("pause after cancel: %v, want context.Canceled", err)
	}
	if err := pause(context.Background(), 0); err != nil {
		t.Errorf("pause of nothing: %v", err)
	}
}
