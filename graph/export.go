package graph

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// DefaultExportMemory is the Exporter's default Memory: 64 MiB.
const DefaultExportMemory = 64 << 20

// An Exporter merges the graphs of articles by the rules of Merger in
// memory that does not grow with the number of articles: an external
// merge sort. Add turns each article's graph into records, each keyed by
// the element it belongs to — the article's version of each node and
// relationship, its support of each fact (an Evidence node), its report
// of each event, each pair of actors it names — and keeps them in a
// buffer of about Memory bytes; a full buffer is sorted by key and
// written to a temporary file as a run. The first Write merges the runs
// and folds the records of each element by Merger's rules, which do not
// depend on order, so it writes the same graph as Merger.Batch, in the
// export format or as neo4j-admin CSV, one element in memory at a time.
//
// An article whose id was added before counts once, since the same id
// means the same text: within an element, the records of one article are
// next to each other in the merge, and only the first added is kept.
// Close removes the temporary files.
type Exporter struct {
	// Memory is about how many bytes of records are held before they are
	// sorted to disk, by a goroutine while as many fill again (so up to
	// twice Memory is held); 0 means DefaultExportMemory. Set it before
	// Add.
	Memory int64

	dir  string
	sort *sorter
	seq  uint64 // of the next article added
	key  []byte
	line bytes.Buffer
	enc  *json.Encoder

	// After the merge: the merged graph in the export format, without
	// the Evidence nodes (graph.jsonl) and those (evidence.jsonl), and the
	// columns of its CSV files.
	merged   bool
	mergeErr error
	types    *adminTypes
}

// The sections of the merged graph, in the order it is written: entity
// and event nodes, Article nodes, the relationships (facts and
// co-mentions, by type), MENTIONS; Evidence nodes follow, in the order of
// their facts.
const (
	secNodes byte = iota
	secArticles
	secRels
	secMentions
)

// The kinds of record of one element: its versions (of a node or a
// relationship, or a co-mention pair), then its sources (an Evidence node
// of a fact, a report of an event).
const (
	kindVersion byte = iota
	kindSource
)

const (
	mergedFile   = "graph.jsonl"
	evidenceFile = "evidence.jsonl"
)

// NewExporter returns an Exporter whose temporary files go in a new
// directory under dir ("" for the system's).
func NewExporter(dir string) (*Exporter, error) {
	tmp, err := os.MkdirTemp(dir, "geokg-export-")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	x := &Exporter{dir: tmp}
	x.enc = json.NewEncoder(&x.line)
	x.enc.SetEscapeHTML(false)
	return x, nil
}

// Close removes the temporary files, once a run being written is.
func (x *Exporter) Close() error {
	if x.sort != nil {
		x.sort.wait()
	}
	return os.RemoveAll(x.dir)
}

