package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// FulltextIndex is the name of the full-text index over the names and
// aliases of every entity label and of events, for
// db.index.fulltext.queryNodes.
const FulltextIndex = "entity_names"

// ActorIndex is the full-text index over the names and aliases of
// leaders, states, regions and organizations only: a name lookup through
// it does not wade through the events, whose names repeat the actors'
// ("talks: Armenia – Azerbaijan") and grow with the corpus.
const ActorIndex = "actor_names"

// fulltextAnalyzer folds accents in both full-text indexes, so that
// "Tshisekedi" finds "Tshisékédi" and the other way round.
const fulltextAnalyzer = "standard-folding"

// SchemaStatement is one constraint or index of the schema.
type SchemaStatement struct {
	Name   string
	Cypher string
}

// Schema lists the constraints and indexes geokg relies on, each with IF
// NOT EXISTS:
//
//   - a uniqueness constraint on id for every label of the contract and
//     for Evidence (which also indexes id, and makes concurrent MERGEs
//     safe);
//   - range indexes on name for every entity label;
//   - full-text indexes over names and aliases, folding accents:
//     entity_names (entities and events) and actor_names (entities only).
//     Neo4j 5 full-text indexes take LIST<STRING> properties, so aliases
//     need no flattened copy;
//   - range indexes where queries filter or join: Article.published and
//     loaded_at, first_seen of every entity label and of Event, Event.date,
//     Evidence.fact and Evidence.article, and id and first_seen of every
//     relationship type but MENTIONS. Dates are ISO strings, which sort as
//     dates, so these indexes serve range predicates on them;
//   - composite indexes on Evidence (fact, observed, key) and (fact,
//     change, observed), which give a fact's newest report on or before a
//     day, and its newest change of a kind, in a few reads however many
//     reports it has, on that day too (queries' geokg.asOf). The second
//     holds only the reports that tell a change: a composite index leaves
//     out a node that lacks one of its properties;
//   - composite indexes on PARTY_TO and MEDIATES (actor, starts, ends) and
//     (actor, long_until), and on LOCATED_IN (place, starts, ends) and
//     (place, long_until): an actor's or a place's events of a period
//     (eventBounds);
//   - indexes on CO_MENTIONED (articles), (a, articles) and (b,
//     articles), which give the pairs most named together first, and an
//     actor's companions, so that a query reads the few it shows, not
//     every pair, nor every actor ever named with a busy one.
func Schema() []SchemaStatement {
	var out []SchemaStatement
	add := func(name, format string, args ...any) {
		out = append(out, SchemaStatement{name, fmt.Sprintf("CREATE "+format, append([]any{name}, args...)...)})
	}
	lower := func(s string) string { return strings.ToLower(s) }
	for _, l := range append(append([]graph.Label(nil), graph.Labels...), graph.LabelEvidence) {
		add(lower(string(l))+"_id", "CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", quote(l))
	}
	for _, l := range graph.Labels[1:] {
		add(lower(string(l))+"_name", "INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.name)", quote(l))
	}
	folding := "OPTIONS {indexConfig: {`fulltext.analyzer`: '" + fulltextAnalyzer + "'}}"
	add(FulltextIndex, "FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [n.name, n.aliases] "+folding, graph.JoinLabels(graph.Labels[1:], "|"))
	add(ActorIndex, "FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [n.name, n.aliases] "+folding, graph.JoinLabels(graph.EntityLabels, "|"))
	add("article_published", "INDEX %s IF NOT EXISTS FOR (n:Article) ON (n.published)")
	add("article_loaded_at", "INDEX %s IF NOT EXISTS FOR (n:Article) ON (n.loaded_at)")
	for _, l := range graph.Labels[1:] {
		add(lower(string(l))+"_first_seen", "INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.first_seen)", quote(l))
	}
	add("event_date", "INDEX %s IF NOT EXISTS FOR (n:Event) ON (n.date)")
	add("evidence_fact", "INDEX %s IF NOT EXISTS FOR (n:Evidence) ON (n.fact)")
	add("evidence_article", "INDEX %s IF NOT EXISTS FOR (n:Evidence) ON (n.article)")
	add(evidenceDayIndex, "INDEX %s IF NOT EXISTS FOR (n:Evidence) ON (n.fact, n.observed, n.key)")
	add("evidence_fact_change", "INDEX %s IF NOT EXISTS FOR (n:Evidence) ON (n.fact, n.change, n.observed)")
	add(evidenceUndatedIndex, "INDEX %s IF NOT EXISTS FOR (n:Evidence) ON (n.fact, n.undated)")
	add(coMentionedIndex+"_"+graph.PropArticles, "INDEX %s IF NOT EXISTS FOR ()-[c:%s]-() ON (c.%s)", quote(graph.RelCoMentioned), graph.PropArticles)
	for _, end := range []string{graph.PropPairA, graph.PropPairB} {
		add(coMentionedIndex+"_"+end, "INDEX %s IF NOT EXISTS FOR ()-[c:%s]-() ON (c.%s, c.%s)", quote(graph.RelCoMentioned), end, graph.PropArticles)
	}
	for _, k := range eventRels {
		key := EventRelKey(k.typ, k.start, k.end)
		add(lower(string(k.typ))+"_"+key+"_"+propStarts+"_"+propEnds, "INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.%s, r.%s, r.%s)", quote(k.typ), key, propStarts, propEnds)
		add(lower(string(k.typ))+"_"+key+"_"+propLongUntil, "INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.%s, r.%s)", quote(k.typ), key, propLongUntil)
	}
	for _, t := range BetweenTypes {
		add(lower(string(t))+"_"+PropBetween, "INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.%s)", quote(t), PropBetween)
	}
	add(withinIndex, "INDEX %s IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.%s)", PropWithin)
	add(ofIndex, "INDEX %s IF NOT EXISTS FOR ()-[r:REPRESENTS]-() ON (r.%s, r.last_seen)", PropOf)
	for _, t := range graph.RelTypes {
		if t == graph.RelMentions {
			continue
		}
		add(lower(string(t))+"_id", "INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.id)", quote(t))
		add(lower(string(t))+"_first_seen", "INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.first_seen)", quote(t))
	}
	return out
}

