// Package source reads news articles from files, directories, standard
// input, feeds and URLs, and turns each into an article.Article: its header
// fields and its plain body text.
package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/geokg/geokg/ingest/article"
)

// Options control how Read reads its inputs. The zero value is usable:
// a zero field takes the value DefaultOptions gives it.
type Options struct {
	// MaxBytes caps the size of one document: a file, an HTTP response
	// body, one JSON lines record. A larger one fails with an error
	// naming it. JSON lines files as a whole are not capped: they are
	// read a line at a time.
	MaxBytes int64

	// Timeout bounds each HTTP request, reading the body included.
	Timeout time.Duration

	// MaxRedirects is how many redirects one HTTP request may follow.
	MaxRedirects int

	// UserAgent is sent with every HTTP request. Commands set it to
	// "geokg/" followed by their version.
	UserAgent string

	// Fetchers is how many feed item pages are fetched at once. Articles
	// still come in the feed's order.
	Fetchers int

	// ItemContentOnly makes a feed read from a URL yield its items' own
	// content instead of fetching the page each item links to.
	ItemContentOnly bool

	// Client does the HTTP requests. Nil means a client built from
	// Timeout and MaxRedirects; a client given here keeps its own
	// timeout and redirect policy.
	Client *http.Client

	// Stdin is what the input "-" reads. Nil means os.Stdin.
	Stdin io.Reader

	// Note, when set, is told of what is worth a word but is no failure:
	// a feed item read from the feed because its page could not be
	// fetched, a feed without items.
	Note func(origin, msg string)

	// Skip, when set, is told of each entry a directory walk passes over,
	// and why: a file of an unknown type, a directory's README, a link to
	// a directory. When it is nil, these go to Note as "skipped: why".
	Skip func(path, why string)
}

// DefaultOptions returns the options Read uses for zero fields.
func DefaultOptions() Options {
	return Options{
		MaxBytes:     10 << 20,
		Timeout:      20 * time.Second,
		MaxRedirects: 5,
		UserAgent:    "geokg",
		Fetchers:     4,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = d.MaxRedirects
	}
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	if o.Fetchers <= 0 {
		o.Fetchers = d.Fetchers
	}
	if o.Client == nil {
		o.Client = NewClient(o)
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	return o
}

// InputError is the failure of one input, or of one record or item in
// it. Read reports it and goes on with the rest.
type InputError struct {
	Origin string // the file, URL, "-", or "path#N" for the Nth item of a feed file
	Line   int    // the line of a JSON lines record, or 0
	Err    error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("read %s:%d: %v", e.Origin, e.Line, e.Err)
	}
	return fmt.Sprintf("read %s: %v", e.Origin, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Read reads the inputs in order and calls fn once per article, with a
// nil error, and once per input, record or feed item that failed, with a
// nil article and an *InputError. An input is a file, a directory (read
// recursively, in name order), an http or https URL, or "-" for standard
// input. Articles are handed over one at a time and not kept.
//
// Read stops and returns the error when fn returns one, and returns
// ctx.Err() when ctx is done; otherwise it returns nil, however many
// inputs failed: counting the failures is up to fn.
func Read(ctx context.Context, inputs []string, opt Options, fn func(a *article.Article, err error) error) error {
	r := &reader{opt: opt.withDefaults(), fn: fn}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.input(ctx, in); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Articles is Read as an iterator: it yields each article with a nil
// error, and each failure as a nil article with an *InputError. When ctx
// is done, it yields ctx.Err() last.
func Articles(ctx context.Context, inputs []string, opt Options) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		stopped := errors.New("stopped")
		err := Read(ctx, inputs, opt, func(a *article.Article, err error) error {
			if !yield(a, err) {
				return stopped
			}
			return nil
		})
		if err != nil && err != stopped {
			yield(nil, err)
		}
	}
}

// reader is one walk over the inputs. Its methods return an error only
// to stop the walk: when fn returned one or ctx is done. The failure of
// an input goes to fn.
type reader struct {
	opt Options
	fn  func(*article.Article, error) error
	buf *bufio.Reader // reused from one input to the next
}

func (r *reader) emit(a *article.Article) error {
	return r.fn(a, nil)
}

func (r *reader) fail(origin string, line int, err error) error {
	return r.fn(nil, &InputError{Origin: origin, Line: line, Err: err})
}

func (r *reader) note(origin, msg string) {
	if r.opt.Note != nil {
		r.opt.Note(origin, msg)
	}
}

func (r *reader) skip(path, why string) {
	if r.opt.Skip != nil {
		r.opt.Skip(path, why)
		return
	}
	r.note(path, "skipped: "+why)
}

func (r *reader) input(ctx context.Context, in string) error {
	switch {
	case in == "-":
		return r.stream(ctx, "-", r.opt.Stdin, formatUnknown)
	case isURL(in):
		return r.url(ctx, in)
	case strings.Contains(in, "://"):
		return r.fail(in, 0, errors.New("unsupported URL scheme: only http and https are read"))
	}
	fi, err := os.Stat(in)
	if err != nil {
		return r.fail(in, 0, pathErr(err))
	}
	if fi.IsDir() {
		return r.dir(ctx, in)
	}
	return r.file(ctx, in, formatOfPath(in))
}

// pathErr drops the operation and path an *fs.PathError repeats: the
// InputError names the input already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *reader) file(ctx context.Context, path string, f format) error {
	fh, err := os.Open(path)
	if err != nil {
		return r.fail(path, 0, pathErr(err))
	}
	defer fh.Close()
	return r.stream(ctx, path, fh, f)
}

