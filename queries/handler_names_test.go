package queries

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Query names come from file names, which may hold what ServeMux patterns
// read as syntax; each is still served, and none makes Handler panic.
func TestHandlerServesOddQueryNames(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a{b}", "x}", "{$}", "{name}", "with space", "per%cent", "dots..in"}
	for _, n := range names {
		text := "// Query " + n + "\nRETURN 1 AS one\n"
		if err := os.WriteFile(filepath.Join(dir, n+".cypher"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	h, err := Handler(lib, "http://localhost:7475")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, n := range names {
		resp, err := http.Get(srv.URL + "/queries/" + url.PathEscape(n+".cypher"))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(string(body), "// Query "+n+"\n") {
			t.Errorf("GET query %q: %s %q", n, resp.Status, body)
		}
	}
	// The built-in queries are there beside them.
	resp, err := http.Get(srv.URL + "/queries/mediators.cypher")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET a built-in query: %s", resp.Status)
	}
}
