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

// WriteCypher writes b as a script for cypher-shell (see CypherWriter),
// merged whole: its elements may come in any order.
func WriteCypher(w io.Writer, b *graph.Batch, batchSize int) error {
	cw := NewCypherWriter(w, batchSize)
	if err := cw.Write(b); err != nil {
		return err
	}
	return cw.Close()
}

// A CypherWriter writes a graph as a script for cypher-shell: the schema,
// then the loader's own MERGE queries with their rows as literals,
// batchSize rows a statement. Running the script gives the graph loading
// the elements gives, and merges into an existing graph by the same
// rules. Every value is written as an escaped literal; no text of the
// graph reaches query structure.
//
// Add takes a graph of any size in stored form (as Merger.Batch,
// graph.Exporter and a database dump give it) one element at a time and
// writes it in pieces of batchSize elements, each merged and written on
// its own, so that memory does not grow with the graph. The statements of
// a piece build on what earlier pieces wrote, as loading a file in pieces
// does: the elements must come with nodes before the relationships
// between them, and relationships before their Evidence nodes, as
// graph.JSONLWriter and Exporter.Scan give a graph and a database dump
// can be ordered.
// Evidence in a later piece than its relationship is merged into it, a
// MENTIONS into nodes written before, and the script counts co-mentions
// from MENTIONS as they come.
type CypherWriter struct {
	w     *bufio.Writer
	size  int
	piece graph.Batch
	// What was given, for the closing line.
	nodes, rels int
	started     bool
}

// NewCypherWriter returns a writer of a script to w, batchSize rows a
// statement (DefaultBatchSize when not positive).
func NewCypherWriter(w io.Writer, batchSize int) *CypherWriter {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	return &CypherWriter{w: bufio.NewWriter(w), size: batchSize}
}

// Add adds the node n or the relationship r (exactly one of them) to the
// script, in the order described above, and writes the piece it
// completes.
func (c *CypherWriter) Add(n *graph.Node, r *graph.Rel) error {
	if n != nil {
		c.piece.Nodes = append(c.piece.Nodes, *n)
	} else {
		c.piece.Rels = append(c.piece.Rels, *r)
	}
	if c.piece.Len() < c.size {
		return nil
	}
	return c.flush()
}

// Write writes the elements added so far, then b as one piece, merged
// whole.
func (c *CypherWriter) Write(b *graph.Batch) error {
	if err := c.flush(); err != nil {
		return err
	}
	return c.write(b, false)
}

// Close writes the elements added so far and the closing line, and
// flushes the script. It does not close the underlying writer.
func (c *CypherWriter) Close() error {
	if err := c.flush(); err != nil {
		return err
	}
	if err := c.header(); err != nil {
		return err
	}
	fmt.Fprintf(c.w, "// End of the geokg graph: %d nodes, %d relationships.\n", c.nodes, c.rels)
	return c.w.Flush()
}

func (c *CypherWriter) flush() error {
	if c.piece.Len() == 0 {
		return nil
	}
	err := c.write(&c.piece, true)
	clear(c.piece.Nodes)
	clear(c.piece.Rels)
	c.piece.Nodes, c.piece.Rels = c.piece.Nodes[:0], c.piece.Rels[:0]
	return err
}

// header writes the schema, once, before the first statement.
func (c *CypherWriter) header() error {
	if c.started {
		return nil
	}
	c.started = true
	c.w.WriteString("// geokg graph.\n// Run with: cypher-shell -a bolt://127.0.0.1:7687 -u neo4j -f FILE\n")
	for _, s := range Schema() {
		fmt.Fprintf(c.w, "%s;\n", s.Cypher)
	}
	_, err := c.w.WriteString("CALL db.awaitIndexes(300);\n")
	return err
}

// write writes the statements of one piece; a part of a larger graph is
// never taken to be one article's.
func (c *CypherWriter) write(b *graph.Batch, part bool) error {
	if err := c.header(); err != nil {
		return err
	}
	c.nodes += len(b.Nodes)
	c.rels += len(b.Rels)
	m := graph.NewMerger()
	if part {
		m.AddPart(b)
	} else {
		m.Add(b)
	}
	for _, st := range planWrites(m.Parts()) {
		for i := 0; i < len(st.rows); i += c.size {
			rows := st.rows[i:min(i+c.size, len(st.rows))]
			lit, err := cypherLiteral(rows)
			if err != nil {
				return fmt.Errorf("cypher %s: %w", st.what, err)
			}
			q := strings.Replace(st.query, unwindRows, "UNWIND "+lit+" AS row", 1)
			if _, err := fmt.Fprintf(c.w, "%s;\n", q); err != nil {
				return err
			}
		}
	}
	return nil
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
