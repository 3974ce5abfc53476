package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/ingest/source"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

func ingestCommand() *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "extract articles and load their graph into Neo4j, idempotently",
		ArgsUsage: "PATH...|URL...|-",
		Description: `ingest reads articles (text, Markdown, HTML, JSON lines, RSS/Atom feeds,
directories, http(s) URLs of pages or feeds, or - for standard input),
extracts their graph and merges it into Neo4j. It is made for periodic
runs: articles already loaded (same article id, a hash of the text) are
skipped unless --force, and loading the same articles again changes
nothing. Each article is written whole in one transaction, so an import
killed midway and run again ends with the graph of an uninterrupted run.
The first ingest into an empty database creates the schema.

A summary goes to standard error (and as JSON to --summary FILE); a
progress line shows on a terminal. Exit status: 0 when every article
loaded or was skipped, 1 when some inputs failed (the rest loaded), 2 on
misuse or when Neo4j cannot be reached.

Examples:
  geokg ingest testdata/articles/
  geokg ingest --summary run.json /data/news/2024-06-01/
  geokg ingest https://example.org/world/rss.xml
  geokg ingest --force --batch-size 5000 archive.jsonl`,
		Flags: append(connFlags(),
			&cli.IntFlag{Name: "batch-size", Value: store.DefaultBatchSize, Usage: "graph elements per transaction (an article is never split)"},
			&cli.BoolFlag{Name: "force", Usage: "extract and merge articles even when already loaded"},
			&cli.StringFlag{Name: "summary", Usage: "also write the run summary as JSON to `FILE`"},
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "articles extracted at once"},
			&cli.StringSliceFlag{Name: "dict", Usage: "extend the gazetteer with the dictionary `FILE` (repeatable)"},
			&cli.DurationFlag{Name: "timeout", Value: source.DefaultOptions().Timeout, Usage: "limit for each HTTP request, body included"},
			&cli.Int64Flag{Name: "max-size", Value: source.DefaultOptions().MaxBytes, Usage: "largest document read, in bytes (a file, a page, a JSON lines record)"},
			verboseFlag(),
		),
		Action: runIngest,
	}
}

// summary is what a run did, printed on standard error and written as
// JSON with --summary.
type summary struct {
	Command  string `json:"command"`
	Started  string `json:"started"`
	Read     int    `json:"articles_read"`
	Loaded   int    `json:"articles_loaded"`
	Skipped  int    `json:"articles_skipped"`
	Failed   int    `json:"articles_failed"`
	Elements int    `json:"elements_read,omitempty"`
	graph.Stats
	Seconds  float64   `json:"duration_seconds"`
	Failures []failure `json:"failures"`
	Error    string    `json:"error,omitempty"`

	start time.Time
	mu    sync.Mutex
}

type failure struct {
	Input string `json:"input"`
	Error string `json:"error"`
}

func newSummary(command string) *summary {
	now := time.Now()
	return &summary{Command: command, Started: now.UTC().Format(time.RFC3339), start: now, Failures: []failure{}}
}

// fail records a failed input and reports it on w.
func (s *summary) fail(w io.Writer, input string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Failed++
	s.Failures = append(s.Failures, failure{input, err.Error()})
	fmt.Fprintf(w, "geokg: %v\n", err)
}

// finish prints the summary on w, writes the JSON file when asked, and
// turns the run into its exit status: fatal is a database-wide failure.
func (s *summary) finish(w io.Writer, path string, fatal error) error {
	s.Seconds = time.Since(s.start).Seconds()
	if fatal != nil {
		s.Error = fatal.Error()
	}
	switch s.Command {
	case "load":
		fmt.Fprintf(w, "geokg load: %d elements read (%d articles), %d failed\n", s.Elements, s.Read, s.Failed)
	default:
		fmt.Fprintf(w, "geokg ingest: %d articles read, %d loaded, %d skipped (already loaded), %d failed\n",
			s.Read, s.Loaded, s.Skipped, s.Failed)
	}
	fmt.Fprintf(w, "  nodes: %d created, %d updated; relationships: %d created, %d updated; %.1fs\n",
		s.NodesCreated, s.NodesUpdated, s.RelsCreated, s.RelsUpdated, s.Seconds)
	if path != "" {
		b, err := json.MarshalIndent(s, "", "  ")
		if err == nil {
			err = os.WriteFile(path, append(b, '\n'), 0o644)
		}
		if err != nil && fatal == nil {
			return &exitError{code: 1, err: fmt.Errorf("write summary: %w", err)}
		}
	}
	switch {
	case fatal != nil && errors.Is(fatal, context.Canceled):
		return &exitError{code: 1, err: errors.New("interrupted")}
	case fatal != nil:
		return &exitError{code: 2, err: fatal}
	case s.Failed > 0:
		return &exitError{code: 1, err: fmt.Errorf("%d input(s) failed", s.Failed)}
	}
	return nil
}

