// Package article is the unit that flows from the readers (package source)
// to the extractor: one news article, its header fields and its plain body
// text, and whether that text looks like English, the language the
// extractor reads. It knows nothing of graphs or databases.
package article

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// Article is one news article, ready for extraction.
type Article struct {
	// ID is stable: a hash of the normalized text (see ID).
	ID        string
	Title     string
	URL       string
	Published string // ISO date (YYYY-MM-DD), or "" when unknown
	Source    string
	Text      string // body text, without the header
	Origin    string // where it was read from: a path, "path:line", a URL or "-"
}

// ID is the stable id of an article with the given body text: whitespace
// and case differences do not change it. It is also the id of the
// article's node in the graph, so the same text read again from anywhere
// is recognised as loaded.
func ID(text string) string {
	h := sha1.New()
	h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(text), " "))))
	h.Write([]byte{0})
	return "article:" + hex.EncodeToString(h.Sum(nil))[:16]
}
