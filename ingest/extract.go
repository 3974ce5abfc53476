package ingest

import (
	"fmt"
	"sync"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
)

// Extracted is one article and its graph, or why it has none.
type Extracted struct {
	Article *article.Article
	Graph   *graph.Batch
	Err     error
}

// ExtractAll extracts arts with the given number of workers, keeping their
// order. Each extraction runs under a guard: an internal error of the
// extractor (a panic) fails that article alone, named by its origin, and
// the others go on.
func ExtractAll(x Extractor, arts []*article.Article, workers int) []Extracted {
	out := make([]Extracted, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(max(workers, 1), len(arts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = ExtractOne(x, arts[i])
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// ExtractOne extracts one article under the guard of ExtractAll.
func ExtractOne(x Extractor, a *article.Article) (e Extracted) {
	e.Article = a
	defer func() {
		if r := recover(); r != nil {
			e.Graph, e.Err = nil, fmt.Errorf("extract %s: internal error: %v", a.Origin, r)
		}
	}()
	e.Graph = x.Extract(a)
	if e.Graph == nil {
		e.Err = fmt.Errorf("extract %s: no graph", a.Origin)
	}
	return e
}
