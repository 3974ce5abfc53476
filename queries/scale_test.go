package queries

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// The queries about one actor or place read what their answer shows, not
// its whole history: once the history is longer than the answer shows, on
// a graph with ten times the history the same question reads at most 1.5
// times the database hits (PROFILE of the table form, what scripts run).
func TestReadsStayBounded(t *testing.T) {
	db := neo4jtest.DB(t)
	ctx := context.Background()
	tests := []struct {
		name   string
		query  string
		params map[string]string
		// graph is the history at a size: 1, then 10 times as long.
		graph func(times int) []*graph.Batch
	}{
		{
			name: "co-mentions", query: "co-occurring", params: map[string]string{"actor": "Ruritania", "limit": "5"},
			graph: coMentionGraph,
		},
		{
			name: "pairs", query: "pairs", params: map[string]string{"limit": "5"},
			graph: coMentionGraph,
		},
		{
			name: "network of a hub", query: "network", params: map[string]string{"actor": "Ruritania", "limit": "12"},
			graph: networkGraph,
		},
		{
			name: "path from a hub to its leader", query: "shortest-path", params: map[string]string{"a": "Ruritania", "b": "Rudolf Rassendyll"},
			graph: networkGraph,
		},
		{
			name: "events of a week", query: "timeline", params: map[string]string{"name": "Ruritania", "from": "2020-01-05", "to": "2020-01-11"},
			graph: timelineHistoryGraph,
		},
		{
			name: "events of a contested place's week", query: "timeline", params: map[string]string{"name": "Southmarch", "from": "2020-01-05", "to": "2020-01-11"},
			graph: timelineHistoryGraph,
		},
		{
			name: "mediators of a pair's week", query: "mediators", params: map[string]string{"a": "Ruritania", "b": "Ally 01", "from": "2020-01-05", "to": "2020-01-11"},
			graph: timelineHistoryGraph,
		},
		{
			name: "mediators in a place's week", query: "region-mediators", params: map[string]string{"region": "Southmarch", "from": "2020-01-05", "to": "2020-01-11"},
			graph: timelineHistoryGraph,
		},
		{
			name: "articles of a fact", query: "evidence", params: map[string]string{"from": "Ruritania", "to": "Freedonia", "limit": "20"},
			graph: evidenceGraph,
		},
		{
			// Undated reports are listed in every period, so only the dated
			// are asked about here.
			name: "dated reports of a place's fortnight", query: "control-history", params: map[string]string{"region": "Vale", "from": "2020-01-05", "to": "2020-01-18"},
			graph: func(times int) []*graph.Batch {
				return slices.DeleteFunc(controlHistoryGraph(60*times), func(b *graph.Batch) bool { return b.Nodes[0].Props[graph.PropPublished] == nil })
			},
		},
		{
			name: "holders of a place", query: "region-control", params: map[string]string{"region": "Vale", "as_of": "2020-01-20"},
			graph: func(times int) []*graph.Batch { return controlHistoryGraph(60 * times) },
		},
		{
			name: "places of an actor", query: "actor-controls", params: map[string]string{"actor": "Borovia", "as_of": "2020-01-20"},
			graph: func(times int) []*graph.Batch { return controlHistoryGraph(60 * times) },
		},
		{
			name: "leaders of a state", query: "leaders", params: map[string]string{"actor": "Ruritania", "as_of": "2020-01-20"},
			graph: func(times int) []*graph.Batch { return officeHistoryGraph(60 * times) },
		},
		{
			name: "leaders reported by many a day", query: "leaders", params: map[string]string{"actor": "Ruritania"},
			graph: busyOfficeGraph,
		},
		{
			name: "leaders of a period", query: "leaders", params: map[string]string{"actor": "Ruritania", "from": "2019-12-20", "as_of": "2020-01-31"},
			graph: successionGraph,
		},
		{
			name: "holders in a state's places", query: "region-control", params: map[string]string{"region": "Ruritania"},
			graph: heldPlacesGraph,
		},
		{
			name: "events in a state's places' week", query: "timeline", params: map[string]string{"name": "Ruritania", "from": "2020-01-05", "to": "2020-01-11"},
			graph: heldPlacesGraph,
		},
		{
			name: "mediators in a state's places' week", query: "region-mediators", params: map[string]string{"region": "Ruritania", "from": "2020-01-05", "to": "2020-01-11"},
			graph: heldPlacesGraph,
		},
		{
			name: "reports of a state's places", query: "control-history", params: map[string]string{"region": "Ruritania", "depth": "2"},
			graph: heldPlacesGraph,
		},
		{
			name: "reports of a place", query: "control-history", params: map[string]string{"region": "Vale", "limit": "20"},
			graph: func(times int) []*graph.Batch { return controlHistoryGraph(60 * times) },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, plans := map[int]int64{}, map[int]string{}
			for _, size := range []int{1, 10} {
				neo4jtest.Reset(t, db)
				lib := loadGraph(t, db, tt.graph(size))
				q, err := lib.Get(tt.query)
				if err != nil {
					t.Fatal(err)
				}
				bound, err := q.Bind(tt.params)
				if err != nil {
					t.Fatal(err)
				}
				if hits[size], plans[size], err = profile(ctx, db, tt.query, q.TableCypher(), bound); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("%s: %d db hits, %d with ten times the history", tt.query, hits[1], hits[10])
			if float64(hits[10]) > 1.5*float64(hits[1]) {
				t.Errorf("%s reads %d db hits with ten times the history, %d before:\n%s\nbefore:\n%s", tt.query, hits[10], hits[1], plans[10], plans[1])
			}
		})
	}
}

