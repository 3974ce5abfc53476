package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/geokg/geokg/queries"
	"github.com/urfave/cli/v2"
)

// multiValue is a repeatable flag that keeps each value whole: a value
// such as labels=State,Region must not be split at its commas.
type multiValue []string

// multiCopy starts the String of a multiValue. The CLI library gives a
// flag's value to its other names (-p for --param) by calling Set with
// String: Set takes that for the whole list, not one more value.
const multiCopy = "\x00values:"

func (m *multiValue) Set(s string) error {
	if list, ok := strings.CutPrefix(s, multiCopy); ok {
		var vals []string
		if err := json.Unmarshal([]byte(list), &vals); err != nil {
			return err
		}
		*m = vals
		return nil
	}
	*m = append(*m, s)
	return nil
}

func (m *multiValue) String() string {
	if len(*m) == 0 {
		return ""
	}
	b, _ := json.Marshal([]string(*m))
	return multiCopy + string(b)
}

// queryDirsFlag is --queries: user query folders, after those of
// $GEOKG_QUERIES.
func queryDirsFlag() cli.Flag {
	return &cli.GenericFlag{Name: "queries", Value: &multiValue{}, Category: "Queries",
		Usage: "also load the *.cypher files of `DIR` (repeatable; a query with the name of a built-in one replaces it); " +
			"$GEOKG_QUERIES lists more folders, separated by '" + string(os.PathListSeparator) + "'"}
}

func formatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"o"}, Value: "table",
		Usage: "output format: " + strings.Join(queries.Formats, ", ")}
}

// paramFlag sets a query parameter, once per parameter.
func paramFlag() cli.Flag {
	return &cli.GenericFlag{Name: "param", Aliases: []string{"p"}, Value: &multiValue{},
		Usage: "set a parameter: `KEY=VALUE` (repeatable, once per parameter)"}
}

// graphFlag keeps the column that Neo4j Browser draws.
func graphFlag() cli.Flag {
	return &cli.BoolFlag{Name: "graph", Usage: "keep the " + queries.GraphColumn + " column (paths, nodes and relationships for Neo4j Browser), left out by default"}
}

// loadLibrary loads the built-in queries and the user folders.
func loadLibrary(c *cli.Context) (*queries.Library, error) {
	dirs := filepath.SplitList(os.Getenv("GEOKG_QUERIES"))
	if m, ok := c.Generic("queries").(*multiValue); ok && m != nil {
		dirs = append(dirs, *m...)
	}
	lib, err := queries.Load(dirs...)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return lib, nil
}

func queryCommand() *cli.Command {
	return &cli.Command{
		Name:  "query",
		Usage: "list, show and run the canned Cypher queries",
		Description: `geokg carries a library of named, parameterized Cypher queries for analysts:
mediators, control of regions, demands, leaders, networks, timelines, paths,
mentions, what is new, evidence, data quality. Each has a title, a
description and typed parameters with defaults; "geokg query list" shows them.
Add your own with --queries DIR or $GEOKG_QUERIES (same header format, see
docs/queries.md); one with a built-in query's name replaces it.

Examples:
  geokg query list
  geokg query show mediators
  geokg query run mediators --param a=Armenia --param b=Azerbaijan
  geokg query run region-control -p region=Goma --format json
  geokg query run most-mentioned -p from=2025-01-01 -p labels=State,Organization -o csv`,
		Subcommands: []*cli.Command{queryListCommand(), queryShowCommand(), queryRunCommand(), queryExplainCommand()},
	}
}

func queryListCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "list the queries with their titles and parameters",
		Description: `Examples:
  geokg query list
  geokg query list --format json
  geokg query list --queries ~/my-queries`,
		Flags: []cli.Flag{formatFlag(), queryDirsFlag()},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usageError("query list takes no arguments")
			}
			lib, err := loadLibrary(c)
			if err != nil {
				return err
			}
			res := &queries.Result{Columns: []string{"name", "title", "params", "source"}}
			for _, q := range lib.All() {
				var params []string
				for _, p := range q.Params {
					params = append(params, p.Name+"="+p.DefaultText())
				}
				res.Rows = append(res.Rows, []any{q.Name, q.Title, strings.Join(params, " "), q.Source})
			}
			return writeResult(c, res)
		},
	}
}

func queryShowCommand() *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "print a query's Cypher, its header included",
		ArgsUsage: "NAME",
		Description: `Prints the header as written and the Cypher that runs: each
CALL geokg.resolve($name) written out as the name lookup, and the part that
answers one row when a name matches nothing. With --browser, first prints the
:params line that sets the query's defaults in Neo4j Browser, so both can be
pasted there.

Examples:
  geokg query show mediators
  geokg query show timeline --browser`,
		Flags: []cli.Flag{queryDirsFlag(),
			&cli.BoolFlag{Name: "browser", Usage: "start with a Neo4j Browser :params line holding the defaults"}},
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			q, err := oneQuery(c, args)
			if err != nil {
				return err
			}
			w := c.App.Writer
			if c.Bool("browser") {
				if line := queries.BrowserParams(q); line != "" {
					fmt.Fprintln(w, line)
				}
			}
			_, err = io.WriteString(w, q.Header()+q.Cypher()+"\n")
			return err
		},
	}
}

