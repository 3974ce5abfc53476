package curate

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/geokg/geokg/graph"
)

// Properties and sources that corrections write into the graph.
const (
	// PropCuration lists the ids of the entries that changed a node or
	// relationship, or added it: the mark of an analyst's hand.
	PropCuration = "curation"
	// PropCurationNotes lists those entries' notes ("who, date: why"),
	// in the same order.
	PropCurationNotes = "curation_notes"
	// SourcePrefix starts the source of a relationship that an analyst
	// added: "curation:" and the entry's id, beside the articles' ids.
	SourcePrefix = "curation:"
	// Rule is what an analyst's relationship gives as the rule that made
	// it (property rule), beside the extractor's rule ids.
	Rule = "curation"
)

// Apply rewrites b, the graph of one article as the extractor makes it, by
// the corrections: merged, renamed and relabeled nodes take their final
// id, name, label and kind (a merged node's name becomes an alias), the
// relationships follow their ends, rejected nodes and relationships go,
// and the elements that corrections changed are marked (PropCuration,
// PropCurationNotes). Two elements that become one are combined: aliases,
// sources and evidence joined, the highest confidence kept. The
// relationships that analysts added come from Asserted. b is not changed.
func (s *Set) Apply(b *graph.Batch) *graph.Batch {
	return combine(s.rewrite(b, nil, nil))
}

// Correct rewrites b, part of a stored graph (graph/store's Correct reads
// it, with the merge rules' properties and the relationships' Evidence
// nodes), as Apply does, without combining elements that become one (the
// store merges them by the merge rules), and adds the relationships that
// analysts added between nodes of b. The Evidence of a relationship
// follows it: to its new id, or out with it. Analysts' evidence (article
// "curation:ID") whose entry is gone is withdrawn, and a relationship
// left without evidence goes; the aggregates (sources, count, confidence)
// are for the store to compute again from the evidence left.
func (s *Set) Correct(b *graph.Batch) *graph.Batch {
	facts := map[string]factMove{}
	out := s.rewrite(b, nil, facts)
	out = s.moveEvidence(out, facts)
	have := map[string]bool{}
	for _, n := range out.Nodes {
		have[n.ID] = true
	}
	out.Rels = append(out.Rels, s.Asserted(func(id string) bool { return have[id] })...)
	return out
}

// factMove is where rewrite sent a relationship: its id ("" when it was
// dropped) and its type and ends.
type factMove struct {
	id  string
	key relKey
}

// moveEvidence makes the Evidence nodes of b follow their relationships as
// facts says, withdraws analysts' evidence whose entry no longer adds the
// relationship, and drops the relationships that had evidence and have
// none left. The rule Rule goes from the relationships with evidence: the
// analysts' evidence that stays brings it back.
func (s *Set) moveEvidence(b *graph.Batch, facts map[string]factMove) *graph.Batch {
	had, kept := map[string]bool{}, map[string]bool{}
	out := &graph.Batch{Nodes: make([]graph.Node, 0, len(b.Nodes))}
	for _, n := range b.Nodes {
		if n.Label() != graph.LabelEvidence {
			out.Nodes = append(out.Nodes, n)
			continue
		}
		e, err := graph.EvidenceFromNode(&n)
		if err != nil {
			out.Nodes = append(out.Nodes, n)
			continue
		}
		mv, ok := facts[e.Fact]
		if !ok {
			out.Nodes = append(out.Nodes, n)
			continue
		}
		if mv.id == "" {
			continue
		}
		had[mv.id] = true
		if strings.HasPrefix(e.Article, SourcePrefix) && !s.asserts(s.asserted[mv.key], e.Article) {
			continue
		}
		kept[mv.id] = true
		if e.Fact != mv.id {
			e.Fact = mv.id
			n = e.Node()
		}
		out.Nodes = append(out.Nodes, n)
	}
	for _, r := range b.Rels {
		if had[r.ID] {
			if !kept[r.ID] {
				continue
			}
			if rules := graph.Strings(r.Props[graph.PropRule]); slices.Contains(rules, Rule) {
				r.Props = clone(r.Props)
				if rest := slices.DeleteFunc(slices.Clone(rules), func(x string) bool { return x == Rule }); len(rest) > 0 {
					r.Props[graph.PropRule] = rest
				} else {
					delete(r.Props, graph.PropRule)
				}
			}
		}
		out.Rels = append(out.Rels, r)
	}
	return out
}