// progress draws a one-line progress bar on a terminal, and nothing
// otherwise.
type progress struct {
	w     io.Writer
	on    bool
	total int // articles expected, or 0 when unknown
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.on = true
	}
	return p
}

func (p *progress) update(done int, force bool) {
	if !p.on || (!force && time.Since(p.last) < 200*time.Millisecond) {
		return
	}
	p.last = time.Now()
	el := time.Since(p.start).Seconds()
	rate := float64(done) / max(el, 1e-9)
	line := fmt.Sprintf("%d articles  %.1f/s", done, rate)
	if p.total > 0 {
		frac := min(float64(done)/float64(p.total), 1)
		const width = 24
		bar := strings.Repeat("=", int(frac*width)) + strings.Repeat(" ", width-int(frac*width))
		eta := "?"
		if rate > 0 && done < p.total {
			eta = (time.Duration(float64(p.total-done)/rate) * time.Second).Round(time.Second).String()
		}
		line = fmt.Sprintf("[%s] %d/%d articles  %.1f/s  ETA %s", bar, done, p.total, rate, eta)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// countArticles is how many articles inputs hold, when every input is a
// file of one article (text, Markdown, HTML) or a directory of them; 0
// when unknown (URLs, standard input, JSON lines, feeds).
func countArticles(inputs []string) int {
	n := 0
	one := func(path string) bool {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".txt", ".md", ".markdown", ".html", ".htm":
			return true
		}
		return false
	}
	for _, in := range inputs {
		if in == "-" || strings.Contains(in, "://") {
			return 0
		}
		fi, err := os.Stat(in)
		if err != nil {
			return 0
		}
		if !fi.IsDir() {
			if !one(in) {
				return 0
			}
			n++
			continue
		}
		unknown := false
		filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if one(path) {
				n++
			} else if ext := strings.ToLower(filepath.Ext(path)); ext == ".jsonl" || ext == ".ndjson" || ext == ".xml" || ext == ".rss" || ext == ".atom" {
				unknown = true
				return filepath.SkipAll
			}
			return nil
		})
		if unknown {
			return 0
		}
	}
	return n
}

// newExtractor builds the extractor with the built-in dictionary and the
// user's --dict files.
func newExtractor(c *cli.Context) (*extract.Extractor, error) {
	d, err := gazetteer.Default()
	if err != nil {
		return nil, &exitError{code: 1, err: fmt.Errorf("load dictionary: %w", err)}
	}
	for _, f := range c.StringSlice("dict") {
		if err := d.AddFile(f); err != nil {
			return nil, usageError("%v", err)
		}
	}
	x, err := extract.New(d)
	if err != nil {
		return nil, &exitError{code: 1, err: err}
	}
	return x, nil
}

// readOptions are the reader's options from the command's flags.
func readOptions(c *cli.Context) source.Options {
	opt := source.DefaultOptions()
	opt.Stdin = c.App.Reader
	opt.UserAgent = "geokg/" + version
	if c.IsSet("timeout") {
		opt.Timeout = c.Duration("timeout")
	}
	if c.IsSet("max-size") {
		opt.MaxBytes = c.Int64("max-size")
	}
	opt.Note = noteFunc(c)
	return opt
}

// extracted is one article and its graph.
type extracted struct {
	a   *article.Article
	b   *graph.Batch
	err error
}

