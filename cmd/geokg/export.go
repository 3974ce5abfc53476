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

From articles, jsonl and neo4j-admin merge in bounded memory (--memory,
about 64 MiB of records by default, about three times that in all): the
records are sorted in runs into temporary files in $TMPDIR (about twice
the size of the output), then merged; the cypher script is built in
memory. With --from-db, jsonl streams the database; cypher and
neo4j-admin read the whole graph into memory.

Examples:
  geokg export --format jsonl articles/ > graph.jsonl
  geokg export --format cypher --out graph.cypher articles/
  geokg export --format neo4j-admin --out import/ /data/news/
  TMPDIR=/scratch geokg export --memory 512 --format neo4j-admin --out import/ /data/news/
  geokg export --from-db --format jsonl > backup.jsonl`,
		Flags: append(connFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "jsonl", Usage: "jsonl, cypher or neo4j-admin"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "output `FILE` (default standard output); for neo4j-admin, a directory (required)"},
			&cli.BoolFlag{Name: "from-db", Usage: "export the graph in the database instead of extracting articles"},
			&cli.IntFlag{Name: "batch-size", Value: store.DefaultBatchSize, Usage: "rows per statement of the cypher script"},
			&cli.IntFlag{Name: "memory", Value: graph.DefaultExportMemory >> 20, Usage: "`MiB` of merge records held before they are sorted to temporary files (jsonl and neo4j-admin from articles)"},
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

	var b *graph.Batch
	var x *graph.Exporter
	var failed int
	if fromDB {
		db, err := connect(c)
		if err != nil {
			return err
		}
		defer db.Close(context.WithoutCancel(c.Context))
		if format == "jsonl" {
			err := writeTo(c.App.Writer, out, func(w io.Writer) error { return dumpJSONL(c.Context, db, w) })
			if err != nil {
				return queryFailure(db, err)
			}
			return nil
		}
		if b, err = db.DumpBatch(c.Context); err != nil {
			return queryFailure(db, err)
		}
	} else {
		cur, err := loadCuration(c)
		if err != nil {
			return err
		}
		ex, err := newExtractor(c)
		if err != nil {
			return err
		}
		// The cypher script is built in memory; the other formats merge
		// by sorting on disk, in bounded memory.
		var sink ingest.Sink
		m := graph.NewMerger()
		if format == "cypher" {
			sink = ingest.Merge(m)
		} else {
			exp, err := graph.NewExporter("")
			if err != nil {
				return &exitError{code: 1, err: err}
			}
			defer exp.Close()
			exp.Memory = int64(c.Int("memory")) << 20
			sink, x = ingest.Export(exp), exp
		}
		po, note := newPassedOver(c), noteFunc(c)
		res, err := ingest.Run(c.Context, ingest.Options{
			Inputs:    c.Args().Slice(),
			Source:    readOptions(c, po, note),
			Extractor: languageNote{ex, note},
			Workers:   c.Int("workers"),
			Sink:      sink,
			Curation:  cur,
			Failure:   func(f ingest.Failure) { fmt.Fprintf(c.App.ErrWriter, "geokg: %v\n", f.Err) },
		})
		if err != nil {
			return &exitError{code: 1, err: err}
		}
		failed = res.Failed
		if x == nil {
			b = m.Batch()
		}
		po.explainNothingRead(res.Read)
	}

	var err error
	switch format {
	case "neo4j-admin":
		var imp *graph.AdminImport
		if x != nil {
			imp, err = x.WriteAdminCSV(out)
		} else {
			imp, err = graph.WriteAdminCSV(out, b)
		}
		if err == nil {
			cmd := imp.Command(c.String("database-name"))
			err = os.WriteFile(out+"/import.sh", []byte("#!/bin/sh\n# Stop the database first; afterwards run: geokg schema apply\n"+cmd+"\n"), 0o755)
			if err == nil {
				fmt.Fprintf(c.App.ErrWriter, "geokg: wrote %s; import the files with:\n%s\n", out, cmd)
			}
		}
	default:
		err = writeTo(c.App.Writer, out, func(w io.Writer) error {
			switch {
			case format == "cypher":
				return store.WriteCypher(w, b, c.Int("batch-size"))
			case x != nil:
				return x.WriteJSONL(w)
			}
			return graph.NewJSONLWriter(w).Write(b)
		})
	}
	if err != nil {
		return &exitError{code: 1, err: fmt.Errorf("export: %w", err)}
	}
	if failed > 0 {
		return &exitError{code: 1, err: fmt.Errorf("export: %d input(s) failed", failed)}
	}
	return nil
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

// dumpJSONL writes the graph of db in the export format as it reads it,
// the Evidence nodes, which must follow their relationships, kept in a
// temporary file until the relationships are written.
func dumpJSONL(ctx context.Context, db *store.DB, w io.Writer) error {
	tmp, err := os.CreateTemp("", "geokg-evidence-*.jsonl")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	tw := bufio.NewWriterSize(tmp, 1<<20)
	out, evidence := graph.NewJSONLWriter(w), graph.NewJSONLWriter(tw)
	err = db.Dump(ctx, func(n *graph.Node, r *graph.Rel) error {
		switch {
		case n != nil && n.Label() == graph.LabelEvidence:
			return evidence.Write(&graph.Batch{Nodes: []graph.Node{*n}})
		case n != nil:
			return out.Write(&graph.Batch{Nodes: []graph.Node{*n}})
		}
		return out.Write(&graph.Batch{Rels: []graph.Rel{*r}})
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
	_, err = io.Copy(w, tmp)
	return err
}
