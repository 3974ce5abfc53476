package queries

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Style is the Neo4j Browser style sheet (GraSS) for the graph: a colour,
// size and caption for each label, a colour and width for each
// relationship type.
//
//go:embed style.grass
var Style []byte

//go:embed guide.html.tmpl
var guideTemplate string

// BrowserParams is the Neo4j Browser command that sets q's parameters to
// their defaults, e.g. `:params {a: "Armenia", limit: 25}`, or "" when q
// has none. Dates are given as ISO strings: the queries read every date
// parameter through date(), which takes both. A default relative to
// today follows as its own command, which Browser evaluates:
// `:param since => date() - duration('P7D')`. Several commands are
// separated by ";" and a line break, which Browser runs one after the
// other.
func BrowserParams(q *Query) string {
	var parts, lambdas []string
	for _, p := range q.Params {
		if p.Required {
			continue
		}
		if r, ok := p.Default.(RelativeDate); ok {
			lambdas = append(lambdas, ":param "+p.Name+" => "+r.Cypher())
			continue
		}
		parts = append(parts, p.Name+": "+p.Type.Format(p.Default))
	}
	var cmds []string
	if len(parts) > 0 || len(lambdas) > 0 {
		cmds = append(cmds, ":params {"+strings.Join(parts, ", ")+"}")
	}
	cmds = append(cmds, lambdas...)
	if len(parts) == 0 && len(lambdas) == 0 {
		return ""
	}
	return strings.Join(cmds, ";\n")
}

// Guide writes a Neo4j Browser guide of the library: an HTML page of
// slides. The first lists the queries, each a link to its page (see
// GuidePage), which opens in the guide's own frame; each query's slide
// runs it with one click, shows its parameters with their defaults, and
// holds the :params command and the query as blocks that fill Browser's
// editor when clicked. base is the address the guide and style are served
// from (http://localhost:7475), for the links in it. Browser keeps only
// what is inside <slide> elements and drops <style>, so the guide is
// styled inline.
func Guide(w io.Writer, lib *Library, base string) error {
	t, err := parseGuide()
	if err != nil {
		return err
	}
	return t.Execute(w, struct {
		Base    string
		Queries []*Query
	}{strings.TrimSuffix(base, "/"), lib.All()})
}

// GuidePage writes q's slide as a page of its own, served as
// /guide/NAME.html: the links of the guide's first slide open it in the
// guide's frame. (Browser opens a link to a slide of a guide, #slide-N,
// at its first slide when the link is in that guide's frame, and shows a
// page without slides as one.)
func GuidePage(w io.Writer, q *Query, base string) error {
	t, err := parseGuide()
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "page", guideSlide{strings.TrimSuffix(base, "/"), q})
}

type guideSlide struct {
	Base string
	Q    *Query
}

func parseGuide() (*template.Template, error) {
	t, err := template.New("guide").Funcs(template.FuncMap{
		"browserParams": BrowserParams,
		"inline":        Inline,
		"isDate":        func(p Param) bool { return p.Type.Kind == Date && !p.Type.List },
		"cli":           cliExample,
		"slideOf":       func(base string, q *Query) guideSlide { return guideSlide{base, q} },
		"add":           func(a, b int) int { return a + b },
	}).Parse(guideTemplate)
	if err != nil {
		return nil, fmt.Errorf("guide template: %w", err)
	}
	return t, nil
}

// cliExample is the shell command that runs q with its defaults spelled
// out.
func cliExample(q *Query) string {
	cmd := "geokg query run " + q.Name
	for _, p := range q.Params {
		if p.Required {
			cmd += " -p " + p.Name + "=…"
			continue
		}
		v := plainParam(p.Default)
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case []any:
			items := make([]string, len(v))
			for i, x := range v {
				items[i] = fmt.Sprint(x)
			}
			s = strings.Join(items, ",")
		default:
			s = p.Type.Format(p.Default)
		}
		if s == "" || strings.ContainsAny(s, " \"'$&;|<>()*?") {
			s = "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
		cmd += " -p " + p.Name + "=" + s
	}
	return cmd
}

// FavoritesZip writes a zip that Neo4j Browser imports as favorites (drop
// it on the Browser window): folder "geokg" holds one favorite per query,
// named "NAME: Title" by its first line, its second line the :params
// command of its defaults, then the query. Browser gives every imported
// favorite a new id, so importing the zip again adds a second copy of
// each.
func FavoritesZip(w io.Writer, lib *Library) error {
	zw := zip.NewWriter(w)
	// A fixed time keeps the archive the same from run to run.
	mod := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, q := range lib.All() {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "geokg/" + q.Name + ".cypher", Method: zip.Deflate, Modified: mod})
		if err == nil {
			_, err = io.WriteString(f, Favorite(q))
		}
		if err != nil {
			return fmt.Errorf("favorites zip: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("favorites zip: %w", err)
	}
	return nil
}

// Runnable is q's Cypher after a comment that names it, which Browser
// shows as the title of the frame that runs it.
func Runnable(q *Query) string { return "// " + q.Name + ": " + q.Title + "\n" + q.Cypher() }

