package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// FulltextIndex is the name of the full-text index over the names and
// aliases of every entity label, for db.index.fulltext.queryNodes.
const FulltextIndex = "entity_names"

// fulltextAnalyzer folds accents, so that "Tshisekedi" finds
// "Tshisékédi" and the other way round.
const fulltextAnalyzer = "standard-folding"

// SchemaStatement is one constraint or index of the schema.
type SchemaStatement struct {
	Name   string
	Cypher string
}

// Schema lists the constraints and indexes geokg relies on: a uniqueness
// constraint on id for every label of the contract (which also indexes
// id, and makes concurrent MERGEs safe), a range index on name for every
// entity label, and a full-text index over the names and aliases of all
// entities. Neo4j 5 full-text indexes take LIST<STRING> properties, so
// aliases need no flattened copy. Every statement says IF NOT EXISTS.
func Schema() []SchemaStatement {
	var out []SchemaStatement
	for _, l := range graph.Labels {
		name := strings.ToLower(string(l)) + "_id"
		out = append(out, SchemaStatement{name, fmt.Sprintf("CREATE CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", name, quote(l))})
	}
	for _, l := range graph.Labels {
		if l == graph.LabelArticle {
			continue
		}
		name := strings.ToLower(string(l)) + "_name"
		out = append(out, SchemaStatement{name, fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.name)", name, quote(l))})
	}
	out = append(out, SchemaStatement{FulltextIndex, fmt.Sprintf(
		"CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [n.name, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: '%s'}}",
		FulltextIndex, graph.JoinLabels(graph.Labels[1:], "|"), fulltextAnalyzer)})
	return out
}

// ApplySchema creates the constraints and indexes of Schema that are
// missing, waits until every index is online, and returns the names of
// those it created. Running it again creates nothing.
func (db *DB) ApplySchema(ctx context.Context) ([]string, error) {
	if err := db.dropUnfoldedIndex(ctx); err != nil {
		return nil, err
	}
	have, err := db.schemaNames(ctx)
	if err != nil {
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
	res, err := sess.Run(ctx, "CALL db.awaitIndexes(300)", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return created, fmt.Errorf("wait for indexes: %w", err)
	}
	return created, nil
}

// dropUnfoldedIndex drops a full-text index made before it folded
// accents, so that ApplySchema makes it again.
func (db *DB) dropUnfoldedIndex(ctx context.Context) error {
	res, err := neo4j.ExecuteQuery(ctx, db.Driver,
		"SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name AND options.indexConfig['fulltext.analyzer'] <> $analyzer RETURN name",
		map[string]any{"name": FulltextIndex, "analyzer": fulltextAnalyzer}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Config.Database))
	if err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	if len(res.Records) == 0 {
		return nil
	}
	_, err = neo4j.ExecuteQuery(ctx, db.Driver, "DROP INDEX "+FulltextIndex+" IF EXISTS", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Config.Database))
	if err != nil {
		return fmt.Errorf("schema %s: drop the index that does not fold accents: %w", FulltextIndex, err)
	}
	return nil
}

// schemaNames returns the names of the constraints and indexes in the
// database.
func (db *DB) schemaNames(ctx context.Context) (map[string]bool, error) {
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
