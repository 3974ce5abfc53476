package source

import (
	"testing"

	"github.com/geokg/geokg/ingest/article"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-03", "2024-03-03"},
		{" 2024-03-03 ", "2024-03-03"},
		{"unknown", ""},
		{"Unknown", ""},
		{"n/a", ""},
		{"", ""},
		{"2025-10-19T23:30:00-05:00", "2025-10-19"},
		{"2025-10-19T23:30:00Z", "2025-10-19"},
		{"2025-10-19 08:15:00", "2025-10-19"},
		{"Mon, 20 Mar 2023 14:05:00 +0000", "2023-03-20"},
		{"Sun, 27 Jul 2025 10:00:00 +0700", "2025-07-27"},
		{"March 3, 2024", "2024-03-03"},
		{"Sept. 27, 2020", "2020-09-27"},
		{"Oct 9, 2020", "2020-10-09"},
		{"9 October 2020", "2020-10-09"},
		{"Friday, October 9, 2020", "2020-10-09"},
		{"2020/10/09", "2020-10-09"},
		{"03/04/2024", ""}, // day and month cannot be told apart
		{"last Friday", ""},
		{"sometime soon", ""},
		{"0001-01-01", ""},
	}
	for _, tt := range tests {
		if got := NormalizeDate(tt.in); got != tt.want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitHeader(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      article.Article // Title, URL, Published, Source
		body      string
		hasHeader bool
	}{
		{
			name:      "all four fields",
			in:        "title: T\nurl: https://example.org/a\npublished: 2024-01-02\nsource: S\n\nBody.",
			want:      article.Article{Title: "T", URL: "https://example.org/a", Published: "2024-01-02", Source: "S"},
			body:      "Body.",
			hasHeader: true,
		},
		{
			name:      "keys in any case, in any order, with other known keys",
			in:        "Source: S\nAuthor: A. Writer\nTITLE: T\n\nBody.",
			want:      article.Article{Title: "T", Source: "S"},
			body:      "Body.",
			hasHeader: true,
		},
		{
			name:      "second names of fields",
			in:        "headline: H\nlink: https://example.org/h\ndate: 5 May 2021\npublisher: P\n\nBody.",
			want:      article.Article{Title: "H", URL: "https://example.org/h", Published: "2021-05-05", Source: "P"},
			body:      "Body.",
			hasHeader: true,
		},
		{
			name:      "unknown values",
			in:        "title: unknown\nurl: unknown\npublished: unknown\nsource: unknown\n\nBody.",
			body:      "Body.",
			hasHeader: true,
		},
		{
			name: "a dateline is no header",
			in:   "Moscow: Russia said on Friday it would host talks.\n\nMore text.",
			body: "Moscow: Russia said on Friday it would host talks.\n\nMore text.",
		},
		{
			name: "a known key opening a sentence is no header",
			in:   "Source: officials in the capital said the talks would resume on Monday.\n\nMore text.",
			body: "Source: officials in the capital said the talks would resume on Monday.\n\nMore text.",
		},
		{
			name: "a url that is not a URL",
			in:   "title: T\nurl: see the ministry website\n\nBody.",
			body: "title: T\nurl: see the ministry website\n\nBody.",
		},
		{
			name: "an unknown key among known ones",
			in:   "title: T\nWarning: this is prose\n\nBody.",
			body: "title: T\nWarning: this is prose\n\nBody.",
		},
		{
			name: "no blank line after the header lines",
			in:   "title: T\nsource: S",
			body: "title: T\nsource: S",
		},
		{
			name:      "a lone short title line",
			in:        "title: Truce extended\n\nBody.",
			want:      article.Article{Title: "Truce extended"},
			body:      "Body.",
			hasHeader: true,
		},
		{
			name:      "front matter",
			in:        "---\ntitle: \"Quoted\"\npublished: '2023-07-01'\ntags: [a, b]\n---\nBody.",
			want:      article.Article{Title: "Quoted", Published: "2023-07-01"},
			body:      "Body.",
			hasHeader: true,
		},
		{
			name: "a rule that opens the text is no front matter",
			in:   "---\nBody without an end.",
			body: "---\nBody without an end.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, body, ok := splitHeader(tt.in)
			var got article.Article
			h.apply(&got)
			if got != tt.want || body != tt.body || ok != tt.hasHeader {
				t.Errorf("splitHeader(%q)\n got %+v %q %v\nwant %+v %q %v", tt.in, got, body, ok, tt.want, tt.body, tt.hasHeader)
			}
		})
	}
}

