package graph

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// LabelEvidence labels the stored provenance of a fact: one node per
// relationship (fact) and supporting article. It is not a label of the
// contract; the loader keeps these nodes so that every supporting article
// and sentence of a relationship can be listed, while the relationship
// itself carries only bounded lists and counts.
const LabelEvidence Label = "Evidence"

// RelCoMentioned links two actors (State, Organization, Leader) named by
// the same articles, from the one whose id sorts first; its property
// articles counts those articles. It is derived from MENTIONS when
// loading, so that queries on pairs of actors need not expand every pair
// of mentions. It is not a type of the contract.
const RelCoMentioned RelType = "CO_MENTIONED"

// ActorLabels are the labels whose co-mentions are counted.
var ActorLabels = []Label{LabelLeader, LabelState, LabelOrganization}

// IsActor tells whether l labels an actor whose co-mentions are counted.
func (l Label) IsActor() bool { return slices.Contains(ActorLabels, l) }

// CoMentionID is the id of the CO_MENTIONED relationship between the
// nodes a and b, a's id sorting before b's.
func CoMentionID(a, b string) string { return "co:" + a + " " + b }

// coMention is the CO_MENTIONED relationship from a to b (a's id sorting
// first) counting n articles.
func coMention(a, b Ref, n int64) Rel {
	id := CoMentionID(a.ID, b.ID)
	return Rel{ID: id, Type: RelCoMentioned,
		Start: Ref{ID: a.ID, Labels: a.Labels[:min(1, len(a.Labels))]}, End: Ref{ID: b.ID, Labels: b.Labels[:min(1, len(b.Labels))]},
		Props: map[string]any{PropID: id, PropPairA: a.ID, PropPairB: b.ID, PropArticles: n}}
}

// Properties of Evidence nodes (beside id and rule).
const (
	PropFact      = "fact"      // the relationship's id
	PropFactType  = "type"      // the relationship's type
	PropArticle   = "article"   // the Article's id
	PropPublished = "published" // the article's publication date
	PropSentences = "sentences" // the article's sentences stating the fact
	PropWeight    = "weight"    // ConfidenceWeight(confidence)
	// PropObserved is the day an observation of control or office is
	// about: the change's date when the article gives one, else the
	// article's publication date. Queries of control and office over
	// time order the observations by it.
	PropObserved = "observed"
	// PropUndated is true on an observation without a day (no change
	// date, an undated article) and absent on the others, so that the
	// index of (fact, undated) holds a fact's undated observations alone.
	PropUndated = "undated"
	// PropKey is the article's publication date and id, joined by a
	// space (the date empty when it has none): it orders a fact's
	// observations of the same day as its sources are ordered, so that
	// the index of (fact, observed, key) gives the newest in one read.
	PropKey = "key"
)

// Evidence is one article's support for one fact: the sentences that state
// it, the extractor's confidence and the rules that fired.
type Evidence struct {
	Fact       string
	Type       RelType
	Article    string
	Published  string // "" when the article has no date
	Sentences  []string
	Confidence float64
	Weight     int64
	Rules      []string
	// Change and ChangeDate are what the article says happened to the
	// fact (gain, hold, lose; start, hold, end) and the day it happened,
	// when it says: one observation in the fact's history.
	Change     string
	ChangeDate string
}

// Observed is the day e's observation is about: its change's date, else
// its article's publication date, else "" (an undated observation).
func (e *Evidence) Observed() string {
	if e.ChangeDate != "" {
		return e.ChangeDate
	}
	return e.Published
}

// EvidenceID is the id of the Evidence node of fact and article.
func EvidenceID(fact, article string) string { return HashID("evidence", fact, article) }

// ID is e's node id.
func (e *Evidence) ID() string { return EvidenceID(e.Fact, e.Article) }

// Key ranks supporting articles: newest last, undated first, ties by id,
// as the merge rules rank articles. It is stored as PropKey.
func (e *Evidence) Key() string { return e.Published + " " + e.Article }

// Node is e as a node of label Evidence, in stored form.
func (e *Evidence) Node() Node {
	id := e.ID()
	p := map[string]any{
		PropID: id, PropFact: e.Fact, PropFactType: string(e.Type), PropArticle: e.Article, PropKey: e.Key(),
		PropSentences: nonNilStrings(e.Sentences), PropConfidence: e.Confidence, PropWeight: e.Weight,
	}
	if e.Published != "" {
		p[PropPublished] = e.Published
	}
	if len(e.Rules) > 0 {
		p[PropRule] = e.Rules
	}
	if e.Change != "" {
		p[PropChange] = e.Change
	}
	if e.ChangeDate != "" {
		p[PropChangeDate] = e.ChangeDate
	}
	if o := e.Observed(); o != "" {
		p[PropObserved] = o
	} else {
		p[PropUndated] = true
	}
	return Node{ID: id, Labels: []Label{LabelEvidence}, Props: p}
}

