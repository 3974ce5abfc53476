package queries

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
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
	// A default relative to today is evaluated by Browser: the => form.
	q3, _ := Parse("q3", "// T\n// @param since date \"7d\" d\n// @param limit int 5 l\nRETURN $since, $limit")
	if got, want := BrowserParams(q3), ":params {limit: 5};\n:param since => date() - duration('P7D')"; got != want {
		t.Errorf("BrowserParams with a relative date = %q, want %q", got, want)
	}
}

// guideSlides parses the guide into its slides' HTML.
func guideSlides(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`(?s)<slide[^>]*>(.*?)</slide>`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// runnable is the text Browser puts in its editor when a runnable block is
// clicked: the block's text content.
func runnable(slide string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?s)<pre class="code runnable"[^>]*>(.*?)</pre>`).FindAllStringSubmatch(slide, -1) {
		out = append(out, html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")))
	}
	return out
}

// TestGuide checks the guide as Browser reads it: slide 1 links to every
// slide; each query's slide runs the query with its defaults in one click
// (exec-topic, a script of several commands, which Browser runs in a frame
// of its own), and holds the :params command and the query alone as
// runnable blocks; nothing but <slide> content is relied on, and no link
// runs in the guide's own frame.
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
	slides := guideSlides(t, page)
	if !strings.Contains(page, `<article class="guide">`) || len(slides) != len(lib.All())+2 {
		t.Fatalf("want an article with %d slides:\n%.500s", len(lib.All())+2, page)
	}
	if !strings.Contains(slides[len(slides)-1], "geokg curate merge") {
		t.Error("no slide on corrections")
	}
	if strings.Contains(page, "<style") || strings.Contains(page, "data-exec") {
		t.Error("the guide relies on <style> (Browser drops it) or data-exec (which replaces the guide's frame)")
	}
	if !strings.Contains(slides[0], "Pin this guide") {
		t.Error("slide 1 does not say to pin the guide")
	}
	// Each slide of a query that answers as of a day says how to set one
	// relative to today.
	for i, q := range lib.All() {
		_, asOf := q.Param("as_of")
		if asOf != strings.Contains(html.UnescapeString(slides[i+1]), ":param as_of => toString(date() - duration('P30D'))") {
			t.Errorf("%s: a slide of a query with as_of must explain relative days, and only such a slide", q.Name)
		}
	}
	if got := runnable(slides[0]); len(got) != 1 || got[0] != ":style http://localhost:7475/style.grass" {
		t.Errorf("slide 1's runnable blocks = %q", got)
	}
	for i, q := range lib.All() {
		slide := slides[i+1]
		link := fmt.Sprintf(`play-topic="http://localhost:7475/guide/%s.html">%s</a>`, q.Name, html.EscapeString(q.Title))
		if !strings.Contains(slides[0], link) {
			t.Errorf("%s: slide 1 has no link %s", q.Name, link)
		}
		if !strings.Contains(slide, `play-topic="http://localhost:7475/guide.html"`) {
			t.Errorf("%s: no link back to slide 1", q.Name)
		}
		// The page the link opens is the slide alone, with no <slide>:
		// Browser shows such a page whole, its links working.
		var p bytes.Buffer
		if err := GuidePage(&p, q, "http://localhost:7475"); err != nil {
			t.Fatal(err)
		}
		squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
		if strings.Contains(p.String(), "<slide") || squash(p.String()) != squash(`<div class="row-fluid">`+slide+`</div>`) {
			t.Errorf("%s: page differs from the slide:\n%s\n----\n%s", q.Name, p.String(), slide)
		}
		// One block runs the query with its defaults written in, one sets
		// the parameters, one holds the query.
		blocks := runnable(slide)
		want := []string{Inline(q), Runnable(q)}
		if p := BrowserParams(q); p != "" {
			want = []string{Inline(q), p, Runnable(q)}
		}
		if !slices.Equal(blocks, want) {
			t.Errorf("%s: runnable blocks\n%q\nwant\n%q", q.Name, blocks, want)
		}
		for _, p := range q.Params {
			row := fmt.Sprintf("<td style=\"padding:2px 14px 2px 0;vertical-align:top\"><code>%s</code></td>", html.EscapeString(p.DefaultText()))
			if !strings.Contains(html.UnescapeString(slide), html.UnescapeString(row)) || !strings.Contains(slide, "<code>"+p.Name+"</code>") {
				t.Errorf("%s: parameter table lacks %s with its default %s", q.Name, p.Name, p.DefaultText())
			}
		}
	}
	// The => form of dates, for Browser.
	if !strings.Contains(page, "<code>:param since =&gt; date() - duration('P7D')</code>") {
		t.Error("the guide does not show the => form for dates")
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
	if len(files) != len(lib.All()) {
		t.Errorf("%d favorites, want one per query (%d)", len(files), len(lib.All()))
	}
	names := map[string]bool{}
	for _, q := range lib.All() {
		text := files["geokg/"+q.Name+".cypher"]
		if text != Favorite(q) || !strings.HasSuffix(text, "\n"+q.Cypher()+"\n") {
			t.Errorf("%s: favorite missing or different:\n%s", q.Name, text)
		}
		// Browser names a favorite by its first line, and the drawer cuts
		// long names: they must differ in their first words.
		first, _, _ := strings.Cut(text, "\n")
		short := strings.Fields(first)[1]
		if names[short] {
			t.Errorf("two favorites start with %q", short)
		}
		names[short] = true
	}
	if got := files["geokg/mediators.cypher"]; !strings.HasPrefix(got, "// mediators: Who mediates between two actors\n// Parameters (set them first): :params {a: \"Armenia\", b: \"Azerbaijan\", from: \"1900-01-01\", to: \"2999-12-31\", limit: 25}\nCALL ") {
		t.Errorf("mediators favorite = %.300q", got)
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
		"/guide/mediators.html":     `// mediators with a = &#34;Armenia&#34;`,
		"/":                         ":play http://localhost:7475/guide.html\n\nthen pin the guide",
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
		block = block[:strings.Index(block, "\n}")]
		for _, prop := range []string{"color:", "caption:"} {
			if !strings.Contains(block, prop) {
				t.Errorf("%s has no %s", sel, prop)
			}
		}
		if strings.HasPrefix(sel, "node.") && !strings.Contains(block, "diameter:") {
			t.Errorf("%s has no diameter", sel)
		}
		// Several events of one type meet in a graph: their names tell
		// them apart.
		if sel == "node.Event" && !strings.Contains(block, `caption: "{name}"`) {
			t.Errorf("events are not captioned by their name:\n%s", block)
		}
	}
}
