package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Builtin is the Source of the queries embedded in geokg.
const Builtin = "builtin"

//go:embed *.cypher
var builtinFS embed.FS

// Library is a set of queries by name.
type Library struct {
	byName map[string]*Query
}

// Load returns the built-in queries plus the *.cypher files of each folder
// in dirs, in order. A user query with the name of a built-in one, or of a
// query in an earlier folder, replaces it.
func Load(dirs ...string) (*Library, error) {
	lib := &Library{byName: map[string]*Query{}}
	if err := lib.addFS(builtinFS, ".", Builtin); err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		if st, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("query folder: %w", err)
		} else if !st.IsDir() {
			return nil, fmt.Errorf("query folder %s: not a directory", dir)
		}
		if err := lib.addFS(os.DirFS(dir), dir, ""); err != nil {
			return nil, err
		}
	}
	return lib, nil
}

func (lib *Library) addFS(fsys fs.FS, dir, source string) error {
	paths, err := fs.Glob(fsys, "*.cypher")
	if err != nil {
		return fmt.Errorf("list queries in %s: %w", dir, err)
	}
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read query: %w", err)
		}
		name := strings.TrimSuffix(p, ".cypher")
		src := source
		if src == "" {
			src = filepath.Join(dir, p)
		}
		q, err := Parse(name, string(b))
		if err != nil {
			if source == "" {
				return fmt.Errorf("%s: %w", src, err)
			}
			return err
		}
		q.Source = src
		lib.byName[name] = q
	}
	return nil
}

// Get returns the query called name.
func (lib *Library) Get(name string) (*Query, error) {
	if q, ok := lib.byName[name]; ok {
		return q, nil
	}
	if near := lib.near(name); len(near) > 0 {
		return nil, fmt.Errorf("no query %q; did you mean %s? (geokg query list shows them)", name, strings.Join(near, " or "))
	}
	return nil, fmt.Errorf("no query %q (geokg query list shows them)", name)
}

// near lists the names of queries that name may be a slip for: two
// edits or fewer away, or one containing the other.
func (lib *Library) near(name string) []string {
	name = strings.ToLower(name)
	var out []string
	for _, q := range lib.All() {
		if d := editDistance(name, q.Name); d <= 2 || (len(name) >= 4 && (strings.Contains(q.Name, name) || strings.Contains(name, q.Name))) {
			out = append(out, q.Name)
		}
	}
	return out
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// All returns every query, sorted by name.
func (lib *Library) All() []*Query {
	all := make([]*Query, 0, len(lib.byName))
	for _, q := range lib.byName {
		all = append(all, q)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}
