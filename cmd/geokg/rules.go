package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/geokg/geokg/ingest/extract"
	"github.com/urfave/cli/v2"
)

// rulesFlag adds a user's rules to the built-in ones, on every command that
// extracts.
func rulesFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "rules", Usage: "add the extraction rules of `FILE` to the built-in ones (repeatable; format: geokg rules --help)"}
}

// rulesOffFlag switches rules off, on every command that extracts.
func rulesOffFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "rules-off", Usage: "switch off the extraction rule `ID` (repeatable, or comma-separated)"}
}

// extractOptions are the extractor's options from --rules and --rules-off.
func extractOptions(c *cli.Context) ([]extract.Option, error) {
	var opts []extract.Option
	for _, path := range c.StringSlice("rules") {
		f, err := os.Open(path)
		if err != nil {
			return nil, usageError("--rules: %v", err)
		}
		rs, err := extract.ParseRules(path, f)
		f.Close()
		if err != nil {
			return nil, usageError("%v", err)
		}
		opts = append(opts, extract.WithRules(rs...))
	}
	if off := c.StringSlice("rules-off"); len(off) > 0 {
		opts = append(opts, extract.WithoutRules(off...))
	}
	return opts, nil
}

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list and show the extraction rules",
		Description: `Every relationship and event geokg extracts is made by a named rule, and
carries the rule's id in its rule property. A rule is data: the fact it
makes (CONTROLS, DEMANDS, ...; for CONTROLS and REPRESENTS the change it
tells: gain, hold, lose; start, hold, end), the words that trigger it, where
the two ends of the fact stand (its slots), the guards that cancel it
(negation, modal, quotation, passive, ...), its confidence, and example
sentences that must yield the fact and others that must not. The built-in
rules are in ingest/extract/data/rules/*.yaml; docs/extraction.md
describes the format.

Add your own with --rules FILE (on extract, ingest, export, eval and
rules), a YAML list in the same format; errors name FILE:LINE. Switch a
rule off with --rules-off ID. geokg extract --explain prints each fact
with the rule and sentence behind it; geokg eval --by-rule gives each
rule's precision on a gold set.

Examples:
  geokg rules list
  geokg rules list --fact CONTROLS --format csv
  geokg rules show controls.seize
  geokg rules list --rules my-rules.yaml     check a rules file and list it`,
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list the rules: id, fact, change, form, confidence, examples and what each reads",
				Flags: []cli.Flag{rulesFlag(), rulesOffFlag(),
					&cli.StringFlag{Name: "format", Aliases: []string{"o"}, Value: "table", Usage: "output format: table, json or csv"},
					&cli.StringFlag{Name: "fact", Usage: "only the rules that make `TYPE` (CONTROLS, Event, ...)"},
				},
				Action: runRulesList,
			},
			{
				Name:      "show",
				Usage:     "show rules whole: trigger, slots, guards and examples",
				ArgsUsage: "ID...",
				Flags: []cli.Flag{rulesFlag(), rulesOffFlag(),
					&cli.StringFlag{Name: "format", Aliases: []string{"o"}, Value: "text", Usage: "output format: text or json"},
				},
				Action: runRulesShow,
			},
		},
	}
}

func runRulesList(c *cli.Context) error {
	format := c.String("format")
	if format != "table" && format != "json" && format != "csv" {
		return usageError("rules list: --format %q: want table, json or csv", format)
	}
	if c.NArg() > 0 {
		return usageError("rules list takes no arguments (got %q)", c.Args().First())
	}
	x, err := newExtractor(c)
	if err != nil {
		return err
	}
	var rules []*extract.Rule
	for _, r := range x.Rules() {
		if f := c.String("fact"); f == "" || strings.EqualFold(f, r.Fact) {
			rules = append(rules, r)
		}
	}
	w := c.App.Writer
	switch format {
	case "json":
		return writeJSON(w, rules)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "fact", "change", "form", "confidence", "examples", "known_failures", "off", "source", "doc"})
		for _, r := range rules {
			cw.Write([]string{r.ID, r.Fact, r.Change, r.Form, strconv.FormatFloat(r.Confidence, 'f', -1, 64),
				strconv.Itoa(len(r.Examples)), strconv.Itoa(knownFailures(r)), strconv.FormatBool(x.RuleOff(r.ID)), r.Source, r.Doc})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFACT\tCHANGE\tFORM\tCONF\tEX\tDOC")
	for _, r := range rules {
		id := r.ID
		if x.RuleOff(r.ID) {
			id += " (off)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.2g\t%d\t%s\n", id, r.Fact, r.Change, r.Form, r.Confidence, len(r.Examples), r.Doc)
	}
	return tw.Flush()
}

