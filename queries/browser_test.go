package queries

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestBrowserParams(t *testing.T) {
	q, err := Parse("q", "// T\n// @param a string \"O'Neil \\\"x\\\"\" who\n// @param n int 5 n\n// @param c float 0 c\n// @param d date \"2025-01-02\" d\n// @param l list [\"A\",\"B\"] l\n// @param r string required r\nRETURN $a, $n, $c, $d, $l, $r")
	if err != nil {
		t.Fatal(err)
	}
	want := `:params {a: "O'Neil \"x\"", n: 5, c: 0.0, d: "2025-01-02", l: ["A","B"]}`
	if got := BrowserParams(q); got != want {
		t.Errorf("BrowserParams = %s\nwant %s", got, want)
	}
	q2, _ := Parse("q2", "// T\nRETURN 1")
	if got := BrowserParams(q2); got != "" {
		t.Errorf("BrowserParams without parameters = %q", got)
	}
}

// TestGuide checks that the guide has a slide per query whose runnable
// blocks hold, once Browser reads their text, exactly the :params line and
// the query.
func TestGuide(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Guide(&b, lib, "http://localhost:7475/"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	// The first slide lists the queries, the last is on corrections.
	if !strings.Contains(page, `<article class="guide">`) || strings.Count(page, "<slide ") != len(lib.All())+2 {
		t.Fatalf("want an article with %d slides:\n%.500s", len(lib.All())+2, page)
	}
	if !strings.Contains(page, "geokg curate merge") {
		t.Error("no slide on corrections")
	}
	blocks := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?s)<pre class="code runnable">(.*?)</pre>`).FindAllStringSubmatch(page, -1) {
		blocks[html.UnescapeString(m[1])] = true
	}
	// Each slide of a query that answers as of a day says how to set one
	// relative to today.
	for _, slide := range regexp.MustCompile(`(?s)<slide .*?</slide>`).FindAllString(page, -1) {
		if strings.Contains(slide, "$as_of") != strings.Contains(html.UnescapeString(slide), ":param as_of => toString(date() - duration('P30D'))") {
			t.Errorf("a slide with $as_of must explain relative days, and only such a slide:\n%.300s", slide)
		}
	}
	if !blocks[":style http://localhost:7475/style.grass"] {
		t.Error("no runnable :style block")
	}
	for _, q := range lib.All() {
		if !blocks[q.Text] {
			t.Errorf("%s: no runnable block with the query's text", q.Name)
		}
		if p := BrowserParams(q); p != "" && !blocks[p] {
			t.Errorf("%s: no runnable block with %s", q.Name, p)
		}
	}
}

func TestFavoritesZip(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := FavoritesZip(&b, lib); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(r)
		files[f.Name] = string(body)
	}
	for _, q := range lib.All() {
		if files["geokg/"+q.Name+".cypher"] != q.Text {
			t.Errorf("%s: missing from the zip or different", q.Name)
		}
	}
	if got := files["geokg parameters/mediators.cypher"]; got != "// Parameters: Who mediates between two actors\n:params {a: \"Armenia\", b: \"Azerbaijan\", limit: 25}\n" {
		t.Errorf("parameters favorite = %q", got)
	}
	var again bytes.Buffer
	FavoritesZip(&again, lib)
	if !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Error("two zips of the same library differ")
	}
}

func TestHandler(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	h, err := Handler(lib, "http://localhost:7475")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	// Browser asks with OPTIONS first, since it sends Cache-Control and
	// Pragma with guide requests.
	req, _ := http.NewRequest(http.MethodOptions, srv.URL+"/guide.html", nil)
	req.Header.Set("Origin", "http://localhost:7474")
	req.Header.Set("Access-Control-Request-Method", "GET")
	req.Header.Set("Access-Control-Request-Headers", "cache-control,pragma")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "*" ||
		resp.Header.Get("Access-Control-Allow-Headers") != "cache-control,pragma" {
		t.Errorf("preflight: %s %v", resp.Status, resp.Header)
	}

	for path, want := range map[string]string{
		"/guide.html":               `<pre class="code runnable">:style http://localhost:7475/style.grass</pre>`,
		"/style.grass":              "node.State {",
		"/queries/mediators.cypher": "// Who mediates between two actors\n",
		"/":                         ":play http://localhost:7475/guide.html",
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %s %v, body lacks %q", path, resp.Status, resp.Header, want)
		}
	}
	resp, err = http.Get(srv.URL + "/queries/nope.cypher")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET an unknown query: %s", resp.Status)
	}
}

// TestStyle checks that the style sheet styles every label and
// relationship type of the contract.
func TestStyle(t *testing.T) {
	for _, sel := range []string{"node.Article", "node.Leader", "node.State", "node.Region", "node.Organization", "node.Event",
		"relationship.MENTIONS", "relationship.REPRESENTS", "relationship.MEDIATES", "relationship.PARTY_TO",
		"relationship.CONTROLS", "relationship.DEMANDS", "relationship.LOCATED_IN", "relationship.SUPPORTS", "relationship.FIGHTS"} {
		i := bytes.Index(Style, []byte(sel+" {"))
		if i < 0 {
			t.Errorf("style has no %s", sel)
			continue
		}
		block := string(Style[i:])
		block = block[:strings.Index(block, "}")]
		for _, prop := range []string{"color:", "caption:"} {
			if !strings.Contains(block, prop) {
				t.Errorf("%s has no %s", sel, prop)
			}
		}
		if strings.HasPrefix(sel, "node.") && !strings.Contains(block, "diameter:") {
			t.Errorf("%s has no diameter", sel)
		}
	}
}
