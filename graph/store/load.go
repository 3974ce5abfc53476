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
		if err := pause(ctx, time.Duration(attempt+1)*50*time.Millisecond); err != nil {
			return graph.Stats{}, err
		}
	}
	return graph.Stats{}, err
}

// pause waits d before a retry, or returns ctx's error if it ends first.
func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
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
	add := func(k string, mk func() step, row map[string]any) {
		s := groups[k]
		if s == nil {
			st := mk()
			s = &st
			groups[k] = s
			keys = append(keys, k)
		}
		s.rows = append(s.rows, row)
	}
	flush := func(less func(a, b string) bool) {
		sort.SliceStable(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
		for _, k := range keys {
			plan = append(plan, *groups[k])
		}
		groups, keys = map[string]*step{}, nil
	}

	first := map[string]graph.Label{}
	for i := range p.Nodes {
		n := &p.Nodes[i]
		k := graph.JoinLabels(n.Labels, ":")
		first[k] = n.Label()
		add(k, func() step { return step{query: nodeQuery(n.Labels), kind: nodeStep, what: k} }, nodeRow(n))
	}
	flush(func(a, b string) bool {
		if x, y := first[a], first[b]; x != y {
			return x.Rank() < y.Rank()
		}
		return a < b
	})
	if s := eventStep(p.Nodes); s != nil {
		plan = append(plan, *s)
	}

	for i := range p.Facts {
		f := &p.Facts[i]
		if f.Rel == nil {
			k := string(f.Type) + " evidence"
			add(k, func() step { return step{query: evidenceQuery(f.Type), kind: evidenceStep, what: k} }, factRow(f))
			continue
		}
		r := f.Rel
		k := string(r.Type) + " " + string(r.Start.Labels[0]) + " " + string(r.End.Labels[0])
		add(k, func() step {
			return step{query: factQuery(r.Type, r.Start.Labels[0], r.End.Labels[0]), kind: relStep, what: k}
		}, factRow(f))
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
				add(k, func() step { return step{query: eventMentionsQuery, kind: relStep, what: k} }, row)
			}
			row["mentions"] = append(row["mentions"].([]map[string]any), mentionRow(r))
			groups[k].want++
			continue
		}
		add(k, func() step {
			return step{query: mentionsQuery(r.Start.Labels[0], r.End.Labels[0]), kind: relStep, what: k}
		}, mentionRow(r))
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
		plan = append(plan, step{query: coMentionQuery, rows: rows, kind: pairStep, what: string(graph.RelCoMentioned)})
	}
	return plan
}

func (p writePlan) run(ctx context.Context, tx neo4j.ManagedTransaction, observe func(string, int, time.Duration)) (graph.Stats, error) {
	var st graph.Stats
	for _, s := range p {
		t0 := time.Now()
		res, err := tx.Run(ctx, s.query, map[string]any{"batch": map[string]any{"rows": s.rows}})
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
		if observe != nil {
			observe(s.what, len(s.rows), time.Since(t0))
		}
		var n [3]int64
		for i, k := range []string{"rows", "updated", "evidence_updated"} {
			v, ok := rec.Get(k)
			if !ok {
				continue
			}
			if n[i], ok = v.(int64); !ok {
				return st, fmt.Errorf("write %s: %s is a %T", s.what, k, v)
			}
		}
		rows, updated := n[0], int(n[1])
		c := sum.Counters()
		switch s.kind {
		case nodeStep:
			st.NodesCreated += c.NodesCreated()
			st.NodesUpdated += updated
		case relStep, evidenceStep:
			want := len(s.rows)
			if s.want > 0 {
				want = s.want
			}
			if rows != int64(want) {
				missing := errMissingEndpoint
				if s.kind == evidenceStep {
					missing = errMissingRelationship
				}
				return st, fmt.Errorf("write %s: %d of %d rows: %w", s.what, want-int(rows), want, missing)
			}
			st.NodesCreated += c.NodesCreated()
			st.NodesUpdated += int(n[2])
			st.RelsCreated += c.RelationshipsCreated()
			st.RelsUpdated += updated
		case pairStep:
			st.RelsCreated += c.RelationshipsCreated()
			st.RelsUpdated += updated
		}
	}
	return st, nil
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
			"id": e.ID(), "article": e.Article, "published": pub, "key": e.Key(),
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
    x.article = e.article, x.published = e.published, x.key = e.key
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
    x.change = change, x.change_date = changeDate, x.observed = coalesce(changeDate, x.published),
    x.undated = CASE WHEN coalesce(changeDate, x.published) IS NULL THEN true END
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
		" {id: row.end})\nMERGE (a)-[r:" + quote(typ) + " {id: row.id}]->(b)\nON CREATE SET r._new = true, r.loaded_at = datetime.transaction()" + withDerived(typ, start, end) + factTail(typ)
}

// withDerived continues a SET of the relationship r from a to b with
// what its indexes read: its event's bounds, when it keeps them (the event
// step has set them in the same transaction; the event's later changes
// reach it through eventBounds), or its ends, when it joins two entities.
func withDerived(typ graph.RelType, start, end graph.Label) string {
	if b := eventRelBounds(typ, start, end, "r", "a", "b"); b != "" {
		return ", " + b
	}
	if keepsBetween(typ, start, end) {
		return ", " + entityKeys(typ, "r", "a", "b")
	}
	return ""
}

// derivedProps are the properties withDerived gives a relationship of
// type typ from a start to an end label: no part of the contract, so an
// export leaves them out and a load makes them again.
func derivedProps(typ graph.RelType, start, end graph.Label) []string {
	if k := EventRelKey(typ, start, end); k != "" {
		return []string{k, propStarts, propEnds, propLongUntil}
	}
	if !keepsBetween(typ, start, end) {
		return nil
	}
	if k := endKey(typ); k != "" {
		return []string{PropBetween, k}
	}
	return []string{PropBetween}
}

// evidenceQuery adds evidence to relationships that exist already (found
// by the relationship index on id, named in a hint: the loader's queries
// are planned once (queryPrefix), often on an empty database, where
// scanning the type looks cheaper than the index), for files that list
// Evidence nodes apart from their relationships.
func evidenceQuery(typ graph.RelType) string {
	return queryPrefix + unwindRows + "\nMATCH ()-[r:" + quote(typ) + " {id: row.id}]->()\nUSING INDEX r:" + quote(typ) + "(id)" + factTail(typ)
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
WITH p, q, c, k, c._new IS NOT NULL AS created
SET c.articles = coalesce(c.articles, 0) + k, c.a = p.id, c.b = q.id
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
