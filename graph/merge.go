package graph

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

// Properties the loader maintains itself, beside the contract's.
const (
	// PropSourceCount is the number of articles that support a
	// relationship: its Evidence nodes. PropSources lists at most
	// MaxSources of them, the newest, newest first, with their
	// publication dates in PropSourcePublished ("" for none).
	PropSourceCount     = "source_count"
	PropSourcePublished = "source_published"
	// PropConfidenceWeight is the sum of the ConfidenceWeight of every
	// supporting article; the relationship's confidence is
	// ConfidenceOf(it), the noisy-or 1 − Π(1 − cᵢ) of their confidences.
	PropConfidenceWeight = "confidence_weight"
	// PropSourceConfidence is parallel to the full sources list of files
	// written before sources were bounded; it is read, never written.
	PropSourceConfidence = "source_confidence"
	// PropFirstSeen and PropLastSeen are the earliest and latest
	// publication dates of the articles behind a node or relationship.
	PropFirstSeen = "first_seen"
	PropLastSeen  = "last_seen"
	// PropUpdatedFrom is the precedence key ("published articleID") of the
	// article whose scalar properties the element carries: the most
	// recently published article wins, whatever the order of loading.
	PropUpdatedFrom = "updated_from"
	// PropRule lists the ids of the extraction rules that made a
	// relationship or an event: a sorted union.
	PropRule = "rule"
	// PropChange and PropChangeDate say how a relationship changed
	// (gain, hold, lose; start, hold, end) and when: scalars, set by the
	// newest article.
	PropChange     = "change"
	PropChangeDate = "change_date"
	// PropArticles counts the articles behind a CO_MENTIONED relationship.
	PropArticles = "articles"
	// PropPairA and PropPairB are the ids of a CO_MENTIONED relationship's
	// start and end: indexed with articles, they list an actor's
	// companions most shared first without reading the others.
	PropPairA = "a"
	PropPairB = "b"
	// PropLoadedAt is when the database first stored a node or a
	// relationship (a DATETIME, set on create and never changed): for an
	// Article, when the article was loaded. Merger never sets it.
	PropLoadedAt = "loaded_at"
)

// LoadTimeProps are the properties that record when something was loaded,
// not what the articles say: two loads of the same articles differ only
// in them, so graph comparisons leave them out.
var LoadTimeProps = []string{PropLoadedAt}

// MaxEvidence is how many evidence sentences a relationship keeps (and an
// Evidence node, and an Event): the lexically smallest of all seen, so the
// choice does not depend on the order in which articles are loaded.
const MaxEvidence = 5

// MaxSources is how many article ids a relationship keeps in sources: the
// newest. Every supporting article is an Evidence node.
const MaxSources = 10

// IsMerged tells the properties the merge rules combine (or the loader
// keeps) from those, every other one, that the newest article sets.
func IsMerged(prop string) bool { return mergedProps[prop] }

var mergedProps = map[string]bool{
	PropID: true, PropAliases: true, PropSources: true, PropEvidence: true,
	PropConfidence: true, PropSourceConfidence: true, PropSourceCount: true,
	PropSourcePublished: true, PropConfidenceWeight: true, PropRule: true,
	PropFirstSeen: true, PropLastSeen: true, PropUpdatedFrom: true, PropLoadedAt: true,
	// An Event's time: events.go.
	PropDate: true, PropDateFrom: true, PropDateTo: true, PropDatePrecision: true,
}

// A Merger combines batches into one graph with the same merge rules the
// loader applies in the database: one node per id and one relationship per
// id; aliases, rules and evidence sentences as sorted unions; first and
// last seen as min and max publication dates; scalar properties from the
// newest article. Each relationship's support by each article is kept as
// an Evidence record, from which the relationship's bounded sources, its
// source_count and its confidence follow; co-mentions of actors are
// counted from MENTIONS. Because every rule is commutative, the result does
// not depend on the order of the batches.
type Merger struct {
	nodes    map[string]*Node
	rels     map[string]*Rel
	evidence map[string]*Evidence
	// stored holds the aggregates that relationships read in stored form
	// carry, for those whose Evidence is not merged here (a part of the
	// database read back to be corrected).
	stored map[string]*factAgg
	// storedEvents holds the sources of Event nodes read in stored form.
	storedEvents map[string]*factAgg
	// published maps Article ids to publication dates, to date the
	// relationships they support and the nodes they mention.
	published map[string]string
}

