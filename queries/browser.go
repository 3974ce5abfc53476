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
// parameter through date(), which takes both.
func BrowserParams(q *Query) string {
	var parts []string
	for _, p := range q.Params {
		if p.Required {
			continue
		}
		parts = append(parts, p.Name+": "+p.Type.Format(p.Default))
	}
	if len(parts) == 0 {
		return ""
	}
	return ":params {" + strings.Join(parts, ", ") + "}"
}

// Guide writes a Neo4j Browser guide of the library: an HTML page of
// slides, one per query, whose code blocks fill Browser's editor when
// clicked. base is the address the guide and style are served from
// (http://localhost:7475), for the links in it.
func Guide(w io.Writer, lib *Library, base string) error {
	t, err := template.New("guide").Funcs(template.FuncMap{
		"browserParams": BrowserParams,
		"add":           func(a, b int) int { return a + b },
	}).Parse(guideTemplate)
	if err != nil {
		return fmt.Errorf("guide template: %w", err)
	}
	return t.Execute(w, struct {
		Base    string
		Queries []*Query
	}{strings.TrimSuffix(base, "/"), lib.All()})
}

// FavoritesZip writes a zip that Neo4j Browser imports as favorites
// (Favorites drawer, import): folder "geokg" holds one script per query,
// named by its title line, and folder "geokg parameters" the :params
// command that sets each query's defaults.
func FavoritesZip(w io.Writer, lib *Library) error {
	zw := zip.NewWriter(w)
	// A fixed time keeps the archive the same from run to run.
	mod := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	add := func(name, text string) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, text)
		return err
	}
	for _, q := range lib.All() {
		if err := add("geokg/"+q.Name+".cypher", q.Text); err != nil {
			return fmt.Errorf("favorites zip: %w", err)
		}
		if p := BrowserParams(q); p != "" {
			if err := add("geokg parameters/"+q.Name+".cypher", "// Parameters: "+q.Title+"\n"+p+"\n"); err != nil {
				return fmt.Errorf("favorites zip: %w", err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("favorites zip: %w", err)
	}
	return nil
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
	// One pattern for all the queries: a query's name comes from a file
	// name and may hold what patterns treat as syntax ('{', '}', '$').
	texts := map[string][]byte{}
	for _, q := range lib.All() {
		texts[q.Name+".cypher"] = []byte(q.Text)
	}
	mux.HandleFunc("GET /queries/{file}", func(w http.ResponseWriter, r *http.Request) {
		text, ok := texts[r.PathValue("file")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(text)
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "geokg for Neo4j Browser. In Browser's editor, run:\n\n  :style %[1]s/style.grass\n  :play %[1]s/guide.html\n\nFavorites to import: %[1]s/geokg-favorites.zip\n", strings.TrimSuffix(base, "/"))
	})
	return cors(mux), nil
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
