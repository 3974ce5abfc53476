package eval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/source"
)

// A Predictor gives the graph predicted for an annotated article.
type Predictor interface {
	Predict(ctx context.Context, a Annotated) (*graph.Batch, error)
}

// RunOptions configure Run. Gold and Predictor are required.
type RunOptions struct {
	Gold      string // directory of NNN.txt with NNN.gold.json beside them
	Predictor Predictor
	// Article, when set, is called with each article's own tally after it
	// is scored, and Progress before it is.
	Article  func(a Annotated, t *Tally)
	Progress func(a Annotated, i, n int)
}

// ErrGold marks a gold directory or file that cannot be used.
var ErrGold = errors.New("unusable gold data")

// Run scores the predictions for every annotated article of opt.Gold. Every
// gold file is checked before anything is scored, so that a report never
// leaves an article out silently: a bad one is an error wrapping ErrGold.
// An article whose prediction cannot be had scores as empty and counts in
// the tally's Failures.
func Run(ctx context.Context, opt RunOptions) (*Tally, error) {
	items, err := List(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrGold, err)
	}
	golds := make([]*Gold, len(items))
	var bad []string
	for i, a := range items {
		if golds[i], err = LoadGold(a.Gold); err != nil {
			bad = append(bad, err.Error())
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("%w: %s", ErrGold, strings.Join(bad, "\n"))
	}
	total := NewTally()
	for i, a := range items {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		if opt.Progress != nil {
			opt.Progress(a, i, len(items))
		}
		at := NewTally()
		b, err := opt.Predictor.Predict(ctx, a)
		if err != nil {
			at.Fail(a.Name, err)
			b = &graph.Batch{}
		}
		at.Merge(ScoreArticle(a.Name, golds[i], b))
		if opt.Article != nil {
			opt.Article(a, at)
		}
		total.Merge(at)
	}
	total.Articles = len(items)
	return total, nil
}

// PredFiles is a Predictor that reads predictions written beforehand,
// NNN.jsonl in dir. A missing file is an empty prediction, as for the
// reference scorer; note, when set, is told of it.
func PredFiles(dir string, note func(msg string)) Predictor {
	return &predFiles{dir: dir, note: note}
}

type predFiles struct {
	dir  string
	note func(string)
}

func (p *predFiles) Predict(_ context.Context, a Annotated) (*graph.Batch, error) {
	path := a.PredPath(p.dir)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		if p.note != nil {
			p.note(fmt.Sprintf("no %s: %s scored as if nothing was predicted", path, a.Name))
		}
		return &graph.Batch{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("unreadable output: %w", err)
	}
	defer f.Close()
	b, err := ReadPrediction(f)
	if err != nil {
		return nil, fmt.Errorf("unreadable output: %s: %w", path, err)
	}
	return b, nil
}

// Extracting is a Predictor that reads each article and extracts its graph
// in this process, under the pipeline's guard. When writeDir is set, each
// graph is also written there as NNN.jsonl, to be scored again later.
func Extracting(x ingest.Extractor, writeDir string) (Predictor, error) {
	if writeDir != "" {
		if err := os.MkdirAll(writeDir, 0o755); err != nil {
			return nil, fmt.Errorf("prediction directory: %w", err)
		}
	}
	return &extracting{x: x, writeDir: writeDir}, nil
}

type extracting struct {
	x        ingest.Extractor
	writeDir string
}

func (e *extracting) Predict(ctx context.Context, a Annotated) (*graph.Batch, error) {
	var arts []*article.Article
	var readErr error
	err := source.Read(ctx, []string{a.Text}, source.Options{}, func(art *article.Article, err error) error {
		if err != nil {
			readErr = err
			return nil
		}
		arts = append(arts, art)
		return nil
	})
	if err == nil {
		err = readErr
	}
	if err == nil && len(arts) != 1 {
		err = fmt.Errorf("read %s: %d articles, want 1", a.Text, len(arts))
	}
	if err != nil {
		return nil, fmt.Errorf("extractor failed: %w", err)
	}
	x := ingest.ExtractOne(e.x, arts[0])
	if x.Err != nil {
		return nil, fmt.Errorf("extractor failed: %w", x.Err)
	}
	if e.writeDir != "" {
		if err := writePrediction(a.PredPath(e.writeDir), x.Graph); err != nil {
			return nil, err
		}
	}
	return x.Graph, nil
}

// writePrediction writes b in the export format to path, whole or not at
// all.
func writePrediction(path string, b *graph.Batch) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pred-*")
	if err != nil {
		return fmt.Errorf("write prediction: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := graph.NewJSONLWriter(tmp).Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write prediction %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write prediction %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write prediction: %w", err)
	}
	return nil
}
