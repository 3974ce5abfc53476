package eval

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/geokg/geokg/graph"
)

// relTypes are the relationship types scored as relations; PARTY_TO is
// read through MEDIATES and events, MENTIONS is not scored.
var relTypes = []graph.RelType{graph.RelRepresents, graph.RelMediates, graph.RelControls, graph.RelDemands,
	graph.RelLocatedIn, graph.RelSupports, graph.RelFights}

// symmetric relation types match either way round.
func symmetric(t graph.RelType) bool { return t == graph.RelFights }

// ScoreArticle scores the graph predicted for one article against its
// gold graph. name (the article's file name) prefixes the error lines.
func ScoreArticle(name string, g *Gold, b *graph.Batch) *Tally {
	t := NewTally()
	nodes := dedupe(b.Nodes)
	byID := make(map[string]*graph.Node, len(nodes))
	for _, n := range nodes {
		byID[n.ID] = n
	}

	// Entities. nodeGold maps a node id to the gold entity it denotes; a
	// node of the wrong label still anchors relations by name.
	nodeGold := map[string]int{}
	matched := map[int]int{}
	for _, n := range nodes {
		var labels []string
		for _, l := range n.Labels {
			if l.IsEntity() {
				labels = append(labels, string(l))
			}
		}
		if len(labels) == 0 {
			continue
		}
		names := surfaces(n)
		i, ok := 0, false
		for _, l := range labels {
			if i, ok = g.match(names, l); ok {
				break
			}
		}
		if !ok {
			if j, ok := g.match(names, ""); ok {
				nodeGold[n.ID] = j
			}
			t.add(Key{KindEntity, labels[0]}, Counts{FP: 1})
			t.errorf("%s: extra %s %s", name, labels[0], pyRepr(n.Props[graph.PropName]))
			continue
		}
		nodeGold[n.ID] = i
		if g.Entities[i].Optional {
			continue
		}
		matched[i]++
		if matched[i] == 1 {
			t.add(Key{KindEntity, g.Entities[i].Type}, Counts{TP: 1})
		} else {
			t.Duplicates++
		}
	}
	for i, e := range g.Entities {
		if !bool(e.Optional) && matched[i] == 0 {
			t.add(Key{KindEntity, e.Type}, Counts{FN: 1})
			t.errorf("%s: missed %s %s", name, e.Type, pyRepr(e.Name))
		}
	}
	for _, n := range nodes {
		if hasEntityLabel(n) || hasLabel(n, graph.LabelEvent) {
			continue
		}
		if j, ok := g.match(surfaces(n), ""); ok {
			nodeGold[n.ID] = j
		}
	}

	// Relations, as (type, gold entity, gold entity) triples.
	partyOf := map[string]*idSet{}
	for _, r := range b.Rels {
		if r.Type == graph.RelPartyTo {
			s := partyOf[r.End.ID]
			if s == nil {
				s = &idSet{has: map[string]bool{}}
				partyOf[r.End.ID] = s
			}
			s.add(r.Start.ID)
		}
	}
	type triple struct {
		typ    graph.RelType
		gx, gy int
	}
	type pair struct{ x, y string }
	pred := map[triple]bool{}
	predRules := map[triple][]string{} // the rules that made each triple
	var unmapped []struct {
		typ graph.RelType
		pair
	}
	for _, r := range b.Rels {
		if !slices.Contains(relTypes, r.Type) {
			continue
		}
		a, e := r.Start.ID, r.End.ID
		if start := byID[a]; r.Type == graph.RelLocatedIn && start != nil && hasLabel(start, graph.LabelEvent) {
			continue // an event's place is scored with the event (event_attr:location)
		}
		var pairs []pair
		if end := byID[e]; r.Type == graph.RelMediates && end != nil && hasLabel(end, graph.LabelEvent) {
			if s := partyOf[e]; s != nil {
				for _, p := range s.ids {
					if p != a {
						pairs = append(pairs, pair{a, p})
					}
				}
			}
		} else {
			pairs = []pair{{a, e}}
		}
		for _, p := range pairs {
			gx, okx := nodeGold[p.x]
			gy, oky := nodeGold[p.y]
			if !okx || !oky {
				unmapped = append(unmapped, struct {
					typ graph.RelType
					pair
				}{r.Type, p})
				t.addRule(ruleIDs(r.Props), Counts{FP: 1})
				continue
			}
			tr := triple{r.Type, gx, gy}
			pred[tr] = true
			predRules[tr] = append(predRules[tr], ruleIDs(r.Props)...)
		}
	}
	sorted := make([]triple, 0, len(pred))
	for k := range pred {
		sorted = append(sorted, k)
	}
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		if a.gx != b.gx {
			return a.gx < b.gx
		}
		return a.gy < b.gy
	})
	type goldRel struct {
		from, to map[int]bool
		rel      *Relation
	}
	goldRels := make([]goldRel, len(g.Relations))
	for k := range g.Relations {
		r := &g.Relations[k]
		goldRels[k] = goldRel{g.ids(r.From), g.ids(r.To), r}
	}
	used := map[int]bool{}
	for _, p := range sorted {
		// The best gold relation it can stand for: an unused required
		// one, then an unused optional one, then one already matched.
		hit, rank := -1, 3
		for k, gr := range goldRels {
			if gr.rel.Type != string(p.typ) {
				continue
			}
			ok := gr.from[p.gx] && gr.to[p.gy]
			if !ok && symmetric(p.typ) {
				ok = gr.from[p.gy] && gr.to[p.gx]
			}
			if !ok {
				continue
			}
			r := 0
			switch {
			case used[k]:
				r = 2
			case bool(gr.rel.Optional):
				r = 1
			}
			if r < rank {
				hit, rank = k, r
			}
		}
		switch {
		case hit < 0:
			t.addRule(predRules[p], Counts{FP: 1})
		case !bool(goldRels[hit].rel.Optional):
			t.addRule(predRules[p], Counts{TP: 1})
		}
		switch {
		case hit < 0:
			t.add(Key{KindRelation, string(p.typ)}, Counts{FP: 1})
			t.errorf("%s: extra %s %s -> %s", name, p.typ, g.Entities[p.gx].Name, g.Entities[p.gy].Name)
		case !used[hit]:
			used[hit] = true
			if !goldRels[hit].rel.Optional {
				t.add(Key{KindRelation, string(p.typ)}, Counts{TP: 1})
			}
		}
	}
	for _, u := range unmapped {
		t.add(Key{KindRelation, string(u.typ)}, Counts{FP: 1})
		t.errorf("%s: extra %s %s -> %s (endpoint not in gold)", name, u.typ, nodeName(byID, u.x), nodeName(byID, u.y))
	}
	for k, gr := range goldRels {
		if !used[k] && !bool(gr.rel.Optional) {
			t.add(Key{KindRelation, gr.rel.Type}, Counts{FN: 1})
			t.errorf("%s: missed %s %s -> %s", name, gr.rel.Type, gr.rel.From[0], gr.rel.To[0])
		}
	}

	// Events: the same type and at least one shared side, or no sides in
	// gold. Predicted events of type "other" are never counted against.
	taken := map[int]bool{}
	for _, n := range nodes {
		if !hasLabel(n, graph.LabelEvent) {
			continue
		}
		parties := map[int]bool{}
		if s := partyOf[n.ID]; s != nil {
			for _, p := range s.ids {
				if i, ok := nodeGold[p]; ok {
					parties[i] = true
				}
			}
		}
		typ, isStr := n.Props[graph.PropType].(string)
		// An unused required gold event first, then an optional one.
		hit := -1
		for k := range g.Events {
			ge := &g.Events[k]
			if taken[k] || !isStr || ge.Type != typ {
				continue
			}
			if len(ge.Parties) == 0 || shares(parties, g.ids(ge.Parties)) {
				if hit < 0 || g.Events[hit].Optional && !ge.Optional {
					hit = k
				}
				if !ge.Optional {
					break
				}
			}
		}
		t.scoreEventRules(n, hit, g, nodeGold, b.Rels)
		if hit < 0 {
			if !isStr || typ != "other" {
				t.add(Key{KindEvent, string(graph.LabelEvent)}, Counts{FP: 1})
				t.errorf("%s: extra event %s %s", name, pyStr(n.Props[graph.PropType]), pyRepr(n.Props[graph.PropName]))
			}
			continue
		}
		taken[hit] = true
		if !g.Events[hit].Optional {
			t.add(Key{KindEvent, string(graph.LabelEvent)}, Counts{TP: 1})
			scoreEventAttrs(t, name, g, n, &g.Events[hit], byID, b.Rels)
		}
	}
	for k, ge := range g.Events {
		if !taken[k] && !bool(ge.Optional) {
			t.add(Key{KindEvent, string(graph.LabelEvent)}, Counts{FN: 1})
			parties := "None"
			if ge.Parties != nil {
				parties = pyStr(ge.Parties)
			}
			t.errorf("%s: missed event %s with %s", name, ge.Type, parties)
		}
	}
	return t
}

