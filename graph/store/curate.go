package store

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Scope is the part of a stored graph that a correction concerns.
type Scope struct {
	// Moved are nodes read with every relationship they have: those the
	// correction gives another id, or removes.
	Moved []graph.Ref
	// Touched are nodes read alone: those whose properties it sets.
	Touched []graph.Ref
	// Rels are relationships read by type and ends (their ids and
	// properties are not used).
	Rels []graph.Rel
	// Mark, when set, is a property: every node (but articles) and every
	// relationship (but MENTIONS) that has it is read too, so that a
	// correction can take back what an earlier one wrote.
	Mark string
}

// CorrectStats counts what Correct changed.
type CorrectStats struct {
	graph.Stats
	NodesDeleted int `json:"nodes_deleted"`
	RelsDeleted  int `json:"relationships_deleted"`
}

// Changed tells whether anything changed.
func (s CorrectStats) Changed() bool {
	return s.NodesCreated+s.NodesUpdated+s.NodesDeleted+s.RelsCreated+s.RelsUpdated+s.RelsDeleted > 0
}

// Correct brings the part of the graph that scope names in line with fn,
// in one transaction: it reads those nodes and relationships (locking
// them, as the loader does, so that a concurrent load waits), gives them
// to fn, and writes fn's graph back: elements that share an id are merged
// by the merge rules (graph.Merger), elements that fn dropped or moved to
// another id are deleted, and only elements whose labels or properties
// differ are written. Relationships of fn's graph that were not read but
// exist (those a moved relationship now meets) are read and merged too.
//
// Every relationship is read with all its Evidence nodes, which fn
// rewrites with it (graph.Evidence: a moved fact's evidence takes the new
// fact id); the relationship's aggregates (source_count, sources,
// confidence...) are then computed again from them. Two Evidence nodes of
// one article that become one keep the higher confidence, as a corrected
// extraction of the article does. CO_MENTIONED relationships are not read
// or given to fn: after the writes, the co-mentions of every node that
// gained MENTIONS are counted again from them, and so are the sources of
// every Event that did (neither is counted in the stats).
//
// fn must be pure: the transaction may be retried. Running Correct again
// with the same fn changes nothing. With write false, nothing is written
// and the stats tell what would change.
func (db *DB) Correct(ctx context.Context, scope Scope, fn func(*graph.Batch) *graph.Batch, write bool) (CorrectStats, error) {
	mode := neo4j.AccessModeWrite
	if !write {
		mode = neo4j.AccessModeRead
	}
	ctx, cancel := db.QueryContext(ctx)
	defer cancel()
	sess := db.Session(ctx, mode)
	defer sess.Close(context.WithoutCancel(ctx))
	work := func(tx neo4j.ManagedTransaction) (CorrectStats, error) {
		c := newCorrection(tx, write)
		return c.run(ctx, scope, fn, write)
	}
	var st CorrectStats
	var err error
	if write {
		st, err = neo4j.ExecuteWrite(ctx, sess, work)
	} else {
		st, err = neo4j.ExecuteRead(ctx, sess, work)
	}
	if err != nil {
		return CorrectStats{}, fmt.Errorf("correct the graph in %s: %w", db.Config, err)
	}
	return st, nil
}

// correction is one run of Correct inside its transaction.
type correction struct {
	tx   neo4j.ManagedTransaction
	lock bool
	// What was read, by element id.
	nodes map[string]*readNode
	rels  map[string]*readRel
	// facts are the relationships whose Evidence nodes were read, by id.
	facts map[string]bool
}

func newCorrection(tx neo4j.ManagedTransaction, lock bool) *correction {
	return &correction{tx: tx, lock: lock, nodes: map[string]*readNode{}, rels: map[string]*readRel{}, facts: map[string]bool{}}
}

type readNode struct {
	eid  string
	node graph.Node
}

type readRel struct {
	eid string
	rel graph.Rel
}

