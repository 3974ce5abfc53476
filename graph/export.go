package graph

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// An Exporter merges the graphs of articles by the rules of Merger without
// holding the articles in memory: Article nodes, MENTIONS and Evidence,
// which are one article's each and need no merging, go to temporary files
// as they come, and only what articles share stays in memory (entities,
// events, relationships with their running aggregates, co-mention counts,
// and the ids of the articles seen). It writes the same graph as
// Merger.Batch, in the export format or as neo4j-admin CSV.
//
// Add takes one article's graph at a time (as ingest hands them over); an
// article whose id was added before is skipped, since the same id means
// the same text. Close removes the temporary files.
type Exporter struct {
	m     *Merger
	facts map[string]*factAgg
	// events are the running sources of Event nodes, from MENTIONS.
	events map[string]*factAgg
	pairs  map[string]*pairAgg
	seen   map[string]bool
	dir    string
	spill  [3]*spillFile // articles, mentions, evidence
}

const (
	spillArticles = iota
	spillMentions
	spillEvidence
)

// NewExporter returns an Exporter whose temporary files go in a new
// directory under dir ("" for the system's).
func NewExporter(dir string) (*Exporter, error) {
	tmp, err := os.MkdirTemp(dir, "geokg-export-")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	x := &Exporter{m: NewMerger(), facts: map[string]*factAgg{}, events: map[string]*factAgg{}, pairs: map[string]*pairAgg{}, seen: map[string]bool{}, dir: tmp}
	for i, name := range []string{"articles", "mentions", "evidence"} {
		if x.spill[i], err = newSpill(filepath.Join(tmp, name+".jsonl")); err != nil {
			x.Close()
			return nil, err
		}
	}
	return x, nil
}

// Close removes the temporary files.
func (x *Exporter) Close() error {
	for _, s := range x.spill {
		if s != nil {
			s.f.Close()
		}
	}
	return os.RemoveAll(x.dir)
}

// Add merges one article's graph, which must be valid; a batch that is not
// one article's graph is an error.
func (x *Exporter) Add(b *Batch) error {
	if key, _ := unitKey(b); key == "" {
		return fmt.Errorf("export: a batch of %d elements is not one article's graph", b.Len())
	}
	var article string
	for _, n := range b.Nodes {
		if n.Label() == LabelArticle {
			article = n.ID
		}
	}
	_, published := unitKey(b)
	if x.seen[article] {
		return nil
	}
	x.seen[article] = true
	// The article's own graph merged first: an element named twice in it
	// counts once.
	one := NewMerger()
	one.Add(b)
	parts := one.Parts()
	var actors []Ref
	for i := range parts.Nodes {
		n := &parts.Nodes[i]
		if n.Label() == LabelArticle {
			if err := x.spill[spillArticles].write(n, nil); err != nil {
				return err
			}
			continue
		}
		c := *n
		c.Props = copyProps(n.Props)
		x.m.addNode(&c)
	}
	for i := range parts.Mentions {
		r := &parts.Mentions[i]
		if err := x.spill[spillMentions].write(nil, r); err != nil {
			return err
		}
		if len(r.End.Labels) == 0 {
			continue
		}
		if r.End.Labels[0].IsActor() {
			actors = append(actors, Ref{ID: r.End.ID, Labels: r.End.Labels[:1]})
		}
		if r.End.Labels[0] == LabelEvent {
			agg := x.events[r.End.ID]
			if agg == nil {
				agg = &factAgg{}
				x.events[r.End.ID] = agg
			}
			agg.count++
			agg.insert(&Evidence{Article: article, Published: published})
		}
	}
	for _, f := range parts.Facts {
		if f.Rel == nil {
			return fmt.Errorf("export: article %s: evidence of %s without the relationship", article, f.ID)
		}
		c := *f.Rel
		c.Props = copyProps(f.Rel.Props)
		x.m.addRel(&c)
		agg := x.facts[f.ID]
		if agg == nil {
			agg = &factAgg{}
			x.facts[f.ID] = agg
		}
		for _, e := range f.Evidence {
			agg.add(e)
			n := e.Node()
			if err := x.spill[spillEvidence].write(&n, nil); err != nil {
				return err
			}
		}
	}
	eachPair(actors, func(id string, a, b Ref) {
		if x.pairs[id] == nil {
			x.pairs[id] = &pairAgg{a: a, b: b}
		}
		x.pairs[id].n++
	})
	return nil
}

