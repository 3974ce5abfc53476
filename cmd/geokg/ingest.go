package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/ingest/source"
	"github.com/urfave/cli/v2"
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
misuse or when Neo4j cannot be reached or stops answering (see
--query-timeout), 130 or 143 when interrupted by SIGINT or SIGTERM: what
was loaded stays, and the same command run again finishes the work.

Examples:
  geokg ingest testdata/articles/
  geokg ingest --summary run.json /data/news/2024-06-01/
  geokg ingest https://example.org/world/rss.xml
  geokg ingest --force --batch-size 5000 archive.jsonl
  geokg ingest --bulk /data/news/archive/      first load of a large archive

With --bulk, the articles' graph is merged on disk first and written into
an empty database with CREATE (see geokg load --help): for a first load of
a large archive; later runs without it merge into that graph.`,
		Flags: append(connFlags(),
			&cli.IntFlag{Name: "batch-size", Value: store.DefaultBatchSize, Usage: "graph elements per transaction (an article is never split)"},
			&cli.BoolFlag{Name: "force", Usage: "extract and merge articles even when already loaded"},
			bulkFlag(),
			&cli.StringFlag{Name: "summary", Usage: "also write the run summary as JSON to `FILE`"},
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "articles extracted at once"},
			&cli.StringSliceFlag{Name: "dict", Usage: "extend the gazetteer with the dictionary `FILE` (repeatable)"},
			rulesFlag(), rulesOffFlag(),
			&cli.DurationFlag{Name: "timeout", Value: source.DefaultOptions().Timeout, Usage: "limit for each HTTP request, body included"},
			&cli.Int64Flag{Name: "max-size", Value: source.DefaultOptions().MaxBytes, Usage: "largest document read, in bytes (a file, a page, a JSON lines record)"},
			curationFlag(),
			verboseFlag(),
		),
		Action: runIngest,
	}
}

// newExtractor builds the extractor with the built-in dictionary, the
// user's --dict files and the rule flags.
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
	opts, err := extractOptions(c)
	if err != nil {
		return nil, err
	}
	x, err := extract.New(d, opts...)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return x, nil
}

// readOptions are the reader's options from the command's flags; po
// counts the entries directory walks pass over, note prints notes.
func readOptions(c *cli.Context, po *passedOver, note func(origin, msg string)) source.Options {
	opt := source.DefaultOptions()
	opt.Stdin = c.App.Reader
	opt.UserAgent = "geokg/" + version
	if c.IsSet("timeout") {
		opt.Timeout = c.Duration("timeout")
	}
	if c.IsSet("max-size") {
		opt.MaxBytes = c.Int64("max-size")
	}
	opt.Note = note
	opt.Skip = po.skip
	return opt
}

func runIngest(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageError("ingest: no input (give files, directories, URLs or - for standard input)")
	}
	if c.Int("batch-size") < 1 || c.Int("workers") < 1 {
		return usageError("ingest: --batch-size and --workers must be at least 1")
	}
	cur, err := loadCuration(c)
	if err != nil {
		return err
	}
	db, err := connect(c)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(c.Context))
	if err := ensureSchema(c.Context, db); err != nil {
		return schemaFailure(db, err)
	}
	x, err := newExtractor(c)
	if err != nil {
		return err
	}
	sink, bulk, err := sinkFor(c, db)
	if err != nil {
		return err
	}
	if bulk != nil {
		defer bulk.Close()
	}
	sum := newSummary("ingest")
	prog := newProgress(c.App.ErrWriter)
	if prog.on {
		prog.total = countArticles(c.Args().Slice())
	}
	po, note := newPassedOver(c), noteFunc(c)
	res, err := ingest.Run(c.Context, ingest.Options{
		Inputs:    c.Args().Slice(),
		Source:    readOptions(c, po, note),
		Extractor: languageNote{x, note},
		Workers:   c.Int("workers"),
		Sink:      sink,
		Force:     c.Bool("force"),
		Curation:  cur,
		Progress:  prog.update,
		Failure:   prog.failed,
	})
	prog.clear()
	sum.from(res)
	sum.PassedOver = po.count()
	po.explainNothingRead(res.Read)
	if err == nil && bulk != nil {
		err = writeBulk(c, db, bulk, sum, prog)
	}
	if err == nil {
		err = sum.correct(c.Context, db, cur)
	}
	return sum.finish(c.App.ErrWriter, c.String("summary"), db.Config.RunFailure(err))
}
