package main

import (
	"errors"
	"fmt"
	"io"
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
			Usage: "read the Neo4j password from the first line of `FILE` (keep it private: chmod 600)"},
		&cli.StringFlag{Name: "database", EnvVars: []string{"NEO4J_DATABASE"}, Category: "Neo4j connection",
			Usage: "database name (default: the server's default database)"},
		&cli.DurationFlag{Name: "connect-timeout", Value: store.DefaultConnectTimeout, EnvVars: []string{"NEO4J_CONNECT_TIMEOUT"}, Category: "Neo4j connection",
			Usage: "give up connecting when the server has not answered within this time"},
		&cli.DurationFlag{Name: "query-timeout", Value: store.DefaultQueryTimeout, EnvVars: []string{"NEO4J_QUERY_TIMEOUT"}, Category: "Neo4j connection",
			Usage: "give up on a query or transaction (retries included) that has not ended within this time"},
	}
}

// connConfig reads the connection flags. Warnings (a password file others
// can read) go to w.
func connConfig(c *cli.Context, w io.Writer) (store.Config, error) {
	cfg := store.Config{
		URI:            c.String("uri"),
		User:           c.String("user"),
		Password:       c.String("password"),
		Database:       c.String("database"),
		ConnectTimeout: c.Duration("connect-timeout"),
		QueryTimeout:   c.Duration("query-timeout"),
	}
	if cfg.ConnectTimeout <= 0 || cfg.QueryTimeout <= 0 {
		return cfg, errors.New("--connect-timeout and --query-timeout must be positive durations (like 30s or 5m)")
	}
	if f := c.String("password-file"); f != "" {
		pw, err := readPasswordFile(f, w)
		if err != nil {
			return cfg, err
		}
		cfg.Password = pw
	}
	return cfg, nil
}

// readPasswordFile reads the password from the first line of path. It
// warns on w when others may read the file, as ssh does of a key.
func readPasswordFile(path string, w io.Writer) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("password file: %w", err)
	}
	if fi.IsDir() {
		return "", fmt.Errorf("password file %s is a directory", path)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		fmt.Fprintf(w, "geokg: warning: password file %s can be read by other users (mode %04o); make it private with: chmod 600 %s\n", path, perm, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("password file: %w", err)
	}
	pw := strings.TrimRight(strings.SplitN(string(b), "\n", 2)[0], "\r")
	if pw == "" {
		return "", fmt.Errorf("password file %s is empty: its first line should be the password", path)
	}
	return pw, nil
}

// connect opens the database named by the flags. Failures are exit status 2
// with one line that never contains the password.
func connect(c *cli.Context) (*store.DB, error) {
	cfg, err := connConfig(c, c.App.ErrWriter)
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

// queryFailure is the exit of a command whose query failed: status 2 with
// one line when the server failed as a whole (no answer in time, gone), 1
// for an error of the query itself.
func queryFailure(db *store.DB, err error) error {
	if lost := db.Config.Lost(err); lost != nil {
		return &exitError{code: 2, err: lost}
	}
	return &exitError{code: 1, err: err}
}

func pingCommand() *cli.Command {
	return &cli.Command{
		Name:  "ping",
		Usage: "check that Neo4j answers and accepts the credentials",
		Description: `Examples:
  NEO4J_PASSWORD=secret geokg ping
  geokg ping --uri neo4j+s://xxxx.databases.neo4j.io --password-file ~/.neo4j-pass
  geokg ping --connect-timeout 3s`,
		Flags: connFlags(),
		Action: func(c *cli.Context) error {
			db, err := connect(c)
			if err != nil {
				return err
			}
			defer db.Close(c.Context)
			ctx, cancel := db.QueryContext(c.Context)
			defer cancel()
			info, err := db.Driver.GetServerInfo(ctx)
			if err != nil {
				if lost := db.Config.Lost(err); lost != nil {
					return &exitError{code: 2, err: lost}
				}
				return &exitError{code: 2, err: fmt.Errorf("server info: %w", err)}
			}
			fmt.Fprintf(c.App.Writer, "connected to %s at %s as %s\n", info.Agent(), store.RedactURI(db.Config.URI), db.Config.User)
			return nil
		},
	}
}
