package source

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/geokg/geokg/ingest/article"
	"github.com/itlightning/dateparse"
)

var (
	errNoText      = errors.New("no article text")
	errNoBodyAfter = errors.New("no article text after the header")
)

// parseText reads a plain text or Markdown article, with or without a
// header of "key: value" lines.
func parseText(s string, markdown bool) (*article.Article, error) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	h, body, hasHeader := splitHeader(s)
	a := &article.Article{}
	h.apply(a)
	if markdown {
		title, text := stripMarkdown(body, a.Title)
		if a.Title == "" {
			a.Title = title
		}
		body = text
	}
	a.Text = cleanText(body)
	if a.Text == "" {
		if hasHeader {
			return nil, errNoBodyAfter
		}
		return nil, errNoText
	}
	a.ID = article.ID(a.Text)
	return a, nil
}

// header holds the fields of an article's header, by lower-case key.
type header map[string]string

// Keys that name the same field as a preferred key, which wins when both
// are given.
var fieldKeys = [...]struct {
	field string
	keys  []string
}{
	{"title", []string{"title", "headline"}},
	{"url", []string{"url", "link", "canonical"}},
	{"published", []string{"published", "date", "pubdate", "published_at", "publish_date"}},
	{"source", []string{"source", "site", "publisher", "outlet"}},
}

// otherHeaderKeys are keys that, beside those of fieldKeys, make a
// leading run of "key: value" lines a header: common ones that Article
// has no field for.
var otherHeaderKeys = map[string]bool{
	"author": true, "authors": true, "byline": true, "by": true,
	"language": true, "lang": true, "tags": true, "keywords": true,
	"section": true, "category": true, "categories": true, "id": true,
	"updated": true, "modified": true, "description": true, "summary": true,
	"subtitle": true, "slug": true, "image": true, "country": true,
	"location": true, "dateline": true, "layout": true, "draft": true,
}

func isHeaderKey(k string) bool {
	if otherHeaderKeys[k] {
		return true
	}
	for _, f := range fieldKeys {
		for _, fk := range f.keys {
			if k == fk {
				return true
			}
		}
	}
	return false
}

func (h header) apply(a *article.Article) {
	get := func(field string) string {
		for _, f := range fieldKeys {
			if f.field != field {
				continue
			}
			for _, k := range f.keys {
				if v := h[k]; v != "" {
					return v
				}
			}
		}
		return ""
	}
	a.Title = get("title")
	a.URL = get("url")
	a.Published = NormalizeDate(get("published"))
	a.Source = get("source")
}

var rxHeaderLine = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]{0,30})[ \t]*:[ \t]*(.*?)\s*$`)

// maxHeaderLines bounds how far a header is looked for.
const maxHeaderLines = 40

// splitHeader splits a leading header from the body. A header is either
// front matter between "---" lines, or a run of "key: value" lines ended
// by a blank line, every key a known header key: a body whose first
// sentence has a colon in it is not mistaken for one.
func splitHeader(s string) (h header, body string, ok bool) {
	if h, body, ok := splitFrontMatter(s); ok {
		return h, body, true
	}
	h = header{}
	rest := s
	n := 0
	for {
		line, tail, found := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "" {
			if n == 0 || !found {
				return nil, s, false
			}
			if !h.plausible(n) {
				return nil, s, false
			}
			return h, tail, true
		}
		m := rxHeaderLine.FindStringSubmatch(line)
		if m == nil || !isHeaderKey(strings.ToLower(m[1])) || n == maxHeaderLines || !found {
			return nil, s, false
		}
		key := strings.ToLower(m[1])
		if _, dup := h[key]; !dup {
			h[key] = unknownToEmpty(m[2])
		}
		n++
		rest = tail
	}
}

// plausible says whether a run of n known "key: value" lines reads as a
// header rather than as prose: its url is a URL, and a lone line is short
// and not a sentence.
func (h header) plausible(n int) bool {
	for _, k := range []string{"url", "link", "canonical"} {
		if v := h[k]; v != "" && strings.ContainsAny(v, " \t") {
			return false
		}
	}
	if n > 1 {
		return true
	}
	for k, v := range h {
		switch k {
		case "url", "link", "canonical":
			return v == "" || isURL(v) || strings.HasPrefix(v, "www.")
		case "published", "date", "pubdate", "published_at", "publish_date":
			return v == "" || NormalizeDate(v) != ""
		}
		return len(v) <= 150 && !strings.HasSuffix(v, ".")
	}
	return false
}

// splitFrontMatter reads YAML-style front matter: "---", "key: value"
// lines, then "---" or "...". Only flat string values are taken.
func splitFrontMatter(s string) (header, string, bool) {
	first, rest, ok := strings.Cut(s, "\n")
	if !ok || strings.TrimSpace(first) != "---" {
		return nil, s, false
	}
	h := header{}
	for i := 0; i < maxHeaderLines*2; i++ {
		line, tail, found := strings.Cut(rest, "\n")
		if t := strings.TrimSpace(line); t == "---" || t == "..." {
			return h, tail, true
		}
		if !found {
			break
		}
		if m := rxHeaderLine.FindStringSubmatch(line); m != nil {
			key := strings.ToLower(m[1])
			if _, dup := h[key]; !dup {
				h[key] = unknownToEmpty(strings.Trim(m[2], `"'`))
			}
		}
		rest = tail
	}
	return nil, s, false
}

func unknownToEmpty(v string) string {
	v = strings.TrimSpace(v)
	switch strings.ToLower(v) {
	case "unknown", "n/a", "na", "none", "null", "-", "?":
		return ""
	}
	return v
}

// Layouts tried before the general date parser, for speed and so that
// the common forms never depend on its guesses.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"2006/01/02",
}

// NormalizeDate returns the date s names as YYYY-MM-DD, or "" when s is
// empty, "unknown" or not a date. A time with a zone offset gives the
// date in that zone.
func NormalizeDate(s string) string {
	s = unknownToEmpty(s)
	if s == "" {
		return ""
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return isoDate(t)
		}
	}
	t, err := dateparse.ParseIn(s, time.UTC, dateparse.RetryAmbiguousDateWithSwap(false))
	if err != nil {
		return ""
	}
	if _, err := dateparse.ParseStrict(s); err != nil {
		// Day and month cannot be told apart (01/02/2024).
		return ""
	}
	return isoDate(t)
}

func isoDate(t time.Time) string {
	if y := t.Year(); y < 1800 || y > 2200 {
		return ""
	}
	return t.Format("2006-01-02")
}

// textReplacer evens out line ends and drops invisible characters.
var textReplacer = strings.NewReplacer(
	"\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n",
	"\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "",
)

// cleanText tidies body text: one space between words, no space at line
// ends, paragraphs separated by exactly one blank line, no blank lines
// around.
func cleanText(s string) string {
	s = textReplacer.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	blank := false // a blank line since the last word
	for line := range strings.SplitSeq(s, "\n") {
		empty := true
		for word := range strings.FieldsSeq(line) {
			switch {
			case !empty:
				b.WriteByte(' ')
			case b.Len() > 0 && blank:
				b.WriteString("\n\n")
			case b.Len() > 0:
				b.WriteByte('\n')
			}
			empty = false
			b.WriteString(word)
		}
		if !empty {
			blank = false
		} else if b.Len() > 0 {
			blank = true
		}
	}
	return b.String()
}
