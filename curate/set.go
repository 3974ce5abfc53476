package curate

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/geokg/geokg/graph"
)

// A Set is the entries of a curation file, compiled into what they say of
// the graph: which node ids become which, the names, kinds, rejections and
// added relationships. Entries take effect in file order, each on the
// graph as the entries before it left it: "merge A into B" after "rename B
// to C" merges A into C. A Set is read-only once built, and safe for
// concurrent use.
type Set struct {
	// Path is the file the entries were read from, for messages.
	Path    string
	Entries []*Entry

	// ids maps every node id that entries move to its final id; a final
	// id is never a key.
	ids map[string]string
	// movedBy lists, for each key of ids, the entries that moved it;
	// joined holds the keys that a merge moved (into another node, as
	// opposed to a rename or relabel of the node itself).
	movedBy map[string][]int
	joined  map[string]bool
	// members lists, for each final id, the keys of ids that map to it.
	members map[string][]string
	// fixes are what entries say of final node ids.
	fixes map[string]*fix
	// rejected maps final node ids to the entry that rejected them.
	rejected map[string]int
	// rejRels maps relationships (between final ids) to the entry that
	// rejected them; asserted, to the entries that added them.
	rejRels  map[relKey]int
	asserted map[relKey]*assertion
	// relsAt indexes the keys of rejRels and asserted by their ends.
	relsAt map[string]map[relKey]bool
	// ends are the final ids that added relationships start or end at.
	ends map[string]bool
	// idle lists entries that had nothing to act on in the file itself
	// (merging two nodes already one), with the reason.
	idle map[int]string
}

// fix is what corrections say of one node.
type fix struct {
	name    string
	kind    string
	kindSet bool  // kind is decided: the value of kind, or no kind when ""
	entries []int // entries that changed the node
}

type relKey struct {
	typ      graph.RelType
	from, to string
}

func (k relKey) String() string { return fmt.Sprintf("(%s)-[:%s]->(%s)", k.from, k.typ, k.to) }

// assertion is a relationship analysts added, or whose properties they set.
type assertion struct {
	props   map[string]string
	entries []int
}

// NewSet compiles entries, in order. It fails on two entries with one id.
func NewSet(path string, entries []*Entry) (*Set, error) {
	s := &Set{
		Path: path, Entries: entries,
		ids: map[string]string{}, movedBy: map[string][]int{}, joined: map[string]bool{}, members: map[string][]string{}, fixes: map[string]*fix{},
		rejected: map[string]int{}, rejRels: map[relKey]int{}, asserted: map[relKey]*assertion{}, relsAt: map[string]map[relKey]bool{},
		ends: map[string]bool{}, idle: map[int]string{},
	}
	seen := map[string]int{}
	for i, e := range entries {
		if j, ok := seen[e.ID]; ok {
			return nil, fmt.Errorf("%s: entry id %s is the id of line %d too", s.where(i), e.ID, entries[j].Line)
		}
		seen[e.ID] = i
		s.add(i, e)
	}
	for k := range s.asserted {
		s.ends[k.from], s.ends[k.to] = true, true
	}
	return s, nil
}

func (s *Set) where(i int) string {
	if s.Entries[i].Line > 0 {
		return fmt.Sprintf("%s:%d", s.Path, s.Entries[i].Line)
	}
	return s.Path
}

// resolve is the final id of id.
func (s *Set) resolve(id string) string {
	if f, ok := s.ids[id]; ok {
		return f
	}
	return id
}

func (s *Set) fixOf(id string) *fix {
	f := s.fixes[id]
	if f == nil {
		f = &fix{}
		s.fixes[id] = f
	}
	return f
}

func (s *Set) add(i int, e *Entry) {
	switch e.Verb {
	case Merge:
		cur, into := s.resolve(e.Node), s.resolve(e.Into)
		if cur == into {
			s.idle[i] = fmt.Sprintf("%s and %s are one node already", e.Node, e.Into)
			return
		}
		s.move(i, cur, into, false)
		f := s.fixOf(into)
		f.name = e.Name
		if e.Kind != "" {
			f.kind, f.kindSet = e.Kind, true
		}
		f.entries = appendOnce(f.entries, i)
	case Rename:
		cur := s.resolve(e.Node)
		to := cur
		if LabelOf(cur) != graph.LabelEvent {
			to = withSlug(cur, graph.Slug(e.Name))
		}
		if to == cur && s.fixes[cur] != nil && s.fixes[cur].name == e.Name {
			s.idle[i] = fmt.Sprintf("%s is named %q already", e.Node, e.Name)
			return
		}
		if to != cur {
			s.move(i, cur, to, true)
		}
		f := s.fixOf(to)
		f.name = e.Name
		f.entries = appendOnce(f.entries, i)
	case Relabel:
		cur := s.resolve(e.Node)
		label := e.Label
		if label == "" {
			label = LabelOf(cur)
		}
		to := withLabel(cur, label)
		if to != cur {
			s.move(i, cur, to, true)
		}
		f := s.fixOf(to)
		switch {
		case e.Kind != "":
			f.kind, f.kindSet = e.Kind, true
		case to != cur:
			// A kind of the old label means nothing under the new one.
			f.kind, f.kindSet = "", true
		}
		f.entries = appendOnce(f.entries, i)
	case Reject:
		if e.Node != "" {
			s.rejected[s.resolve(e.Node)] = i
			return
		}
		for _, k := range s.keys(e) {
			if k.from != k.to {
				s.setRel(k, i, nil)
			}
		}
	case Add, Role:
		k := relKey{e.Rel, s.resolve(e.From), s.resolve(e.To)}
		if k.from == k.to {
			s.idle[i] = fmt.Sprintf("%s and %s are one node", e.From, e.To)
			return
		}
		a := s.asserted[k]
		if a == nil {
			a = &assertion{props: map[string]string{}}
		}
		maps.Copy(a.props, e.Props)
		a.entries = appendOnce(a.entries, i)
		for _, r := range s.keys(e) {
			if _, ok := s.rejRels[r]; ok {
				s.setRel(r, -1, s.asserted[r])
			}
		}
		s.setRel(k, -1, a)
	}
}