// IsEnd tells whether a relationship that analysts added starts or ends at
// the node id (a final id, as Apply leaves them).
func (s *Set) IsEnd(id string) bool { return s.ends[id] }

// Asserted returns the relationships that analysts added, or whose role or
// demand they set, between nodes for which have is true: with the
// analysts as their sources ("curation:" and the entry id), confidence 1,
// no article evidence, Rule as their rule, and the entries' notes.
func (s *Set) Asserted(have func(id string) bool) []graph.Rel {
	keys := make([]relKey, 0, len(s.asserted))
	for k := range s.asserted {
		if have(k.from) && have(k.to) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.from != b.from {
			return a.from < b.from
		}
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		return a.to < b.to
	})
	out := make([]graph.Rel, 0, len(keys))
	for _, k := range keys {
		a := s.asserted[k]
		var sources []string
		for _, i := range a.entries {
			sources = append(sources, SourcePrefix+s.Entries[i].ID)
		}
		p := map[string]any{
			graph.PropSources:    sources,
			graph.PropEvidence:   []string{},
			graph.PropConfidence: 1.0,
			"rule":               []string{Rule},
		}
		for pk, v := range a.props {
			p[pk] = v
		}
		s.mark(p, a.entries)
		out = append(out, graph.Rel{
			ID: graph.RelID(k.typ, k.from, k.to), Type: k.typ,
			Start: ref(k.from), End: ref(k.to), Props: p,
		})
	}
	return out
}

func ref(id string) graph.Ref { return graph.Ref{ID: id, Labels: []graph.Label{LabelOf(id)}} }

// mark sets the marks of the entries on p, or removes them when there are
// none.
func (s *Set) mark(p map[string]any, entries []int) {
	if len(entries) == 0 {
		delete(p, PropCuration)
		delete(p, PropCurationNotes)
		return
	}
	sorted := slices.Clone(entries)
	slices.Sort(sorted)
	ids := make([]string, len(sorted))
	notes := make([]string, len(sorted))
	for j, i := range sorted {
		ids[j] = s.Entries[i].ID
		notes[j] = s.Entries[i].Note()
	}
	p[PropCuration] = ids
	p[PropCurationNotes] = notes
}

