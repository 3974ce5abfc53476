package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"

	"github.com/geokg/geokg/ingest"
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
	res, err := ingest.Run(c.Context, ingest.Options{
		Inputs:    c.Args().Slice(),
		Source:    readOptions(c, po, note),
		Extractor: languageNote{x, note},
		Workers:   c.Int("workers"),
		Sink:      ingest.JSONL(out),
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
