package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/source"
	"github.com/urfave/cli/v2"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the merged graph of articles, or of the database, for bulk loading",
		ArgsUsage: "PATH...|URL...|-",
		Description: `export extracts articles and merges their graph by the same rules as
ingest, without a database; with --from-db it reads the graph of the
database instead. It writes one of:

  jsonl        the contract's APOC JSON lines, one line per node and
               relationship (load it with geokg load or apoc.import.json)
  cypher       a cypher-shell script: the schema, then MERGE statements
               with escaped literals (cypher-shell -f FILE)
  neo4j-admin  CSV files with typed headers into the directory --out, and
               the neo4j-admin database import full command that loads them
               (import.sh in the same directory): the fastest way to build
               a graph of millions of articles

Memory does not grow with the graph. From articles, every format merges
in --memory MiB of records (64 by default, about three times that in
all): the records are sorted in runs into temporary files in $TMPDIR
(about twice the size of the output), then merged and written one
element at a time, the cypher script in pieces of --batch-size elements.
With --from-db the database is read as a stream: jsonl as it is stored,
cypher in pieces, neo4j-admin through a temporary file in $TMPDIR about
the size of the jsonl export (the columns are known only at its end).

Examples:
  geokg export --format jsonl articles/ > graph.jsonl
  geokg export --format cypher --out graph.cypher articles/
  geokg export --format neo4j-admin --out import/ /data/news/
  TMPDIR=/scratch geokg export --memory 512 --format neo4j-admin --out import/ /data/news/
  geokg export --from-db --format jsonl > backup.jsonl
  geokg export --from-db --format neo4j-admin --out copy/`,
		Flags: append(connFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "jsonl", Usage: "jsonl, cypher or neo4j-admin"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "output `FILE` (default standard output); for neo4j-admin, a directory (required)"},
			&cli.BoolFlag{Name: "from-db", Usage: "export the graph in the database instead of extracting articles"},
			&cli.IntFlag{Name: "batch-size", Value: store.DefaultBatchSize, Usage: "elements per piece, and at most rows per statement, of the cypher script"},
			&cli.IntFlag{Name: "memory", Value: graph.DefaultExportMemory >> 20, Usage: "`MiB` of merge records held before they are sorted to temporary files (from articles)"},
			&cli.StringFlag{Name: "database-name", Value: "neo4j", Usage: "database named in the neo4j-admin command"},
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "articles extracted at once"},
			&cli.StringSliceFlag{Name: "dict", Usage: "extend the gazetteer with the dictionary `FILE` (repeatable)"},
			rulesFlag(), rulesOffFlag(),
			&cli.DurationFlag{Name: "timeout", Value: source.DefaultOptions().Timeout, Usage: "limit for each HTTP request, body included"},
			&cli.Int64Flag{Name: "max-size", Value: source.DefaultOptions().MaxBytes, Usage: "largest document read, in bytes"},
			curationFlag(),
			verboseFlag(),
		),
		Action: runExport,
	}
}

func runExport(c *cli.Context) error {
	format := c.String("format")
	switch format {
	case "jsonl", "cypher", "neo4j-admin":
	default:
		return usageError("export: unknown --format %q (want jsonl, cypher or neo4j-admin)", format)
	}
	out := c.String("out")
	if format == "neo4j-admin" && out == "" {
		return usageError("export: --format neo4j-admin needs --out DIR")
	}
	fromDB := c.Bool("from-db")
	if fromDB && c.NArg() > 0 {
		return usageError("export: --from-db takes no inputs")
	}
	if !fromDB && c.NArg() == 0 {
		return usageError("export: no input (give articles, or --from-db)")
	}

	if fromDB {
		db, err := connect(c)
		if err != nil {
			return err
		}
		defer db.Close(context.WithoutCancel(c.Context))
		if format == "neo4j-admin" {
			var imp *graph.AdminImport
			imp, err = graph.WriteStoredAdminCSV(out, "", func(fn func(n *graph.Node, r *graph.Rel) error) error { return db.Dump(c.Context, fn) })
			if err == nil {
				err = writeImportScript(c, out, imp)
			}
		} else {
			err = writeGraph(c, format, func(fn func(n *graph.Node, r *graph.Rel) error) error { return dumpOrdered(c.Context, db, fn) })
		}
		if err != nil {
			return queryFailure(db, err)
		}
		return nil
	}

	cur, err := loadCuration(c)
	if err != nil {
		return err
	}
	ex, err := newExtractor(c)
	if err != nil {
		return err
	}
	x, err := graph.NewExporter("")
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	defer x.Close()
	x.Memory = int64(c.Int("memory")) << 20
	po, note := newPassedOver(c), noteFunc(c)
	res, err := ingest.Run(c.Context, ingest.Options{
		Inputs:    c.Args().Slice(),
		Source:    readOptions(c, po, note),
		Extractor: languageNote{ex, note},
		Workers:   c.Int("workers"),
		Sink:      ingest.Export(x),
		Curation:  cur,
		Failure:   func(f ingest.Failure) { fmt.Fprintf(c.App.ErrWriter, "geokg: %v\n", f.Err) },
	})
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	po.explainNothingRead(res.Read)

	switch format {
	case "neo4j-admin":
		var imp *graph.AdminImport
		if imp, err = x.WriteAdminCSV(out); err == nil {
			err = writeImportScript(c, out, imp)
		}
	case "jsonl":
		err = writeTo(c.App.Writer, out, x.WriteJSONL)
	default:
		err = writeGraph(c, format, x.Scan)
	}
	if err != nil {
		return &exitError{code: 1, err: fmt.Errorf("export: %w", err)}
	}
	if res.Failed > 0 {
		return &exitError{code: 1, err: fmt.Errorf("export: %d input(s) failed", res.Failed)}
	}
	return nil
}