func (c *correction) run(ctx context.Context, scope Scope, fn func(*graph.Batch) *graph.Batch, write bool) (CorrectStats, error) {
	if err := c.readNodes(ctx, scope.Moved, true); err != nil {
		return CorrectStats{}, err
	}
	if err := c.readNodes(ctx, scope.Touched, false); err != nil {
		return CorrectStats{}, err
	}
	if err := c.readRels(ctx, scope.Rels); err != nil {
		return CorrectStats{}, err
	}
	if scope.Mark != "" {
		if err := c.readMarked(ctx, scope.Mark); err != nil {
			return CorrectStats{}, err
		}
	}
	if err := c.readEvidence(ctx); err != nil {
		return CorrectStats{}, err
	}
	out := fn(c.batch(nil))

	// Elements of fn's graph that exist but were not read: a relationship
	// moved onto one that the kept node has already.
	before := c.readSet()
	var nodes []graph.Ref
	var rels []graph.Rel
	for _, n := range out.Nodes {
		// Evidence of a fact met here is read with the fact.
		if !before.nodes[n.ID] && n.Label() != graph.LabelEvidence {
			nodes = append(nodes, n.Ref())
		}
	}
	for _, r := range out.Rels {
		if !before.rels[r.ID] && r.Type != graph.RelCoMentioned {
			rels = append(rels, r)
		}
	}
	if err := c.readNodes(ctx, nodes, false); err != nil {
		return CorrectStats{}, err
	}
	if err := c.readRels(ctx, rels); err != nil {
		return CorrectStats{}, err
	}
	if err := c.readEvidence(ctx); err != nil {
		return CorrectStats{}, err
	}
	all := &graph.Batch{Nodes: out.Nodes, Rels: out.Rels}
	if extra := c.batch(&before); len(extra.Nodes)+len(extra.Rels) > 0 {
		more := fn(extra)
		all.Nodes = append(append([]graph.Node(nil), all.Nodes...), more.Nodes...)
		all.Rels = append(append([]graph.Rel(nil), all.Rels...), more.Rels...)
	}
	m := graph.NewMerger()
	m.Add(combineEvidence(all))
	want := m.Batch()
	// Co-mentions are counted again after the writes, from MENTIONS.
	want.Rels = slices.DeleteFunc(want.Rels, func(r graph.Rel) bool { return r.Type == graph.RelCoMentioned })

	st, plan := c.diff(want)
	if write {
		if err := plan.run(ctx, c.tx); err != nil {
			return CorrectStats{}, err
		}
		if err := recount(ctx, c.tx, plan.mentioned); err != nil {
			return CorrectStats{}, err
		}
	}
	return st, nil
}

// combineEvidence merges the Evidence nodes of b that share an id (one
// article's support of two facts that became one): sentences and rules
// joined, the higher confidence, as a corrected extraction of the article
// gives them. Other elements are left as they are.
func combineEvidence(b *graph.Batch) *graph.Batch {
	at := map[string]int{}
	var evs []*graph.Evidence
	out := &graph.Batch{Rels: b.Rels}
	for i := range b.Nodes {
		n := &b.Nodes[i]
		if n.Label() != graph.LabelEvidence {
			out.Nodes = append(out.Nodes, *n)
			continue
		}
		e, err := graph.EvidenceFromNode(n)
		if err != nil {
			// Not ours to judge: the merge and the writes check it.
			out.Nodes = append(out.Nodes, *n)
			continue
		}
		j, ok := at[n.ID]
		if !ok {
			at[n.ID] = len(evs)
			evs = append(evs, e)
			continue
		}
		d := evs[j]
		d.Sentences = graph.SortedUnion(d.Sentences, e.Sentences, graph.MaxEvidence)
		d.Rules = graph.SortedUnion(d.Rules, e.Rules, 0)
		if e.Confidence > d.Confidence {
			d.Confidence, d.Weight = e.Confidence, e.Weight
		}
		if d.Published == "" {
			d.Published = e.Published
		}
	}
	for _, e := range evs {
		out.Nodes = append(out.Nodes, e.Node())
	}
	return out
}

// recount counts again, from MENTIONS, the co-mentions of the nodes that
// gained MENTIONS (by label), and the sources of the Events among them.
func recount(ctx context.Context, tx neo4j.ManagedTransaction, ids map[graph.Label][]string) error {
	for _, l := range slices.Sorted(maps.Keys(ids)) {
		var q string
		switch {
		case l.IsActor():
			q = "UNWIND $ids AS id\nMATCH (x:" + quote(l) + " {id: id})<-[:MENTIONS]-(ar:Article)-[:MENTIONS]->(y)\n" +
				"WHERE (" + actorTest("y") + ") AND y <> x\n" + coRecountTail
		case l == graph.LabelEvent:
			q = eventRecountQuery
		default:
			continue
		}
		res, err := tx.Run(ctx, q, map[string]any{"ids": ids[l]})
		if err != nil {
			return fmt.Errorf("count again what %s nodes gained: %w", l, err)
		}
		if _, err := res.Consume(ctx); err != nil {
			return fmt.Errorf("count again what %s nodes gained: %w", l, err)
		}
	}
	return nil
}

