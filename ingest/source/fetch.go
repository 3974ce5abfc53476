package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/geokg/geokg/ingest/article"
)

// NewClient returns the HTTP client Read uses when Options.Client is nil:
// each request, body included, bounded by opt.Timeout and following at
// most opt.MaxRedirects redirects (zero fields take their defaults).
func NewClient(opt Options) *http.Client {
	d := DefaultOptions()
	timeout, maxRedirects := opt.Timeout, opt.MaxRedirects
	if timeout <= 0 {
		timeout = d.Timeout
	}
	if maxRedirects <= 0 {
		maxRedirects = d.MaxRedirects
	}
	return &http.Client{
		Timeout: timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			return nil
		},
	}
}

// response is a fetched document.
type response struct {
	body  []byte
	ctype string // its Content-Type
	url   string // where it was found, after redirects
}

// fetch gets a URL with the options' client, user agent and size limit.
func (r *reader) fetch(ctx context.Context, rawURL string) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	req.Header.Set("User-Agent", r.opt.UserAgent)
	req.Header.Set("Accept", "text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	resp, err := r.opt.Client.Do(req)
	if err != nil {
		return nil, fetchErr(err, r.opt.Client.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetch: HTTP %s", resp.Status)
	}
	limit := r.opt.MaxBytes
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("fetch: response of %d bytes is over the %d-byte limit", resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fetchErr(err, r.opt.Client.Timeout)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("fetch: response over the %d-byte limit", limit)
	}
	ctype := resp.Header.Get("Content-Type")
	return &response{body: body, ctype: ctype, url: resp.Request.URL.String()}, nil
}

// fetchErr says why a request failed without repeating its URL, which
// the InputError names already.
func fetchErr(err error, timeout time.Duration) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		if timeout <= 0 {
			return errors.New("fetch: timed out")
		}
		return fmt.Errorf("fetch: timed out after %s", timeout)
	}
	return fmt.Errorf("fetch: %w", err)
}

// url reads one http or https input: a page, a feed (whose items' pages
// are fetched in turn), or any other format Read knows.
func (r *reader) url(ctx context.Context, rawURL string) error {
	resp, err := r.fetch(ctx, rawURL)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return r.fail(rawURL, 0, err)
	}
	if mt, _, _ := mime.ParseMediaType(resp.ctype); !readableMediaType(mt) {
		return r.fail(rawURL, 0, fmt.Errorf("not a document geokg reads (%s)", mt))
	}
	if err := checkHead(resp.body); err != nil {
		return r.fail(rawURL, 0, err)
	}
	f := formatOfMediaType(resp.ctype)
	if f == formatUnknown {
		f = sniff(resp.body[:min(len(resp.body), sniffSize)], formatUnknown)
	}
	return r.document(ctx, rawURL, resp.body, f, resp.url, resp.ctype)
}

// readableMediaType says whether a response of media type mt may hold
// an article: text, markup or JSON, or no type given.
func readableMediaType(mt string) bool {
	return mt == "" || strings.HasPrefix(mt, "text/") ||
		strings.Contains(mt, "xml") || strings.Contains(mt, "json") || strings.Contains(mt, "html")
}

// page fetches a feed item's page and reads it as HTML.
func (r *reader) page(ctx context.Context, rawURL string) (*article.Article, error) {
	resp, err := r.fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	if err := checkHead(resp.body); err != nil {
		return nil, err
	}
	if mt, _, _ := mime.ParseMediaType(resp.ctype); mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		if sniff(resp.body[:min(len(resp.body), sniffSize)], formatUnknown) != formatHTML {
			return nil, fmt.Errorf("not an HTML page (%s)", mt)
		}
	}
	data, err := textBytes(resp.body, formatHTML, resp.ctype)
	if err != nil {
		return nil, err
	}
	return parseHTML(data, resp.url)
}
