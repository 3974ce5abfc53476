package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DefaultBatchSize is how many graph elements the loader writes per
// transaction unless told otherwise.
const DefaultBatchSize = 2000

// A Loader writes batches into Neo4j with batched, parameterized
// UNWIND ... MERGE queries, one per label or relationship type, nodes
// before relationships, in managed transactions that the driver retries
// on transient errors (deadlocks, leader changes, lost connections).
//
// Each batch is written whole or not at all: a batch never spans two
// transactions. The loader therefore writes one article's graph (its
// Article node included) atomically, and an Article node in the database
// means the whole article is there.
//
// Writes follow the merge rules of Merger, so loading the same batches
// again, in any order or concurrently, leaves the same graph.
type Loader struct {
	db *DB
	// BatchSize is the number of graph elements per transaction; batches
	// are grouped up to it. A batch larger than it is written alone.
	BatchSize int
}

// NewLoader returns a loader writing to db.
func NewLoader(db *DB) *Loader {
	return &Loader{db: db, BatchSize: DefaultBatchSize}
}

// errMissingEndpoint marks relationships whose start or end node is in
// neither the batch nor the database.
var errMissingEndpoint = errors.New("start or end node not found")

// Write writes batches. errs has one entry per batch: nil when it was
// written, or why it was not (invalid data, a missing endpoint); the other
// batches are written regardless. err is set when the database failed as a
// whole (unreachable, retries exhausted, ctx done): then the batches that
// were not written carry err in errs, and stats count what was.
func (l *Loader) Write(ctx context.Context, batches []*graph.Batch) (stats graph.Stats, errs []error, err error) {
	errs = make([]error, len(batches))
	done := make([]bool, len(batches))
	defer func() {
		if err == nil {
			return
		}
		for i := range errs {
			if !done[i] && errs[i] == nil {
				errs[i] = err
			}
		}
	}()
	size := l.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	var chunk []int
	n := 0
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		defer func() { chunk, n = chunk[:0], 0 }()
		s, err := l.writeChunk(ctx, batches, chunk)
		if err == nil {
			stats.Add(s)
			for _, i := range chunk {
				done[i] = true
			}
			return nil
		}
		if isFatal(err) {
			return err
		}
		if len(chunk) == 1 {
			errs[chunk[0]], done[chunk[0]] = err, true
			return nil
		}
		// One bad batch fails the whole transaction: find it by writing
		// the batches one by one.
		for _, i := range chunk {
			s, err := l.writeChunk(ctx, batches, []int{i})
			if err != nil {
				if isFatal(err) {
					return err
				}
				errs[i], done[i] = err, true
				continue
			}
			stats.Add(s)
			done[i] = true
		}
		return nil
	}
	for i, b := range batches {
		if verr := graph.Validate(b); verr != nil {
			errs[i], done[i] = verr, true
			continue
		}
		if n > 0 && n+b.Len() > size {
			if err := flush(); err != nil {
				return stats, errs, err
			}
		}
		chunk = append(chunk, i)
		n += b.Len()
	}
	if err := flush(); err != nil {
		return stats, errs, err
	}
	return stats, errs, nil
}

// isFatal tells database-wide failures from problems with the data.
func isFatal(err error) bool {
	if errors.Is(err, errMissingEndpoint) {
		return false
	}
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) && !neo4j.IsRetryable(err) {
		return !(strings.HasPrefix(nerr.Code, "Neo.ClientError.Statement.") ||
			strings.HasPrefix(nerr.Code, "Neo.ClientError.Schema."))
	}
	return true
}

// writeChunk writes the batches at idx in one transaction.
func (l *Loader) writeChunk(ctx context.Context, batches []*graph.Batch, idx []int) (graph.Stats, error) {
	m := graph.NewMerger()
	for _, i := range idx {
		m.Add(batches[i])
	}
	plan := planWrites(m.Batch())
	ctx, cancel := l.db.QueryContext(ctx)
	defer cancel()
	sess := l.db.Session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	// Two transactions creating the same node at once can make the later
	// one fail its uniqueness check instead of waiting; its retry finds
	// the node and merges into it.
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var st graph.Stats
		st, err = neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (graph.Stats, error) {
			return plan.run(ctx, tx)
		})
		if err == nil {
			return st, nil
		}
		var nerr *neo4j.Neo4jError
		if !errors.As(err, &nerr) || nerr.Code != "Neo.ClientError.Schema.ConstraintValidationFailed" {
			break
		}
		select {
		case <-ctx.Done():
			return graph.Stats{}, ctx.Err()
		case <-time.After(time.Duration(attempt+1) * 50 * time.Millisecond):
		}
	}
	return graph.Stats{}, err
}

