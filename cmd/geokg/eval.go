package main

import (
	"fmt"
	"io"
	"os"

	"github.com/geokg/geokg/eval"
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
instead of extracting. With --by-rule, also gives the precision of each
extraction rule (geokg rules list) over the facts it made: a fact that
matches a gold one is right, one that matches none is wrong.

Exit status: 0 when scoring ran, 1 when some articles could not be
extracted or their predictions read (they score as empty), 2 on unusable
input (no gold directory, an invalid gold file, a bad flag).

Examples:
  geokg eval --gold annotated/
  geokg eval --gold annotated/ --show-errors --per-article
  geokg eval --gold annotated/ --dict my-actors.tsv --format json
  geokg eval --gold annotated/ --by-rule            precision of each rule
  geokg eval --gold annotated/ --rules mine.yaml    with rules of your own
  geokg eval --gold annotated/ --write-pred out/    keep the predictions
  geokg eval --gold annotated/ --pred out/          score them again`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Required: true, Usage: "directory of articles `DIR`/NNN.txt with gold graphs NNN.gold.json"},
			&cli.StringFlag{Name: "pred", Usage: "score predictions `DIR`/NNN.jsonl instead of extracting"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "output format: table or json"},
			&cli.BoolFlag{Name: "show-errors", Usage: "list every missed and extra entity, relation and event"},
			&cli.BoolFlag{Name: "per-article", Usage: "print a line of counts and F1 for each article"},
			&cli.StringSliceFlag{Name: "dict", Usage: "add the entries of dictionary `FILE` to the built-in one (repeatable)"},
			rulesFlag(), rulesOffFlag(),
			&cli.BoolFlag{Name: "by-rule", Usage: "also give each extraction rule's precision: its facts right and wrong"},
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
	if predDir != "" && (len(c.StringSlice("dict")) > 0 || len(c.StringSlice("rules")) > 0 || len(c.StringSlice("rules-off")) > 0 || c.String("write-pred") != "") {
		return usageError("--pred scores existing predictions: it takes neither --dict, --rules, --rules-off nor --write-pred")
	}
	if predDir != "" {
		if st, err := os.Stat(predDir); err != nil || !st.IsDir() {
			return usageError("--pred %s: not a directory", predDir)
		}
	}

	var p eval.Predictor
	if predDir != "" {
		p = eval.PredFiles(predDir, func(msg string) { fmt.Fprintf(c.App.ErrWriter, "geokg: %s\n", msg) })
	} else {
		x, err := newExtractor(c)
		if err != nil {
			return err
		}
		if p, err = eval.Extracting(x, c.String("write-pred")); err != nil {
			return &exitError{code: 2, err: fmt.Errorf("--write-pred: %w", err)}
		}
	}

	// Lines that are not the report go to standard error when the report
	// is JSON, so that standard output stays one JSON document.
	out, side := c.App.Writer, c.App.Writer
	if format == "json" {
		side = c.App.ErrWriter
	}
	opt := eval.RunOptions{Gold: c.String("gold"), Predictor: p}
	if c.Bool("per-article") {
		opt.Article = func(a eval.Annotated, t *eval.Tally) { fmt.Fprintln(side, eval.ArticleLine(a.Name, t)) }
	} else if isTerminal(c.App.ErrWriter) {
		opt.Progress = func(a eval.Annotated, i, n int) {
			fmt.Fprintf(c.App.ErrWriter, "\rscoring %s (%d/%d)\x1b[K", a.Name, i+1, n)
		}
	}
	total, err := eval.Run(c.Context, opt)
	if opt.Progress != nil {
		fmt.Fprint(c.App.ErrWriter, "\r\x1b[K")
	}
	if err != nil {
		return &exitError{code: 2, err: err}
	}

	switch {
	case format == "json" && c.Bool("by-rule"):
		err = total.WriteJSONByRule(out)
	case format == "json":
		err = total.WriteJSON(out)
	default:
		err = total.WriteTable(out)
		if err == nil && c.Bool("by-rule") {
			fmt.Fprintln(out)
			err = total.WriteRuleTable(out)
		}
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
		return &exitError{code: 1, err: fmt.Errorf("%d of %d articles could not be scored against a prediction%s", total.Failures, total.Articles, hint)}
	}
	return nil
}

// isTerminal reports whether w is a terminal, where progress is shown.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
