package graph

import (
	"strconv"
	"strings"
	"testing"
)

// The Cypher keeps as many evidence sentences as Merger does.
func TestQueriesKeepMaxEvidence(t *testing.T) {
	if !strings.Contains(relMergeTail, "[.."+strconv.Itoa(MaxEvidence)+"] AS evidence") {
		t.Errorf("relMergeTail does not cut evidence at MaxEvidence = %d", MaxEvidence)
	}
}

// No text of the data reaches query structure: only contract labels and
// types, and extra labels that Validate accepts.
func TestQueriesQuoteOnlyValidatedNames(t *testing.T) {
	for _, l := range Labels {
		if q := nodeQuery([]string{l}); !strings.Contains(q, "MERGE (n:`"+l+"` {id: row.id})") {
			t.Errorf("node query for %s:\n%s", l, q)
		}
	}
	if validName("X` {id: 1}) DETACH DELETE n //") || validName("") || validName("1abc") {
		t.Error("validName accepts a name that is not a plain identifier")
	}
}
