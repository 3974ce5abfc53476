package queries

import (
	"slices"
	"strings"
)

// TableCypher is Cypher without the graph column: the query as a
// subquery whose other columns alone are returned, with the graph
// column's expression in each RETURN replaced by null. The server then
// builds no paths: it does not plan away an expression of a column the
// outer query drops (a COLLECT of paths in a RETURN runs all the same),
// and for the queries that list many rows the paths, their nodes and
// relationships with every property cost more than the answer itself.
// It is Cypher unchanged when the query has no graph column or its
// columns cannot be read from its text.
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
	return "CALL () {\n" + withoutGraph(cypher) + "\n}\nRETURN " + strings.Join(keep, ", ")
}

// withoutGraph is cypher with the graph column of each top-level RETURN
// (each part of a UNION) made null.
func withoutGraph(cypher string) string {
	toks := topLevel(cypher)
	var graphs []returnItem
	for i, t := range toks {
		if t.word != "RETURN" {
			continue
		}
		for _, it := range returnItems(cypher, toks, i) {
			if it.name == GraphColumn && !strings.EqualFold(it.expr, "null") {
				graphs = append(graphs, it)
			}
		}
	}
	for i := len(graphs) - 1; i >= 0; i-- {
		cypher = cypher[:graphs[i].from] + " null AS " + GraphColumn + cypher[graphs[i].to:]
	}
	return cypher
}
