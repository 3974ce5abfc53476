package store

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ProvenanceQuery lists every article that supports the relationship
// whose id is $id, newest first, with the sentences that state the fact in
// it, the extractor's confidence and the rules that fired: the
// relationship itself keeps only the newest sources (graph.MaxSources) and
// their count. Both lookups are index seeks (evidence_fact, article_id).
const ProvenanceQuery = `MATCH (x:Evidence {fact: $id})
MATCH (ar:Article {id: x.article})
RETURN ar.id AS article, ar.published AS published, ar.title AS title, ar.url AS url,
       x.sentences AS sentences, x.confidence AS confidence, x.rule AS rule
ORDER BY coalesce(published, '') DESC, article DESC`

// Support is one row of ProvenanceQuery.
type Support struct {
	Article    string
	Published  string
	Title      string
	URL        string
	Sentences  []string
	Confidence float64
	Rules      []string
}

// Provenance runs ProvenanceQuery for the relationship id.
func (db *DB) Provenance(ctx context.Context, id string) ([]Support, error) {
	res, err := neo4j.ExecuteQuery(ctx, db.Driver, ProvenanceQuery, map[string]any{"id": id}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Config.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, fmt.Errorf("provenance of %s: %w", id, err)
	}
	out := make([]Support, 0, len(res.Records))
	for _, r := range res.Records {
		var s Support
		m := r.AsMap()
		s.Article, _ = m["article"].(string)
		s.Published, _ = m["published"].(string)
		s.Title, _ = m["title"].(string)
		s.URL, _ = m["url"].(string)
		s.Confidence, _ = m["confidence"].(float64)
		s.Sentences = stringsOf(m["sentences"])
		s.Rules = stringsOf(m["rule"])
		out = append(out, s)
	}
	return out, nil
}

func stringsOf(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