// NewMerger returns an empty Merger.
func NewMerger() *Merger {
	return &Merger{nodes: map[string]*Node{}, rels: map[string]*Rel{}, evidence: map[string]*Evidence{}, stored: map[string]*factAgg{}, storedEvents: map[string]*factAgg{}, published: map[string]string{}}
}

// Len is the number of distinct nodes, relationships and evidence records
// merged so far.
func (m *Merger) Len() int { return len(m.nodes) + len(m.rels) + len(m.evidence) }

// Add merges b, which must be valid (see Validate). When b holds exactly
// one Article node, b is taken to be that article's graph: its elements
// are dated and ranked by the article. b may be in stored form (Evidence
// nodes, relationships with source_count, CO_MENTIONED): the aggregates
// are computed again from the evidence, and co-mentions from MENTIONS.
func (m *Merger) Add(b *Batch) {
	key, published := unitKey(b)
	m.add(b, key, published)
}

// AddPart merges b, a part of a larger graph, as Add does, but never takes
// it to be one article's graph, even when it holds one Article node.
func (m *Merger) AddPart(b *Batch) { m.add(b, "", "") }

// add merges b, dating and ranking its elements by the article of key and
// published when key is not empty.
func (m *Merger) add(b *Batch, key, published string) {
	unitArticle := ""
	for _, n := range b.Nodes {
		if n.Label() == LabelArticle {
			unitArticle = n.ID
			if p, _ := n.Props[PropPublished].(string); p != "" {
				m.published[n.ID] = p
			}
		}
	}
	if key == "" {
		unitArticle = ""
	}
	for i := range b.Nodes {
		n := &b.Nodes[i]
		if n.Label() == LabelEvidence {
			if e, err := EvidenceFromNode(n); err == nil {
				m.addEvidence(e)
			}
			continue
		}
		if n.Label() == LabelEvent {
			if a := storedEventSources(n.Props); a != nil {
				if old := m.storedEvents[n.ID]; old != nil {
					old.merge(a)
				} else {
					m.storedEvents[n.ID] = a
				}
			}
		}
		m.addNode(canonicalNode(n, key))
	}
	for i := range b.Rels {
		r := &b.Rels[i]
		switch r.Type {
		case RelCoMentioned:
			continue
		case RelMentions:
			c := canonicalRel(r, key)
			m.addRel(c)
			if p := m.published[r.Start.ID]; p != "" {
				if n := m.nodes[r.End.ID]; n != nil {
					widenDates(n.Props, p, p)
				}
			}
		default:
			m.addRel(canonicalRel(r, key))
			if a := storedAgg(r); a != nil {
				if old := m.stored[r.ID]; old != nil {
					old.merge(a)
				} else {
					m.stored[r.ID] = a
				}
			}
			for _, e := range evidenceOf(r, unitArticle, published, m.published) {
				m.addEvidence(e)
			}
		}
	}
}

// Batch returns the merged graph in stored form, nodes and relationships
// sorted by label or type and id: Evidence nodes after the contract's
// labels, and CO_MENTIONED relationships counted from MENTIONS.
func (m *Merger) Batch() *Batch {
	p := m.Parts()
	b := &Batch{Nodes: make([]Node, 0, len(p.Nodes)+len(m.evidence)), Rels: make([]Rel, 0, len(m.rels))}
	b.Nodes = append(b.Nodes, p.Nodes...)
	eventSources(b.Nodes, p.Mentions, m.published, m.storedEvents)
	for _, f := range p.Facts {
		for _, e := range f.Evidence {
			b.Nodes = append(b.Nodes, e.Node())
		}
		if f.Rel != nil {
			r := *f.Rel
			r.Props = copyProps(r.Props)
			if a := m.stored[r.ID]; a != nil && len(f.Evidence) == 0 {
				a.apply(&r)
			} else {
				aggregate(&r, f.Evidence)
			}
			b.Rels = append(b.Rels, r)
		}
	}
	b.Rels = append(b.Rels, p.Mentions...)
	b.Rels = append(b.Rels, coMentions(p.Mentions)...)
	sortBatch(b)
	return b
}

