package main

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/article"
	"github.com/urfave/cli/v2"
)

// verboseFlag lists, among the reader's notes, the files a directory walk
// passes over.
func verboseFlag() cli.Flag {
	return &cli.BoolFlag{Name: "verbose", Usage: "also list the files skipped in directories (gold files, READMEs, unknown types)"}
}

// noteFunc prints notes (a reader's fallbacks, empty feeds, text not in
// English) on standard error, one at a time: extraction workers call it
// too.
func noteFunc(c *cli.Context) func(origin, msg string) {
	var mu sync.Mutex
	return func(origin, msg string) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(c.App.ErrWriter, "geokg: %s: %s\n", origin, msg)
	}
}

// languageNote is an extractor that says so when an article is not in
// English, the one language the extractor reads: otherwise its graph
// would be its Article node alone, without a word.
type languageNote struct {
	x    ingest.Extractor
	note func(origin, msg string)
}

func (l languageNote) Extract(a *article.Article) *graph.Batch {
	if !article.English(a.Text) {
		l.note(a.Origin, "the text does not look like English; geokg extracts from English text only, so little or nothing is found in it")
	}
	return l.x.Extract(a)
}

// passedOver counts the entries directory walks pass over (gold files,
// READMEs, unknown types, links to directories). They are routine in a
// folder that also holds annotations or documentation, so they are named
// only with --verbose, or when nothing at all was read: then they are the
// likely reason.
type passedOver struct {
	w       io.Writer
	verbose bool

	mu    sync.Mutex
	n     int
	first []string
}

// passedOverNamed is how many passed-over entries are named when nothing
// was read.
const passedOverNamed = 10

func newPassedOver(c *cli.Context) *passedOver {
	return &passedOver{w: c.App.ErrWriter, verbose: c.Bool("verbose")}
}

// skip is the reader's Skip hook.
func (p *passedOver) skip(path, why string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if p.verbose {
		fmt.Fprintf(p.w, "geokg: %s: skipped: %s\n", path, why)
		return
	}
	if len(p.first) < passedOverNamed {
		p.first = append(p.first, path+": "+why)
	}
}

func (p *passedOver) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.n
}

// explainNothingRead names the entries passed over when a run read no
// article at all, unless --verbose has named them already.
func (p *passedOver) explainNothingRead(read int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if read > 0 || p.n == 0 || p.verbose {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "geokg: no article read; %d %s in directories passed over:\n", p.n, plural(p.n, "entry", "entries"))
	for _, f := range p.first {
		fmt.Fprintf(&b, "  %s\n", f)
	}
	if more := p.n - len(p.first); more > 0 {
		fmt.Fprintf(&b, "  and %d more (--verbose lists them all)\n", more)
	}
	io.WriteString(p.w, b.String())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
