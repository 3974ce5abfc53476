// Command geokg turns news articles into a knowledge graph of geopolitical
// actors in Neo4j, and runs canned queries over it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal cancels the work in hand; restoring the default
	// handlers then lets a second one end the process at once.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program, with its streams passed in so tests can drive it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, interspersed(app, args))
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "geokg:", ee.err)
		}
		return ee.code
	}
	// Anything else is a usage error from the CLI library or a command.
	fmt.Fprintln(stderr, "geokg:", err)
	return 2
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "geokg",
		Usage:   "turn news articles into a knowledge graph of geopolitical actors in Neo4j",
		Version: version,
		Description: `geokg extracts Leaders, States, Regions, Organizations and Events from news
articles, and how they relate (MEDIATES, CONTROLS, DEMANDS, REPRESENTS,
PARTY_TO, LOCATED_IN, SUPPORTS, FIGHTS), keeping the article and sentence
behind every fact. It loads them into Neo4j idempotently and runs canned
Cypher queries over the graph.

Examples:
  geokg extract testdata/articles/            print the graph as JSON lines
  geokg ping                                  check the Neo4j connection

Neo4j connection: --uri, --user, --password-file, --database, or the
environment variables NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
NEO4J_DATABASE.`,
		Reader:          stdin,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Commands:        commands(),
		ExitErrHandler:  func(*cli.Context, error) {},
	}
}

// commands lists the verbs of geokg, in the order --help shows them.
func commands() []*cli.Command {
	return []*cli.Command{
		pingCommand(),
		extractCommand(),
		ingestCommand(),
		loadCommand(),
		exportCommand(),
		curateCommand(),
		schemaCommand(),
		queryCommand(),
		evalCommand(),
		browserCommand(),
	}
}

// exitError carries the exit status a command wants: 1 when some inputs
// failed and the rest went through, 2 for misuse or an unreachable server.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError is a misuse of the command line: exit status 2.
func usageError(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}
