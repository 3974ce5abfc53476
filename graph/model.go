// Package graph is geokg's graph model: the typed vocabulary of the graph
// contract (labels, relationship types, event types, organization kinds),
// nodes, relationships and batches of them, stable ids, the merge rules
// that combine the graphs of many articles, validation, and the export
// encoders (APOC JSON lines, neo4j-admin CSV). It talks to no database:
// package store does.
package graph

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Property names shared by the extractor, the loader and the queries.
const (
	PropID         = "id"
	PropName       = "name"
	PropAliases    = "aliases"
	PropSources    = "sources"
	PropEvidence   = "evidence"
	PropConfidence = "confidence"
	PropType       = "type" // of an Event
	PropKind       = "kind" // of an Organization or a Region
	// An Event's time: date is the day it happened (or began), when the
	// text gives one; date_from and date_to bound it, both days included,
	// whenever the text gives any time; date_precision tells what the
	// bounds are: day, week, month, year, years, range or decade.
	PropDate          = "date"
	PropDateFrom      = "date_from"
	PropDateTo        = "date_to"
	PropDatePrecision = "date_precision"
)

// Node is one node of the graph. Props always holds "id" equal to ID.
type Node struct {
	ID     string         `json:"id"`
	Labels []Label        `json:"labels"`
	Props  map[string]any `json:"properties"`
}

// Label is the node's primary (first) label.
func (n Node) Label() Label {
	if len(n.Labels) == 0 {
		return ""
	}
	return n.Labels[0]
}

// Ref names a relationship endpoint.
type Ref struct {
	ID     string  `json:"id"`
	Labels []Label `json:"labels"`
}

// Ref returns the reference to n used by relationships.
func (n Node) Ref() Ref { return Ref{ID: n.ID, Labels: n.Labels} }

// Rel is one relationship of the graph.
type Rel struct {
	ID    string         `json:"id"`
	Type  RelType        `json:"label"`
	Start Ref            `json:"start"`
	End   Ref            `json:"end"`
	Props map[string]any `json:"properties"`
}

// Batch is the graph extracted from one or more articles: nodes first, then
// the relationships between them.
type Batch struct {
	Nodes []Node
	Rels  []Rel
}

// Len is the number of graph elements (nodes plus relationships).
func (b *Batch) Len() int { return len(b.Nodes) + len(b.Rels) }

// ArticleNode is the Article node of the contract. published is an ISO
// date, or "" when unknown (stored as null); an empty source is left out.
func ArticleNode(id, title, url, published, source string) Node {
	props := map[string]any{PropID: id, "title": title, "url": url, "published": nil}
	if published != "" {
		props["published"] = published
	}
	if source != "" {
		props["source"] = source
	}
	return Node{ID: id, Labels: []Label{LabelArticle}, Props: props}
}

// Slug turns a name into the lower-case, accent-free, dash-separated form
// used in ids, so that "Nikol Pashinyan" and "nikol  pashinyan" agree.
func Slug(name string) string {
	s := norm.NFKD.String(name)
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// EntityID is the stable id of an entity node: its label's prefix and the
// slug of its canonical name ("state:russia", "leader:vladimir-putin").
func EntityID(label Label, name string) string {
	return idPrefix(label) + ":" + Slug(name)
}

// HashID is a stable id made from parts, for nodes and relationships that
// have no canonical name of their own (articles, events, relationships).
func HashID(prefix string, parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return prefix + ":" + hex.EncodeToString(h.Sum(nil))[:16]
}

// RelID is the stable id of the relationship of type typ from start to end:
// the same fact found again, in any article, gets the same id.
func RelID(typ RelType, start, end string) string {
	return HashID("rel", string(typ), start, end)
}

func idPrefix(label Label) string {
	if label == LabelOrganization {
		return "org"
	}
	return strings.ToLower(string(label))
}

// Stats counts what a write did to a store. Created counts come from the
// store's own summaries; an update is an existing element whose properties
// changed.
type Stats struct {
	NodesCreated int `json:"nodes_created"`
	NodesUpdated int `json:"nodes_updated"`
	RelsCreated  int `json:"relationships_created"`
	RelsUpdated  int `json:"relationships_updated"`
}

// Add adds o's counts to s.
func (s *Stats) Add(o Stats) {
	s.NodesCreated += o.NodesCreated
	s.NodesUpdated += o.NodesUpdated
	s.RelsCreated += o.RelsCreated
	s.RelsUpdated += o.RelsUpdated
}