// rewrite is Apply without combining; hit, when set, is called with every
// entry that acts on an element of b; facts, when set, gets where each
// relationship but MENTIONS went.
func (s *Set) rewrite(b *graph.Batch, hit func(i int), facts map[string]factMove) *graph.Batch {
	hits := func(l ...int) {
		if hit != nil {
			for _, i := range l {
				hit(i)
			}
		}
	}
	out := &graph.Batch{Nodes: make([]graph.Node, 0, len(b.Nodes)), Rels: make([]graph.Rel, 0, len(b.Rels))}
	for _, n := range b.Nodes {
		if n.Label() == graph.LabelArticle {
			out.Nodes = append(out.Nodes, n)
			continue
		}
		f := s.resolve(n.ID)
		hits(s.movedBy[n.ID]...)
		if i, ok := s.rejected[f]; ok {
			hits(i)
			continue
		}
		fx := s.fixes[f]
		if fx != nil {
			// A merge acts when the merged node shows (movedBy); a rename
			// or relabel also when the node shows under its final id.
			for _, i := range fx.entries {
				if s.Entries[i].Verb != Merge {
					hits(i)
				}
			}
		}
		if f == n.ID && fx == nil && n.Props[PropCuration] == nil {
			out.Nodes = append(out.Nodes, n)
			continue
		}
		out.Nodes = append(out.Nodes, s.node(n, f, fx))
	}
	for _, r := range b.Rels {
		start, end := s.resolve(r.Start.ID), s.resolve(r.End.ID)
		k := relKey{r.Type, start, end}
		if facts != nil && r.Type != graph.RelMentions {
			// Dropped unless kept below.
			facts[r.ID] = factMove{key: k}
		}
		if _, ok := s.rejected[start]; ok {
			continue
		}
		if _, ok := s.rejected[end]; ok {
			continue
		}
		if start == end {
			continue
		}
		if i, ok := s.rejRels[k]; ok {
			hits(i)
			continue
		}
		keep := func(id string) {
			if facts != nil && r.Type != graph.RelMentions {
				facts[r.ID] = factMove{id: id, key: k}
			}
		}
		a := s.asserted[k]
		if a != nil {
			hits(a.entries...)
		}
		moved := start != r.Start.ID || end != r.End.ID
		if !moved && a == nil && r.Props[PropCuration] == nil && !s.staleSources(r.Props, nil) {
			keep(r.ID)
			out.Rels = append(out.Rels, r)
			continue
		}
		c := graph.Rel{ID: r.ID, Type: r.Type, Start: r.Start, End: r.End, Props: clone(r.Props)}
		if moved {
			c.ID = graph.RelID(r.Type, start, end)
			if _, ok := c.Props[graph.PropID]; ok {
				c.Props[graph.PropID] = c.ID
			}
			if start != r.Start.ID {
				c.Start = ref(start)
			}
			if end != r.End.ID {
				c.End = ref(end)
			}
		}
		if s.staleSources(c.Props, a) && !s.withdraw(c.Props, a) {
			continue
		}
		var entries []int
		if a != nil {
			for pk, v := range a.props {
				c.Props[pk] = v
			}
			entries = a.entries
		}
		s.mark(c.Props, entries)
		keep(c.ID)
		out.Rels = append(out.Rels, c)
	}
	return out
}

// node is n under its final id f, with what fx says of it.
func (s *Set) node(n graph.Node, f string, fx *fix) graph.Node {
	p := clone(n.Props)
	labels := n.Labels
	name, _ := p[graph.PropName].(string)
	aliases := graph.Strings(p[graph.PropAliases])
	if f != n.ID {
		p[graph.PropID] = f
		if l := LabelOf(f); l != "" && l != n.Label() {
			labels = append([]graph.Label{l}, n.Labels[1:]...)
		}
		if s.joined[n.ID] && n.Label() != graph.LabelEvent {
			// A merged actor is an alias of the kept one and nothing
			// more: its own kind must not compete with the kept node's.
			for k := range p {
				switch k {
				case graph.PropID, graph.PropName, graph.PropAliases:
				default:
					if !graph.IsMerged(k) {
						delete(p, k)
					}
				}
			}
		}
	}
	var entries []int
	if fx != nil {
		if fx.name != "" && fx.name != name {
			if name != "" {
				aliases = append(aliases, name)
			}
			p[graph.PropName] = fx.name
			name = fx.name
		}
		if fx.kindSet {
			if fx.kind == "" {
				delete(p, graph.PropKind)
			} else {
				p[graph.PropKind] = fx.kind
			}
		}
		entries = fx.entries
	}
	var kept []string
	for _, a := range aliases {
		if a != name && !slices.Contains(kept, a) {
			kept = append(kept, a)
		}
	}
	if len(kept) > 0 {
		p[graph.PropAliases] = kept
	} else {
		delete(p, graph.PropAliases)
	}
	s.mark(p, entries)
	return graph.Node{ID: f, Labels: labels, Props: p}
}

// staleSources tells whether p lists analysts' sources that a is not
// (entries removed from the file, or moved to another relationship).
func (s *Set) staleSources(p map[string]any, a *assertion) bool {
	for _, src := range graph.Strings(p[graph.PropSources]) {
		if strings.HasPrefix(src, SourcePrefix) && !s.asserts(a, src) {
			return true
		}
	}
	return false
}

