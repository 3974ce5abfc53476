package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// A round-up tells several stories, each under a heading that names its
// country or actors: in capitals ("LEBANON. The ceasefire ...", "CONGO AND
// RWANDA. A summit ...", "SYRIA – Rebels ...", "SUDAN: A PAPER PROMISE")
// or on a short line of its own ("Sudan: a war without a table").
// Each story has its own sides, mediators and events: Angola's mediation
// between Congo and Rwanda is not of the Lebanese truce told next.

// story is a run of sentences [from, to) told as one story; lead is its
// first sentence past a heading that stands alone ("LEBANON.").
type story struct{ from, to, lead int }

// stories are the article's stories: one for the whole text, or, in a
// round-up with at least two headings, the text before the first heading
// and one story from each heading to the next.
func (d *doc) stories() []story {
	if d.storyList == nil {
		d.storyList = d.findStories()
	}
	return d.storyList
}

func (d *doc) findStories() []story {
	var heads []int
	named := map[string]bool{}
	for si := d.leadSent() + 1; si < len(d.sents); si++ {
		if name := d.storyHeading(si); name != "" {
			heads = append(heads, si)
			named[name] = true
		}
	}
	if len(heads) < 2 || len(named) < 2 {
		return []story{{0, len(d.sents), 0}}
	}
	out := []story{{0, heads[0], 0}}
	for i, h := range heads {
		end := len(d.sents)
		if i+1 < len(heads) {
			end = heads[i+1]
		}
		lead := h
		if d.headingAlone(h) && h+1 < end {
			lead = h + 1
		}
		out = append(out, story{h, end, lead})
	}
	return out
}

// storyHeading is what a heading in capitals opening the paragraph of
// sentence si names first (a state, place or body the gazetteer knows),
// or "" when it opens none. A heading ends at a full stop, a colon or a
// dash, or with its line; a subheading that names no one ("A DISPUTED
// COUNT") heads no story of its own, and a dateline ("NAIROBI, Nov 3 –")
// has a comma.
func (d *doc) storyHeading(si int) string {
	s := d.sents[si]
	if s.From == 0 || d.toks[s.From-1].Text != "\n" {
		return ""
	}
	for k := s.From; k < s.To; k++ {
		switch t := d.toks[k]; {
		case t.Text == "." || t.Text == ":" || isDash(t.Text) || t.Text == "\n":
			if k == s.From {
				return ""
			}
			return d.headingName(s.From)
		case !isWordRune([]rune(t.Text)[0]) || !isAllCaps(t.Text):
			return d.headingLine(si)
		}
	}
	return d.headingName(s.From)
}

// headingLine is what a short line of its own without a full stop names
// first ("Ethiopia and Somalia: the Ankara détente"), or "".
func (d *doc) headingLine(si int) string {
	s := d.sents[si]
	if s.To < len(d.toks) && d.toks[s.To].Text != "\n" {
		return ""
	}
	words := 0
	for k := s.From; k < s.To; k++ {
		switch t := d.toks[k]; {
		case t.Text == "." || t.Text == "!" || t.Text == "?" || t.Text == "\n":
			return ""
		case isWordRune([]rune(t.Text)[0]):
			words++
		}
	}
	if words > 10 {
		return ""
	}
	return d.headingName(s.From)
}

// headingName is the name the gazetteer knows that a heading's words at
// token k open ("CONGO AND RWANDA", "CONGO–RWANDA": Congo), other than a
// person's or a demonym, or "".
func (d *doc) headingName(k int) string {
	// ("Russian muscle, Turkish drones": a demonym heads a part of one
	// story.)
	if n, hits := d.x.gaz.match(d.toks, k); n > 0 && slices.ContainsFunc(hits, func(h hit) bool { return h.entry.Label != graph.LabelLeader && h.kind != surfDemonym }) {
		return hits[0].entry.Name
	}
	first, _, _ := strings.Cut(d.toks[k].Text, "–")
	first, _, _ = strings.Cut(first, "-")
	for _, h := range d.x.gaz.lookup(titleCase(strings.ToLower(first))) {
		if h.entry.Label != graph.LabelLeader && h.kind != surfDemonym {
			return h.entry.Name
		}
	}
	return ""
}

// has reports whether sentence si is one of the story's.
func (s story) has(si int) bool { return si >= s.from && si < s.to }

// firstToken is the story's first token: 0 for the article's first.
func (s story) firstToken(d *doc) int {
	if s.from == 0 {
		return 0
	}
	return d.sents[s.from].From
}

// triggers are those of trigs in the story's sentences.
func (s story) triggers(trigs []trigger) []trigger {
	var out []trigger
	for _, t := range trigs {
		if s.has(t.sent) {
			out = append(out, t)
		}
	}
	return out
}

// mediators are those of ms the story names, with the sentences it names
// them in.
func (s story) mediators(ms []*entity, sents map[*entity][]int) ([]*entity, map[*entity][]int) {
	var out []*entity
	in := map[*entity][]int{}
	for _, m := range ms {
		for _, si := range sents[m] {
			if s.has(si) {
				in[m] = append(in[m], si)
			}
		}
		if len(in[m]) > 0 {
			out = append(out, m)
		}
	}
	return out, in
}

// inStoryLead reports whether the story's heading or first sentence names
// e; for the article's first story, its headline or first sentence.
func (d *doc) inStoryLead(s story, e *entity) bool {
	if s.from == 0 {
		return d.inLead(e)
	}
	for k := d.sents[s.from].From; k < d.sents[s.lead].To; k++ {
		if m := d.at[k]; m != nil && m.ent == e {
			return true
		}
	}
	return false
}

// headingAlone reports whether sentence si is a heading and nothing more
// ("LEBANON.", "SUDAN: A PAPER PROMISE").
func (d *doc) headingAlone(si int) bool {
	s := d.sents[si]
	for k := s.From; k < s.To; k++ {
		if t := d.toks[k]; t.Text == "\n" {
			return false
		} else if isWordRune([]rune(t.Text)[0]) && !isAllCaps(t.Text) {
			return false
		}
	}
	return true
}

// storyStart is the first token of the story that holds token k.
func (d *doc) storyStart(k int) int {
	si := d.toks[k].Sent
	for _, st := range d.stories() {
		if st.has(si) {
			return d.sents[st.from].From
		}
	}
	return 0
}

// storyState is the state a round-up's story after the first names most
// often, for "the government" or "the military" at token k ("MYANMAR –
// ... the military's last outpost"), or nil in the first story or a story
// that names no state.
func (d *doc) storyState(k int) *entity {
	stories := d.stories()
	if len(stories) == 1 {
		return nil
	}
	si := d.toks[k].Sent
	for _, st := range stories[1:] {
		if !st.has(si) {
			continue
		}
		var best *entity
		n := map[*entity]int{}
		for p := d.sents[st.from].From; p < d.sents[st.to-1].To; p++ {
			if m := d.mentionAt(p); m != nil && m.from == p && m.ent != nil && m.ent.label == graph.LabelState {
				n[m.ent]++
				if best == nil || n[m.ent] > n[best] {
					best = m.ent
				}
			}
		}
		return best
	}
	return nil
}
