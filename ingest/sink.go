package ingest

import (
	"context"
	"fmt"
	"io"

	"github.com/geokg/geokg/graph"
)

// JSONL is a sink that writes each article's graph to w in the export
// format (APOC JSON lines), in input order. Stats count the elements
// written as created. An error writing to w fails the run.
func JSONL(w io.Writer) Sink { return Writer(graph.NewJSONLWriter(w).Write) }

// Writer is a sink that hands each article's graph to write, in input
// order: a text output of the graph. Stats count the elements written as
// created. An error from write fails the run, and the batches not written
// fail with it.
func Writer(write func(*graph.Batch) error) Sink { return writerSink(write) }

type writerSink func(*graph.Batch) error

func (write writerSink) Write(_ context.Context, batches []*graph.Batch) (graph.Stats, []error, error) {
	var st graph.Stats
	errs := make([]error, len(batches))
	for i, b := range batches {
		if err := write(b); err != nil {
			for j := i; j < len(batches); j++ {
				errs[j] = err
			}
			return st, errs, fmt.Errorf("write output: %w", err)
		}
		st.NodesCreated += len(b.Nodes)
		st.RelsCreated += len(b.Rels)
	}
	return st, errs, nil
}

// Merge is a sink that merges each valid article graph into m, by the
// merge rules the database applies; an invalid graph fails its article.
func Merge(m *graph.Merger) Sink { return mergeSink{m} }

type mergeSink struct{ m *graph.Merger }

func (s mergeSink) Write(_ context.Context, batches []*graph.Batch) (graph.Stats, []error, error) {
	errs := make([]error, len(batches))
	for i, b := range batches {
		if err := graph.Validate(b); err != nil {
			errs[i] = err
			continue
		}
		s.m.Add(b)
	}
	return graph.Stats{}, errs, nil
}

// Export is a sink that merges each valid article graph into x, which
// keeps the articles' own parts on disk; an invalid graph fails its
// article, and x failing (a full disk) fails the run.
func Export(x *graph.Exporter) Sink { return exportSink{x} }

type exportSink struct{ x *graph.Exporter }

func (s exportSink) Write(_ context.Context, batches []*graph.Batch) (graph.Stats, []error, error) {
	errs := make([]error, len(batches))
	for i, b := range batches {
		if err := graph.Validate(b); err != nil {
			errs[i] = err
			continue
		}
		if err := s.x.Add(b); err != nil {
			for j := i; j < len(batches); j++ {
				errs[j] = err
			}
			return graph.Stats{}, errs, err
		}
	}
	return graph.Stats{}, errs, nil
}
