package queries

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/internal/synth"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// BenchmarkQueries measures every canned query on a graph loaded from
// synthetic articles (10,000 unless GEOKG_BENCH_ARTICLES says otherwise)
// and reports the median and 95th-percentile latency of a run, rows read
// included, and the database hits of one run as PROFILE counts them:
//
//	go test ./queries -run '^$' -bench Queries -benchtime 50x
//
// With GEOKG_BENCH_GRAPH=keep it measures the graph the server holds
// instead (loaded or imported before, e.g. by internal/benchscale), so
// that a large graph is built once for several runs.
func BenchmarkQueries(b *testing.B) {
	n := 10000
	if s := os.Getenv("GEOKG_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("GEOKG_BENCH_ARTICLES=%q: want a positive number", s)
		}
	}
	ctx := context.Background()
	var db *store.DB
	if os.Getenv("GEOKG_BENCH_GRAPH") == "keep" {
		db = neo4jtest.Existing(b)
		if _, err := db.ApplySchema(ctx); err != nil {
			b.Fatal(err)
		}
		b.Logf("the server's graph: %s articles", countArticles(b, db))
	} else {
		db = neo4jtest.DB(b)
		start := time.Now()
		loadSynthetic(b, db, n)
		b.Logf("loaded %d synthetic articles in %v", n, time.Since(start).Round(time.Second))
	}

	lib, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	params := benchParams(b, db)
	for _, q := range lib.All() {
		bound, err := q.Bind(params[q.Name])
		if err != nil {
			b.Fatal(err)
		}
		// The table form is what scripts get (geokg query run); the graph
		// form, with the paths Browser draws, what Browser asks.
		forms := []benchForm{{"", Run, q.Cypher()}}
		if table := q.TableCypher(); table != q.Cypher() {
			forms = []benchForm{{"/table", RunTable, table}, {"/graph", Run, q.Cypher()}}
		}
		for _, f := range forms {
			b.Run(q.Name+f.name, func(b *testing.B) {
				// One run first, untimed: it plans the query and warms the
				// page cache, as any earlier run of the same query would have.
				if _, err := f.run(ctx, db, q, bound); err != nil {
					b.Fatal(err)
				}
				var lat []time.Duration
				rows := 0
				for b.Loop() {
					t0 := time.Now()
					res, err := f.run(ctx, db, q, bound)
					lat = append(lat, time.Since(t0))
					if err != nil {
						b.Fatal(err)
					}
					rows = len(res.Rows)
				}
				slices.Sort(lat)
				ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
				b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
				b.ReportMetric(ms(lat[(len(lat)*95+99)/100-1]), "p95-ms")
				b.ReportMetric(float64(rows), "rows")
				hits, err := dbHits(ctx, db, q.Name, f.cypher, bound)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(hits), "dbhits")
			})
		}
	}
}

// A benchForm is one way of running a query: its name's suffix, the
// function and the Cypher that runs.
type benchForm struct {
	name   string
	run    func(context.Context, *store.DB, *Query, map[string]any) (*Result, error)
	cypher string
}

// dbHits profiles one run of the query called name: the database hits of
// every operator of its plan, summed.
func dbHits(ctx context.Context, db *store.DB, name, cypher string, params map[string]any) (int64, error) {
	n, _, err := profile(ctx, db, name, cypher, params)
	return n, err
}

// profile is dbHits with the operators that hit the database, one a line,
// indented by depth in the plan.
func profile(ctx context.Context, db *store.DB, name, cypher string, params map[string]any) (int64, string, error) {
	sess := db.Session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	var ops strings.Builder
	n, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (int64, error) {
		rs, err := tx.Run(ctx, "PROFILE "+cypher, params)
		if err != nil {
			return 0, err
		}
		// A profile is made once every row is read: consuming a
		// result of more rows than one fetch discards the rest, and the
		// server then has no profile to give.
		for rs.Next(ctx) {
		}
		sum, err := rs.Consume(ctx)
		if err != nil {
			return 0, err
		}
		if sum.Profile() == nil {
			return 0, fmt.Errorf("%s: the server returned no profile", name)
		}
		var total func(p neo4j.ProfiledPlan, depth int) int64
		total = func(p neo4j.ProfiledPlan, depth int) int64 {
			n := p.DbHits()
			if n > 0 {
				fmt.Fprintf(&ops, "%*s%s: %d db hits, %d rows: %.120s\n", depth, "", p.Operator(), n, p.Records(), fmt.Sprint(p.Arguments()["Details"]))
			}
			for _, c := range p.Children() {
				n += total(c, depth+1)
			}
			return n
		}
		return total(sum.Profile(), 0), nil
	})
	return n, ops.String(), err
}

// countArticles is the number of Article nodes, for the log.
func countArticles(b *testing.B, db *store.DB) string {
	b.Helper()
	res, err := Run(context.Background(), db, &Query{Name: "bench-setup", Text: "MATCH (a:Article) RETURN count(a)"}, nil)
	if err != nil || len(res.Rows) == 0 {
		b.Fatalf("count articles: %v", err)
	}
	return fmt.Sprint(res.Rows[0][0])
}