// coRecountTail sets the CO_MENTIONED count of each pair (x, y) of the
// rows to the number of articles that name both.
const coRecountTail = `WITH x, y, count(DISTINCT ar) AS k
WITH CASE WHEN x.id < y.id THEN x ELSE y END AS p, CASE WHEN x.id < y.id THEN y ELSE x END AS q, k
MERGE (p)-[c:CO_MENTIONED {id: 'co:' + p.id + ' ' + q.id}]->(q)
ON CREATE SET c.loaded_at = datetime.transaction()
SET c.articles = k, c.a = p.id, c.b = q.id`

// eventRecountQuery sets the sources of Events from their MENTIONS.
var eventRecountQuery = `UNWIND $ids AS id
MATCH (e:Event {id: id})
CALL (e) {
  MATCH (ar:Article)-[:MENTIONS]->(e)
  WITH coalesce(ar.published, '') + ' ' + ar.id AS k ORDER BY k DESC
  RETURN collect(k) AS keys
}
WITH e, keys, keys[..` + strconv.Itoa(graph.MaxSources) + `] AS top
SET e.source_count = size(keys),
  e.sources = [k IN top | split(k, ' ')[1]],
  e.source_published = [k IN top | split(k, ' ')[0]]`

// readIDs are the ids of what has been read.
type readIDs struct{ nodes, rels map[string]bool }

func (c *correction) readSet() readIDs {
	s := readIDs{nodes: map[string]bool{}, rels: map[string]bool{}}
	for _, n := range c.nodes {
		s.nodes[n.node.ID] = true
	}
	for _, r := range c.rels {
		s.rels[r.rel.ID] = true
	}
	return s
}

// batch is what was read, or only what was read after except.
func (c *correction) batch(except *readIDs) *graph.Batch {
	b := &graph.Batch{}
	for _, eid := range slices.Sorted(maps.Keys(c.nodes)) {
		n := c.nodes[eid].node
		if except == nil || !except.nodes[n.ID] {
			b.Nodes = append(b.Nodes, copyNode(n))
		}
	}
	for _, eid := range slices.Sorted(maps.Keys(c.rels)) {
		r := c.rels[eid].rel
		if except == nil || !except.rels[r.ID] {
			r.Props = copyProps(r.Props)
			b.Rels = append(b.Rels, r)
		}
	}
	return b
}

func copyNode(n graph.Node) graph.Node {
	n.Props = copyProps(n.Props)
	n.Labels = append([]graph.Label(nil), n.Labels...)
	return n
}

func copyProps(p map[string]any) map[string]any {
	out := make(map[string]any, len(p))
	for k, v := range p {
		out[k] = v
	}
	return out
}

// lockSet is the Cypher that locks a read element, as the loader's
// queries do, or nothing in a dry run.
func (c *correction) lockSet(v string) string {
	if !c.lock {
		return ""
	}
	return "SET " + v + "._lock = true\n"
}

const relReturn = `RETURN elementId(r) AS eid, type(r) AS type, startNode(r).id AS start, labels(startNode(r)) AS sl,
  endNode(r).id AS end, labels(endNode(r)) AS el, properties(r) AS props`

const nodeReturn = `RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props`

// readNodes reads the nodes refs name that exist, by label, and with all
// their relationships when withRels.
func (c *correction) readNodes(ctx context.Context, refs []graph.Ref, withRels bool) error {
	byLabel := map[graph.Label][]string{}
	for _, r := range refs {
		if len(r.Labels) == 0 || !graph.ValidName(string(r.Labels[0])) {
			return fmt.Errorf("node %s: no valid label", r.ID)
		}
		byLabel[r.Labels[0]] = append(byLabel[r.Labels[0]], r.ID)
	}
	for _, l := range slices.Sorted(maps.Keys(byLabel)) {
		ids := byLabel[l]
		q := "UNWIND $ids AS id MATCH (n:" + quote(l) + " {id: id})\n" + c.lockSet("n") + nodeReturn
		if err := c.collectNodes(ctx, q, map[string]any{"ids": ids}); err != nil {
			return err
		}
		if !withRels {
			continue
		}
		q = "UNWIND $ids AS id MATCH (n:" + quote(l) + " {id: id})-[r]-()\nWHERE type(r) <> '" + string(graph.RelCoMentioned) + "'\nWITH DISTINCT r\n" + c.lockSet("r") + relReturn
		if err := c.collectRels(ctx, q, map[string]any{"ids": ids}); err != nil {
			return err
		}
	}
	return nil
}

