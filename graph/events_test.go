package graph

import (
	"testing"
)

// eventReport is one article's report of the event "event:truce": its
// Article node, the Event with the time the article gives, and MENTIONS.
func eventReport(article, published string, time map[string]any, name ...string) *Batch {
	a := ArticleNode(article, "t "+article, "", published, "")
	props := map[string]any{PropID: "event:truce", PropType: "ceasefire", PropName: "ceasefire: " + article, PropSources: []string{article}}
	if len(name) > 0 {
		props[PropName] = name[0]
	}
	for k, v := range time {
		props[k] = v
	}
	e := Node{ID: "event:truce", Labels: []Label{LabelEvent}, Props: props}
	return &Batch{Nodes: []Node{a, e}, Rels: []Rel{{ID: RelID(RelMentions, a.ID, e.ID), Type: RelMentions, Start: a.Ref(), End: e.Ref(), Props: map[string]any{}}}}
}

func day(d string) map[string]any {
	return map[string]any{PropDate: d, PropDateFrom: d, PropDateTo: d, PropDatePrecision: "day"}
}

func bounds(from, to, prec string) map[string]any {
	return map[string]any{PropDateFrom: from, PropDateTo: to, PropDatePrecision: prec}
}

// Reports of one event merge into one node that lists every article and
// keeps the narrowest time any of them gives, in any order.
func TestMergerEventSourcesAndTime(t *testing.T) {
	reports := []*Batch{
		eventReport("article:b", "2024-05-12", bounds("2024-05-06", "2024-05-12", "week")),
		eventReport("article:a", "2024-05-10", day("2024-05-09"), "ceasefire in Bishkek: article:a"),
		eventReport("article:c", "2024-05-20", nil),
		eventReport("article:d", "2024-05-11", bounds("2024-01-01", "2024-12-31", "year")),
	}
	orders := [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 0, 2, 1}}
	var want string
	for _, order := range orders {
		m := NewMerger()
		for _, i := range order {
			m.Add(reports[i])
		}
		got := dump(m.Batch())
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("order %v gives\n%s\nwant\n%s", order, got, want)
		}
	}
	m := NewMerger()
	for _, r := range reports {
		m.Add(r)
	}
	var ev *Node
	for _, n := range m.Batch().Nodes {
		if n.ID == "event:truce" {
			ev = &n
		}
	}
	if ev == nil {
		t.Fatal("no event:truce")
	}
	// The reports are the articles that mention it: a list of them would
	// grow with every report of a long war.
	if got, ok := ev.Props[PropSources]; ok {
		t.Errorf("sources = %v, want none", got)
	}
	for k, v := range day("2024-05-09") {
		if ev.Props[k] != v {
			t.Errorf("%s = %v, want %v (the day report a gives)", k, ev.Props[k], v)
		}
	}
	// The name: the longest, then the first in text order.
	if ev.Props[PropName] != "ceasefire in Bishkek: article:a" {
		t.Errorf("name = %v, want the longest", ev.Props[PropName])
	}
}

func TestNarrowerTime(t *testing.T) {
	tests := []struct {
		a, b map[string]any
		want bool
	}{
		{day("2024-05-09"), nil, true},
		{nil, day("2024-05-09"), false},
		{day("2024-05-09"), bounds("2024-05-06", "2024-05-12", "week"), true},
		{bounds("2024-05-06", "2024-05-12", "week"), bounds("2024-05-01", "2024-05-31", "month"), true},
		{day("2024-05-08"), day("2024-05-09"), true},
		{day("2024-05-09"), day("2024-05-09"), false},
		// A war since its first day: open-ended, but its start is a day.
		{map[string]any{PropDate: "2020-09-27", PropDateFrom: "2020-09-27", PropDatePrecision: "day"}, bounds("2020-01-01", "2020-12-31", "year"), true},
		// A date alone, as older exports write it: a month is wider than a day.
		{map[string]any{PropDate: "2024-05-09"}, map[string]any{PropDate: "2024-05"}, true},
	}
	for _, tc := range tests {
		if got := NarrowerTime(tc.a, tc.b); got != tc.want {
			t.Errorf("NarrowerTime(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if tc.want && NarrowerTime(tc.b, tc.a) {
			t.Errorf("NarrowerTime(%v, %v) and the reverse are both true", tc.a, tc.b)
		}
	}
}
