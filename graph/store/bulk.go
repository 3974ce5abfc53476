package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// BulkLabel marks the Article nodes of a bulk load until it ends: while
// one is in the database, the load did not finish.
const BulkLabel = "BulkLoading"

// ErrNotEmpty is returned by Bulk when the database holds a graph that
// no unfinished bulk load left.
var ErrNotEmpty = errors.New("database not empty")

// ErrUnfinishedBulk is returned by CheckBulk when an unfinished bulk load
// left part of a graph in the database.
var ErrUnfinishedBulk = errors.New("unfinished bulk load")

// A Bulk writes a graph the Exporter merged into an empty database with
// CREATE, not MERGE: each element once, as Merger would have stored it,
// the evidence, counts and co-mentions of the merge rules included. It
// costs a fraction of merging the same articles one transaction at a time
// (docs/loading.md), and is for first loads of large archives; later
// loads merge into its graph as into any other.
//
// An interrupted bulk load leaves its Article nodes marked with BulkLabel,
// which CheckBulk reports; the next bulk load deletes what it left and
// starts over. The marks go when the load ends.
type Bulk struct {
	db *DB
	// BatchSize is the number of elements per transaction.
	BatchSize int
	// Workers is the number of transactions written at once: the
	// relationships of a step wait for every node, the rest overlaps.
	Workers int
	// Progress, when set, is called after each transaction with the
	// number of elements written so far.
	Progress func(written int)
}

// Bulk's defaults: on a 2-core server, two transactions of 2,000
// elements at once wrote 100,000 articles in 0.77x the time of one of
// 5,000 (docs/loading.md); three of 10,000 were slower again.
const (
	DefaultBulkBatchSize = 2000
	DefaultBulkWorkers   = 2
)

// NewBulk returns a Bulk writing into db.
func NewBulk(db *DB) *Bulk {
	return &Bulk{db: db, BatchSize: DefaultBulkBatchSize, Workers: DefaultBulkWorkers}
}

// CheckBulk returns an error wrapping ErrUnfinishedBulk when an
// interrupted bulk load left part of its graph in the database: merging
// more articles into it would count some of its articles twice.
func (db *DB) CheckBulk(ctx context.Context) error {
	n, err := db.count(ctx, "MATCH (a:"+quote(BulkLabel)+") RETURN count(a) AS n")
	if err != nil {
		return fmt.Errorf("check for an unfinished bulk load: %w", err)
	}
	if n > 0 {
		return fmt.Errorf("%w: the database holds part of a graph whose bulk load did not finish (%d articles); run the bulk load again to start it over", ErrUnfinishedBulk, n)
	}
	return nil
}

