package geokg_test

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// TestNeo4jLocalNewHome starts scripts/neo4j-local on a new state
// directory with a password that begins with "-", which neo4j-admin's
// option parser would take for an option, and stops it.
func TestNeo4jLocalNewHome(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Neo4j server")
	}
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("Java is not installed")
	}
	home := filepath.Join(t.TempDir(), "neo4j")
	env := append(os.Environ(),
		"NEO4J_LOCAL_HOME="+home,
		"NEO4J_BOLT_PORT="+freePort(t),
		"NEO4J_HTTP_PORT="+freePort(t),
		"NEO4J_PASSWORD=-starts-with-a-dash",
		"NEO4J_HEAP=256m", "NEO4J_PAGECACHE=32m",
	)
	script := func(verb string) ([]byte, error) {
		cmd := exec.Command("scripts/neo4j-local", verb)
		cmd.Env = env
		return cmd.CombinedOutput()
	}
	t.Cleanup(func() { script("stop") })
	if out, err := script("start"); err != nil {
		t.Fatalf("neo4j-local start: %v\n%s", err, out)
	}
	if out, err := script("stop"); err != nil {
		t.Fatalf("neo4j-local stop: %v\n%s", err, out)
	}
}

// freePort is a TCP port on 127.0.0.1 that nothing listens on.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}
