// Package ingest is geokg's pipeline as a library: it reads articles from
// their sources (package source), leaves out those the sink already holds,
// extracts the graph of the others (package extract) and hands the graphs
// to a sink: Neo4j (package store), JSON lines, or an in-memory merge.
//
// Run is the whole pipeline; Load is its second half alone, for graphs
// already extracted into export files. Both report progress and failures
// through hooks, so that a command, a service or a test can drive them.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/source"
)

// An Extractor turns one article into its graph. *extract.Extractor is one.
type Extractor interface {
	Extract(a *article.Article) *graph.Batch
}

// A Sink stores graphs. Write gets the graphs of whole articles, in input
// order, and stores each whole or not at all: errs has one entry per batch,
// nil when it was stored, or why it was not (the rest go on); err is a
// failure of the sink as a whole (unreachable, ctx done), after which the
// run stops.
type Sink interface {
	Write(ctx context.Context, batches []*graph.Batch) (stats graph.Stats, errs []error, err error)
}

// A Holder is a sink that tells which articles it already holds, so that a
// periodic run skips them.
type Holder interface {
	Loaded(ctx context.Context, ids []string) (map[string]bool, error)
}

// Options configure Run. Extractor and Sink are required.
type Options struct {
	// Inputs are files, directories, http(s) URLs or "-" (see source.Read).
	Inputs []string
	// Source configures the readers.
	Source source.Options

	Extractor Extractor
	// Workers is how many articles are extracted at once (at least 1).
	Workers int

	Sink Sink
	// Force writes articles that the sink, a Holder, already holds.
	Force bool

	// Curation, when set, corrects each article's graph after extraction
	// (see curate.Set.Apply); the relationships that analysts added are
	// written after the articles, between nodes that the run met.
	Curation *curate.Set

	// Progress, when set, is called with the counts so far after each
	// group of articles is written.
	Progress func(Summary)
	// Failure, when set, is called for each input, record or article that
	// failed, as it happens; the run goes on without it.
	Failure func(Failure)
}

// Summary is what a run did.
type Summary struct {
	Read    int // articles read
	Written int // articles the sink stored
	Skipped int // articles the sink held already, or that came twice
	Failed  int // inputs, records and articles that failed
	graph.Stats
	Failures []Failure
}

// Failure is one input, record or article that failed.
type Failure struct {
	Input string // a path, "path:line", a URL or "-"
	Err   error
}

func (f Failure) Error() string { return f.Err.Error() }

// groupSize is how many articles are looked up, extracted and written at
// once (about 5,000 graph elements, the loader's transaction: larger
// transactions cost the server less an element); slow inputs (feeds,
// URLs) are written after groupWait even when a group is not full.
const (
	groupSize = 256
	groupWait = time.Second
)

// Run reads, extracts and writes the articles of opt.Inputs. Extraction of
// one group of articles overlaps the writing of the one before; the sink
// gets the groups in input order.
//
// The error is nil when the run went through, however many inputs failed
// (they are in the summary); it is the sink's error when the sink failed as
// a whole, and ctx.Err() when ctx was done first.
func Run(ctx context.Context, opt Options) (Summary, error) {
	if opt.Extractor == nil || opt.Sink == nil {
		return Summary{}, errors.New("ingest: Run needs an Extractor and a Sink")
	}
	r := &run{opt: opt, cur: opt.Curation, ends: map[string]bool{}, sum: Summary{Failures: []Failure{}}}
	return r.do(ctx)
}

// run is one pipeline run: three stages joined by channels, reading,
// extracting and writing, sharing the summary.
type run struct {
	opt Options
	cur *curate.Set
	// ends are the ends of analysts' relationships that the run met.
	ends map[string]bool

	mu  sync.Mutex
	sum Summary
}

func (r *run) fail(f Failure) {
	r.mu.Lock()
	r.sum.Failed++
	r.sum.Failures = append(r.sum.Failures, f)
	r.mu.Unlock()
	if r.opt.Failure != nil {
		r.opt.Failure(f)
	}
}

func (r *run) count(fn func(s *Summary)) {
	r.mu.Lock()
	fn(&r.sum)
	r.mu.Unlock()
}

func (r *run) snapshot() Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.sum
	s.Failures = append([]Failure(nil), r.sum.Failures...)
	return s
}

func (r *run) do(parent context.Context) (Summary, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	var fatal error
	var once sync.Once
	stop := func(err error) {
		once.Do(func() { fatal = err })
		cancel()
	}
	groups := make(chan []*article.Article, 1)
	readErr := make(chan error, 1)
	go func() {
		defer close(groups)
		readErr <- r.read(ctx, groups)
	}()
	done := make(chan []Extracted, 1)
	go func() {
		defer close(done)
		if err := r.extract(ctx, groups, done); err != nil {
			stop(err)
		}
	}()
	for group := range done {
		if err := r.write(ctx, group); err != nil {
			stop(err)
			break
		}
	}
	if fatal == nil && ctx.Err() == nil {
		if err := r.writeAsserted(ctx); err != nil {
			stop(err)
		}
	}
	cancel()
	for range done {
	}
	rerr := <-readErr
	switch {
	case fatal != nil && !errors.Is(fatal, context.Canceled):
		return r.snapshot(), fatal
	case parent.Err() != nil:
		return r.snapshot(), parent.Err()
	case rerr != nil && !errors.Is(rerr, context.Canceled):
		return r.snapshot(), rerr
	}
	return r.snapshot(), nil
}