// Write writes the merged graph of x. The database must be empty, or hold
// only what an unfinished bulk load left, which is deleted first.
func (b *Bulk) Write(ctx context.Context, x *graph.Exporter) (graph.Stats, error) {
	var st graph.Stats
	nodes, err := b.db.count(ctx, "MATCH (n) RETURN count(n) AS n")
	if err != nil {
		return st, fmt.Errorf("bulk load: %w", err)
	}
	if nodes > 0 {
		if err := b.db.CheckBulk(ctx); !errors.Is(err, ErrUnfinishedBulk) {
			if err != nil {
				return st, fmt.Errorf("bulk load: %w", err)
			}
			return st, fmt.Errorf("bulk load: %w: it holds %d nodes (a bulk load writes only into an empty database; load without it to merge)", ErrNotEmpty, nodes)
		}
	}
	// Building an index once over the whole graph costs less than
	// updating it at every write (docs/loading.md); the constraints stay,
	// for the relationships look their ends up by id.
	if err := b.db.dropIndexes(ctx); err != nil {
		return st, fmt.Errorf("bulk load: %w", err)
	}
	if nodes > 0 {
		if err := b.db.DeleteAll(ctx); err != nil {
			return st, fmt.Errorf("bulk load: delete the unfinished load: %w", err)
		}
	}
	size, workers := b.BatchSize, b.Workers
	if size <= 0 {
		size = DefaultBulkBatchSize
	}
	if workers <= 0 {
		workers = 1
	}
	w := &bulkWriter{b: b, pending: map[string]*bulkStep{}, size: size, sem: make(chan struct{}, workers)}
	// Nodes come first in the Exporter's order, Evidence nodes with the
	// relationships they support: every node a relationship joins is
	// written before it. The merge feeds the transactions as it goes.
	err = x.Each(func(n *graph.Node, r *graph.Rel) error {
		if n != nil {
			return w.node(ctx, n)
		}
		if !w.relsStarted {
			// Every node is in before the first relationship.
			if err := w.flushAll(ctx); err != nil {
				return err
			}
			w.relsStarted = true
		}
		return w.rel(ctx, r)
	})
	if err == nil {
		err = w.flushAll(ctx)
	} else {
		w.wg.Wait()
	}
	if err != nil {
		return w.st, fmt.Errorf("bulk load: %w", err)
	}
	if _, err := b.db.applySchema(ctx, false); err != nil {
		return w.st, fmt.Errorf("bulk load: index the graph: %w", err)
	}
	if err := b.db.autocommit(ctx, "MATCH (a:"+quote(BulkLabel)+") CALL (a) { REMOVE a:"+quote(BulkLabel)+" } IN TRANSACTIONS OF 10000 ROWS"); err != nil {
		return w.st, fmt.Errorf("bulk load: unmark its articles: %w", err)
	}
	return w.st, nil
}

// A bulkStep is one CREATE query and the rows waiting for it.
type bulkStep struct {
	query string
	rel   bool
	what  string
	rows  []map[string]any
}

type bulkWriter struct {
	b           *Bulk
	pending     map[string]*bulkStep
	order       []*bulkStep
	size        int
	relsStarted bool

	sem chan struct{} // a slot for each transaction under way
	wg  sync.WaitGroup
	mu  sync.Mutex // guards what the transactions share below
	err error      // the first transaction's that failed
	st  graph.Stats
	// written counts the elements created so far, for Progress.
	written int
}

func (w *bulkWriter) node(ctx context.Context, n *graph.Node) error {
	labels := make([]string, 0, len(n.Labels)+1)
	for _, l := range n.Labels {
		labels = append(labels, quote(l))
	}
	if n.Label() == graph.LabelArticle {
		labels = append(labels, quote(BulkLabel))
	}
	key := strings.Join(labels, ":")
	s := w.pending[key]
	if s == nil {
		q := "UNWIND $batch.rows AS row CREATE (n:" + key + ") SET n = row.p, n.loaded_at = datetime()"
		if n.Label() == graph.LabelEvent {
			q += " WITH n AS e " + eventBounds
		}
		s = &bulkStep{query: q, what: string(n.Label())}
		w.pending[key] = s
		w.order = append(w.order, s)
	}
	return w.add(ctx, s, map[string]any{"p": n.Props})
}

func (w *bulkWriter) rel(ctx context.Context, r *graph.Rel) error {
	if len(r.Start.Labels) == 0 || len(r.End.Labels) == 0 {
		return fmt.Errorf("relationship %s: its ends have no labels", r.ID)
	}
	key := string(r.Type) + "\x00" + string(r.Start.Labels[0]) + "\x00" + string(r.End.Labels[0])
	s := w.pending[key]
	if s == nil {
		s = &bulkStep{
			query: "UNWIND $batch.rows AS row MATCH (a:" + quote(r.Start.Labels[0]) + " {id: row.s}) MATCH (b:" + quote(r.End.Labels[0]) + " {id: row.e}) " +
				"CREATE (a)-[r:" + quote(r.Type) + "]->(b) SET r = row.p, r.loaded_at = datetime()" + withDerived(r.Type, r.Start.Labels[0], r.End.Labels[0]),
			rel:  true,
			what: string(r.Type),
		}
		w.pending[key] = s
		w.order = append(w.order, s)
	}
	return w.add(ctx, s, map[string]any{"s": r.Start.ID, "e": r.End.ID, "p": r.Props})
}