func (s *Set) asserts(a *assertion, src string) bool {
	if a == nil {
		return false
	}
	for _, i := range a.entries {
		if SourcePrefix+s.Entries[i].ID == src {
			return true
		}
	}
	return false
}

// withdraw removes the stale analysts' sources from p (and their
// confidences, when p has them one per source), and tells whether any
// source is left.
func (s *Set) withdraw(p map[string]any, a *assertion) bool {
	sources := graph.Strings(p[graph.PropSources])
	confs := graph.Floats(p[graph.PropSourceConfidence])
	parallel := len(confs) == len(sources)
	var keptS []string
	var keptC []float64
	for i, src := range sources {
		if strings.HasPrefix(src, SourcePrefix) && !s.asserts(a, src) {
			continue
		}
		keptS = append(keptS, src)
		if parallel {
			keptC = append(keptC, confs[i])
		}
	}
	if len(keptS) == 0 {
		return false
	}
	p[graph.PropSources] = keptS
	if parallel {
		p[graph.PropSourceConfidence] = keptC
	}
	return true
}

func clone(p map[string]any) map[string]any {
	c := make(map[string]any, len(p)+2)
	for k, v := range p {
		c[k] = v
	}
	return c
}

// combine merges the elements of b that share an id, in the form the
// extractor writes them: the first one's properties, aliases, sources,
// evidence and rules joined, the highest confidence. The order of first
// appearance is kept.
func combine(b *graph.Batch) *graph.Batch {
	nodeAt := make(map[string]int, len(b.Nodes))
	nodes := b.Nodes[:0:0]
	for _, n := range b.Nodes {
		i, ok := nodeAt[n.ID]
		if !ok {
			nodeAt[n.ID] = len(nodes)
			nodes = append(nodes, n)
			continue
		}
		p := clone(nodes[i].Props)
		name, _ := p[graph.PropName].(string)
		var aliases []string
		for _, a := range append(graph.Strings(p[graph.PropAliases]), append(graph.Strings(n.Props[graph.PropAliases]), nameOf(n))...) {
			if a != "" && a != name && !slices.Contains(aliases, a) {
				aliases = append(aliases, a)
			}
		}
		if len(aliases) > 0 {
			p[graph.PropAliases] = aliases
		}
		for k, v := range n.Props {
			if _, ok := p[k]; !ok {
				p[k] = v
			}
		}
		nodes[i].Props = p
	}
	relAt := make(map[string]int, len(b.Rels))
	rels := b.Rels[:0:0]
	for _, r := range b.Rels {
		i, ok := relAt[r.ID]
		if !ok {
			relAt[r.ID] = len(rels)
			rels = append(rels, r)
			continue
		}
		p := clone(rels[i].Props)
		joinSources(p, r.Props)
		if _, ok := p[graph.PropEvidence]; ok || r.Props[graph.PropEvidence] != nil {
			p[graph.PropEvidence] = union(graph.Strings(p[graph.PropEvidence]), graph.Strings(r.Props[graph.PropEvidence]))
		}
		if c, ok := r.Props[graph.PropConfidence].(float64); ok {
			if old, _ := p[graph.PropConfidence].(float64); c > old {
				p[graph.PropConfidence] = c
			}
		}
		if rules := graph.SortedUnion(graph.Strings(p[graph.PropRule]), graph.Strings(r.Props[graph.PropRule]), 0); len(rules) > 0 {
			p[graph.PropRule] = rules
		}
		for k, v := range r.Props {
			if _, ok := p[k]; !ok {
				p[k] = v
			}
		}
		rels[i].Props = p
	}
	return &graph.Batch{Nodes: nodes, Rels: rels}
}