// keys are the relationships an entry names, between final ids: FIGHTS is
// symmetric, so both directions.
func (s *Set) keys(e *Entry) []relKey {
	k := relKey{e.Rel, s.resolve(e.From), s.resolve(e.To)}
	if e.Rel == graph.RelFights {
		return []relKey{k, {e.Rel, k.to, k.from}}
	}
	return []relKey{k}
}

// move makes entry i send final id cur to final id to. same tells that the
// node itself moves (rename, relabel): its name, kind and rejection go
// along; a merge leaves them behind.
func (s *Set) move(i int, cur, to string, same bool) {
	// to is final from now on: it leaves the group it had joined.
	if old, ok := s.ids[to]; ok {
		s.members[old] = slices.DeleteFunc(s.members[old], func(k string) bool { return k == to })
		delete(s.ids, to)
		delete(s.movedBy, to)
		delete(s.joined, to)
	}
	for _, k := range s.members[cur] {
		s.ids[k] = to
		s.movedBy[k] = appendOnce(s.movedBy[k], i)
		s.joined[k] = s.joined[k] || !same
	}
	s.ids[cur] = to
	s.movedBy[cur] = appendOnce(s.movedBy[cur], i)
	s.joined[cur] = s.joined[cur] || !same
	s.members[to] = append(append(s.members[to], s.members[cur]...), cur)
	delete(s.members, cur)

	if f := s.fixes[cur]; f != nil {
		g := s.fixOf(to)
		for _, j := range f.entries {
			g.entries = appendOnce(g.entries, j)
		}
		slices.Sort(g.entries)
		if same {
			if f.name != "" {
				g.name = f.name
			}
			if f.kindSet && !g.kindSet {
				g.kind, g.kindSet = f.kind, true
			}
		}
		delete(s.fixes, cur)
	}
	if r, ok := s.rejected[cur]; ok {
		delete(s.rejected, cur)
		if same {
			s.rejected[to] = r
		}
	}
	var keys []relKey
	for k := range s.relsAt[cur] {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a].String() < keys[b].String() })
	for _, k := range keys {
		n := k
		if n.from == cur {
			n.from = to
		}
		if n.to == cur {
			n.to = to
		}
		r, rejected := s.rejRels[k]
		a := s.asserted[k]
		s.setRel(k, -1, nil)
		if n.from == n.to {
			continue
		}
		if rejected {
			if old, ok := s.rejRels[n]; !ok || r > old {
				s.setRel(n, r, s.asserted[n])
			}
		}
		if a != nil {
			if b := s.asserted[n]; b != nil {
				// Both added the same relationship: the later entry's
				// properties win.
				first, second := a, b
				if last(a.entries) > last(b.entries) {
					first, second = b, a
				}
				props := maps.Clone(first.props)
				maps.Copy(props, second.props)
				entries := append(append([]int(nil), first.entries...), second.entries...)
				slices.Sort(entries)
				a = &assertion{props: props, entries: slices.Compact(entries)}
			}
			r, ok := s.rejRels[n]
			if !ok {
				r = -1
			}
			s.setRel(n, r, a)
		}
		// A relationship both rejected and added: the later entry decides.
		if r, ok := s.rejRels[n]; ok {
			if a := s.asserted[n]; a != nil {
				if r > last(a.entries) {
					s.setRel(n, r, nil)
				} else {
					s.setRel(n, -1, a)
				}
			}
		}
	}
}

// setRel sets what entries say of the relationship k: rejected by entry
// r (-1: not rejected), added by a (nil: not added); relsAt follows.
func (s *Set) setRel(k relKey, r int, a *assertion) {
	if r >= 0 {
		s.rejRels[k] = r
	} else {
		delete(s.rejRels, k)
	}
	if a != nil {
		s.asserted[k] = a
	} else {
		delete(s.asserted, k)
	}
	for _, id := range []string{k.from, k.to} {
		if r >= 0 || a != nil {
			if s.relsAt[id] == nil {
				s.relsAt[id] = map[relKey]bool{}
			}
			s.relsAt[id][k] = true
		} else if m := s.relsAt[id]; m != nil {
			delete(m, k)
			if len(m) == 0 {
				delete(s.relsAt, id)
			}
		}
	}
}

func last(l []int) int { return l[len(l)-1] }

func appendOnce(l []int, i int) []int {
	if slices.Contains(l, i) {
		return l
	}
	return append(l, i)
}

// Idle lists the entries that have nothing to act on whatever the graph
// (merging two nodes that earlier entries made one), with the reason.
func (s *Set) Idle() map[*Entry]string {
	out := map[*Entry]string{}
	for i, why := range s.idle {
		out[s.Entries[i]] = why
	}
	return out
}

// Find is the entry with the given id, or nil.
func (s *Set) Find(id string) *Entry {
	for _, e := range s.Entries {
		if e.ID == id {
			return e
		}
	}
	return nil
}
