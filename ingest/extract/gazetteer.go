package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/geokg/geokg/ingest/gazetteer"
)

// surfaceKind says how a dictionary surface denotes its entry.
type surfaceKind int

const (
	surfName    surfaceKind = iota // canonical name or alias
	surfMetonym                    // a capital or seat standing for a state
	surfDemonym                    // an adjective or noun of its people
)

type hit struct {
	entry *gazetteer.Entry
	kind  surfaceKind
}

// surfaceIndex finds dictionary surfaces in token sequences: a trie over
// the tokens of each surface, and a map from each surface, its tokens
// joined by spaces, to its entries.
type surfaceIndex struct {
	surfaces map[string][]hit
	root     *surfaceNode
	maxLen   int
}

// surfaceNode is one token of the surfaces in the trie.
type surfaceNode struct {
	next map[string]*surfaceNode
	hits []hit // the entries of the surface that ends here
}

// dottedAcronyms are the acronyms news also spells with periods.
var dottedAcronyms = map[string]string{"UN": "U.N.", "US": "U.S.", "UK": "U.K.", "EU": "E.U."}

// insert adds the surface of tokens parts for entry e.
func (g *surfaceIndex) insert(parts []string, e *gazetteer.Entry, k surfaceKind) {
	key := strings.Join(parts, " ")
	for _, h := range g.surfaces[key] {
		if h.entry == e {
			return
		}
	}
	g.surfaces[key] = append(g.surfaces[key], hit{e, k})
	g.maxLen = max(g.maxLen, len(parts))
	n := g.root
	for _, p := range parts {
		c := n.next[p]
		if c == nil {
			c = &surfaceNode{next: map[string]*surfaceNode{}}
			n.next[p] = c
		}
		n = c
	}
	n.hits = append(n.hits, hit{e, k})
}

func (x *Extractor) buildGazetteer(d *gazetteer.Dict) *surfaceIndex {
	g := &surfaceIndex{surfaces: map[string][]hit{}, root: &surfaceNode{next: map[string]*surfaceNode{}}}
	add := func(s string, e *gazetteer.Entry, k surfaceKind) {
		s = strings.TrimSpace(s)
		if low := strings.ToLower(s); strings.HasPrefix(low, "the ") {
			s = s[4:]
		}
		if s == "" {
			return
		}
		toks := x.tokenize(s)
		parts := make([]string, 0, len(toks))
		dotted := make([]string, 0, len(toks))
		for _, t := range toks {
			parts = append(parts, t.Text)
			dotted = append(dotted, cmp.Or(dottedAcronyms[t.Text], t.Text))
		}
		g.insert(parts, e, k)
		// "U.N. Support Mission in Libya" for "UN Support Mission in
		// Libya": news spells these acronyms with periods too.
		if !slices.Equal(parts, dotted) {
			g.insert(dotted, e, k)
		}
	}
	for _, e := range d.Entries {
		add(e.Name, e, surfName)
		for _, a := range e.Aliases {
			add(a, e, surfName)
		}
		for _, m := range e.Metonyms {
			add(m, e, surfMetonym)
		}
		for _, dn := range e.Demonyms {
			add(dn, e, surfDemonym)
		}
	}
	return g
}

// match returns the longest dictionary surface starting at toks[i]: its
// length in tokens and its hits (several when a surface is ambiguous).
// Tokens are matched as written, or by their Key (an all-caps word in
// title case), as written first.
func (g *surfaceIndex) match(toks []token, i int) (int, []hit) {
	text, key := g.root, g.root
	bestN, best := 0, []hit(nil)
	for k := i; k < len(toks) && k < i+g.maxLen && toks[k].Sent == toks[i].Sent; k++ {
		if text != nil {
			text = text.next[toks[k].Text]
		}
		if key != nil {
			key = key.next[toks[k].Key]
		}
		switch {
		case text != nil && len(text.hits) > 0:
			bestN, best = k-i+1, text.hits
		case key != nil && len(key.hits) > 0:
			bestN, best = k-i+1, key.hits
		}
		if text == nil && key == nil {
			break
		}
	}
	return bestN, best
}

// lookup returns the hits for one exact surface.
func (g *surfaceIndex) lookup(s string) []hit { return g.surfaces[s] }