// joinSources adds src's sources to dst's, and their confidences when both
// keep one per source (a stored graph read back), so that the two lists
// stay parallel.
func joinSources(dst, src map[string]any) {
	if _, ok := dst[graph.PropSources]; !ok && src[graph.PropSources] == nil {
		return
	}
	ds, ss := graph.Strings(dst[graph.PropSources]), graph.Strings(src[graph.PropSources])
	dc, sc := graph.Floats(dst[graph.PropSourceConfidence]), graph.Floats(src[graph.PropSourceConfidence])
	dst[graph.PropSources] = union(ds, ss)
	if len(dc) != len(ds) || len(sc) != len(ss) || (len(dc) == 0 && len(sc) == 0) {
		delete(dst, graph.PropSourceConfidence)
		return
	}
	confs := append([]float64(nil), dc...)
	for i, src := range ss {
		if !slices.Contains(ds, src) {
			confs = append(confs, sc[i])
		}
	}
	dst[graph.PropSourceConfidence] = confs
}

func nameOf(n graph.Node) string {
	s, _ := n.Props[graph.PropName].(string)
	return s
}

func union(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	for _, l := range [][]string{a, b} {
		for _, s := range l {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// Scope is the part of a stored graph that the corrections concern, for
// graph/store's Correct: the nodes that entries move or reject (to be read
// with every relationship), the nodes whose name, kind or marks they set
// and the ends of added relationships (read alone), and the relationships
// they reject or add.
func (s *Set) Scope() (moved, touched []graph.Ref, rels []graph.Rel) {
	seen := map[string]bool{}
	for _, id := range slices.Sorted(maps.Keys(s.ids)) {
		moved = append(moved, ref(id))
		seen[id] = true
	}
	for _, id := range slices.Sorted(maps.Keys(s.rejected)) {
		if !seen[id] {
			moved = append(moved, ref(id))
			seen[id] = true
		}
	}
	var ids []string
	ids = append(ids, slices.Sorted(maps.Keys(s.fixes))...)
	ids = append(ids, slices.Sorted(maps.Keys(s.ends))...)
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		if !seen[id] {
			touched = append(touched, ref(id))
		}
	}
	var keys []relKey
	for k := range s.rejRels {
		keys = append(keys, k)
	}
	for k := range s.asserted {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		rels = append(rels, graph.Rel{ID: graph.RelID(k.typ, k.from, k.to), Type: k.typ, Start: ref(k.from), End: ref(k.to)})
	}
	return moved, touched, rels
}

// A Tally counts, over many graphs, which entries act on something: those
// that act on nothing are stale (the extractor or the dictionaries no
// longer make what they correct). It is safe for concurrent use.
type Tally struct {
	set  *Set
	mu   sync.Mutex
	hits []int
	seen map[string]bool // ends of added relationships met
}

// NewTally returns an empty tally of s's entries.
func (s *Set) NewTally() *Tally {
	return &Tally{set: s, hits: make([]int, len(s.Entries)), seen: map[string]bool{}}
}

// Add counts the entries that act on b, an uncorrected graph.
func (t *Tally) Add(b *graph.Batch) {
	var hit []int
	out := t.set.rewrite(b, func(i int) { hit = append(hit, i) }, nil)
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, i := range hit {
		t.hits[i]++
	}
	for _, n := range out.Nodes {
		if t.set.ends[n.ID] {
			t.seen[n.ID] = true
		}
	}
}

// Unmatched lists the entries that acted on none of the graphs added, in
// file order: an added relationship counts as acting when both its ends
// were met.
func (t *Tally) Unmatched() []*Entry {
	t.mu.Lock()
	defer t.mu.Unlock()
	hit := slices.Clone(t.hits)
	for _, r := range t.set.Asserted(func(id string) bool { return t.seen[id] }) {
		for _, id := range r.Props[PropCuration].([]string) {
			for i, e := range t.set.Entries {
				if e.ID == id {
					hit[i]++
				}
			}
		}
	}
	var out []*Entry
	for i, e := range t.set.Entries {
		if hit[i] == 0 {
			out = append(out, e)
		}
	}
	return out
}