// StoredElement is n or r (exactly one of them), an element of a graph in
// stored form such as a database holds, as Merger.Batch gives it when the
// whole graph is merged: its properties in canonical form without load
// times, the aggregates of a relationship or an Event read from its
// stored ones. On a graph the merge rules made, those equal what the
// whole graph's Evidence nodes and MENTIONS give, so a graph can be
// written one element at a time. A CO_MENTIONED relationship, which
// Merger counts from MENTIONS, keeps its count. A relationship stored
// before Evidence nodes existed (sources without source_count) comes with
// an Evidence node for each source, without its publication date.
func StoredElement(n *Node, r *Rel) *Batch {
	if r != nil && r.Type == RelCoMentioned {
		return &Batch{Rels: []Rel{coMention(r.Start, r.End, int64(toFloat(r.Props[PropArticles])))}}
	}
	b := &Batch{}
	if n != nil {
		b.Nodes = []Node{*n}
	} else {
		b.Rels = []Rel{*r}
	}
	m := NewMerger()
	m.AddPart(b)
	return m.Batch()
}

// sortBatch sorts nodes by label (the contract's order, then others by
// name) and id, relationships by type and id.
func sortBatch(b *Batch) {
	sort.Slice(b.Nodes, func(i, j int) bool {
		if a, c := b.Nodes[i].Label(), b.Nodes[j].Label(); a != c {
			if ra, rc := a.Rank(), c.Rank(); ra != rc {
				return ra < rc
			}
			return a < c
		}
		return b.Nodes[i].ID < b.Nodes[j].ID
	})
	sort.Slice(b.Rels, func(i, j int) bool {
		if a, c := b.Rels[i].Type, b.Rels[j].Type; a != c {
			return a < c
		}
		return b.Rels[i].ID < b.Rels[j].ID
	})
}

// Parts is a Merger's content by kind, for a writer that applies the
// aggregate rules itself, as the loader does in Cypher.
type Parts struct {
	// Nodes are the Article, entity and Event nodes, dated by the MENTIONS
	// merged so far.
	Nodes []Node
	// Facts are the relationships other than MENTIONS, each with its
	// evidence, and the evidence whose relationship was not merged.
	Facts []Fact
	// Mentions are the MENTIONS relationships.
	Mentions []Rel
}

// Fact is a relationship and the evidence merged for it. Rel is nil for
// evidence whose relationship is in another batch; its properties are as
// merged, without the aggregates that aggregate computes.
type Fact struct {
	ID       string
	Type     RelType
	Rel      *Rel
	Evidence []*Evidence
}

// Parts returns the merged nodes, facts and mentions, each sorted by id.
func (m *Merger) Parts() Parts {
	for _, r := range m.rels {
		if r.Type != RelMentions {
			continue
		}
		if p := m.published[r.Start.ID]; p != "" {
			if n := m.nodes[r.End.ID]; n != nil {
				widenDates(n.Props, p, p)
			}
		}
	}
	var p Parts
	for _, n := range m.nodes {
		p.Nodes = append(p.Nodes, *n)
	}
	facts := map[string]*Fact{}
	for _, r := range m.rels {
		if r.Type == RelMentions {
			p.Mentions = append(p.Mentions, *r)
			continue
		}
		facts[r.ID] = &Fact{ID: r.ID, Type: r.Type, Rel: r}
	}
	for _, e := range m.evidence {
		f := facts[e.Fact]
		if f == nil {
			f = &Fact{ID: e.Fact, Type: e.Type}
			facts[e.Fact] = f
		}
		f.Evidence = append(f.Evidence, e)
	}
	for _, f := range facts {
		sort.Slice(f.Evidence, func(i, j int) bool { return f.Evidence[i].Article < f.Evidence[j].Article })
		p.Facts = append(p.Facts, *f)
	}
	sort.Slice(p.Nodes, func(i, j int) bool { return p.Nodes[i].ID < p.Nodes[j].ID })
	sort.Slice(p.Facts, func(i, j int) bool { return p.Facts[i].ID < p.Facts[j].ID })
	sort.Slice(p.Mentions, func(i, j int) bool { return p.Mentions[i].ID < p.Mentions[j].ID })
	return p
}

