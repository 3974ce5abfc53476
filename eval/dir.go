package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrNoArticles means a gold directory holds no annotated article.
var ErrNoArticles = errors.New("no annotated articles")

// Annotated is an article of a gold directory with its gold file.
type Annotated struct {
	Name string // the article's file name, "001.txt"
	Stem string // the name without ".txt", "001"
	Text string // path of the article
	Gold string // path of its gold graph, Stem + ".gold.json"
}

// PredPath is where a directory of predictions keeps a's: Stem + ".jsonl".
func (a Annotated) PredPath(dir string) string { return filepath.Join(dir, a.Stem+".jsonl") }

// List returns the articles of dir (NNN.txt) that have a gold file beside
// them (NNN.gold.json), sorted by name. Articles without one are not
// scored. An error wrapping ErrNoArticles means there were none.
func List(dir string) ([]Annotated, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list gold directory: %w", err)
	}
	var out []Annotated
	texts := 0
	for _, e := range ents { // ReadDir sorts by name
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".txt") {
			continue
		}
		texts++
		stem := strings.TrimSuffix(name, ".txt")
		gold := filepath.Join(dir, stem+".gold.json")
		if _, err := os.Stat(gold); err != nil {
			continue
		}
		out = append(out, Annotated{Name: name, Stem: stem, Text: filepath.Join(dir, name), Gold: gold})
	}
	switch {
	case texts == 0:
		return nil, fmt.Errorf("%s: %w (no NNN.txt files)", dir, ErrNoArticles)
	case len(out) == 0:
		return nil, fmt.Errorf("%s: %w (no NNN.gold.json beside the %d NNN.txt files)", dir, ErrNoArticles, texts)
	}
	return out, nil
}
