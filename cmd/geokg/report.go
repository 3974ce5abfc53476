package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"golang.org/x/term"
)

// summary is what an ingest or load run did, printed on standard error and
// written as JSON with --summary.
type summary struct {
	Command  string `json:"command"`
	Started  string `json:"started"`
	Read     int    `json:"articles_read"`
	Loaded   int    `json:"articles_loaded"`
	Skipped  int    `json:"articles_skipped"`
	Failed   int    `json:"articles_failed"`
	Elements int    `json:"elements_read,omitempty"`
	graph.Stats
	// PassedOver counts the entries of input directories that were no
	// articles: other file types, READMEs, links to directories.
	PassedOver int       `json:"directory_entries_passed_over"`
	Seconds    float64   `json:"duration_seconds"`
	Failures   []failure `json:"failures"`
	Error      string    `json:"error,omitempty"`
	// Curation is set when a curation file corrected the graph at the end.
	Curation *curationSummary `json:"curation,omitempty"`

	start time.Time
}

type failure struct {
	Input string `json:"input"`
	Error string `json:"error"`
}

func newSummary(command string) *summary {
	now := time.Now()
	return &summary{Command: command, Started: now.UTC().Format(time.RFC3339), start: now, Failures: []failure{}}
}

// from takes the counts of a pipeline run.
func (s *summary) from(r ingest.Summary) {
	s.Read, s.Loaded, s.Skipped, s.Failed, s.Stats = r.Read, r.Written, r.Skipped, r.Failed, r.Stats
	s.Failures = s.Failures[:0]
	for _, f := range r.Failures {
		s.Failures = append(s.Failures, failure{f.Input, f.Err.Error()})
	}
}

// finish prints the summary on w, writes the JSON file when asked, and
// turns the run into its exit status: fatal is a failure of the run as a
// whole.
func (s *summary) finish(w io.Writer, path string, fatal error) error {
	s.Seconds = time.Since(s.start).Seconds()
	interrupted := errors.Is(fatal, context.Canceled)
	switch {
	case interrupted:
		s.Error = errInterrupted.Error()
	case fatal != nil:
		s.Error = fatal.Error()
	}
	switch s.Command {
	case "load":
		fmt.Fprintf(w, "geokg load: %d elements read (%d articles), %d failed\n", s.Elements, s.Read, s.Failed)
	default:
		fmt.Fprintf(w, "geokg ingest: %d articles read, %d loaded, %d skipped (already loaded), %d failed\n",
			s.Read, s.Loaded, s.Skipped, s.Failed)
		if s.PassedOver > 0 {
			fmt.Fprintf(w, "  %d %s of input directories passed over: not article files (--verbose names them)\n",
				s.PassedOver, plural(s.PassedOver, "entry", "entries"))
		}
	}
	fmt.Fprintf(w, "  nodes: %d created, %d updated; relationships: %d created, %d updated; %.1fs\n",
		s.NodesCreated, s.NodesUpdated, s.RelsCreated, s.RelsUpdated, s.Seconds)
	if c := s.Curation; c != nil {
		fmt.Fprintf(w, "  curation %s (%d entries): nodes %d created, %d updated, %d deleted; relationships %d created, %d updated, %d deleted\n",
			c.File, c.Entries, c.NodesCreated, c.NodesUpdated, c.NodesDeleted, c.RelsCreated, c.RelsUpdated, c.RelsDeleted)
	}
	if path != "" {
		b, err := json.MarshalIndent(s, "", "  ")
		if err == nil {
			err = os.WriteFile(path, append(b, '\n'), 0o644)
		}
		if err != nil && fatal == nil {
			return &exitError{code: 1, err: fmt.Errorf("write summary: %w", err)}
		}
	}
	switch {
	case interrupted && s.Command == "load":
		return &exitError{code: 130, err: fmt.Errorf("%w; run the same command again to finish (loading a file again changes nothing)", errInterrupted)}
	case interrupted:
		return &exitError{code: 130, err: fmt.Errorf("%w; run the same command again to finish (articles already loaded are skipped)", errInterrupted)}
	case fatal != nil:
		return &exitError{code: 2, err: fatal}
	case s.Failed > 0:
		return &exitError{code: 1, err: fmt.Errorf("%d input(s) failed", s.Failed)}
	}
	return nil
}

// progress draws a one-line progress bar on a terminal, and nothing
// otherwise.
type progress struct {
	w     io.Writer
	on    bool
	total int // articles expected, or 0 when unknown
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.on = true
	}
	return p
}

// update shows the counts of a run; the pipeline calls it between groups.
func (p *progress) update(s ingest.Summary) {
	done := s.Written + s.Skipped + s.Failed
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	el := time.Since(p.start).Seconds()
	rate := float64(done) / max(el, 1e-9)
	line := fmt.Sprintf("%d articles  %.1f/s", done, rate)
	if p.total > 0 {
		frac := min(float64(done)/float64(p.total), 1)
		const width = 24
		bar := strings.Repeat("=", int(frac*width)) + strings.Repeat(" ", width-int(frac*width))
		eta := "?"
		if rate > 0 && done < p.total {
			eta = (time.Duration(float64(p.total-done)/rate) * time.Second).Round(time.Second).String()
		}
		line = fmt.Sprintf("[%s] %d/%d articles  %.1f/s  ETA %s", bar, done, p.total, rate, eta)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}

// note shows a line of progress of its own, at most five times a second.
func (p *progress) note(line string) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}

// failed reports a failure on its own line, above the progress bar.
func (p *progress) failed(f ingest.Failure) {
	p.clear()
	fmt.Fprintf(p.w, "geokg: %v\n", f.Err)
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// countArticles is how many articles inputs hold, when every input is a
// file of one article (text, Markdown, HTML) or a directory of them; 0
// when unknown (URLs, standard input, JSON lines, feeds).
func countArticles(inputs []string) int {
	n := 0
	one := func(path string) bool {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".txt", ".md", ".markdown", ".html", ".htm":
			return true
		}
		return false
	}
	for _, in := range inputs {
		if in == "-" || strings.Contains(in, "://") {
			return 0
		}
		fi, err := os.Stat(in)
		if err != nil {
			return 0
		}
		if !fi.IsDir() {
			if !one(in) {
				return 0
			}
			n++
			continue
		}
		unknown := false
		filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if one(path) {
				n++
			} else if ext := strings.ToLower(filepath.Ext(path)); ext == ".jsonl" || ext == ".ndjson" || ext == ".xml" || ext == ".rss" || ext == ".atom" {
				unknown = true
				return filepath.SkipAll
			}
			return nil
		})
		if unknown {
			return 0
		}
	}
	return n
}
