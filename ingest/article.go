// Package ingest reads news articles from files, directories, standard
// input, feeds and URLs, and turns each into an Article: its header fields
// and its plain body text.
package ingest

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// Article is one news article, ready for extraction.
type Article struct {
	// ID is stable: a hash of the normalized text.
	ID        string
	Title     string
	URL       string
	Published string // ISO date (YYYY-MM-DD), or "" when unknown
	Source    string
	Text      string // body text, without the header
	Origin    string // where it was read from: a path, "path:line", a URL or "-"
}

// ArticleID is the stable id of an article with the given body text:
// whitespace and case differences do not change it.
func ArticleID(text string) string {
	return graph.HashID("article", strings.ToLower(strings.Join(strings.Fields(text), " ")))
}

// Node is the article's node in the graph contract.
func (a *Article) Node() graph.Node {
	props := map[string]any{
		graph.PropID: a.ID,
		"title":      a.Title,
		"url":        a.URL,
		"published":  nil,
	}
	if a.Published != "" {
		props["published"] = a.Published
	}
	if a.Source != "" {
		props["source"] = a.Source
	}
	return graph.Node{ID: a.ID, Labels: []string{graph.LabelArticle}, Props: props}
}