// dir reads the files under root in lexical order, skipping hidden files
// and directories and files of unknown type. root itself may be a link to
// a directory; links inside are read when they lead to a file and passed
// over when they lead to a directory, so that a walk cannot loop. A link
// to nothing, or into a loop of links, fails where an article was meant.
func (r *reader) dir(ctx context.Context, root string) error {
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a link it starts from; through the
		// trailing separator the system does.
		root += string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if ferr := r.fail(path, 0, pathErr(err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f := formatOfPath(path)
		known := f != formatUnknown && f != formatSniffedJSON
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			switch {
			case err == nil && fi.IsDir():
				r.skip(path, "a link to a directory (links inside a directory are not followed; name it as an input to read it)")
				return nil
			case err != nil && known:
				return r.fail(path, 0, linkErr(path, err))
			case err == nil && !fi.Mode().IsRegular():
				r.skip(path, "not a regular file")
				return nil
			}
		} else if !d.Type().IsRegular() {
			r.skip(path, "not a regular file")
			return nil
		}
		if isProjectDoc(d.Name()) {
			r.skip(path, "a directory's documentation, not an article")
			return nil
		}
		if !known {
			// Beside articles, a directory may well hold other JSON
			// (annotations, settings): only a file named on the command
			// line is sniffed.
			r.skip(path, "not a known article file type")
			return nil
		}
		return r.file(ctx, path, f)
	})
}

// linkErr says why the symbolic link at path leads nowhere.
func linkErr(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if target, rerr := os.Readlink(path); rerr == nil {
			return fmt.Errorf("broken symbolic link: its target %s does not exist", target)
		}
		return errors.New("broken symbolic link: its target does not exist")
	case errors.Is(err, syscall.ELOOP):
		return errors.New("symbolic link loop: the link leads back to itself")
	}
	return pathErr(err)
}

// isProjectDoc says whether a file name is that of a README, licence or
// the like, which describes a directory of articles without being one.
func isProjectDoc(name string) bool {
	stem := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch stem {
	case "README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES", "CONTRIBUTING", "NOTICE", "AUTHORS":
		return true
	}
	return false
}

// sniffSize is how much of an input is looked at to tell its format and
// whether it is text at all.
const sniffSize = 8 << 10

// stream reads one input whose format may not be known yet. JSON lines
// are read a record at a time; every other format is one document read
// whole, up to MaxBytes.
func (r *reader) stream(ctx context.Context, origin string, rd io.Reader, f format) error {
	if r.buf == nil {
		r.buf = bufio.NewReaderSize(rd, 2*sniffSize)
	} else {
		r.buf.Reset(rd)
	}
	br := r.buf
	defer br.Reset(nil)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return r.fail(origin, 0, err)
	}
	if err := checkHead(head); err != nil {
		return r.fail(origin, 0, err)
	}
	if f == formatUnknown || f == formatSniffedJSON {
		f = sniff(head, f)
	}
	if f == formatJSONL {
		return r.jsonl(ctx, origin, br)
	}
	data, err := io.ReadAll(io.LimitReader(br, r.opt.MaxBytes+1))
	if err != nil {
		return r.fail(origin, 0, err)
	}
	if int64(len(data)) > r.opt.MaxBytes {
		return r.fail(origin, 0, fmt.Errorf("larger than the %d-byte limit", r.opt.MaxBytes))
	}
	return r.document(ctx, origin, data, f, "", "")
}

// document turns one whole document into its articles: one, or one per
// item of a feed. pageURL is where it was fetched from and ctype the
// Content-Type it came with, if it was fetched.
func (r *reader) document(ctx context.Context, origin string, data []byte, f format, pageURL, ctype string) error {
	data, err := textBytes(data, f, ctype)
	if err != nil {
		return r.fail(origin, 0, err)
	}
	var a *article.Article
	switch f {
	case formatFeed:
		if pageURL != "" {
			return r.feedURL(ctx, origin, pageURL, data)
		}
		return r.feedFile(origin, data)
	case formatJSONL:
		return r.jsonl(ctx, origin, bufio.NewReader(bytes.NewReader(data)))
	case formatJSON:
		return r.jsonDocument(origin, data)
	case formatHTML:
		a, err = parseHTML(data, pageURL)
	case formatMarkdown:
		a, err = parseText(string(data), true)
	default:
		a, err = parseText(string(data), false)
	}
	if err != nil {
		return r.fail(origin, 0, err)
	}
	if a.URL == "" {
		a.URL = pageURL
	}
	a.Origin = origin
	return r.emit(a)
}
