package neo4jtest_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/geokg/geokg/internal/neo4jtest"
)

// TestHelperNoJava is the test that TestWithoutJava runs in a child process
// whose PATH has no java; in a normal run it returns at once, like the
// helper processes of the standard library's os/exec tests.
func TestHelperNoJava(t *testing.T) {
	if os.Getenv("GEOKG_NEO4JTEST_HELPER") != "1" {
		return
	}
	neo4jtest.DB(t)
	t.Log("DB returned without a server")
}

func TestWithoutJava(t *testing.T) {
	tests := []struct {
		ci   string
		want string
	}{
		{"", "--- SKIP: TestHelperNoJava"},
		{"false", "--- SKIP: TestHelperNoJava"},
		{"true", "--- FAIL: TestHelperNoJava"},
	}
	for _, tt := range tests {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperNoJava$", "-test.v")
		cmd.Env = append(os.Environ(),
			"GEOKG_NEO4JTEST_HELPER=1", "PATH="+t.TempDir(), "CI="+tt.ci, "NEO4J_TEST_URI=")
		out, _ := cmd.CombinedOutput()
		got := string(out)
		if !strings.Contains(got, tt.want) {
			t.Errorf("CI=%q without java: want %q in the output:\n%s", tt.ci, tt.want, got)
		}
		if !strings.Contains(got, "Install Java 17") {
			t.Errorf("CI=%q without java: the message does not say how to run the tests:\n%s", tt.ci, got)
		}
	}
}