// EvidenceFromNode reads an Evidence node back.
func EvidenceFromNode(n *Node) (*Evidence, error) {
	e := &Evidence{}
	e.Fact, _ = n.Props[PropFact].(string)
	t, _ := n.Props[PropFactType].(string)
	e.Type = RelType(t)
	e.Article, _ = n.Props[PropArticle].(string)
	if e.Fact == "" || e.Article == "" || !slices.Contains(RelTypes, e.Type) || e.Type == RelMentions {
		return nil, fmt.Errorf("evidence %s: needs fact, article and a relationship type of the contract", n.ID)
	}
	if n.ID != e.ID() {
		return nil, fmt.Errorf("evidence %s: id differs from %s, the id of its fact and article", n.ID, e.ID())
	}
	e.Published, _ = n.Props[PropPublished].(string)
	e.Sentences = SortedUnion(nil, Strings(n.Props[PropSentences]), MaxEvidence)
	e.Confidence = toFloat(n.Props[PropConfidence])
	e.Weight = ConfidenceWeight(e.Confidence)
	e.Rules = SortedUnion(nil, Strings(n.Props[PropRule]), 0)
	e.Change, _ = n.Props[PropChange].(string)
	e.ChangeDate, _ = n.Props[PropChangeDate].(string)
	return e, nil
}

// weightScale is the unit of confidence weights: 1e-9.
const weightScale = 1e9

// ConfidenceWeight is −ln(1−c) in units of 10⁻⁹, as an integer: the
// weights of a fact's sources add up to the weight of their noisy-or,
// 1 − Π(1 − cᵢ), and integers add up exactly in any order, so the stored
// confidence does not depend on the order articles arrive in. c is taken
// as at most 1 − 10⁻⁹.
func ConfidenceWeight(c float64) int64 {
	c = max(0, min(c, 1-1/weightScale))
	return int64(math.Round(-math.Log1p(-c) * weightScale))
}

// ConfidenceOf is the confidence of a total weight, 1 − e^(−w), rounded to
// 9 decimals; the loader computes the same expression in Cypher
// (confidenceCypher), and the rounding absorbs the last-bit differences
// between Go's and Java's exp.
func ConfidenceOf(w int64) float64 {
	e := math.Exp(-float64(w) / weightScale)
	x := float64((1 - e) * weightScale)
	return math.Floor(x+0.5) / weightScale
}

// ConfidenceCypher is ConfidenceOf in Cypher, of the integer expression w.
func ConfidenceCypher(w string) string {
	return "floor((1.0 - exp(-toFloat(" + w + ") / 1e9)) * 1e9 + 0.5) / 1e9"
}

// mergeEvidence merges src, the same fact and article, into dst: sentences
// and rules as sorted unions, the confidence and the change of src (the
// article extracted last).
func mergeEvidence(dst, src *Evidence) {
	dst.Sentences = SortedUnion(dst.Sentences, src.Sentences, MaxEvidence)
	dst.Rules = SortedUnion(dst.Rules, src.Rules, 0)
	dst.Confidence, dst.Weight = src.Confidence, src.Weight
	if src.Change != "" {
		dst.Change, dst.ChangeDate = src.Change, src.ChangeDate
	}
	if dst.Published == "" {
		dst.Published = src.Published
	}
}

// aggregate sets the properties of fact r that its evidence decides:
// source_count, confidence_weight, confidence, the MaxSources newest
// sources with their dates, the evidence sentences (at most MaxEvidence,
// the lexically first), the rules, first and last seen.
func aggregate(r *Rel, evs []*Evidence) {
	p := r.Props
	var w int64
	sentences := Strings(p[PropEvidence])
	rules := Strings(p[PropRule])
	for _, e := range evs {
		w += e.Weight
		sentences = SortedUnion(sentences, e.Sentences, MaxEvidence)
		rules = SortedUnion(rules, e.Rules, 0)
		if e.Published != "" {
			widenDates(p, e.Published, e.Published)
		}
	}
	top := make([]*Evidence, len(evs))
	copy(top, evs)
	sort.Slice(top, func(i, j int) bool { return top[i].Key() > top[j].Key() })
	if len(top) > MaxSources {
		top = top[:MaxSources]
	}
	sources, dates := make([]string, len(top)), make([]string, len(top))
	for i, e := range top {
		sources[i], dates[i] = e.Article, e.Published
	}
	p[PropSourceCount] = int64(len(evs))
	p[PropConfidenceWeight] = w
	p[PropConfidence] = ConfidenceOf(w)
	p[PropSources] = sources
	p[PropSourcePublished] = dates
	p[PropEvidence] = nonNilStrings(sentences)
	if len(rules) > 0 {
		p[PropRule] = rules
	} else {
		delete(p, PropRule)
	}
}

func nonNilStrings(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
