package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/geokg/geokg/graph/store"
	"github.com/urfave/cli/v2"
)

// connFlags are the Neo4j connection flags every database command takes.
func connFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "uri", Value: "bolt://127.0.0.1:7687", EnvVars: []string{"NEO4J_URI"}, Category: "Neo4j connection",
			Usage: "Neo4j URI: bolt://, neo4j:// (cluster routing), neo4j+s:// (Aura)"},
		&cli.StringFlag{Name: "user", Value: "neo4j", EnvVars: []string{"NEO4J_USERNAME"}, Category: "Neo4j connection",
			Usage: "Neo4j user"},
		&cli.StringFlag{Name: "password", EnvVars: []string{"NEO4J_PASSWORD"}, Category: "Neo4j connection", DefaultText: "none",
			Usage: "Neo4j password; prefer the environment variable or --password-file, since a command line is visible to other users"},
		&cli.StringFlag{Name: "password-file", EnvVars: []string{"NEO4J_PASSWORD_FILE"}, Category: "Neo4j connection",
			Usage: "read the Neo4j password from the first line of `FILE`"},
		&cli.StringFlag{Name: "database", EnvVars: []string{"NEO4J_DATABASE"}, Category: "Neo4j connection",
			Usage: "database name (default: the server's default database)"},
	}
}

// connConfig reads the connection flags.
func connConfig(c *cli.Context) (store.Config, error) {
	cfg := store.Config{
		URI:      c.String("uri"),
		User:     c.String("user"),
		Password: c.String("password"),
		Database: c.String("database"),
	}
	if f := c.String("password-file"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return cfg, fmt.Errorf("read password file: %w", err)
		}
		cfg.Password = strings.TrimRight(strings.SplitN(string(b), "\n", 2)[0], "\r")
	}
	return cfg, nil
}

// connect opens the database named by the flags. Failures are exit status 2
// with one line that never contains the password.
func connect(c *cli.Context) (*store.DB, error) {
	cfg, err := connConfig(c)
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	db, err := store.Connect(c.Context, cfg)
	if err != nil {
		if errors.Is(err, store.ErrConnect) {
			return nil, &exitError{code: 2, err: err}
		}
		return nil, err
	}
	return db, nil
}

func pingCommand() *cli.Command {
	return &cli.Command{
		Name:  "ping",
		Usage: "check that Neo4j answers and accepts the credentials",
		Description: `Examples:
  NEO4J_PASSWORD=secret geokg ping
  geokg ping --uri neo4j+s://xxxx.databases.neo4j.io --password-file ~/.neo4j-pass`,
		Flags: connFlags(),
		Action: func(c *cli.Context) error {
			db, err := connect(c)
			if err != nil {
				return err
			}
			defer db.Close(context.WithoutCancel(c.Context))
			info, err := db.Driver.GetServerInfo(c.Context)
			if err != nil {
				return &exitError{code: 2, err: fmt.Errorf("server info: %w", err)}
			}
			fmt.Fprintf(c.App.Writer, "connected to %s at %s as %s\n", info.Agent(), db.Config.URI, db.Config.User)
			return nil
		},
	}
}
