// Package store is geokg's Neo4j store: connecting, the schema, loading
// batches with the merge rules of package graph in Cypher, reading the
// graph back, and the cypher-shell script export. With the query runner
// (package queries), it is the only part of geokg that talks to Neo4j.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config says how to reach Neo4j. The zero Database means the server's
// default database.
type Config struct {
	URI      string
	User     string
	Password string
	Database string
}

// String describes the connection without the password, for messages.
func (c Config) String() string {
	s := c.User + "@" + c.URI
	if c.Database != "" {
		s += "/" + c.Database
	}
	return s
}

// ErrConnect marks errors that mean the server could not be reached or
// refused the credentials; commands exit with status 2 on them.
var ErrConnect = errors.New("cannot connect to Neo4j")

// DB is an open, verified connection to Neo4j.
type DB struct {
	Driver neo4j.DriverWithContext
	Config Config
}

// Connect opens a driver for cfg and checks that the server answers and
// accepts the credentials. bolt://, neo4j:// (routing) and their +s and
// +ssc variants are accepted. Errors wrap ErrConnect and never carry the
// password.
func Connect(ctx context.Context, cfg Config) (*DB, error) {
	if err := checkURI(cfg.URI); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConnect, err)
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		return nil, fmt.Errorf("%w at %s: %s", ErrConnect, cfg.URI, scrub(err.Error(), cfg.Password))
	}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		drv.Close(ctx)
		return nil, fmt.Errorf("%w at %s: %s", ErrConnect, cfg.URI, explain(err, cfg))
	}
	return &DB{Driver: drv, Config: cfg}, nil
}

// Close closes the driver.
func (db *DB) Close(ctx context.Context) error { return db.Driver.Close(ctx) }

// Session opens a session on the configured database.
func (db *DB) Session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return db.Driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: db.Config.Database})
}

func checkURI(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Errorf("invalid URI %q (want bolt://host:7687 or neo4j://host:7687)", raw)
	}
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
		return nil
	}
	return fmt.Errorf("unsupported scheme %q in %q (want bolt, neo4j, neo4j+s, bolt+s)", u.Scheme, raw)
}

// explain turns driver errors into one line a user can act on.
func explain(err error, cfg Config) string {
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		switch {
		case strings.Contains(nerr.Code, "Security.Unauthorized"):
			return fmt.Sprintf("authentication failed for user %q (check NEO4J_USERNAME and NEO4J_PASSWORD)", cfg.User)
		case strings.Contains(nerr.Code, "Security.AuthenticationRateLimit"):
			return "too many failed logins; the server is rate limiting, wait and retry"
		case strings.Contains(nerr.Code, "Database.DatabaseNotFound"):
			return fmt.Sprintf("database %q does not exist", cfg.Database)
		}
		return scrub(nerr.Msg, cfg.Password)
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "connection refused"):
		return "connection refused: is Neo4j running? (scripts/neo4j-local start, or docker compose up -d)"
	case strings.Contains(msg, "no such host"):
		return "unknown host"
	case strings.Contains(msg, "i/o timeout"), strings.Contains(msg, "deadline exceeded"):
		return "timed out"
	}
	return scrub(msg, cfg.Password)
}

func scrub(msg, secret string) string {
	if secret == "" {
		return msg
	}
	return strings.ReplaceAll(msg, secret, "****")
}

// RunFailure says in one line why the database failed in the middle of a
// long run. When the server went away for longer than the driver retries,
// the advice is to run again: what was committed stays, and is skipped.
func (c Config) RunFailure(err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return err
	}
	var limit *neo4j.TransactionExecutionLimit
	var conn *neo4j.ConnectivityError
	if errors.As(err, &limit) || errors.As(err, &conn) {
		return fmt.Errorf("lost the connection to Neo4j at %s and retries ran out; run the same command again to finish (articles already loaded are skipped)", c.URI)
	}
	return fmt.Errorf("load into %s: %w", c, err)
}
