// Package synth writes plausible synthetic news articles about the states,
// regions and organizations of geokg's dictionaries, each with the graph
// it states, for load tests and benchmarks of any size.
//
// Article i of a generator depends only on the generator's seed and i, so
// a corpus can be produced in pieces, in parallel or again later. A corpus
// reads like a news feed over time: articles come in publication order
// (PerDay a day, a few days of jitter), actors are drawn with a skewed
// distribution, as in real news, and facts fan in accordingly: the
// relationships between the most cited states gather a share of all
// articles that stays the same as the corpus grows, while most facts have
// a handful of sources. Events are the talks of a pair of states in a
// month and leaders hold office for a year, so a longer corpus keeps
// bringing new ones. Neighbourhoods stay bounded, as in news: a pair of
// states has the same few mediators, and a state holds or claims a few
// places of its own and a couple of others, so a place has a few
// controllers however long the corpus.
package synth

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/gazetteer"
)

//go:embed data
var data embed.FS

// Generator makes synthetic articles.
type Generator struct {
	// PerDay is how many articles a day the feed publishes (DefaultPerDay).
	PerDay int
	// Start is the publication date of the first articles.
	Start time.Time

	seed      uint64
	states    []*gazetteer.Entry
	regions   []*gazetteer.Entry
	orgs      []*gazetteer.Entry
	places    map[*gazetteer.Entry][]*gazetteer.Entry
	people    [][2]string
	roles     []string
	templates map[graph.RelType][]string
}

// New returns a generator drawing actors from d. d needs at least two
// states.
func New(d *gazetteer.Dict, seed uint64) (*Generator, error) {
	g := &Generator{seed: seed, templates: map[graph.RelType][]string{}, PerDay: DefaultPerDay, Start: DefaultStart}
	for _, e := range d.Entries {
		switch e.Label {
		case graph.LabelState:
			g.states = append(g.states, e)
		case graph.LabelRegion:
			// A wide area ("the Middle East", "South America") is no
			// place a state holds or claims.
			if e.Kind != "wider" {
				g.regions = append(g.regions, e)
			}
		case graph.LabelOrganization:
			g.orgs = append(g.orgs, e)
		}
	}
	g.places = g.placesOf()
	if len(g.states) < 2 {
		return nil, fmt.Errorf("synth: the dictionary has %d states, want at least 2", len(g.states))
	}
	err := readLines("data/people.txt", func(l string) error {
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			return fmt.Errorf("want given<TAB>surname")
		}
		g.people = append(g.people, [2]string{f[0], f[1]})
		return nil
	})
	if err == nil {
		err = readLines("data/roles.txt", func(l string) error { g.roles = append(g.roles, l); return nil })
	}
	if err == nil {
		err = readLines("data/sentences.tsv", func(l string) error {
			f := strings.SplitN(l, "\t", 2)
			if len(f) != 2 {
				return fmt.Errorf("want RELATION<TAB>template")
			}
			typ, err := graph.ParseRelType(f[0])
			if err != nil {
				return err
			}
			g.templates[typ] = append(g.templates[typ], f[1])
			return nil
		})
	}
	if err != nil {
		return nil, err
	}
	return g, nil
}

