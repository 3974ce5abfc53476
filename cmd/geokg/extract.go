package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/urfave/cli/v2"
)

func extractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the graph of articles as JSON lines, without a database",
		ArgsUsage: "PATH...|-",
		Description: `extract reads articles (text, Markdown, HTML, JSON lines, feeds,
directories, or - for standard input) and prints the graph found in them in
the contract's export format: APOC JSON lines, each article's nodes before
the relationships that use them, in input order.

Examples:
  geokg extract article.txt                    one article
  geokg extract --workers 2 testdata/articles/ a directory, two workers
  geokg extract --dict mine.tsv news.jsonl     with a user dictionary
  geokg extract --rules mine.yaml news.jsonl   with rules of your own
  geokg extract --explain article.txt          each fact, its rule and sentence
  cat article.txt | geokg extract -            from standard input

A dictionary file (--dict) adds or extends gazetteer entries; its format is
described in the README (tab-separated: label, name, aliases, demonyms,
metonyms, kind, within). Rules files (--rules) add extraction rules, and
--rules-off switches rules off (geokg rules --help). With --explain, each
article's facts are printed for a reader instead, each with the rules that
found it and the sentences they found it in.

Inputs that cannot be read are reported on standard error and the rest go
on; the exit status is then 1.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "jsonl", Usage: "output format: jsonl (APOC JSON lines)"},
			&cli.StringSliceFlag{Name: "dict", Usage: "extend the gazetteer with the dictionary `FILE` (repeatable)"},
			rulesFlag(), rulesOffFlag(),
			&cli.BoolFlag{Name: "explain", Usage: "print each fact with the rule and the sentence behind it, instead of JSON lines"},
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "articles extracted at once"},
			curationFlag(),
			verboseFlag(),
		},
		Action: runExtract,
	}
}

func runExtract(c *cli.Context) error {
	if f := c.String("format"); f != "jsonl" {
		return usageError("extract: unknown --format %q (want jsonl)", f)
	}
	if c.NArg() == 0 {
		return usageError("extract: no input (give files, directories, URLs or - for standard input)")
	}
	if c.Int("workers") < 1 {
		return usageError("extract: --workers must be at least 1")
	}
	cur, err := loadCuration(c)
	if err != nil {
		return err
	}
	x, err := newExtractor(c)
	if err != nil {
		return err
	}
	out := &wholeArticles{w: c.App.Writer}
	po, note := newPassedOver(c), noteFunc(c)
	var ex ingest.Extractor = x
	sink := ingest.JSONL(out)
	if c.Bool("explain") {
		e := &explainer{x: x, why: map[string][][]extract.Explanation{}}
		ex, sink = e, ingest.Writer(func(b *graph.Batch) error { return writeExplanation(out, b, e.take(b)) })
	}
	res, err := ingest.Run(c.Context, ingest.Options{
		Inputs:    c.Args().Slice(),
		Source:    readOptions(c, po, note),
		Extractor: languageNote{ex, note},
		Workers:   c.Int("workers"),
		Sink:      sink,
		Curation:  cur,
		Failure:   func(f ingest.Failure) { fmt.Fprintf(c.App.ErrWriter, "geokg: %v\n", f.Err) },
		// The sink has written a whole group of articles when the
		// pipeline reports progress: that is when output goes out, so
		// that a pipe reads it as it comes.
		Progress: func(ingest.Summary) { out.flush() },
	})
	if ferr := out.flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	if err == nil {
		po.explainNothingRead(res.Read)
	}
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	if res.Failed > 0 {
		return &exitError{code: 1, err: fmt.Errorf("extract: %d input(s) failed", res.Failed)}
	}
	return nil
}

// explainer extracts with explanations, kept by article id for
// the sink, which prints them in input order (a curation file may
// replace the graph, never its Article node).
type explainer struct {
	x   *extract.Extractor
	mu  sync.Mutex
	why map[string][][]extract.Explanation
}

func (e *explainer) Extract(a *article.Article) *graph.Batch {
	b, why := e.x.Explain(a)
	e.mu.Lock()
	e.why[b.Nodes[0].ID] = append(e.why[b.Nodes[0].ID], why)
	e.mu.Unlock()
	return b
}

// take returns the explanations of the graph b, an article's.
func (e *explainer) take(b *graph.Batch) []extract.Explanation {
	if len(b.Nodes) == 0 {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	id := b.Nodes[0].ID
	q := e.why[id]
	if len(q) == 0 {
		return nil
	}
	if len(q) == 1 {
		delete(e.why, id)
	} else {
		e.why[id] = q[1:]
	}
	return q[0]
}

// writeExplanation writes an article's heading, then each fact followed
// by its rules and sentences.
func writeExplanation(w io.Writer, b *graph.Batch, why []extract.Explanation) error {
	var title, id string
	if len(b.Nodes) > 0 {
		title, _ = b.Nodes[0].Props["title"].(string)
		id = b.Nodes[0].ID
	}
	if _, err := fmt.Fprintf(w, "%s  %s\n", id, title); err != nil {
		return err
	}
	var order []string
	byFact := map[string][]extract.Explanation{}
	for _, e := range why {
		k := e.Fact.String()
		if _, ok := byFact[k]; !ok {
			order = append(order, k)
		}
		byFact[k] = append(byFact[k], e)
	}
	for _, k := range order {
		if _, err := fmt.Fprintf(w, "  %s\n", k); err != nil {
			return err
		}
		for _, e := range byFact[k] {
			if _, err := fmt.Fprintf(w, "      %-28s %.2f  %s\n", e.Rule, e.Confidence, e.Sentence); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// wholeArticles holds output until flush, which the pipeline's progress
// hook calls once a group of articles is written whole. Whatever ends the
// process (a signal, an internal error, SIGKILL while writing to a file)
// leaves no half-written line nor part of an article's graph behind, which
// load would take for the whole article.
type wholeArticles struct {
	w   io.Writer
	buf bytes.Buffer
	err error
}

func (o *wholeArticles) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	return o.buf.Write(p)
}

func (o *wholeArticles) flush() error {
	if o.err == nil && o.buf.Len() > 0 {
		_, o.err = o.w.Write(o.buf.Bytes())
		o.buf.Reset()
	}
	return o.err
}
