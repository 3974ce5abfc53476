package graph

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// Properties the loader maintains itself, beside the contract's.
const (
	// PropSourceConfidence is parallel to sources: the confidence each
	// supporting article gave the relationship. The relationship's
	// confidence is their noisy-or, so a new source raises it and the same
	// source seen again leaves it alone.
	PropSourceConfidence = "source_confidence"
	// PropFirstSeen and PropLastSeen are the earliest and latest
	// publication dates of the articles behind a node or relationship.
	PropFirstSeen = "first_seen"
	PropLastSeen  = "last_seen"
	// PropUpdatedFrom is the precedence key ("published articleID") of the
	// article whose scalar properties the element carries: the most
	// recently published article wins, whatever the order of loading.
	PropUpdatedFrom = "updated_from"
)

// MaxEvidence is how many evidence sentences a relationship keeps: the
// lexically smallest of all seen, so the choice does not depend on the
// order in which articles are loaded.
const MaxEvidence = 5

// IsMerged tells the properties the merge rules combine from those, every
// other one, that the newest article sets.
func IsMerged(prop string) bool { return mergedProps[prop] }

var mergedProps = map[string]bool{
	PropID: true, PropAliases: true, PropSources: true, PropEvidence: true,
	PropConfidence: true, PropSourceConfidence: true,
	PropFirstSeen: true, PropLastSeen: true, PropUpdatedFrom: true,
	// An Event's time: events.go.
	PropDate: true, PropDateFrom: true, PropDateTo: true, PropDatePrecision: true,
}

// A Merger combines batches into one graph with the same merge rules the
// loader applies in the database: one node per id and one relationship per
// id, aliases, sources and evidence as sorted unions, confidence as the
// noisy-or of per-source confidences, first and last seen as min and max
// publication dates, and scalar properties from the newest article.
// Because every rule is commutative, the result does not depend on the
// order of the batches.
type Merger struct {
	nodes map[string]*Node
	rels  map[string]*Rel
	// published maps Article ids to publication dates, to date the
	// relationships they support and the nodes they mention.
	published map[string]string
}

// NewMerger returns an empty Merger.
func NewMerger() *Merger {
	return &Merger{nodes: map[string]*Node{}, rels: map[string]*Rel{}, published: map[string]string{}}
}

// Len is the number of distinct nodes and relationships merged so far.
func (m *Merger) Len() int { return len(m.nodes) + len(m.rels) }

// Add merges b, which must be valid (see Validate). When b holds exactly
// one Article node, b is taken to be that article's graph: its elements
// are dated and ranked by the article.
func (m *Merger) Add(b *Batch) {
	key, published := unitKey(b)
	for _, n := range b.Nodes {
		if n.Label() == LabelArticle {
			if p, _ := n.Props["published"].(string); p != "" {
				m.published[n.ID] = p
			}
		}
	}
	for i := range b.Nodes {
		m.addNode(canonicalNode(&b.Nodes[i], key))
	}
	for i := range b.Rels {
		r := canonicalRel(&b.Rels[i], key, published, m.published)
		m.addRel(r)
		if r.Type == RelMentions {
			if p := m.published[r.Start.ID]; p != "" {
				if n := m.nodes[r.End.ID]; n != nil {
					widenDates(n.Props, p, p)
				}
			}
		}
	}
}