// coMentionGraph names Ruritania with 30 times companions, each in one
// article, and with ten regulars in more, one of them also in a FIGHTS
// relationship: the five most shared are the answer at every size.
func coMentionGraph(times int) []*graph.Batch {
	ru := node(graph.LabelState, "Ruritania")
	var out []*graph.Batch
	for j := 0; j < 30*times; j++ {
		other := node(graph.LabelLeader, fmt.Sprintf("Companion %04d", j))
		n := 1
		if j < 10 {
			n = 30 - j
		}
		for k := 0; k < n; k++ {
			out = append(out, report(fmt.Sprintf("article:co-%d-%d", j, k), "2024-01-01", ru, other))
		}
	}
	b := out[0]
	b.Rels = append(b.Rels, fact(graph.RelFights, ru, b.Nodes[2], "article:co-0-0"))
	return out
}

// networkGraph is Ruritania with a dozen allies, two places and a leader,
// and 30 times talks with one of its allies, each on its own day with a
// mediator: its events are most of its relationships.
func networkGraph(times int) []*graph.Batch {
	ru := node(graph.LabelState, "Ruritania")
	first := report("article:net-0", "2024-01-01", ru)
	for i, name := range []string{"Northmarch", "Southmarch"} {
		place := node(graph.LabelRegion, name)
		first.Nodes = append(first.Nodes, place)
		first.Rels = append(first.Rels, fact(graph.RelControls, ru, place, "article:net-0"))
		if i == 0 {
			first.Rels[len(first.Rels)-1].Props["confidence"] = 0.9
		}
	}
	leader := node(graph.LabelLeader, "Rudolf Rassendyll")
	first.Nodes = append(first.Nodes, leader)
	first.Rels = append(first.Rels, fact(graph.RelRepresents, leader, ru, "article:net-0"))
	out := []*graph.Batch{first}
	for i := 0; i < 12; i++ {
		ally := node(graph.LabelState, fmt.Sprintf("Ally %02d", i))
		id := fmt.Sprintf("article:net-ally-%d", i)
		b := report(id, "2024-01-02", ru, ally)
		b.Rels = append(b.Rels, fact(graph.RelSupports, ru, ally, id))
		out = append(out, b)
	}
	for d := 0; d < 30*times; d++ {
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d).Format("2006-01-02")
		id := fmt.Sprintf("article:net-talks-%d", d)
		ally := node(graph.LabelState, fmt.Sprintf("Ally %02d", d%12))
		broker := node(graph.LabelOrganization, fmt.Sprintf("Broker %d", d%3))
		broker.Props["kind"] = "igo"
		talks := event(graph.HashID("event", id), "talks", "Talks "+day, map[string]any{"date": day})
		b := report(id, day, ru, ally, broker, talks)
		b.Rels = append(b.Rels, fact(graph.RelPartyTo, ru, talks, id), fact(graph.RelPartyTo, ally, talks, id), fact(graph.RelMediates, broker, talks, id))
		out = append(out, b)
	}
	return out
}

