package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/gazetteer"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("ZZ")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	g, _ := gazetteer.Default()
	x, err := New(g)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{ID: "a", Text: string(b), Published: "2024-11-27"}
	d := x.analyze(a)
	for i, tk := range d.toks {
		m := ""
		if d.at[i] != nil && d.at[i].ent != nil {
			m = d.at[i].ent.name
		}
		fmt.Printf("%d %s/%s %s\n", i, tk.Text, tk.Tag, m)
	}
}
