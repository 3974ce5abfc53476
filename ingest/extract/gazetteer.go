package extract

import (
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

// surfaceIndex finds dictionary surfaces in token sequences: a map from the
// tokens of each surface, joined, to its entries.
type surfaceIndex struct {
	surfaces map[string][]hit
	maxLen   int
}

func (x *Extractor) buildGazetteer(d *gazetteer.Dict) *surfaceIndex {
	g := &surfaceIndex{surfaces: map[string][]hit{}}
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
		for _, t := range toks {
			parts = append(parts, t.Text)
		}
		key := strings.Join(parts, " ")
		for _, h := range g.surfaces[key] {
			if h.entry == e {
				return
			}
		}
		g.surfaces[key] = append(g.surfaces[key], hit{e, k})
		g.maxLen = max(g.maxLen, len(parts))
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
func (g *surfaceIndex) match(toks []token, i int) (int, []hit) {
	for n := min(g.maxLen, len(toks)-i); n >= 1; n-- {
		if toks[i+n-1].Sent != toks[i].Sent {
			continue
		}
		var b, alt strings.Builder
		caps := false
		for k := i; k < i+n; k++ {
			if k > i {
				b.WriteByte(' ')
				alt.WriteByte(' ')
			}
			b.WriteString(toks[k].Text)
			alt.WriteString(toks[k].Key)
			caps = caps || toks[k].Key != toks[k].Text
		}
		if hs, ok := g.surfaces[b.String()]; ok {
			return n, hs
		}
		if caps {
			if hs, ok := g.surfaces[alt.String()]; ok {
				return n, hs
			}
		}
	}
	return 0, nil
}

// lookup returns the hits for one exact surface.
func (g *surfaceIndex) lookup(s string) []hit { return g.surfaces[s] }