func TestStripMarkdown(t *testing.T) {
	tests := []struct {
		name, in, headerTitle string
		title, text           string
	}{
		{"emphasis", "*One* **two** _three_ __four__ ~~five~~ ***six***", "", "", "One two three four five six"},
		{"underscores inside words stay", "snake_case and __init__ files", "", "", "snake_case and init files"},
		{"links and images", "See [the report](https://example.org/r \"t\") and [ref][1] ![chart](c.png) <https://example.org>.", "", "", "See the report and ref https://example.org."},
		{"inline code and HTML", "Run `go` <b>now</b> &amp; <br/>later<!-- hidden -->.", "", "", "Run go now & later."},
		{"escapes", `\*not emphasis\* and \[not a link\](x) and 2 \* 3`, "", "", "*not emphasis* and [not a link](x) and 2 * 3"},
		{"soft-wrapped paragraph joins", "First line\nsecond line.\n\nNext paragraph.", "", "", "First line second line.\n\nNext paragraph."},
		{"lists are paragraphs", "- one\n* two\n+ three\n1. four\n2) five", "", "", "one\n\ntwo\n\nthree\n\nfour\n\nfive"},
		{"blockquote", "> Quoted\n> text.", "", "", "Quoted text."},
		{"fenced code dropped", "Before.\n\n~~~\ncode\n```\nstill code\n~~~\n\nAfter.", "", "", "Before.\n\nAfter."},
		{"rules", "Above.\n\n---\n\nBelow.\n\n* * *\n", "", "", "Above.\n\nBelow."},
		{"table", "| Side | Troops |\n|---|:--:|\n| North | 200 |", "", "", "Side, Troops\n\nNorth, 200"},
		{"leading title", "# The Title #\n\nText.", "", "The Title", "Text."},
		{"leading title equal to the header's", "# Same\n\nText.", "Same", "Same", "Text."},
		{"leading title unlike the header's stays text", "# Other\n\nText.", "Header", "Other", "Other\n\nText."},
		{"a later heading is no title", "Intro.\n\n# Late\n\nText.", "", "", "Intro.\n\nLate\n\nText."},
		{"a level-two heading is no title", "## Section\n\nText.", "", "", "Section\n\nText."},
		{"setext title", "Big news\n===\n\nText.", "", "Big news", "Text."},
		{"reference definitions dropped", "Text [a][x].\n\n[x]: https://example.org/x", "", "", "Text a."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, text := stripMarkdown(tt.in, tt.headerTitle)
			if text = cleanText(text); title != tt.title || text != tt.text {
				t.Errorf("stripMarkdown(%q)\n got %q, %q\nwant %q, %q", tt.in, title, text, tt.title, tt.text)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"\n\n  \n", ""},
		{"a\r\nb\rc", "a\nb\nc"},
		{"  lead  and   inner\t\tspace  ", "lead and inner space"},
		{"p1\n\n\n\n\np2", "p1\n\np2"},
		{"\n\np1\n \t \np2\n\n", "p1\n\np2"},
		{"no\u00a0break\u200bzero", "no breakzero"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		hint format
		want format
	}{
		{"Plain words.", formatUnknown, formatText},
		{"title: T\n\nPlain words.", formatUnknown, formatText},
		{"# Heading\n\nWords.", formatUnknown, formatMarkdown},
		{"Words with a [link](https://example.org).", formatUnknown, formatMarkdown},
		{"\ufeff  <!DOCTYPE html><html>", formatUnknown, formatHTML},
		{"<p>Fragment</p>", formatUnknown, formatHTML},
		{"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", formatUnknown, formatFeed},
		{"<feed xmlns=\"http://www.w3.org/2005/Atom\">", formatUnknown, formatFeed},
		{"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", formatUnknown, formatFeed},
		{`{"version": "https://jsonfeed.org/version/1", "items": []}`, formatUnknown, formatFeed},
		{"{\"text\":\"a\"}\n{\"text\":\"b\"}\n", formatUnknown, formatJSONL},
		{"{\n  \"text\": \"a\"\n}", formatUnknown, formatJSON},
		{"[{\"text\": \"a\"}]", formatUnknown, formatJSON},
		{"[Reuters] Words.", formatUnknown, formatText},
		{"{\"text\":\"a\"}", formatSniffedJSON, formatJSONL},
		{"[\n]", formatSniffedJSON, formatJSON},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.head), tt.hint); got != tt.want {
			t.Errorf("sniff(%q, %d) = %d, want %d", tt.head, tt.hint, got, tt.want)
		}
	}
}

func TestFormatOfPath(t *testing.T) {
	tests := []struct {
		path string
		want format
	}{
		{"a.txt", formatText}, {"a.TXT", formatText}, {"a.md", formatMarkdown}, {"a.markdown", formatMarkdown},
		{"a.html", formatHTML}, {"a.htm", formatHTML}, {"a.jsonl", formatJSONL}, {"a.ndjson", formatJSONL},
		{"a.xml", formatFeed}, {"a.rss", formatFeed}, {"a.atom", formatFeed}, {"a.json", formatSniffedJSON},
		{"a.pdf", formatUnknown}, {"README", formatUnknown}, {"dir.d/a", formatUnknown},
	}
	for _, tt := range tests {
		if got := formatOfPath(tt.path); got != tt.want {
			t.Errorf("formatOfPath(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

func TestArticleIDIgnoresLayout(t *testing.T) {
	a, err := parseText("title: T\n\nChad  and Sudan\r\nagreed.\n", false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := parseText("Chad and Sudan\nagreed.", false)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != b.ID {
		t.Errorf("IDs differ: %s, %s", a.ID, b.ID)
	}
}