// readRels reads the relationships of the type and ends that rels name.
func (c *correction) readRels(ctx context.Context, rels []graph.Rel) error {
	type group struct {
		typ        graph.RelType
		start, end graph.Label
	}
	groups := map[group][]map[string]any{}
	var order []group
	for _, r := range rels {
		if len(r.Start.Labels) == 0 || len(r.End.Labels) == 0 {
			return fmt.Errorf("relationship %s: ends without labels", r.ID)
		}
		g := group{r.Type, r.Start.Labels[0], r.End.Labels[0]}
		for _, name := range []string{string(g.typ), string(g.start), string(g.end)} {
			if !graph.ValidName(name) {
				return fmt.Errorf("relationship %s: invalid type or label %q", r.ID, name)
			}
		}
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], map[string]any{"start": r.Start.ID, "end": r.End.ID})
	}
	for _, g := range order {
		q := "UNWIND $rows AS row MATCH (:" + quote(g.start) + " {id: row.start})-[r:" + quote(g.typ) + "]->(:" + quote(g.end) + " {id: row.end})\n" +
			c.lockSet("r") + relReturn
		if err := c.collectRels(ctx, q, map[string]any{"rows": groups[g]}); err != nil {
			return err
		}
	}
	return nil
}

// readEvidence reads the Evidence nodes of the relationships read whose
// evidence was not read yet.
func (c *correction) readEvidence(ctx context.Context) error {
	var facts []string
	for _, eid := range slices.Sorted(maps.Keys(c.rels)) {
		r := c.rels[eid].rel
		if r.Type != graph.RelMentions && !c.facts[r.ID] {
			c.facts[r.ID] = true
			facts = append(facts, r.ID)
		}
	}
	if len(facts) == 0 {
		return nil
	}
	q := "UNWIND $facts AS f MATCH (n:" + quote(graph.LabelEvidence) + " {fact: f})\n" + c.lockSet("n") + nodeReturn
	return c.collectNodes(ctx, q, map[string]any{"facts": facts})
}

// readMarked reads every node and relationship that has the property
// mark: by label, leaving out articles, and by type, leaving out
// MENTIONS, so that the bulk of the graph is not scanned.
func (c *correction) readMarked(ctx context.Context, mark string) error {
	if !graph.ValidName(mark) {
		return fmt.Errorf("invalid property name %q", mark)
	}
	for _, l := range graph.Labels {
		if l == graph.LabelArticle {
			continue
		}
		q := "MATCH (n:" + quote(l) + ") WHERE n." + quote(mark) + " IS NOT NULL\n" + c.lockSet("n") + nodeReturn
		if err := c.collectNodes(ctx, q, nil); err != nil {
			return err
		}
	}
	var types []string
	for _, t := range graph.RelTypes {
		if t != graph.RelMentions {
			types = append(types, quote(t))
		}
	}
	q := "MATCH ()-[r:" + strings.Join(types, "|") + "]->() WHERE r." + quote(mark) + " IS NOT NULL\n" + c.lockSet("r") + relReturn
	return c.collectRels(ctx, q, nil)
}

func (c *correction) collectNodes(ctx context.Context, q string, params map[string]any) error {
	res, err := c.tx.Run(ctx, q, params)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		rec := res.Record()
		var eid string
		var ls []any
		var props map[string]any
		for k, dst := range map[string]any{"eid": &eid, "labels": &ls, "props": &props} {
			if err := recordInto(rec, k, dst); err != nil {
				return err
			}
		}
		delete(props, "_lock")
		for _, k := range graph.LoadTimeProps {
			delete(props, k)
		}
		id, _ := props[graph.PropID].(string)
		c.nodes[eid] = &readNode{eid: eid, node: graph.Node{ID: id, Labels: labelsOf(ls), Props: normalizeProps(props)}}
	}
	return res.Err()
}

