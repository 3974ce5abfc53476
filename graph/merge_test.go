package graph

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"reflect"
	"strings"
	"testing"
)

// article builds one article's batch: its node, the entities it mentions
// and one SUPPORTS relationship between the first two entities.
func article(id, published string, conf float64, evidence string, entities ...Node) *Batch {
	a := Node{ID: id, Labels: []Label{LabelArticle}, Props: map[string]any{"id": id, "title": "t " + id, "url": "", "published": published}}
	b := &Batch{Nodes: []Node{a}}
	for _, e := range entities {
		b.Nodes = append(b.Nodes, e)
		b.Rels = append(b.Rels, Rel{ID: RelID(RelMentions, id, e.ID), Type: RelMentions, Start: a.Ref(), End: e.Ref(), Props: map[string]any{}})
	}
	if len(entities) >= 2 {
		s, e := entities[0], entities[1]
		b.Rels = append(b.Rels, Rel{ID: RelID(RelSupports, s.ID, e.ID), Type: RelSupports, Start: s.Ref(), End: e.Ref(),
			Props: map[string]any{"sources": []any{id}, "evidence": []any{evidence}, "confidence": conf}})
	}
	return b
}

func state(name string, aliases ...any) Node {
	id := EntityID(LabelState, name)
	return Node{ID: id, Labels: []Label{LabelState}, Props: map[string]any{"id": id, "name": name, "aliases": aliases}}
}

func dump(b *Batch) string {
	var buf bytes.Buffer
	if err := NewJSONLWriter(&buf).Write(b); err != nil {
		panic(err)
	}
	return buf.String()
}

func TestMergerOrderIndependent(t *testing.T) {
	batches := []*Batch{
		article("article:1", "2024-03-01", 0.6, "Ruritania backs Freedonia.", state("Ruritania", "Ruritanian Republic"), state("Freedonia")),
		article("article:2", "2024-01-15", 0.5, "Freedonia gets arms from Ruritania.", state("Ruritania"), state("Freedonia", "Fredonia")),
		article("article:3", "", 0.9, "Ruritania funds Freedonia.", state("Ruritania", "Ruritanian Republic", "RR"), state("Freedonia")),
	}
	orders := [][]int{{0, 1, 2}, {2, 1, 0}, {1, 0, 2}, {0, 1, 2, 0, 1, 2}, {2, 2, 0, 1}}
	var want string
	for _, order := range orders {
		m := NewMerger()
		for _, i := range order {
			m.Add(batches[i])
		}
		got := dump(m.Batch())
		if want == "" {
			want = got
			continue
		}
		if got != want {
			t.Errorf("order %v gives\n%s\nwant\n%s", order, got, want)
		}
	}
	m := NewMerger()
	for _, b := range batches {
		m.Add(b)
	}
	g := m.Batch()
	var rr *Node
	for i := range g.Nodes {
		if g.Nodes[i].ID == "state:ruritania" {
			rr = &g.Nodes[i]
		}
	}
	if rr == nil {
		t.Fatal("no state:ruritania")
	}
	if got := rr.Props[PropAliases]; !reflect.DeepEqual(got, []string{"RR", "Ruritanian Republic"}) {
		t.Errorf("aliases = %v", got)
	}
	if rr.Props[PropFirstSeen] != "2024-01-15" || rr.Props[PropLastSeen] != "2024-03-01" {
		t.Errorf("first/last seen = %v/%v", rr.Props[PropFirstSeen], rr.Props[PropLastSeen])
	}
	var sup *Rel
	for i := range g.Rels {
		if g.Rels[i].Type == RelSupports {
			sup = &g.Rels[i]
		}
	}
	wantConf := 1 - (1-0.6)*(1-0.5)*(1-0.9)
	if c := sup.Props[PropConfidence].(float64); math.Abs(c-wantConf) > 1e-12 {
		t.Errorf("confidence = %v, want %v", c, wantConf)
	}
	if s := sup.Props[PropSources]; !reflect.DeepEqual(s, []string{"article:1", "article:2", "article:3"}) {
		t.Errorf("sources = %v", s)
	}
}

func TestMergerSameSourceTwiceKeepsConfidence(t *testing.T) {
	b := article("article:1", "2024-03-01", 0.6, "Ruritania backs Freedonia.", state("Ruritania"), state("Freedonia"))
	m := NewMerger()
	m.Add(b)
	m.Add(b)
	m.Add(b)
	for _, r := range m.Batch().Rels {
		if r.Type == RelSupports && r.Props[PropConfidence] != 0.6 {
			t.Errorf("confidence after the same article thrice = %v, want 0.6", r.Props[PropConfidence])
		}
	}
}

