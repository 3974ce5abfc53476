package extract

import (
	"sort"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
)

// propRule is the property that lists the ids of the rules that made a
// relationship or an event.
const propRule = "rule"

// propChange tells what a CONTROLS or REPRESENTS fact says about a state
// over time (gain, hold, lose; start, hold, end), and propChangeDate the
// date of the change when the text gives one.
const (
	propChange     = "change"
	propChangeDate = "change_date"
)

// relation is one relationship found in an article.
type relation struct {
	typ        graph.RelType
	from, to   *entity
	fromEvent  *event // set when the relationship starts at an Event
	toEvent    *event
	evidence   []int // sentence indexes
	confidence float64
	props      map[string]any
	why        []reason      // the rules that found it, and where
	changes    []observation // CONTROLS and REPRESENTS: the changes told
}

// batch assembles the article's graph: the Article node, entity and event
// nodes, MENTIONS, then the relationships.
func (d *doc) batch() *graph.Batch {
	b := &graph.Batch{}
	art := articleNode(d.a)
	b.Nodes = append(b.Nodes, art)
	// A wider area named in passing ("across the Middle East") is no
	// node of the story; one a fact is about ("militants hold much of
	// the Sahel") is.
	used := map[*entity]bool{}
	for _, r := range d.rels {
		if d.madeByRuleOn(r) {
			used[r.from], used[r.to] = true, true
		}
	}
	var emitted []*entity
	for _, e := range d.ents {
		if e.inGraph() && (used[e] || !e.widerArea()) {
			emitted = append(emitted, e)
		}
	}
	sort.SliceStable(emitted, func(i, j int) bool { return emitted[i].first < emitted[j].first })
	for _, e := range emitted {
		props := map[string]any{graph.PropID: e.id(), graph.PropName: e.name}
		if len(e.aliases) > 0 {
			props[graph.PropAliases] = append([]string(nil), e.aliases...)
		}
		if e.label == graph.LabelOrganization {
			props[graph.PropKind] = string(e.kind)
		}
		if e.label == graph.LabelRegion && e.entry != nil && e.entry.Kind != "" {
			props[graph.PropKind] = e.entry.Kind
		}
		n := graph.Node{ID: e.id(), Labels: []graph.Label{e.label}, Props: props}
		b.Nodes = append(b.Nodes, n)
		b.Rels = append(b.Rels, graph.Rel{
			ID: graph.RelID(graph.RelMentions, art.ID, n.ID), Type: graph.RelMentions,
			Start: art.Ref(), End: n.Ref(), Props: map[string]any{},
		})
	}
	for _, ev := range d.events {
		n := ev.node(d)
		b.Nodes = append(b.Nodes, n)
		b.Rels = append(b.Rels, graph.Rel{
			ID: graph.RelID(graph.RelMentions, art.ID, n.ID), Type: graph.RelMentions,
			Start: art.Ref(), End: n.Ref(), Props: map[string]any{},
		})
	}
	seen := map[string]int{}
	for _, r := range d.rels {
		start, end, ok := d.endpoints(r)
		if !ok {
			continue
		}
		id := graph.RelID(r.typ, start.ID, end.ID)
		ev := d.evidence(r.evidence)
		if k, ok := seen[id]; ok {
			// The same fact found twice: keep the stronger, add evidence.
			old := b.Rels[k].Props
			old[graph.PropEvidence] = union(old[graph.PropEvidence].([]string), ev, 3)
			old[propRule] = union(old[propRule].([]string), r.rules(), 0)
			if old[propChange] == nil {
				setChange(old, r)
			}
			if r.confidence > old[graph.PropConfidence].(float64) {
				old[graph.PropConfidence] = r.confidence
			}
			continue
		}
		props := map[string]any{
			graph.PropSources:    []string{d.a.ID},
			graph.PropEvidence:   ev,
			graph.PropConfidence: r.confidence,
			propRule:             r.rules(),
		}
		for k, v := range r.props {
			props[k] = v
		}
		setChange(props, r)
		seen[id] = len(b.Rels)
		b.Rels = append(b.Rels, graph.Rel{ID: id, Type: r.typ, Start: start, End: end, Props: props})
	}
	return b
}

// endpoints are the nodes relation r joins, if it goes into the graph: a
// rule switched on made it, and it joins two different nodes the article
// names.
func (d *doc) endpoints(r *relation) (start, end graph.Ref, ok bool) {
	if !d.madeByRuleOn(r) {
		return start, end, false
	}
	start, ok1 := d.ref(r.from, r.fromEvent)
	end, ok2 := d.ref(r.to, r.toEvent)
	return start, end, ok1 && ok2 && start.ID != end.ID
}

// ref is the node of a relation's end: an event, or an entity the article
// names as an actor or a place.
func (d *doc) ref(e *entity, ev *event) (graph.Ref, bool) {
	switch {
	case ev != nil:
		return ev.ref(d), true
	case e != nil && e.inGraph():
		return graph.Ref{ID: e.id(), Labels: []graph.Label{e.label}}, true
	}
	return graph.Ref{}, false
}

// inGraph reports whether entity e is a node of the article's graph: named
// as an actor or a place, and still mentioned (a mention may be taken back
// when a longer name covers it).
func (e *entity) inGraph() bool { return e.real && e.count > 0 }

// widerArea reports whether e is an area across states that none holds
// or claims ("the Sahel", "the Middle East"; gazetteer kind "wider").
func (e *entity) widerArea() bool {
	return e.label == graph.LabelRegion && e.entry != nil && e.entry.Kind == string(graph.RegionWider)
}

// setChange sets the change r tells, and its date, in props.
func setChange(props map[string]any, r *relation) {
	c, date := r.change()
	if c == "" {
		return
	}
	props[propChange] = c
	if date != "" {
		props[propChangeDate] = date
	}
}

func (d *doc) evidence(sents []int) []string {
	var out []string
	for _, s := range sents {
		if s >= 0 && s < len(d.sents) {
			out = union(out, []string{d.sentText(s)}, 3)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// union adds to a the strings of b it lacks, up to limit strings in all
// (0: no limit).
func union(a, b []string, limit int) []string {
	for _, s := range b {
		dup := false
		for _, x := range a {
			dup = dup || x == s
		}
		if !dup && (limit == 0 || len(a) < limit) {
			a = append(a, s)
		}
	}
	return a
}

// articleNode is a's node in the graph.
func articleNode(a *article.Article) graph.Node {
	return graph.ArticleNode(a.ID, a.Title, a.URL, a.Published, a.Source)
}