// Favorite is q as a Browser favorite. Its first line, which Browser
// shows as its name, is the query's name, short and unique, then its
// title; the second the :params command of its defaults, to edit and run
// before the favorite. The favorite is one query, not a script with the
// :params command: Browser draws the answer of a query, not of a script.
func Favorite(q *Query) string {
	text := Runnable(q)
	if p := BrowserParams(q); p != "" {
		name, cypher, _ := strings.Cut(text, "\n")
		text = name + "\n// Parameters (set them first): " + strings.ReplaceAll(p, ";\n", "; ") + "\n" + cypher
	}
	return text + "\n"
}

// Handler serves what Neo4j Browser fetches: /guide.html (for :play),
// /style.grass (for :style), /geokg-favorites.zip, and each query as
// /queries/NAME.cypher. Browser fetches them from its own origin, so every
// answer allows any origin, and preflight requests are answered. base is
// the address the handler is reached at, for the links in the guide.
func Handler(lib *Library, base string) (http.Handler, error) {
	var guide, zipped bytes.Buffer
	if err := Guide(&guide, lib, base); err != nil {
		return nil, err
	}
	pages := map[string][]byte{}
	for _, q := range lib.All() {
		var b bytes.Buffer
		if err := GuidePage(&b, q, base); err != nil {
			return nil, err
		}
		pages[q.Name] = b.Bytes()
	}
	if err := FavoritesZip(&zipped, lib); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	serve := func(path, ctype string, body []byte) {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(body)
		})
	}
	serve("/guide.html", "text/html; charset=utf-8", guide.Bytes())
	serve("/style.grass", "text/plain; charset=utf-8", Style)
	serve("/geokg-favorites.zip", "application/zip", zipped.Bytes())
	// One pattern for all the queries and one for their guide pages: a
	// query's name comes from a file name and may hold what patterns treat
	// as syntax ('{', '}', '$').
	texts := map[string][]byte{}
	for _, q := range lib.All() {
		texts["/queries/"+q.Name+".cypher"] = []byte(q.Header() + q.Cypher() + "\n")
		texts["/guide/"+q.Name+".html"] = pages[q.Name]
	}
	byName := func(dir, ctype string) {
		mux.HandleFunc("GET /"+dir+"/{file}", func(w http.ResponseWriter, r *http.Request) {
			text, ok := texts["/"+dir+"/"+r.PathValue("file")]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(text)
		})
	}
	byName("queries", "text/plain; charset=utf-8")
	byName("guide", "text/html; charset=utf-8")
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, Instructions(base))
	})
	return cors(mux), nil
}

// Instructions tell how to open the guide served at base in Neo4j
// Browser.
func Instructions(base string) string {
	base = strings.TrimSuffix(base, "/")
	return fmt.Sprintf(`geokg for Neo4j Browser. In Browser's editor, run:

  :style %[1]s/style.grass
  :play %[1]s/guide.html

then pin the guide's frame (its pin icon) so that it stays above the results.
Use the address as written here: Browser fetches guides only from the hosts of
its allow-list, browser.remote_content_hostname_whitelist, "localhost" by
default, and answers "No guide by that name" for any other, 127.0.0.1 too.

Favorites to import (drop the file on the Browser window, once):
  %[1]s/geokg-favorites.zip
`, base)
}

// cors lets Browser's page, served from another port, read the answers.
// Browser sends Cache-Control and Pragma headers with guide requests, which
// makes the browser ask first with OPTIONS.
func cors(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if r.Method == http.MethodOptions {
			w.Header().Set("Access-Control-Allow-Methods", "GET, OPTIONS")
			if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
				w.Header().Set("Access-Control-Allow-Headers", req)
			}
			w.Header().Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Inline is q's Cypher with its parameters' defaults written in, as
// literals, in place of each $name: a query that Browser runs as it is,
// in a frame that draws its answer. (A script of a :params command and
// the query runs too, but Browser then shows only a summary of each.) The
// first line, a comment, says which values it runs with.
func Inline(q *Query) string {
	lits := map[string]string{}
	var says []string
	for _, p := range q.Params {
		if p.Required {
			continue
		}
		lits[p.Name] = cypherLiteral(p.Type, p.Default)
		says = append(says, p.Name+" = "+p.Type.Format(p.Default))
	}
	var b strings.Builder
	b.WriteString("// " + q.Name)
	if len(says) > 0 {
		b.WriteString(" with " + strings.Join(says, ", "))
	}
	b.WriteString("\n")
	cypher := q.Cypher()
	last := 0
	scan(cypher, func(i, depth int, r byte) int {
		if r != '$' {
			return i + 1
		}
		j := i + 1
		for j < len(cypher) && isWordByte(cypher[j]) {
			j++
		}
		if lit, ok := lits[cypher[i+1:j]]; ok {
			b.WriteString(cypher[last:i])
			b.WriteString(lit)
			last = j
		}
		return j
	})
	b.WriteString(cypher[last:])
	return b.String()
}

// cypherLiteral writes a parameter value as a Cypher expression.
func cypherLiteral(t Type, v any) string {
	switch v := v.(type) {
	case RelativeDate:
		return "(" + v.Cypher() + ")"
	case dbtype.Date:
		return "date('" + v.String() + "')"
	case []any:
		items := make([]string, len(v))
		for i, x := range v {
			items[i] = cypherLiteral(Type{Kind: t.Kind}, x)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return Type{Kind: t.Kind}.Format(v)
}
