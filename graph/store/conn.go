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
	"os"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Config says how to reach Neo4j. The zero Database means the server's
// default database.
type Config struct {
	URI      string
	User     string
	Password string
	Database string

	// ConnectTimeout bounds opening a connection: the TCP connection, TLS
	// and Bolt handshakes and the login. Zero means DefaultConnectTimeout.
	ConnectTimeout time.Duration
	// QueryTimeout bounds each transaction, its retries included. Zero
	// means none: the caller's context alone decides.
	QueryTimeout time.Duration
}

// Defaults of the timeouts that commands use.
const (
	DefaultConnectTimeout = 15 * time.Second
	DefaultQueryTimeout   = 2 * time.Minute
)

// closeTimeout bounds closing the driver: a server that does not answer
// must not hold the process.
const closeTimeout = 3 * time.Second

// String describes the connection without the password, for messages.
func (c Config) String() string {
	s := c.User + "@" + RedactURI(c.URI)
	if c.Database != "" {
		s += "/" + c.Database
	}
	return s
}

// RedactURI is uri with the password it may hold replaced, for messages.
// A URI that does not parse into a user and a host loses everything
// before its last '@'.
func RedactURI(uri string) string {
	if u, err := url.Parse(uri); err == nil && (u.User != nil || !strings.Contains(uri, "@")) {
		return u.Redacted()
	}
	at := strings.LastIndex(uri, "@")
	if at < 0 {
		return uri
	}
	if scheme, _, ok := strings.Cut(uri, "://"); ok && len(scheme) < at {
		return scheme + "://xxxxx" + uri[at:]
	}
	return "xxxxx" + uri[at:]
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
// accepts the credentials, within cfg.ConnectTimeout. bolt://, neo4j://
// (routing) and their +s and +ssc variants are accepted. A user and
// password written into the URI (bolt://user:pass@host) are used instead
// of cfg.User and cfg.Password, and dropped from the URI the driver and
// messages see. Errors wrap ErrConnect and never carry the password.
func Connect(ctx context.Context, cfg Config) (*DB, error) {
	cfg, err := cfg.withURICredentials()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConnect, err)
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""), func(c *config.Config) {
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout
		// Transient failures (a server restarting, a leader change) are
		// retried for as long as a transaction may take.
		if cfg.QueryTimeout > 0 {
			c.MaxTransactionRetryTime = cfg.QueryTimeout
		}
	})
	if err != nil {
		return nil, fmt.Errorf("%w at %s: %s", ErrConnect, cfg.URI, scrub(err.Error(), cfg.Password))
	}
	// The driver's reads heed a context's cancellation only when it
	// carries a deadline, so every call gets one.
	vctx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout)
	defer cancel()
	if err := drv.VerifyConnectivity(vctx); err != nil {
		closeDriver(ctx, drv)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w at %s: %s", ErrConnect, cfg.URI, explain(err, cfg))
	}
	return &DB{Driver: drv, Config: cfg}, nil
}

// withURICredentials moves a user and password out of the URI into cfg.
func (c Config) withURICredentials() (Config, error) {
	u, err := url.Parse(c.URI)
	if err != nil || u.Host == "" {
		return c, fmt.Errorf("invalid URI %q (want bolt://host:7687 or neo4j://host:7687)", RedactURI(c.URI))
	}
	if err := checkScheme(u); err != nil {
		return c, err
	}
	if u.User != nil {
		if name := u.User.Username(); name != "" {
			c.User = name
		}
		if pw, ok := u.User.Password(); ok {
			c.Password = pw
		}
		u.User = nil
		c.URI = u.String()
	}
	return c, nil
}

// Close closes the driver, giving up after a few seconds on a server
// that does not answer, and whether or not ctx is done.
func (db *DB) Close(ctx context.Context) error { return closeDriver(ctx, db.Driver) }

func closeDriver(ctx context.Context, drv neo4j.DriverWithContext) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
	defer cancel()
	return drv.Close(ctx)
}

// QueryContext is ctx bounded by the query timeout, for one transaction
// and the reading of its results.
func (db *DB) QueryContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if db.Config.QueryTimeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, db.Config.QueryTimeout)
}

// Session opens a session on the configured database.
func (db *DB) Session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return db.Driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: db.Config.Database})
}

func checkScheme(u *url.URL) error {
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
		return nil
	}
	return fmt.Errorf("unsupported scheme %q in %q (want bolt, neo4j, neo4j+s, bolt+s)", u.Scheme, u.Redacted())
}

// explain turns driver errors into one line a user can act on.
func explain(err error, cfg Config) string {
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		switch {
		case strings.Contains(nerr.Code, "Security.Unauthorized") && cfg.Password == "":
			return fmt.Sprintf("authentication failed for user %q: no password given (set NEO4J_PASSWORD or use --password-file)", cfg.User)
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
	case isTimeout(err):
		return fmt.Sprintf("no answer within %s: the server is stuck or still starting, or what listens there is not Neo4j (the connect timeout: --connect-timeout, NEO4J_CONNECT_TIMEOUT)", cfg.ConnectTimeout)
	}
	return scrub(msg, cfg.Password)
}

// isTimeout tells whether err comes from a deadline. The driver wraps a
// context's deadline in error types of its own that do not unwrap, so
// their text is read too.
func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "deadline exceeded") || strings.Contains(msg, "i/o timeout")
}

func scrub(msg, secret string) string {
	if secret == "" {
		return msg
	}
	return strings.ReplaceAll(msg, secret, "****")
}

// Lost says in one line how the server failed as a whole: it did not
// answer within the query timeout, or went away. It is nil when err is of
// another kind, such as an error of the query itself.
func (c Config) Lost(err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return nil
	}
	uri := RedactURI(c.URI)
	var limit *neo4j.TransactionExecutionLimit
	var conn *neo4j.ConnectivityError
	switch {
	case errors.As(err, &limit) && strings.Contains(limit.Cause, "max retry time"):
		return fmt.Errorf("Neo4j at %s kept failing and retries ran out (%s)", uri, limit.Cause)
	case errors.As(err, &limit) && strings.Contains(limit.Cause, "failed connection attempts"):
		// The driver gives up at once when new connections are refused:
		// no retry waited for the server.
		return fmt.Errorf("lost the connection to Neo4j at %s: the server stopped or restarted (new connections refused)", uri)
	case errors.As(err, &limit) && isTimeout(err):
		return fmt.Errorf("Neo4j at %s kept failing until the query timeout (%s) ran out, retries included (--query-timeout, NEO4J_QUERY_TIMEOUT)", uri, c.QueryTimeout)
	case errors.As(err, &limit):
		return fmt.Errorf("Neo4j at %s kept failing and retries ran out (%s)", uri, limit.Cause)
	case isTimeout(err):
		return fmt.Errorf("Neo4j at %s did not answer within %s (the query timeout: --query-timeout, NEO4J_QUERY_TIMEOUT); the server may be stuck or overloaded", uri, c.QueryTimeout)
	case errors.As(err, &conn):
		return fmt.Errorf("lost the connection to Neo4j at %s", uri)
	}
	return nil
}

// RunFailure says in one line why the database failed in the middle of a
// run that writes, and that running it again finishes the work: what was
// committed stays, and is skipped or merged again without change.
func (c Config) RunFailure(err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return err
	}
	if lost := c.Lost(err); lost != nil {
		return fmt.Errorf("%w; run the same command again to finish (what was written stays and is not written twice)", lost)
	}
	return fmt.Errorf("load into %s: %w", c, err)
}
