package extract

import (
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
)

// An Explanation tells why an extraction holds a fact: the rule that found
// it and the sentence it was found in. A fact found by several rules, or
// in several sentences, has an Explanation for each.
type Explanation struct {
	Fact       Fact // events are "Event TYPE", also as the end of PARTY_TO and MEDIATES
	Rule       string
	Sentence   string
	Confidence float64
}

// Explain extracts a as Extract does, and explains every relationship and
// event of the graph, in the order of the graph.
func (x *Extractor) Explain(a *article.Article) (*graph.Batch, []Explanation) {
	d := x.analyze(a)
	b := d.batch()
	var out []Explanation
	for _, ev := range d.events {
		for _, s := range ev.sents {
			out = append(out, Explanation{
				Fact: Fact{Type: factEvent, From: string(ev.typ)}, Rule: eventRule(ev.typ),
				Sentence: d.sentText(s), Confidence: confInferred + 0.1,
			})
		}
	}
	for _, r := range d.rels {
		if _, _, ok := d.endpoints(r); !ok {
			continue
		}
		f := Fact{Type: string(r.typ), From: d.endName(r.from, r.fromEvent), To: d.endName(r.to, r.toEvent)}
		f.Change, f.Date = r.change()
		for _, w := range r.why {
			if !d.on(w.rule) || w.sent < 0 || w.sent >= len(d.sents) {
				continue
			}
			out = append(out, Explanation{Fact: f, Rule: w.rule, Sentence: d.sentText(w.sent), Confidence: r.confidence})
		}
	}
	return b, out
}

// endName is how an explanation names the end of a relation.
func (d *doc) endName(e *entity, ev *event) string {
	if ev != nil {
		return factEvent + " " + string(ev.typ)
	}
	return e.name
}