// Batch returns the merged graph, nodes and relationships sorted by label
// or type and id.
func (m *Merger) Batch() *Batch {
	b := &Batch{Nodes: make([]Node, 0, len(m.nodes)), Rels: make([]Rel, 0, len(m.rels))}
	// A MENTIONS from an article added after the node was merged dates it now.
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
	for _, n := range m.nodes {
		b.Nodes = append(b.Nodes, *n)
	}
	for _, r := range m.rels {
		b.Rels = append(b.Rels, *r)
	}
	sort.Slice(b.Nodes, func(i, j int) bool {
		if a, c := b.Nodes[i].Label(), b.Nodes[j].Label(); a != c {
			return a.Rank() < c.Rank()
		}
		return b.Nodes[i].ID < b.Nodes[j].ID
	})
	sort.Slice(b.Rels, func(i, j int) bool {
		if a, c := b.Rels[i].Type, b.Rels[j].Type; a != c {
			return a < c
		}
		return b.Rels[i].ID < b.Rels[j].ID
	})
	return b
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

// canonicalNode is a copy of n with its properties in stored form: aliases
// sorted and unique, and the precedence key set.
func canonicalNode(n *Node, key string) *Node {
	p := make(map[string]any, len(n.Props)+1)
	for k, v := range n.Props {
		if v != nil {
			p[k] = v
		}
	}
	p[PropID] = n.ID
	if a := sortedUnion(nil, Strings(n.Props[PropAliases]), 0); len(a) > 0 {
		p[PropAliases] = a
	} else {
		delete(p, PropAliases)
	}
	if _, ok := p[PropUpdatedFrom].(string); !ok {
		p[PropUpdatedFrom] = key
	}
	canonicalEventProps(p)
	return &Node{ID: n.ID, Labels: append([]Label(nil), n.Labels...), Props: p}
}

// canonicalRel is a copy of r with its properties in stored form.
func canonicalRel(r *Rel, key, published string, dates map[string]string) *Rel {
	p := make(map[string]any, len(r.Props)+4)
	for k, v := range r.Props {
		if v != nil {
			p[k] = v
		}
	}
	p[PropID] = r.ID
	if _, ok := p[PropUpdatedFrom].(string); !ok {
		p[PropUpdatedFrom] = key
	}
	if r.Type != RelMentions || r.Props[PropSources] != nil {
		sources := Strings(r.Props[PropSources])
		confs := Floats(r.Props[PropSourceConfidence])
		if len(confs) != len(sources) {
			confs = spreadConfidence(toFloat(r.Props[PropConfidence]), len(sources))
		}
		s, c := mergeSourceConfidence(nil, nil, sources, confs)
		if len(s) > 0 {
			p[PropSources] = s
			p[PropSourceConfidence] = c
			p[PropConfidence] = noisyOr(c)
		}
		if ev := sortedUnion(nil, Strings(r.Props[PropEvidence]), MaxEvidence); len(ev) > 0 {
			p[PropEvidence] = ev
		} else {
			p[PropEvidence] = []string{}
		}
		if _, ok := p[PropFirstSeen]; !ok {
			for _, s := range s {
				if d := dates[s]; d != "" {
					widenDates(p, d, d)
				}
			}
			if published != "" {
				widenDates(p, published, published)
			}
		}
	}
	return &Rel{ID: r.ID, Type: r.Type, Start: r.Start, End: r.End, Props: p}
}

// mergeNodeProps merges the stored-form properties src into dst.
func mergeNodeProps(dst, src map[string]any) {
	mergeScalars(dst, src)
	if a := sortedUnion(Strings(dst[PropAliases]), Strings(src[PropAliases]), 0); len(a) > 0 {
		dst[PropAliases] = a
	}
	mergeDates(dst, src)
}

// mergeRelProps merges the stored-form properties src into dst.
func mergeRelProps(dst, src map[string]any) {
	mergeScalars(dst, src)
	if src[PropSources] != nil || dst[PropSources] != nil {
		s, c := mergeSourceConfidence(Strings(dst[PropSources]), Floats(dst[PropSourceConfidence]),
			Strings(src[PropSources]), Floats(src[PropSourceConfidence]))
		if len(s) > 0 {
			dst[PropSources] = s
			dst[PropSourceConfidence] = c
			dst[PropConfidence] = noisyOr(c)
		}
		dst[PropEvidence] = sortedUnion(Strings(dst[PropEvidence]), Strings(src[PropEvidence]), MaxEvidence)
	}
	mergeDates(dst, src)
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

// mergeSourceConfidence merges two parallel source/confidence lists: the
// new list's confidence wins for a source in both; the result is sorted by
// source.
func mergeSourceConfidence(oldS []string, oldC []float64, newS []string, newC []float64) ([]string, []float64) {
	conf := make(map[string]float64, len(oldS)+len(newS))
	for i, s := range oldS {
		conf[s] = at(oldC, i)
	}
	for i, s := range newS {
		conf[s] = at(newC, i)
	}
	sources := make([]string, 0, len(conf))
	for s := range conf {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	confs := make([]float64, len(sources))
	for i, s := range sources {
		confs[i] = conf[s]
	}
	return sources, confs
}

func at(c []float64, i int) float64 {
	if i < len(c) {
		return c[i]
	}
	return 0
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

// sortedUnion is the sorted set union of a and b, cut to the first max
// elements when max > 0.
func sortedUnion(a, b []string, max int) []string {
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

func validateRel(r *Rel) error {
	if r.ID == "" {
		return fmt.Errorf("%s relationship without id", r.Type)
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
		if len(Strings(r.Props[PropSources])) == 0 {
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
