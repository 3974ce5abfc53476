package queries

import (
	"strings"
)

// BrowserParams is the Neo4j Browser command that sets q's parameters to
// their defaults, e.g. `:params {a: "Armenia", limit: 25}`, or "" when q
// has none. Dates are given as ISO strings: the queries read every date
// parameter through date(), which takes both.
func BrowserParams(q *Query) string {
	var parts []string
	for _, p := range q.Params {
		if p.Required {
			continue
		}
		parts = append(parts, p.Name+": "+p.Type.Format(p.Default))
	}
	if len(parts) == 0 {
		return ""
	}
	return ":params {" + strings.Join(parts, ", ") + "}"
}
