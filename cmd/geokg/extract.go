package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/ingest/source"
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
  cat article.txt | geokg extract -            from standard input

A dictionary file (--dict) adds or extends gazetteer entries; its format is
described in the README (tab-separated: label, name, aliases, demonyms,
metonyms, kind, within). Inputs that cannot be read are reported on
standard error and the rest go on; the exit status is then 1.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "jsonl", Usage: "output format: jsonl (APOC JSON lines)"},
			&cli.StringSliceFlag{Name: "dict", Usage: "extend the gazetteer with the dictionary `FILE` (repeatable)"},
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "articles extracted at once"},
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
	workers := c.Int("workers")
	if workers < 1 {
		return usageError("extract: --workers must be at least 1")
	}
	d, err := gazetteer.Default()
	if err != nil {
		return &exitError{code: 1, err: fmt.Errorf("load dictionary: %w", err)}
	}
	for _, f := range c.StringSlice("dict") {
		if err := d.AddFile(f); err != nil {
			return usageError("extract: %v", err)
		}
	}
	x, err := extract.New(d)
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	opt := source.DefaultOptions()
	opt.Stdin = c.App.Reader
	opt.UserAgent = "geokg/" + version
	opt.Note = noteFunc(c)
	out := bufio.NewWriterSize(c.App.Writer, 64<<10)
	failed, err := extractStream(c.Context, x, c.Args().Slice(), opt, workers, out, c.App.ErrWriter)
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	if failed > 0 {
		return &exitError{code: 1, err: fmt.Errorf("extract: %d input(s) failed", failed)}
	}
	return nil
}

// extractStream extracts the articles of inputs with the given number of
// workers and writes their graphs to w in input order. At most a few
// articles per worker are in memory at once, however many there are. It
// returns how many inputs failed to read; failures go to errw.
func extractStream(ctx context.Context, x *extract.Extractor, inputs []string, opt source.Options, workers int, w io.Writer, errw io.Writer) (int, error) {
	type job struct {
		a   *article.Article
		out chan *graph.Batch
	}
	jobs := make(chan job, workers)
	order := make(chan chan *graph.Batch, 2*workers)
	for range workers {
		go func() {
			for j := range jobs {
				j.out <- x.Extract(j.a)
			}
		}()
	}
	failed := 0
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		readErr = source.Read(ctx, inputs, opt, func(a *article.Article, err error) error {
			if err != nil {
				failed++
				fmt.Fprintf(errw, "geokg: %v\n", err)
				return nil
			}
			out := make(chan *graph.Batch, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{a, out}:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()
	jw := graph.NewJSONLWriter(w)
	var werr error
	for out := range order {
		b := <-out
		if werr == nil {
			werr = jw.Write(b)
		}
	}
	if werr != nil {
		return failed, fmt.Errorf("write output: %w", werr)
	}
	return failed, readErr
}