func readLines(name string, fn func(string) error) error {
	f, err := data.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if err := fn(l); err != nil {
			return fmt.Errorf("synth %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// DefaultPerDay articles a day from DefaultStart make a million articles
// span eleven years.
const DefaultPerDay = 250

// DefaultStart is the publication date of a corpus' first articles.
var DefaultStart = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// Article returns synthetic article i and the graph its text states, in
// the shape the extractor gives: the Article node, the entities and the
// event it names with MENTIONS from the article, then the relationships
// with their source, evidence sentence and confidence.
func (g *Generator) Article(i int) (*article.Article, *graph.Batch) {
	rng := rand.New(rand.NewPCG(g.seed, uint64(i)))
	a := g.pick(rng, g.states, nil)
	b := g.pick(rng, g.states, a)
	var m *gazetteer.Entry
	if ms := g.mediators(a, b); len(ms) > 0 {
		m = g.pick(rng, ms, nil)
	}
	var region *gazetteer.Entry
	if places := g.places[a]; len(places) > 0 {
		region = places[rng.IntN(len(places))]
	}
	perDay := max(g.PerDay, 1)
	day := max(i/perDay+rng.IntN(5)-2, 0)
	published := g.Start.AddDate(0, 0, day).Format("2006-01-02")
	leader, role := g.leader(a, published[:4])

	w := &writer{g: g, rng: rng}
	w.entity(graph.LabelState, a)
	w.entity(graph.LabelState, b)
	if m != nil {
		w.entity(m.Label, m)
	}
	if region != nil {
		w.entity(graph.LabelRegion, region)
	}
	lid := graph.EntityID(graph.LabelLeader, leader)
	w.nodes = append(w.nodes, graph.Node{ID: lid, Labels: []graph.Label{graph.LabelLeader}, Props: map[string]any{"id": lid, "name": leader}})
	eventName := fmt.Sprintf("%s–%s talks", a.Name, b.Name)
	eid := graph.HashID("event", "talks", graph.EntityID(graph.LabelState, a.Name), graph.EntityID(graph.LabelState, b.Name), published[:7])
	w.nodes = append(w.nodes, graph.Node{ID: eid, Labels: []graph.Label{graph.LabelEvent}, Props: map[string]any{"id": eid, "name": eventName, "type": "talks", "date": published[:7], graph.PropRule: []any{"synth.talks"}}})

	ids := func(e *gazetteer.Entry) string { return graph.EntityID(e.Label, e.Name) }
	fill := map[string]string{"{A}": a.Name, "{B}": b.Name, "{L}": leader, "{role}": role, "{E}": eventName,
		"{day}": weekdays[rng.IntN(len(weekdays))]}
	if m != nil {
		fill["{M}"] = m.Name
	}
	if region != nil {
		fill["{R}"] = region.Name
	}
	w.fact("REPRESENTS", fill, lid, ids(a), map[string]any{"role": role})
	if rng.IntN(2) == 0 {
		w.fact("FIGHTS", fill, ids(a), ids(b), nil)
	} else {
		w.fact("SUPPORTS", fill, ids(a), ids(b), nil)
	}
	if m != nil {
		s := w.fact("MEDIATES", fill, ids(m), eid, nil)
		party := map[string]any{graph.PropRule: []any{"synth.party_to"}}
		w.rel(graph.RelPartyTo, ids(a), eid, s, party)
		w.rel(graph.RelPartyTo, ids(b), eid, s, party)
	}
	if region != nil {
		switch rng.IntN(3) {
		case 0:
			w.fact("CONTROLS", fill, ids(a), ids(region), nil)
		case 1:
			w.fact("DEMANDS", fill, ids(a), ids(b), map[string]any{"demand": "withdrawal of troops from " + region.Name})
		default:
			w.fact("LOCATED_IN", fill, ids(region), ids(a), nil)
		}
	}

	title := fmt.Sprintf("%s and %s trade accusations as pressure for talks grows", a.Name, b.Name)
	text := strings.Join(w.sentences, " ")
	art := &article.Article{
		ID:        article.ID(text),
		Title:     title,
		URL:       fmt.Sprintf("https://news.example.org/%s/%d", published[:7], i),
		Published: published,
		Source:    "synthetic",
		Text:      text,
		Origin:    fmt.Sprintf("synth#%d", i),
	}
	return art, w.batch(art)
}

// mediatorsPerPair bounds the third parties that mediate between two
// states, as in news, where a pair's talks have a few regular brokers (at
// most seven in the project's hand-annotated articles), not each actor of
// the gazetteer in turn.
const mediatorsPerPair = 5

// mediators are the third parties that may mediate between a and b: the
// same few for the pair in every article, drawn once from its own seed.
func (g *Generator) mediators(a, b *gazetteer.Entry) []*gazetteer.Entry {
	if b.Name < a.Name {
		a, b = b, a
	}
	rng := rand.New(rand.NewPCG(g.seed^0x6d656469, uint64(stringHash(a.Name+"\x00"+b.Name))))
	var out []*gazetteer.Entry
	// A small dictionary may hold fewer candidates than that.
	for try := 0; len(out) < mediatorsPerPair && try < 8*mediatorsPerPair; try++ {
		var m *gazetteer.Entry
		if len(g.orgs) > 0 && rng.IntN(3) == 0 {
			m = g.pick(rng, g.orgs, nil)
		} else if len(g.states) > 2 {
			for m == nil || m == a || m == b {
				m = g.pick(rng, g.states, nil)
			}
		} else {
			break
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// placesOf gives each state the regions it may hold, claim or stand in:
// those the gazetteer puts inside it, at any depth (at most ownPlaces),
// and a few more drawn once from its own seed, so that some places are
// contested. A place then has the few controllers news gives it, not
// every state in turn.
func (g *Generator) placesOf() map[*gazetteer.Entry][]*gazetteer.Entry {
	states, regions := g.states, g.regions
	byName := map[string]*gazetteer.Entry{}
	for _, e := range append(append([]*gazetteer.Entry(nil), states...), regions...) {
		byName[e.Name] = e
	}
	out := map[*gazetteer.Entry][]*gazetteer.Entry{}
	for _, r := range regions {
		seen := map[*gazetteer.Entry]bool{}
		for in := byName[r.Within]; in != nil && !seen[in]; in = byName[in.Within] {
			seen[in] = true
			if in.Label == graph.LabelState {
				if len(out[in]) < ownPlaces {
					out[in] = append(out[in], r)
				}
				break
			}
		}
	}
	for _, s := range states {
		if len(regions) == 0 {
			break
		}
		rng := rand.New(rand.NewPCG(g.seed^0x706c6163, uint64(stringHash(s.Name))))
		for n, try := len(out[s]), 0; len(out[s]) < n+claimsPerState && try < 8*claimsPerState; try++ {
			if r := regions[rng.IntN(len(regions))]; !slices.Contains(out[s], r) {
				out[s] = append(out[s], r)
			}
		}
	}
	return out
}

// A state's news names a dozen of its own places, the gazetteer's first,
// and it may hold or claim claimsPerState places beyond them.
const (
	ownPlaces      = 12
	claimsPerState = 2
)

// pick draws an entry with a Zipf-like skew, never not.
func (g *Generator) pick(rng *rand.Rand, from []*gazetteer.Entry, not *gazetteer.Entry) *gazetteer.Entry {
	for {
		// Rank r with probability about proportional to 1/(r+1).
		r := int(math.Exp(rng.Float64()*math.Log(float64(len(from)+1)))) - 1
		if r >= len(from) {
			r = len(from) - 1
		}
		if e := from[r]; e != not {
			return e
		}
	}
}

// leader is the invented leader of a state in a year: the same person for
// the same state and year, so articles agree, and another one (usually)
// the next year. The office stays with the state.
func (g *Generator) leader(state *gazetteer.Entry, year string) (name, role string) {
	h, y := stringHash(state.Name), stringHash(state.Name+" "+year)
	p := g.people[y%len(g.people)]
	q := g.people[(y/7)%len(g.people)]
	return p[0] + " " + q[1], g.roles[h%len(g.roles)]
}

// stringHash is a hash of s that stays the same across runs and versions.
func stringHash(s string) int {
	h := 0
	for _, c := range s {
		h = h*31 + int(c)
	}
	if h < 0 {
		h = -h
	}
	return h
}

// writer accumulates an article's sentences and graph.
type writer struct {
	g         *Generator
	rng       *rand.Rand
	sentences []string
	nodes     []graph.Node
	rels      []graph.Rel
}

func (w *writer) entity(label graph.Label, e *gazetteer.Entry) {
	id := graph.EntityID(label, e.Name)
	for _, n := range w.nodes {
		if n.ID == id {
			return
		}
	}
	props := map[string]any{"id": id, "name": e.Name}
	if len(e.Aliases) > 0 && w.rng.IntN(2) == 0 {
		props["aliases"] = []any{e.Aliases[w.rng.IntN(len(e.Aliases))]}
	}
	if label == graph.LabelOrganization {
		props["kind"] = e.Kind
	}
	w.nodes = append(w.nodes, graph.Node{ID: id, Labels: []graph.Label{label}, Props: props})
}

// fact writes a sentence stating a relationship of type typ, and the
// relationship.
// The rule of a fact is its template's: "synth.supports.2" for the
// second SUPPORTS template.
func (w *writer) fact(typ graph.RelType, fill map[string]string, from, to string, props map[string]any) string {
	ts := w.g.templates[typ]
	k := w.rng.IntN(len(ts))
	s := ts[k]
	for k, v := range fill {
		s = strings.ReplaceAll(s, k, v)
	}
	w.sentences = append(w.sentences, s)
	p := map[string]any{graph.PropRule: []any{fmt.Sprintf("synth.%s.%d", strings.ToLower(string(typ)), k+1)}}
	for k, v := range props {
		p[k] = v
	}
	w.rel(typ, from, to, s, p)
	return s
}

func (w *writer) rel(typ graph.RelType, from, to, sentence string, props map[string]any) {
	p := map[string]any{"evidence": []any{sentence}, "confidence": math.Round((0.5+w.rng.Float64()*0.45)*100) / 100}
	for k, v := range props {
		p[k] = v
	}
	w.rels = append(w.rels, graph.Rel{ID: graph.RelID(typ, from, to), Type: typ,
		Start: graph.Ref{ID: from, Labels: []graph.Label{w.label(from)}}, End: graph.Ref{ID: to, Labels: []graph.Label{w.label(to)}}, Props: p})
}

func (w *writer) label(id string) graph.Label {
	for _, n := range w.nodes {
		if n.ID == id {
			return n.Label()
		}
	}
	panic("synth: relationship to unknown node " + id)
}

func (w *writer) batch(a *article.Article) *graph.Batch {
	an := graph.ArticleNode(a.ID, a.Title, a.URL, a.Published, a.Source)
	b := &graph.Batch{Nodes: append([]graph.Node{an}, w.nodes...)}
	for _, n := range w.nodes {
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelMentions, a.ID, n.ID), Type: graph.RelMentions,
			Start: an.Ref(), End: n.Ref(), Props: map[string]any{}})
	}
	for _, r := range w.rels {
		r.Props["sources"] = []any{a.ID}
		b.Rels = append(b.Rels, r)
	}
	return b
}

// WriteJSONL writes articles from, from+1, ... from+n-1 to w as JSON lines
// in the format geokg reads (title, url, published, source, text).
func (g *Generator) WriteJSONL(w io.Writer, from, n int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := from; i < from+n; i++ {
		a, _ := g.Article(i)
		rec := map[string]string{"title": a.Title, "url": a.URL, "published": a.Published, "source": a.Source, "text": a.Text}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("synth: write article %d: %w", i, err)
		}
	}
	return nil
}
