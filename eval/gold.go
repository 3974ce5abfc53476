// Package eval measures extraction against hand-made gold graphs: it
// counts true positives, false positives and false negatives for entities
// (per label), relations (per type), events and the date and place of
// matched events, and reports precision,
// recall and F1 per key and micro-averaged over each kind.
//
// The rules are those of the evaluation script that ships with the gold
// data (score.py) and give the same figures on the same predictions: names
// compared after Norm, alternative labels and optional entries, MEDIATES
// read as (mediator, party) pairs through the Event's PARTY_TO sides,
// FIGHTS matched either way round, events matched on type and a shared side,
// each prediction standing for an unused required gold item before an
// optional or a used one.
package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Gold is the hand-made graph of one article.
type Gold struct {
	Article   string     `json:"article,omitempty"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`

	byName      map[string][]int // normalized surface -> entities bearing it, in file order
	indexOfName map[string]int   // exact canonical name -> last entity bearing it
}

// Entity is a gold Leader, State, Region or Organization.
type Entity struct {
	Type     string   `json:"type"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	AltTypes []string `json:"alt_types,omitempty"`
	Kind     string   `json:"kind,omitempty"`
	// Optional entities count neither for nor against an extractor.
	Optional Truth `json:"optional,omitempty"`
}

// Relation is a gold relationship. From and To list entity names, any of
// which is accepted as that endpoint.
type Relation struct {
	Type     string   `json:"type"`
	From     []string `json:"from"`
	To       []string `json:"to"`
	Role     string   `json:"role,omitempty"`
	Demand   string   `json:"demand,omitempty"`
	Optional Truth    `json:"optional,omitempty"`
}

// Event is a gold event. Parties is nil when the gold file gives none, and
// then any predicted event of the same type matches it.
type Event struct {
	Type      string   `json:"type"`
	Parties   []string `json:"parties"`
	Mediators []string `json:"mediators,omitempty"`
	Location  []string `json:"location,omitempty"`
	Date      string   `json:"date,omitempty"`
	Optional  Truth    `json:"optional,omitempty"`
}

// Truth is a JSON flag read the way the gold format's reference scorer
// reads it: false, null, 0, "", [] and {} are false, anything else true.
type Truth bool

// UnmarshalJSON implements json.Unmarshaler.
func (t *Truth) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*t = Truth(truthy(v))
	return nil
}

// LoadGold reads and checks the gold file at path.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	g, err := ParseGold(data)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return g, nil
}

// ParseGold decodes a gold file and checks that every relation endpoint
// and event party names an entity.
func ParseGold(data []byte) (*Gold, error) {
	g := &Gold{}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(g); err != nil {
		return nil, fmt.Errorf("not a gold graph: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("not a gold graph: data after the JSON object")
	}
	if err := g.index(); err != nil {
		return nil, err
	}
	return g, nil
}

func (g *Gold) index() error {
	g.byName = map[string][]int{}
	g.indexOfName = map[string]int{}
	for i, e := range g.Entities {
		if e.Type == "" || e.Name == "" {
			return fmt.Errorf("entity %d: type and name are required", i+1)
		}
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			k := Norm(s)
			if !slices.Contains(g.byName[k], i) {
				g.byName[k] = append(g.byName[k], i)
			}
		}
		g.indexOfName[e.Name] = i
	}
	for i, r := range g.Relations {
		if r.Type == "" || len(r.From) == 0 || len(r.To) == 0 {
			return fmt.Errorf("relation %d: type, from and to are required", i+1)
		}
		for _, n := range append(append([]string{}, r.From...), r.To...) {
			if _, ok := g.indexOfName[n]; !ok {
				return fmt.Errorf("relation %d (%s) names %q, which is not an entity name", i+1, r.Type, n)
			}
		}
	}
	for i, ev := range g.Events {
		if ev.Type == "" {
			return fmt.Errorf("event %d: type is required", i+1)
		}
		for _, n := range ev.Parties {
			if _, ok := g.indexOfName[n]; !ok {
				return fmt.Errorf("event %d (%s) names party %q, which is not an entity name", i+1, ev.Type, n)
			}
		}
	}
	return nil
}

// typeOK reports whether label is entity i's type or one of its alt_types.
func (g *Gold) typeOK(i int, label string) bool {
	e := &g.Entities[i]
	if e.Type == label {
		return true
	}
	for _, t := range e.AltTypes {
		if t == label {
			return true
		}
	}
	return false
}

// match returns the entity that the first of names to denote one of the
// right label denotes; label "" accepts any label. A surface two entities
// share denotes the first of them whose type fits.
func (g *Gold) match(names []string, label string) (int, bool) {
	for _, s := range names {
		for _, i := range g.byName[Norm(s)] {
			if label == "" || g.typeOK(i, label) {
				return i, true
			}
		}
	}
	return 0, false
}

// ids are the entities a list of canonical names denotes; index has
// checked that every name exists.
func (g *Gold) ids(names []string) map[int]bool {
	out := make(map[int]bool, len(names))
	for _, n := range names {
		out[g.indexOfName[n]] = true
	}
	return out
}

// Norm is the form names are compared in: accents and case removed, a
// possessive "'s" dropped, punctuation runs turned into single spaces, and
// a leading "the" removed ("The Kremlin's" and "kremlin" agree).
func Norm(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		p := norm.NFKD.PropertiesString(s[i:])
		n := p.Size()
		if n == 0 {
			n = 1
		}
		if p.CCC() == 0 {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	s = strings.ToLower(b.String())
	s = strings.ReplaceAll(s, "\u2019", "'")
	s = strings.ReplaceAll(s, "'s ", " ")
	b.Reset()
	gap := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteByte(c)
		} else {
			gap = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}
