// Package graph is geokg's graph model: the labels, relationship types and
// properties of the graph contract, batches of nodes and relationships, and
// their export format (APOC JSON lines).
package graph

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Node labels of the contract.
const (
	LabelArticle      = "Article"
	LabelLeader       = "Leader"
	LabelState        = "State"
	LabelRegion       = "Region"
	LabelOrganization = "Organization"
	LabelEvent        = "Event"
)

// Relationship types of the contract.
const (
	RelMentions   = "MENTIONS"
	RelRepresents = "REPRESENTS"
	RelMediates   = "MEDIATES"
	RelPartyTo    = "PARTY_TO"
	RelControls   = "CONTROLS"
	RelDemands    = "DEMANDS"
	RelLocatedIn  = "LOCATED_IN"
	RelSupports   = "SUPPORTS"
	RelFights     = "FIGHTS"
)

// Labels lists every node label of the contract.
var Labels = []string{LabelArticle, LabelLeader, LabelState, LabelRegion, LabelOrganization, LabelEvent}

// RelTypes lists every relationship type of the contract.
var RelTypes = []string{RelMentions, RelRepresents, RelMediates, RelPartyTo, RelControls, RelDemands, RelLocatedIn, RelSupports, RelFights}

// EventTypes are the allowed values of Event.type.
var EventTypes = []string{"talks", "ceasefire", "agreement", "armed_conflict", "attack", "summit", "election", "sanctions", "prisoner_exchange", "protest", "other"}

// OrgKinds are the allowed values of Organization.kind.
var OrgKinds = []string{"armed_group", "igo", "party", "government_body", "other"}

// Property names shared by the extractor, the loader and the queries.
const (
	PropID         = "id"
	PropName       = "name"
	PropAliases    = "aliases"
	PropSources    = "sources"
	PropEvidence   = "evidence"
	PropConfidence = "confidence"
)

// Node is one node of the graph. Props always holds "id" equal to ID.
type Node struct {
	ID     string         `json:"id"`
	Labels []string       `json:"labels"`
	Props  map[string]any `json:"properties"`
}

// Label is the node's primary (first) label.
func (n Node) Label() string {
	if len(n.Labels) == 0 {
		return ""
	}
	return n.Labels[0]
}

// Ref names a relationship endpoint.
type Ref struct {
	ID     string   `json:"id"`
	Labels []string `json:"labels"`
}

// Ref returns the reference to n used by relationships.
func (n Node) Ref() Ref { return Ref{ID: n.ID, Labels: n.Labels} }

// Rel is one relationship of the graph.
type Rel struct {
	ID    string         `json:"id"`
	Type  string         `json:"label"`
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
func EntityID(label, name string) string {
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
func RelID(typ, start, end string) string {
	return HashID("rel", typ, start, end)
}

func idPrefix(label string) string {
	switch label {
	case LabelOrganization:
		return "org"
	default:
		return strings.ToLower(label)
	}
}
