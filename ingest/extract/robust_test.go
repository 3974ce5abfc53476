package extract

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
)

// adversarial are inputs built to make a rule engine loop or go quadratic:
// very long sentences, long runs of capitalized words, stacked titles,
// quotes that never close, and punctuation by the thousand.
func adversarial() map[string]string {
	capRun := strings.Repeat("Alpha Bravo Charlie Delta Echo ", 800)
	return map[string]string{
		"long sentence":     "Armenia and Azerbaijan " + strings.Repeat("and the rebels of the north said that the talks in Geneva between the government and the group ", 600) + "ended.",
		"capitalized run":   "President " + capRun + "said Russia seized Crimea.",
		"stacked titles":    strings.Repeat("chief chief General General ", 1500) + "Tomas Novak said the ceasefire held.",
		"unbalanced quotes": strings.Repeat(`"Russia attacked Ukraine, `, 1000) + "he said.",
		"commas":            "Mali" + strings.Repeat(",", 5000) + " demanded talks.",
		"comma names":       strings.Repeat("Mali, Niger, Chad, ", 1500) + "and Sudan signed a truce.",
		"no spaces":         strings.Repeat("Russia-Ukraine-NATO-", 3000) + "war.",
		"only dots":         strings.Repeat(". ", 5000),
		"possessives":       strings.Repeat("Russia's Ukraine's ", 2000) + "army.",
		"parentheses":       strings.Repeat("the Front (", 2000) + "FLN" + strings.Repeat(")", 10),
		"between lists":     "Clashes between " + strings.Repeat("Sudan and Chad and ", 2000) + "Libya erupted.",
		"role list":         "The foreign ministers, " + strings.Repeat("Ana Ruiz, Omar Salem and ", 1500) + "Li Wei met.",
	}
}

// TestExtractTerminates is a hang guard, not a speed test: each input
// must finish well within a generous limit on a loaded machine.
func TestExtractTerminates(t *testing.T) {
	x := testExtractor(t)
	const limit = 20 * time.Second
	for name, text := range adversarial() {
		t.Run(name, func(t *testing.T) {
			done := make(chan *graph.Batch, 1)
			go func() {
				done <- x.Extract(&article.Article{ID: article.ID(text), Title: "Headline", Text: text, Published: "2024-05-03"})
			}()
			timer := time.NewTimer(limit)
			defer timer.Stop()
			select {
			case b := <-done:
				if b == nil {
					t.Fatal("Extract returned nil")
				}
				checkBatch(t, b)
			case <-timer.C:
				t.Fatalf("extraction of %d bytes did not finish in %v", len(text), limit)
			}
		})
	}
}

// TestExtractCutOff extracts every sentence of the project's own articles
// cut off after each of its words, and every ending of it, alone and
// next to a paragraph's break, untitled, with
// the built-in gazetteer: a feed item or a truncated page ends anywhere,
// and a rule that looks past the last word must not fail the article.
func TestExtractCutOff(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts some hundred thousand fragments")
	}
	x := fullExtractor(t)
	var paths []string
	for _, dir := range []string{"articles", "holdout", "broad"} {
		more, err := filepath.Glob("../../testdata/" + dir + "/*.txt")
		if err != nil || len(more) == 0 {
			t.Fatalf("testdata/%s: %v (%d articles)", dir, err, len(more))
		}
		paths = append(paths, more...)
	}
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(string(b), "\n\n")
		for _, sent := range strings.Split(body, ". ") {
			words := strings.Fields(sent)
			for n := 1; n <= len(words); n++ {
				// Each end opens or closes a paragraph too, where the
				// token next to it is a paragraph's break ("\n\nAsked
				// about the talks, ...").
				prefix, suffix := strings.Join(words[:n], " "), strings.Join(words[len(words)-n:], " ")
				for _, text := range []string{prefix, suffix, "Talks resumed.\n\n" + suffix, prefix + "\n\nTalks resumed."} {
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Errorf("%s: %q: %v\n%s", filepath.Base(path), text, r, debug.Stack())
							}
						}()
						// No title: the text's first word is the
						// article's, where a rule looks before it.
						checkBatch(t, x.Extract(&article.Article{ID: article.ID(text), Text: text, Published: "2024-05-03"}))
					}()
				}
			}
		}
	}
}

// checkBatch asserts the export contract that must hold for any input:
// every relationship joins nodes of the batch and carries its evidence.
func checkBatch(t *testing.T, b *graph.Batch) {
	t.Helper()
	ids := map[string]bool{}
	for _, n := range b.Nodes {
		if n.ID == "" {
			t.Errorf("node without id: %v", n)
		}
		ids[n.ID] = true
	}
	for _, r := range b.Rels {
		if !ids[r.Start.ID] || !ids[r.End.ID] {
			t.Errorf("%s %s -> %s: endpoint not in the batch", r.Type, r.Start.ID, r.End.ID)
		}
		if r.Type != graph.RelMentions {
			if _, ok := r.Props[graph.PropEvidence]; !ok {
				t.Errorf("%s %s -> %s: no evidence", r.Type, r.Start.ID, r.End.ID)
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range adversarial() {
		f.Add(s[:min(len(s), 2000)])
	}
	for _, s := range []string{
		"",
		"Russia",
		"\"",
		"President",
		"Armenian Prime Minister Aram Vardanyan said on Friday that Azerbaijan must withdraw its troops from the border.",
		"Talks between the government and the rebels, mediated by Qatar, resumed in Doha on Sept. 27.",
		"The group seized the town of Kidal, which the army lost control of in 2012.",
		"\"It was an attack on our sovereignty,\" the minister said of the deal.",
		"Mr. . . Jr., Sr. U.S. ( ) 's 's -- – — ’ “ ”",
		"ÉTAT — Ⅻ ﬁ \u200b \u00a0 ",
	} {
		f.Add(s)
	}
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip("the reader rejects invalid UTF-8 before extraction")
		}
		b := x.Extract(&article.Article{ID: article.ID(text), Title: "", Text: text, Published: "2024-02-29"})
		if b == nil {
			t.Fatal("Extract returned nil")
		}
		checkBatch(t, b)
	})
}
