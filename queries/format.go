package queries

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Formats are the output formats of Write.
var Formats = []string{"table", "json", "csv"}

// GraphColumn is the column in which a query returns what Neo4j Browser
// draws: a path or a list of paths, or nodes and relationships. The table
// form of its answer is in the other columns.
const GraphColumn = "graph"

// internal are the properties that record how the loader merged a node or
// relationship, not what the news said: left out of the output.
var internal = map[string]bool{graph.PropUpdatedFrom: true, graph.PropSourceConfidence: true, graph.PropConfidenceWeight: true}

// Without returns res without the named columns.
func (res *Result) Without(cols ...string) *Result {
	var keep []int
	out := &Result{}
	for i, c := range res.Columns {
		if !slices.Contains(cols, c) {
			keep = append(keep, i)
			out.Columns = append(out.Columns, c)
		}
	}
	out.Rows = make([][]any, len(res.Rows))
	for r, row := range res.Rows {
		out.Rows[r] = make([]any, len(keep))
		for j, i := range keep {
			out.Rows[r][j] = row[i]
		}
	}
	return out
}

// maxCell is the widest a table cell gets before it is cut with "…"; JSON
// and CSV are never cut.
const maxCell = 80

// Write writes res to w as "table" (aligned columns for people), "json" (an
// array with one object a row, keys in column order, one row a line) or
// "csv" (a header line, then the rows).
func Write(w io.Writer, res *Result, format string) error {
	switch format {
	case "table":
		return writeTable(w, res)
	case "json":
		return writeJSON(w, res)
	case "csv":
		return writeCSV(w, res)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Value turns a value from the driver into plain, JSON-ready data:
// temporal values become ISO 8601 strings, a node the map of its
// properties plus "labels", a relationship the map of its properties plus
// "type", a path the list of its nodes and relationships in order, a point
// a map with srid, x, y (and z).
func Value(v any) any {
	switch v := v.(type) {
	case dbtype.Date:
		return v.String()
	case dbtype.LocalDateTime:
		return v.String()
	case dbtype.LocalTime:
		return v.String()
	case dbtype.Time:
		return v.String()
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case dbtype.Duration:
		return v.String()
	case dbtype.Point2D:
		return map[string]any{"srid": int64(v.SpatialRefId), "x": v.X, "y": v.Y}
	case dbtype.Point3D:
		return map[string]any{"srid": int64(v.SpatialRefId), "x": v.X, "y": v.Y, "z": v.Z}
	case dbtype.Node:
		m := plainProps(v.Props)
		labels := append([]string(nil), v.Labels...)
		sort.Strings(labels)
		m["labels"] = labels
		return m
	case dbtype.Relationship:
		m := plainProps(v.Props)
		m["type"] = v.Type
		return m
	case dbtype.Path:
		out := []any{}
		for i, n := range v.Nodes {
			if i > 0 {
				out = append(out, Value(v.Relationships[i-1]))
			}
			out = append(out, Value(n))
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = Value(x)
		}
		return out
	case map[string]any:
		return plainMap(v)
	}
	return v
}

// plainProps is plainMap of a node's or relationship's properties, those
// the loader keeps for itself left out.
func plainProps(m map[string]any) map[string]any {
	out := plainMap(m)
	for k := range internal {
		delete(out, k)
	}
	return out
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, x := range m {
		out[k] = Value(x)
	}
	return out
}

func writeJSON(w io.Writer, res *Result) error {
	bw := bufio.NewWriter(w)
	if len(res.Rows) == 0 {
		bw.WriteString("[]\n")
		return bw.Flush()
	}
	bw.WriteString("[\n")
	for i, row := range res.Rows {
		bw.WriteByte('{')
		for j, col := range res.Columns {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(jsonText(col))
			bw.WriteByte(':')
			bw.WriteString(jsonText(Value(row[j])))
		}
		bw.WriteByte('}')
		if i < len(res.Rows)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

func writeCSV(w io.Writer, res *Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(res.Columns); err != nil {
		return err
	}
	rec := make([]string, len(res.Columns))
	for _, row := range res.Rows {
		for j := range res.Columns {
			rec[j] = csvCell(row[j])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell writes scalars as text and anything else (lists, maps, nodes) as
// JSON, so that a cell reads back without loss.
func csvCell(v any) string {
	switch p := Value(v).(type) {
	case nil:
		return ""
	case string:
		return p
	case bool, int64, float64:
		return scalarText(p)
	default:
		return jsonText(p)
	}
}

func writeTable(w io.Writer, res *Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(res.Columns, "\t"))
	cells := make([]string, len(res.Columns))
	for _, row := range res.Rows {
		for j := range res.Columns {
			cells[j] = cut(cellText(row[j]))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(res.Rows) == 0 {
		_, err := fmt.Fprintln(w, "(no rows)")
		return err
	}
	return nil
}

// cellText is how a value reads in a table: a node by its name, a
// relationship by its type, a path as (a)-[:T]->(b), a list as its items
// separated by commas.
func cellText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strings.Join(strings.Fields(v), " ")
	case dbtype.Node:
		return nodeText(v)
	case dbtype.Relationship:
		return v.Type
	case dbtype.Path:
		return pathText(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = cellText(x)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		return jsonText(plainMap(v))
	case bool, int64, float64:
		return scalarText(v)
	}
	switch p := Value(v).(type) {
	case string:
		return p
	default:
		return jsonText(p)
	}
}

func nodeText(n dbtype.Node) string {
	for _, k := range []string{"name", "title", "id"} {
		if s, ok := n.Props[k].(string); ok && s != "" {
			return s
		}
	}
	return "(" + strings.Join(n.Labels, ":") + ")"
}

func pathText(p dbtype.Path) string {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 {
			r := p.Relationships[i-1]
			if r.StartElementId == p.Nodes[i-1].ElementId {
				fmt.Fprintf(&b, "-[:%s]->", r.Type)
			} else {
				fmt.Fprintf(&b, "<-[:%s]-", r.Type)
			}
		}
		fmt.Fprintf(&b, "(%s)", nodeText(n))
	}
	return b.String()
}

func scalarText(v any) string {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if len(s) > 8 {
			s = strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 3, 64), "0"), ".")
		}
		return s
	}
	return fmt.Sprint(v)
}

func cut(s string) string {
	if utf8.RuneCountInString(s) <= maxCell {
		return s
	}
	r := []rune(s)
	return string(r[:maxCell-1]) + "…"
}
