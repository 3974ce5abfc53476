package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DefaultBatchSize is how many graph elements the loader writes per
// transaction unless told otherwise.
const DefaultBatchSize = 5000

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
	// observe, when set, is told the time each query of a transaction
	// took (benchmarks break the load's cost down with it).
	observe func(what string, rows int, d time.Duration)
}

// NewLoader returns a loader writing to db.
func NewLoader(db *DB) *Loader {
	return &Loader{db: db, BatchSize: DefaultBatchSize}
}

// errMissingEndpoint marks relationships whose start or end node is in
// neither the batch nor the database.
var errMissingEndpoint = errors.New("start or end node not found")

// errMissingRelationship marks evidence whose relationship is in neither
// the batch nor the database.
var errMissingRelationship = errors.New("relationship of the evidence not found")

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
	if errors.Is(err, errMissingEndpoint) || errors.Is(err, errMissingRelationship) {
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
	t0 := time.Now()
	m := graph.NewMerger()
	for _, i := range idx {
		m.Add(batches[i])
	}
	plan := planWrites(m.Parts())
	if l.observe != nil {
		l.observe("(merge and plan in Go)", 0, time.Since(t0))
	}
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
		var ran time.Time
		st, err = neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (graph.Stats, error) {
			st, err := plan.run(ctx, tx, l.observe)
			ran = time.Now()
			return st, err
		})
		if err == nil {
			if l.observe != nil {
				l.observe("(commit)", 0, time.Since(ran))
			}
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

// stepKind tells how a step's result is counted.
type stepKind int

const (
	nodeStep     stepKind = iota
	relStep               // every row must find its endpoints
	evidenceStep          // every row must find its relationship
	pairStep              // co-mentions: any number of rows
)

// A step is one parameterized query and its rows.
type step struct {
	query string
	rows  []map[string]any
	kind  stepKind
	what  string // label or type, for errors
	// want is how many rows the query must count, when not one per row.
	want int
	// createRows are elements that may be new, with their rows of
	// mergeRows (one each). exists finds which of them the database
	// holds; those are merged by query, then create writes the others
	// whole, in their stored form: most of a load's elements are new, and
	// creating one costs the server far less than merging it. create
	// MERGEs, and returns the rows whose element it found after all
	// (written by another loader since exists ran): query merges those.
	//
	// The order matters. Once a statement has added relationships of a
	// type to a node with many, a MERGE of a relationship of that type at
	// the node in a later statement of the transaction is slow (at
	// 100,000 articles, 50,000 page hits a row; 300 rows in 8.6 s instead
	// of 0.1 s): merging first, creating after, keeps merges clear of it.
	exists     string
	create     string
	createRows []map[string]any
	mergeRows  []map[string]any
	existsRows []map[string]any // what exists reads of createRows
	// stage groups the steps of a kind (nodes, facts, mentions...): the
	// merges of a stage all run before its creates, since steps of one
	// relationship type (a stage's) would otherwise create relationships
	// before the merges of the next step.
	stage int
}

// queue adds a row that query merges whether or not its element exists.
func (s *step) queue(row map[string]any) { s.rows = append(s.rows, row) }

// queueNew adds an element that create writes whole when it is new, and
// query merges with merge when it exists.
func (s *step) queueNew(create, merge map[string]any) {
	i := len(s.createRows)
	create["i"] = i
	s.createRows = append(s.createRows, create)
	s.existsRows = append(s.existsRows, map[string]any{"i": i, "id": create["id"], "start": create["start"]})
	s.mergeRows = append(s.mergeRows, merge)
}

type writePlan []step

// planWrites turns merged parts into queries: one per label set, one per
// (type, start label, end label) of facts, one per type for evidence whose
// relationship is not in the batch, one per end label of MENTIONS, then
// the co-mentions of the articles, in a fixed order so that concurrent
// loaders lock nodes in the same order and rarely deadlock.
func planWrites(p graph.Parts) writePlan {
	var plan writePlan
	groups := map[string]*step{}
	var keys []string
	group := func(k string, mk func() step) *step {
		s := groups[k]
		if s == nil {
			st := mk()
			s = &st
			groups[k] = s
			keys = append(keys, k)
		}
		return s
	}
	stage := 0
	flush := func(less func(a, b string) bool) {
		sort.SliceStable(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
		for _, k := range keys {
			s := *groups[k]
			s.stage = stage
			plan = append(plan, s)
		}
		groups, keys = map[string]*step{}, nil
		stage++
	}

	first := map[string]graph.Label{}
	inBatch := make(map[string]bool, len(p.Nodes))
	for i := range p.Nodes {
		n := &p.Nodes[i]
		inBatch[n.ID] = true
		k := graph.JoinLabels(n.Labels, ":")
		first[k] = n.Label()
		group(k, func() step {
			return step{query: nodeQuery(n.Labels), exists: nodeExistsQuery(n.Label()), create: nodeCreateQuery(n.Labels), kind: nodeStep, what: k}
		}).queueNew(nodeCreateRow(n), nodeRow(n))
	}
	flush(func(a, b string) bool {
		if x, y := first[a], first[b]; x != y {
			return x.Rank() < y.Rank()
		}
		return a < b
	})
	if s := eventStep(p.Nodes); s != nil {
		s.stage = stage
		plan = append(plan, *s)
		stage++
	}

	for i := range p.Facts {
		f := &p.Facts[i]
		if f.Rel == nil {
			k := string(f.Type) + " evidence"
			group(k, func() step { return step{query: evidenceQuery(f.Type), kind: evidenceStep, what: k} }).queue(factRow(f))
			continue
		}
		r := f.Rel
		k := string(r.Type) + " " + string(r.Start.Labels[0]) + " " + string(r.End.Labels[0])
		s := group(k, func() step {
			return step{query: factQuery(r.Type, r.Start.Labels[0], r.End.Labels[0]),
				exists: factExistsQuery(r.Type), create: factCreateQuery(r.Type, r.Start.Labels[0], r.End.Labels[0]), kind: relStep, what: k}
		})
		if len(f.Evidence) == 0 {
			// Without evidence the stored aggregates come from elsewhere.
			s.queue(factRow(f))
			continue
		}
		s.queueNew(factCreateRow(f), factRow(f))
	}
	flush(func(a, b string) bool { return a < b })

	var pairArticles []any
	seen := map[string]bool{}
	// An Event's MENTIONS are written in one row per Event, so that the
	// articles new to it are counted together.
	eventRows := map[string]map[string]any{}
	for i := range p.Mentions {
		r := &p.Mentions[i]
		k := string(r.Type) + " " + string(r.Start.Labels[0]) + " " + string(r.End.Labels[0])
		if r.End.Labels[0] == graph.LabelEvent && r.Start.Labels[0] == graph.LabelArticle {
			row := eventRows[r.End.ID]
			if row == nil {
				row = map[string]any{"end": r.End.ID, "mentions": []map[string]any{}}
				eventRows[r.End.ID] = row
				group(k, func() step { return step{query: eventMentionsQuery, kind: relStep, what: k} }).queue(row)
			}
			row["mentions"] = append(row["mentions"].([]map[string]any), mentionRow(r))
			groups[k].want++
			continue
		}
		s := group(k, func() step {
			return step{query: mentionsQuery(r.Start.Labels[0], r.End.Labels[0]),
				exists: mentionsExistsQuery(r.Start.Labels[0]), create: mentionsCreateQuery(r.Start.Labels[0], r.End.Labels[0]), kind: relStep, what: k}
		})
		if inBatch[r.Start.ID] && inBatch[r.End.ID] {
			// The batch's nodes carry the dates this mention gives the
			// mentioned node, so a new mention needs only be created.
			s.queueNew(mentionCreateRow(r), mentionRow(r))
		} else {
			s.queue(mentionRow(r))
		}
		if r.End.Labels[0].IsActor() && !seen[r.Start.ID] {
			seen[r.Start.ID] = true
			pairArticles = append(pairArticles, r.Start.ID)
		}
	}
	flush(func(a, b string) bool { return a < b })
	if len(pairArticles) > 0 {
		rows := make([]map[string]any, len(pairArticles))
		for i, a := range pairArticles {
			rows[i] = map[string]any{"article": a}
		}
		plan = append(plan, step{query: coMentionQuery, rows: rows, kind: pairStep, what: string(graph.RelCoMentioned), stage: stage})
	}
	return plan
}

func (p writePlan) run(ctx context.Context, tx neo4j.ManagedTransaction, observe func(string, int, time.Duration)) (graph.Stats, error) {
	var st graph.Stats
	for from := 0; from < len(p); {
		to := from + 1
		for to < len(p) && p[to].stage == p[from].stage {
			to++
		}
		stage := p[from:to]
		fresh := make([][]map[string]any, len(stage))
		for i := range stage {
			var err error
			if fresh[i], err = stage[i].mergeExisting(ctx, tx, observe, &st); err != nil {
				return st, err
			}
		}
		for i := range stage {
			if err := stage[i].createNew(ctx, tx, fresh[i], observe, &st); err != nil {
				return st, err
			}
		}
		from = to
	}
	return st, nil
}

// mergeExisting merges the rows of s whose element exists, and returns
// the create rows of the others.
func (s *step) mergeExisting(ctx context.Context, tx neo4j.ManagedTransaction, observe func(string, int, time.Duration), st *graph.Stats) ([]map[string]any, error) {
	rows := s.rows[:len(s.rows):len(s.rows)]
	var fresh []map[string]any
	if len(s.createRows) > 0 {
		rec, _, err := execStep(ctx, tx, s.exists, s.existsRows, s.what+" (exists)", observe)
		if err != nil {
			return nil, err
		}
		found, err := rowIndexes(rec, len(s.createRows))
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", s.what, err)
		}
		isOld := make([]bool, len(s.createRows))
		for _, i := range found {
			isOld[i] = true
			rows = append(rows, s.mergeRows[i])
		}
		for i, r := range s.createRows {
			if !isOld[i] {
				fresh = append(fresh, r)
			}
		}
	}
	return fresh, s.merge(ctx, tx, rows, observe, st)
}

// createNew creates the elements of the create rows fresh, and merges
// those another loader wrote meanwhile.
func (s *step) createNew(ctx context.Context, tx neo4j.ManagedTransaction, fresh []map[string]any, observe func(string, int, time.Duration), st *graph.Stats) error {
	if len(fresh) == 0 {
		return nil
	}
	rec, c, err := execStep(ctx, tx, s.create, fresh, s.what+" (new)", observe)
	if err != nil {
		return err
	}
	n, err := recordInt(rec, "rows")
	if err != nil {
		return fmt.Errorf("write %s: %w", s.what, err)
	}
	if s.kind != nodeStep && n != int64(len(fresh)) {
		return fmt.Errorf("write %s: %d of %d rows: %w", s.what, len(fresh)-int(n), len(fresh), errMissingEndpoint)
	}
	st.NodesCreated += c.NodesCreated()
	st.RelsCreated += c.RelationshipsCreated()
	raced, err := rowIndexes(rec, len(s.mergeRows))
	if err != nil {
		return fmt.Errorf("write %s: %w", s.what, err)
	}
	if len(raced) == 0 {
		return nil
	}
	again := make([]map[string]any, len(raced))
	for j, i := range raced {
		again[j] = s.mergeRows[i]
	}
	return s.merge(ctx, tx, again, observe, st)
}

// rowIndexes reads the row indexes (row.i) a query lists as existing.
func rowIndexes(rec *neo4j.Record, n int) ([]int, error) {
	v, _ := rec.Get("existing")
	l, _ := v.([]any)
	out := make([]int, len(l))
	for j, x := range l {
		i, ok := x.(int64)
		if !ok || i < 0 || int(i) >= n {
			return nil, fmt.Errorf("row index %v", x)
		}
		out[j] = int(i)
	}
	return out, nil
}

// merge runs the step's merge query on rows and adds what it did to st.
func (s *step) merge(ctx context.Context, tx neo4j.ManagedTransaction, rows []map[string]any, observe func(string, int, time.Duration), st *graph.Stats) error {
	if len(rows) == 0 {
		return nil
	}
	rec, c, err := execStep(ctx, tx, s.query, rows, s.what, observe)
	if err != nil {
		return err
	}
	var n [3]int64
	for i, k := range []string{"rows", "updated", "evidence_updated"} {
		if _, ok := rec.Get(k); !ok {
			continue
		}
		if n[i], err = recordInt(rec, k); err != nil {
			return fmt.Errorf("write %s: %w", s.what, err)
		}
	}
	got, updated := n[0], int(n[1])
	switch s.kind {
	case nodeStep:
		st.NodesCreated += c.NodesCreated()
		st.NodesUpdated += updated
	case relStep, evidenceStep:
		want := len(rows)
		if s.want > 0 {
			want = s.want
		}
		if got != int64(want) {
			missing := errMissingEndpoint
			if s.kind == evidenceStep {
				missing = errMissingRelationship
			}
			return fmt.Errorf("write %s: %d of %d rows: %w", s.what, want-int(got), want, missing)
		}
		st.NodesCreated += c.NodesCreated()
		st.NodesUpdated += int(n[2])
		st.RelsCreated += c.RelationshipsCreated()
		st.RelsUpdated += updated
	case pairStep:
		st.RelsCreated += c.RelationshipsCreated()
		st.RelsUpdated += updated
	}
	return nil
}

// execStep runs one query of a plan on rows and returns its single record
// and its counters.
func execStep(ctx context.Context, tx neo4j.ManagedTransaction, query string, rows []map[string]any, what string,
	observe func(string, int, time.Duration)) (*neo4j.Record, neo4j.Counters, error) {
	t0 := time.Now()
	res, err := tx.Run(ctx, query, map[string]any{"batch": map[string]any{"rows": rows}})
	if err != nil {
		return nil, nil, fmt.Errorf("write %s: %w", what, err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("write %s: %w", what, err)
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("write %s: %w", what, err)
	}
	if observe != nil {
		observe(what, len(rows), time.Since(t0))
	}
	return rec, sum.Counters(), nil
}

func recordInt(rec *neo4j.Record, key string) (int64, error) {
	v, _ := rec.Get(key)
	n, ok := v.(int64)
	if !ok {
		return 0, fmt.Errorf("%s is a %T", key, v)
	}
	return n, nil
}

// nodeRow is the query parameter for one merged node: the lists and dates
// the query merges, apart from the scalar properties it sets.
func nodeRow(n *graph.Node) map[string]any {
	row := map[string]any{
		"id":       n.ID,
		"key":      keyOf(n.Props),
		"aliases":  nonNil(graph.Strings(n.Props[graph.PropAliases])),
		"rule":     nonNil(graph.Strings(n.Props[graph.PropRule])),
		"evidence": nonNil(graph.Strings(n.Props[graph.PropEvidence])),
		"first":    n.Props[graph.PropFirstSeen],
		"last":     n.Props[graph.PropLastSeen],
		"props":    scalarProps(n.Props),
	}
	if n.Label() == graph.LabelEvent {
		// eventStep merges an Event's name by its own rule.
		delete(row["props"].(map[string]any), graph.PropName)
	}
	return row
}

// factRow is the query parameter for one relationship and its evidence:
// the query merges the evidence, then adds what is new of it to the
// relationship's counts.
func factRow(f *graph.Fact) map[string]any {
	row := map[string]any{"id": f.ID}
	var sentences, rules []string
	var first, last string
	if r := f.Rel; r != nil {
		row["start"], row["end"] = r.Start.ID, r.End.ID
		row["key"] = keyOf(r.Props)
		row["props"] = scalarProps(r.Props)
		sentences = graph.Strings(r.Props[graph.PropEvidence])
		rules = graph.Strings(r.Props[graph.PropRule])
	}
	ev := make([]map[string]any, len(f.Evidence))
	for i, e := range f.Evidence {
		var pub any
		if e.Published != "" {
			pub = e.Published
			if first == "" || e.Published < first {
				first = e.Published
			}
			if e.Published > last {
				last = e.Published
			}
		}
		ev[i] = map[string]any{
			"id": e.ID(), "article": e.Article, "published": pub, "key": e.Published + " " + e.Article,
			"sentences": nonNil(e.Sentences), "confidence": e.Confidence, "weight": e.Weight, "rule": nonNil(e.Rules),
			"change": nilIfEmpty(e.Change), "change_date": nilIfEmpty(e.ChangeDate),
		}
		sentences = graph.SortedUnion(sentences, e.Sentences, graph.MaxEvidence)
		rules = graph.SortedUnion(rules, e.Rules, 0)
	}
	row["ev"] = ev
	row["evidence"] = nonNil(sentences)
	row["rule"] = nonNil(rules)
	row["first"], row["last"] = nilIfEmpty(first), nilIfEmpty(last)
	return row
}

// nodeCreateRow is what nodeQuery would store on creating n: its
// scalars, the newest article's key, its non-empty lists and its dates.
func nodeCreateRow(n *graph.Node) map[string]any {
	props := scalarProps(n.Props)
	props[graph.PropUpdatedFrom] = keyOf(n.Props)
	for prop, max := range map[string]int{graph.PropAliases: 0, graph.PropRule: 0, graph.PropEvidence: graph.MaxEvidence} {
		if l := graph.SortedUnion(nil, graph.Strings(n.Props[prop]), max); len(l) > 0 {
			props[prop] = l
		}
	}
	for _, prop := range []string{graph.PropFirstSeen, graph.PropLastSeen} {
		if v := n.Props[prop]; v != nil {
			props[prop] = v
		}
	}
	return map[string]any{"id": n.ID, "props": props}
}

// factCreateRow is what factQuery would store on creating f's
// relationship and its evidence: the stored form of f (graph.Fact.Stored)
// and its Evidence nodes.
func factCreateRow(f *graph.Fact) map[string]any {
	r := f.Stored()
	props := make(map[string]any, len(r.Props)+1)
	for k, v := range r.Props {
		if v != nil {
			props[k] = v
		}
	}
	props[graph.PropUpdatedFrom] = keyOf(r.Props)
	ev := make([]map[string]any, len(f.Evidence))
	for i, e := range f.Evidence {
		ev[i] = e.Node().Props
	}
	return map[string]any{"id": f.ID, "start": r.Start.ID, "end": r.End.ID, "props": props, "ev": ev}
}

// mentionCreateRow is what mentionsQuery would store on creating r.
func mentionCreateRow(r *graph.Rel) map[string]any {
	props := scalarProps(r.Props)
	props[graph.PropUpdatedFrom] = keyOf(r.Props)
	return map[string]any{"id": r.ID, "start": r.Start.ID, "end": r.End.ID, "props": props}
}

func mentionRow(r *graph.Rel) map[string]any {
	return map[string]any{"id": r.ID, "start": r.Start.ID, "end": r.End.ID, "key": keyOf(r.Props), "props": scalarProps(r.Props)}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
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

// quote backquotes a label or type. Labels and types come from the
// contract's fixed lists (Validate checks), extra labels are checked to
// be plain identifiers: no user text reaches query structure.
func quote[T ~string](name T) string { return "`" + string(name) + "`" }

// union is the Cypher expression of the sorted union of the sorted lists
// old (which may be null) and add, cut to max elements when max > 0: each
// new element is inserted in place, which plans and runs faster than
// sorting in a subquery.
func union(old, add string, max int) string {
	e := "reduce(acc = coalesce(" + old + ", []), x IN " + add + " |\n    CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)"
	if max > 0 {
		e += "[.." + strconv.Itoa(max) + "]"
	}
	return e
}

// The merge rules, in Cypher. A node or relationship is locked (_lock)
// before its properties are read, so that concurrent loaders serialize on
// it instead of overwriting each other's unions and counts. Lists are kept
// sorted, so that the result does not depend on loading order: the rows'
// lists come sorted (Merger). loaded_at is set on create only.
var nodeMergeTail = `
SET n._lock = true
WITH n, row, coalesce(n.updated_from, '') <= row.key AS newer,
  ` + union("n.aliases", "row.aliases", 0) + ` AS aliases,
  ` + union("n.rule", "row.rule", 0) + ` AS rule,
  ` + union("n.evidence", "row.evidence", graph.MaxEvidence) + ` AS evidence
WITH n, row, newer, aliases, rule, evidence,
  CASE WHEN row.first IS NOT NULL AND (n.first_seen IS NULL OR row.first < n.first_seen) THEN row.first ELSE n.first_seen END AS first,
  CASE WHEN row.last IS NOT NULL AND (n.last_seen IS NULL OR row.last > n.last_seen) THEN row.last ELSE n.last_seen END AS last
WITH n, row, newer, aliases, rule, evidence, first, last, n._new IS NOT NULL AS created,
  (newer AND (coalesce(n.updated_from, '') <> row.key OR any(k IN keys(row.props) WHERE n[k] IS NULL OR n[k] <> row.props[k])))
  OR coalesce(n.aliases, []) <> aliases
  OR coalesce(n.rule, []) <> rule
  OR coalesce(n.evidence, []) <> evidence
  OR coalesce(n.first_seen, '') <> coalesce(first, '')
  OR coalesce(n.last_seen, '') <> coalesce(last, '') AS changed
SET n += CASE WHEN newer THEN row.props ELSE {} END,
  n.updated_from = CASE WHEN newer THEN row.key ELSE n.updated_from END,
  n.aliases = CASE WHEN size(aliases) > 0 THEN aliases END,
  n.rule = CASE WHEN size(rule) > 0 THEN rule END,
  n.evidence = CASE WHEN size(evidence) > 0 THEN evidence END,
  n.first_seen = first,
  n.last_seen = last
REMOVE n._lock, n._new
RETURN count(*) AS rows, sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated`

// unwindRows starts every loader query. The rows come in a map
// parameter ($batch.rows) rather than a list ($rows): Neo4j keys its plan
// cache on the size class of a list parameter (up to 10 rows, 100, 1,000,
// ...), so a query sent with 8, 80 and 800 rows is planned three times,
// while a map parameter has one plan whatever the rows. Planning a fact
// query costs 0.3 to 1 s of server CPU.
const unwindRows = "UNWIND $batch.rows AS row"

// queryPrefix keeps the server from planning the loader's queries again
// when the label counts change (as they do from an empty database on):
// with uniqueness constraints on id, the plan is index seeks whatever the
// counts, and planning these queries costs more than running a batch.
const queryPrefix = "CYPHER replan=skip\n"

func nodeQuery(labels []graph.Label) string {
	var b strings.Builder
	b.WriteString(queryPrefix + unwindRows + "\nMERGE (n:")
	b.WriteString(quote(labels[0]))
	b.WriteString(" {id: row.id})\nON CREATE SET n._new = true, n.loaded_at = datetime.transaction()")
	for _, l := range labels[1:] {
		b.WriteString("\nSET n:" + quote(l))
	}
	b.WriteString(nodeMergeTail)
	return b.String()
}

// createTail ends the create query of a step (see step.create): it
// unmarks what the query created and lists the rows it found existing;
// then runs on the created ones.
func createTail(v, then string) string {
	return `
WITH ` + v + `, row, ` + v + `._new IS NOT NULL AS created` + then + `
REMOVE ` + v + `._new
RETURN count(*) AS rows, collect(CASE WHEN NOT created THEN row.i END) AS existing`
}

// existsTail lists the rows whose element a MATCH found.
const existsTail = "\nRETURN collect(row.i) AS existing"

// nodeExistsQuery finds which nodes of the rows exist.
func nodeExistsQuery(label graph.Label) string {
	return queryPrefix + unwindRows + "\nMATCH (n:" + quote(label) + " {id: row.id})" + existsTail
}

// factExistsQuery finds which relationships of the rows exist, by the
// relationship index on id.
func factExistsQuery(typ graph.RelType) string {
	return queryPrefix + unwindRows + "\nMATCH ()-[r:" + quote(typ) + " {id: row.id}]->()" + existsTail
}

// mentionsExistsQuery finds which MENTIONS of the rows exist, among the
// relationships of the article (MENTIONS has no index: an article has
// few, a mentioned node may have millions).
func mentionsExistsQuery(start graph.Label) string {
	return queryPrefix + unwindRows + "\nMATCH (:" + quote(start) + " {id: row.start})-[r:MENTIONS]->()\nWHERE r.id = row.id" + existsTail
}

// nodeCreateQuery creates the nodes of the rows that do not exist, with
// the properties nodeQuery would give them.
func nodeCreateQuery(labels []graph.Label) string {
	var b strings.Builder
	b.WriteString(queryPrefix + unwindRows + "\nMERGE (n:")
	b.WriteString(quote(labels[0]))
	b.WriteString(" {id: row.id})\nON CREATE SET n += row.props, n._new = true, n.loaded_at = datetime.transaction()")
	for _, l := range labels[1:] {
		b.WriteString("\nSET n:" + quote(l))
	}
	b.WriteString(createTail("n", ""))
	return b.String()
}

// factCreateQuery creates the relationships of the rows that do not
// exist, and their Evidence nodes, with the properties factQuery would
// give them.
func factCreateQuery(typ graph.RelType, start, end graph.Label) string {
	return queryPrefix + unwindRows + "\nMATCH (a:" + quote(start) + " {id: row.start})\nMATCH (b:" + quote(end) +
		" {id: row.end})\nMERGE (a)-[r:" + quote(typ) + " {id: row.id}]->(b)\nON CREATE SET r += row.props, r._new = true, r.loaded_at = datetime.transaction()" + createTail("r", `
FOREACH (e IN CASE WHEN created THEN row.ev ELSE [] END |
  MERGE (x:Evidence {id: e.id})
  ON CREATE SET x += e, x.loaded_at = datetime.transaction())`)
}

// mentionsCreateQuery creates the MENTIONS of the rows that do not exist,
// as mentionsQuery would.
func mentionsCreateQuery(start, end graph.Label) string {
	onCreate := "r += row.props, r._new = true, r.loaded_at = datetime.transaction()"
	if end.IsActor() {
		onCreate += ", r._pair = true"
	}
	return queryPrefix + unwindRows + "\nMATCH (a:" + quote(start) + " {id: row.start})\nMATCH (b:" + quote(end) +
		" {id: row.end})\nMERGE (a)-[r:MENTIONS {id: row.id}]->(b)\nON CREATE SET " + onCreate + createTail("r", "")
}

// evidenceMerge merges the row's evidence (row.ev) of relationship r into
// Evidence nodes, one per article, each with the article's observation of
// the fact (change, change_date, and the day it is about, observed), and
// returns what is new: how many articles (added), the change of the
// confidence weight (dw), the newest
// first keys of the new articles (keys), and how many existing evidence
// nodes changed (ev_changed). Only new evidence counts, so merging the
// same article again adds nothing.
func evidenceMerge(typ graph.RelType) string {
	return `
CALL (r, row) {
  UNWIND row.ev AS e
  MERGE (x:Evidence {id: e.id})
  ON CREATE SET x._new = true, x.loaded_at = datetime.transaction(), x.fact = row.id, x.type = '` + string(typ) + `',
    x.article = e.article, x.published = e.published
  SET x._lock = true
  WITH x, e, x._new IS NOT NULL AS created, coalesce(x.weight, 0) AS oldW,
    ` + union("x.sentences", "e.sentences", graph.MaxEvidence) + ` AS sentences,
    ` + union("x.rule", "e.rule", 0) + ` AS rule
  WITH x, e, created, oldW, sentences, rule,
    CASE WHEN e.change IS NULL THEN x.change ELSE e.change END AS change,
    CASE WHEN e.change IS NULL THEN x.change_date ELSE e.change_date END AS changeDate
  WITH x, e, created, oldW, sentences, rule, change, changeDate,
    NOT created AND (oldW <> e.weight OR x.confidence <> e.confidence OR x.sentences <> sentences OR coalesce(x.rule, []) <> rule
      OR coalesce(x.change, '') <> coalesce(change, '') OR coalesce(x.change_date, '') <> coalesce(changeDate, '')) AS changed
  SET x.confidence = e.confidence, x.weight = e.weight, x.sentences = sentences,
    x.rule = CASE WHEN size(rule) > 0 THEN rule END,
    x.change = change, x.change_date = changeDate, x.observed = coalesce(changeDate, x.published)
  REMOVE x._new, x._lock
  RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS added, sum(e.weight - oldW) AS dw,
    collect(CASE WHEN created THEN e.key END) AS keys, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS ev_changed
}`
}

// factTail merges a relationship's evidence, then its properties: the
// scalars of the newest article, the unions, and the aggregates that new
// evidence changes (source_count, confidence_weight and confidence, the
// MaxSources newest sources, first and last seen). The work per row is
// bounded whatever the number of articles behind the relationship.
func factTail(typ graph.RelType) string {
	return `
SET r._lock = true
WITH r, row` + evidenceMerge(typ) + `
WITH r, row, added, dw, keys, ev_changed, coalesce(r.updated_from, '') <= coalesce(row.key, '') AS newer,
  coalesce(r.source_count, 0) + added AS cnt, coalesce(r.confidence_weight, 0) + dw AS weight,
  ` + topSources("r", "keys") + ` AS top,
  ` + union("r.evidence", "row.evidence", graph.MaxEvidence) + ` AS evidence,
  ` + union("r.rule", "row.rule", 0) + ` AS rule
WITH r, row, newer, cnt, weight, evidence, rule, ev_changed,
  [k IN top | split(k, ' ')[1]] AS sources, [k IN top | split(k, ' ')[0]] AS dates,
  CASE WHEN row.first IS NOT NULL AND (r.first_seen IS NULL OR row.first < r.first_seen) THEN row.first ELSE r.first_seen END AS first,
  CASE WHEN row.last IS NOT NULL AND (r.last_seen IS NULL OR row.last > r.last_seen) THEN row.last ELSE r.last_seen END AS last
WITH r, row, newer, cnt, weight, evidence, rule, ev_changed, sources, dates, first, last, r._new IS NOT NULL AS created,
  (newer AND row.key IS NOT NULL AND (coalesce(r.updated_from, '') <> row.key OR any(k IN keys(row.props) WHERE r[k] IS NULL OR r[k] <> row.props[k])))
  OR coalesce(r.source_count, 0) <> cnt
  OR coalesce(r.confidence_weight, 0) <> weight
  OR coalesce(r.sources, []) <> sources
  OR coalesce(r.evidence, []) <> evidence
  OR coalesce(r.rule, []) <> rule
  OR coalesce(r.first_seen, '') <> coalesce(first, '')
  OR coalesce(r.last_seen, '') <> coalesce(last, '')
  OR (newer AND row.props.change IS NOT NULL AND row.props.change_date IS NULL AND r.change_date IS NOT NULL) AS changed
SET r += CASE WHEN newer AND row.props IS NOT NULL THEN row.props ELSE {} END,
  r.change_date = CASE WHEN newer AND row.props.change IS NOT NULL THEN row.props.change_date ELSE r.change_date END,
  r.updated_from = CASE WHEN newer AND row.key IS NOT NULL THEN row.key ELSE r.updated_from END,
  r.source_count = cnt,
  r.confidence_weight = weight,
  r.confidence = ` + graph.ConfidenceCypher("weight") + `,
  r.sources = sources,
  r.source_published = dates,
  r.evidence = evidence,
  r.rule = CASE WHEN size(rule) > 0 THEN rule END,
  r.first_seen = first,
  r.last_seen = last
REMOVE r._lock, r._new
RETURN count(*) AS rows, sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated, sum(ev_changed) AS evidence_updated`
}

func factQuery(typ graph.RelType, start, end graph.Label) string {
	return queryPrefix + unwindRows + "\nMATCH (a:" + quote(start) + " {id: row.start})\nMATCH (b:" + quote(end) +
		" {id: row.end})\nMERGE (a)-[r:" + quote(typ) + " {id: row.id}]->(b)\nON CREATE SET r._new = true, r.loaded_at = datetime.transaction()" + factTail(typ)
}

// evidenceQuery adds evidence to relationships that exist already (found
// by the relationship index on id), for files that list Evidence nodes
// apart from their relationships.
func evidenceQuery(typ graph.RelType) string {
	return queryPrefix + unwindRows + "\nMATCH ()-[r:" + quote(typ) + " {id: row.id}]->()" + factTail(typ)
}

// MENTIONS carries no evidence; instead it dates the mentioned node with
// the article's publication date. A new mention of an actor is marked
// (_pair) for coMentionQuery, in the same transaction.
func mentionsQuery(start, end graph.Label) string {
	onCreate := "r._new = true, r.loaded_at = datetime.transaction()"
	if end.IsActor() {
		onCreate += ", r._pair = true"
	}
	return queryPrefix + unwindRows + "\nMATCH (a:" + quote(start) + " {id: row.start})\nMATCH (b:" + quote(end) +
		" {id: row.end})\nMERGE (a)-[r:MENTIONS {id: row.id}]->(b)\nON CREATE SET " + onCreate + mentionsMergeTail
}

// topSources is the Cypher expression of the MaxSources newest sources of
// element v, as "published id" keys newest first, with the keys of the
// list expression keys inserted in place.
func topSources(v, keys string) string {
	return `reduce(acc = [i IN range(0, size(coalesce(` + v + `.sources, [])) - 1) | coalesce(` + v + `.source_published[i], '') + ' ' + ` + v + `.sources[i]], k IN ` + keys + ` |
    [y IN acc WHERE y > k] + [k] + [y IN acc WHERE y < k])[..` + strconv.Itoa(graph.MaxSources) + `]`
}

// eventMentionsQuery writes the MENTIONS of an Event, one row per Event
// with its articles (row.mentions): an article whose MENTIONS is new
// reports the event for the first time, so the new ones add to
// source_count and enter the newest sources in place, once per Event and
// transaction; the same article again adds nothing, and the result does
// not depend on the order of loading.
var eventMentionsQuery = queryPrefix + unwindRows + `
MATCH (b:Event {id: row.end})
SET b._lock = true
WITH b, row
CALL (b, row) {
  UNWIND row.mentions AS m
  MATCH (a:Article {id: m.start})
  MERGE (a)-[r:MENTIONS {id: m.id}]->(b)
  ON CREATE SET r._new = true, r.loaded_at = datetime.transaction()
  SET r._lock = true
  WITH a, r, m, coalesce(r.updated_from, '') <= m.key AS newer, r._new IS NOT NULL AS created
  WITH a, r, m, newer, created,
    (newer AND (coalesce(r.updated_from, '') <> m.key OR any(k IN keys(m.props) WHERE r[k] IS NULL OR r[k] <> m.props[k]))) AS changed
  SET r += CASE WHEN newer THEN m.props ELSE {} END,
    r.updated_from = CASE WHEN newer THEN m.key ELSE r.updated_from END
  REMOVE r._lock, r._new
  RETURN count(*) AS rows, sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated,
    collect(CASE WHEN created THEN coalesce(a.published, '') + ' ' + a.id END) AS keys,
    min(a.published) AS p0, max(a.published) AS p1
}
WITH b, rows, updated, keys, ` + topSources("b", "keys") + ` AS top,
  CASE WHEN p0 IS NOT NULL AND (b.first_seen IS NULL OR p0 < b.first_seen) THEN p0 ELSE b.first_seen END AS first,
  CASE WHEN p1 IS NOT NULL AND (b.last_seen IS NULL OR p1 > b.last_seen) THEN p1 ELSE b.last_seen END AS last
SET b.first_seen = first,
  b.last_seen = last,
  b.source_count = coalesce(b.source_count, 0) + size(keys),
  b.sources = [k IN top | split(k, ' ')[1]],
  b.source_published = [k IN top | split(k, ' ')[0]]
REMOVE b._lock
RETURN sum(rows) AS rows, sum(updated) AS updated`

const mentionsMergeTail = `
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

// coMentionQuery counts, for each article of the rows, one more article
// for every pair of actors it names of which at least one mention is new
// (_pair): a mention is created once, so each article counts once per
// pair however often it is loaded. The pairs of all the rows are counted
// first, so that each relationship is written once per transaction.
var coMentionQuery = queryPrefix + unwindRows + `
MATCH (ar:Article {id: row.article})-[m:MENTIONS]->(y)
WHERE ` + actorTest("y") + `
WITH ar, collect(y) AS all, collect(CASE WHEN m._pair IS NOT NULL THEN y END) AS fresh,
  collect(CASE WHEN m._pair IS NOT NULL THEN m END) AS marked
FOREACH (m IN marked | REMOVE m._pair)
WITH all, fresh WHERE size(fresh) > 0
UNWIND fresh AS x
UNWIND all AS y
WITH x, y WHERE x <> y AND (NOT y IN fresh OR x.id < y.id)
WITH CASE WHEN x.id < y.id THEN x ELSE y END AS p, CASE WHEN x.id < y.id THEN y ELSE x END AS q
WITH p, q, count(*) AS k
MERGE (p)-[c:CO_MENTIONED {id: 'co:' + p.id + ' ' + q.id}]->(q)
ON CREATE SET c._new = true, c.loaded_at = datetime.transaction()
SET c._lock = true
WITH c, k, c._new IS NOT NULL AS created
SET c.articles = coalesce(c.articles, 0) + k
REMOVE c._lock, c._new
RETURN count(*) AS rows, sum(CASE WHEN created THEN 0 ELSE 1 END) AS updated`

// actorTest is the Cypher test that node v has an actor label.
func actorTest(v string) string {
	var parts []string
	for _, l := range graph.ActorLabels {
		parts = append(parts, v+":"+quote(l))
	}
	return strings.Join(parts, " OR ")
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