// A step is one parameterized query and its rows.
type step struct {
	query string
	rows  []map[string]any
	rels  bool
	what  string // label or type, for errors
}

type writePlan []step

// planWrites turns a merged batch into queries: one per label set, then
// one per (type, start label, end label), in a fixed order so that
// concurrent loaders lock nodes in the same order and rarely deadlock.
func planWrites(b *graph.Batch) writePlan {
	var plan writePlan
	nodeGroups := map[string]*step{}
	var nodeKeys []string
	first := map[string]graph.Label{}
	for _, n := range b.Nodes {
		k := graph.JoinLabels(n.Labels, ":")
		s := nodeGroups[k]
		if s == nil {
			s = &step{query: nodeQuery(n.Labels), what: k}
			nodeGroups[k] = s
			nodeKeys = append(nodeKeys, k)
			first[k] = n.Label()
		}
		s.rows = append(s.rows, nodeRow(&n))
	}
	sort.SliceStable(nodeKeys, func(i, j int) bool {
		if a, c := first[nodeKeys[i]], first[nodeKeys[j]]; a != c {
			return a.Rank() < c.Rank()
		}
		return nodeKeys[i] < nodeKeys[j]
	})
	for _, k := range nodeKeys {
		plan = append(plan, *nodeGroups[k])
	}
	if s := eventStep(b.Nodes); s != nil {
		plan = append(plan, *s)
	}
	relGroups := map[string]*step{}
	var relKeys []string
	for _, r := range b.Rels {
		k := string(r.Type) + " " + string(r.Start.Labels[0]) + " " + string(r.End.Labels[0])
		s := relGroups[k]
		if s == nil {
			s = &step{query: relQuery(r.Type, r.Start.Labels[0], r.End.Labels[0]), rels: true, what: k}
			relGroups[k] = s
			relKeys = append(relKeys, k)
		}
		s.rows = append(s.rows, relRow(&r))
	}
	sort.Strings(relKeys)
	for _, k := range relKeys {
		plan = append(plan, *relGroups[k])
	}
	return plan
}

func (p writePlan) run(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Stats, error) {
	var st graph.Stats
	for _, s := range p {
		res, err := tx.Run(ctx, s.query, map[string]any{"rows": s.rows})
		if err != nil {
			return st, fmt.Errorf("write %s: %w", s.what, err)
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return st, fmt.Errorf("write %s: %w", s.what, err)
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return st, fmt.Errorf("write %s: %w", s.what, err)
		}
		rows, _, err := neo4j.GetRecordValue[int64](rec, "rows")
		if err != nil {
			return st, fmt.Errorf("write %s: %w", s.what, err)
		}
		updated, _, err := neo4j.GetRecordValue[int64](rec, "updated")
		if err != nil {
			return st, fmt.Errorf("write %s: %w", s.what, err)
		}
		c := sum.Counters()
		if s.rels {
			if rows != int64(len(s.rows)) {
				return st, fmt.Errorf("write %s: %d of %d relationships: %w", s.what, len(s.rows)-int(rows), len(s.rows), errMissingEndpoint)
			}
			st.RelsCreated += c.RelationshipsCreated()
			st.RelsUpdated += int(updated)
		} else {
			st.NodesCreated += c.NodesCreated()
			st.NodesUpdated += int(updated)
		}
	}
	return st, nil
}

// nodeRow is the query parameter for one merged node: the lists and dates
// the query merges, apart from the scalar properties it sets.
func nodeRow(n *graph.Node) map[string]any {
	row := map[string]any{
		"id":      n.ID,
		"key":     keyOf(n.Props),
		"aliases": nonNil(graph.Strings(n.Props[graph.PropAliases])),
		"first":   n.Props[graph.PropFirstSeen],
		"last":    n.Props[graph.PropLastSeen],
		"props":   scalarProps(n.Props),
	}
	if n.Label() == graph.LabelEvent {
		// eventStep merges an Event's name by its own rule.
		delete(row["props"].(map[string]any), graph.PropName)
	}
	return row
}