// shared is the merged graph of what articles share, sorted: entity and
// event nodes, relationships with their aggregates, co-mentions.
func (x *Exporter) shared() *Batch {
	b := &Batch{}
	for _, n := range x.m.nodes {
		c := *n
		if n.Label() == LabelEvent {
			c.Props = copyProps(n.Props)
			if agg := x.events[n.ID]; agg != nil {
				agg.applySources(c.Props)
			}
		}
		b.Nodes = append(b.Nodes, c)
	}
	for _, r := range x.m.rels {
		c := *r
		c.Props = copyProps(r.Props)
		if agg := x.facts[r.ID]; agg != nil {
			agg.apply(&c)
		}
		b.Rels = append(b.Rels, c)
	}
	for id, p := range x.pairs {
		b.Rels = append(b.Rels, Rel{ID: id, Type: RelCoMentioned, Start: p.a, End: p.b, Props: map[string]any{PropID: id, PropArticles: p.n}})
	}
	sortBatch(b)
	return b
}

// WriteJSONL writes the merged graph in the export format: entity and
// event nodes, Article nodes, relationships, MENTIONS, co-mentions, then
// the Evidence nodes after the relationships they support.
func (x *Exporter) WriteJSONL(w io.Writer) error {
	s := x.shared()
	jw := NewJSONLWriter(w)
	if err := jw.Write(&Batch{Nodes: s.Nodes}); err != nil {
		return err
	}
	if err := x.spill[spillArticles].copyTo(w); err != nil {
		return err
	}
	if err := jw.Write(&Batch{Rels: s.Rels}); err != nil {
		return err
	}
	for _, i := range []int{spillMentions, spillEvidence} {
		if err := x.spill[i].copyTo(w); err != nil {
			return err
		}
	}
	return nil
}

// WriteAdminCSV writes the merged graph as WriteAdminCSV does, reading the
// articles' parts back from the temporary files.
func (x *Exporter) WriteAdminCSV(dir string) (*AdminImport, error) {
	s := x.shared()
	return writeAdmin(dir, func(fn func(n *Node, r *Rel) error) error {
		for i := range s.Nodes {
			if err := fn(&s.Nodes[i], nil); err != nil {
				return err
			}
		}
		for i := range s.Rels {
			if err := fn(nil, &s.Rels[i]); err != nil {
				return err
			}
		}
		for _, sp := range x.spill {
			if err := sp.scan(fn); err != nil {
				return err
			}
		}
		return nil
	})
}

// factAgg is the running aggregate of one relationship's evidence: what
// aggregate computes, one article at a time.
type factAgg struct {
	count     int64
	weight    int64
	top       []*Evidence // newest first, at most MaxSources
	sentences []string
	rules     []string
	first     string
	last      string
}

func (a *factAgg) add(e *Evidence) {
	a.count++
	a.weight += e.Weight
	a.sentences = SortedUnion(a.sentences, e.Sentences, MaxEvidence)
	a.rules = SortedUnion(a.rules, e.Rules, 0)
	if e.Published != "" {
		if a.first == "" || e.Published < a.first {
			a.first = e.Published
		}
		if e.Published > a.last {
			a.last = e.Published
		}
	}
	a.insert(e)
}

// insert puts e's article among the newest sources, once.
func (a *factAgg) insert(e *Evidence) {
	k := e.key()
	i := sort.Search(len(a.top), func(i int) bool { return a.top[i].key() <= k })
	if i >= MaxSources || i < len(a.top) && a.top[i].key() == k {
		return
	}
	slim := &Evidence{Article: e.Article, Published: e.Published}
	a.top = append(a.top, nil)
	copy(a.top[i+1:], a.top[i:])
	a.top[i] = slim
	if len(a.top) > MaxSources {
		a.top = a.top[:MaxSources]
	}
}

