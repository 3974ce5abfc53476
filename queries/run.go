package queries

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/db"
)

// Result is the rows a query returned, in its column order. Values are as
// the driver gives them; Value turns one into plain data.
type Result struct {
	Columns []string
	Rows    [][]any
}

// NoMatchError says that parameter values match nothing in the graph: a
// name of no node of its kind, a word outside its vocabulary. Problems
// are the rows the query would return instead of an answer, one message
// each, such as `No State, Organization or Leader is named "Atlantis".
// Close names: Atlanta (Region).`
type NoMatchError struct {
	Query    string
	Problems []string
}

func (e *NoMatchError) Error() string {
	return "query " + e.Query + ": " + strings.Join(e.Problems, " ")
}

// Run runs q with params (see Query.Bind) in a read transaction. When a
// name or a word of the parameters matches nothing, it returns a
// *NoMatchError and no rows.
func Run(ctx context.Context, db *store.DB, q *Query, params map[string]any) (*Result, error) {
	return run(ctx, db, q, q.Cypher(), params)
}

// RunTable is Run without the graph column, which it does not compute
// (see Query.TableCypher): the form for scripts.
func RunTable(ctx context.Context, db *store.DB, q *Query, params map[string]any) (*Result, error) {
	res, err := run(ctx, db, q, q.TableCypher(), params)
	if err != nil {
		return nil, err
	}
	return res.Without(GraphColumn), nil
}

func run(ctx context.Context, db *store.DB, q *Query, cypher string, params map[string]any) (*Result, error) {
	ctx, cancel := db.QueryContext(ctx)
	defer cancel()
	sess := db.Session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (*Result, error) {
		rs, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		cols, err := rs.Keys()
		if err != nil {
			return nil, err
		}
		out := &Result{Columns: cols, Rows: [][]any{}}
		for rs.Next(ctx) {
			out.Rows = append(out.Rows, rs.Record().Values)
		}
		if err := rs.Err(); err != nil {
			return nil, err
		}
		// A row that says a value matches nothing has its message first
		// and nothing else; only then are the checks asked, to tell such
		// a row from an answer.
		if q.Checks() == "" || !slices.ContainsFunc(out.Rows, problemRow) {
			return out, nil
		}
		rs, err = tx.Run(ctx, q.Checks(), params)
		if err != nil {
			return nil, err
		}
		var problems []string
		for rs.Next(ctx) {
			if s, ok := rs.Record().Values[0].(string); ok {
				problems = append(problems, s)
			}
		}
		if err := rs.Err(); err != nil {
			return nil, err
		}
		if len(problems) > 0 {
			return nil, &NoMatchError{Query: q.Name, Problems: problems}
		}
		return out, nil
	})
	var miss *NoMatchError
	if errors.As(err, &miss) {
		return nil, miss
	}
	if err != nil {
		return nil, fmt.Errorf("run query %s: %w", q.Name, shortError(err))
	}
	return res, nil
}

// problemRow tells whether row may be one that says a parameter value
// matches nothing: a string first, nothing else.
func problemRow(row []any) bool {
	if _, ok := row[0].(string); !ok {
		return false
	}
	for _, v := range row[1:] {
		if v != nil {
			return false
		}
	}
	return true
}

// luceneError is the gist of the exception Neo4j reports when a full-text
// query is not valid Lucene syntax.
var luceneError = regexp.MustCompile(`lucene\.queryparser\.classic\.\w+: (?:Cannot parse '[^\n]*': )?([^\n]*?)\.?(?:\n|$)`)

// shortError keeps a server error readable: a Lucene syntax error comes
// with a Java exception and the parser's list of expected tokens; a query
// that names an index the database lacks says how to make it.
func shortError(err error) error {
	if m := luceneError.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("not a valid full-text search (Lucene syntax): %s; put a name in double quotes, or escape + - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ / with a backslash", strings.Join(strings.Fields(m[1]), " "))
	}
	if msg := strings.ToLower(err.Error()); strings.Contains(msg, "no such index") || strings.Contains(msg, "no such fulltext schema index") {
		return fmt.Errorf("the database lacks an index this query reads (a graph loaded by an earlier geokg, or imported): run geokg schema apply, which makes it: %w", err)
	}
	return err
}

// Plan is the tree of operators Neo4j would run a query with.
type Plan struct {
	Operator string // without the runtime suffix: "NodeIndexSeek", not "NodeIndexSeek@neo4j"
	Details  string
	Children []*Plan
}

// Explain returns the plan of q with params, without running it.
func Explain(ctx context.Context, db *store.DB, q *Query, params map[string]any) (*Plan, error) {
	ctx, cancel := db.QueryContext(ctx)
	defer cancel()
	sess := db.Session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	p, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (*Plan, error) {
		rs, err := tx.Run(ctx, "EXPLAIN "+q.Cypher(), params)
		if err != nil {
			return nil, err
		}
		sum, err := rs.Consume(ctx)
		if err != nil {
			return nil, err
		}
		if sum.Plan() == nil {
			return nil, fmt.Errorf("the server returned no plan")
		}
		return toPlan(sum.Plan()), nil
	})
	if err != nil {
		return nil, fmt.Errorf("explain query %s: %w", q.Name, err)
	}
	return p, nil
}

// toPlan copies the driver's plan. The driver (v5.28) returns every child
// of an operator with two inputs (Apply, Union, joins) as its last one, so
// the tree is read from the decoded plan the summary wraps; only when that
// is not there are the driver's methods used.
func toPlan(p neo4j.Plan) *Plan {
	if v := reflect.ValueOf(p); v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		if f := v.Elem().FieldByName("plan"); f.IsValid() && f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Type() == reflect.TypeOf(db.Plan{}) {
			return planFromValue(f.Elem())
		}
	}
	op, _, _ := strings.Cut(p.Operator(), "@")
	out := &Plan{Operator: op}
	if d, ok := p.Arguments()["Details"].(string); ok {
		out.Details = d
	}
	for _, c := range p.Children() {
		out.Children = append(out.Children, toPlan(c))
	}
	return out
}

// planFromValue reads a db.Plan struct through reflection, which reads the
// unexported field of the driver's wrapper without copying it.
func planFromValue(v reflect.Value) *Plan {
	op, _, _ := strings.Cut(v.FieldByName("Operator").String(), "@")
	out := &Plan{Operator: op}
	if args := v.FieldByName("Arguments"); args.Kind() == reflect.Map && !args.IsNil() {
		if d := args.MapIndex(reflect.ValueOf("Details")); d.IsValid() {
			if d.Kind() == reflect.Interface {
				d = d.Elem()
			}
			if d.Kind() == reflect.String {
				out.Details = d.String()
			}
		}
	}
	children := v.FieldByName("Children")
	for i := 0; i < children.Len(); i++ {
		out.Children = append(out.Children, planFromValue(children.Index(i)))
	}
	return out
}

// Operators lists the operators of the plan, root first.
func (p *Plan) Operators() []string {
	ops := []string{p.Operator}
	for _, c := range p.Children {
		ops = append(ops, c.Operators()...)
	}
	return ops
}

// String draws the plan as an indented tree, one operator a line.
func (p *Plan) String() string {
	var b strings.Builder
	var walk func(*Plan, int)
	walk = func(p *Plan, depth int) {
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), p.Operator)
		if p.Details != "" {
			fmt.Fprintf(&b, "  %s", p.Details)
		}
		b.WriteByte('\n')
		for _, c := range p.Children {
			walk(c, depth+1)
		}
	}
	walk(p, 0)
	return b.String()
}