func relRow(r *graph.Rel) map[string]any {
	return map[string]any{
		"id":       r.ID,
		"start":    r.Start.ID,
		"end":      r.End.ID,
		"key":      keyOf(r.Props),
		"sources":  nonNil(graph.Strings(r.Props[graph.PropSources])),
		"confs":    nonNilF(graph.Floats(r.Props[graph.PropSourceConfidence])),
		"evidence": nonNil(graph.Strings(r.Props[graph.PropEvidence])),
		"first":    r.Props[graph.PropFirstSeen],
		"last":     r.Props[graph.PropLastSeen],
		"props":    scalarProps(r.Props),
	}
}

func keyOf(p map[string]any) string {
	k, _ := p[graph.PropUpdatedFrom].(string)
	return k
}

func scalarProps(p map[string]any) map[string]any {
	out := make(map[string]any, len(p))
	for k, v := range p {
		if !graph.IsMerged(k) && v != nil {
			out[k] = v
		}
	}
	return out
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func nonNilF(l []float64) []float64 {
	if l == nil {
		return []float64{}
	}
	return l
}

// quote backquotes a label or type. Labels and types come from the
// contract's fixed lists (Validate checks), extra labels are checked to
// be plain identifiers: no user text reaches query structure.
func quote[T ~string](name T) string { return "`" + string(name) + "`" }

// The merge rules, in Cypher. A node or relationship is locked (_lock)
// before its properties are read, so that concurrent loaders serialize on
// it instead of overwriting each other's unions. Lists are kept sorted,
// so that the result does not depend on loading order: the rows' lists
// come sorted (Merger), and each new element is inserted in place, which
// plans and runs faster than sorting in a subquery.
const nodeMergeTail = `
SET n._lock = true
WITH n, row, coalesce(n.updated_from, '') <= row.key AS newer,
  reduce(acc = coalesce(n.aliases, []), x IN row.aliases |
    CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END) AS aliases
WITH n, row, newer, aliases,
  CASE WHEN row.first IS NOT NULL AND (n.first_seen IS NULL OR row.first < n.first_seen) THEN row.first ELSE n.first_seen END AS first,
  CASE WHEN row.last IS NOT NULL AND (n.last_seen IS NULL OR row.last > n.last_seen) THEN row.last ELSE n.last_seen END AS last
WITH n, row, newer, aliases, first, last, n._new IS NOT NULL AS created,
  (newer AND (coalesce(n.updated_from, '') <> row.key OR any(k IN keys(row.props) WHERE n[k] IS NULL OR n[k] <> row.props[k])))
  OR coalesce(n.aliases, []) <> aliases
  OR coalesce(n.first_seen, '') <> coalesce(first, '')
  OR coalesce(n.last_seen, '') <> coalesce(last, '') AS changed
SET n += CASE WHEN newer THEN row.props ELSE {} END,
  n.updated_from = CASE WHEN newer THEN row.key ELSE n.updated_from END,
  n.aliases = CASE WHEN size(aliases) > 0 THEN aliases END,
  n.first_seen = first,
  n.last_seen = last
REMOVE n._lock, n._new
RETURN count(*) AS rows, sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated`

// queryPrefix keeps the server from planning the loader's queries again
// when the label counts change (as they do from an empty database on):
// with uniqueness constraints on id, the plan is index seeks whatever the
// counts, and planning these queries costs more than running a batch.
const queryPrefix = "CYPHER replan=skip\n"

func nodeQuery(labels []graph.Label) string {
	var b strings.Builder
	b.WriteString(queryPrefix + "UNWIND $rows AS row\nMERGE (n:")
	b.WriteString(quote(labels[0]))
	b.WriteString(" {id: row.id})\nON CREATE SET n._new = true")
	for _, l := range labels[1:] {
		b.WriteString("\nSET n:" + quote(l))
	}
	b.WriteString(nodeMergeTail)
	return b.String()
}

// relMergeTail keeps MaxEvidence evidence sentences ([..5]).
const relMergeTail = `
ON CREATE SET r._new = true
SET r._lock = true
WITH r, row, coalesce(r.updated_from, '') <= row.key AS newer,
  coalesce(r.sources, []) AS oldS, coalesce(r.source_confidence, []) AS oldC
WITH r, row, newer,
  reduce(acc = [i IN range(0, size(oldS) - 1) WHERE NOT oldS[i] IN row.sources | [oldS[i], coalesce(oldC[i], r.confidence, 0.0)]],
    p IN [i IN range(0, size(row.sources) - 1) | [row.sources[i], row.confs[i]]] |
    [q IN acc WHERE q[0] < p[0]] + [p] + [q IN acc WHERE q[0] > p[0]]) AS pairs,
  reduce(acc = coalesce(r.evidence, []), x IN row.evidence |
    CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)[..5] AS evidence
WITH r, row, newer, evidence, [p IN pairs | p[0]] AS sources, [p IN pairs | p[1]] AS confs
WITH r, row, newer, sources, confs, evidence,
  CASE WHEN size(confs) = 0 THEN r.confidence ELSE 1.0 - reduce(p = 1.0, c IN confs | p * (1.0 - c)) END AS confidence,
  CASE WHEN row.first IS NOT NULL AND (r.first_seen IS NULL OR row.first < r.first_seen) THEN row.first ELSE r.first_seen END AS first,
  CASE WHEN row.last IS NOT NULL AND (r.last_seen IS NULL OR row.last > r.last_seen) THEN row.last ELSE r.last_seen END AS last
WITH r, row, newer, sources, confs, evidence, confidence, first, last, r._new IS NOT NULL AS created,
  (newer AND (coalesce(r.updated_from, '') <> row.key OR any(k IN keys(row.props) WHERE r[k] IS NULL OR r[k] <> row.props[k])))
  OR coalesce(r.sources, []) <> sources
  OR coalesce(r.source_confidence, []) <> confs
  OR coalesce(r.evidence, []) <> evidence
  OR coalesce(r.first_seen, '') <> coalesce(first, '')
  OR coalesce(r.last_seen, '') <> coalesce(last, '') AS changed
SET r += CASE WHEN newer THEN row.props ELSE {} END,
  r.updated_from = CASE WHEN newer THEN row.key ELSE r.updated_from END,
  r.sources = sources,
  r.source_confidence = confs,
  r.confidence = confidence,
  r.evidence = evidence,
  r.first_seen = first,
  r.last_seen = last
REMOVE r._lock, r._new
RETURN count(*) AS rows, sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated`

// MENTIONS carries no evidence; instead it dates the mentioned node with
// the article's publication date.
const mentionsMergeTail = `
ON CREATE SET r._new = true
SET r._lock = true, b._lock = true
WITH a, b, r, row, coalesce(r.updated_from, '') <= row.key AS newer, a.published AS p
WITH b, r, row, newer, r._new IS NOT NULL AS created,
  (newer AND (coalesce(r.updated_from, '') <> row.key OR any(k IN keys(row.props) WHERE r[k] IS NULL OR r[k] <> row.props[k]))) AS changed,
  CASE WHEN p IS NOT NULL AND (b.first_seen IS NULL OR p < b.first_seen) THEN p ELSE b.first_seen END AS first,
  CASE WHEN p IS NOT NULL AND (b.last_seen IS NULL OR p > b.last_seen) THEN p ELSE b.last_seen END AS last
SET r += CASE WHEN newer THEN row.props ELSE {} END,
  r.updated_from = CASE WHEN newer THEN row.key ELSE r.updated_from END,
  b.first_seen = first,
  b.last_seen = last
REMOVE r._lock, r._new, b._lock
RETURN count(*) AS rows, sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated`

func relQuery(typ graph.RelType, start, end graph.Label) string {
	head := queryPrefix + "UNWIND $rows AS row\nMATCH (a:" + quote(start) + " {id: row.start})\nMATCH (b:" + quote(end) + " {id: row.end})\nMERGE (a)-[r:" + quote(typ) + " {id: row.id}]->(b)"
	if typ == graph.RelMentions {
		return head + mentionsMergeTail
	}
	return head + relMergeTail
}

// Loaded returns which of the article ids already have their Article node
// in the database, that is, were loaded completely.
func (l *Loader) Loaded(ctx context.Context, ids []string) (map[string]bool, error) {
	ctx, cancel := l.db.QueryContext(ctx)
	defer cancel()
	sess := l.db.Session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	out, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (map[string]bool, error) {
		r, err := tx.Run(ctx, "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id", map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		out := map[string]bool{}
		for r.Next(ctx) {
			id, _, err := neo4j.GetRecordValue[string](r.Record(), "id")
			if err != nil {
				return nil, err
			}
			out[id] = true
		}
		return out, r.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("look up loaded articles: %w", err)
	}
	return out, nil
}