// ApplySchema creates the constraints and indexes of Schema that are
// missing, waits until every index is online, and returns the names of
// those it created. Running it again creates nothing.
func (db *DB) ApplySchema(ctx context.Context) ([]string, error) {
	return db.applySchema(ctx, true)
}

// applySchema is ApplySchema; upgrade says whether the graph may have
// been written by an earlier geokg, whose co-mentions lack their ends.
func (db *DB) applySchema(ctx context.Context, upgrade bool) ([]string, error) {
	created, err := db.createSchema(ctx, upgrade)
	if err != nil {
		return created, err
	}
	return created, db.awaitIndexes(ctx)
}

// createSchema creates what is missing of Schema; each statement returns
// at once, the indexes building in the background.
func (db *DB) createSchema(ctx context.Context, upgrade bool) ([]string, error) {
	have, err := db.schemaNames(ctx)
	if err != nil {
		return nil, err
	}
	// The fills give a graph loaded before what the loader now derives
	// (co-mentions' ends, events' bounds, evidence's days and keys,
	// relationships' ends), each once, in batches of their own: as long
	// as the graph needs, not one query's time.
	if upgrade {
		for _, f := range []struct {
			missing bool
			fill    func(context.Context) error
		}{
			{!have[coMentionedIndex+"_"+graph.PropPairA], db.fillPairEnds},
			{!have[eventStartsIndex], db.fillEventBounds},
			{!have[evidenceUndatedIndex] || !have[evidenceDayIndex], db.fillEvidence},
			{!have[betweenIndex] || !have[withinIndex], db.fillBetween},
			{!have[ofIndex] && have[betweenIndex] && have[withinIndex], db.fillOf},
		} {
			if f.missing {
				if err := f.fill(ctx); err != nil {
					return nil, err
				}
			}
		}
	}
	ctx, cancel := db.QueryContext(ctx)
	defer cancel()
	if err := db.dropUnfoldedIndexes(ctx); err != nil {
		return nil, err
	}
	if err := db.dropRetiredIndexes(ctx, have); err != nil {
		return nil, err
	}
	if have, err = db.schemaNames(ctx); err != nil {
		return nil, err
	}
	var created []string
	sess := db.Session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	for _, s := range Schema() {
		if have[s.Name] {
			continue
		}
		res, err := sess.Run(ctx, s.Cypher, nil)
		if err == nil {
			var sum neo4j.ResultSummary
			sum, err = res.Consume(ctx)
			if err == nil && sum.Counters().ConstraintsAdded()+sum.Counters().IndexesAdded() > 0 {
				created = append(created, s.Name)
			}
		}
		if err != nil {
			return created, fmt.Errorf("schema %s: %w", s.Name, err)
		}
	}
	return created, nil
}

