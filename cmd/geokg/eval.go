package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/geokg/geokg/eval"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/ingest/source"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score extraction against hand-annotated articles",
		Description: `Extracts each article NNN.txt of a gold directory that has a gold graph
NNN.gold.json beside it, compares the result with the gold graph and prints
precision, recall and F1 per label, per relationship type and for events,
with micro-averaged totals. The gold format and the matching rules are in
docs/eval.md; the figures are those of the evaluation data's score.py.

With --pred, scores existing predictions (NNN.jsonl in the export format)
instead of extracting.

Exit status: 0 when scoring ran, 1 when some articles could not be
extracted or their predictions read (they score as empty), 2 on unusable
input (no gold directory, an invalid gold file, a bad flag).

Examples:
  geokg eval --gold annotated/
  geokg eval --gold annotated/ --show-errors --per-article
  geokg eval --gold annotated/ --dict my-actors.tsv --format json
  geokg eval --gold annotated/ --write-pred out/    keep the predictions
  geokg eval --gold annotated/ --pred out/          score them again`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Required: true, Usage: "directory of articles `DIR`/NNN.txt with gold graphs NNN.gold.json"},
			&cli.StringFlag{Name: "pred", Usage: "score predictions `DIR`/NNN.jsonl instead of extracting"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "output format: table or json"},
			&cli.BoolFlag{Name: "show-errors", Usage: "list every missed and extra entity, relation and event"},
			&cli.BoolFlag{Name: "per-article", Usage: "print a line of counts and F1 for each article"},
			&cli.StringSliceFlag{Name: "dict", Usage: "add the entries of dictionary `FILE` to the built-in one (repeatable)"},
			&cli.StringFlag{Name: "write-pred", Usage: "write each extracted graph to `DIR`/NNN.jsonl"},
		},
		Action: runEval,
	}
}

func runEval(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("eval takes no arguments (got %q); the articles are in --gold", c.Args().First())
	}
	format := c.String("format")
	if format != "table" && format != "json" {
		return usageError("--format %q: want table or json", format)
	}
	predDir := c.String("pred")
	if predDir != "" && (len(c.StringSlice("dict")) > 0 || c.String("write-pred") != "") {
		return usageError("--pred scores existing predictions: it takes neither --dict nor --write-pred")
	}
	if predDir != "" {
		if st, err := os.Stat(predDir); err != nil || !st.IsDir() {
			return usageError("--pred %s: not a directory", predDir)
		}
	}

	items, err := eval.List(c.String("gold"))
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	// Every gold file is checked before anything is scored, so that a
	// report never leaves an article out silently.
	golds := make([]*eval.Gold, len(items))
	var bad []string
	for i, a := range items {
		if golds[i], err = eval.LoadGold(a.Gold); err != nil {
			bad = append(bad, err.Error())
		}
	}
	if len(bad) > 0 {
		return &exitError{code: 2, err: errors.New(strings.Join(bad, "\ngeokg: "))}
	}

	var p evalPredictor
	if predDir != "" {
		p = &evalPredFiles{dir: predDir, notes: c.App.ErrWriter}
	} else {
		x, err := newEvalExtractor(c.StringSlice("dict"), c.String("write-pred"))
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		p = x
	}

	// Lines that are not the report go to standard error when the report
	// is JSON, so that standard output stays one JSON document.
	out, side := c.App.Writer, c.App.Writer
	if format == "json" {
		side = c.App.ErrWriter
	}
	progress := evalShowsProgress(c.App.ErrWriter) && !c.Bool("per-article")
	total := eval.NewTally()
	for i, a := range items {
		if err := c.Context.Err(); err != nil {
			return &exitError{code: 2, err: err}
		}
		if progress {
			fmt.Fprintf(c.App.ErrWriter, "\rscoring %s (%d/%d)\x1b[K", a.Name, i+1, len(items))
		}
		at := eval.NewTally()
		b, err := p.predict(c.Context, a)
		if err != nil {
			at.Fail(a.Name, err)
			b = &graph.Batch{}
		}
		at.Merge(eval.ScoreArticle(a.Name, golds[i], b))
		if c.Bool("per-article") {
			fmt.Fprintln(side, eval.ArticleLine(a.Name, at))
		}
		total.Merge(at)
	}
	if progress {
		fmt.Fprint(c.App.ErrWriter, "\r\x1b[K")
	}

	if format == "json" {
		err = total.WriteJSON(out)
	} else {
		err = total.WriteTable(out)
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if c.Bool("show-errors") {
		for _, e := range total.Errors {
			fmt.Fprintln(side, e)
		}
	}
	if total.Failures > 0 {
		hint := ""
		if !c.Bool("show-errors") {
			hint = " (--show-errors says why)"
		}
		return &exitError{code: 1, err: fmt.Errorf("%d of %d articles could not be scored against a prediction%s", total.Failures, len(items), hint)}
	}
	return nil
}

