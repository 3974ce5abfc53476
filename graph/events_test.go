package graph

import (
	"bytes"
	"fmt"
	"slices"
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
	// Its sources are the articles that mention it, newest first.
	if got := Strings(ev.Props[PropSources]); !slices.Equal(got, []string{"article:c", "article:b", "article:d", "article:a"}) {
		t.Errorf("sources = %v, want the four reports newest first", got)
	}
	if got := ev.Props[PropSourceCount]; got != int64(4) {
		t.Errorf("source_count = %v, want 4", got)
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

// An event reported by more articles than sources holds keeps the newest
// and counts them all, once each, in any order; the Exporter agrees.
func TestEventSourcesBounded(t *testing.T) {
	var reports []*Batch
	for i := range MaxSources + 3 {
		reports = append(reports, eventReport(fmt.Sprintf("article:%02d", i), fmt.Sprintf("2024-06-%02d", 1+i%7), nil))
	}
	reports = append(reports, eventReport("article:undated", "", nil))
	merge := func(order []int) *Batch {
		m := NewMerger()
		for _, i := range order {
			m.Add(reports[i])
		}
		// The same article again adds nothing.
		m.Add(reports[order[0]])
		return m.Batch()
	}
	var fwd, back []int
	for i := range reports {
		fwd = append(fwd, i)
		back = append(back, len(reports)-1-i)
	}
	want := merge(fwd)
	if got := merge(back); dump(got) != dump(want) {
		t.Errorf("loading order changes the event:\n%s\nwant\n%s", dump(got), dump(want))
	}
	var ev Node
	for _, n := range want.Nodes {
		if n.ID == "event:truce" {
			ev = n
		}
	}
	if got := ev.Props[PropSourceCount]; got != int64(len(reports)) {
		t.Errorf("source_count = %v, want %d", got, len(reports))
	}
	sources, dates := Strings(ev.Props[PropSources]), Strings(ev.Props[PropSourcePublished])
	if len(sources) != MaxSources || len(dates) != MaxSources {
		t.Fatalf("sources = %v (%v), want the %d newest", sources, dates, MaxSources)
	}
	// Newest first; between articles of one day, the id that sorts last.
	if sources[0] != "article:13" && sources[0] != "article:06" || dates[0] != "2024-06-07" || slices.Contains(sources, "article:undated") {
		t.Errorf("sources = %v (%v), want the newest first and no undated article", sources, dates)
	}
	for i := 1; i < len(dates); i++ {
		if dates[i] > dates[i-1] {
			t.Errorf("source_published = %v, not newest first", dates)
		}
	}

	x, err := NewExporter(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, r := range append(reports, reports[0]) {
		if err := x.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.WriteJSONL(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSONL(&buf)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range got.Nodes {
		if n.ID == "event:truce" {
			found = true
			if dump(&Batch{Nodes: []Node{n}}) != dump(&Batch{Nodes: []Node{ev}}) {
				t.Errorf("the Exporter's event differs from the Merger's:\n%v\nwant\n%v", n.Props, ev.Props)
			}
		}
	}
	if !found {
		t.Error("the Exporter wrote no event:truce")
	}
}
