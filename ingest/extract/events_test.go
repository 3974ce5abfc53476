package extract

import (
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
)

// eventFacts are an article's events as comparable strings:
// "talks 2024-03-15", "armed_conflict from 2023-09-21", "ceasefire @Doha".
func eventFacts(t *testing.T, text, published string) map[string]bool {
	t.Helper()
	x := testExtractor(t)
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text, Published: published})
	name := map[string]string{}
	typ := map[string]string{}
	out := map[string]bool{}
	for _, n := range b.Nodes {
		name[n.ID], _ = n.Props[graph.PropName].(string)
		if n.Label() != graph.LabelEvent {
			continue
		}
		ty := n.Props[graph.PropType].(string)
		typ[n.ID] = ty
		out[ty] = true
		if d, ok := n.Props[graph.PropDate].(string); ok {
			out[ty+" "+d] = true
		}
		if f, ok := n.Props[graph.PropDateFrom].(string); ok {
			to, _ := n.Props[graph.PropDateTo].(string)
			out[ty+" from "+f+" to "+to] = true
		}
	}
	for _, r := range b.Rels {
		if r.Type == graph.RelLocatedIn && typ[r.Start.ID] != "" {
			out[typ[r.Start.ID]+" @"+name[r.End.ID]] = true
			out[typ[r.Start.ID]+" @"+name[r.End.ID]+" "+graph.Strings(r.Props["rule"])[0]] = true
		}
	}
	return out
}

type eventCase struct {
	name, text, published string
	want, notWant         []string
}

func checkEvents(t *testing.T, tests []eventCase) {
	t.Helper()
	for _, tc := range tests {
		got := eventFacts(t, tc.text, tc.published)
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%s: no %q in %s", tc.name, w, dump(got))
			}
		}
		for _, w := range tc.notWant {
			if got[w] {
				t.Errorf("%s: %q in %s", tc.name, w, dump(got))
			}
		}
	}
}