// loadSynthetic loads n synthetic articles with geokg's loader.
func loadSynthetic(b *testing.B, db *store.DB, n int) {
	b.Helper()
	ctx := context.Background()
	if _, err := db.ApplySchema(ctx); err != nil {
		b.Fatal(err)
	}
	d, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	gen, err := synth.New(d, 1)
	if err != nil {
		b.Fatal(err)
	}
	loader := store.NewLoader(db)
	const chunk = 500
	for i := 0; i < n; i += chunk {
		var batches []*graph.Batch
		for j := i; j < min(i+chunk, n); j++ {
			_, batch := gen.Article(j)
			batches = append(batches, batch)
		}
		_, errs, err := loader.Write(ctx, batches)
		if err != nil {
			b.Fatal(err)
		}
		for k, err := range errs {
			if err != nil {
				b.Fatalf("synthetic article %d: %v", i+k, err)
			}
		}
	}
}

// benchParams picks parameters that hit data in the synthetic graph: the
// most-mentioned states, the most-controlled region, the actor that
// controls the most places, the most active mediator, windows of the
// last week of the corpus (or a month, below), and the day of the
// newest load.
func benchParams(b *testing.B, db *store.DB) map[string]map[string]string {
	b.Helper()
	one := func(cypher string) string {
		q := &Query{Name: "bench-setup", Text: cypher}
		res, err := Run(context.Background(), db, q, nil)
		if err != nil || len(res.Rows) == 0 {
			b.Fatalf("%s: %v (%d rows)", cypher, err, len(res.Rows))
		}
		return fmt.Sprint(res.Rows[0][0])
	}
	top := "MATCH (s:State) WITH s, COUNT { (s)<-[:MENTIONS]-() } AS n ORDER BY n DESC, s.name SKIP %d LIMIT 1 RETURN s.name"
	s1, s2 := one(fmt.Sprintf(top, 0)), one(fmt.Sprintf(top, 1))
	region := one("MATCH (r:Region) WITH r, COUNT { (r)<-[:CONTROLS]-() } AS n ORDER BY n DESC, r.name LIMIT 1 RETURN r.name")
	mediator := one("MATCH (m) WHERE m:State OR m:Organization WITH m, COUNT { (m)-[:MEDIATES]->() } AS n ORDER BY n DESC, m.name LIMIT 1 RETURN m.name")
	controller := one("MATCH (c) WHERE c:State OR c:Organization WITH c, COUNT { (c)-[:CONTROLS]->() } AS n ORDER BY n DESC, c.name LIMIT 1 RETURN c.name")
	leader := one(fmt.Sprintf("MATCH (l:Leader)-[:REPRESENTS]->(s:State {name: %q}) RETURN l.name ORDER BY l.name LIMIT 1", s1))
	last := one("MATCH (a:Article) WHERE a.published IS NOT NULL RETURN a.published ORDER BY a.published DESC LIMIT 1")
	// A graph kept from an earlier day was loaded before today.
	// An imported graph (neo4j-admin) has no load times: today then.
	lastLoad := one("OPTIONAL MATCH (a:Article) WHERE a.loaded_at IS NOT NULL WITH a ORDER BY a.loaded_at DESC LIMIT 1 RETURN toString(date(coalesce(a.loaded_at, datetime())))")
	newest, err := time.Parse(time.DateOnly, last)
	if err != nil {
		b.Fatalf("newest article's date %q: %v", last, err)
	}
	// The last week is what the windowed queries are for. Events are
	// often dated by their month only, and a window counts every event of
	// a month it meets, so the last week reads as many events as the days
	// of the newest month (or two) hold: to compare two sizes of corpus,
	// GEOKG_BENCH_WINDOW=month reads the month before the newest
	// article's, a whole month at every size. GEOKG_BENCH_WINDOW=all
	// asks the queries of an actor's events (timeline, mediators,
	// region-mediators, control-history) and leaders about the whole
	// history instead.
	from, to := newest.AddDate(0, 0, -7), newest
	whole := false
	switch w := os.Getenv("GEOKG_BENCH_WINDOW"); w {
	case "", "week":
	case "month":
		from = time.Date(newest.Year(), newest.Month()-1, 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(0, 1, -1)
	case "all":
		whole = true
	default:
		b.Fatalf("GEOKG_BENCH_WINDOW=%q: want week, month or all", w)
	}
	since, until := from.Format(time.DateOnly), to.Format(time.DateOnly)
	// period is the window of the queries of a history (events, control).
	period := func(p map[string]string) map[string]string {
		if !whole {
			p["from"], p["to"] = since, until
		}
		return p
	}
	// leaders of the period, or every leader the actor has had.
	leaders := map[string]string{"actor": s1}
	if !whole {
		leaders["from"], leaders["as_of"] = since, until
	}
	return map[string]map[string]string{
		"actor":                 {"name": s1},
		"actor-controls":        {"actor": controller},
		"allies-and-enemies":    {"actor": s1},
		"co-occurring":          {"actor": s1},
		"control-history":       period(map[string]string{"region": region}),
		"demands":               {"actor": s1},
		"evidence":              {"from": s1, "to": s2},
		"leaders":               leaders,
		"loaded-since":          {"since": lastLoad},
		"mediation-leaderboard": {"since": since},
		"mediators":             period(map[string]string{"a": s1, "b": s2}),
		"most-mentioned":        {"from": since, "to": until},
		"network":               {"actor": s1},
		"new-since":             {"since": since},
		"region-control":        {"region": region},
		"region-mediators":      period(map[string]string{"region": region}),
		"search":                {"q": "republic"},
		"shortest-path":         {"a": mediator, "b": leader},
		"timeline":              period(map[string]string{"name": s1}),
	}
}
