package queries

import (
	"slices"
	"strings"
)

// TableCypher is Cypher without the graph column: the query as a
// subquery whose other columns alone are returned. The server then plans
// away what only the graph needed (paths, their nodes and relationships
// with every property), which for the queries that list many rows costs
// more than the answer itself. It is Cypher unchanged when the query has
// no graph column or its columns cannot be read from its text.
func (q *Query) TableCypher() string {
	if q.table != "" {
		return q.table
	}
	// A Query made by hand, not by Parse.
	return tableCypher(q.Cypher())
}

func tableCypher(cypher string) string {
	cols, err := returnColumns(cypher)
	if err != nil || !slices.Contains(cols, GraphColumn) {
		return cypher
	}
	var keep []string
	for _, c := range cols {
		if c != GraphColumn {
			keep = append(keep, quoteName(c))
		}
	}
	// The rows of a subquery that runs once come out in its order, so the
	// query's ORDER BY holds.
	return "CALL () {\n" + cypher + "\n}\nRETURN " + strings.Join(keep, ", ")
}