// timelineHistoryGraph is networkGraph's daily talks with more kinds of
// time around them: a protest in one of Ruritania's places each month,
// known to the month; a war in a place two sides hold, known since its
// first day; a deal known to its year; talks over six weeks; undated
// talks; and talks its leader takes part in.
func timelineHistoryGraph(times int) []*graph.Batch {
	out := networkGraph(times)
	ru, ally := node(graph.LabelState, "Ruritania"), node(graph.LabelState, "Ally 01")
	north, south := node(graph.LabelRegion, "Northmarch"), node(graph.LabelRegion, "Southmarch")
	leader, broker := node(graph.LabelLeader, "Rudolf Rassendyll"), node(graph.LabelOrganization, "Broker 1")
	broker.Props["kind"] = "igo"
	war := event("event:tlh-war", "armed_conflict", "war in Southmarch", map[string]any{"date": "2020-01-03", "date_from": "2020-01-03", "date_precision": "day"})
	deal := event("event:tlh-deal", "agreement", "deal, 2020", map[string]any{"date": "2020", "date_from": "2020-01-01", "date_to": "2020-12-31", "date_precision": "year"})
	long := event("event:tlh-long", "talks", "talks over six weeks", map[string]any{"date_from": "2020-01-20", "date_to": "2020-03-01", "date_precision": "range"})
	undated := event("event:tlh-undated", "talks", "talks, undated", nil)
	b := report("article:tlh-0", "2020-01-04", ru, ally, north, south, leader, broker, war, deal, long, undated)
	b.Rels = append(b.Rels,
		fact(graph.RelLocatedIn, north, ru, "article:tlh-0"), fact(graph.RelLocatedIn, south, ru, "article:tlh-0"),
		fact(graph.RelControls, ally, south, "article:tlh-0"),
		fact(graph.RelPartyTo, ru, war, "article:tlh-0"), fact(graph.RelPartyTo, ally, war, "article:tlh-0"), fact(graph.RelLocatedIn, war, south, "article:tlh-0"),
		fact(graph.RelPartyTo, leader, deal, "article:tlh-0"), fact(graph.RelPartyTo, ally, deal, "article:tlh-0"), fact(graph.RelMediates, broker, deal, "article:tlh-0"),
		fact(graph.RelPartyTo, ru, long, "article:tlh-0"), fact(graph.RelPartyTo, ally, long, "article:tlh-0"), fact(graph.RelLocatedIn, long, north, "article:tlh-0"),
		fact(graph.RelMediates, node(graph.LabelOrganization, "Broker 2"), long, "article:tlh-0"),
		fact(graph.RelPartyTo, ally, undated, "article:tlh-0"), fact(graph.RelMediates, ru, undated, "article:tlh-0"))
	out = append(out, b)
	for d := 0; d < 30*times; d += 7 {
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d).Format("2006-01-02")
		id := "article:tlh-protest-" + day
		protest := event("event:tlh-protest-"+day[:7], "protest", "protest in Northmarch, "+day[:7], map[string]any{"date": day[:7]})
		b := report(id, day, north, protest)
		b.Rels = append(b.Rels, fact(graph.RelLocatedIn, protest, north, id))
		out = append(out, b)
	}
	return out
}

// controlHistoryGraph is a place with a long history: three actors'
// reports of it on many days, several articles some days, gains and
// losses among them, and undated reports.
func controlHistoryGraph(days int) []*graph.Batch {
	vale := node(graph.LabelRegion, "Vale")
	var out []*graph.Batch
	for i, name := range []string{"Arland", "Borovia", "Cestia"} {
		actor := node(graph.LabelState, name)
		for d := 0; d < days; d++ {
			if (d+i)%(i+1) != 0 {
				continue
			}
			day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d).Format("2006-01-02")
			for k := 0; k <= (d*7+i)%3; k++ {
				published := day
				if (d+k+i)%11 == 0 {
					published = "" // undated
				}
				id := fmt.Sprintf("article:ch-%s-%d-%d", name, d, k)
				b := report(id, published, actor, vale)
				f := fact(graph.RelControls, actor, vale, id)
				f.Props["evidence"] = []string{fmt.Sprintf("%s holds Vale (%d, %d).", name, d, k)}
				switch (d + 2*i + k) % 5 {
				case 0:
					f.Props[graph.PropChange] = "gain"
				case 1:
					f.Props[graph.PropChange] = "lose"
				}
				b.Rels = append(b.Rels, f)
				out = append(out, b)
			}
		}
	}
	return out
}

