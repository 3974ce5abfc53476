package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
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
failed (the rest loaded), 2 on misuse or when Neo4j cannot be reached.

Examples:
  geokg extract articles/ > graph.jsonl && geokg load graph.jsonl
  geokg export --format jsonl articles/ | geokg load -
  geokg load --batch-size 10000 --summary load.json graph.jsonl`,
		Flags: append(connFlags(),
			&cli.IntFlag{Name: "batch-size", Value: store.DefaultBatchSize, Usage: "graph elements per transaction"},
			&cli.StringFlag{Name: "summary", Usage: "also write the run summary as JSON to `FILE`"},
		),
		Action: runLoad,
	}
}

// unit is a run of lines written in one transaction: one article's graph
// when the file is laid out article by article.
type unit struct {
	b           graph.Batch
	file        string
	first, last int
}

func (u *unit) where() string {
	if u.first == u.last {
		return fmt.Sprintf("%s:%d", u.file, u.first)
	}
	return fmt.Sprintf("%s:%d-%d", u.file, u.first, u.last)
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
	db, err := connect(c)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(c.Context))
	if err := ensureSchema(c.Context, db); err != nil {
		return &exitError{code: 2, err: fmt.Errorf("apply schema: %w", err)}
	}
	loader := store.NewLoader(db)
	loader.BatchSize = size
	errw := c.App.ErrWriter
	sum := newSummary("load")

	var pending []*unit
	pendingLen := 0
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		batches := make([]*graph.Batch, len(pending))
		for i, u := range pending {
			batches[i] = &u.b
		}
		st, errs, err := loader.Write(c.Context, batches)
		sum.Stats.Add(st)
		if err != nil {
			return dbFailure(db.Config, err)
		}
		for i, e := range errs {
			if e != nil {
				sum.fail(errw, pending[i].where(), fmt.Errorf("load %s: %w", pending[i].where(), e))
			}
		}
		pending, pendingLen = nil, 0
		return nil
	}
	var cur *unit
	add := func() error {
		if cur == nil || cur.b.Len() == 0 {
			return nil
		}
		pending = append(pending, cur)
		pendingLen += cur.b.Len()
		cur = nil
		if pendingLen >= size {
			return flush()
		}
		return nil
	}

	var fatal error
	for _, name := range c.Args().Slice() {
		err := eachLine(c.App.Reader, name, func(line int, raw []byte) error {
			sum.Elements++
			var node *graph.Node
			var rel *graph.Rel
			err := graph.ScanJSONL(bytes.NewReader(raw), func(n *graph.Node, r *graph.Rel) error {
				node, rel = n, r
				return nil
			})
			if err != nil {
				sum.fail(errw, fmt.Sprintf("%s:%d", name, line), fmt.Errorf("load %s:%d: %v", name, line, unwrapLine(err)))
				return nil
			}
			if node != nil && node.Label() == graph.LabelArticle {
				sum.Read++
				if err := add(); err != nil {
					return err
				}
			}
			if cur == nil || cur.b.Len() >= size {
				if err := add(); err != nil {
					return err
				}
				cur = &unit{file: name, first: line}
			}
			cur.last = line
			if node != nil {
				cur.b.Nodes = append(cur.b.Nodes, *node)
			} else {
				cur.b.Rels = append(cur.b.Rels, *rel)
			}
			return nil
		})
		if err == nil {
			err = add()
		}
		if err != nil {
			fatal = err
			break
		}
	}
	if fatal == nil {
		fatal = flush()
	}
	if fatal == nil && c.Context.Err() != nil {
		fatal = c.Context.Err()
	}
	return sum.finish(errw, c.String("summary"), fatal)
}

// eachLine calls fn with every non-empty line of the named file ("-" is
// stdin), numbered from 1. A file that cannot be opened or read is a
// usage error (exit status 2 from the caller); fn's errors stop the walk.
func eachLine(stdin io.Reader, name string, fn func(line int, raw []byte) error) error {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return &exitError{code: 2, err: fmt.Errorf("load: %w", err)}
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
			return &exitError{code: 1, err: fmt.Errorf("load: read %s: %w", name, err)}
		}
	}
}

// unwrapLine drops the "line 1: " that ScanJSONL puts before errors, since
// the caller names the real line.
func unwrapLine(err error) string {
	s := err.Error()
	const p = "line 1: "
	if len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}