// TestEventDates checks which event each time expression dates.
func TestEventDates(t *testing.T) {
	const pub = "2024-03-15" // a Friday
	checkEvents(t, []eventCase{
		{name: "the event word's own time",
			text: "Mali and the Azawad Liberation Front held talks in Doha on Friday.", published: pub,
			want: []string{"talks 2024-03-15"}},
		{name: "a day event's time is a day, bounds too",
			text: "Mali and the Azawad Liberation Front held talks in Doha last week.", published: pub,
			want: []string{"talks from 2024-03-04 to 2024-03-10"}, notWant: []string{"talks 2024-03-04"}},
		{name: "the time of the event's verb: a war since the day it began",
			text: "The fighting between Mali and the Azawad Liberation Front, which began on Monday, has killed dozens.", published: pub,
			want: []string{"armed_conflict 2024-03-11", "armed_conflict from 2024-03-11 to "}},
		{name: "a verb of saying dates a day event when nothing else does",
			text: "Mali and the Azawad Liberation Front have agreed to a ceasefire, Algeria said on Wednesday.", published: pub,
			want: []string{"ceasefire 2024-03-13"}},
		{name: "a verb of saying does not date a war",
			text: "Fighting between Mali and the Azawad Liberation Front went on, officials said on Wednesday.", published: pub,
			notWant: []string{"armed_conflict 2024-03-13"}},
		{name: "another verb keeps its time",
			text: "Algeria imposed sanctions on Mali. Mali rejected the sanctions, ignoring the warnings Algeria had issued Monday.", published: pub,
			want: []string{"sanctions"}, notWant: []string{"sanctions 2024-03-11"}},
		{name: "a truce that held is no date of it",
			text: "A truce between Mali and the Azawad Liberation Front held on Thursday after Algeria said late on Wednesday that it had brokered a ceasefire between them.", published: pub,
			want: []string{"ceasefire 2024-03-13"}, notWant: []string{"ceasefire 2024-03-14"}},
		{name: "a day event takes a day over a year",
			text: "Mali and the Azawad Liberation Front signed a ceasefire on Saturday. The truce of a year ago had collapsed within weeks.", published: pub,
			want: []string{"ceasefire 2024-03-09"}},
		{name: "a war of the story's past is another event, with its own years",
			text: "Fighting between Mali and the Azawad Liberation Front broke out on Tuesday, the heaviest since the end of the 2015 war between Mali and the Azawad Liberation Front.", published: pub,
			want: []string{"armed_conflict 2024-03-12", "armed_conflict from 2015-01-01 to 2015-12-31"}},
		{name: "a war of a past year alone keeps its year from the story's war",
			text: "Fighting between Mali and the Azawad Liberation Front broke out on Tuesday. The 2015 war had ended in a truce.", published: pub,
			want: []string{"armed_conflict 2024-03-12"}, notWant: []string{"armed_conflict from 2015-01-01 to 2015-12-31"}},
		{name: "no publication date: only explicit dates",
			text: "Mali and the Azawad Liberation Front held talks in Doha on Friday.",
			want: []string{"talks"}, notWant: []string{"talks 2024-03-15"}},
		{name: "no publication date: a day and month take the year the article gives the month",
			text: "The March war of 2011 between Mali and the Azawad Liberation Front is remembered. The war lasted from March 3 to March 9.",
			want: []string{"armed_conflict 2011-03-03"}},
		{name: "a when-clause after a range dates its event with the range's end",
			text: "The fighting between Mali and the Azawad Liberation Front lasted from March 3 to March 9, 2011, when a ceasefire was signed.",
			want: []string{"ceasefire 2011-03-09", "armed_conflict 2011-03-03"}},
		{name: "a truce's day is the day it was made, not the day it takes effect",
			text: "Mali and the Azawad Liberation Front signed a ceasefire late on Saturday. The truce is due to take effect on Monday.", published: pub,
			want: []string{"ceasefire 2024-03-09"}, notWant: []string{"ceasefire 2024-03-18"}},
		{name: "a truce's day is the day it took effect, not the day it was announced",
			text: "A ceasefire between Mali and the Azawad Liberation Front came into force on Wednesday. Algeria announced the deal on Tuesday.", published: pub,
			want: []string{"ceasefire 2024-03-13"}},
		{name: "the first talks since a year are not that year's",
			text: "Mali and the Azawad Liberation Front held their first talks since 2022 in Geneva on Friday.", published: pub,
			want: []string{"talks 2024-03-15"}},
		{name: "talks are dated where their sides meet",
			text: "Mali and the Azawad Liberation Front agreed to more talks, Algeria said on Thursday. Delegations from both sides met in Geneva on Monday.", published: pub,
			want: []string{"talks 2024-03-11", "talks @Geneva " + rulePlaceMeeting}},
		{name: "talks only asked for are no event",
			text: "Mali asked the Azawad Liberation Front on Friday to restart negotiations.", published: pub,
			notWant: []string{"talks"}},
		{name: "talks held are",
			text: "Mali and the Azawad Liberation Front restarted negotiations on Friday.", published: pub,
			want: []string{"talks 2024-03-15"}},
		{name: "a dateline's date dates nothing",
			text: "BAMAKO, March 14 - Mali and the Azawad Liberation Front held talks.", published: pub,
			want: []string{"talks"}, notWant: []string{"talks 2024-03-14"}},
		{name: "a dateline's date, with its agency, dates nothing",
			text: "BAMAKO, Mali, March 14 (Sahel Wire) - Mali and the Azawad Liberation Front held talks.", published: pub,
			want: []string{"talks"}, notWant: []string{"talks 2024-03-14"}},
		{name: "a date a year back",
			text: "The war between Mali and the Azawad Liberation Front began on Oct. 8 last year.", published: pub,
			want: []string{"armed_conflict 2023-10-08"}},
	})
}