// applySources sets p's source_count, sources and source_published.
func (a *factAgg) applySources(p map[string]any) {
	sources, dates := make([]string, len(a.top)), make([]string, len(a.top))
	for i, e := range a.top {
		sources[i], dates[i] = e.Article, e.Published
	}
	p[PropSourceCount] = a.count
	p[PropSources] = sources
	p[PropSourcePublished] = dates
}

// insertStored puts stored sources, with their dates, among the newest.
func (a *factAgg) insertStored(sources, dates []string) {
	for i, s := range sources {
		d := ""
		if i < len(dates) {
			d = dates[i]
		}
		a.insert(&Evidence{Article: s, Published: d})
	}
}

// apply sets r's aggregate properties.
func (a *factAgg) apply(r *Rel) {
	p := r.Props
	if a.first != "" {
		widenDates(p, a.first, a.last)
	}
	a.applySources(p)
	p[PropConfidenceWeight] = a.weight
	p[PropConfidence] = ConfidenceOf(a.weight)
	p[PropEvidence] = nonNilStrings(SortedUnion(Strings(p[PropEvidence]), a.sentences, MaxEvidence))
	if rules := SortedUnion(Strings(p[PropRule]), a.rules, 0); len(rules) > 0 {
		p[PropRule] = rules
	} else {
		delete(p, PropRule)
	}
}

// storedAgg reads the aggregates of a relationship in stored form (with
// source_count), or nil.
func storedAgg(r *Rel) *factAgg {
	n, ok := r.Props[PropSourceCount]
	if !ok {
		return nil
	}
	a := &factAgg{count: int64(toFloat(n)), weight: int64(toFloat(r.Props[PropConfidenceWeight]))}
	a.first, _ = r.Props[PropFirstSeen].(string)
	a.last, _ = r.Props[PropLastSeen].(string)
	a.insertStored(Strings(r.Props[PropSources]), Strings(r.Props[PropSourcePublished]))
	return a
}

// merge combines the stored aggregates of one relationship read twice, or
// of two that became one. Without their evidence the articles they share
// are unknown, so the count and weight are the larger, not the sum: a
// stored graph read again merges into itself unchanged.
func (a *factAgg) merge(o *factAgg) {
	a.count = max(a.count, o.count)
	a.weight = max(a.weight, o.weight)
	for _, e := range o.top {
		a.insert(e)
	}
	if o.first != "" && (a.first == "" || o.first < a.first) {
		a.first = o.first
	}
	if o.last > a.last {
		a.last = o.last
	}
}

type pairAgg struct {
	a, b Ref
	n    int64
}

// spillFile is a temporary file of export lines.
type spillFile struct {
	path string
	f    *os.File
	bw   *bufio.Writer
	w    *JSONLWriter
}

func newSpill(path string) (*spillFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	return &spillFile{path: path, f: f, bw: bw, w: NewJSONLWriter(bw)}, nil
}

func (s *spillFile) write(n *Node, r *Rel) error {
	b := &Batch{}
	if n != nil {
		b.Nodes = []Node{*n}
	} else {
		b.Rels = []Rel{*r}
	}
	if err := s.w.Write(b); err != nil {
		return fmt.Errorf("export: spill to %s: %w", s.path, err)
	}
	return nil
}

// open flushes what was written and opens the file to read it back.
func (s *spillFile) open() (*os.File, error) {
	if err := s.bw.Flush(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	f, err := os.Open(s.path)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return f, nil
}

func (s *spillFile) copyTo(w io.Writer) error {
	f, err := s.open()
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

func (s *spillFile) scan(fn func(n *Node, r *Rel) error) error {
	f, err := s.open()
	if err != nil {
		return err
	}
	defer f.Close()
	err = ScanJSONL(bufio.NewReaderSize(f, 1<<20), func(n *Node, r *Rel) error {
		if n != nil && n.Label() == LabelEvidence {
			// Its weight comes back from JSON as a float64.
			e, err := EvidenceFromNode(n)
			if err != nil {
				return err
			}
			en := e.Node()
			n = &en
		}
		return fn(n, r)
	})
	if err != nil {
		return fmt.Errorf("export: read %s: %w", s.path, err)
	}
	return nil
}