// coMentions counts, for every pair of actors, the articles whose MENTIONS
// name both.
func coMentions(mentions []Rel) []Rel {
	byArticle := map[string][]Ref{}
	for _, r := range mentions {
		if len(r.End.Labels) > 0 && r.End.Labels[0].IsActor() {
			byArticle[r.Start.ID] = append(byArticle[r.Start.ID], r.End)
		}
	}
	type pair struct{ a, b Ref }
	counts := map[string]int64{}
	pairs := map[string]pair{}
	for _, actors := range byArticle {
		eachPair(actors, func(id string, a, b Ref) {
			counts[id]++
			pairs[id] = pair{a, b}
		})
	}
	out := make([]Rel, 0, len(counts))
	for id, n := range counts {
		p := pairs[id]
		out = append(out, coMention(p.a, p.b, n))
	}
	return out
}

// eachPair calls fn with every pair of distinct actors of one article, the
// one whose id sorts first as a, and the id of their CO_MENTIONED.
func eachPair(actors []Ref, fn func(id string, a, b Ref)) {
	for i, x := range actors {
		for _, y := range actors[i+1:] {
			a, b := x, y
			if b.ID < a.ID {
				a, b = b, a
			}
			if a.ID != b.ID {
				fn(CoMentionID(a.ID, b.ID), a, b)
			}
		}
	}
}

func copyProps(p map[string]any) map[string]any {
	out := make(map[string]any, len(p)+6)
	for k, v := range p {
		out[k] = v
	}
	return out
}

// unitKey is the precedence key and publication date of a batch that is
// one article's graph, or empty strings.
func unitKey(b *Batch) (key, published string) {
	var art *Node
	for i := range b.Nodes {
		if b.Nodes[i].Label() == LabelArticle {
			if art != nil {
				return "", ""
			}
			art = &b.Nodes[i]
		}
	}
	if art == nil {
		return "", ""
	}
	published, _ = art.Props["published"].(string)
	return published + " " + art.ID, published
}

func (m *Merger) addNode(n *Node) {
	old, ok := m.nodes[n.ID]
	if !ok {
		m.nodes[n.ID] = n
		return
	}
	mergeNode(old, n)
}

// mergeNode merges n, the same node in stored form, into old.
func mergeNode(old, n *Node) {
	name := old.Props[PropName]
	mergeNodeProps(old.Props, n.Props)
	if old.Label() == LabelEvent {
		mergeEventProps(old.Props, n.Props, name)
	}
	for _, l := range n.Labels {
		if !slices.Contains(old.Labels, l) {
			old.Labels = append(old.Labels, l)
		}
	}
}

func (m *Merger) addRel(r *Rel) {
	old, ok := m.rels[r.ID]
	if !ok {
		m.rels[r.ID] = r
		return
	}
	mergeRelProps(old.Props, r.Props)
}

func (m *Merger) addEvidence(e *Evidence) {
	id := e.ID()
	if old, ok := m.evidence[id]; ok {
		mergeEvidence(old, e)
		return
	}
	m.evidence[id] = e
}

// canonicalNode is a copy of n with its properties in stored form: lists
// sorted and unique, the precedence key set, load times dropped.
func canonicalNode(n *Node, key string) *Node {
	p := make(map[string]any, len(n.Props)+1)
	for k, v := range n.Props {
		if v != nil {
			p[k] = v
		}
	}
	p[PropID] = n.ID
	delete(p, PropLoadedAt)
	setUnion(p, PropAliases, Strings(n.Props[PropAliases]), 0)
	setUnion(p, PropRule, Strings(n.Props[PropRule]), 0)
	setUnion(p, PropEvidence, Strings(n.Props[PropEvidence]), MaxEvidence)
	if _, ok := p[PropUpdatedFrom].(string); !ok {
		p[PropUpdatedFrom] = key
	}
	canonicalEventProps(p)
	return &Node{ID: n.ID, Labels: append([]Label(nil), n.Labels...), Props: p}
}

// setUnion sets p[prop] to the sorted union of its list and l, at most max
// long when max > 0, or removes it when that is empty.
func setUnion(p map[string]any, prop string, l []string, max int) {
	if u := SortedUnion(Strings(p[prop]), l, max); len(u) > 0 {
		p[prop] = u
	} else {
		delete(p, prop)
	}
}