// writeGraph writes the graph that scan gives, element by element (nodes
// before the relationships between them, relationships before their
// Evidence), as jsonl or a cypher script to --out or stdout.
func writeGraph(c *cli.Context, format string, scan func(fn func(n *graph.Node, r *graph.Rel) error) error) error {
	return writeTo(c.App.Writer, c.String("out"), func(w io.Writer) error {
		if format == "jsonl" {
			jw := graph.NewJSONLWriter(w)
			return scan(func(n *graph.Node, r *graph.Rel) error {
				if n != nil {
					return jw.Write(&graph.Batch{Nodes: []graph.Node{*n}})
				}
				return jw.Write(&graph.Batch{Rels: []graph.Rel{*r}})
			})
		}
		cw := store.NewCypherWriter(w, c.Int("batch-size"))
		if err := scan(cw.Add); err != nil {
			return err
		}
		return cw.Close()
	})
}

// writeImportScript writes import.sh, with the neo4j-admin command of
// imp, into dir, and tells it.
func writeImportScript(c *cli.Context, dir string, imp *graph.AdminImport) error {
	cmd := imp.Command(c.String("database-name"))
	err := os.WriteFile(filepath.Join(dir, "import.sh"), []byte("#!/bin/sh\n# Stop the database first; afterwards run: geokg schema apply\n"+cmd+"\n"), 0o755)
	if err == nil {
		fmt.Fprintf(c.App.ErrWriter, "geokg: wrote %s; import the files with:\n%s\n", dir, cmd)
	}
	return err
}

// writeTo runs fn on the file path, or on stdout when path is empty or
// "-", buffered. A file is written under a temporary name and renamed
// when complete, so that a failure leaves no half-written file.
func writeTo(stdout io.Writer, path string, fn func(io.Writer) error) error {
	var w io.Writer = stdout
	var f *os.File
	if path != "" && path != "-" {
		var err error
		if f, err = os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*"); err != nil {
			return err
		}
		defer os.Remove(f.Name())
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	err := fn(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			// A temporary file is private (0600); the output gets the
			// mode of the file it replaces, or that of a new file.
			mode := os.FileMode(0o644)
			if st, serr := os.Stat(path); serr == nil {
				mode = st.Mode().Perm()
			}
			err = os.Chmod(f.Name(), mode)
		}
		if err == nil {
			err = os.Rename(f.Name(), path)
		}
	}
	return err
}

// dumpOrdered calls fn with each node and relationship of db's graph in
// an order a loader can follow: the nodes but Evidence, the
// relationships, then the Evidence nodes, which wait in a temporary file
// until the relationships are done.
func dumpOrdered(ctx context.Context, db *store.DB, fn func(n *graph.Node, r *graph.Rel) error) error {
	tmp, err := os.CreateTemp("", "geokg-evidence-*.jsonl")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	tw := bufio.NewWriterSize(tmp, 1<<20)
	evidence := graph.NewJSONLWriter(tw)
	err = db.Dump(ctx, func(n *graph.Node, r *graph.Rel) error {
		if n != nil && n.Label() == graph.LabelEvidence {
			return evidence.Write(&graph.Batch{Nodes: []graph.Node{*n}})
		}
		return fn(n, r)
	})
	if err == nil {
		err = tw.Flush()
	}
	if err != nil {
		return err
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	var fnErr error
	err = graph.ScanJSONL(bufio.NewReaderSize(tmp, 1<<20), func(n *graph.Node, r *graph.Rel) error {
		fnErr = fn(n, r)
		return fnErr
	})
	switch {
	case fnErr != nil:
		return fnErr
	case err != nil:
		return fmt.Errorf("read %s: %w", tmp.Name(), err)
	}
	return nil
}