// evidenceGraph is two states with five relationships between them, each
// with its own history of articles: demands of two kinds (one reported on
// 30 times as many days), fights and support both ways. Some days have
// two articles, some articles no date, no sentence or two sentences, and
// the sentences name both ends, one or neither, with several confidences.
func evidenceGraph(times int) []*graph.Batch {
	ru, fr := node(graph.LabelState, "Ruritania"), node(graph.LabelState, "Freedonia")
	type history struct {
		typ          graph.RelType
		from, to     graph.Node
		demand, verb string
		days         int
	}
	var out []*graph.Batch
	for h, f := range []history{
		{graph.RelDemands, ru, fr, "a ceasefire", "demands a ceasefire of", 30 * times},
		{graph.RelDemands, ru, fr, "border talks", "asks for border talks with", 2},
		{graph.RelFights, ru, fr, "", "fights", 10 * times},
		{graph.RelSupports, fr, ru, "", "backs", 6},
		{graph.RelSupports, ru, fr, "", "backs", 3 * times},
	} {
		id := graph.RelID(f.typ, f.from.ID, f.to.ID)
		if f.demand != "" {
			id = graph.HashID("rel", string(f.typ), f.from.ID, f.to.ID, f.demand)
		}
		for d := 0; d < f.days; d++ {
			for k := 0; k <= (d+h)%3/2; k++ {
				article := fmt.Sprintf("article:ev-%d-%d-%d", h, d, k)
				published := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d).Format(time.DateOnly)
				if (d+k+h)%7 == 3 {
					published = ""
				}
				name := f.from.Props["name"].(string)
				sentences := [][]string{
					{fmt.Sprintf("%s %s %s (%d).", name, f.verb, f.to.Props["name"], d)},
					{fmt.Sprintf("It %s %s, said an official (%d).", f.verb, f.to.Props["name"], d)},
					{},
					{fmt.Sprintf("%s %s them (%d).", name, f.verb, d), fmt.Sprintf("The talks went on (%d, %d).", d, k)},
				}[(d+2*k)%4]
				b := report(article, published, f.from, f.to)
				props := map[string]any{"sources": []string{article}, "evidence": sentences, "confidence": 0.6 + float64((d+k)%4)/10}
				if f.demand != "" {
					props["demand"] = f.demand
				}
				b.Rels = append(b.Rels, graph.Rel{ID: id, Type: f.typ, Start: f.from.Ref(), End: f.to.Ref(), Props: props})
				out = append(out, b)
			}
		}
	}
	return out
}

// heldPlacesGraph is a state with a region inside it, and a town inside
// that, which an actor holds; 30 times talks are held in the region, one
// a day.
func heldPlacesGraph(times int) []*graph.Batch {
	ru, vale, town, arland := node(graph.LabelState, "Ruritania"), node(graph.LabelRegion, "Vale"), node(graph.LabelRegion, "Valetown"), node(graph.LabelState, "Arland")
	first := report("article:held-0", "2020-01-01", ru, vale, town, arland)
	first.Rels = append(first.Rels, fact(graph.RelLocatedIn, vale, ru, "article:held-0"), fact(graph.RelLocatedIn, town, vale, "article:held-0"),
		fact(graph.RelControls, arland, town, "article:held-0"))
	out := []*graph.Batch{first}
	for d := 0; d < 30*times; d++ {
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d).Format(time.DateOnly)
		id := fmt.Sprintf("article:held-%d", d+1)
		talks := event("event:held-"+day, "talks", "talks in Vale "+day, map[string]any{"date": day})
		b := report(id, day, talks, vale, arland)
		b.Rels = append(b.Rels, fact(graph.RelLocatedIn, talks, vale, id), fact(graph.RelPartyTo, arland, talks, id))
		out = append(out, b)
	}
	return out
}

