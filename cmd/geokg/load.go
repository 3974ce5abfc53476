package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest"
	"github.com/urfave/cli/v2"
)

func loadCommand() *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "load a graph export file (APOC JSON lines) into Neo4j, idempotently",
		ArgsUsage: "FILE.jsonl...|-",
		Description: `load merges the nodes and relationships of export files, the format
geokg extract and geokg export --format jsonl write (and APOC's
apoc.export.json), into Neo4j with the same merge rules as ingest: loading
a file twice changes nothing. The lines from one Article node to the next
are one article's graph and are written in one transaction. A line that is
not valid is reported with its file and line number, and the rest goes on.

Exit status: 0 when everything loaded, 1 when some lines or articles
failed (the rest loaded), 2 on misuse or when Neo4j cannot be reached or
stops answering, 130 or 143 when interrupted by SIGINT or SIGTERM.

Examples:
  geokg extract articles/ > graph.jsonl && geokg load graph.jsonl
  geokg export --format jsonl articles/ | geokg load -
  geokg load --batch-size 10000 --summary load.json graph.jsonl
  geokg load --bulk archive.jsonl              first load of a large archive

With --bulk, the files' graph is merged on disk first (as geokg export
does) and written into an empty database with CREATE, several times faster
than merging article by article; the database then holds the very graph a
merging load would have made, and later loads merge into it. A bulk load
refuses a database that holds a graph. Interrupted, it leaves its
articles marked (label BulkLoading), other loads refuse that database, and
the same command run again deletes what it left and starts over.`,
		Flags: append(connFlags(),
			&cli.IntFlag{Name: "batch-size", Value: store.DefaultBatchSize, Usage: "graph elements per transaction (with --bulk, 2000 unless set)"},
			bulkFlag(),
			&cli.StringFlag{Name: "summary", Usage: "also write the run summary as JSON to `FILE`"},
			curationFlag(),
		),
		Action: runLoad,
	}
}

func runLoad(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageError("load: no input (give export files, or - for standard input)")
	}
	size := c.Int("batch-size")
	if size < 1 {
		return usageError("load: --batch-size must be at least 1")
	}
	for _, f := range c.Args().Slice() {
		if f == "-" {
			continue
		}
		if _, err := os.Stat(f); err != nil {
			return usageError("load: %v", err)
		}
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
	sink, bulk, err := sinkFor(c, db)
	if err != nil {
		return err
	}
	if bulk != nil {
		defer bulk.Close()
	}
	sum := newSummary("load")
	prog := newProgress(c.App.ErrWriter)
	res, err := ingest.Load(c.Context, ingest.LoadOptions{
		Files:     c.Args().Slice(),
		Stdin:     c.App.Reader,
		Sink:      sink,
		BatchSize: size,
		Curation:  cur,
		Progress:  prog.update,
		Failure:   prog.failed,
	})
	prog.clear()
	sum.from(res.Summary)
	sum.Elements = res.Elements
	if err == nil && bulk != nil {
		err = writeBulk(c, db, bulk, sum, prog)
	}
	if err == nil {
		err = sum.correct(c.Context, db, cur)
	}
	if !errors.Is(err, ingest.ErrUnreadable) {
		err = db.Config.RunFailure(err)
	}
	return sum.finish(c.App.ErrWriter, c.String("summary"), err)
}

func bulkFlag() cli.Flag {
	return &cli.BoolFlag{Name: "bulk", Usage: "first load into an empty database: write the merged graph with CREATE, several times faster than merging (see docs/loading.md); run it again to start over after an interruption"}
}

// sinkFor is where a run's graphs go: the loader, which merges each
// article into the database, or with --bulk an Exporter that gathers the
// merged graph for writeBulk. A database that an unfinished bulk load
// left is refused to the loader.
func sinkFor(c *cli.Context, db *store.DB) (ingest.Sink, *graph.Exporter, error) {
	if c.Bool("bulk") {
		x, err := graph.NewExporter("")
		if err != nil {
			return nil, nil, &exitError{code: 1, err: err}
		}
		return ingest.Export(x), x, nil
	}
	if err := db.CheckBulk(c.Context); err != nil {
		return nil, nil, &exitError{code: 2, err: cmp.Or(db.Config.Lost(err), err)}
	}
	l := store.NewLoader(db)
	l.BatchSize = c.Int("batch-size")
	return l, nil, nil
}

// writeBulk writes the graph a --bulk run gathered, after its articles
// were read, and counts what it created in sum.
func writeBulk(c *cli.Context, db *store.DB, x *graph.Exporter, sum *summary, prog *progress) error {
	b := store.NewBulk(db)
	if c.IsSet("batch-size") {
		b.BatchSize = c.Int("batch-size")
	}
	if prog.on {
		b.Progress = func(n int) { prog.note(fmt.Sprintf("writing the graph: %d elements", n)) }
	}
	st, err := b.Write(c.Context, x)
	prog.clear()
	sum.Stats = st
	if errors.Is(err, store.ErrNotEmpty) {
		return &exitError{code: 2, err: err}
	}
	return err
}