// awaitIndexes waits until every index is online. Building them over a
// large graph takes longer than any one query may (the query timeout):
// each look at them is a query of its own, the wait is not bounded.
func (db *DB) awaitIndexes(ctx context.Context) error {
	for pause := 50 * time.Millisecond; ; pause = min(2*pause, time.Second) {
		qctx, cancel := db.QueryContext(ctx)
		res, err := neo4j.ExecuteQuery(qctx, db.Driver,
			"SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE' RETURN name, state ORDER BY name", nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db.Config.Database))
		cancel()
		if err != nil {
			return fmt.Errorf("wait for indexes: %w", err)
		}
		if len(res.Records) == 0 {
			return nil
		}
		for _, r := range res.Records {
			if state, _ := r.Values[1].(string); state == "FAILED" {
				return fmt.Errorf("wait for indexes: index %v failed to build (SHOW INDEXES tells why)", r.Values[0])
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for indexes: %w", ctx.Err())
		case <-time.After(pause):
		}
	}
}

// dropIndexes drops the indexes of Schema, keeping its constraints,
// which the writes that follow look nodes up by.
func (db *DB) dropIndexes(ctx context.Context) error {
	have, err := db.schemaNames(ctx)
	if err != nil {
		return err
	}
	for _, s := range Schema() {
		if !have[s.Name] || s.constraint() {
			continue
		}
		if err := db.autocommit(ctx, "DROP INDEX "+quote(s.Name)+" IF EXISTS"); err != nil {
			return fmt.Errorf("schema %s: drop: %w", s.Name, err)
		}
	}
	return nil
}

func (s SchemaStatement) constraint() bool { return strings.HasPrefix(s.Cypher, "CREATE CONSTRAINT") }

// eventRels are the relationships that keep their event's bounds, one of
// each type (EventRelKey).
var eventRels = []struct {
	typ        graph.RelType
	start, end graph.Label
}{
	{graph.RelPartyTo, graph.LabelState, graph.LabelEvent},
	{graph.RelMediates, graph.LabelState, graph.LabelEvent},
	{graph.RelLocatedIn, graph.LabelEvent, graph.LabelRegion},
}

// eventStartsIndex is the first index of eventRels: a graph without it
// may hold Events and relationships without their bounds, or with those
// of an earlier geokg (relationships without ends, events of 31 days
// without long_until).
const eventStartsIndex = "party_to_" + propActor + "_" + propStarts + "_" + propEnds

// evidenceUndatedIndex holds each fact's observations without a day: a
// graph without it may hold Evidence without observed or undated.
const evidenceUndatedIndex = "evidence_fact_undated"

// evidenceDayIndex orders a fact's reports by day, and those of a day as
// its sources: a graph without it may hold Evidence without key.
const evidenceDayIndex = "evidence_fact_observed_key"

// fillEvidence gives the Evidence nodes of a graph loaded before they kept
// the day they are about (or, undated, said so) and their key, what they
// lack of these, in one pass over them, once, before the indexes of the
// undated and of the reports by day are made.
func (db *DB) fillEvidence(ctx context.Context) error {
	if err := db.autocommit(ctx, `MATCH (x:Evidence) WHERE x.key IS NULL OR x.observed IS NULL AND x.undated IS NULL
CALL (x) {
  WITH x, x.observed IS NULL AND x.undated IS NULL AS dayless, coalesce(x.change_date, x.published) AS day
  SET x.observed = CASE WHEN dayless THEN day ELSE x.observed END,
    x.undated = CASE WHEN dayless AND day IS NULL THEN true ELSE x.undated END,
    x.key = coalesce(x.key, coalesce(x.published, '') + ' ' + x.article)
} IN TRANSACTIONS OF 10000 ROWS`); err != nil {
		return fmt.Errorf("schema: fill the days and keys of evidence: %w", err)
	}
	return nil
}

