package geokg_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/geokg/geokg"

// layers is the one rule of each package, as docs/architecture.md draws
// it: the geokg packages it may import, and whether it may reach the Neo4j
// driver (directly or through a dependency). A new package needs a line.
var layers = []struct {
	pkg    string
	may    []string
	driver bool
}{
	{"graph", nil, false},
	{"graph/store", []string{"graph"}, true},
	{"ingest/article", nil, false},
	{"ingest/source", []string{"ingest/article"}, false},
	{"ingest/gazetteer", []string{"graph"}, false},
	{"ingest/extract", []string{"graph", "ingest/article", "ingest/gazetteer"}, false},
	{"curate", []string{"graph"}, false},
	{"ingest", []string{"curate", "graph", "ingest/article", "ingest/source"}, false},
	{"eval", []string{"graph", "ingest", "ingest/article", "ingest/source"}, false},
	{"queries", []string{"graph", "graph/store"}, true},
	{"internal/synth", []string{"graph", "ingest/article", "ingest/gazetteer"}, false},
	{"internal/neo4jtest", []string{"graph", "graph/store"}, true},
	{"internal/benchscale", []string{"graph", "graph/store", "ingest/gazetteer", "internal/synth"}, true},
	{"cmd/geokg", []string{"*"}, true},
	{"", nil, false}, // the root: the repository's own checks
}

func TestPackageLayers(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("skipped: the go command is not on PATH")
	}
	// go test caches a result by the files the test opens; go list reads
	// the sources in another process, so the test opens them itself.
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			_, err = os.Stat(path)
		}
		return err
	})
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}\t{{join .Imports \" \"}}\t{{join .Deps \" \"}}", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		path := strings.TrimPrefix(strings.TrimPrefix(f[0], module), "/")
		i := slices.IndexFunc(layers, func(l struct {
			pkg    string
			may    []string
			driver bool
		}) bool {
			return l.pkg == path
		})
		if i < 0 {
			t.Errorf("package %q has no rule in layers (and docs/architecture.md)", path)
			continue
		}
		rule := layers[i]
		for _, imp := range strings.Fields(f[1]) {
			own, ok := strings.CutPrefix(imp, module+"/")
			if !ok || slices.Contains(rule.may, "*") {
				continue
			}
			if !slices.Contains(rule.may, own) {
				t.Errorf("%s imports %s; it may import only %v", path, own, rule.may)
			}
		}
		if !rule.driver {
			for _, dep := range strings.Fields(f[2]) {
				if strings.HasPrefix(dep, "github.com/neo4j/neo4j-go-driver") {
					t.Errorf("%s depends on the Neo4j driver (%s); only the store, the queries and the CLI may", path, dep)
					break
				}
			}
		}
	}
}
