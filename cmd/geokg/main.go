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
	"time"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// graceTime is how long a command has to wind down after the first
// SIGINT or SIGTERM (finish or roll back the transaction in hand, print
// its summary) before the process ends regardless.
const graceTime = 3 * time.Second

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		cancel(&interruption{sig})
		// A second signal, or a command slow to wind down, ends the
		// process here.
		select {
		case <-sigs:
		case <-time.After(graceTime):
		}
		fmt.Fprintln(os.Stderr, "geokg: interrupted")
		os.Exit(exitCode(sig))
	}()
	os.Exit(run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// interruption is the cause of a context cancelled by a signal.
type interruption struct{ sig os.Signal }

func (i *interruption) Error() string { return "interrupted by " + i.sig.String() }

// exitCode is the exit status of a run ended by sig: 128 plus the signal's
// number, as a shell reports a process the signal killed (130 for SIGINT,
// 143 for SIGTERM).
func exitCode(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// errInterrupted marks the error of a command that stopped because it was
// interrupted; its message says what to do next.
var errInterrupted = errors.New("interrupted")

// run is the whole program, with its streams passed in so tests can drive it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, interspersed(app, args))
	if err == nil {
		return 0
	}
	var in *interruption
	if errors.As(context.Cause(ctx), &in) {
		// Whatever the command made of its cancelled context, the run was
		// interrupted: one line, and the status that says so.
		if errors.Is(err, errInterrupted) {
			fmt.Fprintln(stderr, "geokg:", err)
		} else {
			fmt.Fprintln(stderr, "geokg: interrupted")
		}
		return exitCode(in.sig)
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

Neo4j connection: --uri, --user, --password-file, --database,
--connect-timeout, --query-timeout, or the environment variables NEO4J_URI,
NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_PASSWORD_FILE, NEO4J_DATABASE,
NEO4J_CONNECT_TIMEOUT and NEO4J_QUERY_TIMEOUT.

Exit status: 0 when everything went through, 1 when some inputs failed (the
rest went through), 2 on misuse or when Neo4j cannot be reached or does not
answer in time, 130 or 143 when interrupted by SIGINT or SIGTERM.`,
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
		rulesCommand(),
		browserCommand(),
	}
}

// exitError carries the exit status a command wants: 1 when some inputs
// failed and the rest went through, 2 for misuse or an unreachable server.
// A run interrupted by a signal exits with 128 plus its number instead.
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
