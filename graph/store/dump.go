package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Dump reads the whole graph of the database, in a canonical order: nodes
// by id, then relationships by id, and calls fn for each, as
// graph.ScanJSONL does. Once fn has been given an element the read is
// not retried (what fn wrote cannot be taken back), so a connection lost
// then fails it. Labels are sorted
// with the contract's label first; list properties come back as []string
// or []float64 when they hold only those.
func (db *DB) Dump(ctx context.Context, fn func(n *graph.Node, r *graph.Rel) error) error {
	ctx, cancel := db.QueryContext(ctx)
	defer cancel()
	sess := db.Session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	// Until fn has been given an element the read can start again: a
	// pooled connection that a restarted server dropped fails the first
	// use.
	given := false
	counted := func(n *graph.Node, r *graph.Rel) error {
		given = true
		return fn(n, r)
	}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = dump(ctx, sess, counted); err == nil || given || !neo4j.IsRetryable(err) {
			break
		}
		// A server that is restarting needs a moment more each time.
		if perr := pause(ctx, time.Duration(200<<attempt)*time.Millisecond); perr != nil {
			err = perr
			break
		}
	}
	if err != nil {
		return fmt.Errorf("dump %s: %w", db.Config, err)
	}
	return nil
}

func dump(ctx context.Context, sess neo4j.SessionWithContext, fn func(n *graph.Node, r *graph.Rel) error) error {
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return err
	}
	defer tx.Close(context.WithoutCancel(ctx))
	res, err := tx.Run(ctx, "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id", nil)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		rec := res.Record()
		id, _, _ := neo4j.GetRecordValue[string](rec, "id")
		ls, _, err := neo4j.GetRecordValue[[]any](rec, "labels")
		if err != nil {
			return err
		}
		ps, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
		if err != nil {
			return err
		}
		n := graph.Node{ID: id, Labels: labelsOf(ls), Props: normalizeProps(ps)}
		if n.Label() == graph.LabelEvent {
			// The bounds derived for the indexes are no part of the
			// contract: a load derives them again.
			for _, k := range []string{propStarts, propEnds, propLongUntil} {
				delete(n.Props, k)
			}
		}
		if err := fn(&n, nil); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		return err
	}
	res, err = tx.Run(ctx, `MATCH (a)-[r]->(b)
RETURN r.id AS id, type(r) AS type, a.id AS start, labels(a) AS sl, b.id AS end, labels(b) AS el, properties(r) AS props
ORDER BY r.id, a.id, b.id`, nil)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		rec := res.Record()
		r := &graph.Rel{}
		var typ string
		var sl, el []any
		var props map[string]any
		for k, dst := range map[string]any{"id": &r.ID, "type": &typ, "start": &r.Start.ID, "end": &r.End.ID, "sl": &sl, "el": &el, "props": &props} {
			if err := recordInto(rec, k, dst); err != nil {
				return err
			}
		}
		r.Type, r.Start.Labels, r.End.Labels, r.Props = graph.RelType(typ), labelsOf(sl), labelsOf(el), normalizeProps(props)
		if len(r.Start.Labels) > 0 && len(r.End.Labels) > 0 {
			for _, k := range derivedProps(r.Type, r.Start.Labels[0], r.End.Labels[0]) {
				delete(r.Props, k)
			}
		}
		if err := fn(nil, r); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// recordInto reads the value of key in rec into dst, a pointer to a string,
// a []any or a map[string]any. A null leaves dst alone.
func recordInto(rec *neo4j.Record, key string, dst any) error {
	var err error
	switch d := dst.(type) {
	case *string:
		*d, _, err = neo4j.GetRecordValue[string](rec, key)
	case *[]any:
		*d, _, err = neo4j.GetRecordValue[[]any](rec, key)
	case *map[string]any:
		*d, _, err = neo4j.GetRecordValue[map[string]any](rec, key)
	default:
		err = fmt.Errorf("cannot read %s into a %T", key, dst)
	}
	return err
}

// DumpBatch reads the whole graph into memory (see Dump).
func (db *DB) DumpBatch(ctx context.Context) (*graph.Batch, error) {
	b := &graph.Batch{}
	err := db.Dump(ctx, func(n *graph.Node, r *graph.Rel) error {
		if n != nil {
			b.Nodes = append(b.Nodes, *n)
		} else {
			b.Rels = append(b.Rels, *r)
		}
		return nil
	})
	return b, err
}

// labelsOf reads a list of labels, the contract's first and the rest
// sorted.
func labelsOf(l []any) []graph.Label {
	ls := make([]graph.Label, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			ls = append(ls, graph.Label(s))
		}
	}
	sort.Slice(ls, func(i, j int) bool {
		if ri, rj := ls[i].Rank(), ls[j].Rank(); ri != rj {
			return ri < rj
		}
		return ls[i] < ls[j]
	})
	return ls
}

func normalizeProps(p map[string]any) map[string]any {
	for k, v := range p {
		l, ok := v.([]any)
		if !ok {
			continue
		}
		strs, floats := make([]string, 0, len(l)), make([]float64, 0, len(l))
		for _, x := range l {
			switch x := x.(type) {
			case string:
				strs = append(strs, x)
			case float64:
				floats = append(floats, x)
			}
		}
		switch {
		case len(strs) == len(l):
			p[k] = strs
		case len(floats) == len(l):
			p[k] = floats
		}
	}
	return p
}
