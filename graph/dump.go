package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Dump reads the whole graph of the database, in a canonical order: nodes
// by id, then relationships by id, and calls fn for each, as Scan does.
// Labels are sorted with the contract's label first; list properties come
// back as []string or []float64 when they hold only those.
func (db *DB) Dump(ctx context.Context, fn func(n *Node, r *Rel) error) error {
	sess := db.Session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id", nil)
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			r := res.Record()
			id, _ := r.Get("id")
			ls, _ := r.Get("labels")
			ps, _ := r.Get("props")
			n := &Node{Labels: sortLabels(toStrings(ls.([]any))), Props: normalizeProps(ps.(map[string]any))}
			n.ID, _ = id.(string)
			if err := fn(n, nil); err != nil {
				return nil, err
			}
		}
		if err := res.Err(); err != nil {
			return nil, err
		}
		res, err = tx.Run(ctx, `MATCH (a)-[r]->(b)
RETURN r.id AS id, type(r) AS type, a.id AS start, labels(a) AS sl, b.id AS end, labels(b) AS el, properties(r) AS props
ORDER BY r.id, a.id, b.id`, nil)
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			rec := res.Record()
			g := func(k string) any { v, _ := rec.Get(k); return v }
			r := &Rel{Type: g("type").(string), Props: normalizeProps(g("props").(map[string]any))}
			r.ID, _ = g("id").(string)
			r.Start.ID, _ = g("start").(string)
			r.End.ID, _ = g("end").(string)
			r.Start.Labels = sortLabels(toStrings(g("sl").([]any)))
			r.End.Labels = sortLabels(toStrings(g("el").([]any)))
			if err := fn(nil, r); err != nil {
				return nil, err
			}
		}
		return nil, res.Err()
	})
	if err != nil {
		return fmt.Errorf("dump %s: %w", db.Config, err)
	}
	return nil
}

// DumpBatch reads the whole graph into memory (see Dump).
func (db *DB) DumpBatch(ctx context.Context) (*Batch, error) {
	b := &Batch{}
	err := db.Dump(ctx, func(n *Node, r *Rel) error {
		if n != nil {
			b.Nodes = append(b.Nodes, *n)
		} else {
			b.Rels = append(b.Rels, *r)
		}
		return nil
	})
	return b, err
}

func toStrings(l []any) []string {
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// sortLabels puts the contract's label first and sorts the rest.
func sortLabels(ls []string) []string {
	sort.Slice(ls, func(i, j int) bool {
		ri, rj := labelRank(ls[i]), labelRank(ls[j])
		if ri != rj {
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
