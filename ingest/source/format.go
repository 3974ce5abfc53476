package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// format is the kind of document an input holds.
type format int

const (
	formatUnknown     format = iota
	formatSniffedJSON        // a .json file: JSON lines, one JSON document or a JSON feed
	formatText
	formatMarkdown
	formatHTML
	formatJSONL
	formatJSON // one JSON document: an article object or an array of them
	formatFeed
)

// formatOfPath tells an input's format from its file name, or
// formatUnknown when the name does not say.
func formatOfPath(path string) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return formatText
	case ".md", ".markdown", ".mdown", ".mkd":
		return formatMarkdown
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".xml", ".rss", ".atom":
		return formatFeed
	case ".json":
		return formatSniffedJSON
	}
	return formatUnknown
}

// formatOfMediaType tells an HTTP response's format from its Content-Type
// where that settles it; markup types are sniffed, as servers label
// feeds text/html and pages text/xml often enough.
func formatOfMediaType(ctype string) format {
	mt, _, _ := strings.Cut(strings.ToLower(ctype), ";")
	switch strings.TrimSpace(mt) {
	case "text/markdown", "text/x-markdown":
		return formatMarkdown
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return formatJSONL
	case "text/plain":
		return formatText
	}
	return formatUnknown
}

var (
	rxMarkdownHint = regexp.MustCompile("(?m)^#{1,6} \\S|^```|^~~~|\\[[^\\]\\n]+\\]\\([^)\\n]+\\)|\\*\\*\\S")
	jsonFeedHint   = []byte("jsonfeed.org/version")
)

// sniff tells the format of a document from its first bytes. hint is
// formatSniffedJSON when the file name says JSON but not which kind.
func sniff(head []byte, hint format) format {
	s := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	switch {
	case len(s) == 0:
		return formatText
	case s[0] == '{':
		if bytes.Contains(head, jsonFeedHint) {
			return formatFeed
		}
		// JSON lines have a whole object on the first line; anything
		// else is one document spread over lines.
		first, _, complete := bytes.Cut(s, []byte("\n"))
		if !complete && len(head) >= sniffSize || json.Valid(first) {
			return formatJSONL
		}
		return formatJSON
	case s[0] == '[' && bytes.HasPrefix(bytes.TrimLeft(s[1:], " \t\r\n"), []byte("{")):
		return formatJSON
	case hint == formatSniffedJSON:
		return formatJSON
	case s[0] == '<':
		switch gofeed.DetectFeedType(bytes.NewReader(s)) {
		case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
			return formatFeed
		}
		return formatHTML
	case rxMarkdownHint.Match(s):
		return formatMarkdown
	}
	return formatText
}

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}

	errEmpty  = errors.New("empty input")
	errBinary = errors.New("binary content, not text (NUL or control bytes)")
)

// checkHead rejects, from its first bytes, an input that is empty or not
// text at all.
func checkHead(head []byte) error {
	if len(bytes.TrimSpace(head)) == 0 {
		return errEmpty
	}
	if bytes.HasPrefix(head, utf16LEBOM) || bytes.HasPrefix(head, utf16BEBOM) {
		return nil
	}
	if isBinary(head) {
		return errBinary
	}
	return nil
}

// isBinary says whether b looks like anything but text: a NUL byte, or
// more than one byte in twenty a control character that text does not use.
func isBinary(b []byte) bool {
	if len(b) > sniffSize {
		b = b[:sniffSize]
	}
	controls := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b:
			controls++
		case c == 0x7f:
			controls++
		}
	}
	return controls*20 > len(b)
}

// textBytes returns a document's bytes as UTF-8 without a byte order
// mark, or an error saying why it is not text. ctype is the Content-Type
// it was served with, or "" for a file. Text in another encoding is
// converted when the server declares it, or the HTML page itself; a feed
// that declares its encoding is left for the feed parser to convert.
// Anything else must be UTF-8 (or UTF-16 with a byte order mark).
func textBytes(b []byte, f format, ctype string) ([]byte, error) {
	if isBinary(b) && !bytes.HasPrefix(b, utf16LEBOM) && !bytes.HasPrefix(b, utf16BEBOM) {
		return nil, errBinary
	}
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		b = b[len(utf8BOM):]
	case bytes.HasPrefix(b, utf16LEBOM), bytes.HasPrefix(b, utf16BEBOM):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(b)
		if err != nil {
			return nil, fmt.Errorf("invalid UTF-16: %w", err)
		}
		b = bytes.TrimPrefix(out, utf8BOM)
	}
	if !utf8.Valid(b) {
		if f == formatFeed && rxXMLEncoding.Match(b[:min(len(b), 512)]) {
			return b, nil
		}
		if out, ok := decodeDeclared(b, f, ctype); ok {
			b = out
		}
	}
	if !utf8.Valid(b) {
		return nil, invalidUTF8(b)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, errEmpty
	}
	return b, nil
}

var (
	rxXMLEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*\sencoding\s*=\s*["'][^"']+["']`)
	rxCharsetDecl = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*(windows-1252|iso-8859-1|latin-?1|us-ascii)`)
)

// decodeDeclared converts b from the encoding its Content-Type or, for
// HTML, its meta tags declare.
func decodeDeclared(b []byte, f format, ctype string) ([]byte, bool) {
	var enc encoding.Encoding
	if _, params, err := mime.ParseMediaType(ctype); err == nil && params["charset"] != "" {
		enc, _ = charset.Lookup(params["charset"])
	}
	if enc == nil && f == formatHTML {
		// windows-1252 is also what a page declaring nothing is guessed
		// to be: only a declared encoding is trusted.
		e, name, _ := charset.DetermineEncoding(b, "text/html")
		if name != "utf-8" && (name != "windows-1252" || rxCharsetDecl.Match(b[:min(len(b), 4096)])) {
			enc = e
		}
	}
	if enc == nil {
		return nil, false
	}
	out, err := enc.NewDecoder().Bytes(b)
	return out, err == nil
}

// invalidUTF8 says where the first byte that is not UTF-8 is.
func invalidUTF8(b []byte) error {
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Errorf("invalid UTF-8 at line %d, column %d (byte 0x%02x): convert the file to UTF-8", line, col, b[i])
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return errors.New("invalid UTF-8")
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
