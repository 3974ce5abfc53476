package source

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// newsPage is an article page with page furniture around its text.
func newsPage(title, published string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><title>%s | Sample Site</title>", title)
	fmt.Fprintf(&b, `<meta property="og:title" content="%s"><meta property="og:site_name" content="Sample Site">`, title)
	if published != "" {
		fmt.Fprintf(&b, `<meta property="article:published_time" content="%s">`, published)
	}
	b.WriteString(`</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>`)
	fmt.Fprintf(&b, "<h1>%s</h1>", title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString(`</article><footer><p>Sample Site, all rights reserved.</p></footer></body></html>`)
	return b.String()
}

const (
	okPara1 = "Negotiators from Ethiopia and Eritrea met in Nairobi on Thursday to discuss the demarcation of their shared border, officials from both delegations said."
	okPara2 = "Kenya, which hosted the meeting, said the talks would continue next month and that both sides had agreed to keep troops away from disputed villages."
	rdPara  = "The Somali government and regional leaders agreed on Wednesday to hold a joint conference on security in Mogadishu before the end of the year, a statement said."
)

// feedXML lists the items of the test feed. %[1]s is the server's URL.
const feedXML = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sample Site: World</title><link>%[1]s/</link>
<item><title>Ethiopia and Eritrea hold border talks</title><link>%[1]s/ok.html</link>
<pubDate>Thu, 06 Jun 2024 18:00:00 +0300</pubDate><description>Short teaser.</description></item>
<item><title>Missing page</title><link>%[1]s/missing.html</link></item>
<item><title>Missing page with a summary</title><link>/gone.html</link>
<description>&lt;p&gt;Uganda and Tanzania signed a pipeline accord.&lt;/p&gt;</description></item>
<item><title>Huge page</title><link>%[1]s/big.html</link></item>
<item><title>Moved page</title><link>%[1]s/redirect</link><pubDate>Wed, 05 Jun 2024 09:00:00 +0000</pubDate></item>
<item><title>Slow page</title><link>%[1]s/slow.html</link></item>
<item><title>Redirect loop</title><link>%[1]s/loop/0</link></item>
<item><title>A PDF</title><link>%[1]s/report.pdf</link></item>
</channel></rss>`

// newsServer serves the test feed and its pages, and counts requests.
type newsServer struct {
	*httptest.Server
	mu     sync.Mutex
	agents map[string]bool
	hits   map[string]int
}

func startNewsServer(t *testing.T) *newsServer {
	t.Helper()
	s := &newsServer{agents: map[string]bool{}, hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, feedXML, s.URL)
	})
	mux.HandleFunc("/ok.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, newsPage("Border talks open in Nairobi", "2024-06-06T10:00:00Z", okPara1, okPara2))
	})
	mux.HandleFunc("/moved.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, newsPage("Somalia security conference", "", rdPara))
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/loop/"), "%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/loop/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/big.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, newsPage("Huge", "", strings.Repeat(okPara1+" ", 400)))
	})
	mux.HandleFunc("/big-declared.html", func(w http.ResponseWriter, r *http.Request) {
		body := newsPage("Huge", "", strings.Repeat(okPara1+" ", 400))
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("/slow.html", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
			return
		}
		fmt.Fprint(w, newsPage("Slow", "", okPara1))
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7 not really a document")
	})
	mux.HandleFunc("/article.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "title: Plain over HTTP\npublished: 2024-06-01\n\nBurundi and Rwanda reopened their border.\n")
	})
	mux.HandleFunc("/articles.jsonl", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		fmt.Fprint(w, "{\"title\":\"L1\",\"text\":\"Liberia held elections.\"}\n{\"title\":\"L2\"}\n")
	})
	mux.HandleFunc("/latin1.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<html><body><article><p>Le Premier ministre a rencontr\xe9 son homologue \xe0 Dakar lundi pour discuter de la s\xe9curit\xe9 dans la r\xe9gion du Sahel, selon un communiqu\xe9.</p></article></body></html>"))
	})
	mux.HandleFunc("/latin1.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("La d\xe9l\xe9gation est arriv\xe9e \xe0 Alger."))
	})
	mux.HandleFunc("/latin1.rss", func(w http.ResponseWriter, r *http.Request) {
		// Declared twice, as servers do: a second conversion would garble it.
		w.Header().Set("Content-Type", "application/rss+xml; charset=ISO-8859-1")
		w.Write([]byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Fil</title>" +
			"<item><title>Tr\xeave</title><description>La tr\xeave tient \xe0 Gaza.</description></item></channel></rss>"))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.agents[r.UserAgent()] = true
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *newsServer) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// testFetchOptions keep the test fast: a short timeout for the slow page,
// a size limit the huge page is over.
func testFetchOptions() Options {
	return Options{
		Timeout:      500 * time.Millisecond,
		MaxBytes:     16 << 10,
		MaxRedirects: 3,
		Fetchers:     3,
		UserAgent:    "geokg/test",
	}
}

// countingTransport counts the requests in flight, from sending one to
// closing its body, and keeps the most seen at once.
type countingTransport struct {
	mu     sync.Mutex
	n, max int
}

func (c *countingTransport) add(d int) {
	c.mu.Lock()
	c.n += d
	c.max = max(c.max, c.n)
	c.mu.Unlock()
}

func (c *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	c.add(1)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		c.add(-1)
		return nil, err
	}
	resp.Body = &countedBody{ReadCloser: resp.Body, done: func() { c.add(-1) }}
	return resp, nil
}

type countedBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *countedBody) Close() error {
	b.once.Do(b.done)
	return b.ReadCloser.Close()
}

func TestReadFeedURL(t *testing.T) {
	s := startNewsServer(t)
	u := s.URL
	opt := testFetchOptions()
	counter := &countingTransport{}
	opt.Client = NewClient(opt)
	opt.Client.Transport = counter
	g := readAll(t, []string{u + "/feed.xml"}, opt)

	// In the feed's order, whatever order the pages arrived in.
	wantEvents := []string{
		"article " + u + "/ok.html",
		"read " + u + "/missing.html: fetch: HTTP 404 Not Found",
		"article " + u + "/gone.html",
		"read " + u + "/big.html: fetch: response over the 16384-byte limit",
		"article " + u + "/redirect",
		"read " + u + "/slow.html: fetch: timed out after 500ms",
		"read " + u + "/loop/0: fetch: more than 3 redirects",
		"read " + u + "/report.pdf: not an HTML page (application/pdf)",
	}
	if strings.Join(g.events, "\n") != strings.Join(wantEvents, "\n") {
		t.Errorf("events:\n got %q\nwant %q", g.events, wantEvents)
	}
	want := []fields{
		{
			// The item's title and date; the page's text and site name.
			Origin: u + "/ok.html", Title: "Ethiopia and Eritrea hold border talks", URL: u + "/ok.html",
			Published: "2024-06-06", Source: "Sample Site", Text: okPara1 + "\n\n" + okPara2,
		},
		{
			// The page failed: the item's own description stands in.
			Origin: u + "/gone.html", Title: "Missing page with a summary", URL: u + "/gone.html",
			Source: "Sample Site: World", Text: "Uganda and Tanzania signed a pipeline accord.",
		},
		{
			Origin: u + "/redirect", Title: "Moved page", URL: u + "/redirect",
			Published: "2024-06-05", Source: "Sample Site", Text: rdPara,
		},
	}
	var wantErrs []string
	for _, e := range wantEvents {
		if strings.HasPrefix(e, "read ") {
			wantErrs = append(wantErrs, e)
		}
	}
	checkArticles(t, g, want, wantErrs)
	wantNotes := []string{u + "/gone.html: page not read (fetch: HTTP 404 Not Found); the feed's own text for the item is used"}
	if strings.Join(g.notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("notes:\n got %q\nwant %q", g.notes, wantNotes)
	}
	if len(s.agents) != 1 || !s.agents["geokg/test"] {
		t.Errorf("user agents seen: %v, want only geokg/test", s.agents)
	}
	// The slow page is in flight while the later items are fetched.
	if counter.max < 2 || counter.max > opt.Fetchers {
		t.Errorf("%d requests in flight at once, want 2 to %d", counter.max, opt.Fetchers)
	}
	if n := s.hitCount("/loop/4"); n != 0 {
		t.Errorf("redirect loop followed to /loop/4 (%d times): limit not applied", n)
	}
}

func TestReadFeedURLItemContentOnly(t *testing.T) {
	s := startNewsServer(t)
	opt := testFetchOptions()
	opt.ItemContentOnly = true
	g := readAll(t, []string{s.URL + "/feed.xml"}, opt)
	if len(g.arts) != 2 || g.arts[0].Text != "Short teaser." || g.arts[1].Text != "Uganda and Tanzania signed a pipeline accord." {
		t.Errorf("got %d articles: %+v", len(g.arts), g.arts)
	}
	if len(g.errs) != 6 {
		t.Errorf("got %d errors, want 6 (items without content): %q", len(g.errs), g.errs)
	}
	if n := s.hitCount("/ok.html"); n != 0 {
		t.Errorf("item page fetched %d times", n)
	}
}

func TestReadURLs(t *testing.T) {
	s := startNewsServer(t)
	u := s.URL
	tests := []struct {
		name  string
		input string
		want  []fields
		errs  []string
	}{
		{
			name:  "an HTML page",
			input: u + "/ok.html",
			want: []fields{{
				Origin: u + "/ok.html", Title: "Border talks open in Nairobi", URL: u + "/ok.html",
				Published: "2024-06-06", Source: "Sample Site", Text: okPara1 + "\n\n" + okPara2,
			}},
		},
		{
			name:  "a redirected page keeps the address it was asked by and records where it was found",
			input: u + "/redirect",
			want: []fields{{
				Origin: u + "/redirect", Title: "Somalia security conference", URL: u + "/moved.html",
				Source: "Sample Site", Text: rdPara,
			}},
		},
		{
			name:  "plain text with a header",
			input: u + "/article.txt",
			want: []fields{{
				Origin: u + "/article.txt", Title: "Plain over HTTP", URL: u + "/article.txt",
				Published: "2024-06-01", Text: "Burundi and Rwanda reopened their border.",
			}},
		},
		{
			name:  "JSON lines",
			input: u + "/articles.jsonl",
			want:  []fields{{Origin: u + "/articles.jsonl:1", Title: "L1", Text: "Liberia held elections."}},
			errs:  []string{"read " + u + "/articles.jsonl:2: no article text: \"text\" is missing or empty"},
		},
		{
			name:  "a page in a declared legacy encoding",
			input: u + "/latin1.html",
			want: []fields{{
				Origin: u + "/latin1.html", URL: u + "/latin1.html", Source: "127.0.0.1",
				Text: "Le Premier ministre a rencontré son homologue à Dakar lundi pour discuter de la sécurité dans la région du Sahel, selon un communiqué.",
			}},
		},
		{
			name:  "text in the encoding the server declares",
			input: u + "/latin1.txt",
			want:  []fields{{Origin: u + "/latin1.txt", URL: u + "/latin1.txt", Text: "La délégation est arrivée à Alger."}},
		},
		{
			name:  "a feed whose encoding the server and the XML both declare",
			input: u + "/latin1.rss",
			want:  []fields{{Origin: u + "/latin1.rss#1", Title: "Trêve", Source: "Fil", Text: "La trêve tient à Gaza."}},
		},
		{name: "404", input: u + "/missing.html", errs: []string{"read " + u + "/missing.html: fetch: HTTP 404 Not Found"}},
		{name: "too large", input: u + "/big.html", errs: []string{"read " + u + "/big.html: fetch: response over the 16384-byte limit"}},
		{name: "too large, as the server says", input: u + "/big-declared.html", errs: []string{"read " + u + "/big-declared.html: fetch: response of 61934 bytes is over the 16384-byte limit"}},
		{name: "too slow", input: u + "/slow.html", errs: []string{"read " + u + "/slow.html: fetch: timed out after 500ms"}},
		{name: "not text", input: u + "/report.pdf", errs: []string{"read " + u + "/report.pdf: not a document geokg reads (application/pdf)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := readAll(t, []string{tt.input}, testFetchOptions())
			checkArticles(t, g, tt.want, tt.errs)
		})
	}
}