// Add merges one article's graph, which must be valid; a batch that is not
// one article's graph is an error.
func (x *Exporter) Add(b *Batch) error {
	key, published := unitKey(b)
	if key == "" {
		return fmt.Errorf("export: a batch of %d elements is not one article's graph", b.Len())
	}
	if x.merged {
		return errors.New("export: an article added after the graph was written")
	}
	if x.sort == nil {
		limit := x.Memory
		if limit <= 0 {
			limit = DefaultExportMemory
		}
		x.sort = newSorter(x.dir, limit)
	}
	var article string
	for _, n := range b.Nodes {
		if n.Label() == LabelArticle {
			article = n.ID
		}
	}
	seq := x.seq
	x.seq++
	// The article's own graph merged first: an element named twice in it
	// counts once.
	one := NewMerger()
	one.Add(b)
	parts := one.Parts()
	// Its Evidence must each have their relationship, written before them.
	for _, f := range parts.Facts {
		if f.Rel == nil {
			return fmt.Errorf("export: article %s: evidence of %s without the relationship", article, f.ID)
		}
	}
	rec := func(sec byte, rank int, name, id string, kind byte, source string, payload []byte) error {
		k := append(x.key[:0], sec, byte(rank>>8), byte(rank))
		k = append(append(k, name...), 0)
		k = append(append(k, id...), 0)
		glen := len(k)
		k = append(append(append(k, kind), source...), 0)
		x.key = binary.BigEndian.AppendUint64(k, seq)
		if err := x.sort.add(x.key, glen, payload); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	for i := range parts.Nodes {
		n := &parts.Nodes[i]
		line, err := x.encode(n, nil)
		if err != nil {
			return err
		}
		if n.Label() == LabelArticle {
			err = rec(secArticles, 0, "", n.ID, kindVersion, article, line)
		} else {
			err = rec(secNodes, n.Label().Rank(), string(n.Label()), n.ID, kindVersion, article, line)
		}
		if err != nil {
			return err
		}
	}
	var actors []Ref
	for i := range parts.Mentions {
		r := &parts.Mentions[i]
		line, err := x.encode(nil, r)
		if err != nil {
			return err
		}
		if err := rec(secMentions, 0, "", r.ID, kindVersion, article, line); err != nil {
			return err
		}
		if len(r.End.Labels) == 0 {
			continue
		}
		if l := r.End.Labels[0]; l.IsActor() {
			actors = append(actors, Ref{ID: r.End.ID, Labels: r.End.Labels[:1]})
		} else if l == LabelEvent {
			if err := rec(secNodes, l.Rank(), string(l), r.End.ID, kindSource, article, []byte(published)); err != nil {
				return err
			}
		}
	}
	for _, f := range parts.Facts {
		line, err := x.encode(nil, f.Rel)
		if err != nil {
			return err
		}
		if err := rec(secRels, 0, string(f.Type), f.ID, kindVersion, article, line); err != nil {
			return err
		}
		for _, e := range f.Evidence {
			n := e.Node()
			line, err := x.encode(&n, nil)
			if err != nil {
				return err
			}
			if err := rec(secRels, 0, string(f.Type), f.ID, kindSource, e.Article, line); err != nil {
				return err
			}
		}
	}
	var err error
	eachPair(actors, func(id string, a, b Ref) {
		if err == nil {
			payload := a.ID + "\x00" + string(a.Labels[0]) + "\x00" + b.ID + "\x00" + string(b.Labels[0])
			err = rec(secRels, 0, string(RelCoMentioned), id, kindVersion, article, []byte(payload))
		}
	})
	return err
}

// encode is n or r as a line of the export format, valid until the next
// call.
func (x *Exporter) encode(n *Node, r *Rel) ([]byte, error) {
	x.line.Reset()
	var err error
	if n != nil {
		err = x.enc.Encode(nodeLine(n))
	} else {
		err = x.enc.Encode(relLine(r))
	}
	if err != nil {
		return nil, fmt.Errorf("export: encode: %w", err)
	}
	return x.line.Bytes(), nil
}

// merge merges the runs, once, into the files of the merged graph.
func (x *Exporter) merge() error {
	if x.merged {
		return x.mergeErr
	}
	x.merged = true
	x.mergeErr = x.mergeFiles()
	return x.mergeErr
}

func (x *Exporter) mergeFiles() error {
	if x.sort == nil {
		x.sort = newSorter(x.dir, DefaultExportMemory)
	}
	var files [2]*os.File
	defer func() {
		for _, f := range files {
			if f != nil {
				f.Close()
			}
		}
	}()
	f := &fold{types: newAdminTypes()}
	for i, name := range []string{mergedFile, evidenceFile} {
		var err error
		if files[i], err = os.Create(filepath.Join(x.dir, name)); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	f.out, f.evidence = bufio.NewWriterSize(files[0], 1<<20), bufio.NewWriterSize(files[1], 1<<20)
	f.enc = json.NewEncoder(f.out)
	f.enc.SetEscapeHTML(false)
	err := x.sort.each(f.record)
	if err == nil {
		err = f.finish()
	}
	for i, w := range []*bufio.Writer{f.out, f.evidence} {
		if err == nil {
			err = w.Flush()
		}
		if cerr := files[i].Close(); err == nil {
			err = cerr
		}
		files[i] = nil
	}
	if err != nil {
		return fmt.Errorf("export: merge: %w", err)
	}
	x.types = f.types
	return nil
}

// A fold merges the records of one element at a time, in key order, and
// writes the element when its last record has come, or hands it to emit.
type fold struct {
	out, evidence *bufio.Writer
	enc           *json.Encoder
	types         *adminTypes
	emit          func(n *Node, r *Rel) error

	group []byte // the key of the element
	last  []byte // the key, without its order of addition, of the last record kept
	node  *Node
	rel   *Rel
	agg   *factAgg
	pair  *Rel
}

func (f *fold) record(key []byte, glen int, payload []byte) error {
	// Records of one element and one article, of an article added twice.
	k := key[:len(key)-8]
	if bytes.Equal(k, f.last) {
		return nil
	}
	f.last = append(f.last[:0], k...)
	if !bytes.Equal(key[:glen], f.group) {
		if err := f.finish(); err != nil {
			return err
		}
		f.group = append(f.group[:0], key[:glen]...)
	}
	sec, kind := key[0], key[glen]
	switch {
	case sec == secArticles || sec == secMentions:
		// An article's own: written as it is.
		return f.own(payload)
	case sec == secNodes && kind == kindSource:
		// A report of an event.
		if f.agg == nil {
			f.agg = &factAgg{}
		}
		f.agg.count++
		f.agg.insert(&Evidence{Article: string(key[glen+1 : len(key)-9]), Published: string(payload)})
		return nil
	case sec == secNodes:
		n, _, err := DecodeLine(payload)
		if err != nil {
			return err
		}
		if f.node == nil {
			f.node = n
		} else {
			mergeNode(f.node, n)
		}
		return nil
	case kind == kindSource:
		// The Evidence of one article for the fact.
		n, _, err := DecodeLine(payload)
		if err != nil {
			return err
		}
		e, err := EvidenceFromNode(n)
		if err != nil {
			return err
		}
		if f.agg == nil {
			f.agg = &factAgg{}
		}
		f.agg.add(e)
		n.Props[PropWeight] = e.Weight // an integer, as Merger has it
		if f.emit != nil {
			return f.emit(n, nil)
		}
		if _, err := f.evidence.Write(payload); err != nil {
			return err
		}
		return f.types.see(n, nil)
	case f.pair != nil:
		f.pair.Props[PropArticles] = f.pair.Props[PropArticles].(int64) + 1
		return nil
	}
	g := key[3 : glen-1]
	typ, id, _ := bytes.Cut(g, []byte{0})
	if RelType(typ) == RelCoMentioned {
		p := bytes.Split(payload, []byte{0})
		if len(p) != 4 {
			return fmt.Errorf("co-mention %s: bad record", id)
		}
		r := coMention(Ref{ID: string(p[0]), Labels: []Label{Label(p[1])}}, Ref{ID: string(p[2]), Labels: []Label{Label(p[3])}}, 1)
		f.pair = &r
		return nil
	}
	_, r, err := DecodeLine(payload)
	if err != nil {
		return err
	}
	if r == nil {
		return fmt.Errorf("relationship %s: bad record", id)
	}
	if f.rel == nil {
		f.rel = r
	} else {
		mergeRelProps(f.rel.Props, r.Props)
	}
	return nil
}

// own writes a line of one article's own, as it is.
func (f *fold) own(line []byte) error {
	n, r, err := DecodeLine(line)
	if err != nil {
		return err
	}
	if f.emit != nil {
		return f.emit(n, r)
	}
	if _, err := f.out.Write(line); err != nil {
		return err
	}
	return f.types.see(n, r)
}

// finish writes the element whose records have all come, if any.
func (f *fold) finish() error {
	node, rel, agg := f.node, f.rel, f.agg
	if f.pair != nil {
		rel = f.pair
	}
	f.node, f.rel, f.agg, f.pair = nil, nil, nil, nil
	var err error
	switch {
	case node != nil:
		if agg != nil && node.Label() == LabelEvent {
			agg.applySources(node.Props)
		}
		if f.emit != nil {
			return f.emit(node, nil)
		}
		err = f.enc.Encode(nodeLine(node))
		if err == nil {
			err = f.types.see(node, nil)
		}
	case rel != nil:
		if agg != nil {
			agg.apply(rel)
		}
		if f.emit != nil {
			return f.emit(nil, rel)
		}
		err = f.enc.Encode(relLine(rel))
		if err == nil {
			err = f.types.see(nil, rel)
		}
	}
	return err
}

// WriteJSONL writes the merged graph in the export format: entity and
// event nodes, Article nodes, relationships with co-mentions, MENTIONS,
// then the Evidence nodes after the relationships they support. Each part
// is sorted by label or type and id, Evidence by fact and article.
func (x *Exporter) WriteJSONL(w io.Writer) error {
	if err := x.merge(); err != nil {
		return err
	}
	for _, name := range []string{mergedFile, evidenceFile} {
		f, err := os.Open(filepath.Join(x.dir, name))
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		_, err = io.Copy(w, f)
		f.Close()
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

// WriteAdminCSV writes the merged graph as WriteAdminCSV does.
func (x *Exporter) WriteAdminCSV(dir string) (*AdminImport, error) {
	if err := x.merge(); err != nil {
		return nil, err
	}
	return x.types.write(dir, x.Scan)
}

// Scan calls fn with each node and relationship of the merged graph, one
// in memory at a time, as ScanJSONL reads them back (numbers as float64):
// in the order WriteJSONL writes them, except that the Evidence nodes of
// each relationship come right after it, so that a writer in pieces finds
// most relationships with their evidence.
func (x *Exporter) Scan(fn func(n *Node, r *Rel) error) error {
	if err := x.merge(); err != nil {
		return err
	}
	var files [2]*os.File
	for i, name := range []string{mergedFile, evidenceFile} {
		f, err := os.Open(filepath.Join(x.dir, name))
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		files[i] = f
	}
	// Both files are in the order of the merge's keys: the relationships
	// by type and id, the Evidence by the type and id of their fact.
	ev := &evidenceReader{sc: bufio.NewScanner(bufio.NewReaderSize(files[1], 1<<20)), path: files[1].Name()}
	ev.sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	// fn's own errors (a full disk, a closed pipe) are not the files'.
	var fnErr error
	call := func(n *Node, r *Rel) error {
		fnErr = fn(n, r)
		return fnErr
	}
	err := ScanJSONL(bufio.NewReaderSize(files[0], 1<<20), func(n *Node, r *Rel) error {
		if err := call(n, r); err != nil || r == nil || r.Type == RelMentions {
			return err
		}
		return ev.upTo(string(r.Type)+"\x00"+r.ID, call)
	})
	if err == nil {
		err = ev.upTo("", call)
	}
	switch {
	case fnErr != nil:
		return fnErr
	case err != nil && ev.err != nil:
		return fmt.Errorf("export: read %s: %w", ev.path, ev.err)
	case err != nil:
		return fmt.Errorf("export: read %s: %w", files[0].Name(), err)
	}
	return nil
}

// Each calls fn with each element of the merged graph as the merge
// finishes it, in the order WriteJSONL writes them except that the
// Evidence nodes of a relationship come just before it, and with the
// values the database stores (counts and weights as integers). It keeps
// nothing on disk or in memory but the merge's input: the Exporter can
// write nothing after it.
func (x *Exporter) Each(fn func(n *Node, r *Rel) error) error {
	if x.merged {
		return errors.New("export: the graph was merged already")
	}
	x.merged = true
	x.mergeErr = errors.New("export: the merged graph was handed out by Each")
	if x.sort == nil {
		x.sort = newSorter(x.dir, DefaultExportMemory)
	}
	// fn's own errors (a failed write) are not the merge's.
	var fnErr error
	// Handed out, the elements are not written, so no column types are
	// gathered for them.
	f := &fold{emit: func(n *Node, r *Rel) error {
		fnErr = fn(n, r)
		return fnErr
	}}
	err := x.sort.each(f.record)
	if err == nil {
		err = f.finish()
	}
	switch {
	case fnErr != nil:
		return fnErr
	case err != nil:
		return fmt.Errorf("export: merge: %w", err)
	}
	return nil
}

// An evidenceReader reads the Evidence nodes of the merged graph ahead of
// the relationships they belong to.
type evidenceReader struct {
	sc   *bufio.Scanner
	path string
	line int
	next *Node
	key  string // of next: its fact's type and id
	done bool
	err  error
}

// upTo calls fn with the Evidence nodes whose facts sort up to key (all
// the rest when key is empty).
func (e *evidenceReader) upTo(key string, fn func(n *Node, r *Rel) error) error {
	for {
		if e.next == nil && !e.done {
			if err := e.read(); err != nil {
				return err
			}
		}
		if e.next == nil || key != "" && e.key > key {
			return nil
		}
		n := e.next
		e.next = nil
		if err := fn(n, nil); err != nil {
			return err
		}
	}
}

func (e *evidenceReader) read() error {
	for e.sc.Scan() {
		e.line++
		if len(e.sc.Bytes()) == 0 {
			continue
		}
		n, _, err := DecodeLine(e.sc.Bytes())
		if err == nil && n == nil {
			err = errors.New("a relationship among the Evidence nodes")
		}
		if err != nil {
			e.err = fmt.Errorf("line %d: %w", e.line, err)
			return e.err
		}
		fact, _ := n.Props[PropFact].(string)
		typ, _ := n.Props[PropFactType].(string)
		e.next, e.key = n, typ+"\x00"+fact
		return nil
	}
	e.done = true
	if err := e.sc.Err(); err != nil {
		e.err = fmt.Errorf("line %d: %w", e.line+1, err)
		return e.err
	}
	return nil
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
	k := e.Key()
	i := sort.Search(len(a.top), func(i int) bool { return a.top[i].Key() <= k })
	if i >= MaxSources || i < len(a.top) && a.top[i].Key() == k {
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