// dedupe keeps one node per id the way a JSON object keyed by id would:
// the position of the first, the content of the last.
func dedupe(in []graph.Node) []*graph.Node {
	pos := map[string]int{}
	var out []*graph.Node
	for k := range in {
		n := &in[k]
		if i, ok := pos[n.ID]; ok {
			out[i] = n
			continue
		}
		pos[n.ID] = len(out)
		out = append(out, n)
	}
	return out
}

// surfaces are the names a predicted node goes by: its name, then its
// aliases.
func surfaces(n *graph.Node) []string {
	var out []string
	if v := n.Props[graph.PropName]; truthy(v) {
		out = append(out, pyStr(v))
	}
	for _, a := range stringList(n.Props[graph.PropAliases]) {
		if a != "" {
			out = append(out, a)
		}
	}
	return out
}

func hasLabel(n *graph.Node, label graph.Label) bool {
	return slices.Contains(n.Labels, label)
}

func hasEntityLabel(n *graph.Node) bool {
	return slices.ContainsFunc(n.Labels, graph.Label.IsEntity)
}

// nodeName is how an error line names a node: its name, else its id.
func nodeName(byID map[string]*graph.Node, id string) string {
	n := byID[id]
	if n == nil {
		return id
	}
	v, ok := n.Props[graph.PropName]
	if !ok {
		return id
	}
	return pyStr(v)
}