// evalPredictor gives the graph predicted for an annotated article.
type evalPredictor interface {
	predict(ctx context.Context, a eval.Annotated) (*graph.Batch, error)
}

// evalPredFiles reads predictions that were written beforehand. A missing file
// is an empty prediction, as for score.py.
type evalPredFiles struct {
	dir   string
	notes io.Writer
}

func (p *evalPredFiles) predict(_ context.Context, a eval.Annotated) (*graph.Batch, error) {
	path := a.PredPath(p.dir)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(p.notes, "geokg: no %s: %s scored as if nothing was predicted\n", path, a.Name)
		return &graph.Batch{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("unreadable output: %w", err)
	}
	defer f.Close()
	b, err := eval.ReadPrediction(f)
	if err != nil {
		return nil, fmt.Errorf("unreadable output: %s: %w", path, err)
	}
	return b, nil
}

// evalExtractor runs the project's extractor in this process.
type evalExtractor struct {
	x        *extract.Extractor
	writeDir string
}

func newEvalExtractor(dictFiles []string, writeDir string) (*evalExtractor, error) {
	d, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("load built-in dictionary: %w", err)
	}
	for _, f := range dictFiles {
		if err := d.AddFile(f); err != nil {
			return nil, err
		}
	}
	x, err := extract.New(d)
	if err != nil {
		return nil, fmt.Errorf("load extractor: %w", err)
	}
	if writeDir != "" {
		if err := os.MkdirAll(writeDir, 0o755); err != nil {
			return nil, fmt.Errorf("--write-pred: %w", err)
		}
	}
	return &evalExtractor{x: x, writeDir: writeDir}, nil
}

func (e *evalExtractor) predict(ctx context.Context, a eval.Annotated) (*graph.Batch, error) {
	var arts []*article.Article
	var readErr error
	err := source.Read(ctx, []string{a.Text}, source.Options{}, func(art *article.Article, err error) error {
		if err != nil {
			readErr = err
			return nil
		}
		arts = append(arts, art)
		return nil
	})
	if err == nil {
		err = readErr
	}
	if err == nil && len(arts) != 1 {
		err = fmt.Errorf("read %s: %d articles, want 1", a.Text, len(arts))
	}
	if err != nil {
		return nil, fmt.Errorf("extractor failed: %w", err)
	}
	b := e.x.Extract(arts[0])
	if e.writeDir != "" {
		if err := evalWritePrediction(a.PredPath(e.writeDir), b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// evalWritePrediction writes b in the export format to path, whole or not at
// all.
func evalWritePrediction(path string, b *graph.Batch) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pred-*")
	if err != nil {
		return fmt.Errorf("write prediction: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := graph.NewJSONLWriter(tmp).Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write prediction %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write prediction %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write prediction: %w", err)
	}
	return nil
}

// evalShowsProgress reports whether w is a terminal, where progress is shown.
func evalShowsProgress(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