// TestEventPlaces checks each place rule with an example and a
// counter-example.
func TestEventPlaces(t *testing.T) {
	const pub = "2024-03-15"
	checkEvents(t, []eventCase{
		{name: rulePlaceAfter,
			text: "Mali and the Azawad Liberation Front held talks in Geneva on Friday.", published: pub,
			want: []string{"talks @Geneva " + rulePlaceAfter}},
		{name: rulePlaceAfter + " through the sides",
			text: "A meeting between Mali's president and the leader of the Azawad Liberation Front in Geneva ended without agreement.", published: pub,
			want: []string{"talks @Geneva"}},
		{name: rulePlaceAfter + " not a place of another noun",
			text: "A prisoner exchange between Mali and the Azawad Liberation Front was brokered by Qatar, officials in Doha said.", published: pub,
			want: []string{"prisoner_exchange"}, notWant: []string{"prisoner_exchange @Doha"}},
		{name: rulePlaceAfter + " through a counterpart and during another event",
			text: "Mali's foreign minister raised the border dispute when he saw his Algerian counterpart for a meeting with the Azawad Liberation Front during a summit in Geneva.", published: pub,
			want: []string{"talks @Geneva " + rulePlaceAfter}},
		{name: rulePlaceBefore,
			text: "The Geneva talks between Mali and the Azawad Liberation Front ended on Friday.", published: pub,
			want: []string{"talks @Geneva " + rulePlaceBefore}},
		{name: rulePlaceBefore + " not what a deal is about",
			text: "Mali and the Azawad Liberation Front signed the Black Sea grain deal on Friday.", published: pub,
			want: []string{"agreement"}, notWant: []string{"agreement @Black Sea"}},
		{name: rulePlaceVerb + " before",
			text: "Mali and the Azawad Liberation Front met in Geneva on Friday for talks.", published: pub,
			want: []string{"talks @Geneva " + rulePlaceVerb}},
		{name: rulePlaceVerb + " after",
			text: "Talks between Mali and the Azawad Liberation Front on a ceasefire in Kidal opened in Geneva on Monday.", published: pub,
			want: []string{"talks @Geneva " + rulePlaceVerb, "ceasefire @Kidal"}, notWant: []string{"talks @Kidal"}},
		{name: rulePlaceSeized,
			text: "The capture of Kidal by the Azawad Liberation Front came after three days of clashes with Malian troops.", published: pub,
			want: []string{"armed_conflict @Kidal " + rulePlaceSeized}},
		{name: rulePlaceSeized + " through a town's modifiers and an object's place",
			text: "Azawad Liberation Front fighters overran an army camp in the desert trading town of Kidal in an attack on Monday.", published: pub,
			want: []string{"attack @Kidal " + rulePlaceSeized}},
		{name: rulePlaceTalks,
			text: "Mali and the Azawad Liberation Front agreed to a ceasefire on Friday. Their talks in Geneva had lasted three days.", published: pub,
			want: []string{"ceasefire @Geneva " + rulePlaceTalks}},
		{name: rulePlaceTalks + " not at another time",
			text: "Mali and the Azawad Liberation Front held talks in Geneva on Friday. They recalled the ceasefire between Mali and the Azawad Liberation Front of 2015.", published: pub,
			notWant: []string{"ceasefire @Geneva"}},
		{name: rulePlaceStory,
			text: "Fighting between Mali and the Azawad Liberation Front went on. Rebels shelled Kidal on Tuesday. Troops struck rebel positions near Kidal.", published: pub,
			want: []string{"armed_conflict @Kidal " + rulePlaceStory}},
		{name: rulePlaceStory + " not where someone speaks",
			text: "Fighting between Mali and the Azawad Liberation Front went on, officials said in Gao. Officials said in Gao that troops had struck rebel positions.", published: pub,
			notWant: []string{"armed_conflict @Gao"}},
		{name: rulePlaceCountry,
			text: "Fighting between Mali and the Azawad Liberation Front went on in the north.", published: pub,
			want: []string{"armed_conflict @Mali " + rulePlaceCountry}},
		{name: rulePlaceWithin,
			text: "Mali and the Azawad Liberation Front held talks in Geneva, hosted by Switzerland.", published: pub,
			want: []string{"talks @Geneva " + rulePlaceAfter, "talks @Switzerland " + rulePlaceWithin}},
		{name: rulePlaceWithin + " only for a state the article names",
			text: "Mali and the Azawad Liberation Front held talks in Geneva.", published: pub,
			notWant: []string{"talks @Switzerland"}},
		{name: rulePlaceStory + " not a dateline",
			text: "GAO - Fighting between Mali and the Azawad Liberation Front went on. Rebels shelled Kidal on Tuesday. Troops struck rebel positions near Kidal.", published: pub,
			want: []string{"armed_conflict @Kidal " + rulePlaceStory}, notWant: []string{"armed_conflict @Gao"}},
		{name: rulePlaceMeeting,
			text: "Mali and the Azawad Liberation Front held talks on Saturday. Delegations from both sides met in Geneva.", published: pub,
			want: []string{"talks @Geneva " + rulePlaceMeeting}},
		{name: rulePlaceDateline,
			text: "GENEVA - Talks between Mali and the Azawad Liberation Front ended on Thursday without agreement.", published: pub,
			want: []string{"talks @Geneva " + rulePlaceDateline}},
		{name: rulePlaceDateline + " not for talks only recalled",
			text: "GENEVA - Mali and the Azawad Liberation Front agreed to a truce after talks mediated by Qatar.", published: pub,
			notWant: []string{"talks @Geneva", "ceasefire @Geneva"}},
	})
}

