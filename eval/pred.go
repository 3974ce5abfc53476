package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/geokg/geokg/graph"
)

// ReadPrediction reads an extractor's output in the export format (APOC
// JSON lines). It is as lenient as the reference scorer, so that output
// from other tools scores the same there and here: lines of other types
// are skipped, ids may be numbers, labels and properties may be missing,
// and a relationship endpoint may be a bare id. A line that is not JSON,
// or a node or relationship without an id, start or end, is an error
// naming the line.
func ReadPrediction(r io.Reader) (*graph.Batch, error) {
	b := &graph.Batch{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	ln := 0
	for sc.Scan() {
		ln++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		var obj map[string]any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&obj); err != nil || dec.More() {
			if err == nil {
				err = fmt.Errorf("data after the JSON value")
			}
			return nil, fmt.Errorf("line %d is not JSON: %w", ln, err)
		}
		switch obj["type"] {
		case "node":
			id, ok := idString(obj, "id")
			if !ok {
				return nil, fmt.Errorf("line %d: node without id", ln)
			}
			b.Nodes = append(b.Nodes, graph.Node{ID: id, Labels: labelList(obj["labels"]), Props: props(obj["properties"])})
		case "relationship":
			start, ok1 := endpoint(obj, "start")
			end, ok2 := endpoint(obj, "end")
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("line %d: relationship without start or end id", ln)
			}
			typ, _ := obj["label"].(string)
			id, _ := idString(obj, "id")
			b.Rels = append(b.Rels, graph.Rel{ID: id, Type: graph.RelType(typ), Start: start, End: end, Props: props(obj["properties"])})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", ln+1, err)
	}
	return b, nil
}

// endpoint reads the relationship end obj[key]: an object with an id, or
// a bare id.
func endpoint(obj map[string]any, key string) (graph.Ref, bool) {
	v, ok := obj[key]
	if !ok {
		return graph.Ref{}, false
	}
	if m, ok := v.(map[string]any); ok {
		id, ok := idString(m, "id")
		return graph.Ref{ID: id, Labels: labelList(m["labels"])}, ok
	}
	id, ok := idString(obj, key)
	return graph.Ref{ID: id}, ok
}

// idString is the id obj[key] as the reference scorer keys it (Python's
// str, so null is "None"); false when there is none.
func idString(obj map[string]any, key string) (string, bool) {
	v, ok := obj[key]
	if !ok {
		return "", false
	}
	switch v.(type) {
	case map[string]any, []any:
		return "", false
	}
	return pyStr(v), true
}

func stringList(v any) []string {
	var out []string
	switch l := v.(type) {
	case []string:
		return l
	case []any:
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func props(v any) map[string]any {
	if m, ok := v.(map[string]any); ok {
		return m
	}
	return map[string]any{}
}

func labelList(v any) []graph.Label {
	var out []graph.Label
	for _, s := range stringList(v) {
		out = append(out, graph.Label(s))
	}
	return out
}