// dropRetiredIndexes drops the indexes an earlier geokg made that an
// index of Schema now does the work of, those the database has (have):
// each costs every write and serves no read.
func (db *DB) dropRetiredIndexes(ctx context.Context, have map[string]bool) error {
	retired := []string{"evidence_fact_observed"}
	// The events' indexes on the first day alone, before their last day
	// joined it (eventRels' names, as Schema makes them).
	for _, k := range eventRels {
		retired = append(retired, strings.ToLower(string(k.typ))+"_"+EventRelKey(k.typ, k.start, k.end)+"_"+propStarts)
	}
	for _, name := range retired {
		if !have[name] {
			continue
		}
		if err := db.autocommit(ctx, "DROP INDEX "+quote(name)+" IF EXISTS"); err != nil {
			return fmt.Errorf("schema %s: drop the index geokg no longer reads: %w", name, err)
		}
	}
	return nil
}

// betweenIndex is the first index of BetweenTypes: a graph without it
// may hold relationships without their ends' key.
const betweenIndex = "represents_" + PropBetween

// withinIndex gives the places inside a place.
const withinIndex = "located_in_" + PropWithin

// ofIndex gives an actor's leaders by their last report.
const ofIndex = "represents_" + PropOf + "_last_seen"

// coMentionedIndex begins the names of the indexes of CO_MENTIONED.
const coMentionedIndex = "co_mentioned"

// fillPairEnds gives the CO_MENTIONED relationships of a database loaded
// before they kept their ends' ids those ids, once, before their index is
// made.
func (db *DB) fillPairEnds(ctx context.Context) error {
	if err := db.autocommit(ctx, `MATCH (p)-[c:CO_MENTIONED]->(q) WHERE c.a IS NULL
CALL (p, q, c) { SET c.a = p.id, c.b = q.id } IN TRANSACTIONS OF 10000 ROWS`); err != nil {
		return fmt.Errorf("schema: fill the ends of co-mentions: %w", err)
	}
	return nil
}

// dropUnfoldedIndexes drops the full-text indexes made before they folded
// accents, so that ApplySchema makes them again.
func (db *DB) dropUnfoldedIndexes(ctx context.Context) error {
	res, err := neo4j.ExecuteQuery(ctx, db.Driver,
		"SHOW FULLTEXT INDEXES YIELD name, options WHERE name IN $names AND options.indexConfig['fulltext.analyzer'] <> $analyzer RETURN name",
		map[string]any{"names": []any{FulltextIndex, ActorIndex}, "analyzer": fulltextAnalyzer}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Config.Database))
	if err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	for _, r := range res.Records {
		name, _ := r.Values[0].(string)
		_, err = neo4j.ExecuteQuery(ctx, db.Driver, "DROP INDEX "+quote(name)+" IF EXISTS", nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db.Config.Database))
		if err != nil {
			return fmt.Errorf("schema %s: drop the index that does not fold accents: %w", name, err)
		}
	}
	return nil
}

// schemaNames returns the names of the constraints and indexes in the
// database.
func (db *DB) schemaNames(ctx context.Context) (map[string]bool, error) {
	ctx, cancel := db.QueryContext(ctx)
	defer cancel()
	names := map[string]bool{}
	for _, q := range []string{"SHOW CONSTRAINTS YIELD name RETURN name", "SHOW INDEXES YIELD name RETURN name"} {
		res, err := neo4j.ExecuteQuery(ctx, db.Driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db.Config.Database), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			return nil, fmt.Errorf("read schema: %w", err)
		}
		for _, r := range res.Records {
			n, _, err := neo4j.GetRecordValue[string](r, "name")
			if err != nil {
				return nil, fmt.Errorf("read schema: %w", err)
			}
			names[n] = true
		}
	}
	return names, nil
}

// HasSchema tells whether every constraint and index of Schema exists.
func (db *DB) HasSchema(ctx context.Context) (bool, error) {
	have, err := db.schemaNames(ctx)
	if err != nil {
		return false, err
	}
	for _, s := range Schema() {
		if !have[s.Name] {
			return false, nil
		}
	}
	return true, nil
}