func shares(a, b map[int]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// idSet is a set of ids that remembers the order they were added in, so
// that error lines come out the same on every run.
type idSet struct {
	ids []string
	has map[string]bool
}

func (s *idSet) add(id string) {
	if !s.has[id] {
		s.has[id] = true
		s.ids = append(s.ids, id)
	}
}

func (t *Tally) errorf(format string, args ...any) {
	t.Errors = append(t.Errors, fmt.Sprintf(format, args...))
}

// scoreEventAttrs scores the date and the place of the predicted event n,
// which matched the gold event ge: its date property against the gold
// date (the same day), and the names of the nodes it is LOCATED_IN and its
// location property against the gold location names and their aliases.
func scoreEventAttrs(t *Tally, name string, g *Gold, n *graph.Node, ge *Event, byID map[string]*graph.Node, rels []graph.Rel) {
	label := pyRepr(n.Props[graph.PropName])
	pdate := n.Props["date"]
	if !truthy(pdate) {
		pdate = nil
	}
	if pdate != nil || ge.Date != "" {
		if pdate != nil && ge.Date != "" && prefix(pyStr(pdate), 10) == prefix(ge.Date, 10) {
			t.add(Key{KindEventAttr, "date"}, Counts{TP: 1})
		} else {
			t.add(Key{KindEventAttr, "date"}, Counts{FP: b2i(pdate != nil), FN: b2i(ge.Date != "")})
			gdate := "None"
			if ge.Date != "" {
				gdate = ge.Date
			}
			t.errorf("%s: event %s date %s, gold %s", name, label, pyStr(pdate), gdate)
		}
	}
	var places []string
	for _, r := range rels {
		if r.Type == graph.RelLocatedIn && r.Start.ID == n.ID {
			if end := byID[r.End.ID]; end != nil {
				places = append(places, surfaces(end)...)
			}
		}
	}
	switch loc := n.Props["location"].(type) {
	case []any:
		for _, x := range loc {
			if s, ok := x.(string); ok {
				places = append(places, s)
			}
		}
	case []string:
		places = append(places, loc...)
	case string:
		places = append(places, loc)
	}
	pnorm := map[string]bool{}
	for _, p := range places {
		if p != "" {
			pnorm[Norm(p)] = true
		}
	}
	gnames := map[string]bool{}
	for _, l := range ge.Location {
		gnames[Norm(l)] = true
		if i, ok := g.indexOfName[l]; ok {
			for _, a := range g.Entities[i].Aliases {
				gnames[Norm(a)] = true
			}
		}
	}
	if len(pnorm) == 0 && len(gnames) == 0 {
		return
	}
	for p := range pnorm {
		if gnames[p] {
			t.add(Key{KindEventAttr, "location"}, Counts{TP: 1})
			return
		}
	}
	t.add(Key{KindEventAttr, "location"}, Counts{FP: b2i(len(pnorm) > 0), FN: b2i(len(gnames) > 0)})
	got := "None"
	if len(pnorm) > 0 {
		got = pyStr(slices.Sorted(maps.Keys(pnorm)))
	}
	want := "None"
	if len(ge.Location) > 0 {
		want = pyStr(ge.Location)
	}
	t.errorf("%s: event %s place %s, gold %s", name, label, got, want)
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ruleIDs are the rules a relationship or an event says made it.
func ruleIDs(props map[string]any) []string {
	ids := graph.Strings(props["rule"])
	if len(ids) == 0 {
		return []string{"(no rule)"}
	}
	return slices.Compact(slices.Sorted(slices.Values(ids)))
}

// scoreEventRules scores the rules that made event node n (hit: the gold
// event it matched, or -1) and its sides: a side is right when the event
// matched a gold event that lists it, or lists no sides.
func (t *Tally) scoreEventRules(n *graph.Node, hit int, g *Gold, nodeGold map[string]int, rels []graph.Rel) {
	typ, _ := n.Props[graph.PropType].(string)
	switch {
	case hit >= 0 && !bool(g.Events[hit].Optional):
		t.addRule(ruleIDs(n.Props), Counts{TP: 1})
	case hit < 0 && typ != "other":
		t.addRule(ruleIDs(n.Props), Counts{FP: 1})
	}
	for _, r := range rels {
		if r.Type != graph.RelPartyTo || r.End.ID != n.ID {
			continue
		}
		switch {
		case hit < 0:
			if typ != "other" {
				t.addRule(ruleIDs(r.Props), Counts{FP: 1})
			}
		case bool(g.Events[hit].Optional):
		case len(g.Events[hit].Parties) == 0:
		default:
			i, ok := nodeGold[r.Start.ID]
			if ok && g.ids(g.Events[hit].Parties)[i] {
				t.addRule(ruleIDs(r.Props), Counts{TP: 1})
			} else {
				t.addRule(ruleIDs(r.Props), Counts{FP: 1})
			}
		}
	}
}