// officeHistoryGraph is a state whose three leaders are reported on
// many days, starting and leaving office among other reports.
func officeHistoryGraph(days int) []*graph.Batch {
	ru := node(graph.LabelState, "Ruritania")
	var out []*graph.Batch
	for i, name := range []string{"Anna Arland", "Boris Borov", "Carla Cest"} {
		leader := node(graph.LabelLeader, name)
		for d := i; d < days; d += 2 {
			day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d).Format(time.DateOnly)
			id := fmt.Sprintf("article:office-%d-%d", i, d)
			b := report(id, day, leader, ru)
			f := fact(graph.RelRepresents, leader, ru, id)
			f.Props["role"] = "President"
			f.Props["evidence"] = []string{fmt.Sprintf("%s leads Ruritania (%d).", name, d)}
			switch (d + i) % 7 {
			case 0:
				f.Props[graph.PropChange] = "start"
			case 3:
				f.Props[graph.PropChange] = "end"
			}
			b.Rels = append(b.Rels, f)
			out = append(out, b)
		}
	}
	return out
}

// successionGraph is a state whose presidents succeed one another, each
// for 30 days (a report that one starts, one that one holds the office,
// one that one left it), the newest from 2020-01-01 back over 3 times
// presidents, and one more known only from an undated report.
func successionGraph(times int) []*graph.Batch {
	ru := node(graph.LabelState, "Ruritania")
	newest := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []*graph.Batch
	add := func(leader graph.Node, id, day, change string) {
		b := report(id, day, leader, ru)
		f := fact(graph.RelRepresents, leader, ru, id)
		f.Props["role"] = "President"
		if change != "" {
			f.Props[graph.PropChange] = change
		}
		b.Rels = append(b.Rels, f)
		out = append(out, b)
	}
	for i := range 3 * times {
		leader := node(graph.LabelLeader, fmt.Sprintf("President %03d", i))
		start := newest.AddDate(0, 0, -30*i)
		for _, r := range []struct {
			days   int
			change string
		}{{0, "start"}, {10, ""}, {29, "end"}} {
			if i == 0 && r.change == "end" {
				r.change = ""
			}
			add(leader, fmt.Sprintf("article:succession-%03d-%d", i, r.days), start.AddDate(0, 0, r.days).Format(time.DateOnly), r.change)
		}
	}
	add(node(graph.LabelLeader, "Undated Usurper"), "article:succession-undated", "", "")
	return out
}