// canonicalRel is a copy of r with the properties it merges by itself: the
// scalars, the rules and (for facts) the evidence sentences it names. The
// aggregates come from its Evidence.
func canonicalRel(r *Rel, key string) *Rel {
	p := make(map[string]any, len(r.Props)+4)
	for k, v := range r.Props {
		if v != nil && (!mergedProps[k] || k == PropUpdatedFrom) {
			p[k] = v
		}
	}
	p[PropID] = r.ID
	if _, ok := p[PropUpdatedFrom].(string); !ok {
		p[PropUpdatedFrom] = key
	}
	setUnion(p, PropRule, Strings(r.Props[PropRule]), 0)
	if r.Type != RelMentions {
		p[PropEvidence] = SortedUnion(nil, Strings(r.Props[PropEvidence]), MaxEvidence)
	}
	return &Rel{ID: r.ID, Type: r.Type, Start: r.Start, End: r.End, Props: p}
}

// evidenceOf is the evidence that relationship r, as extracted, gives:
// one record per source. A relationship in stored form (with
// source_count) gives none: its evidence comes as Evidence nodes. The
// sentences, the change and its date are attributed to the source only
// when it is the only one.
func evidenceOf(r *Rel, unitArticle, unitPublished string, dates map[string]string) []*Evidence {
	if _, stored := r.Props[PropSourceCount]; stored {
		return nil
	}
	sources := Strings(r.Props[PropSources])
	confs := Floats(r.Props[PropSourceConfidence])
	if len(confs) != len(sources) {
		confs = spreadConfidence(toFloat(r.Props[PropConfidence]), len(sources))
	}
	var sentences []string
	var change, changeDate string
	if len(sources) == 1 {
		sentences = SortedUnion(nil, Strings(r.Props[PropEvidence]), MaxEvidence)
		change, _ = r.Props[PropChange].(string)
		changeDate, _ = r.Props[PropChangeDate].(string)
	}
	rules := SortedUnion(nil, Strings(r.Props[PropRule]), 0)
	out := make([]*Evidence, 0, len(sources))
	for i, s := range sources {
		pub := dates[s]
		if s == unitArticle {
			pub = unitPublished
		}
		out = append(out, &Evidence{Fact: r.ID, Type: r.Type, Article: s, Published: pub, Sentences: sentences,
			Confidence: confs[i], Weight: ConfidenceWeight(confs[i]), Rules: rules, Change: change, ChangeDate: changeDate})
	}
	return out
}

// mergeNodeProps merges the stored-form properties src into dst.
func mergeNodeProps(dst, src map[string]any) {
	mergeScalars(dst, src)
	setUnion(dst, PropAliases, Strings(src[PropAliases]), 0)
	setUnion(dst, PropRule, Strings(src[PropRule]), 0)
	setUnion(dst, PropEvidence, Strings(src[PropEvidence]), MaxEvidence)
	mergeDates(dst, src)
}

// mergeRelProps merges the stored-form properties src into dst.
func mergeRelProps(dst, src map[string]any) {
	mergeScalars(dst, src)
	setUnion(dst, PropRule, Strings(src[PropRule]), 0)
	if _, ok := dst[PropEvidence]; ok {
		dst[PropEvidence] = SortedUnion(Strings(dst[PropEvidence]), Strings(src[PropEvidence]), MaxEvidence)
	}
}

// mergeScalars lets the properties of the newer article (by precedence
// key; ties go to src) override dst's.
func mergeScalars(dst, src map[string]any) {
	dk, _ := dst[PropUpdatedFrom].(string)
	sk, _ := src[PropUpdatedFrom].(string)
	if sk < dk {
		return
	}
	for k, v := range src {
		if !mergedProps[k] {
			dst[k] = v
		}
	}
	// A change's date belongs to its change: a newer change without a
	// date leaves none of an older one's.
	if _, ok := src[PropChange]; ok {
		if _, ok := src[PropChangeDate]; !ok {
			delete(dst, PropChangeDate)
		}
	}
	dst[PropUpdatedFrom] = sk
}

func mergeDates(dst, src map[string]any) {
	f, _ := src[PropFirstSeen].(string)
	l, _ := src[PropLastSeen].(string)
	widenDates(dst, f, l)
}

