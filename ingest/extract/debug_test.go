package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/dict"
)

func TestDebugDump(t *testing.T) {
	text := os.Getenv("DUMP")
	if text == "" {
		t.Skip()
	}
	dd, _ := dict.Default()
	x, _ := New(dd)
	d := x.analyze(&ingest.Article{ID: "a", Text: text})
	for _, tk := range d.toks {
		m := ""
		if d.at[tkIndex(d, tk)] != nil {
			m = "[" + d.at[tkIndex(d, tk)].ent.name + "]"
		}
		fmt.Printf("%s/%s/%s%s ", tk.Text, tk.Tag, tk.NER, m)
	}
	fmt.Println()
	for _, e := range d.ents {
		fmt.Printf("E %s %q real=%v kind=%s roles=%v\n", e.label, e.name, e.real, e.kind, len(e.roles))
	}
	for _, r := range d.rels {
		f, to := "", ""
		if r.from != nil {
			f = r.from.name
		}
		if r.to != nil {
			to = r.to.name
		}
		fmt.Printf("R %s %s -> %s\n", r.typ, f, to)
	}
}

func tkIndex(d *doc, tk token) int {
	for i := range d.toks {
		if d.toks[i].Start == tk.Start && d.toks[i].Text == tk.Text {
			return i
		}
	}
	return 0
}