// The leaders of a period are those reported in office in it, current or
// former as of its last day, however long the line before them; without
// a period, every leader, the undated ones last.
func TestLeadersOfAPeriod(t *testing.T) {
	db := neo4jtest.DB(t)
	lib := loadGraph(t, db, successionGraph(2))
	for _, c := range []struct {
		params map[string]string
		want   []string
	}{
		{map[string]string{"from": "2019-12-20", "as_of": "2020-01-31"}, []string{
			"President 000 | current | hold", "President 001 | former | end"}},
		// As of a day inside the period, its later reports do not count.
		{map[string]string{"from": "2019-12-20", "as_of": "2019-12-25"}, []string{
			"President 001 | current | hold"}},
		{map[string]string{"from": "2020-02-01", "as_of": "2020-02-10"}, []string{}},
		{map[string]string{"as_of": "2020-01-31"}, []string{
			"President 000 | current | hold", "President 001 | former | end", "President 002 | former | end",
			"President 003 | former | end", "President 004 | former | end", "President 005 | former | end",
			"Undated Usurper | undated | "}},
	} {
		c.params["actor"] = "Ruritania"
		got := project(t, runNamed(t, db, lib, "leaders", c.params), "leader", "status", "change")
		if !slices.Equal(got, c.want) {
			t.Errorf("leaders %v:\n  %s\nwant\n  %s", c.params, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
		}
	}
}

// busyOfficeGraph is a state whose three leaders are each reported on
// a few days by 4 times articles a day, the newest day's last article
// saying the office ended for one of them.
func busyOfficeGraph(times int) []*graph.Batch {
	ru := node(graph.LabelState, "Ruritania")
	var out []*graph.Batch
	for i, name := range []string{"Anna Arland", "Boris Borov", "Carla Cest"} {
		leader := node(graph.LabelLeader, name)
		for d := range 3 {
			day := time.Date(2020, 1, 1+10*i+d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
			for k := range 4 * times {
				id := fmt.Sprintf("article:busy-%d-%d-%03d", i, d, k)
				b := report(id, day, leader, ru)
				f := fact(graph.RelRepresents, leader, ru, id)
				f.Props["role"] = "President"
				if i == 0 && d == 2 && k == 4*times-1 {
					f.Props[graph.PropChange] = "end"
				}
				b.Rels = append(b.Rels, f)
				out = append(out, b)
			}
		}
	}
	return out
}

// A period that begins on a month's first day reads its own events, not
// those of the month before, which end the day before it: an actor's and a
// place's queries of February read as much when the other talks of the
// graph are January's as when they are June's of the year before. And the
// events that end before the period are passed over in the index, not
// read one by one.
func TestPeriodReadsNotTheMonthBefore(t *testing.T) {
	db := neo4jtest.DB(t)
	ctx := context.Background()
	// monthsGraph is Ruritania in talks, each dated by its month, in
	// Vale: 20 of them in February, 20 in January or, unless january,
	// in June 2019.
	monthsGraph := func(january bool) []*graph.Batch {
		ru, vale := node(graph.LabelState, "Ruritania"), node(graph.LabelRegion, "Vale")
		var out []*graph.Batch
		before := "2019-06"
		if january {
			before = "2020-01"
		}
		for _, month := range []string{before, "2020-02"} {
			for i := range 20 {
				id := fmt.Sprintf("article:%s-%02d", month, i)
				talks := event(fmt.Sprintf("event:talks-%s-%02d", month, i), "talks", fmt.Sprintf("talks %02d, %s", i, month), map[string]any{"date": month})
				b := report(id, month+"-15", ru, vale, talks)
				b.Rels = append(b.Rels, fact(graph.RelPartyTo, ru, talks, id), fact(graph.RelLocatedIn, talks, vale, id))
				out = append(out, b)
			}
		}
		return out
	}
	for _, c := range []struct{ query, name string }{{"timeline", "Ruritania"}, {"timeline", "Vale"}} {
		hits := map[bool]int64{}
		var plans []string
		for _, january := range []bool{false, true} {
			neo4jtest.Reset(t, db)
			lib := loadGraph(t, db, monthsGraph(january))
			q, err := lib.Get(c.query)
			if err != nil {
				t.Fatal(err)
			}
			bound, err := q.Bind(map[string]string{"name": c.name, "from": "2020-02-01", "to": "2020-02-29"})
			if err != nil {
				t.Fatal(err)
			}
			var plan string
			if hits[january], plan, err = profile(ctx, db, c.query, q.TableCypher(), bound); err != nil {
				t.Fatal(err)
			}
			plans = append(plans, plan)
			if strings.Contains(plan, "e.ends") {
				t.Errorf("%s of %s reads each event's end:\n%s", c.query, c.name, plan)
			}
		}
		if hits[true] != hits[false] {
			t.Errorf("%s of %s in February reads %d db hits with January's events, %d with June's:\n%s\nwith June's:\n%s",
				c.query, c.name, hits[true], hits[false], plans[1], plans[0])
		}
	}
}

// Of a fact's reports of one day, the newest article decides (published
// last, then its id last), as the newest of the sources: a leader whose
// last report that day says the office ended is a former one, and one
// whose earlier report that day said so is not.
func TestNewestReportOfADay(t *testing.T) {
	db := neo4jtest.DB(t)
	ru, fr := node(graph.LabelState, "Ruritania"), node(graph.LabelState, "Freedonia")
	anna, boris := node(graph.LabelLeader, "Anna Arland"), node(graph.LabelLeader, "Boris Borov")
	var batches []*graph.Batch
	for _, r := range []struct {
		article, published string
		leader, state      graph.Node
		change             string
	}{
		{"article:b1", "2020-03-02", anna, ru, ""},
		{"article:c1", "2020-03-02", anna, ru, "end"},
		{"article:a1", "2020-03-02", anna, ru, ""},
		{"article:c2", "2020-03-02", boris, fr, ""},
		{"article:b2", "2020-03-02", boris, fr, "end"},
		{"article:d2", "2020-03-01", boris, fr, ""},
	} {
		b := report(r.article, r.published, r.leader, r.state)
		f := fact(graph.RelRepresents, r.leader, r.state, r.article)
		f.Props["role"] = "President"
		if r.change != "" {
			f.Props[graph.PropChange] = r.change
		}
		b.Rels = append(b.Rels, f)
		batches = append(batches, b)
	}
	lib := loadGraph(t, db, batches)
	for _, c := range []struct{ state, want string }{
		{"Ruritania", "Anna Arland | former | end"},
		{"Freedonia", "Boris Borov | current | hold"},
	} {
		got := project(t, runNamed(t, db, lib, "leaders", map[string]string{"actor": c.state, "as_of": "2020-03-05"}), "leader", "status", "change")
		if !slices.Equal(got, []string{c.want}) {
			t.Errorf("leaders of %s: %q, want %q", c.state, got, c.want)
		}
	}
}

// The queries that read only what their answer shows answer as the plain
// reading of the whole history does (testdata/reference, the queries as
// they were before): the same rows, counts, sentences and order, whatever
// the limit, the period and the options, ties at the limit included.
func TestBoundedReadsAnswerAsEveryRead(t *testing.T) {
	db := neo4jtest.DB(t)
	tests := []struct {
		query  string
		graph  []*graph.Batch
		cols   []string
		params []map[string]string
	}{
		{"control-history", controlHistoryGraph(60), []string{"date", "region", "controller", "change", "articles", "evidence", "article"}, []map[string]string{
			{"region": "Vale"},
			{"region": "Vale", "limit": "1"},
			{"region": "Vale", "limit": "7"},
			{"region": "Vale", "limit": "40"},
			{"region": "Vale", "limit": "500"},
			{"region": "Vale", "limit": "10", "holds": "false"},
			{"region": "Vale", "limit": "500", "holds": "false"},
			{"region": "Vale", "limit": "15", "from": "2020-01-20", "to": "2020-02-05"},
		}},
		{"evidence", evidenceGraph(2), []string{"relation", "from", "to", "detail", "sentence", "article", "published"}, []map[string]string{
			{"from": "Ruritania", "to": "Freedonia"},
			{"from": "Ruritania", "to": "Freedonia", "limit": "1"},
			{"from": "Ruritania", "to": "Freedonia", "limit": "7"},
			{"from": "Ruritania", "to": "Freedonia", "limit": "40"},
			{"from": "Ruritania", "to": "Freedonia", "limit": "75"},
			{"from": "Ruritania", "to": "Freedonia", "limit": "1000"},
			{"from": "Ruritania", "to": "Freedonia", "type": "SUPPORTS", "limit": "9"},
			{"from": "Freedonia", "type": "fights", "limit": "12"},
			{"from": "Freedonia", "limit": "30"},
			{"from": "Ruritania", "to": "Freedonia", "type": "DEMANDS", "limit": "65"},
		}},
		{"co-occurring", coMentionGraph(1), []string{"actor", "label", "articles", "relations"}, []map[string]string{
			{"actor": "Ruritania"},
			{"actor": "Ruritania", "limit": "1"},
			{"actor": "Ruritania", "limit": "9"},
			{"actor": "Ruritania", "limit": "12"},
			{"actor": "Ruritania", "limit": "500"},
			{"actor": "Ruritania", "limit": "12", "min_articles": "2"},
			{"actor": "Companion 0003"},
			{"actor": "Companion 0017", "limit": "3"},
		}},
		{"pairs", coMentionGraph(1), []string{"actor", "other", "articles"}, []map[string]string{
			{},
			{"limit": "1"},
			{"limit": "12"},
			{"limit": "12", "min_articles": "1"},
			{"limit": "500", "min_articles": "1"},
		}},
		{"timeline", timelineHistoryGraph(2), []string{"date", "type", "event", "how", "parties", "mediators", "places", "articles"}, []map[string]string{
			{"name": "Ruritania"},
			{"name": "Ruritania", "from": "2020-01-05", "to": "2020-01-11"},
			{"name": "Ruritania", "from": "2020-02-03", "to": "2020-02-03"},
			{"name": "Ruritania", "from": "2020-03-02", "to": "2020-05-31"},
			{"name": "Ruritania", "from": "2020-01-15", "to": "2020-04-30"},
			{"name": "Ruritania", "from": "2021-01-01", "to": "2021-01-31"},
			{"name": "Ruritania", "from": "2019-12-01", "to": "2019-12-31"},
			{"name": "Southmarch", "from": "2020-01-01", "to": "2020-01-07"},
			{"name": "Southmarch"},
			{"name": "Northmarch", "from": "2020-02-10", "to": "2020-02-20"},
			{"name": "Rudolf Rassendyll", "from": "2020-06-01", "to": "2020-06-30"},
			{"name": "Broker 1", "from": "2020-01-28", "to": "2020-02-04"},
			{"name": "Ally 01", "from": "2020-02-25", "to": "2020-03-03"},
			{"name": "Ally 01", "from": "2099-01-01", "to": "2099-01-02"},
		}},
		{"mediators", timelineHistoryGraph(2), []string{"mediator", "label", "events", "event_names", "articles", "last_event"}, []map[string]string{
			{"a": "Ruritania", "b": "Ally 01"},
			{"a": "Ally 01", "b": "Ruritania"},
			{"a": "Ruritania", "b": "Ally 01", "from": "2020-01-05", "to": "2020-01-11"},
			{"a": "Ruritania", "b": "Ally 01", "from": "2020-02-01", "to": "2020-02-29"},
			{"a": "Ruritania", "b": "Ally 01", "from": "2020-01-10", "to": "2020-05-31"},
			{"a": "Ruritania", "b": "Ally 01", "from": "2021-01-01", "to": "2021-01-31"},
			{"a": "Rudolf Rassendyll", "b": "Ally 01", "from": "2020-06-01", "to": "2020-06-30"},
			{"a": "Ally 04", "b": "Rudolf Rassendyll"},
			{"a": "Ruritania", "b": "Ally 04", "from": "2020-01-01", "to": "2020-01-20", "limit": "1"},
		}},
		{"region-mediators", timelineHistoryGraph(2), []string{"mediator", "label", "events", "sides", "event_names", "last_event"}, []map[string]string{
			{"region": "Ruritania"},
			{"region": "Northmarch"},
			{"region": "Southmarch"},
			{"region": "Ruritania", "from": "2020-01-05", "to": "2020-01-11"},
			{"region": "Northmarch", "from": "2020-02-01", "to": "2020-02-29"},
			{"region": "Southmarch", "from": "2020-01-10", "to": "2020-05-31"},
			{"region": "Southmarch", "from": "2021-01-01", "to": "2021-01-31", "limit": "1"},
		}},
		{"network", networkGraph(1), []string{"neighbour", "label", "hops", "via"}, []map[string]string{
			{"actor": "Ruritania"},
			{"actor": "Ruritania", "limit": "12"},
			{"actor": "Ruritania", "limit": "20"},
			{"actor": "Ruritania", "limit": "40", "min_confidence": "0.85"},
			{"actor": "Ally 03"},
			{"actor": "Ally 03", "limit": "5"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			neo4jtest.Reset(t, db)
			lib := loadGraph(t, db, tt.graph)
			text, err := os.ReadFile("testdata/reference/" + tt.query + ".cypher")
			if err != nil {
				t.Fatal(err)
			}
			every, err := Parse(tt.query, string(text))
			if err != nil {
				t.Fatal(err)
			}
			q, err := lib.Get(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			for _, params := range tt.params {
				bound, err := q.Bind(params)
				if err != nil {
					t.Fatal(err)
				}
				got, err := RunTable(context.Background(), db, q, bound)
				if err != nil {
					t.Fatal(err)
				}
				want, err := RunTable(context.Background(), db, every, bound)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := project(t, got, tt.cols...), project(t, want, tt.cols...); !slices.Equal(g, w) {
					t.Errorf("%v: %d rows\n  %s\nwant (every report read) %d rows\n  %s", params, len(g), strings.Join(g, "\n  "), len(w), strings.Join(w, "\n  "))
				}
			}
		})
	}
}