// read sends the articles of the inputs in groups.
func (r *run) read(ctx context.Context, groups chan<- []*article.Article) error {
	var g []*article.Article
	var started time.Time
	send := func() error {
		select {
		case groups <- g:
			g = nil
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	err := source.Read(ctx, r.opt.Inputs, r.opt.Source, func(a *article.Article, err error) error {
		if err != nil {
			r.fail(Failure{Input: originOf(err), Err: err})
			return nil
		}
		if len(g) == 0 {
			started = time.Now()
		}
		g = append(g, a)
		if len(g) < groupSize && time.Since(started) < groupWait {
			return nil
		}
		return send()
	})
	if err == nil && len(g) > 0 {
		err = send()
	}
	return err
}

// extract leaves out the articles already seen or held, and extracts the
// rest of each group.
func (r *run) extract(ctx context.Context, groups <-chan []*article.Article, done chan<- []Extracted) error {
	seen := newRecent(recentArticles)
	holder, _ := r.opt.Sink.(Holder)
	for g := range groups {
		r.count(func(s *Summary) { s.Read += len(g) })
		var todo []*article.Article
		var ids []string
		for _, a := range g {
			if seen.add(idKey(a.ID)) {
				r.count(func(s *Summary) { s.Skipped++ })
				continue
			}
			todo = append(todo, a)
			ids = append(ids, a.ID)
		}
		if holder != nil && !r.opt.Force && len(ids) > 0 {
			held, err := holder.Loaded(ctx, ids)
			if err != nil {
				return err
			}
			kept := todo[:0]
			for _, a := range todo {
				if held[a.ID] {
					r.count(func(s *Summary) { s.Skipped++ })
					continue
				}
				kept = append(kept, a)
			}
			todo = kept
		}
		select {
		case done <- r.correct(ExtractAll(r.opt.Extractor, todo, r.opt.Workers)):
		case <-ctx.Done():
			return nil
		}
	}
	return nil
}

// recentArticles is how many of the articles read last a run remembers,
// to skip the same article read twice without extracting it again. An
// earlier copy is skipped by the sink (a Holder has it) or merged into
// one by the bulk path; memory stays a few MB however long the run.
const recentArticles = 1 << 18

// recent is the set of the last n keys added. It grows as keys come, so
// that a short run does not set aside room for a long one.
type recent struct {
	n    int
	ring []uint64
	next int
	in   map[uint64]struct{}
}

func newRecent(n int) *recent {
	return &recent{n: n, in: map[uint64]struct{}{}}
}

// add adds k and reports whether it was among the last n keys already.
func (r *recent) add(k uint64) bool {
	if _, ok := r.in[k]; ok {
		return true
	}
	if len(r.ring) < r.n {
		r.ring = append(r.ring, k)
	} else {
		delete(r.in, r.ring[r.next])
		r.ring[r.next] = k
		r.next = (r.next + 1) % len(r.ring)
	}
	r.in[k] = struct{}{}
	return false
}

// idKey is a 64-bit hash of an article id: in a run of a million
// articles, one of them takes another's with odds of about one in 70
// million.
func idKey(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

// correct applies the curation to the graphs of a group, and notes the
// ends of analysts' relationships among their nodes.
func (r *run) correct(group []Extracted) []Extracted {
	if r.cur == nil {
		return group
	}
	for i := range group {
		if group[i].Graph != nil {
			group[i].Graph = r.cur.Apply(group[i].Graph)
			r.noteEnds(group[i].Graph)
		}
	}
	return group
}

func (r *run) noteEnds(b *graph.Batch) {
	for _, n := range b.Nodes {
		if r.cur.IsEnd(n.ID) {
			r.mu.Lock()
			r.ends[n.ID] = true
			r.mu.Unlock()
		}
	}
}

// writeAsserted writes the relationships that analysts added between
// nodes the run met, as a graph of their own after the articles.
func (r *run) writeAsserted(ctx context.Context) error {
	if r.cur == nil {
		return nil
	}
	r.mu.Lock()
	rels := r.cur.Asserted(func(id string) bool { return r.ends[id] })
	r.mu.Unlock()
	if len(rels) == 0 {
		return nil
	}
	st, errs, err := r.opt.Sink.Write(ctx, []*graph.Batch{{Rels: rels}})
	r.count(func(s *Summary) { s.Stats.Add(st) })
	if err != nil {
		return err
	}
	if errs[0] != nil {
		r.fail(Failure{Input: r.cur.Path, Err: fmt.Errorf("relationships added in %s: %w", r.cur.Path, errs[0])})
	}
	r.progress()
	return nil
}

// write hands a group's graphs to the sink.
func (r *run) write(ctx context.Context, group []Extracted) error {
	var batches []*graph.Batch
	var arts []*article.Article
	for _, e := range group {
		if e.Err != nil {
			r.fail(Failure{Input: e.Article.Origin, Err: e.Err})
			continue
		}
		batches = append(batches, e.Graph)
		arts = append(arts, e.Article)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(batches) == 0 {
		r.progress()
		return nil
	}
	st, errs, err := r.opt.Sink.Write(ctx, batches)
	r.count(func(s *Summary) { s.Stats.Add(st) })
	for i, e := range errs {
		switch {
		case e == nil:
			r.count(func(s *Summary) { s.Written++ })
		case err == nil:
			r.fail(Failure{Input: arts[i].Origin, Err: fmt.Errorf("load %s: %w", arts[i].Origin, e)})
		}
	}
	if err != nil {
		return err
	}
	r.progress()
	return nil
}

func (r *run) progress() {
	if r.opt.Progress != nil {
		r.opt.Progress(r.snapshot())
	}
}

// originOf names the input of a reader error.
func originOf(err error) string {
	var ie *source.InputError
	if errors.As(err, &ie) {
		if ie.Line > 0 {
			return fmt.Sprintf("%s:%d", ie.Origin, ie.Line)
		}
		return ie.Origin
	}
	return ""
}