// extractAll extracts arts with the given number of workers, keeping
// their order. A panic in the extractor fails that article alone.
func extractAll(x *extract.Extractor, arts []*article.Article, workers int) []extracted {
	out := make([]extracted, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(arts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = extractOne(x, arts[i])
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func extractOne(x *extract.Extractor, a *article.Article) (e extracted) {
	e.a = a
	defer func() {
		if r := recover(); r != nil {
			e.err = fmt.Errorf("extract %s: internal error: %v", a.Origin, r)
		}
	}()
	e.b = x.Extract(a)
	if e.b == nil {
		e.err = fmt.Errorf("extract %s: no graph", a.Origin)
	}
	return e
}

// groupSize is how many articles ingest looks up, extracts and hands to
// the loader at once.
const groupSize = 64

func runIngest(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageError("ingest: no input (give files, directories, URLs or - for standard input)")
	}
	if c.Int("batch-size") < 1 || c.Int("workers") < 1 {
		return usageError("ingest: --batch-size and --workers must be at least 1")
	}
	db, err := connect(c)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(c.Context))
	if err := ensureSchema(c.Context, db); err != nil {
		return &exitError{code: 2, err: fmt.Errorf("apply schema: %w", err)}
	}
	x, err := newExtractor(c)
	if err != nil {
		return err
	}
	loader := store.NewLoader(db)
	loader.BatchSize = c.Int("batch-size")
	errw := c.App.ErrWriter
	sum := newSummary("ingest")
	prog := newProgress(errw)
	if prog.on {
		prog.total = countArticles(c.Args().Slice())
	}

	ctx, cancel := context.WithCancel(c.Context)
	defer cancel()
	groups := make(chan []*article.Article, 2)
	readDone := make(chan error, 1)
	go func() {
		defer close(groups)
		var g []*article.Article
		var groupStart time.Time
		err := source.Read(ctx, c.Args().Slice(), readOptions(c), func(a *article.Article, err error) error {
			if err != nil {
				prog.clear()
				sum.fail(errw, originOf(err), err)
				return nil
			}
			if len(g) == 0 {
				groupStart = time.Now()
			}
			g = append(g, a)
			// Slow inputs (feeds, URLs) are written as they come, not
			// held back until a group is full.
			if len(g) < groupSize && time.Since(groupStart) < time.Second {
				return nil
			}
			select {
			case groups <- g:
				g = nil
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		if len(g) > 0 && err == nil {
			select {
			case groups <- g:
			case <-ctx.Done():
			}
		}
		readDone <- err
	}()

	// Extraction of one group overlaps the writing of the previous one.
	type work struct{ done []extracted }
	works := make(chan work, 1)
	var fatal error
	var fatalMu sync.Mutex
	setFatal := func(err error) {
		fatalMu.Lock()
		if fatal == nil {
			fatal = err
		}
		fatalMu.Unlock()
		cancel()
	}
	seen := map[string]bool{}
	go func() {
		defer close(works)
		for g := range groups {
			sum.mu.Lock()
			sum.Read += len(g)
			sum.mu.Unlock()
			var todo []*article.Article
			var ids []string
			for _, a := range g {
				if seen[a.ID] {
					sum.mu.Lock()
					sum.Skipped++
					sum.mu.Unlock()
					continue
				}
				seen[a.ID] = true
				todo = append(todo, a)
				ids = append(ids, a.ID)
			}
			if !c.Bool("force") && len(ids) > 0 {
				loaded, err := loader.Loaded(ctx, ids)
				if err != nil {
					setFatal(dbFailure(db.Config, err))
					return
				}
				kept := todo[:0]
				for _, a := range todo {
					if loaded[a.ID] {
						sum.mu.Lock()
						sum.Skipped++
						sum.mu.Unlock()
						continue
					}
					kept = append(kept, a)
				}
				todo = kept
			}
			select {
			case works <- work{extractAll(x, todo, c.Int("workers"))}:
			case <-ctx.Done():
				return
			}
		}
	}()

	for w := range works {
		var batches []*graph.Batch
		var arts []*article.Article
		for _, e := range w.done {
			if e.err != nil {
				prog.clear()
				sum.fail(errw, e.a.Origin, e.err)
				continue
			}
			batches = append(batches, e.b)
			arts = append(arts, e.a)
		}
		if ctx.Err() != nil {
			break
		}
		st, errs, err := loader.Write(ctx, batches)
		sum.mu.Lock()
		sum.Stats.Add(st)
		sum.mu.Unlock()
		if err != nil {
			// What was committed before the failure counts as loaded.
			for _, e := range errs {
				if e == nil {
					sum.mu.Lock()
					sum.Loaded++
					sum.mu.Unlock()
				}
			}
			setFatal(dbFailure(db.Config, err))
			break
		}
		for i, e := range errs {
			if e != nil {
				prog.clear()
				sum.fail(errw, arts[i].Origin, fmt.Errorf("load %s: %w", arts[i].Origin, e))
				continue
			}
			sum.mu.Lock()
			sum.Loaded++
			sum.mu.Unlock()
		}
		sum.mu.Lock()
		done := sum.Loaded + sum.Skipped + sum.Failed
		sum.mu.Unlock()
		prog.update(done, false)
	}
	cancel()
	for range works {
	}
	readErr := <-readDone
	prog.clear()
	if fatal == nil && readErr != nil && !errors.Is(readErr, context.Canceled) {
		fatal = readErr
	}
	if fatal == nil && c.Context.Err() != nil {
		fatal = c.Context.Err()
	}
	return sum.finish(errw, c.String("summary"), fatal)
}

// dbFailure says in one line why the database failed during a run. When
// the server went away for longer than the driver retries, the advice is
// to run again: what was committed stays, and is skipped.
func dbFailure(cfg store.Config, err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	var limit *neo4j.TransactionExecutionLimit
	var conn *neo4j.ConnectivityError
	if errors.As(err, &limit) || errors.As(err, &conn) {
		return fmt.Errorf("lost the connection to Neo4j at %s and retries ran out; run the same command again to finish (articles already loaded are skipped)", cfg.URI)
	}
	return fmt.Errorf("load into %s: %w", cfg, err)
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