// widenDates makes p's first and last seen dates cover first..last.
func widenDates(p map[string]any, first, last string) {
	if first != "" {
		if cur, _ := p[PropFirstSeen].(string); cur == "" || first < cur {
			p[PropFirstSeen] = first
		}
	}
	if last != "" {
		if cur, _ := p[PropLastSeen].(string); cur == "" || last > cur {
			p[PropLastSeen] = last
		}
	}
}

// noisyOr is 1-Π(1-c), multiplied in list order: the database computes it
// in the same order, so both give the same float.
func noisyOr(confs []float64) float64 {
	p := 1.0
	for _, c := range confs {
		p = p * (1.0 - c)
	}
	return 1.0 - p
}

// spreadConfidence gives each of n sources the confidence whose noisy-or
// over the n is c, for relationships read without per-source figures.
func spreadConfidence(c float64, n int) []float64 {
	out := make([]float64, n)
	each := c
	if n > 1 {
		each = 1 - math.Pow(1-c, 1/float64(n))
	}
	for i := range out {
		out[i] = each
	}
	return out
}

// SortedUnion is the sorted set union of a and b, cut to the first max
// elements when max > 0: the merge rule of aliases, rules and evidence
// sentences.
func SortedUnion(a, b []string, max int) []string {
	seen := make(map[string]bool, len(a)+len(b))
	out := make([]string, 0, len(a)+len(b))
	for _, l := range [][]string{a, b} {
		for _, s := range l {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	return out
}

// Strings reads a list of strings from a property value as decoded
// from JSON ([]any) or built in Go ([]string). Anything else is empty.
func Strings(v any) []string {
	switch l := v.(type) {
	case []string:
		return l
	case []any:
		out := make([]string, 0, len(l))
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case string:
		return []string{l}
	}
	return nil
}

// Floats reads a list of numbers from a property value as decoded from
// JSON ([]any) or built in Go ([]float64). Anything else is empty.
func Floats(v any) []float64 {
	switch l := v.(type) {
	case []float64:
		return l
	case []any:
		out := make([]float64, 0, len(l))
		for _, x := range l {
			out = append(out, toFloat(x))
		}
		return out
	}
	return nil
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case float32:
		return float64(x)
	case int:
		return float64(x)
	case int64:
		return float64(x)
	}
	return 0
}

// Validate checks that b holds only the contract's labels and types, that
// every element has an id, that relationships other than MENTIONS carry
// sources and a confidence in 0..1, and that every property value is one
// Neo4j can store. The error names the offending element.
func Validate(b *Batch) error {
	for _, n := range b.Nodes {
		if err := validateNode(&n); err != nil {
			return err
		}
	}
	for _, r := range b.Rels {
		if err := validateRel(&r); err != nil {
			return err
		}
	}
	return nil
}

func validateNode(n *Node) error {
	if n.ID == "" {
		return fmt.Errorf("node without id")
	}
	if n.Label() == LabelEvidence {
		if _, err := EvidenceFromNode(n); err != nil {
			return err
		}
		return validateProps("node "+n.ID, n.Props)
	}
	if len(n.Labels) == 0 || !slices.Contains(Labels, n.Label()) {
		return fmt.Errorf("node %s: label %v is not one of %v", n.ID, n.Labels, Labels)
	}
	for _, l := range n.Labels[1:] {
		if !ValidName(string(l)) {
			return fmt.Errorf("node %s: invalid extra label %q", n.ID, l)
		}
	}
	switch n.Label() {
	case LabelEvent:
		t, _ := n.Props[PropType].(string)
		if _, err := ParseEventType(t); err != nil {
			return fmt.Errorf("node %s: %w", n.ID, err)
		}
		if err := validateEventTime(n.Props); err != nil {
			return fmt.Errorf("node %s: %w", n.ID, err)
		}
	case LabelOrganization:
		k, _ := n.Props[PropKind].(string)
		if _, err := ParseOrgKind(k); err != nil {
			return fmt.Errorf("node %s: %w", n.ID, err)
		}
	}
	if id, ok := n.Props[PropID]; ok && id != n.ID {
		return fmt.Errorf("node %s: property id %v differs from the node id", n.ID, id)
	}
	return validateProps("node "+n.ID, n.Props)
}

// validateEventTime checks that an Event's time is ISO text the loader can
// read as dates: date a year, a month or a day ("2024", "2024-05",
// "2024-05-06"), date_from and date_to days, the second not before the
// first.
func validateEventTime(p map[string]any) error {
	for _, k := range []string{PropDate, PropDateFrom, PropDateTo} {
		v, ok := p[k]
		if !ok || v == nil {
			continue
		}
		s, _ := v.(string)
		if !isoDate(s, k == PropDate) {
			want := "a day, YYYY-MM-DD"
			if k == PropDate {
				want = "a year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD"
			}
			return fmt.Errorf("property %s: %v is not an ISO date (%s)", k, v, want)
		}
	}
	from, _ := p[PropDateFrom].(string)
	if to, _ := p[PropDateTo].(string); from != "" && to != "" && to < from {
		return fmt.Errorf("property %s: %s is before %s %s", PropDateTo, to, PropDateFrom, from)
	}
	return nil
}

// isoDate reports whether s is an ISO day that exists, or, when partial,
// also a year or a month.
func isoDate(s string, partial bool) bool {
	layout := ""
	switch len(s) {
	case 10:
		layout = "2006-01-02"
	case 7:
		layout = "2006-01"
	case 4:
		layout = "2006"
	}
	if layout == "" || len(s) < 10 && !partial {
		return false
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

func validateRel(r *Rel) error {
	if r.ID == "" {
		return fmt.Errorf("%s relationship without id", r.Type)
	}
	if r.Type == RelCoMentioned {
		// Derived from MENTIONS: merging skips it.
		return validateProps("relationship "+r.ID, r.Props)
	}
	if !slices.Contains(RelTypes, r.Type) {
		return fmt.Errorf("relationship %s: type %q is not one of %v", r.ID, r.Type, RelTypes)
	}
	if r.Start.ID == "" || r.End.ID == "" || len(r.Start.Labels) == 0 || len(r.End.Labels) == 0 {
		return fmt.Errorf("relationship %s: start and end need an id and labels", r.ID)
	}
	if !slices.Contains(Labels, r.Start.Labels[0]) || !slices.Contains(Labels, r.End.Labels[0]) {
		return fmt.Errorf("relationship %s: endpoint label %s or %s is not in the contract", r.ID, r.Start.Labels[0], r.End.Labels[0])
	}
	if r.Type != RelMentions {
		_, stored := r.Props[PropSourceCount]
		if len(Strings(r.Props[PropSources])) == 0 && !stored {
			return fmt.Errorf("relationship %s (%s): no sources", r.ID, r.Type)
		}
		c, hasC := r.Props[PropConfidence].(float64)
		_, hasSC := r.Props[PropSourceConfidence]
		if !hasC && !hasSC {
			return fmt.Errorf("relationship %s (%s): confidence missing or not a number", r.ID, r.Type)
		}
		if c < 0 || c > 1 {
			return fmt.Errorf("relationship %s (%s): confidence %v outside 0..1", r.ID, r.Type, c)
		}
	}
	return validateProps("relationship "+r.ID, r.Props)
}

func validateProps(what string, p map[string]any) error {
	for k, v := range p {
		if !ValidName(k) {
			return fmt.Errorf("%s: invalid property name %q", what, k)
		}
		if k == PropLoadedAt {
			continue // the loader's own, never written from input
		}
		switch x := v.(type) {
		case nil, string, bool, float64, float32, int, int64, []string, []float64, []int64:
		case []any:
			if err := validateList(x); err != nil {
				return fmt.Errorf("%s: property %s: %w", what, k, err)
			}
		default:
			return fmt.Errorf("%s: property %s: a %T cannot be stored in Neo4j", what, k, v)
		}
	}
	return nil
}

func validateList(l []any) error {
	kind := ""
	for _, x := range l {
		var k string
		switch x.(type) {
		case string:
			k = "string"
		case float64:
			k = "number"
		case bool:
			k = "bool"
		default:
			return fmt.Errorf("list element %v (%T) cannot be stored in Neo4j", x, x)
		}
		if kind != "" && k != kind {
			return fmt.Errorf("list mixes %s and %s values", kind, k)
		}
		kind = k
	}
	return nil
}

// ValidName accepts the property names and labels the loader can write
// without quoting: letters, digits and underscores.
func ValidName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