func queryRunCommand() *cli.Command {
	return &cli.Command{
		Name:      "run",
		Usage:     "run a query and print its rows",
		ArgsUsage: "NAME",
		Description: `Parameters not given take their defaults (see geokg query list). Values are
typed from the query's header: int, float, bool, string, lists as a,b,c or a
JSON array, dates as YYYY-MM-DD or counted back from today (7d, 2w, 1m, 1y,
today). Names of actors and places (types actor, place, entity) match a name
or an alias in any case, with or without accents; a name that matches
nothing fails the run (exit status 1) with close names. Relationship types,
labels and event types are checked against the graph's vocabulary.

The column "graph" (what Neo4j Browser draws) is left out unless --graph is
given. JSON output is an array with one object per row, keys in column
order; dates are ISO strings, nodes maps of their properties plus "labels",
relationships maps of their properties plus "type", paths lists of nodes and
relationships.

Examples:
  geokg query run mediators -p a=Armenia -p b=Azerbaijan
  geokg query run timeline -p name="Gaza Strip" -p from=2024-01-01 --format csv
  geokg query run evidence -p from=M23 -p to=Goma -p type=controls -o json
  geokg query run new-since -p since=7d`,
		Flags: append([]cli.Flag{
			paramFlag(),
			formatFlag(),
			graphFlag(),
			queryDirsFlag(),
		}, connFlags()...),
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			q, params, err := boundQuery(c, args)
			if err != nil {
				return err
			}
			if !validFormat(c.String("format")) {
				return usageError("unknown format %q (want %s)", c.String("format"), strings.Join(queries.Formats, ", "))
			}
			db, err := connect(c)
			if err != nil {
				return err
			}
			defer db.Close(context.WithoutCancel(c.Context))
			// A graph loaded by an earlier geokg, or imported, lacks
			// properties and indexes the queries read: some answers
			// would come back empty rather than fail.
			if ok, err := db.HasSchema(c.Context); err == nil && !ok {
				return errors.New("the database lacks part of geokg's schema (a graph loaded by an earlier geokg, or imported with neo4j-admin), and the answers would miss what it gives: run geokg schema apply, then the query again")
			}
			run := queries.RunTable
			if c.Bool("graph") {
				run = queries.Run
			}
			res, err := run(c.Context, db, q, params)
			if err != nil {
				return queryFailure(db, err)
			}
			return writeResult(c, res)
		},
	}
}

func queryExplainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "print the plan Neo4j would run a query with, without running it",
		ArgsUsage: "NAME",
		Description: `Shows which indexes a query uses: a lookup by name should start with the
full-text index (ProcedureCall), never with AllNodesScan or NodeByLabelScan.

Examples:
  geokg query explain mediators
  geokg query explain timeline -p name=Goma`,
		Flags: append([]cli.Flag{
			paramFlag(),
			queryDirsFlag(),
		}, connFlags()...),
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			q, params, err := boundQuery(c, args)
			if err != nil {
				return err
			}
			db, err := connect(c)
			if err != nil {
				return err
			}
			defer db.Close(context.WithoutCancel(c.Context))
			plan, err := queries.Explain(c.Context, db, q, params)
			if err != nil {
				return queryFailure(db, err)
			}
			_, err = io.WriteString(c.App.Writer, plan.String())
			return err
		},
	}
}

// oneQuery finds the query named by the only argument.
func oneQuery(c *cli.Context, args []string) (*queries.Query, error) {
	if len(args) != 1 {
		return nil, usageError("want one query NAME, got %d arguments (geokg query list shows the names)", len(args))
	}
	lib, err := loadLibrary(c)
	if err != nil {
		return nil, err
	}
	q, err := lib.Get(args[0])
	if err != nil {
		return nil, usageError("%v", err)
	}
	return q, nil
}

// boundQuery finds the query and types its --param values.
func boundQuery(c *cli.Context, args []string) (*queries.Query, map[string]any, error) {
	q, err := oneQuery(c, args)
	if err != nil {
		return nil, nil, err
	}
	raw := map[string]string{}
	if m, ok := c.Generic("param").(*multiValue); ok && m != nil {
		for _, kv := range *m {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" {
				return nil, nil, usageError("--param %q: want KEY=VALUE", kv)
			}
			if old, dup := raw[k]; dup {
				return nil, nil, usageError("--param %s given twice (%q and %q): give each parameter once; a list takes a,b,c", k, old, v)
			}
			raw[k] = v
		}
	}
	params, err := q.Bind(raw)
	if err != nil {
		return nil, nil, usageError("%v", err)
	}
	return q, params, nil
}

func validFormat(f string) bool {
	for _, x := range queries.Formats {
		if f == x {
			return true
		}
	}
	return false
}

func writeResult(c *cli.Context, res *queries.Result) error {
	if !validFormat(c.String("format")) {
		return usageError("unknown format %q (want %s)", c.String("format"), strings.Join(queries.Formats, ", "))
	}
	return queries.Write(c.App.Writer, res, c.String("format"))
}