// TestStoryPlaceTie checks that of two places fought over as often, the
// one named first places the story's fighting, every time: the scores
// are kept in a map, whose order differs from run to run.
func TestStoryPlaceTie(t *testing.T) {
	const text = "Fighting between Mali and the Azawad Liberation Front went on. Rebels shelled Kidal and Gao on Tuesday. Troops struck rebel positions near Kidal and Gao."
	for range 20 {
		got := eventFacts(t, text, "2024-03-15")
		if !got["armed_conflict @Kidal "+rulePlaceStory] || got["armed_conflict @Gao "+rulePlaceStory] {
			t.Fatalf("want the fighting at Kidal alone: %s", dump(got))
		}
	}
}

// TestEventIdentity checks that reports of one event agree on its id and
// that other events do not share it.
func TestEventIdentity(t *testing.T) {
	x := testExtractor(t)
	idOf := func(text, published, typ string) string {
		b := x.Extract(&article.Article{ID: article.ID(text), Text: text, Published: published})
		for _, n := range b.Nodes {
			if n.Label() == graph.LabelEvent && n.Props[graph.PropType] == typ {
				return n.ID
			}
		}
		t.Fatalf("no %s event in %q", typ, text)
		return ""
	}
	truce := []string{
		idOf("Mali and the Azawad Liberation Front agreed to a ceasefire on Thursday.", "2024-03-15", "ceasefire"),
		idOf("The truce that Mali and the Azawad Liberation Front agreed on Thursday held overnight.", "2024-03-16", "ceasefire"),
		idOf("Officials said the ceasefire Mali and the Azawad Liberation Front agreed on March 14 still held.", "2024-03-20", "ceasefire"),
	}
	for _, id := range truce[1:] {
		if id != truce[0] {
			t.Errorf("reports of one truce: ids %v", truce)
		}
	}
	talks := func(text string) string { return idOf(text, "2024-03-15", "talks") }
	if talks("Mali and the Azawad Liberation Front held talks in Geneva on Friday.") == talks("Mali and the Azawad Liberation Front held talks in Doha on Friday.") {
		t.Error("talks in two cities share an id")
	}
	if idOf("Mali and the Azawad Liberation Front held talks in Geneva on Friday.", "2024-03-15", "talks") == idOf("Mali and the Azawad Liberation Front held talks in Geneva on Friday.", "2024-04-12", "talks") {
		t.Error("talks a month apart share an id")
	}
	// Undated reports in one week agree; in the next, they do not.
	undated := func(pub string) string {
		return idOf("Mali and the Azawad Liberation Front are holding talks in Geneva.", pub, "talks")
	}
	if undated("2024-03-11") != undated("2024-03-15") || undated("2024-03-15") == undated("2024-03-18") {
		t.Error("undated reports: one id per week of publication")
	}
	// A war the reports give no time is the one between its sides, in any
	// report; one the text dates is that year's.
	war := func(text, pub string) string { return idOf(text, pub, "armed_conflict") }
	if war("Fighting between Mali and the Azawad Liberation Front went on.", "") != war("Fighting between Mali and the Azawad Liberation Front went on.", "2024-03-15") {
		t.Error("reports of a war with no time: two ids")
	}
	if war("Fighting between Mali and the Azawad Liberation Front went on.", "") == war("The 2012 war between Mali and the Azawad Liberation Front went on.", "") {
		t.Error("a war of a year and a war with no time share an id")
	}
	// Without a publication date, nothing ties two undated reports of
	// talks.
	if idOf("Mali and the Azawad Liberation Front are holding talks in Geneva.", "", "talks") == idOf("Talks between Mali and the Azawad Liberation Front are going on in Geneva.", "", "talks") {
		t.Error("undated articles share an event")
	}
}

