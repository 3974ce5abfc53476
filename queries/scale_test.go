package queries

import (
	"context"
	"fmt"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// The queries about one actor read what their answer shows, not the
// actor's whole history: on a graph where the actor has ten times the
// history, the same question reads at most 1.5 times the database hits
// (PROFILE of the table form, what scripts run).
func TestReadsStayBounded(t *testing.T) {
	db := neo4jtest.DB(t)
	ctx := context.Background()
	tests := []struct {
		name   string
		query  string
		params map[string]string
		// graph is the actor's history at a size.
		graph func(size int) []*graph.Batch
	}{
		{
			// Ruritania is named with size companions, each in one
			// article, and with ten regulars in more: the five most
			// shared are the answer at every size.
			name: "co-mentions", query: "co-occurring", params: map[string]string{"actor": "Ruritania", "limit": "5"},
			graph: func(size int) []*graph.Batch {
				ru := node(graph.LabelState, "Ruritania")
				var out []*graph.Batch
				for j := 0; j < size; j++ {
					other := node(graph.LabelLeader, fmt.Sprintf("Companion %04d", j))
					n := 1
					if j < 10 {
						n = 30 - j
					}
					for k := 0; k < n; k++ {
						out = append(out, report(fmt.Sprintf("article:co-%d-%d", j, k), "2024-01-01", ru, other))
					}
				}
				return out
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := map[int]int64{}
			for _, size := range []int{30, 300} {
				neo4jtest.Reset(t, db)
				lib := loadGraph(t, db, tt.graph(size))
				q, err := lib.Get(tt.query)
				if err != nil {
					t.Fatal(err)
				}
				bound, err := q.Bind(tt.params)
				if err != nil {
					t.Fatal(err)
				}
				if hits[size], err = dbHits(ctx, db, tt.query, q.TableCypher(), bound); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("%s: %d db hits at 30, %d at 300", tt.query, hits[30], hits[300])
			if float64(hits[300]) > 1.5*float64(hits[30]) {
				t.Errorf("%s reads %d db hits with ten times the history, %d before", tt.query, hits[300], hits[30])
			}
		})
	}
}