func TestMergerEvidenceCapped(t *testing.T) {
	m := NewMerger()
	for i := 9; i >= 0; i-- {
		m.Add(article(fmt.Sprintf("article:%d", i), "2024-01-01", 0.5, fmt.Sprintf("sentence %d", i), state("A"), state("B")))
	}
	for _, r := range m.Batch().Rels {
		if r.Type != RelSupports {
			continue
		}
		want := []string{"sentence 0", "sentence 1", "sentence 2", "sentence 3", "sentence 4"}
		if !reflect.DeepEqual(r.Props[PropEvidence], want) {
			t.Errorf("evidence = %v, want %v", r.Props[PropEvidence], want)
		}
		if n := len(r.Props[PropSources].([]string)); n != 10 {
			t.Errorf("%d sources, want 10", n)
		}
	}
}

func TestMergerNewestArticleSetsScalars(t *testing.T) {
	mk := func(id, published, kind string) *Batch {
		b := article(id, published, 0.5, "x", state("A"))
		org := Node{ID: "org:x", Labels: []Label{LabelOrganization}, Props: map[string]any{"id": "org:x", "name": "X", "kind": kind}}
		b.Nodes = append(b.Nodes, org)
		return b
	}
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		bs := []*Batch{mk("article:old", "2020-01-01", "other"), mk("article:new", "2024-01-01", "igo")}
		m := NewMerger()
		for _, i := range order {
			m.Add(bs[i])
		}
		for _, n := range m.Batch().Nodes {
			if n.ID == "org:x" && n.Props["kind"] != "igo" {
				t.Errorf("order %v: kind = %v, want the newer article's igo", order, n.Props["kind"])
			}
		}
	}
}

func TestSpreadConfidence(t *testing.T) {
	for _, c := range []float64{0, 0.3, 0.75, 1} {
		for _, n := range []int{1, 2, 5} {
			if got := noisyOr(spreadConfidence(c, n)); math.Abs(got-c) > 1e-9 {
				t.Errorf("noisyOr(spread(%v, %d)) = %v", c, n, got)
			}
		}
	}
}

// timed returns n with its property k set to v.
func timed(n Node, k string, v any) Node {
	n.Props = maps.Clone(n.Props)
	n.Props[k] = v
	return n
}

