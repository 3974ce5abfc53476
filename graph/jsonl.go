package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// jsonLine is one line of the export format, the layout of APOC's
// apoc.export.json: a node or a relationship.
type jsonLine struct {
	Type   string         `json:"type"`
	ID     string         `json:"id"`
	Labels []Label        `json:"labels,omitempty"`
	Label  RelType        `json:"label,omitempty"`
	Start  *Ref           `json:"start,omitempty"`
	End    *Ref           `json:"end,omitempty"`
	Props  map[string]any `json:"properties"`
}

// nodeLine and relLine are the export format's lines of a node and of a
// relationship.
func nodeLine(n *Node) jsonLine {
	return jsonLine{Type: "node", ID: n.ID, Labels: n.Labels, Props: n.Props}
}

func relLine(r *Rel) jsonLine {
	start, end := r.Start, r.End
	return jsonLine{Type: "relationship", ID: r.ID, Label: r.Type, Start: &start, End: &end, Props: r.Props}
}

// JSONLWriter writes batches in the contract's export format.
type JSONLWriter struct {
	enc *json.Encoder
}

// NewJSONLWriter returns a writer of APOC JSON lines to w.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{enc: enc}
}

// Write writes b's nodes, then its relationships, one JSON object a line;
// Evidence nodes come last, after the relationships they refer to, so
// that a loader reading the file in order meets a relationship before its
// evidence.
func (w *JSONLWriter) Write(b *Batch) error {
	for _, evidence := range []bool{false, true} {
		for _, n := range b.Nodes {
			if (n.Label() == LabelEvidence) != evidence {
				continue
			}
			if err := w.enc.Encode(nodeLine(&n)); err != nil {
				return fmt.Errorf("write node %s: %w", n.ID, err)
			}
		}
		if evidence {
			break
		}
		for _, r := range b.Rels {
			if err := w.enc.Encode(relLine(&r)); err != nil {
				return fmt.Errorf("write relationship %s: %w", r.ID, err)
			}
		}
	}
	return nil
}

// ReadJSONL reads a whole export file. A line that is not a node or a
// relationship of the format is an error naming the line.
func ReadJSONL(r io.Reader) (*Batch, error) {
	b := &Batch{}
	err := ScanJSONL(r, func(n *Node, rel *Rel) error {
		if n != nil {
			b.Nodes = append(b.Nodes, *n)
		} else {
			b.Rels = append(b.Rels, *rel)
		}
		return nil
	})
	return b, err
}

// ScanJSONL calls fn for each node or relationship of an export file, in
// order, without holding the file in memory. Exactly one of n and rel is set.
func ScanJSONL(r io.Reader, fn func(n *Node, rel *Rel) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Bytes()
		if len(raw) == 0 {
			continue
		}
		n, rel, err := DecodeLine(raw)
		if err == nil {
			err = fn(n, rel)
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	return nil
}
