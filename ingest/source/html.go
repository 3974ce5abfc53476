package source

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/geokg/geokg/ingest/article"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var errNoMainText = errors.New("no article text found in the page")

// parseHTML reads a web page: its main text found by readability, its
// title, URL, date and site from its meta tags. pageURL is where the page
// was fetched from, or "" for a file; relative canonical links resolve
// against it.
func parseHTML(data []byte, pageURL string) (*article.Article, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	meta := pageMetaOf(doc)
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	parser := readability.NewParser()
	ra, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return nil, fmt.Errorf("find the main text: %w", err)
	}
	var text string
	if ra.Node != nil {
		text = cleanText(render.InnerText(ra.Node))
	}
	if text == "" {
		return nil, errNoMainText
	}
	a := &article.Article{Text: text, ID: article.ID(text)}
	a.Title = firstOf(meta.title, ra.Title(), meta.titleElement)
	a.URL = resolve(base, firstOf(meta.canonical, meta.ogURL))
	if a.URL == "" {
		a.URL = pageURL
	}
	a.Published = NormalizeDate(meta.published)
	if a.Published == "" {
		if t, err := ra.PublishedTime(); err == nil {
			a.Published = isoDate(t)
		}
	}
	a.Source = firstOf(meta.siteName, ra.SiteName())
	if a.Source == "" && pageURL != "" {
		a.Source = hostOf(a.URL)
	}
	return a, nil
}

// pageMeta is what a page's head says about it.
type pageMeta struct {
	title        string // og:title
	titleElement string // <title>
	canonical    string // <link rel="canonical">
	ogURL        string
	siteName     string
	published    string
}

func pageMetaOf(doc *html.Node) pageMeta {
	var m pageMeta
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(firstOf(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				content := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					setOnce(&m.title, content)
				case "og:url":
					setOnce(&m.ogURL, content)
				case "og:site_name":
					setOnce(&m.siteName, content)
				case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date":
					setOnce(&m.published, content)
				}
			case atom.Link:
				if strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
					setOnce(&m.canonical, strings.TrimSpace(attr(n, "href")))
				}
			case atom.Title:
				if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					setOnce(&m.titleElement, strings.Join(strings.Fields(n.FirstChild.Data), " "))
				}
			case atom.Body:
				// Meta tags belong in the head; the body is not searched.
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// htmlText turns an HTML fragment, such as a feed item's content, into
// plain text with blank lines between paragraphs. Plain text passes
// through with its entities decoded.
func htmlText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return cleanText(fragment)
	}
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return cleanText(html.UnescapeString(fragment))
	}
	return cleanText(render.InnerText(doc))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// resolve makes ref absolute against base, when there is a base.
func resolve(base *url.URL, ref string) string {
	if ref == "" || base == nil {
		return ref
	}
	u, err := base.Parse(ref)
	if err != nil {
		return ref
	}
	return u.String()
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