func (w *bulkWriter) add(ctx context.Context, s *bulkStep, row map[string]any) error {
	s.rows = append(s.rows, row)
	if len(s.rows) >= w.size {
		return w.flush(ctx, s)
	}
	return nil
}

// flushAll writes every step's rows and waits for all transactions.
func (w *bulkWriter) flushAll(ctx context.Context) error {
	for _, s := range w.order {
		if err := w.flush(ctx, s); err != nil {
			break
		}
	}
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// flush hands a step's rows to a transaction of their own, once a slot is
// free; it returns the error of a transaction that failed before.
func (w *bulkWriter) flush(ctx context.Context, s *bulkStep) error {
	if len(s.rows) == 0 {
		return nil
	}
	rows := s.rows
	s.rows = make([]map[string]any, 0, w.size)
	select {
	case w.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	w.mu.Lock()
	err := w.err
	w.mu.Unlock()
	if err != nil {
		<-w.sem
		return err
	}
	w.wg.Add(1)
	go func() {
		defer func() { <-w.sem; w.wg.Done() }()
		if err := w.write(ctx, s, rows); err != nil {
			w.mu.Lock()
			if w.err == nil {
				w.err = err
			}
			w.mu.Unlock()
		}
	}()
	return nil
}

// write writes rows of a step in one transaction. A relationship whose
// ends are not both in the graph fails the load: the Exporter never makes
// one, so it means the database is not the one the load started on.
func (w *bulkWriter) write(ctx context.Context, s *bulkStep, rows []map[string]any) error {
	qctx, cancel := w.b.db.QueryContext(ctx)
	defer cancel()
	sess := w.b.db.Session(qctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(qctx))
	params := map[string]any{"batch": map[string]any{"rows": rows}}
	created, err := neo4j.ExecuteWrite(qctx, sess, func(tx neo4j.ManagedTransaction) (int, error) {
		res, err := tx.Run(qctx, s.query, params)
		if err != nil {
			return 0, err
		}
		sum, err := res.Consume(qctx)
		if err != nil {
			return 0, err
		}
		if s.rel {
			return sum.Counters().RelationshipsCreated(), nil
		}
		return sum.Counters().NodesCreated(), nil
	})
	if err != nil {
		return fmt.Errorf("write %s: %w", s.what, err)
	}
	if created != len(rows) {
		return fmt.Errorf("write %s: %d of %d created: an end of a relationship is missing", s.what, created, len(rows))
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if s.rel {
		w.st.RelsCreated += created
	} else {
		w.st.NodesCreated += created
	}
	w.written += created
	if w.b.Progress != nil {
		w.b.Progress(w.written)
	}
	return nil
}

// count runs a query that returns one count as n.
func (db *DB) count(ctx context.Context, query string) (int64, error) {
	qctx, cancel := db.QueryContext(ctx)
	defer cancel()
	res, err := neo4j.ExecuteQuery(qctx, db.Driver, query, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Config.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return 0, err
	}
	if len(res.Records) != 1 {
		return 0, fmt.Errorf("%s: %d records", query, len(res.Records))
	}
	n, _, err := neo4j.GetRecordValue[int64](res.Records[0], "n")
	return n, err
}

// DeleteAll deletes every relationship and node of the database, in
// transactions of 10,000: relationships first, for detaching a node with
// very many in one transaction exceeds the server's transaction memory (a
// hub of a 100,000-article graph does).
func (db *DB) DeleteAll(ctx context.Context) error {
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	} {
		if err := db.autocommit(ctx, q); err != nil {
			return fmt.Errorf("delete all data: %w", err)
		}
	}
	return nil
}

// autocommit runs a query that manages its own transactions (CALL { }
// IN TRANSACTIONS) in an implicit transaction.
func (db *DB) autocommit(ctx context.Context, query string) error {
	sess := db.Session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	res, err := sess.Run(ctx, query, nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
