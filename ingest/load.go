package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/graph"
)

// LoadOptions configure Load. Sink is required.
type LoadOptions struct {
	// Files are export files (APOC JSON lines); "-" reads Stdin.
	Files []string
	Stdin io.Reader

	Sink Sink
	// Curation, when set, corrects the graphs read (see Options).
	Curation *curate.Set
	// BatchSize is how many graph elements are handed to the sink at once.
	// A file that is not laid out article by article is cut into units of
	// this size.
	BatchSize int

	// Progress and Failure are as for Run.
	Progress func(Summary)
	Failure  func(Failure)
}

// LoadSummary is what a Load did: Read counts the Article nodes met.
type LoadSummary struct {
	Summary
	Elements int // lines read
}

// ErrUnreadable marks a file that Load could not open or read at all.
var ErrUnreadable = errors.New("unreadable file")

// Load writes the graphs of export files to the sink. The lines from one
// Article node to the next are that article's graph: it is written whole or
// not at all. A line that is not valid fails its article, named with the
// file and line, and the rest goes on. A file that cannot be opened stops
// the load with an error wrapping ErrUnreadable; the sink failing as a
// whole stops it with the sink's error.
func Load(ctx context.Context, opt LoadOptions) (LoadSummary, error) {
	if opt.Sink == nil {
		return LoadSummary{}, errors.New("ingest: Load needs a Sink")
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 2000
	}
	l := &loader{opt: opt, r: &run{
		opt: Options{Sink: opt.Sink, Progress: opt.Progress, Failure: opt.Failure, Curation: opt.Curation},
		cur: opt.Curation, ends: map[string]bool{}, sum: Summary{Failures: []Failure{}},
	}}
	err := l.load(ctx)
	return LoadSummary{Summary: l.r.snapshot(), Elements: l.elements}, err
}

// unit is a run of lines written whole: one article's graph when the file
// is laid out article by article.
type unit struct {
	b           graph.Batch
	file        string
	first, last int
	bad         []string // why lines of it were not valid
}

func (u *unit) where() string {
	if u.first == u.last {
		return fmt.Sprintf("%s:%d", u.file, u.first)
	}
	return fmt.Sprintf("%s:%d-%d", u.file, u.first, u.last)
}

type loader struct {
	opt      LoadOptions
	r        *run
	elements int

	cur        *unit
	pending    []*unit
	pendingLen int
}

func (l *loader) load(ctx context.Context) error {
	for _, name := range l.opt.Files {
		err := eachLine(l.opt.Stdin, name, func(line int, raw []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return l.line(ctx, name, line, raw)
		})
		if err == nil {
			err = l.endUnit(ctx)
		}
		if err != nil {
			return err
		}
	}
	if err := l.flush(ctx); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return l.r.writeAsserted(ctx)
}

func (l *loader) line(ctx context.Context, name string, line int, raw []byte) error {
	l.elements++
	node, rel, err := graph.DecodeLine(raw)
	if node != nil && node.Label() == graph.LabelArticle || err != nil && looksLikeArticle(raw) {
		l.r.count(func(s *Summary) { s.Read++ })
		if err := l.endUnit(ctx); err != nil {
			return err
		}
	}
	if l.cur == nil || l.cur.b.Len() >= l.opt.BatchSize {
		if err := l.endUnit(ctx); err != nil {
			return err
		}
		l.cur = &unit{file: name, first: line}
	}
	l.cur.last = line
	switch {
	case err != nil:
		l.cur.bad = append(l.cur.bad, fmt.Sprintf("%s:%d: %v", name, line, err))
	case node != nil:
		l.cur.b.Nodes = append(l.cur.b.Nodes, *node)
	default:
		l.cur.b.Rels = append(l.cur.b.Rels, *rel)
	}
	return nil
}

// endUnit queues the unit in hand, or fails it whole when a line of it
// was not valid, and writes the queue when it is full.
func (l *loader) endUnit(ctx context.Context) error {
	u := l.cur
	l.cur = nil
	switch {
	case u == nil:
		return nil
	case len(u.bad) > 0:
		l.r.fail(Failure{Input: u.where(), Err: fmt.Errorf("load %s: nothing of it written: %s", u.where(), strings.Join(u.bad, "; "))})
		return nil
	case u.b.Len() == 0:
		return nil
	}
	if l.r.cur != nil {
		u.b = *l.r.cur.Apply(&u.b)
		l.r.noteEnds(&u.b)
	}
	units := []*unit{u}
	if rest := analysts(&u.b); len(rest) > 0 {
		units = append(units, &unit{b: graph.Batch{Rels: rest}, file: u.file, first: u.first, last: u.last})
	}
	for _, u := range units {
		l.pending = append(l.pending, u)
		l.pendingLen += u.b.Len()
	}
	if l.pendingLen >= l.opt.BatchSize {
		return l.flush(ctx)
	}
	return nil
}

func (l *loader) flush(ctx context.Context) error {
	if len(l.pending) == 0 {
		return nil
	}
	batches := make([]*graph.Batch, len(l.pending))
	for i, u := range l.pending {
		batches[i] = &u.b
	}
	st, errs, err := l.opt.Sink.Write(ctx, batches)
	l.r.count(func(s *Summary) { s.Stats.Add(st) })
	for i, e := range errs {
		switch {
		case e == nil:
			l.r.count(func(s *Summary) { s.Written++ })
		case err == nil:
			w := l.pending[i].where()
			l.r.fail(Failure{Input: w, Err: fmt.Errorf("load %s: %w", w, e)})
		}
	}
	l.pending, l.pendingLen = nil, 0
	if err != nil {
		return err
	}
	l.r.progress()
	return nil
}

// analysts takes out of an article's graph the relationships whose only
// sources are analysts (those extract writes after the last article), so
// that they are not dated and ranked as the article's own.
func analysts(b *graph.Batch) []graph.Rel {
	arts := 0
	for _, n := range b.Nodes {
		if n.Label() == graph.LabelArticle {
			arts++
		}
	}
	if arts != 1 {
		return nil
	}
	var own, rest []graph.Rel
	for _, r := range b.Rels {
		if onlyAnalysts(graph.Strings(r.Props[graph.PropSources])) {
			rest = append(rest, r)
		} else {
			own = append(own, r)
		}
	}
	if len(rest) > 0 {
		b.Rels = own
	}
	return rest
}

func onlyAnalysts(sources []string) bool {
	for _, s := range sources {
		if !strings.HasPrefix(s, curate.SourcePrefix) {
			return false
		}
	}
	return len(sources) > 0
}

// eachLine calls fn with every non-empty line of the named file ("-" is
// stdin), numbered from 1; fn's errors stop the walk.
func eachLine(stdin io.Reader, name string, fn func(line int, raw []byte) error) error {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("load: %w: %w", ErrUnreadable, err)
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, 1<<20)
	n := 0
	for {
		raw, err := br.ReadBytes('\n')
		if len(raw) > 0 {
			n++
			if t := bytes.TrimSpace(raw); len(t) > 0 {
				if ferr := fn(n, t); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("load: read %s: %w: %w", name, ErrUnreadable, err)
		}
	}
}

// looksLikeArticle tells whether a line that is not valid was meant as an
// Article node, so that a damaged article line still starts its article
// and fails it, not the article before.
func looksLikeArticle(raw []byte) bool {
	return bytes.Contains(raw, []byte(`"node"`)) && (bytes.Contains(raw, []byte(`"Article"`)) || bytes.Contains(raw, []byte(`"article:`)))
}