func TestValidate(t *testing.T) {
	ok := article("article:1", "2024-01-01", 0.5, "e", state("A"), state("B"))
	tests := []struct {
		name   string
		change func(b *Batch)
		want   string // substring of the error; "" for valid
	}{
		{"valid", func(b *Batch) {}, ""},
		{"unknown label", func(b *Batch) { b.Nodes[1].Labels = []Label{"Person"} }, "label"},
		{"label injection", func(b *Batch) { b.Nodes[1].Labels = []Label{"State", "X`) DETACH DELETE n //"} }, "invalid extra label"},
		{"unknown type", func(b *Batch) { b.Rels[2].Type = "LOVES" }, "type"},
		{"no id", func(b *Batch) { b.Nodes[1].ID = "" }, "without id"},
		{"no sources", func(b *Batch) { delete(b.Rels[2].Props, "sources") }, "no sources"},
		{"no confidence", func(b *Batch) { delete(b.Rels[2].Props, "confidence") }, "confidence"},
		{"confidence range", func(b *Batch) { b.Rels[2].Props["confidence"] = 1.5 }, "outside"},
		{"map property", func(b *Batch) { b.Nodes[1].Props["x"] = map[string]any{"a": 1} }, "cannot be stored"},
		{"mixed list", func(b *Batch) { b.Nodes[1].Props["x"] = []any{"a", 1.0} }, "mixes"},
		{"bad property name", func(b *Batch) { b.Nodes[1].Props["a b"] = "x" }, "property name"},
		{"id mismatch", func(b *Batch) { b.Nodes[1].Props["id"] = "state:other" }, "differs"},
		{"event type", func(b *Batch) { b.Nodes = append(b.Nodes, event("war_games")) }, `unknown event type "war_games"`},
		{"event without type", func(b *Batch) { b.Nodes = append(b.Nodes, event("")) }, `unknown event type ""`},
		{"valid event", func(b *Batch) { b.Nodes = append(b.Nodes, event("talks")) }, ""},
		{"event month", func(b *Batch) { b.Nodes = append(b.Nodes, timed(event("talks"), PropDate, "2024-05")) }, ""},
		{"event year", func(b *Batch) { b.Nodes = append(b.Nodes, timed(event("talks"), PropDate, "2024")) }, ""},
		{"event date not ISO", func(b *Batch) { b.Nodes = append(b.Nodes, timed(event("talks"), PropDate, "May 2024")) }, "not an ISO date"},
		{"event day out of range", func(b *Batch) { b.Nodes = append(b.Nodes, timed(event("talks"), PropDate, "2024-02-30")) }, "not an ISO date"},
		{"event bound a month", func(b *Batch) { b.Nodes = append(b.Nodes, timed(event("talks"), PropDateFrom, "2024-05")) }, "not an ISO date"},
		{"event bound a number", func(b *Batch) { b.Nodes = append(b.Nodes, timed(event("talks"), PropDateTo, 20240501.0)) }, "not an ISO date"},
		{"event ends before it begins", func(b *Batch) {
			b.Nodes = append(b.Nodes, timed(timed(event("talks"), PropDateFrom, "2024-05-06"), PropDateTo, "2024-05-01"))
		}, "is before"},
		{"organization kind", func(b *Batch) { b.Nodes = append(b.Nodes, org("club")) }, `unknown organization kind "club"`},
		{"organization without kind", func(b *Batch) { b.Nodes = append(b.Nodes, org("")) }, `unknown organization kind ""`},
		{"valid organization", func(b *Batch) { b.Nodes = append(b.Nodes, org("igo")) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := copyBatch(ok)
			tt.change(b)
			err := Validate(b)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate = %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func copyBatch(b *Batch) *Batch {
	var buf bytes.Buffer
	if err := NewJSONLWriter(&buf).Write(b); err != nil {
		panic(err)
	}
	c, err := ReadJSONL(&buf)
	if err != nil {
		panic(err)
	}
	return c
}

func event(typ string) Node {
	return Node{ID: "event:x", Labels: []Label{LabelEvent}, Props: map[string]any{"id": "event:x", "name": "x", "type": typ}}
}

func org(kind string) Node {
	return Node{ID: "org:x", Labels: []Label{LabelOrganization}, Props: map[string]any{"id": "org:x", "name": "X", "kind": kind}}
}

// Each article's change of a fact stays on its Evidence, with the day it
// is about; the relationship takes the newest article's change, and a
// change's date only with its change.
func TestMergerKeepsEachArticlesChange(t *testing.T) {
	with := func(b *Batch, change, date string) *Batch {
		p := b.Rels[len(b.Rels)-1].Props
		p[PropChange] = change
		if date != "" {
			p[PropChangeDate] = date
		}
		return b
	}
	older := with(article("article:1", "2024-03-12", 0.8, "Ruritania seized Freedonia on March 10.", state("Ruritania"), state("Freedonia")), "gain", "2024-03-10")
	newer := with(article("article:2", "2024-05-02", 0.8, "Ruritania holds Freedonia.", state("Ruritania"), state("Freedonia")), "hold", "")
	undated := with(article("article:3", "", 0.8, "Ruritania holds Freedonia.", state("Ruritania"), state("Freedonia")), "hold", "")
	for _, order := range [][]*Batch{{older, newer, undated}, {undated, newer, older}, {newer, undated, older, newer}} {
		m := NewMerger()
		for _, b := range order {
			m.Add(b)
		}
		out := m.Batch()
		var rel *Rel
		for i := range out.Rels {
			if out.Rels[i].Type == RelSupports {
				rel = &out.Rels[i]
			}
		}
		if rel.Props[PropChange] != "hold" || rel.Props[PropChangeDate] != nil {
			t.Errorf("relationship: change %v, change_date %v; want hold and none", rel.Props[PropChange], rel.Props[PropChangeDate])
		}
		seen := map[string]string{}
		for _, n := range out.Nodes {
			if n.Label() == LabelEvidence {
				seen[n.Props[PropArticle].(string)] = fmt.Sprint(n.Props[PropChange], " ", n.Props[PropChangeDate], " ", n.Props[PropObserved], " ", n.Props[PropUndated])
			}
		}
		// An undated article's observation has no day, and says so for
		// the index of a fact's undated observations.
		want := map[string]string{"article:1": "gain 2024-03-10 2024-03-10 <nil>", "article:2": "hold <nil> 2024-05-02 <nil>", "article:3": "hold <nil> <nil> true"}
		if !reflect.DeepEqual(seen, want) {
			t.Errorf("evidence: %v, want %v", seen, want)
		}
	}
}
