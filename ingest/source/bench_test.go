package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/ingest/article"
)

// benchParagraphs are invented article sentences, varied per file so
// that every article has its own text.
var benchParagraphs = []string{
	"Delegations from %s and %s met on Tuesday for a second round of talks hosted by the foreign ministry, officials said.",
	"The two sides agreed to set up a joint commission on the border and to exchange lists of detainees within a month.",
	"A spokesperson for the mediators said the atmosphere had been constructive, although no date was set for the next meeting.",
	"Residents of the border districts reported that the ceasefire had largely held overnight, with only sporadic shooting.",
}

var benchStates = []string{"Armenia", "Azerbaijan", "Serbia", "Kosovo", "Sudan", "Chad", "Peru", "Ecuador", "Ghana", "Mali"}

func benchArticle(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: Talks, round %d\nurl: https://news.example.org/%d\npublished: 2024-05-%02d\nsource: Example Wire\n\n", i, i, i%28+1)
	for j, p := range benchParagraphs {
		if j == 0 {
			p = fmt.Sprintf(p, benchStates[i%len(benchStates)], benchStates[(i+3)%len(benchStates)])
		}
		fmt.Fprintf(&b, "%s (%d)\n\n", p, i)
	}
	return b.String()
}

// BenchmarkReadDir reads a directory of 1,000 small text articles with
// headers, in 10 subdirectories.
func BenchmarkReadDir(b *testing.B) {
	dir := b.TempDir()
	var size int64
	for i := range 1000 {
		p := filepath.Join(dir, fmt.Sprintf("d%02d", i%10), fmt.Sprintf("a%04d.txt", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		text := benchArticle(i)
		size += int64(len(text))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := Read(context.Background(), []string{dir}, Options{}, func(a *article.Article, err error) error {
			if err != nil {
				return err
			}
			n++
			return nil
		})
		if err != nil || n != 1000 {
			b.Fatalf("read %d articles: %v", n, err)
		}
	}
	b.ReportMetric(float64(b.N*1000)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkReadJSONL reads one JSON lines file of 10,000 articles.
func BenchmarkReadJSONL(b *testing.B) {
	p := filepath.Join(b.TempDir(), "articles.jsonl")
	var sb strings.Builder
	for i := range 10000 {
		_, body, _ := splitHeader(benchArticle(i))
		fmt.Fprintf(&sb, "{\"title\":\"Talks %d\",\"published\":\"2024-05-01\",\"text\":%q}\n", i, body)
	}
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(sb.Len()))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := Read(context.Background(), []string{p}, Options{}, func(a *article.Article, err error) error {
			if err != nil {
				return err
			}
			n++
			return nil
		})
		if err != nil || n != 10000 {
			b.Fatalf("read %d articles: %v", n, err)
		}
	}
	b.ReportMetric(float64(b.N*10000)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkParseHTML reads one article page through readability.
func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/inputs/html/page.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseHTML(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}
