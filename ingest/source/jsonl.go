package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/geokg/geokg/ingest/article"
)

// record is one line of a JSON lines input. The second name of a field
// is taken when the first is absent.
type record struct {
	Title     string `json:"title"`
	Headline  string `json:"headline"`
	URL       string `json:"url"`
	Link      string `json:"link"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Source    string `json:"source"`
	Text      string `json:"text"`
	Body      string `json:"body"`
}

// jsonl reads JSON lines, one article per line. A bad line is reported
// with its number and the next one is read.
func (r *reader) jsonl(ctx context.Context, origin string, br *bufio.Reader) error {
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := readLine(br, r.opt.MaxBytes)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if ferr := r.fail(origin, n, err); ferr != nil || !errors.Is(err, errLongLine) {
				return ferr
			}
			continue
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		a, err := parseRecord(line)
		if err != nil {
			err = r.fail(origin, n, err)
		} else {
			a.Origin = fmt.Sprintf("%s:%d", origin, n)
			err = r.emit(a)
		}
		if err != nil {
			return err
		}
	}
}

// jsonDocument reads one JSON document: an article object, or an array
// of them (the Nth named "origin#N").
func (r *reader) jsonDocument(origin string, data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '[' {
		a, err := parseRecord(data)
		if err != nil {
			return r.fail(origin, 0, err)
		}
		a.Origin = origin
		return r.emit(a)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return r.fail(origin, 0, fmt.Errorf("invalid JSON: %w", err))
	}
	for i, raw := range items {
		itemOrigin := fmt.Sprintf("%s#%d", origin, i+1)
		a, err := parseRecord(raw)
		if err != nil {
			err = r.fail(itemOrigin, 0, err)
		} else {
			a.Origin = itemOrigin
			err = r.emit(a)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func parseRecord(line []byte) (*article.Article, error) {
	if !utf8.Valid(line) {
		return nil, invalidUTF8(line)
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field != "" {
				return nil, fmt.Errorf("invalid record: %q is a JSON %s, want a string", te.Field, te.Value)
			}
			return nil, fmt.Errorf("invalid record: a JSON %s, want an object", te.Value)
		}
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	a := &article.Article{
		Title:     unknownToEmpty(firstOf(rec.Title, rec.Headline)),
		URL:       unknownToEmpty(firstOf(rec.URL, rec.Link)),
		Published: NormalizeDate(firstOf(rec.Published, rec.Date)),
		Source:    unknownToEmpty(rec.Source),
		Text:      cleanText(firstOf(rec.Text, rec.Body)),
	}
	if a.Text == "" {
		return nil, errors.New(`no article text: "text" is missing or empty`)
	}
	a.ID = article.ID(a.Text)
	return a, nil
}

var errLongLine = errors.New("line too long")

// readLine returns the next line without its end, or io.EOF after the
// last. A line longer than limit is skipped and reported as errLongLine.
// The line returned is valid until the next read from br.
func readLine(br *bufio.Reader, limit int64) ([]byte, error) {
	chunk, err := br.ReadSlice('\n')
	if err == nil && int64(len(chunk)) <= limit+1 {
		// The common case: the whole line is in br's buffer.
		return bytes.TrimRight(chunk, "\r\n"), nil
	}
	var line []byte
	tooLong := false
	for {
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err != bufio.ErrBufferFull {
			break
		}
		chunk, err = br.ReadSlice('\n')
	}
	switch {
	case err != nil && err != io.EOF:
		return nil, err
	case tooLong:
		return nil, fmt.Errorf("%w: over the %d-byte limit", errLongLine, limit)
	case err == io.EOF && len(line) == 0:
		return nil, io.EOF
	}
	return bytes.TrimRight(line, "\r\n"), nil
}
