package store

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
)

// WriteCypher writes b as a script for cypher-shell: the schema, then the
// loader's own MERGE queries with their rows as literals, batchSize
// elements a statement. Running it gives the graph loading b gives, and
// merges into an existing graph by the same rules. Every value is written
// as an escaped literal; no text of the batch reaches query structure.
func WriteCypher(w io.Writer, b *graph.Batch, batchSize int) error {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "// geokg graph: %d nodes, %d relationships.\n// Run with: cypher-shell -a bolt://127.0.0.1:7687 -u neo4j -f FILE\n", len(b.Nodes), len(b.Rels))
	for _, s := range Schema() {
		fmt.Fprintf(bw, "%s;\n", s.Cypher)
	}
	bw.WriteString("CALL db.awaitIndexes(300);\n")
	m := graph.NewMerger()
	m.Add(b)
	for _, st := range planWrites(m.Parts()) {
		for i := 0; i < len(st.rows); i += batchSize {
			rows := st.rows[i:min(i+batchSize, len(st.rows))]
			lit, err := cypherLiteral(rows)
			if err != nil {
				return fmt.Errorf("cypher %s: %w", st.what, err)
			}
			q := strings.Replace(st.query, unwindRows, "UNWIND "+lit+" AS row", 1)
			fmt.Fprintf(bw, "%s;\n", q)
		}
	}
	return bw.Flush()
}

// cypherLiteral writes v as a Cypher literal.
func cypherLiteral(v any) (string, error) {
	var b strings.Builder
	err := writeLiteral(&b, v)
	return b.String(), err
}

func writeLiteral(b *strings.Builder, v any) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(cypherString(x))
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%v has no Cypher literal", x)
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		b.WriteString(s)
	case []string:
		b.WriteByte('[')
		for i, s := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(cypherString(s))
		}
		b.WriteByte(']')
	case []float64:
		l := make([]any, len(x))
		for i, f := range x {
			l[i] = f
		}
		return writeLiteral(b, l)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeLiteral(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case []map[string]any:
		l := make([]any, len(x))
		for i, m := range x {
			l[i] = m
		}
		return writeLiteral(b, l)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("`" + strings.ReplaceAll(k, "`", "``") + "`: ")
			if err := writeLiteral(b, x[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("a %T has no Cypher literal", v)
	}
	return nil
}

// cypherString quotes s as a single-quoted Cypher string. Control
// characters, including newlines, become escapes, so a statement never
// spans a raw line break inside a string.
func cypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029 {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}