func knownFailures(r *extract.Rule) int {
	n := 0
	for _, e := range r.Examples {
		if e.Known != "" {
			n++
		}
	}
	return n
}

func runRulesShow(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("rules show: --format %q: want text or json", format)
	}
	if c.NArg() == 0 {
		return usageError("rules show: name the rule ids to show (geokg rules list lists them)")
	}
	x, err := newExtractor(c)
	if err != nil {
		return err
	}
	byID := map[string]*extract.Rule{}
	for _, r := range x.Rules() {
		byID[r.ID] = r
	}
	var rules []*extract.Rule
	for _, id := range c.Args().Slice() {
		r, ok := byID[id]
		if !ok {
			return usageError("rules show: no rule %q (geokg rules list lists them)", id)
		}
		rules = append(rules, r)
	}
	if format == "json" {
		return writeJSON(c.App.Writer, rules)
	}
	for i, r := range rules {
		if i > 0 {
			fmt.Fprintln(c.App.Writer)
		}
		showRule(c.App.Writer, r, x.RuleOff(r.ID))
	}
	return nil
}

// showRule writes a rule for a reader.
func showRule(w io.Writer, r *extract.Rule, off bool) {
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-11s %s\n", k+":", v)
		}
	}
	line("id", r.ID)
	if off {
		line("state", "switched off")
	}
	line("fact", r.Fact)
	change := r.Change
	if r.Force {
		change += ", by force"
	}
	line("change", change)
	if r.Background {
		line("background", "weighs less in choosing the story's two sides")
	}
	line("form", r.Form)
	line("doc", r.Doc)
	line("source", r.Source)
	line("confidence", strconv.FormatFloat(r.Confidence, 'f', -1, 64))
	t := r.Trigger
	line("trigger", strings.Join(t.Words, " | "))
	line("suffixes", strings.Join(t.Suffixes, " | "))
	var cond []string
	for _, c := range []struct {
		name string
		ws   []string
	}{{"tag", t.Tag}, {"next", t.Next}, {"not next", t.NotNext}, {"prev", t.Prev}, {"not prev", t.NotPrev}, {"not after", t.NotAfter}} {
		if len(c.ws) > 0 {
			cond = append(cond, c.name+" "+strings.Join(c.ws, "|"))
		}
	}
	if len(t.Before) > 0 {
		cond = append(cond, fmt.Sprintf("before (within %d) %s", t.Reach, strings.Join(t.Before, "|")))
	}
	line("condition", strings.Join(cond, "; "))
	line("from", slotsText(r.From))
	line("to", slotsText(r.To))
	line("guards", strings.Join(r.Guards, ", "))
	line("cancel", strings.Join(r.Cancel, " "))
	line("code", r.Code)
	fmt.Fprintln(w, "examples:")
	for _, e := range r.Examples {
		fmt.Fprintf(w, "  %q\n", e.Text)
		for _, f := range e.Yields {
			fmt.Fprintf(w, "    yields %s\n", f)
		}
		for _, f := range e.Lacks {
			fmt.Fprintf(w, "    lacks  %s\n", f)
		}
		if e.Known != "" {
			fmt.Fprintf(w, "    known failure: %s\n", e.Known)
		}
	}
}

func slotsText(ss extract.Slots) string {
	var parts []string
	for _, s := range ss {
		p := s.Side
		if len(s.Words) > 0 {
			p += " " + strings.Join(s.Words, "|")
		}
		if len(s.Labels) > 0 {
			p += " [" + strings.Join(s.Labels, ", ") + "]"
		}
		if s.Window > 0 {
			p += fmt.Sprintf(" within %d", s.Window)
		}
		if s.Owner {
			p += ", a leader for the body he represents"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; else ")
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
