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

// withoutGraph is cypher with the expression of the graph column of each
// top-level RETURN (each part of a UNION) replaced by null.
func withoutGraph(cypher string) string {
	toks := topLevel(cypher)
	type span struct{ from, to int }
	var nulls []span
	for i, t := range toks {
		if t.word != "RETURN" {
			continue
		}
		end := len(cypher)
		for _, u := range toks[i+1:] {
			if u.word == "ORDER" || u.word == "SKIP" || u.word == "LIMIT" || u.word == "UNION" || u.word == "RETURN" {
				end = u.pos
				break
			}
		}
		from := t.end
		for _, item := range splitTopLevel(cypher[t.end:end]) {
			expr := item
			if as := lastTopLevelWord(item, "AS"); as >= 0 {
				if strings.Trim(strings.TrimSpace(item[as+2:]), "`") == GraphColumn {
					expr = item[:as]
				} else {
					expr = ""
				}
			} else if strings.TrimSpace(stripComments(item)) != GraphColumn {
				expr = ""
			} else {
				// "RETURN ..., graph": the variable, named by itself.
				nulls = append(nulls, span{from, from + len(item)})
				from += len(item) + 1
				continue
			}
			if expr != "" && !strings.EqualFold(strings.TrimSpace(stripComments(expr)), "null") {
				nulls = append(nulls, span{from, from + len(expr)})
			}
			from += len(item) + 1
		}
	}
	for i := len(nulls) - 1; i >= 0; i-- {
		repl := " null "
		if strings.TrimSpace(cypher[nulls[i].from:nulls[i].to]) == GraphColumn {
			repl = " null AS " + GraphColumn
		}
		cypher = cypher[:nulls[i].from] + repl + cypher[nulls[i].to:]
	}
	return cypher
}
