package extract

import (
	"github.com/geokg/geokg/graph"
)

// resolveNominals links noun phrases that refer back to a named actor ("the
// rebels", "the bloc", "the region") to the nearest fitting entity.
func (d *doc) resolveNominals() {
	lx := d.x.lex
	for i := 0; i < len(d.toks); i++ {
		if d.at[i] != nil || d.toks[i].Sent < 0 {
			continue
		}
		det := i > 0 && (d.low(i-1) == "the" || d.low(i-1) == "its" || d.low(i-1) == "their")
		for n := 2; n >= 1; n-- {
			if i+n > len(d.toks) || !d.sameSent(i, i+n-1) {
				continue
			}
			target, ok := lx.nominals[d.lowJoin(i, i+n)]
			if !ok {
				continue
			}
			// Bare plurals ("Rebels who seized Goma") refer too; bare
			// singulars ("a region") do not.
			if !det && target != "armed_group" {
				break
			}
			if !det && d.low(i) != "rebels" && d.low(i) != "militants" && d.low(i) != "insurgents" {
				break
			}
			if e := d.antecedent(i, target); e != nil {
				d.addMention(&mention{ent: e, from: i, to: i + n, kind: mNominal})
			} else if target == "dyad" {
				d.ments = append(d.ments, &mention{from: i, to: i + n, sent: d.toks[i].Sent, kind: mNominal})
			}
			i += n - 1
			break
		}
	}
}

// antecedent is the entity a nominal of the given target refers to: the
// nearest fitting one mentioned before token i, else the first after it.
func (d *doc) antecedent(i int, target string) *entity {
	fits := func(e *entity) bool {
		if !e.real {
			return false
		}
		switch target {
		case "armed_group", "igo", "party", "government_body":
			return e.label == graph.LabelOrganization && e.kind == target
		case "organization":
			return e.label == graph.LabelOrganization
		case "state":
			return e.label == graph.LabelState
		case "region", "city":
			return e.label == graph.LabelRegion
		}
		return false
	}
	// "the region", "the enclave": a disputed territory when the story has
	// one, rather than a city or a sea named in passing.
	if target == "region" {
		disputed := func(e *entity) bool {
			if e.entry == nil {
				return false
			}
			switch e.entry.Kind {
			case "disputed", "breakaway", "occupied":
				return true
			}
			return false
		}
		for _, m := range d.ments {
			if m.ent != nil && fits(m.ent) && disputed(m.ent) {
				old := fits
				fits = func(e *entity) bool { return old(e) && disputed(e) }
				break
			}
		}
	}
	var best *entity
	bestPos := -1
	for _, m := range d.ments {
		if m.ent == nil || !fits(m.ent) {
			continue
		}
		if m.from < i && m.from > bestPos {
			best, bestPos = m.ent, m.from
		}
	}
	if best != nil {
		return best
	}
	for _, m := range d.ments {
		if m.ent != nil && fits(m.ent) && m.from > i {
			return m.ent
		}
	}
	return nil
}