// TestMediatorEvidence checks that a mediation's evidence opens with the
// sentence that names the mediator, not the event's first sentence.
func TestMediatorEvidence(t *testing.T) {
	const mediator = "The deal capped weeks of shuttle diplomacy by Qatar."
	text := "Mali and the Azawad Liberation Front signed a truce in Gao on Friday. The truce takes effect on Sunday. " + mediator
	b := testExtractor(t).Extract(&article.Article{ID: article.ID(text), Text: text, Published: "2024-03-17"})
	for _, ev := range firstEvidence(t, b, graph.RelMediates, "Qatar") {
		if ev != mediator {
			t.Errorf("MEDIATES Qatar evidence %q, want %q first", ev, mediator)
		}
	}
}

// A war's sides, read from a sentence that names no sides with it, are
// two actors on either side of the word: one before it, one after.
func TestWarSidesFlankTheWar(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text string
		a, b string
		want bool
	}{
		{"The Azawad Liberation Front demands an end to the war and the withdrawal of Malian troops.", "Azawad Liberation Front", "Mali", true},
		{"Malian troops pressed on with the war against the Azawad Liberation Front.", "Azawad Liberation Front", "Mali", true},
		{"Kidal fell after two days of clashes with Malian troops and Falcon Group fighters.", "Mali", "Falcon Group", false},
		{"Malian forces backed by U.S. air strikes retook the town.", "Mali", "United States", false},
		{"Malian troops and the Malian Armed Forces pressed on with the war against Algeria.", "Mali", "Malian Armed Forces", false},
	}
	for _, tc := range tests {
		d := x.analyze(&article.Article{ID: "t", Text: tc.text, Published: "2024-03-15"})
		var war *trigger
		for _, tr := range d.triggers() {
			if d.x.lex.kind(tr.typ).fighting == fightingIs {
				war = &tr
				break
			}
		}
		if war == nil {
			t.Errorf("%q: no war", tc.text)
			continue
		}
		var a, b *entity
		for _, e := range d.ents {
			switch e.name {
			case tc.a:
				a = e
			case tc.b:
				b = e
			}
		}
		if a == nil || b == nil {
			t.Errorf("%q: no %s or no %s", tc.text, tc.a, tc.b)
			continue
		}
		if got := d.flank(*war, a, b); got != tc.want {
			t.Errorf("%q: %s and %s flank the war: %v, want %v", tc.text, tc.a, tc.b, got, tc.want)
		}
	}
}