func (c *correction) collectRels(ctx context.Context, q string, params map[string]any) error {
	res, err := c.tx.Run(ctx, q, params)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		rec := res.Record()
		var eid, typ string
		var r graph.Rel
		var sl, el []any
		var props map[string]any
		for k, dst := range map[string]any{"eid": &eid, "type": &typ, "start": &r.Start.ID, "end": &r.End.ID, "sl": &sl, "el": &el, "props": &props} {
			if err := recordInto(rec, k, dst); err != nil {
				return err
			}
		}
		if typ == string(graph.RelCoMentioned) {
			// Counted again from MENTIONS after the writes.
			continue
		}
		delete(props, "_lock")
		for _, k := range graph.LoadTimeProps {
			delete(props, k)
		}
		r.ID, _ = props[graph.PropID].(string)
		r.Type, r.Start.Labels, r.End.Labels, r.Props = graph.RelType(typ), labelsOf(sl), labelsOf(el), normalizeProps(props)
		c.rels[eid] = &readRel{eid: eid, rel: r}
	}
	return res.Err()
}

// correctPlan is the writes that make the graph what was wanted.
type correctPlan struct {
	deleteRels, deleteNodes, unlockRels, unlockNodes []string // element ids
	nodes                                            []graph.Node
	rels                                             []graph.Rel
	// mentioned are the nodes that MENTIONS created end at, by label.
	mentioned map[graph.Label][]string
}

// diff compares what was read with what is wanted.
func (c *correction) diff(want *graph.Batch) (CorrectStats, *correctPlan) {
	var st CorrectStats
	p := &correctPlan{mentioned: map[graph.Label][]string{}}
	wantNodes := map[string]*graph.Node{}
	for i := range want.Nodes {
		wantNodes[want.Nodes[i].ID] = &want.Nodes[i]
	}
	wantRels := map[string]*graph.Rel{}
	for i := range want.Rels {
		wantRels[want.Rels[i].ID] = &want.Rels[i]
	}
	haveNode := map[string]bool{}
	for _, eid := range slices.Sorted(maps.Keys(c.nodes)) {
		n := c.nodes[eid].node
		w := wantNodes[n.ID]
		switch {
		case w == nil:
			p.deleteNodes = append(p.deleteNodes, eid)
			st.NodesDeleted++
		case sameNode(n, *w):
			p.unlockNodes = append(p.unlockNodes, eid)
			haveNode[n.ID] = true
		default:
			p.nodes = append(p.nodes, *w)
			st.NodesUpdated++
			haveNode[n.ID] = true
		}
	}
	for _, n := range want.Nodes {
		if !haveNode[n.ID] && !slicesContainsNode(p.nodes, n.ID) {
			p.nodes = append(p.nodes, n)
			st.NodesCreated++
		}
	}
	haveRel := map[string]bool{}
	for _, eid := range slices.Sorted(maps.Keys(c.rels)) {
		r := c.rels[eid].rel
		w := wantRels[r.ID]
		switch {
		case w == nil || haveRel[r.ID] || w.Type != r.Type || w.Start.ID != r.Start.ID || w.End.ID != r.End.ID:
			// Gone, a second copy, or the same id between other nodes.
			p.deleteRels = append(p.deleteRels, eid)
			st.RelsDeleted++
		case sameProps(r.Props, w.Props):
			p.unlockRels = append(p.unlockRels, eid)
			haveRel[r.ID] = true
		default:
			p.rels = append(p.rels, *w)
			st.RelsUpdated++
			haveRel[r.ID] = true
		}
	}
	for _, r := range want.Rels {
		if !haveRel[r.ID] {
			p.rels = append(p.rels, r)
			st.RelsCreated++
			if r.Type == graph.RelMentions {
				l := r.End.Labels[0]
				if !slices.Contains(p.mentioned[l], r.End.ID) {
					p.mentioned[l] = append(p.mentioned[l], r.End.ID)
				}
			}
		}
	}
	return st, p
}

func slicesContainsNode(ns []graph.Node, id string) bool {
	for _, n := range ns {
		if n.ID == id {
			return true
		}
	}
	return false
}

func sameNode(a, b graph.Node) bool {
	if len(a.Labels) != len(b.Labels) {
		return false
	}
	for i := range a.Labels {
		if a.Labels[i] != b.Labels[i] {
			return false
		}
	}
	return sameProps(a.Props, b.Props)
}

// sameProps compares property maps by value, whatever the Go types of
// their lists ([]string or []any) and numbers.
func sameProps(a, b map[string]any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}

