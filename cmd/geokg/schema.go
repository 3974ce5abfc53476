package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/geokg/geokg/graph/store"
	"github.com/urfave/cli/v2"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "create the constraints and indexes geokg relies on",
		Subcommands: []*cli.Command{
			{
				Name:  "apply",
				Usage: "create the missing constraints and indexes, and wait until they are online",
				Description: `A uniqueness constraint on id for every label (Article, Leader, State,
Region, Organization, Event), an index on name for every entity label, and
the full-text index entity_names over names and aliases. Every statement
says IF NOT EXISTS: running it again changes nothing. The first ingest or
load into a database applies it by itself.

Examples:
  geokg schema apply
  geokg schema apply --uri neo4j+s://xxxx.databases.neo4j.io --password-file ~/.neo4j-pass`,
				Flags: connFlags(),
				Action: func(c *cli.Context) error {
					if c.NArg() > 0 {
						return usageError("schema apply takes no arguments")
					}
					db, err := connect(c)
					if err != nil {
						return err
					}
					defer db.Close(context.WithoutCancel(c.Context))
					created, err := db.ApplySchema(c.Context)
					if err != nil {
						return queryFailure(db, err)
					}
					if len(created) == 0 {
						fmt.Fprintln(c.App.Writer, "schema up to date")
						return nil
					}
					fmt.Fprintf(c.App.Writer, "created %s\n", strings.Join(created, ", "))
					return nil
				},
			},
			{
				Name:  "show",
				Usage: "print the schema's Cypher statements",
				Description: `Examples:
  geokg schema show | cypher-shell -u neo4j`,
				Action: func(c *cli.Context) error {
					for _, s := range store.Schema() {
						fmt.Fprintf(c.App.Writer, "%s;\n", s.Cypher)
					}
					return nil
				},
			},
		},
	}
}

// schemaFailure is the exit of ingest or load when the schema could not
// be checked or applied: status 2, the run cannot start.
func schemaFailure(db *store.DB, err error) error {
	if lost := db.Config.Lost(err); lost != nil {
		return &exitError{code: 2, err: lost}
	}
	return &exitError{code: 2, err: fmt.Errorf("apply schema: %w", err)}
}

// ensureSchema applies the schema when part of it is missing, as on the
// first load into an empty database.
func ensureSchema(ctx context.Context, db *store.DB) error {
	ok, err := db.HasSchema(ctx)
	if err != nil {
		return err
	}
	if ok {
		return nil
	}
	_, err = db.ApplySchema(ctx)
	if err != nil {
		// Another loader may have created the same index at the same
		// moment; what counts is that the schema is there now.
		if ok, err2 := db.HasSchema(ctx); err2 == nil && ok {
			return nil
		}
	}
	return err
}
