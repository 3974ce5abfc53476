package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/geokg/geokg/internal/neo4jtest"
)

// connRun runs geokg with a clean Neo4j environment, so that the caller's
// NEO4J_* variables do not leak into the test.
func connRun(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	for _, name := range []string{"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_PASSWORD_FILE", "NEO4J_DATABASE", "NEO4J_CONNECT_TIMEOUT", "NEO4J_QUERY_TIMEOUT"} {
		t.Setenv(name, env[name])
	}
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"geokg"}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// driverInternals are words of the driver's and server's own errors that a
// user should never have to read.
var driverInternals = []string{"Neo4jError", "Neo.ClientError", "ConnectivityError", "TokenExpired", "Code:", "pool", "goroutine", "bolt3", "bolt4", "bolt5"}

func checkOneLine(t *testing.T, stderr string, secrets ...string) {
	t.Helper()
	if n := strings.Count(stderr, "\n"); n != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr has %d lines, want exactly one:\n%s", n, stderr)
	}
	for _, s := range secrets {
		if strings.Contains(stderr, s) {
			t.Errorf("stderr contains the password:\n%s", stderr)
		}
	}
	for _, w := range driverInternals {
		if strings.Contains(stderr, w) {
			t.Errorf("stderr shows driver internals (%q):\n%s", w, stderr)
		}
	}
}

func TestPingAgainstServer(t *testing.T) {
	db := neo4jtest.DB(t)
	cfg := db.Config
	host := strings.TrimPrefix(cfg.URI, "bolt://")
	if host == cfg.URI {
		t.Skipf("test server %s is not a bolt:// address; the scheme cases need one", cfg.URI)
	}

	t.Run("schemes", func(t *testing.T) {
		for _, uri := range []string{"bolt://" + host, "neo4j://" + host} {
			env := map[string]string{"NEO4J_PASSWORD": cfg.Password}
			stdout, stderr, code := connRun(t, env, "ping", "--uri", uri, "--user", cfg.User)
			if code != 0 {
				t.Errorf("ping %s: exit status %d, want 0; stderr:\n%s", uri, code, stderr)
				continue
			}
			if !strings.Contains(stdout, "connected to Neo4j/") || !strings.Contains(stdout, uri) {
				t.Errorf("ping %s: stdout %q, want it to name the server and %s", uri, stdout, uri)
			}
		}
	})

	t.Run("password file", func(t *testing.T) {
		f := t.TempDir() + "/pass"
		if err := writeFile(f, cfg.Password+"\n"); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := connRun(t, nil, "ping", "--uri", cfg.URI, "--user", cfg.User, "--password-file", f)
		if code != 0 {
			t.Errorf("ping --password-file: exit status %d, want 0; stderr:\n%s", code, stderr)
		}
	})

	t.Run("wrong password", func(t *testing.T) {
		wrong := "not-" + cfg.Password + "-at-all"
		env := map[string]string{"NEO4J_PASSWORD": wrong}
		stdout, stderr, code := connRun(t, env, "ping", "--uri", cfg.URI, "--user", cfg.User)
		if code != 2 {
			t.Errorf("exit status %d, want 2", code)
		}
		if stdout != "" {
			t.Errorf("stdout %q, want nothing", stdout)
		}
		checkOneLine(t, stderr, wrong, cfg.Password)
		if !strings.Contains(stderr, "authentication failed") {
			t.Errorf("stderr %q does not say authentication failed", stderr)
		}
	})
}

func TestPingUnreachable(t *testing.T) {
	// A port that was free a moment ago: nothing listens there.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()

	const secret = "unreachable-secret-Xq7"
	// The TLS schemes (Aura) are accepted too: the failure is the refused
	// connection, not the scheme.
	for _, scheme := range []string{"bolt", "neo4j", "bolt+s", "neo4j+s", "neo4j+ssc"} {
		uri := scheme + "://127.0.0.1:" + strconv.Itoa(port)
		stdout, stderr, code := connRun(t, map[string]string{"NEO4J_PASSWORD": secret}, "ping", "--uri", uri)
		if code != 2 {
			t.Errorf("ping %s: exit status %d, want 2", uri, code)
		}
		if stdout != "" {
			t.Errorf("ping %s: stdout %q, want nothing", uri, stdout)
		}
		checkOneLine(t, stderr, secret)
		if !strings.Contains(stderr, "connection refused") {
			t.Errorf("ping %s: stderr %q does not say the connection was refused", uri, stderr)
		}
	}
}

func TestPingBadURI(t *testing.T) {
	tests := []struct{ uri, want string }{
		{"http://127.0.0.1:7474", "unsupported scheme"},
		{"127.0.0.1:7687", "want bolt"},
	}
	for _, tt := range tests {
		_, stderr, code := connRun(t, map[string]string{"NEO4J_PASSWORD": "bad-uri-secret"}, "ping", "--uri", tt.uri)
		if code != 2 {
			t.Errorf("ping %s: exit status %d, want 2", tt.uri, code)
		}
		checkOneLine(t, stderr, "bad-uri-secret")
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("ping %s: stderr %q, want it to contain %q", tt.uri, stderr, tt.want)
		}
	}
}

func TestHelpHidesPassword(t *testing.T) {
	const secret = "help-secret-7Fq2-do-not-print"
	for _, args := range [][]string{
		{"--help"},
		{"ping", "--help"},
		{"ping", "-h"},
	} {
		stdout, stderr, code := connRun(t, map[string]string{"NEO4J_PASSWORD": secret, "NEO4J_PASSWORD_FILE": "/nonexistent/" + secret}, args...)
		if code != 0 {
			t.Errorf("geokg %s: exit status %d, want 0; stderr:\n%s", strings.Join(args, " "), code, stderr)
		}
		if stdout == "" {
			t.Errorf("geokg %s printed no help", strings.Join(args, " "))
		}
		if strings.Contains(stdout+stderr, "help-secret-7Fq2") {
			t.Errorf("geokg %s shows the password:\n%s%s", strings.Join(args, " "), stdout, stderr)
		}
	}
}

func writeFile(path, content string) error {
	return os.WriteFile(path, []byte(content), 0o600)
}