func (p *correctPlan) run(ctx context.Context, tx neo4j.ManagedTransaction) error {
	exec := func(what, q string, params map[string]any, want int) error {
		res, err := tx.Run(ctx, q, params)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		n, _, err := neo4j.GetRecordValue[int64](rec, "n")
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if want >= 0 && int(n) != want {
			return fmt.Errorf("%s: %d of %d written: %w", what, want-int(n), want, errMissingEndpoint)
		}
		return nil
	}
	if len(p.deleteRels) > 0 {
		if err := exec("delete relationships", "UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r RETURN count(*) AS n",
			map[string]any{"eids": p.deleteRels}, -1); err != nil {
			return err
		}
	}
	if len(p.deleteNodes) > 0 {
		if err := exec("delete nodes", "UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n RETURN count(*) AS n",
			map[string]any{"eids": p.deleteNodes}, -1); err != nil {
			return err
		}
	}
	nodeGroups := map[string][]map[string]any{}
	nodeLabels := map[string][]graph.Label{}
	for _, n := range p.nodes {
		if err := graph.Validate(&graph.Batch{Nodes: []graph.Node{n}}); err != nil {
			return err
		}
		k := graph.JoinLabels(n.Labels, ":")
		nodeGroups[k] = append(nodeGroups[k], map[string]any{"id": n.ID, "props": n.Props})
		nodeLabels[k] = n.Labels
	}
	for _, k := range slices.Sorted(maps.Keys(nodeGroups)) {
		ls := nodeLabels[k]
		q := "UNWIND $rows AS row MERGE (n:" + quote(ls[0]) + " {id: row.id})\n"
		for _, l := range ls[1:] {
			q += "SET n:" + quote(l) + "\n"
		}
		q += "WITH n, row, n.loaded_at AS loaded\nSET n = row.props\nSET n.loaded_at = coalesce(loaded, datetime.transaction())\n"
		if ls[0] == graph.LabelEvent {
			q += "WITH n AS e\n" + eventBounds + "\nWITH e AS n\n"
		}
		q += "RETURN count(*) AS n"
		if err := exec("write "+k+" nodes", q, map[string]any{"rows": nodeGroups[k]}, len(nodeGroups[k])); err != nil {
			return err
		}
	}
	type group struct {
		typ        graph.RelType
		start, end graph.Label
	}
	relGroups := map[group][]map[string]any{}
	var order []group
	for _, r := range p.rels {
		if err := graph.Validate(&graph.Batch{Rels: []graph.Rel{r}}); err != nil {
			return err
		}
		g := group{r.Type, r.Start.Labels[0], r.End.Labels[0]}
		if _, ok := relGroups[g]; !ok {
			order = append(order, g)
		}
		relGroups[g] = append(relGroups[g], map[string]any{"id": r.ID, "start": r.Start.ID, "end": r.End.ID, "props": r.Props})
	}
	for _, g := range order {
		q := "UNWIND $rows AS row\nMATCH (a:" + quote(g.start) + " {id: row.start})\nMATCH (b:" + quote(g.end) + " {id: row.end})\n" +
			"MERGE (a)-[r:" + quote(g.typ) + " {id: row.id}]->(b)\nWITH a, b, r, row, r.loaded_at AS loaded\nSET r = row.props\n" +
			"SET r.loaded_at = coalesce(loaded, datetime.transaction())" + withDerived(g.typ, g.start, g.end) + "\nRETURN count(*) AS n"
		if err := exec(fmt.Sprintf("write %s relationships", g.typ), q, map[string]any{"rows": relGroups[g]}, len(relGroups[g])); err != nil {
			return err
		}
	}
	if len(p.unlockNodes) > 0 {
		if err := exec("unlock nodes", "UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid REMOVE n._lock RETURN count(*) AS n",
			map[string]any{"eids": p.unlockNodes}, -1); err != nil {
			return err
		}
	}
	if len(p.unlockRels) > 0 {
		if err := exec("unlock relationships", "UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid REMOVE r._lock RETURN count(*) AS n",
			map[string]any{"eids": p.unlockRels}, -1); err != nil {
			return err
		}
	}
	return nil
}

// Nodes reads the nodes that refs name, by label and id; those that do not
// exist are left out.
func (db *DB) Nodes(ctx context.Context, refs []graph.Ref) ([]graph.Node, error) {
	ctx, cancel := db.QueryContext(ctx)
	defer cancel()
	sess := db.Session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	out, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) ([]graph.Node, error) {
		c := newCorrection(tx, false)
		if err := c.readNodes(ctx, refs, false); err != nil {
			return nil, err
		}
		return c.batch(nil).Nodes, nil
	})
	if err != nil {
		return nil, fmt.Errorf("read nodes from %s: %w", db.Config, err)
	}
	return out, nil
}
