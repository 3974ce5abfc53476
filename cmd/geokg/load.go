package main

import (
	"context"
	"errors"
	"os"

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
  geokg load --batch-size 10000 --summary load.json graph.jsonl`,
		Flags: append(connFlags(),
			&cli.IntFlag{Name: "batch-size", Value: store.DefaultBatchSize, Usage: "graph elements per transaction"},
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
	loader := store.NewLoader(db)
	loader.BatchSize = size
	sum := newSummary("load")
	prog := newProgress(c.App.ErrWriter)
	res, err := ingest.Load(c.Context, ingest.LoadOptions{
		Files:     c.Args().Slice(),
		Stdin:     c.App.Reader,
		Sink:      loader,
		BatchSize: size,
		Curation:  cur,
		Progress:  prog.update,
		Failure:   prog.failed,
	})
	prog.clear()
	sum.from(res.Summary)
	sum.Elements = res.Elements
	if err == nil {
		err = sum.correct(c.Context, db, cur)
	}
	if !errors.Is(err, ingest.ErrUnreadable) {
		err = db.Config.RunFailure(err)
	}
	return sum.finish(c.App.ErrWriter, c.String("summary"), err)
}
