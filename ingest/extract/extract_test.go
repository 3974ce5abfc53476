package extract

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/geokg/geokg/ingest/source"
)

var (
	testOnce sync.Once
	testX    *Extractor
	testErr  error
)

// testExtractor is built once over the test gazetteer in testdata, so that
// the tests do not depend on the built-in dictionary's contents.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	testOnce.Do(func() {
		f, err := os.Open("testdata/dict.tsv")
		if err != nil {
			testErr = err
			return
		}
		defer f.Close()
		d := &gazetteer.Dict{}
		if testErr = d.Read(f, "testdata/dict.tsv"); testErr != nil {
			return
		}
		testX, testErr = New(d)
	})
	if testErr != nil {
		t.Fatal(testErr)
	}
	return testX
}

// facts is a batch reduced to comparable strings: "State Mali",
// "CONTROLS Azawad Liberation Front -> Kidal", "Event talks".
func facts(b *graph.Batch) map[string]bool {
	name := nodeNames(b, "event:")
	out := map[string]bool{}
	for _, n := range b.Nodes {
		switch n.Label() {
		case graph.LabelArticle:
		case graph.LabelEvent:
			out["Event "+n.Props["type"].(string)] = true
			if dt, ok := n.Props["date"].(string); ok {
				out["Event "+n.Props["type"].(string)+" "+dt] = true
			}
		default:
			out[string(n.Label())+" "+name[n.ID]] = true
		}
	}
	for _, r := range b.Rels {
		if r.Type == graph.RelMentions {
			continue
		}
		out[string(r.Type)+" "+name[r.Start.ID]+" -> "+name[r.End.ID]] = true
	}
	return out
}

// nodeNames names each node of b: an entity by its name, an event by its
// type after eventPrefix.
func nodeNames(b *graph.Batch, eventPrefix string) map[string]string {
	name := map[string]string{}
	for _, n := range b.Nodes {
		if n.Label() == graph.LabelEvent {
			name[n.ID] = eventPrefix + n.Props[graph.PropType].(string)
		} else if s, ok := n.Props[graph.PropName].(string); ok {
			name[n.ID] = s
		}
	}
	return name
}

func extractText(t *testing.T, text, published string) map[string]bool {
	t.Helper()
	x := testExtractor(t)
	a := &article.Article{ID: article.ID(text), Text: text, Published: published}
	return facts(x.Extract(a))
}

func TestPatterns(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published string
		want      []string
		notWant   []string
	}{
		{
			name:    "a demand in the first person is its speaker's, for \"we\" the body he speaks for",
			text:    "Amadou Traore, a spokesman for the Azawad Liberation Front, spoke in Kidal. \"We demand that Mali withdraw its troops from Kidal,\" Traore said.",
			want:    []string{"DEMANDS Azawad Liberation Front -> Mali"},
			notWant: []string{"DEMANDS Amadou Traore -> Mali"},
		},
		{
			name:    "other first-person words in a quotation are rhetoric or memory",
			text:    "Amadou Traore, a spokesman for the Azawad Liberation Front, spoke in Kidal. \"We fought the Falcon Group when the world needed us,\" Traore said.",
			want:    []string{"REPRESENTS Amadou Traore -> Azawad Liberation Front"},
			notWant: []string{"FIGHTS Azawad Liberation Front -> Falcon Group"},
		},
		{
			name: "a speaker named before the quotation",
			text: "Amadou Traore, a spokesman for the Azawad Liberation Front, told reporters in Kidal: \"We demand that Mali withdraw its troops from Kidal.\"",
			want: []string{"DEMANDS Azawad Liberation Front -> Mali"},
		},
		{
			name: "\"I\" is the speaker himself",
			text: "Opposition leader Karim Benali spoke in Gao. \"I demand that Algeria release the prisoners,\" he said.",
			want: []string{"DEMANDS Karim Benali -> Algeria"},
		},
		{
			name:    "a first-person quotation without a speaker is no one's demand",
			text:    "Opposition leader Karim Benali spoke in Gao, where protesters carried banners reading \"We demand that Algeria release the prisoners\".",
			want:    []string{"Leader Karim Benali"},
			notWant: []string{"DEMANDS Karim Benali -> Algeria"},
		},
		{
			name: "what is taken by force is a place",
			text: "Fighters of the Falcon Group captured Tessalit on Monday. Mali said on Friday its forces had regained control of Aguelhok.",
			want: []string{"Region Tessalit", "CONTROLS Falcon Group -> Tessalit", "Region Aguelhok", "CONTROLS Mali -> Aguelhok"},
		},
		{
			name:    "a man seized is no place, nor a building stormed",
			text:    "Ahmed Qahtan, a senior leader of the Falcon Group, was freed on Monday. The Azawad Liberation Front seized Qahtan in 2015. Soldiers stormed State House in Bamako.",
			want:    []string{"Organization Falcon Group"},
			notWant: []string{"Region Qahtan", "Region State"},
		},
		{
			name:    "a confederation and a jury are bodies",
			text:    "The Confederation of Indigenous Nationalities of Mali (CONAIM) was represented by its president, Moussa Traore. The National Jury of Elections rejected the appeal.",
			want:    []string{"Organization Confederation of Indigenous Nationalities of Mali", "REPRESENTS Moussa Traore -> Confederation of Indigenous Nationalities of Mali", "Organization National Jury of Elections"},
			notWant: []string{"REPRESENTS Moussa Traore -> Mali"},
		},
		{
			name:    "who leads a body is its, whatever his nationality",
			text:    "The observer mission of the Economic Community of West African States, led by Algerian diplomat Omar Haddad, said the vote in Mali was clean.",
			want:    []string{"REPRESENTS Omar Haddad -> Economic Community of West African States"},
			notWant: []string{"REPRESENTS Omar Haddad -> Algeria"},
		},
		{
			name:    "an office named after each name of a list is its own",
			text:    "Lieutenant General Omar Haddad of Algeria and Major General Amadou Traore of Mali spoke by hotline.",
			want:    []string{"REPRESENTS Omar Haddad -> Algeria", "REPRESENTS Amadou Traore -> Mali"},
			notWant: []string{"REPRESENTS Amadou Traore -> Algeria"},
		},
		{
			name:    "a cabinet secretary serves no armed group, a movement's secretary does",
			text:    "Mali and the Azawad Liberation Front agreed to talk. Defence Secretary Amadou Traore said the rebels had been weakened. Omar Haddad, the movement's secretary for external relations, said talks would go on.",
			want:    []string{"Leader Amadou Traore", "REPRESENTS Omar Haddad -> Azawad Liberation Front"},
			notWant: []string{"REPRESENTS Amadou Traore -> Azawad Liberation Front"},
		},
		{
			name:    "a people's compound before a place's noun is no place; a hyphenated name is",
			text:    "Fighting spread from the Tuareg-majority province of Kidal to the town of Saut-d'Eau, the Azawad Liberation Front said.",
			want:    []string{"Region Saut-d'Eau"},
			notWant: []string{"Region Tuareg-majority"},
		},
		{
			name:    "a prime cabinet secretary is an office, not a cabinet",
			text:    "Algerian Prime Cabinet Secretary Omar Haddad, who chaired the final session, said Mali and the Azawad Liberation Front had agreed.",
			want:    []string{"REPRESENTS Omar Haddad -> Algeria"},
			notWant: []string{"Organization Algerian Prime Cabinet"},
		},
		{
			name:    "the dead hold no office and leave a shared surname to the living",
			text:    "The Azawad Liberation Front, led by Karim Benali, son of the late commander Moussa Ag Benali, said its fighters had entered Kidal. On Wednesday Benali demanded that Mali withdraw its troops from Kidal.",
			want:    []string{"DEMANDS Karim Benali -> Mali", "REPRESENTS Karim Benali -> Azawad Liberation Front"},
			notWant: []string{"REPRESENTS Moussa Ag Benali -> Azawad Liberation Front"},
		},
		{
			name:    "\"his foreign minister\" serves his state, not the bloc he chairs",
			text:    "ECOWAS met in Doha. Algeria's President Karim Benali, who chairs the regional bloc, sent his foreign minister, Omar Haddad, to the talks.",
			want:    []string{"REPRESENTS Omar Haddad -> Algeria"},
			notWant: []string{"REPRESENTS Omar Haddad -> Economic Community of West African States"},
		},
		{
			name:    "a minister of no owner named is the state's, not a group's named nearby",
			text:    "Malian troops retook Gao on Sunday. The push began at dawn, according to Deputy Information Minister Omar Haddad, who said 60 fighters of the Azawad Liberation Front were killed.",
			want:    []string{"REPRESENTS Omar Haddad -> Mali"},
			notWant: []string{"REPRESENTS Omar Haddad -> Azawad Liberation Front"},
		},
		{
			name:    "\"its\" in a fronted phrase is the main clause's subject's",
			text:    "Mali closed the road to Kidal. In a statement signed by its spokesman, Amadou Traore, the Azawad Liberation Front demanded that the army withdraw.",
			want:    []string{"REPRESENTS Amadou Traore -> Azawad Liberation Front"},
			notWant: []string{"REPRESENTS Amadou Traore -> Mali"},
		},
		{
			name:    "\"the military\" of a junta story whose state it does not say is the state of its places",
			text:    "Russia said on Monday that Russian instructors would stay in Mali. Moscow has sent hundreds of Russian advisers since the junta took power, and Russia says they do not fight. The junta's hold on the north is weak, but the military still holds Gao, Kidal and Menaka.",
			want:    []string{"CONTROLS Mali -> Gao"},
			notWant: []string{"CONTROLS Russia -> Gao"},
		},
		{
			name:    "\"army spokesman X\" speaks for the armed forces the story names, not an actor named near him",
			text:    "The Malian army retook Gao on Monday. After talks with Algeria, army spokesman Souleymane Dembele said the ALF had fled.",
			want:    []string{"REPRESENTS Souleymane Dembele -> Malian Armed Forces"},
			notWant: []string{"REPRESENTS Souleymane Dembele -> Algeria"},
		},
		{
			name: "a possessor after a fronted phrase's comma is the subject's, not an apposition's",
			text: "On Monday, Algeria's government demanded that Mali withdraw its troops from Kidal.",
			want: []string{"DEMANDS Algeria -> Mali"},
		},
		{
			name: "a possessor after a fronted place's comma is the subject's",
			text: "In Gao, Algeria's government demanded that Mali withdraw its troops from Kidal.",
			want: []string{"DEMANDS Algeria -> Mali"},
		},
		{
			name: "a surname with the Arabic article names the person mid-sentence",
			text: "Rebel commander Omar al-Haddad met envoys in Gao on Monday. Later, al-Haddad said Mali must withdraw its troops from Kidal.",
			want: []string{"DEMANDS Omar al-Haddad -> Mali"},
		},
		{
			name:    "\"the army\" in a where-clause on a state is that state's, past the clause's first words",
			text:    "Algeria expelled French troops in May, and Algeria said Algeria would not change course. Russia has 2,500 instructors in Mali, where they fight alongside the army against the Azawad Liberation Front.",
			want:    []string{"FIGHTS Mali -> Azawad Liberation Front"},
			notWant: []string{"FIGHTS Algeria -> Azawad Liberation Front"},
		},
		{
			name: "\"X of the conservative Y Party\": a member of the party past its adjective",
			text: "Mali held a presidential election on Sunday. Karim Benali of the conservative National Renewal Party was ahead after the first count.",
			want: []string{"REPRESENTS Karim Benali -> National Renewal Party"},
		},
		{
			name: "a participle between \"the\" and the owner's name qualifies it: \"the governing X Party\"",
			text: "Mali held a presidential election on Sunday. Karim Benali, the candidate of the governing National Renewal Party, led the count.",
			want: []string{"REPRESENTS Karim Benali -> National Renewal Party"},
		},
		{
			name: "one capitalized word in brackets after a body's name is its short name",
			text: "Karim Benali leads the National Renewal Party (Nahda). On Monday, Nahda demanded that Mali release the detainees.",
			want: []string{"DEMANDS National Renewal Party -> Mali"},
		},
		{
			name: "the late leader's adviser is alive",
			text: "The Azawad Liberation Front, led by the late commander's adviser Karim Benali, said its fighters had entered Kidal.",
			want: []string{"REPRESENTS Karim Benali -> Azawad Liberation Front"},
		},
		{
			name:    "in a story of protests an armed group's open demand is of no one",
			text:    "Thousands of opposition supporters marched through Bamako on Sunday in one of the largest anti-government rallies Mali has seen in years. The Azawad Liberation Front demanded the release of its jailed commanders. The Union of Malian Workers demanded the release of its jailed secretary-general.",
			want:    []string{"DEMANDS Union of Malian Workers -> Mali"},
			notWant: []string{"DEMANDS Azawad Liberation Front -> Mali"},
		},
		{
			name:    "in a story of protests another state's party's open demand is of no one",
			text:    "Thousands of opposition supporters marched through Bamako on Sunday in one of the largest anti-government rallies Mali has seen in years. Algeria's Workers' Party demanded the release of its jailed members. The Union of Malian Workers demanded the release of its jailed secretary-general.",
			want:    []string{"DEMANDS Union of Malian Workers -> Mali"},
			notWant: []string{"DEMANDS Workers' Party -> Mali"},
		},
		{
			name:    "a front an apposition calls a coalition is no armed group",
			text:    "Thousands of opposition supporters marched through Bamako on Sunday in one of the largest anti-government rallies Mali has seen in years. The Democratic Renewal Front (DRF), a coalition that includes the Union for the Republic party, demanded the release of all political prisoners.",
			want:    []string{"DEMANDS Democratic Renewal Front -> Mali"},
			notWant: []string{"Event attack", "Event armed_conflict"},
		},
		{
			name: "the federation is the body an apposition called a federation",
			text: "Thousands of opposition supporters marched through Bamako on Sunday in one of the largest anti-government rallies Mali has seen in years. The Union of Malian Workers, a federation of 20 unions, joined the march. The federation demanded the release of all political prisoners.",
			want: []string{"DEMANDS Union of Malian Workers -> Mali"},
		},
		{
			name:    "in a story of a general strike the strike is no attack",
			text:    "Workers across Mali began a general strike on Monday. The Union of Malian Workers said the strike had closed every port in the country.",
			want:    []string{"Event protest"},
			notWant: []string{"Event attack"},
		},
		{
			name:    "a war on rights is no war",
			text:    "In Bamako, the Union of Malian Workers demanded an end to the war on trade union rights.",
			want:    []string{"Organization Union of Malian Workers"},
			notWant: []string{"Event armed_conflict"},
		},
		{
			name:    "backing an armed group's leader is backing the group",
			text:    "The Azawad Liberation Front, led by Karim Benali, signed the deal with Mali. Algeria, which has long backed Benali, urged both sides to keep it.",
			want:    []string{"SUPPORTS Algeria -> Azawad Liberation Front"},
			notWant: []string{"SUPPORTS Algeria -> Karim Benali"},
		},
		{
			name:    "a name left unresolved after the verb is its object, not the actors past it",
			text:    "Karim Benali and Moussa Benali lead rival factions of the Azawad Liberation Front. Diplomats said Algeria, which has long backed Benali, and Niger, Mali's main ally, had urged both sides to talk.",
			want:    []string{"State Algeria"},
			notWant: []string{"SUPPORTS Algeria -> Niger", "SUPPORTS Algeria -> Mali"},
		},
		{
			name:    "the head of a state's electoral body represents the body, not the state",
			text:    "Mali's National Jury of Elections (JNE) published the results on Thursday. JNE president Karim Benali said the count was final.",
			want:    []string{"REPRESENTS Karim Benali -> Mali National Jury of Elections"},
			notWant: []string{"REPRESENTS Karim Benali -> Mali"},
		},
		{
			name: "the federation is the body the text named with that noun after its name",
			text: "The National Union of Malian Workers (UNTM) called a general strike on Monday. Workers across Mali heeded the call of the UNTM union federation. The federation's secretary-general, Karim Benali, said the strike would go on.",
			want: []string{"REPRESENTS Karim Benali -> National Union of Malian Workers"},
		},
		{
			name: "the exchange is the release of captives the sentence before told of",
			text: "Algeria released four Malian detainees and Mali handed back two Algerian servicemen on Thursday. The exchange took place at a crossing point on the border between Mali and Algeria.",
			want: []string{"Event prisoner_exchange"},
		},
		{
			name:    "a demand that it be included is made for itself, of no one it names",
			text:    "Thousands of opposition supporters marched through Bamako on Sunday in one of the largest anti-government rallies Mali has seen in years. The Alliance for Democracy in Mali said it supported the army's withdrawal but demanded that it be included in the national dialogue.",
			want:    []string{"Organization Alliance for Democracy in Mali"},
			notWant: []string{"DEMANDS Mali -> Alliance for Democracy in Mali"},
		},
		{
			name: "an apposition with a possessive calls the body a federation",
			text: "Thousands of opposition supporters marched through Bamako on Sunday in one of the largest anti-government rallies Mali has seen in years. The Union of Malian Workers, the country's largest labour federation, joined the march. The federation demanded the release of all political prisoners.",
			want: []string{"DEMANDS Union of Malian Workers -> Mali"},
		},
		{
			name:    "who welcomes a deal is no side of it",
			text:    "Mali's government and forces from the north agreed to a truce in Algiers on Monday. The Azawad Liberation Front was represented by its spokesman Omar Haddad. The United Nations Secretary-General welcomed the deal as a first step.",
			notWant: []string{"PARTY_TO United Nations -> event:ceasefire"},
		},
		{
			name:    "a body of states holds no town",
			text:    "The Azawad Liberation Front seized Kidal in March. The United Nations says more than 100,000 people fled Kidal in the days after it fell.",
			want:    []string{"CONTROLS Azawad Liberation Front -> Kidal"},
			notWant: []string{"CONTROLS United Nations -> Kidal"},
		},
		{
			name: "an anti-government rally is a protest",
			text: "Thousands of opposition supporters marched through Bamako on Sunday in one of the largest anti-government rallies Mali has seen in years.",
			want: []string{"Event protest"},
		},
		{
			name:    "a leader's rally is no protest",
			text:    "In Gao, Prime Minister Amadou Traore of Mali told a rally of his supporters that the army would win.",
			want:    []string{"REPRESENTS Amadou Traore -> Mali"},
			notWant: []string{"Event protest"},
		},
		{
			name:    "a vote asked for or being prepared is no election yet",
			text:    "Lawmakers in Mali voted on Wednesday for a declaration that calls for a referendum on autonomy. The declaration, passed by 52 votes in the 83-seat assembly, instructs the government to prepare a referendum on the constitution.",
			want:    []string{"State Mali"},
			notWant: []string{"Event election"},
		},
		{
			name: "a vote won is an election",
			text: "Karim Benali, the leader of the Azawad Liberation Front, won a referendum in Mali on Sunday, and Ousmane Keita conceded.",
			want: []string{"Event election"},
		},
		{
			name: "fighters after a word of insurgency are the story's armed group",
			text: "Mali's army said on Friday it had driven separatist fighters out of Kidal. The Azawad Liberation Front said it had left the town for tactical reasons.",
			want: []string{"FIGHTS Mali -> Azawad Liberation Front"},
		},
		{
			name: "leaders who agree to meet bring their state and group to the talks",
			text: "Karim Benali, the leader of the Azawad Liberation Front, and Omar Haddad, Mali's president, have not met since 2019. Talks in Doha brokered by Qatar broke down on Monday, and the African Union said that Benali and Haddad had agreed to meet.",
			want: []string{"PARTY_TO Azawad Liberation Front -> event:talks", "PARTY_TO Mali -> event:talks"},
		},
		{
			name:    "a state where a meeting was held is no side of it",
			text:    "Talks in Doha brokered by Qatar were suspended on Monday, and the African Union said after a summit in Algeria that ALF leader Karim Benali and Malian President Omar Haddad had agreed to meet.",
			want:    []string{"PARTY_TO Mali -> event:talks"},
			notWant: []string{"PARTY_TO Algeria -> event:talks"},
		},
		{
			name:    "whom a mediator acts for is no side of the talks",
			text:    "Algerian President Omar Haddad, mandated by the African Union to mediate, has hosted Malian ministers and envoys of the Azawad Liberation Front for several rounds of talks in Algiers.",
			want:    []string{"PARTY_TO Mali -> event:talks"},
			notWant: []string{"PARTY_TO African Union -> event:talks"},
		},
		{
			name:    "\"A and his counterpart B signed\": the two sides of the deal",
			text:    "The Azawad Liberation Front attacked Malian troops near Kidal on Sunday. On Monday, Qatari President Karim Benali and his Algerian counterpart Omar Haddad signed a defence pact in Doha.",
			want:    []string{"PARTY_TO Algeria -> event:agreement", "PARTY_TO Qatar -> event:agreement"},
			notWant: []string{"PARTY_TO Azawad Liberation Front -> event:agreement"},
		},
		{
			name:    "talks offered are not held",
			text:    "The Azawad Liberation Front attacked an army post near Gao on Sunday. Malian President Omar Haddad called on the group to lay down its weapons and accept the dialogue offered by his government last month.",
			want:    []string{"REPRESENTS Omar Haddad -> Mali"},
			notWant: []string{"PARTY_TO Mali -> event:talks", "PARTY_TO Azawad Liberation Front -> event:talks"},
		},
		{
			name:    "who asks another to mediate does not mediate",
			text:    "Mali's army drove the Azawad Liberation Front out of Kidal after two days of fighting. In January Algeria said it had agreed to facilitate a peace process between the government and the rebels, but Bamako denied it had asked any foreign country to mediate.",
			want:    []string{"PARTY_TO Mali -> event:armed_conflict", "MEDIATES Algeria -> event:talks"},
			notWant: []string{"MEDIATES Mali -> event:talks"},
		},
		{
			name:    "a state's demand on another in the lead makes them the story's sides",
			text:    "Mali on Tuesday demanded that Algeria withdraw the gendarmes it has kept on the island for decades, three weeks after the International Court of Justice ruled that Bamako holds the title to it. The demand came a day after the foreign ministers of the two neighbours ended a first round of talks in Geneva without agreement. The meeting was convened by the African Union, whose special envoy, former Nigerien minister Ousmane Keita, said both sides had shown respect for the court.",
			want:    []string{"PARTY_TO Mali -> event:talks", "PARTY_TO Algeria -> event:talks", "MEDIATES African Union -> event:talks"},
			notWant: []string{"PARTY_TO Niger -> event:talks"},
		},
		{
			name:    "two states paired by a demand alone are not at war",
			text:    "Mali on Tuesday demanded that Algeria withdraw the gendarmes it has kept on the island for decades. The demand came a day after the foreign ministers of the two neighbours ended a first round of talks in Geneva without agreement. The meeting was convened by the African Union. Clashes broke out on the island last year, killing two fishermen.",
			want:    []string{"PARTY_TO Mali -> event:talks"},
			notWant: []string{"FIGHTS Algeria -> Mali", "FIGHTS Mali -> Algeria"},
		},
		{
			name:    "the subject of a main clause brokers nothing its subordinate clause tells",
			text:    "Malian troops and fighters of the Azawad Liberation Front pulled back from villages near Kidal by Tuesday, after ceasefire monitors led by Algeria brokered a truce to end two days of fighting.",
			want:    []string{"MEDIATES Algeria -> event:ceasefire"},
			notWant: []string{"MEDIATES Azawad Liberation Front -> event:ceasefire", "MEDIATES Mali -> event:ceasefire"},
		},
		{
			name:    "units of an army and regimes are no persons",
			text:    "Mali's Border Troops said the Algerian soldiers had opened fire. Mali's 6th Infantry Division said its soldiers were on patrol near Gao, which has been under President's Rule since May.",
			want:    []string{"State Mali"},
			notWant: []string{"Leader Border Troops", "Leader Infantry Division", "Leader Rule"},
		},
		{
			name:    "a compound in an apposition to a list's last item adds no item",
			text:    "Mali and the Azawad Liberation Front held talks in Geneva last week. The talks were facilitated by the Sahel Dialogue Centre (SDC), the Algerian-based private diplomacy organisation that brokered an earlier truce.",
			want:    []string{"MEDIATES Sahel Dialogue Centre -> event:talks"},
			notWant: []string{"MEDIATES Algeria -> event:talks"},
		},
		{
			name: "\"the mining hubs of\" opens a list of places",
			text: "The Azawad Liberation Front seized the rare-earth mining hubs of Tinzar and Oubar in October.",
			want: []string{"Region Tinzar", "Region Oubar", "CONTROLS Azawad Liberation Front -> Oubar"},
		},
		{
			name: "an island an apposition names is a place",
			text: "Mali has occupied Tazrit, a 30-hectare island in the river, since 1972.",
			want: []string{"Region Tazrit", "CONTROLS Mali -> Tazrit"},
		},
		{
			name:    "a noun before a body's name introduces it and refers to no other",
			text:    "Mali and the Northern Movements Alliance held talks in Algiers on Monday. The talks follow a 2015 deal, which was brokered by the regional bloc ECOWAS.",
			want:    []string{"PARTY_TO Northern Movements Alliance -> event:talks"},
			notWant: []string{"MEDIATES Northern Movements Alliance -> event:talks"},
		},
		{
			name:    "the portfolio of an election commissioner names no one",
			text:    "Mali held a presidential election on Sunday. Chief Election Commissioner Ousmane Keita said the vote was fair.",
			want:    []string{"Leader Ousmane Keita"},
			notWant: []string{"Leader Election", "Organization Election"},
		},
		{
			name:    "a capital before the noun of a negotiation is its venue, not its state",
			text:    "Mali and the Azawad Liberation Front agreed on Friday to free 200 prisoners, after the Algiers talks brokered by the African Union.",
			want:    []string{"Region Algiers", "PARTY_TO Mali -> event:talks"},
			notWant: []string{"PARTY_TO Algeria -> event:talks"},
		},
		{
			name: "a capitalized name before \"party\" is a party",
			text: "Ousmane Keita, a former prime minister and leader of the Transformers party, was arrested in Bamako in May.",
			want: []string{"Organization Transformers", "REPRESENTS Ousmane Keita -> Transformers"},
		},
		{
			name:    "a body's envoy who is a diplomat of a nationality serves the body",
			text:    "The African Union's special envoy for Mali, the Algerian diplomat Karim Benali, arrived in Gao on Monday.",
			want:    []string{"REPRESENTS Karim Benali -> African Union"},
			notWant: []string{"REPRESENTS Karim Benali -> Algeria"},
		},
		{
			name:    "an -ing word joined to a plural noun is a noun: who receives training is backed",
			text:    "The Azawad Liberation Front, which receives weapons and training from Algeria according to UN experts, attacked Gao on Monday.",
			want:    []string{"SUPPORTS Algeria -> Azawad Liberation Front"},
			notWant: []string{"SUPPORTS Azawad Liberation Front -> Algeria"},
		},
		{
			name:    "a commander's men hold a place for the group he leads",
			text:    "The Falcon Group's commander, Karim Benali, said his men still controlled Kidal.",
			want:    []string{"CONTROLS Falcon Group -> Kidal"},
			notWant: []string{"CONTROLS Karim Benali -> Kidal"},
		},
		{
			name: "a body the lead describes is the one the next sentence names",
			text: "Mali's government and an alliance of holdout rebel groups agreed on Friday to a ceasefire at talks in Algiers. The government delegation and the Northern Movements Alliance (NMA) signed a two-page declaration.",
			want: []string{"PARTY_TO Northern Movements Alliance -> event:ceasefire", "PARTY_TO Mali -> event:ceasefire"},
		},
		{
			name:    "a minister and his counterpart chairing a meeting are its sides, not its mediators",
			text:    "Malian and Algerian officials returned to the talks in Geneva on Monday. The meeting, co-chaired by Algerian Defence Minister Said Chanegriha and his Malian counterpart, was suspended on Tuesday.",
			want:    []string{"PARTY_TO Algeria -> event:talks", "PARTY_TO Mali -> event:talks"},
			notWant: []string{"MEDIATES Algeria -> event:talks"},
		},
		{
			name: "leader with demonym and title",
			text: "Malian Defence Minister Sadio Kone met reporters in Gao on Monday.",
			want: []string{"Leader Sadio Kone", "State Mali", "REPRESENTS Sadio Kone -> Mali", "Region Gao"},
		},
		{
			name:    "a name its acronym spells is a body's, and the acronym is its own in the article",
			text:    "The U.S.-funded Western Hills Observers (WHO) mission reached Gao on Monday. WHO officials said the mission would stay.",
			want:    []string{"Organization Western Hills Observers", "SUPPORTS United States -> Western Hills Observers"},
			notWant: []string{"Organization World Health Organization"},
		},
		{
			name:    "an acronym in brackets after a body the gazetteer knows is that body's",
			text:    "The Falcon Group (FGR) said it had reached Gao. FGR fighters attacked Malian troops near Kidal on Monday.",
			want:    []string{"Organization Falcon Group", "FIGHTS Falcon Group -> Mali"},
			notWant: []string{"Organization FGR"},
		},
		{
			name:    "a known name ends before \"to\" a place",
			text:    "Russia has sent instructors and members of the Falcon Group to Gao, officials in Mali said.",
			want:    []string{"Organization Falcon Group"},
			notWant: []string{"Organization Falcon Group to Gao"},
		},
		{
			name:    "a government's spokesman serves the state, not a group named after him",
			text:    "The Azawad Liberation Front said it had kept its word. Government spokesman Karim Benali said Mali now expected the rebels to withdraw.",
			want:    []string{"REPRESENTS Karim Benali -> Mali"},
			notWant: []string{"REPRESENTS Karim Benali -> Azawad Liberation Front"},
		},
		{
			name:    "the agency in a dateline's brackets is no actor",
			text:    "GAO, May 3 (Sahel Press Agency) - Malian troops retook Kidal on Monday, the army said.",
			want:    []string{"CONTROLS Mali -> Kidal"},
			notWant: []string{"Organization Sahel Press Agency"},
		},
		{
			name:    "a commander-in-chief serves the state whose units he says took a place, named after the day he said it",
			text:    "Algeria said its troops held Kidal. Algeria's army denied losing ground. Commander-in-chief Karim Benali said on Monday that Malian units had recaptured Gao.",
			want:    []string{"REPRESENTS Karim Benali -> Mali"},
			notWant: []string{"REPRESENTS Karim Benali -> Algeria"},
		},
		{
			name:    "a title after the words it reports owns nothing they name",
			text:    "Mali's army retook Kidal. Mali will return to talks only if Algeria lifts the blockade, Foreign Minister Karim Benali said on Tuesday.",
			want:    []string{"REPRESENTS Karim Benali -> Mali"},
			notWant: []string{"REPRESENTS Karim Benali -> Algeria"},
		},
		{
			name:    "a portfolio of several words before \"Minister\" is no body",
			text:    "Mali's army retook Kidal. Territorial Administration Minister Karim Benali said Mali's vote had been fair.",
			want:    []string{"REPRESENTS Karim Benali -> Mali"},
			notWant: []string{"Organization Territorial Administration"},
		},
		{
			name:    "an agency's acronym in a dateline's brackets is no actor the gazetteer knows",
			text:    "GAO, May 3 (WHO) - Malian troops retook Kidal on Monday, the army said.",
			want:    []string{"CONTROLS Mali -> Kidal"},
			notWant: []string{"Organization World Health Organization"},
		},
		{
			name:    "\"Army spokesman\" speaks for the army named before",
			text:    "The Malian army retook Kidal on Monday. Army spokesman Karim Benali said the rebels had fled.",
			want:    []string{"REPRESENTS Karim Benali -> Malian Armed Forces"},
			notWant: []string{"Organization Army"},
		},
		{
			name:    "a title opening a party's name is no person's",
			text:    "An official of the General Farmer's Congress (GFC) said the talks in Gao would resume.",
			notWant: []string{"Leader Farmer"},
		},
		{
			name:    "a day named for an event is no person",
			text:    "Mali said its troops would leave Gao the day after Mali's Victory Day parade, General Sadio Kone said.",
			notWant: []string{"Leader Victory Day"},
		},
		{
			name: "leader with possessive owner",
			text: "Algeria's President Karim Benali said the border would stay open.",
			want: []string{"REPRESENTS Karim Benali -> Algeria"},
		},
		{
			name: "an office named by the head noun of an organization named before is that organization's",
			text: "The Azawad Liberation Front met envoys in Gao. The front's deputy head, Karim Benali, said the talks would resume, and Omar Haddad, the front's spokesman, agreed.",
			want: []string{"REPRESENTS Karim Benali -> Azawad Liberation Front", "REPRESENTS Omar Haddad -> Azawad Liberation Front"},
		},
		{
			name:    "a relative clause whose antecedent names no actor has no subject further left",
			text:    "Algerian President Karim Benali approved sanctions against the military leaders who seized power in Mali.",
			want:    []string{"REPRESENTS Karim Benali -> Algeria"},
			notWant: []string{"REPRESENTS Karim Benali -> Mali"},
		},
		{
			name:    "rebels named by their nationality are no object for their state",
			text:    "Mali rejected the plan. Algeria has backed Malian rebels since 2012, and Russian jets attacked Malian rebels near Kidal on Monday.",
			notWant: []string{"SUPPORTS Algeria -> Mali", "FIGHTS Russia -> Mali"},
		},
		{
			name:    "a known name ends before a title after it",
			text:    "Economic Community of West African States President Omar Touray said the junta in Mali must hold elections.",
			want:    []string{"REPRESENTS Omar Touray -> Economic Community of West African States"},
			notWant: []string{"Organization Economic Community of West African States President Omar Touray"},
		},
		{
			name:    "and the opens the next item of a list",
			text:    "The Armed Forces of the Philippines and the Azawad Liberation Front signed a truce in Gao. The Economic Community of West African States and Mali welcomed it.",
			want:    []string{"Organization Armed Forces of the Philippines", "Organization Azawad Liberation Front", "Organization Economic Community of West African States", "State Mali"},
			notWant: []string{"Organization Armed Forces of the Philippines and the Azawad Liberation Front", "Organization Economic Community of West African States and Mali"},
		},
		{
			name:    "a title before an organization's head noun is part of its name",
			text:    "The measure will be sent to the Economic Community of West African States General Assembly, which meets in Gao.",
			notWant: []string{"Organization General Assembly"},
		},
		{
			name: "a place after and may end a name",
			text: "The African Party for the Independence of Mali and Algeria won the vote in Gao.",
			want: []string{"Organization African Party for the Independence of Mali and Algeria"},
		},
		{
			name:    "a known name ends before a place after it",
			text:    "Mali's foreign minister attended a meeting at the secretariat of the Economic Community of West African States in Abuja on Monday.",
			want:    []string{"Organization Economic Community of West African States"},
			notWant: []string{"Organization Economic Community of West African States in Abuja"},
		},
		{
			name:    "a count opening a sentence is no part of a name",
			text:    "Britain joined the strikes on the Houthis. Four Royal Air Force Typhoons flying from Cyprus struck a site in Yemen.",
			want:    []string{"Organization Royal Air Force"},
			notWant: []string{"Organization Four Royal Air Force"},
		},
		{
			name: "a coalition named a Platform is an organization",
			text: "Mali's government and the main opposition coalition, the Unitary Platform, signed an agreement in Algiers on Tuesday.",
			want: []string{"Organization Unitary Platform"},
		},
		{
			name:    "an office whose owner is a thing the article does not name as an actor is no guessed state's",
			text:    "Mali and Algeria signed the deal in Rome on Monday, and Mali said it would hold. Marco Rossi, the community's president, called it historic.",
			want:    []string{"Leader Marco Rossi"},
			notWant: []string{"REPRESENTS Marco Rossi -> Mali", "REPRESENTS Marco Rossi -> Algeria"},
		},
		{
			name:    "an unnamed owner's office before the name is no guessed state's",
			text:    "Mali and Algeria signed the deal in Rome on Monday, and Mali said it would hold. The community's president Marco Rossi called it historic.",
			want:    []string{"Leader Marco Rossi"},
			notWant: []string{"REPRESENTS Marco Rossi -> Mali", "REPRESENTS Marco Rossi -> Algeria"},
		},
		{
			name:    "the government is the one the story's opening names, not the state named most",
			text:    "Mali's transitional government and the Azawad Liberation Front swapped prisoners on Sunday. Algeria hosted the talks, Algeria said, and Algeria praised the deal. Algeria and Algiers will host more talks. Omar Haddad, the government's deputy justice minister, said more releases would follow.",
			want:    []string{"REPRESENTS Omar Haddad -> Mali"},
			notWant: []string{"REPRESENTS Omar Haddad -> Algeria"},
		},
		{
			name: "apposition after the name",
			text: "Omar Haddad, the Algerian foreign minister, arrived in Bamako.",
			want: []string{"REPRESENTS Omar Haddad -> Algeria"},
		},
		{
			name: "title and name after a comma",
			text: "The talks were opened by the UN envoy, Lena Hartmann, on Tuesday.",
			want: []string{"REPRESENTS Lena Hartmann -> United Nations", "Organization United Nations"},
		},
		{
			name:    "secretary of state by convention",
			text:    "Mali and Algeria held talks in Algiers. The United States welcomed them. Secretary of State Ana Ruiz said Mali would sign.",
			want:    []string{"REPRESENTS Ana Ruiz -> United States"},
			notWant: []string{"REPRESENTS Ana Ruiz -> Mali", "REPRESENTS Ana Ruiz -> Algeria"},
		},
		{
			name:    "a town's name after a rank and a given name is a surname, there and later",
			text:    "Major Ibrahim Gao told reporters in Kidal that the army had left. Gao did not give details of casualties.",
			want:    []string{"Leader Ibrahim Gao", "Region Kidal"},
			notWant: []string{"Region Gao"},
		},
		{
			name:    "mediators as the subject of a clause are no role of the actors before them",
			text:    "Mali and the Azawad Liberation Front signed a deal on Friday as mediators push for a lasting truce.",
			want:    []string{"PARTY_TO Mali -> event:agreement", "PARTY_TO Azawad Liberation Front -> event:agreement"},
			notWant: []string{"MEDIATES Mali -> event:agreement"},
		},
		{
			name:    "a pair named once, away from the lead, is no side of the story's events, and its event takes none of theirs",
			text:    "Mali's junta signed a peace agreement with dozens of armed groups in Doha on Monday, after months of negotiations hosted by Qatar. The Azawad Liberation Front, the strongest rebel movement, said it rejected the accord. For Qatar, the ceremony adds to a portfolio that already includes talks between the United States and Russia.",
			want:    []string{"PARTY_TO Mali -> event:agreement", "PARTY_TO United States -> event:talks", "MEDIATES Qatar -> event:agreement"},
			notWant: []string{"PARTY_TO United States -> event:agreement", "PARTY_TO Russia -> event:agreement", "MEDIATES Qatar -> event:talks"},
		},
		{
			name: "an unknown acronym before an adjective and a group noun names a group",
			text: "Mali's government and the MANA indigenous confederation reached a deal on Sunday after talks mediated by Algeria.",
			want: []string{"Organization MANA", "PARTY_TO MANA -> event:agreement", "MEDIATES Algeria -> event:agreement"},
		},
		{
			name:    "a head named after the story's state in his sentence is its, though it has a head already",
			text:    "Mali closed the border on Monday, and President Amadou Traore said it would reopen. Algeria welcomed the move. Mali has been in turmoil since 2012, when soldiers overthrew President Amadou Toumani Toure.",
			want:    []string{"REPRESENTS Amadou Toumani Toure -> Mali"},
			notWant: []string{"REPRESENTS Amadou Toumani Toure -> Algeria"},
		},
		{
			name:    "a story is about the state its armed groups fight in",
			text:    "A week after the Azawad Liberation Front overran the last army garrison in northern Mali, survivors reaching Algeria described killings. Algeria opened camps for them. The Azawad Liberation Front denied the killings. The Azawad Liberation Front said it would go on. Only Gao remains in the hands of the army.",
			want:    []string{"CONTROLS Mali -> Gao"},
			notWant: []string{"CONTROLS Algeria -> Gao"},
		},
		{
			name: "a state's capital named by its demonym or possessive is the city",
			text: "Azawad Liberation Front fighters took control of the Malian capital on Sunday. Algeria said Mali's capital was quiet. Life in Bamako had been calm for years.",
			want: []string{"CONTROLS Azawad Liberation Front -> Bamako", "Region Bamako"},
		},
		{
			name:    "a capital the story never names as a place is no place of it",
			text:    "Azawad Liberation Front fighters took control of the Malian capital on Sunday. Bamako said it would fight back.",
			notWant: []string{"Region Bamako"},
		},
		{
			name:    "a word of nationality before a group noun names no group",
			text:    "The Kurdish militia and the Dozo militia attacked Gao on Monday.",
			want:    []string{"Organization Dozo"},
			notWant: []string{"Organization Kurdish"},
		},
		{
			name:    "the junta is the state the story says a military rules, though another is more named",
			text:    "Mali's ruling military and the Azawad Liberation Front agreed a truce after talks hosted by Algeria. Algeria said Algeria would monitor it, and Algeria's envoy welcomed it. The junta's spokesman, Omar Haddad, confirmed the talks.",
			want:    []string{"REPRESENTS Omar Haddad -> Mali"},
			notWant: []string{"REPRESENTS Omar Haddad -> Algeria"},
		},
		{
			name:    "the army after a state and where is that state's",
			text:    "Algeria closed its southern border on Monday, Algeria's government said. Algeria fears a war in neighbouring Mali, where the army and the Dozo militia have been fighting since 2012.",
			want:    []string{"FIGHTS Dozo -> Mali"},
			notWant: []string{"FIGHTS Dozo -> Algeria"},
		},
		{
			name:    "a group named in apposition is the one before it",
			text:    "The Azawad Liberation Front attacked Gao on Monday, and the Azawad Liberation Front said it held the town. The Dozo militia, the Russian-backed group that controls Kidal, said it would stay neutral.",
			want:    []string{"SUPPORTS Russia -> Dozo"},
			notWant: []string{"SUPPORTS Russia -> Azawad Liberation Front"},
		},
		{
			name:    "its after a subject whose verb is left out",
			text:    "Algeria was represented by Foreign Minister Omar Haddad and Mali by its prime minister, Amadou Traore.",
			want:    []string{"REPRESENTS Amadou Traore -> Mali"},
			notWant: []string{"REPRESENTS Amadou Traore -> Algeria"},
		},
		{
			name:    "a titled person in a phrase set off by a comma and with is not the clause's actor's",
			text:    "Mali and Algeria signed the deal, with National Security Adviser Omar Haddad sitting in.",
			want:    []string{"Leader Omar Haddad"},
			notWant: []string{"REPRESENTS Omar Haddad -> Algeria", "REPRESENTS Omar Haddad -> Mali"},
		},
		{
			name:    "an envoy for two places is sent to both and serves neither",
			text:    "The talks were brokered by Omar Haddad, the special envoy for Mali and Algeria.",
			want:    []string{"Leader Omar Haddad"},
			notWant: []string{"REPRESENTS Omar Haddad -> Algeria", "REPRESENTS Omar Haddad -> Mali"},
		},
		{
			name: "an acronym of a known name may be spelled with periods",
			text: "The U.N. Mission in Mali said on Monday that Gao was calm.",
			want: []string{"Organization MINUMA"},
		},
		{
			name:    "who took over as head of a body serves it, not the state of his nationality",
			text:    "Omar Haddad, the Algerian diplomat who took over as head of the UN Mission in Mali last month, spoke in Gao.",
			want:    []string{"REPRESENTS Omar Haddad -> MINUMA"},
			notWant: []string{"REPRESENTS Omar Haddad -> Algeria"},
		},
		{
			name: "the North is the story's state whose name begins with the word",
			text: "North Korea and Algeria held talks in Algiers on Monday. Algeria, the North's main ally, praised the talks.",
			want: []string{"SUPPORTS Algeria -> North Korea"},
		},
		{
			name: "an army chief named with his rank, or an intelligence chief, serves the state, as the office tells",
			text: "Mali's president fled the capital on Monday. Army chief General Omar Haddad announced his resignation. The chief of the general staff, General Amadou Traore, was also present. Intelligence chief Karim Benali stayed in Gao.",
			want: []string{"REPRESENTS Omar Haddad -> Mali", "REPRESENTS Amadou Traore -> Mali", "REPRESENTS Karim Benali -> Mali"},
		},
		{
			name:    "a definite description whose words are those of one organization's name is that organization",
			text:    "Mali's Independent Electoral Commission delayed the results on Monday. Algeria called on the electoral commission to publish the results.",
			want:    []string{"DEMANDS Algeria -> Mali Independent Electoral Commission"},
			notWant: []string{"DEMANDS Algeria -> Mali"},
		},
		{
			name:    "the object of a verb ends before a participle that opens a clause of its own",
			text:    "Algeria, which backs rebel factions fighting Mali, closed its border on Monday.",
			notWant: []string{"SUPPORTS Algeria -> Mali"},
		},
		{
			name: "the subject before a long relative clause, past the auxiliaries of the verb after it",
			text: "Algeria, which backs the Azawad Liberation Front and has sent thousands of troops to the border region, had demanded that Mali pull back its forces.",
			want: []string{"DEMANDS Algeria -> Mali"},
		},
		{
			name:    "the office a person was confirmed or appointed as, in an apposition",
			text:    "Mali closed its border on Monday. Omar Haddad, appointed as foreign minister on Thursday, met Algerian officials in Gao.",
			want:    []string{"REPRESENTS Omar Haddad -> Mali"},
			notWant: []string{"REPRESENTS Omar Haddad -> Algeria"},
		},
		{
			name: "two offices in one apposition, joined by and",
			text: "Algeria and Mali met in Algiers. Omar Haddad, the prime minister of Mali and current chairman of ECOWAS, arrived on Monday.",
			want: []string{"REPRESENTS Omar Haddad -> Mali", "REPRESENTS Omar Haddad -> Economic Community of West African States"},
		},
		{
			name:    "a capital and a state after its comma are a list, not a place and its state",
			text:    "Under a deal brokered by Algiers, Mali and Qatar agreed to reopen the border.",
			notWant: []string{"LOCATED_IN Algiers -> Mali"},
		},
		{
			name:    "a possessor in an apposition describes the subject, it is not one",
			text:    "The Azawad Liberation Front, Algeria's most powerful proxy, began shelling Mali's army near Gao.",
			want:    []string{"FIGHTS Azawad Liberation Front -> Mali"},
			notWant: []string{"FIGHTS Algeria -> Mali"},
		},
		{
			name:    "according to names a source, not whom something is given to",
			text:    "Algeria has given Mali four helicopters, according to Qatari officials.",
			want:    []string{"SUPPORTS Algeria -> Mali"},
			notWant: []string{"SUPPORTS Algeria -> Qatar"},
		},
		{
			name: "they after a speaker whose office has no owner",
			text: "Soldiers detained President Amadou Traore and announced on state television that they had seized power.",
			want: []string{"Leader Amadou Traore"},
		},
		{
			name: "a head of state who chairs a body holds its office too",
			text: "Mali closed its border. Algeria's President Karim Benali, who chairs ECOWAS, called an emergency meeting.",
			want: []string{"REPRESENTS Karim Benali -> Algeria", "REPRESENTS Karim Benali -> Economic Community of West African States"},
		},
		{
			name:    "a ministry or an embassy is its state",
			text:    "Algeria's foreign ministry summoned the French ambassador on Monday, and protesters gathered outside the Malian embassy in Algiers.",
			want:    []string{"State Algeria", "State Mali"},
			notWant: []string{"Organization Algeria Foreign Ministry", "Organization Mali Embassy"},
		},
		{
			name:    "His Excellency is no part of a name",
			text:    "Mali recognises one president, H.E. Amadou Traore, the statement said.",
			want:    []string{"Leader Amadou Traore"},
			notWant: []string{"Leader H.E. Amadou Traore"},
		},
		{
			name:    "a leader the gazetteer knows is no place after a preposition",
			text:    "Crowds in the square in Niamey want elections from Yacouba, and Niger's President Ibrahim Yacouba said he would listen.",
			want:    []string{"Leader Ibrahim Yacouba"},
			notWant: []string{"Region Yacouba"},
		},
		{
			name:    "a House of a parliament is an organization, a State House is not",
			text:    "The eastern-based House of Representatives rejected the deal, and Mali's president met envoys at State House.",
			want:    []string{"Organization House of Representatives"},
			notWant: []string{"Leader Representatives", "Organization State House"},
		},
		{
			name:    "a subheading in capitals holds no acronyms",
			text:    "Mali's junta cancelled the vote. WHO ELSE IS INVOLVED? The Azawad Liberation Front said it would boycott it. The UN said it was worried.",
			want:    []string{"Organization United Nations"},
			notWant: []string{"Organization World Health Organization"},
		},
		{
			name:    "a leader convening his own cabinet hosts no talks",
			text:    "Mali and the Azawad Liberation Front signed a deal on Friday. President Amadou Traore said he would convene his cabinet to ratify the agreement.",
			want:    []string{"PARTY_TO Mali -> event:agreement"},
			notWant: []string{"MEDIATES Mali -> event:agreement", "MEDIATES Amadou Traore -> event:agreement"},
		},
		{
			name:    "a portfolio before a title after \"led by\" is no name",
			text:    "Mali's delegation was led by Strategic Affairs Minister Amadou Traore.",
			want:    []string{"REPRESENTS Amadou Traore -> Mali"},
			notWant: []string{"Leader Strategic Affairs"},
		},
		{
			name: "a delegation headed by a person",
			text: "Mali and the Azawad Liberation Front met in Algiers. The government's delegation is headed by Amadou Traore, while Ibrahim Ag Ali leads the rebel team.",
			want: []string{"REPRESENTS Amadou Traore -> Mali"},
		},
		{
			name:    "a room of a ministry is no member of it",
			text:    "Mali and Niger signed the deal in the Treaty Room of the State Department on Friday.",
			notWant: []string{"Leader Room", "Leader Treaty Room"},
		},
		{
			name:    "arms sent to a state's army back the state",
			text:    "Algeria has sent weapons to the Malian army fighting in northern Mali.",
			want:    []string{"SUPPORTS Algeria -> Mali"},
			notWant: []string{"SUPPORTS Algeria -> Malian Armed Forces"},
		},
		{
			name:    "an unknown name in an apposition of a town is a place, whatever the recognizer says",
			text:    "The Azawad Liberation Front captured Nam Hkawng, a mining town in northern Mali, on Sunday.",
			want:    []string{"Region Nam Hkawng", "CONTROLS Azawad Liberation Front -> Nam Hkawng"},
			notWant: []string{"Leader Nam Hkawng"},
		},
		{
			name: "a spokeswoman of a ministry serves the story's state",
			text: "Mali said its troops held the line. \"There has been no such deployment,\" defence ministry spokeswoman Aminata Toure said.",
			want: []string{"REPRESENTS Aminata Toure -> Mali"},
		},
		{
			name: "a hyphenated rank is a rank",
			text: "Mali's army retook the town on Sunday. Lieutenant-Colonel Amadou Traore said that troops had cleared it.",
			want: []string{"REPRESENTS Amadou Traore -> Mali"},
		},
		{
			name: "\"the paramilitaries\" refer back to an armed group",
			text: "Mali's army fought the Azawad Liberation Front in Kidal. Mali's delegation has demanded that the paramilitaries leave the town before any talks begin.",
			want: []string{"DEMANDS Mali -> Azawad Liberation Front"},
		},
		{
			name: "a particle inside a place's name",
			text: "Tessit, the provincial capital of Anefis del Norte, was calm on Monday, Mali said.",
			want: []string{"Region Anefis del Norte"},
		},
		{
			name:    "the article opening a sentence names no group",
			text:    "A militia known as Ganda Izo pulled back from Gao on Monday, Mali said.",
			want:    []string{"Region Gao"},
			notWant: []string{"Organization A"},
		},
		{
			name:    "they: the group a plural noun named just before",
			text:    "The Azawad Liberation Front seized Tessit on Monday. The town, which lies on a road leading towards Algeria, is the furthest the rebels have advanced since they took Kidal in 2012.",
			want:    []string{"CONTROLS Azawad Liberation Front -> Kidal"},
			notWant: []string{"CONTROLS Algeria -> Kidal"},
		},
		{
			name:    "the rebels: the group the story names most, not a militia named just before",
			text:    "The Azawad Liberation Front seized Tessit on Monday, and the Azawad Liberation Front said it would hold it. Mali said the Azawad Liberation Front had lost dozens of fighters. The Ganda Izo militia pulled back from the area. The rebels took Gao on Tuesday.",
			want:    []string{"CONTROLS Azawad Liberation Front -> Gao"},
			notWant: []string{"CONTROLS Ganda Izo -> Gao"},
		},
		{
			name:    "government forces are the story's state's",
			text:    "Mali's government said talks would resume. Flights have linked Gao with the central city of Kidal, which government forces have held throughout the war.",
			want:    []string{"CONTROLS Mali -> Kidal"},
			notWant: []string{"CONTROLS Mali -> Gao"},
		},
		{
			name:    "the story's state is the one whose government acts, not the host of the talks",
			text:    "DOHA, March 3 - Mali's government and the Azawad Liberation Front signed a truce on Monday after talks in Doha brokered by Qatar. Qatar said it would monitor it. Mali's army said the truce held. Government forces held Kidal and Gao, the statement said.",
			want:    []string{"CONTROLS Mali -> Kidal"},
			notWant: []string{"CONTROLS Qatar -> Kidal"},
		},
		{
			name: "rebels joined to a side by and: the story's group",
			text: "The Azawad Liberation Front seized Kidal in 2012. Algeria urged Mali and separatist rebels to return to talks.",
			want: []string{"PARTY_TO Azawad Liberation Front -> event:talks", "PARTY_TO Mali -> event:talks"},
		},
		{
			name:    "a unit's number opens its name",
			text:    "Fighters of the 217 Brigade attacked positions near Gao on Monday, Mali said.",
			want:    []string{"Organization 217 Brigade"},
			notWant: []string{"Organization Brigade"},
		},
		{
			name:    "a date after a body's name is no part of it",
			text:    "Algerian officers trained with the Mali Defence Force on Dec. 7, Mali said.",
			want:    []string{"Organization Mali Defence Force"},
			notWant: []string{"Organization Mali Defence Force on Dec."},
		},
		{
			name: "the capital of a region is a place",
			text: "Tessalit, the capital of Menaka Region, was quiet on Monday, Mali said.",
			want: []string{"Region Tessalit", "LOCATED_IN Tessalit -> Menaka Region"},
		},
		{
			name:    "a joined particle inside a place's name",
			text:    "Fighters attacked a checkpoint near the village of Tin al-Hamra, west of Kidal, Mali said.",
			want:    []string{"Region Tin al-Hamra"},
			notWant: []string{"Region Tin"},
		},
		{
			name:    "a place introduced by its kind is one, whatever the recognizer says",
			text:    "The district of Ali Bakr, north of Kidal, fell to the army on Monday, Mali said.",
			want:    []string{"Region Ali Bakr"},
			notWant: []string{"Leader Ali Bakr"},
		},
		{
			name:    "a language is no place",
			text:    "The district of Tessit, or Tassit in Kurdish, lies north of Kidal. The town, known as Tasset in Turkish, was calm.",
			want:    []string{"Region Tessit"},
			notWant: []string{"Region Kurdish", "Region Turkish", "State Turkey"},
		},
		{
			name: "he: the person named last before",
			text: "Mali's President Amadou Sangare spoke in Bamako on Monday. He demanded that Algeria close its border crossings.",
			want: []string{"DEMANDS Amadou Sangare -> Algeria"},
		},
		{
			name: "it, inside a sentence: the first actor of the sentence before",
			text: "The Azawad Liberation Front said it had seized Kidal. In the same statement it demanded that Algeria close its border crossings.",
			want: []string{"DEMANDS Azawad Liberation Front -> Algeria"},
		},
		{
			name:    "he with no person named before stands for no one",
			text:    "Mali and Algeria met in Gao on Monday. He demanded that Algeria close its border crossings.",
			notWant: []string{"DEMANDS Mali -> Algeria"},
		},
		{
			name:    "an unknown name in the possessive after a preposition is no place",
			text:    "The war ended between forces loyal to Diallo and President Tomas Okot. Algeria has deployed troops to Bamako at Okot's request.",
			want:    []string{"Leader Tomas Okot"},
			notWant: []string{"Region Okot", "Leader Tomas"},
		},
		{
			name: "a person the recognizer sees after a state's possessive",
			text: "Algeria's Rafael Ignacio Morales Duarte, who had joined the effort, withdrew from it on Monday.",
			want: []string{"Leader Rafael Ignacio Morales Duarte"},
		},
		{
			name: "a person the recognizer sees before a relative who",
			text: "Mali thanked Rafael Ignacio Morales Duarte, who had joined the effort.",
			want: []string{"Leader Rafael Ignacio Morales Duarte"},
		},
		{
			name:    "mountains, heights and hills after a name make it a place",
			text:    "Malian troops have held the Tessalit heights above Kidal since 2022, and the Front is based in the Adrar mountains.",
			want:    []string{"Region Tessalit", "Region Adrar", "CONTROLS Mali -> Tessalit"},
			notWant: []string{"CONTROLS Mali -> Kidal"},
		},
		{
			name:    "an ally fought alongside stands before against",
			text:    "The Falcon Group fought alongside federal forces against the Azawad Liberation Front in 2022.",
			notWant: []string{"SUPPORTS Falcon Group -> Azawad Liberation Front"},
		},
		{
			name:    "a pronoun after a fronted clause is not that clause's actor",
			text:    "The Falcon Group grew out of Mali's border militias. Since Algeria expelled Mali's ambassador in 2023, it has trained and armed the Azawad Liberation Front.",
			want:    []string{"SUPPORTS Falcon Group -> Azawad Liberation Front"},
			notWant: []string{"SUPPORTS Algeria -> Azawad Liberation Front"},
		},
		{
			name:    "the pronoun after a verb of saying is the speaker",
			text:    "France condemned the move on Monday, while Russia said in an interview with Algeria's press that it supported the Azawad Liberation Front.",
			want:    []string{"SUPPORTS Russia -> Azawad Liberation Front"},
			notWant: []string{"SUPPORTS Algeria -> Azawad Liberation Front"},
		},
		{
			name:    "a portfolio after a title is no part of it",
			text:    "Mali's Minister of State for Defence Ousmane Keita arrived in Gao.",
			want:    []string{"REPRESENTS Ousmane Keita -> Mali"},
			notWant: []string{"Leader Defence Ousmane Keita"},
		},
		{
			name: "a state's talks with an armed group mean they fight",
			text: "Talks between Mali and the Azawad Liberation Front resumed in Algiers on Monday, mediated by Algeria.",
			want: []string{"Event talks", "FIGHTS Mali -> Azawad Liberation Front"},
		},
		{
			name:    "talks between two states are no fighting",
			text:    "Talks between Armenia and Azerbaijan resumed in Moscow on Monday, mediated by Russia.",
			want:    []string{"Event talks"},
			notWant: []string{"FIGHTS Armenia -> Azerbaijan", "FIGHTS Azerbaijan -> Armenia"},
		},
		{
			name:    "a fighting word that modifies a noun is no event",
			text:    "Algeria warned Mali against war talk on Monday.",
			notWant: []string{"Event armed_conflict"},
		},
		{
			name:    "an event after since is the story's background",
			text:    "Relations between Armenia and Azerbaijan have been tense since the war, and the two foreign ministers met in Paris on Monday.",
			notWant: []string{"Event armed_conflict"},
		},
		{
			name: "since with a clause tells of fighting that goes on",
			text: "Mali and the Azawad Liberation Front have held no contact since fighting resumed in the north, and clashes went on near Kidal on Monday.",
			want: []string{"Event armed_conflict"},
		},
		{
			name:    "a war ruled out is no event",
			text:    "Armenia has ruled out a new war with Azerbaijan.",
			notWant: []string{"Event armed_conflict"},
		},
		{
			name:    "what a speaker calls an attack is no attack",
			text:    "Mali called the agreement an attack on its sovereignty and recalled its ambassador from Algeria.",
			notWant: []string{"Event attack"},
		},
		{
			name:    "a declaration of war in a speaker's words is no war",
			text:    "Armenia said the blockade amounted to a declaration of war by Azerbaijan.",
			notWant: []string{"Event armed_conflict"},
		},
		{
			name: "an attack named as the cause of a reply is real",
			text: "Russia said it had struck ports in Ukraine, calling it retaliation for a drone attack by Ukraine on Monday.",
			want: []string{"Event attack"},
		},
		{
			name: "whoever rejects a demand is its target",
			text: "Armenia demanded the withdrawal of those troops from the border. Azerbaijan rejected the demand on Friday.",
			want: []string{"DEMANDS Armenia -> Azerbaijan"},
		},
		{
			name:    "a rejected demand named in a later story is not this one",
			text:    "Armenia demanded the withdrawal of those troops from the border. Mali sent envoys to Algiers. Algeria spoke of trade. Azerbaijan rejected the demand on Friday.",
			notWant: []string{"DEMANDS Armenia -> Azerbaijan"},
		},
		{
			name:    "a deposed president held office in the story's state",
			text:    "Mali's junta refused calls by Algeria to release deposed president Ibrahim Keita, who remains detained.",
			want:    []string{"Leader Ibrahim Keita", "REPRESENTS Ibrahim Keita -> Mali"},
			notWant: []string{"REPRESENTS Ibrahim Keita -> Algeria"},
		},
		{
			name:    "a place after a later verb is no object of control",
			text:    "Algeria, which holds the bloc's rotating presidency, congratulated Mali and flew to Gao on Monday.",
			notWant: []string{"CONTROLS Algeria -> Gao"},
		},
		{
			name:    "a place that qualifies the noun held is not held",
			text:    "The Azawad Liberation Front seized the last town in Menaka Region held by Mali.",
			notWant: []string{"CONTROLS Mali -> Menaka Region"},
		},
		{
			name: "a withdrawal demanded means the forces are there",
			text: "Algeria called on Mali to withdraw its forces from Kidal.",
			want: []string{"CONTROLS Mali -> Kidal"},
		},
		{
			name:    "sanctions threatened are no sanctions",
			text:    "The United States said it was ready to impose sanctions on whichever side broke the truce between Armenia and Azerbaijan.",
			notWant: []string{"Event sanctions"},
		},
		{
			name: "sanctions imposed are an event",
			text: "The United States imposed sanctions on Azerbaijan on Monday.",
			want: []string{"Event sanctions"},
		},
		{
			name:    "a document's name is no person",
			text:    "In what the two sides called the Moscow Declaration, Malian President Assimi Keita and Algerian Foreign Minister Omar Haddad committed to respect each other's borders.",
			want:    []string{"Leader Assimi Keita"},
			notWant: []string{"Leader Declaration", "Leader Moscow Declaration"},
		},
		{
			name:    "fought alongside an ally against an enemy",
			text:    "Algerian troops fought alongside Malian forces against the Azawad Liberation Front near Kidal last year.",
			want:    []string{"SUPPORTS Algeria -> Mali", "FIGHTS Algeria -> Azawad Liberation Front", "FIGHTS Mali -> Azawad Liberation Front"},
			notWant: []string{"FIGHTS Algeria -> Mali", "FIGHTS Mali -> Algeria"},
		},
		{
			name:    "a state's armed group is the enemy, not the state",
			text:    "Algerian soldiers have been fighting against Mali's Azawad Liberation Front since 2012.",
			want:    []string{"FIGHTS Algeria -> Azawad Liberation Front"},
			notWant: []string{"FIGHTS Algeria -> Mali"},
		},
		{
			name: "an armed group clashing with government forces fights the story's state",
			text: "Mali ordered the Azawad Liberation Front to leave Kidal. The Front refused and its fighters clashed with government forces near Gao on Monday.",
			want: []string{"FIGHTS Azawad Liberation Front -> Mali"},
		},
		{
			name:    "the story's state does not fight itself",
			text:    "Mali said its soldiers clashed with the army's deserters near Gao.",
			notWant: []string{"FIGHTS Mali -> Mali"},
		},
		{
			name:    "a group's one-word name that ends a person's name is a surname",
			text:    "Malian Foreign Minister Aminata Diallo Falcon met Algeria's envoy. Falcon said the border would reopen.",
			want:    []string{"Leader Aminata Diallo Falcon", "REPRESENTS Aminata Diallo Falcon -> Mali"},
			notWant: []string{"Organization Falcon Group"},
		},
		{
			name: "a group's one-word name on its own is the group",
			text: "Fighters of the Falcon seized Kidal on Monday.",
			want: []string{"Organization Falcon Group", "CONTROLS Falcon Group -> Kidal"},
		},
		{
			name: "forces backed by a state",
			text: "The Azawad Liberation Front's forces, backed by Algeria, seized Kidal.",
			want: []string{"SUPPORTS Algeria -> Azawad Liberation Front"},
		},
		{
			name:    "a thing backed by an actor is no support of the actor before it",
			text:    "Mali has been divided since 2012, when Algeria intervened in response to a coup backed by the Azawad Liberation Front.",
			notWant: []string{"SUPPORTS Azawad Liberation Front -> Algeria", "SUPPORTS Mali -> Algeria"},
		},
		{
			name:    "a thing that backs is no supporter",
			text:    "Mali's foreign minister Aminata Toure said the agreement had to be backed by respect for Algeria's borders.",
			notWant: []string{"SUPPORTS Algeria -> Aminata Toure", "SUPPORTS Algeria -> Mali"},
		},
		{
			name:    "a pair of states a speaker names is not the speaker's",
			text:    "Trade Secretary Ana Ruiz said Mali and Algeria must agree on the border.",
			notWant: []string{"REPRESENTS Ana Ruiz -> Mali", "REPRESENTS Ana Ruiz -> Algeria"},
		},
		{
			name:    "a minister of a state's ministry represents the state",
			text:    "Mali and Algeria signed a trade deal. Treasury Secretary Aminata Toure, who hosted the talks, called it fair.",
			want:    []string{"REPRESENTS Aminata Toure -> Mali"},
			notWant: []string{"REPRESENTS Aminata Toure -> Malian Treasury"},
		},
		{
			name:    "observers are no sides",
			text:    "Armenia and Azerbaijan held talks in Paris on Friday, mediated by France. Russia and Turkey took part as observers.",
			want:    []string{"PARTY_TO Armenia -> event:talks", "PARTY_TO Azerbaijan -> event:talks"},
			notWant: []string{"PARTY_TO Russia -> event:talks", "PARTY_TO Turkey -> event:talks"},
		},
		{
			name:    "a landmark named with a plural possessive is no region",
			text:    "Hundreds of protesters gathered in Heroes' Square in Bamako on Wednesday, demanding that Mali hold elections.",
			notWant: []string{"Region Heroes", "Region Heroes' Square"},
		},
		{
			name:    "a document named after a town names no place",
			text:    "Mali and the Azawad Liberation Front signed the Gao peace agreement in 2015.",
			notWant: []string{"Region Gao"},
		},
		{
			name: "the town itself is a place",
			text: "Mali and the Azawad Liberation Front signed a peace agreement in Gao in 2015.",
			want: []string{"Region Gao"},
		},
		{
			name:    "a mediator pressing the sides to accept a deal makes no demand",
			text:    "Talks between Armenia and Azerbaijan are mediated by France. France is pressing Armenia and Azerbaijan to accept a ceasefire.",
			want:    []string{"MEDIATES France -> event:talks"},
			notWant: []string{"DEMANDS France -> Armenia", "DEMANDS France -> Azerbaijan"},
		},
		{
			name: "a mediator's demand of substance stays",
			text: "Talks between Armenia and Azerbaijan are mediated by France. France urged Azerbaijan to withdraw its troops from the border.",
			want: []string{"DEMANDS France -> Azerbaijan"},
		},
		{
			name: "capital as a government and as a place",
			text: "The Kremlin said it would respond. Envoys gathered in Moscow for the meeting.",
			want: []string{"State Russia", "Region Moscow"},
		},
		{
			name:    "demonym alone does not name a state",
			text:    "Algerian traders crossed into Mali on Sunday.",
			want:    []string{"State Mali"},
			notWant: []string{"State Algeria"},
		},
		{
			name:    "surname and role resolve to the person",
			text:    "Malian President Amadou Traore spoke first. Traore said the army would hold. The Malian president later left.",
			want:    []string{"Leader Amadou Traore"},
			notWant: []string{"Leader Traore"},
		},
		{
			name: "controls after a seizure",
			text: "Fighters of the Azawad Liberation Front seized Kidal on Thursday.",
			want: []string{"CONTROLS Azawad Liberation Front -> Kidal", "Organization Azawad Liberation Front"},
		},
		{
			name:    "the town of X is no anaphor",
			text:    "Fighting moved to Gao, where the Azawad Liberation Front said it had taken the town of Kidal.",
			want:    []string{"CONTROLS Azawad Liberation Front -> Kidal"},
			notWant: []string{"CONTROLS Azawad Liberation Front -> Gao"},
		},
		{
			name: "in the hands of",
			text: "Kidal, which has remained in the hands of the Azawad Liberation Front, was quiet.",
			want: []string{"CONTROLS Azawad Liberation Front -> Kidal"},
		},
		{
			name: "regained control of",
			text: "The Azawad Liberation Front has regained control of Kidal, officials said.",
			want: []string{"CONTROLS Azawad Liberation Front -> Kidal"},
		},
		{
			name: "fell to",
			text: "Kidal fell to the Azawad Liberation Front on Sunday.",
			want: []string{"CONTROLS Azawad Liberation Front -> Kidal"},
		},
		{
			name: "under someone's control",
			text: "Gao, under Algerian control since March, was calm.",
			want: []string{"CONTROLS Algeria -> Gao"},
		},
		{
			name: "controlled by",
			text: "Kidal has been controlled by the Azawad Liberation Front since 2012.",
			want: []string{"CONTROLS Azawad Liberation Front -> Kidal"},
		},
		{
			name: "hyphenated control",
			text: "Aid reached Gao, but the ALF-held Kidal stayed closed.",
			want: []string{"CONTROLS Azawad Liberation Front -> Kidal"},
		},
		{
			name: "demands with a target",
			text: "Mali demanded that Algeria close its border crossings.",
			want: []string{"DEMANDS Mali -> Algeria"},
		},
		{
			name: "a condition is a demand",
			text: "Mali has made any truce conditional on the Algerian troops' withdrawal from Kidal.",
			want: []string{"DEMANDS Mali -> Algeria"},
		},
		{
			name: "the militant group demanded",
			text: "The Azawad Liberation Front met envoys. The militant group has demanded the withdrawal of Malian forces from Kidal.",
			want: []string{"DEMANDS Azawad Liberation Front -> Mali"},
		},
		{
			name: "the speaker demands after a long report",
			text: "Malian Defence Minister Sadio Kone said the rebels had retaken villages that the army had cleared, and demanded that Algeria close the border.",
			want: []string{"DEMANDS Sadio Kone -> Algeria"},
		},
		{
			name:    "a negated demand",
			text:    "Mali did not demand anything from Algeria.",
			notWant: []string{"DEMANDS Mali -> Algeria"},
		},
		{
			name: "call on someone to",
			text: "France called on Mali to release the detained officers.",
			want: []string{"DEMANDS France -> Mali"},
		},
		{
			name: "backed by",
			text: "The Azawad Liberation Front, backed by Algeria, rejected the plan.",
			want: []string{"SUPPORTS Algeria -> Azawad Liberation Front"},
		},
		{
			name:    "an ally in apposition",
			text:    "Algiers, Mali's main ally and arms supplier, sent envoys.",
			want:    []string{"SUPPORTS Algeria -> Mali"},
			notWant: []string{"Region Algiers"},
		},
		{
			name: "in support of",
			text: "France carried out an airstrike in support of the Malian government near Gao.",
			want: []string{"SUPPORTS France -> Mali"},
		},
		{
			name:    "an alleged support is no support",
			text:    "Mali accused Algeria of supporting the Azawad Liberation Front, an allegation Algiers denies.",
			notWant: []string{"SUPPORTS Algeria -> Azawad Liberation Front"},
		},
		{
			name: "hyphenated support",
			text: "The Russian-backed Azawad Liberation Front advanced.",
			want: []string{"SUPPORTS Russia -> Azawad Liberation Front"},
		},
		{
			name: "fighting between two sides",
			text: "Heavy fighting between Mali and the Azawad Liberation Front killed dozens.",
			want: []string{"FIGHTS Azawad Liberation Front -> Mali", "Event armed_conflict", "PARTY_TO Mali -> event:armed_conflict"},
		},
		{
			name:      "hosted talks: mediator, sides, date",
			text:      "Qatar hosted talks between Mali and the Azawad Liberation Front in Doha on Friday.",
			published: "2024-03-17",
			want: []string{
				"Event talks", "Event talks 2024-03-15", "MEDIATES Qatar -> event:talks",
				"PARTY_TO Mali -> event:talks", "PARTY_TO Azawad Liberation Front -> event:talks", "Region Doha",
			},
			notWant: []string{"PARTY_TO Qatar -> event:talks"},
		},
		{
			name: "a separate track with its own mediator",
			text: "Mali and Algeria held talks in Algiers on Monday. Separate talks between Mali and the Azawad Liberation Front are being mediated by Qatar.",
			want: []string{"MEDIATES Qatar -> event:talks", "PARTY_TO Azawad Liberation Front -> event:talks", "PARTY_TO Algeria -> event:talks"},
		},
		{
			name: "enemies who traded fire are the sides of a truce",
			text: "Mali and Algeria traded artillery fire along their border on Thursday. A truce brokered by Qatar collapsed within hours.",
			want: []string{"FIGHTS Algeria -> Mali", "PARTY_TO Mali -> event:ceasefire", "PARTY_TO Algeria -> event:ceasefire", "MEDIATES Qatar -> event:ceasefire"},
		},
		{
			name: "pressing both sides toward a truce",
			text: "Qatar is pressing Mali and the Azawad Liberation Front to accept a truce.",
			want: []string{"MEDIATES Qatar -> event:ceasefire", "PARTY_TO Mali -> event:ceasefire"},
		},
		{
			name:    "the antecedent of an apposition's relative clause",
			text:    "Mali and the Azawad Liberation Front signed a deal. The deal sidelines Qatar, Algeria's closest partner, which brokered the 2015 truce.",
			want:    []string{"MEDIATES Qatar -> event:ceasefire"},
			notWant: []string{"MEDIATES Algeria -> event:ceasefire"},
		},
		{
			name:    "refused to mediate",
			text:    "Turkey refused to mediate talks between Mali and the Azawad Liberation Front.",
			want:    []string{"Event talks"},
			notWant: []string{"MEDIATES Turkey -> event:talks"},
		},
		{
			name: "brokered by",
			text: "A ceasefire between Mali and the Azawad Liberation Front, brokered by Algeria, took hold.",
			want: []string{"Event ceasefire", "MEDIATES Algeria -> event:ceasefire", "FIGHTS Azawad Liberation Front -> Mali"},
		},
		{
			name: "located in",
			text: "Gao, in Mali, was calm. Ambassadors met in Kidal, Mali.",
			want: []string{"LOCATED_IN Gao -> Mali", "LOCATED_IN Kidal -> Mali"},
		},
		{
			name: "in a state's region",
			text: "Rebels seized the town of Anefis in northern Mali's Menaka Region on Monday.",
			want: []string{"LOCATED_IN Anefis -> Menaka Region"},
		},
		{
			name:      "a person led by or described as a politician is a leader",
			text:      "The Azawad delegation was led by John Harper, a member of its parliament, while Mali sent Peter Collins, a lawmaker. Mali said Mark Reed, a retired engineer, was freed.",
			published: "2018-12-13",
			want:      []string{"Leader John Harper", "Leader Peter Collins"},
			notWant:   []string{"Leader Mark Reed"},
		},
		{
			name:    "a wider area named in passing is no node",
			text:    "Jihadist violence has spread across the Sahel, Mali said on Monday.",
			want:    []string{"State Mali"},
			notWant: []string{"Region Sahel"},
		},
		{
			name: "a wider area a fact is about is a node",
			text: "The Azawad Liberation Front said it controlled much of the Sahel.",
			want: []string{"Region Sahel", "CONTROLS Azawad Liberation Front -> Sahel"},
		},
		{
			name:    "a continent is no region",
			text:    "Tanks from Mali are in service with armies across Europe, and the coup is the third in West and Central Africa since 2020.",
			want:    []string{"State Mali"},
			notWant: []string{"Region Europe", "Region West", "Region Africa"},
		},
		{
			name:    "a dateline of two places names neither",
			text:    "ALGIERS/BAMAKO — Mali's army said on Monday it had retaken Kidal from the Azawad Liberation Front.",
			want:    []string{"State Mali", "Region Kidal"},
			notWant: []string{"State Algeria", "Region Algiers", "Region Bamako"},
		},
		{
			name:    "a dateline's country named with \"of\" is no subject",
			text:    "GAO, Republic of Mali, May 2 — Gunmen have taken control of Kidal, residents said.",
			want:    []string{"Region Kidal"},
			notWant: []string{"CONTROLS Mali -> Kidal"},
		},
		{
			name:    "an actor \"alongside\" whom another acts is no subject",
			text:    "UN experts said Algerian troops were operating alongside the Azawad Liberation Front and supplying it with weapons, findings Algiers rejects.",
			notWant: []string{"SUPPORTS Azawad Liberation Front -> Algeria"},
		},
		{
			name: "a party's name after \"of\" and before \"party\"",
			text: "Karim Benali, leader of Les Patriotes party, demanded that the junta hand power to civilians.",
			want: []string{"REPRESENTS Karim Benali -> Les Patriotes"},
		},
		{
			name: "\"supplied it with\": the actor named before, not the subject",
			text: "The Azawad Liberation Front is short of weapons. Algeria has supplied it with rifles, two officers said.",
			want: []string{"SUPPORTS Algeria -> Azawad Liberation Front"},
		},
		{
			name:    "talks someone stands ready to broker are not held",
			text:    "Algerian officials said President Omar Haddad stood ready to help broker a dialogue between Mali and the Azawad Liberation Front.",
			notWant: []string{"PARTY_TO Mali -> event:talks"},
		},
		{
			name:    "rebels of a group are the group's",
			text:    "Mali's army withdrew on Monday, and rebels of the Azawad Liberation Front have taken control of Kidal, residents said.",
			want:    []string{"CONTROLS Azawad Liberation Front -> Kidal"},
			notWant: []string{"CONTROLS Mali -> Kidal"},
		},
		{
			name:    "a dateline's country is no participant",
			text:    "TAMANRASSET, Algeria — Mali's government and the Azawad Liberation Front agreed on Thursday to a ceasefire in Kidal.",
			want:    []string{"State Mali", "PARTY_TO Azawad Liberation Front -> event:ceasefire"},
			notWant: []string{"State Algeria"},
		},
		{
			name: "a dateline of two places tells no state of the story",
			text: "ALGIERS/BAMAKO — Algeria on Monday imposed sanctions on the gold exports of Mali, and Mali recalled its ambassador. Defence Minister Sadio Kone, flanked by generals, declared that the armed forces would defend the government.",
			want: []string{"REPRESENTS Sadio Kone -> Mali"},
		},
		{
			name:    "a capital where a government answered is the state",
			text:    "Rebels seized Kidal in Mali. In Algiers, a foreign ministry spokesman said Algeria backed Mali.",
			want:    []string{"State Algeria"},
			notWant: []string{"Region Algiers"},
		},
		{
			name: "a capital where people gathered is a place",
			text: "Rebels seized Kidal in Mali. In Bamako, thousands of protesters gathered outside the presidency.",
			want: []string{"Region Bamako"},
		},
		{
			name:    "no event when denied",
			text:    "Officials said no deal between Mali and Algeria was possible.",
			notWant: []string{"Event agreement"},
		},
		{
			name:    "an office of an unknown place is not guessed",
			text:    "Mali and Algeria met in Gao. Talks were chaired by Zembla Prime Minister Ola Nordmann.",
			want:    []string{"Leader Ola Nordmann"},
			notWant: []string{"REPRESENTS Ola Nordmann -> Mali", "REPRESENTS Ola Nordmann -> Algeria"},
		},
		{
			name: "a portfolio between title and name",
			text: "Mali was represented by Deputy Prime Minister for Reconciliation Ousmane Diallo.",
			want: []string{"Leader Ousmane Diallo"},
		},
		{
			name:    "a unit's number opens its name, a year does not",
			text:    "Units of the 444 Combat Brigade reached Gao in 2019. In 2019 Falcon Group fighters left.",
			want:    []string{"Organization 444 Combat Brigade", "Organization Falcon Group"},
			notWant: []string{"Organization Combat Brigade", "Organization 2019 Falcon Group"},
		},
		{
			name:    "a name after a noun for a group is a body's, and a broadcaster is no person",
			text:    "Amadou Sangare of the human rights group Kisal Watch told Sahel Radio that 40 people were held.",
			want:    []string{"Organization Kisal Watch"},
			notWant: []string{"Leader Kisal Watch", "Leader Sahel Radio"},
		},
		{
			name:    "the town of a bare name is that town, a list's next item, not a container",
			text:    "The Azawad Liberation Front controls Kidal, the coastal town of Tessit and most of the north.",
			want:    []string{"CONTROLS Azawad Liberation Front -> Tessit"},
			notWant: []string{"LOCATED_IN Kidal -> Tessit"},
		},
		{
			name:    "a shorter form of a body's name, its first and last words the same, is that body",
			text:    "Units of the 217 Combat Brigade reached Gao. Mali demanded that the 217 Brigade withdraw.",
			want:    []string{"Organization 217 Combat Brigade", "DEMANDS Mali -> 217 Combat Brigade"},
			notWant: []string{"Organization 217 Brigade"},
		},
		{
			name: "a body's head noun with its capital refers to the one body whose name ends in it",
			text: "The Azawad Liberation Front seized Gao on Monday. The Front, formed last year, already holds Kidal.",
			want: []string{"CONTROLS Azawad Liberation Front -> Kidal"},
		},
		{
			name: "a place's name may open with its article in lower case",
			text: "The villages of al-Mazraa and Walgha lie on the road. The Azawad Liberation Front seized the town of al-Qatn.",
			want: []string{"Region al-Mazraa", "Region Walgha", "Region al-Qatn", "CONTROLS Azawad Liberation Front -> al-Qatn"},
		},
		{
			name:    "a capitalized preposition or possessive opening a sentence opens no name",
			text:    "For Sadio Kone, the head of the Falcon Group, the deal was a victory. Its Kidal Defence Brigade left Gao. Nahid Islam, a coordinator of Students Against Discrimination, demanded that the Falcon Group leave.",
			want:    []string{"Leader Sadio Kone", "Organization Kidal Defence Brigade"},
			notWant: []string{"Leader For Sadio Kone", "Organization Its Kidal Defence Brigade", "Leader Discrimination"},
		},
		{
			name:    "a creed before a title or a group noun is no body",
			text:    "Sadio Kone, the Salafist commander who founded the Falcon Group, rejected the demand. It was the boldest attack on the Islamist movement in a year.",
			want:    []string{"Leader Sadio Kone"},
			notWant: []string{"Organization Salafist", "Organization Islamist"},
		},
		{
			name:    "a surname that is also a capital, after a particle",
			text:    "Joana de Bamako, a spokeswoman for the Falcon Group, said the fighters had left Gao.",
			want:    []string{"Leader Joana de Bamako"},
			notWant: []string{"State Mali"},
		},
		{
			name: "a monarch's numeral",
			text: "King Mohammed VI of Morocco received the envoy.",
			want: []string{"Leader Mohammed VI"},
		},
		{
			name: "names in a list after a plural title, each of a state",
			text: "The talks were led by the two countries' security chiefs, Amadou Sangare of Mali and Karim Ferhat of Algeria.",
			want: []string{"REPRESENTS Amadou Sangare -> Mali", "REPRESENTS Karim Ferhat -> Algeria"},
		},
		{
			name:    "a portfolio of two words between a title's modifier and the title",
			text:    "Deputy Human Rights Minister Sadio Kone said the prisoners were safe.",
			want:    []string{"Leader Sadio Kone"},
			notWant: []string{"Leader Human Rights"},
		},
		{
			name:    "a capitalized portfolio is part of the title",
			text:    "Malian Water Minister Sadio Kone said the dam was safe.",
			want:    []string{"REPRESENTS Sadio Kone -> Mali"},
			notWant: []string{"Organization Water"},
		},
		{
			name: "a former office is represented (as ended)",
			text: "Former Malian president Amadou Traore said the vote was fair.",
			want: []string{"Leader Amadou Traore", "REPRESENTS Amadou Traore -> Mali"},
		},
		{
			name:    "no apposition across a quotation mark",
			text:    `"We will fight Tanzar," Malian Defence Minister Sadio Kone said.`,
			want:    []string{"REPRESENTS Sadio Kone -> Mali"},
			notWant: []string{"Leader Tanzar"},
		},
		{
			name: "an apposition calls a name the gazetteer does not know a party",
			text: "Podemos, the opposition party that came second in the election, demanded that Mali publish the terms of the deal.",
			want: []string{"Organization Podemos", "DEMANDS Podemos -> Mali"},
		},
		{
			name:    "a source's attribution after a name is no apposition",
			text:    "A drone strike near Gao killed a commander known as Karim Benali, the group said.",
			notWant: []string{"Organization Karim Benali"},
		},
		{
			name: "a tribunal is a body",
			text: "The Supreme Electoral Tribunal declared the result in Mali on Monday, and the opposition rejected it.",
			want: []string{"Organization Supreme Electoral Tribunal"},
		},
		{
			name:    "a quoted resident is not a leader",
			text:    `"We have no water," said Moussa Keita, a resident of Gao.`,
			notWant: []string{"Leader Moussa Keita"},
		},
		{
			name:    "a quoted analyst of a nationality or a country is not a leader",
			text:    `"The talks will fail," said Moussa Keita, a Malian political analyst. "Nothing moves," said Awa Traore, a Mali analyst in Dakar.`,
			notWant: []string{"Leader Moussa Keita", "Leader Awa Traore"},
		},
		{
			name:    "a newspaper named after a place",
			text:    "A soldier who escaped to Gao told the Kidal Standard that the army had left.",
			notWant: []string{"Region Kidal", "Leader Gao"},
		},
		{
			name:    "the next person's title is no apposition",
			text:    "In what they called the Algiers Declaration, Malian President Amadou Traore and the envoys agreed to meet.",
			want:    []string{"REPRESENTS Amadou Traore -> Mali"},
			notWant: []string{"Leader Declaration"},
		},
		{
			name:    "a name before a word for news media is no person's",
			text:    "In a statement carried by the official Tamasheq Saba news agency, the Falcon Group demanded that Mali withdraw.",
			notWant: []string{"Leader Tamasheq Saba", "Leader Saba"},
		},
		{
			name:    "a firm's name ends in its trade",
			text:    "The United States sanctioned Sahel Star General Trading and said it had supplied the Falcon Group.",
			want:    []string{"Organization Sahel Star General Trading"},
			notWant: []string{"Leader Sahel Star General Trading", "Leader Trading"},
		},
		{
			name:    "a title before \"said\" names the source, not an apposition; a church is a body",
			text:    "Monitoring will be shared between the African Union and the Catholic Church, a Malian diplomat said.",
			want:    []string{"Organization Catholic Church"},
			notWant: []string{"Leader Catholic Church", "REPRESENTS Catholic Church -> Mali"},
		},
		{
			name:    "a title before \"said\" is the source's, not the name's before it",
			text:    "The talks were led by the rebel commander Karim Benali, an Algerian diplomat said.",
			notWant: []string{"REPRESENTS Karim Benali -> Algeria"},
		},
		{
			name:    "bylines are not leaders",
			text:    "Mali closed the road.\nWriting by Jonas Weber",
			notWant: []string{"Leader Jonas Weber"},
		},
		{
			name:    "the body a side is a member of is no second side",
			text:    "The attack on the town was led by the Falcon Group, a member of the Azawad Liberation Front coalition that controls most of Kidal, residents said.",
			want:    []string{"PARTY_TO Falcon Group -> event:attack"},
			notWant: []string{"FIGHTS Falcon Group -> Azawad Liberation Front", "PARTY_TO Azawad Liberation Front -> event:attack"},
		},
		{
			name: "\"between A and B\" ends before a relative clause",
			text: "A new round of negotiations between Mali and the separatist Azawad Liberation Front (ALF), which Algeria and Qatar had planned to open in Doha on Sunday, has been postponed.",
			want: []string{"PARTY_TO Azawad Liberation Front -> event:talks"},
		},
		{
			name:    "\"between A and B\" past an adjective of B's",
			text:    "Talks between Mali and the paramilitary Falcon Group broke down in Gao on Sunday, and Algeria and Qatar blamed the army.",
			want:    []string{"PARTY_TO Falcon Group -> event:talks"},
			notWant: []string{"PARTY_TO Qatar -> event:talks"},
		},
		{
			name:    "a conjoined subject past the words qualifying a state's government",
			text:    "Mali's internationally recognised government and the Azawad Liberation Front have agreed to release 250 prisoners in a swap. Analysts said Algerian attacks on the Azawad Liberation Front had soured the mood.",
			want:    []string{"PARTY_TO Mali -> event:prisoner_exchange"},
			notWant: []string{"PARTY_TO Algeria -> event:prisoner_exchange"},
		},
		{
			name:    "each place of a double dateline with its date is where the story was filed",
			text:    "BAMAKO/ALGIERS, April 17 - The African Union on Wednesday named a new envoy for the Sahel.",
			want:    []string{"Organization African Union"},
			notWant: []string{"State Algeria", "State Mali"},
		},
		{
			name:    "a clause whose verb is left out is no apposition of the name before it",
			text:    "Mali's delegation is led by Deputy Foreign Minister Sadio Kone, Algeria's by Deputy Foreign Minister Omar Haddad.",
			want:    []string{"REPRESENTS Sadio Kone -> Mali", "REPRESENTS Omar Haddad -> Algeria"},
			notWant: []string{"REPRESENTS Sadio Kone -> Algeria"},
		},
		{
			name: "a quotation mark is no verb",
			text: "The Azawad Liberation Front demanded that \"the Algerian occupiers\" leave Kidal.",
			want: []string{"DEMANDS Azawad Liberation Front -> Algeria"},
		},
		{
			name:    "\"their\" after a semicolon is of the clause's own subject",
			text:    "Mali insists that the Azawad Liberation Front withdraw from Kidal; the rebels, through their spokesman Amadou Traore, demand the release of 70 prisoners.",
			want:    []string{"REPRESENTS Amadou Traore -> Azawad Liberation Front"},
			notWant: []string{"REPRESENTS Amadou Traore -> Mali"},
		},
		{
			name: "\"the district centre of X\" introduces a place",
			text: "Fighters of the Azawad Liberation Front overran the district centre of Tessit on Sunday after a two-day push.",
			want: []string{"Region Tessit"},
		},
		{
			name:    "the two sides that carried out an exchange",
			text:    "Algeria and Qatar traded accusations on Monday. Later Mali and the Azawad Liberation Front carried out their largest prisoner exchange in Gao.",
			want:    []string{"PARTY_TO Mali -> event:prisoner_exchange", "PARTY_TO Azawad Liberation Front -> event:prisoner_exchange"},
			notWant: []string{"PARTY_TO Qatar -> event:prisoner_exchange"},
		},
		{
			name:    "\"Neither\" opening a sentence is no part of the name after it",
			text:    "Neither Karim Benali, Mali's president, nor the rebels came in person.",
			want:    []string{"REPRESENTS Karim Benali -> Mali"},
			notWant: []string{"Leader Neither Karim Benali"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := extractText(t, tc.text, tc.published)
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("missing %q\ngot: %s", w, dump(got))
				}
			}
			for _, w := range tc.notWant {
				if got[w] {
					t.Errorf("unexpected %q", w)
				}
			}
		})
	}
}

func dump(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func TestSegment(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text string
		want []string
	}{
		{"The U.S. envoy arrived on Sept. 27. He left.", []string{"The U.S. envoy arrived on Sept. 27.", "He left."}},
		{`"We won," Chen said. Mr. Lin conceded.`, []string{`"We won," Chen said.`, "Mr. Lin conceded."}},
		{"Headline without a stop\nBody starts here.", []string{"Headline without a stop", "Body starts here."}},
		{`He left. "We will stay," she said.`, []string{"He left.", `"We will stay," she said.`}},
		{"President Daniel R. Okafor, Jr. spoke. Then he left.", []string{"President Daniel R. Okafor, Jr. spoke.", "Then he left."}},
	}
	for _, tc := range tests {
		toks := x.tokenize(tc.text)
		sents := segment(tc.text, toks)
		var got []string
		for _, s := range sents {
			got = append(got, tc.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("segment(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestTokenizePossessiveAndCompound(t *testing.T) {
	x := testExtractor(t)
	var got []string
	for _, tk := range x.tokenize("Baku’s terms and the Armenia-controlled enclave U.S.-hosted talks") {
		got = append(got, tk.Text)
	}
	want := "Baku|'s|terms|and|the|Armenia-controlled|enclave|U.S.-hosted|talks"
	if strings.Join(got, "|") != want {
		t.Errorf("tokens = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestStableIDs(t *testing.T) {
	x := testExtractor(t)
	text := "Malian President Amadou Traore said Mali would hold talks with the Azawad Liberation Front in Doha."
	a := &article.Article{ID: article.ID(text), Text: text}
	b1, b2 := x.Extract(a), x.Extract(a)
	if len(b1.Nodes) != len(b2.Nodes) || len(b1.Rels) != len(b2.Rels) {
		t.Fatalf("two extractions differ in size")
	}
	for i := range b1.Nodes {
		if b1.Nodes[i].ID != b2.Nodes[i].ID {
			t.Errorf("node %d: %s then %s", i, b1.Nodes[i].ID, b2.Nodes[i].ID)
		}
	}
	for i := range b1.Rels {
		if b1.Rels[i].ID != b2.Rels[i].ID {
			t.Errorf("rel %d: %s then %s", i, b1.Rels[i].ID, b2.Rels[i].ID)
		}
	}
}

func TestSpellingVariantsShareAnID(t *testing.T) {
	x := testExtractor(t)
	id := func(text string) string {
		for _, n := range x.Extract(&article.Article{ID: article.ID(text), Text: text}).Nodes {
			if n.Label() == graph.LabelLeader {
				return n.ID
			}
		}
		return ""
	}
	pairs := [][2]string{
		{"Armenian Prime Minister Aram Vardanyan spoke.", "Armenian Prime Minister Aram Vardanian spoke."},
		{"Russian Foreign Minister Sergey Volkov spoke.", "Russian Foreign Minister Sergei Volkov spoke."},
		{"Turkish President Kemal Aydın spoke.", "Turkish President Kemal Aydin spoke."},
	}
	for _, p := range pairs {
		a, b := id(p[0]), id(p[1])
		if a == "" || a != b {
			t.Errorf("%q and %q: ids %q and %q", p[0], p[1], a, b)
		}
	}
}

func TestConcurrentExtract(t *testing.T) {
	x := testExtractor(t)
	texts := loadTestArticles(t)
	want := make([]int, len(texts))
	for i, a := range texts {
		want[i] = x.Extract(a).Len()
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, a := range texts {
				if got := x.Extract(a).Len(); got != want[i] {
					t.Errorf("article %d: %d elements concurrently, %d alone", i, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

// loadTestArticles reads the invented articles in testdata/articles.
func loadTestArticles(t testing.TB) []*article.Article {
	t.Helper()
	var out []*article.Article
	err := source.Read(t.Context(), []string{"testdata/articles"}, source.Options{}, func(a *article.Article, err error) error {
		if err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("read test articles: %v (%d read)", err, len(out))
	}
	return out
}

// TestOddInputs checks that unusual text ends and yields a valid batch.
func TestOddInputs(t *testing.T) {
	x := testExtractor(t)
	for _, text := range []string{
		"",
		"\n\n\n",
		"...",
		"Forces Forces Council Ministry.",
		"Forces of the",
		"THE ARMY AND THE FRONT SEIZED KIDAL",
		"Kidal-Gao-Mali-backed-controlled",
		"“”\"'",
		"Mr. . Jr. , Sept.",
		"Talks between and and in in the the.",
		strings.Repeat("Mali seized Kidal. ", 200),
	} {
		a := &article.Article{ID: article.ID(text), Text: text}
		b := x.Extract(a)
		if len(b.Nodes) == 0 || b.Nodes[0].Label() != graph.LabelArticle {
			t.Errorf("%q: no Article node first", text)
		}
	}
}

// TestSeparateTracks checks that talks with other sides and their own
// mediator become a second event, mediated only there.
func TestSeparateTracks(t *testing.T) {
	x := testExtractor(t)
	text := "Mali and Algeria held talks in Algiers on Monday. Separate talks between Mali and the Azawad Liberation Front are being mediated by Qatar."
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text})
	parties := map[string][]string{}
	mediators := map[string][]string{}
	talks := 0
	for _, n := range b.Nodes {
		if n.Label() == graph.LabelEvent && n.Props["type"] == "talks" {
			talks++
		}
	}
	for _, r := range b.Rels {
		switch r.Type {
		case graph.RelPartyTo:
			parties[r.End.ID] = append(parties[r.End.ID], r.Start.ID)
		case graph.RelMediates:
			mediators[r.End.ID] = append(mediators[r.End.ID], r.Start.ID)
		}
	}
	if talks != 2 {
		t.Fatalf("%d talks events, want 2", talks)
	}
	for ev, ms := range mediators {
		for _, m := range ms {
			if m == "state:qatar" && !slicesContains(parties[ev], "org:azawad-liberation-front") {
				t.Errorf("Qatar mediates %s with sides %v", ev, parties[ev])
			}
		}
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestStateForcesAreBodies checks that an unknown body named after a state
// and ending in Force, Army or the like is the state's (government_body),
// and that a unit of an armed group keeps its kind.
func TestStateForcesAreBodies(t *testing.T) {
	x := testExtractor(t)
	tests := []struct{ text, name, kind string }{
		{"Algerian officers trained with the Mali Defence Force on Monday.", "Mali Defence Force", "government_body"},
		{"Algeria said Mali's Border Guard had fired first.", "Mali Border Guard", "government_body"},
		{"Fighters of the 217 Brigade attacked positions near Gao on Monday, Mali said.", "217 Brigade", "armed_group"},
	}
	for _, tc := range tests {
		b := x.Extract(&article.Article{ID: article.ID(tc.text), Text: tc.text})
		got := ""
		for _, n := range b.Nodes {
			if n.Props[graph.PropName] == tc.name {
				got, _ = n.Props["kind"].(string)
			}
		}
		if got != tc.kind {
			t.Errorf("%q: %s has kind %q, want %q", tc.text, tc.name, got, tc.kind)
		}
	}
}

// TestKnownNamesAreOnePerson checks that two names the gazetteer's leaders
// give one person make one Leader node, whichever the article names first.
func TestKnownNamesAreOnePerson(t *testing.T) {
	x := fullExtractor(t)
	text := "Lai Ching-te wins Taiwan vote\n\nDemocratic Progressive Party candidate William Lai Ching-te declared victory on Saturday. Lai said Taiwan would keep the peace."
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text, Published: "2024-01-13"})
	var leaders []string
	for _, n := range b.Nodes {
		if n.Label() == graph.LabelLeader {
			name, _ := n.Props[graph.PropName].(string)
			leaders = append(leaders, name)
		}
	}
	if len(leaders) != 1 {
		t.Errorf("Leader nodes %q, want one", leaders)
	}
}

// An office read from an apposition cites the sentence that names it, not
// the headline.
func TestAppositionEvidence(t *testing.T) {
	const named = "Omar Haddad, the Algerian foreign minister, arrived in Bamako."
	text := "Mali and Niger met in Gao on Monday. " + named
	b := testExtractor(t).Extract(&article.Article{ID: article.ID(text), Title: "Talks resume", Text: text, Published: "2024-03-17"})
	for _, ev := range firstEvidence(t, b, graph.RelRepresents, "Omar Haddad") {
		if ev != named {
			t.Errorf("REPRESENTS evidence %q, want %q", ev, named)
		}
	}
}

// firstEvidence is the first evidence sentence of each relationship of
// type typ from the node named from ("" for one without); the test fails
// when there is none.
func firstEvidence(t *testing.T, b *graph.Batch, typ graph.RelType, from string) []string {
	t.Helper()
	name := map[string]string{}
	for _, n := range b.Nodes {
		name[n.ID], _ = n.Props[graph.PropName].(string)
	}
	var out []string
	for _, r := range b.Rels {
		if r.Type == typ && name[r.Start.ID] == from {
			ev := graph.Strings(r.Props[graph.PropEvidence])
			out = append(out, "")
			if len(ev) > 0 {
				out[len(out)-1] = ev[0]
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s from %s", typ, from)
	}
	return out
}

// The story's state counts the armed groups the gazetteer places in it,
// through the region they are in (the KIA, in Kachin State, for Myanmar),
// whatever neighbour the story names more often.
func TestMainStateOfGroupsInARegion(t *testing.T) {
	x := fullExtractor(t)
	tests := []struct{ text, want string }{
		{"The Kachin Independence Army seized Bhamo in Myanmar on Monday. China closed its border, and China said it would not intervene. The KIA said its fighters held the town, and the KIA's commanders vowed to keep it.", "Myanmar"},
		{"China closed its border with Myanmar on Monday, China's army moved north, and China said it would not intervene.", "China"},
	}
	for _, tc := range tests {
		d := x.analyze(&article.Article{ID: article.ID(tc.text), Text: tc.text, Published: "2024-03-15"})
		if got := d.mainState(); got == nil || got.name != tc.want {
			t.Errorf("%q: main state %v, want %s", tc.text, got, tc.want)
		}
	}
}

// "A's government and forces from the region of B agreed": the state and
// the group the gazetteer places in the region are the two sides.
func TestSidesJoinedToFighters(t *testing.T) {
	x := fullExtractor(t)
	text := "Ethiopia's government and forces from the northern region of Tigray agreed on Friday to a truce. Tigrayan forces still hold Mekelle."
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text, Published: "2024-03-15"})
	name := map[string]string{}
	for _, n := range b.Nodes {
		name[n.ID], _ = n.Props[graph.PropName].(string)
	}
	var parties []string
	for _, r := range b.Rels {
		if r.Type == graph.RelPartyTo {
			parties = append(parties, name[r.Start.ID])
		}
	}
	slices.Sort(parties)
	if want := []string{"Ethiopia", "Tigray Defense Forces"}; !slices.Equal(parties, want) {
		t.Errorf("parties %q, want %q", parties, want)
	}
}

// Who condemns an attack did not make it: the rules that read a deed's
// noun find no subject in its reactor (the event's sides are another
// matter, so they are off here).
func TestReactorIsNoSubject(t *testing.T) {
	x := fullExtractor(t, "fights.event-sides", "fights.story-sides")
	text := `Algeria "condemns in the strongest terms" the attack on the Azawad Liberation Front, its foreign ministry said. Mali condemned the attack on the Azawad Liberation Front.`
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text, Published: "2024-03-15"})
	for _, r := range b.Rels {
		if r.Type == graph.RelFights {
			t.Errorf("FIGHTS %s -> %s, want none", r.Start.ID, r.End.ID)
		}
	}
}

// namesOf is the names of b's nodes labelled l, in b's order.
func namesOf(b *graph.Batch, l graph.Label) []string {
	var out []string
	for _, n := range b.Nodes {
		if n.Labels[0] == l {
			out = append(out, fmt.Sprint(n.Props[graph.PropName]))
		}
	}
	return out
}

// A sentence's capitalized article opens no name: "A State Department
// spokesperson" speaks for the State Department.
func TestNoArticleInNames(t *testing.T) {
	x := fullExtractor(t)
	for _, tc := range []struct{ text, want string }{
		{"A State Department spokesperson said Washington would wait for the audit.", "State Department"},
		{"An African Union envoy arrived in Khartoum on Monday.", "African Union"},
	} {
		b := x.Extract(&article.Article{ID: article.ID(tc.text), Text: tc.text})
		orgs := namesOf(b, graph.LabelOrganization)
		if !slices.Equal(orgs, []string{tc.want}) {
			t.Errorf("%q: organizations %q, want only %s", tc.text, orgs, tc.want)
		}
	}
}

// An acronym the article defines is the defined body's in the whole
// article, whatever body the gazetteer gives it to.
func TestDefinedAcronymIsTheArticles(t *testing.T) {
	x := fullExtractor(t)
	text := "CPC rebels sign truce. The government of the Central African Republic and the Coalition of Patriots for Change (CPC) signed a truce in Luanda. The CPC said it would respect it."
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text})
	orgs := namesOf(b, graph.LabelOrganization)
	if !slices.Equal(orgs, []string{"Coalition of Patriots for Change"}) {
		t.Errorf("organizations %q, want only the Coalition of Patriots for Change", orgs)
	}
}

// A continent's part is no state its last word names: "South America"
// is not "America", the United States.
func TestWiderAreasNameNoState(t *testing.T) {
	x := fullExtractor(t)
	for _, text := range []string{
		"Brazil called itself a guarantor of peace in South America on Monday.",
		"Mexico said migrants crossing Central America needed protection.",
		"Ghana hosted leaders from across Sub-Saharan Africa and North Africa.",
	} {
		b := x.Extract(&article.Article{ID: article.ID(text), Text: text})
		for _, name := range namesOf(b, graph.LabelState) {
			if name == "United States" || name == "Central African Republic" || name == "South Africa" {
				t.Errorf("%q: State %s", text, name)
			}
		}
	}
}

// A clause after a comma says nothing of where the place before it lies:
// in "from El Obeid, the capital of North Kordofan, retaking the village
// of Kazgil", Kazgil is no part of the state.
func TestCommaClauseIsNoApposition(t *testing.T) {
	x := fullExtractor(t)
	text := "The army advanced from El Obeid, the capital of North Kordofan, retaking the village of Kazgil."
	got := facts(x.Extract(&article.Article{ID: article.ID(text), Text: text}))
	if !got["Region Kazgil"] || got["LOCATED_IN North Kordofan -> Kazgil"] {
		t.Errorf("got %s", dump(got))
	}
}

// "Forces of Mali's Azawad Liberation Front": the name after "of" owns
// the group that follows, and "Forces of Mali" names no body.
func TestNoBodyBeforeAPossessor(t *testing.T) {
	x := testExtractor(t)
	text := "Forces of Mali's Azawad Liberation Front seized Gao on Monday."
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text})
	orgs := namesOf(b, graph.LabelOrganization)
	if !slices.Equal(orgs, []string{"Azawad Liberation Front"}) {
		t.Errorf("%q: organizations %q, want only the Azawad Liberation Front", text, orgs)
	}
}

// "The army" is no ruling council with Military in its name: in a story
// of Mali, "the Transitional Military Council" governed, and arms sent to
// the army go to the state.
func TestCouncilIsNoArmy(t *testing.T) {
	x := fullExtractor(t)
	text := "Mali's Transitional Military Council ruled until 2024. Algeria has supplied armoured vehicles to the army, diplomats in Bamako said."
	got := facts(x.Extract(&article.Article{ID: article.ID(text), Text: text}))
	if !got["SUPPORTS Algeria -> Mali"] || got["SUPPORTS Algeria -> Transitional Military Council"] {
		t.Errorf("%q: got %s, want SUPPORTS Algeria -> Mali only", text, dump(got))
	}
}

// A name that puts a body's one-word alias in place of the first word of
// its name is that body: "the Radaa Deterrence Force" is the Special
// Deterrence Force, which the dictionary also calls "Radaa".
func TestAliasForFirstWordIsTheBody(t *testing.T) {
	x := fullExtractor(t)
	text := "The Radaa Deterrence Force signed a deal with the Government of National Unity in Tripoli on Monday. The Radaa will hand over Mitiga airport."
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text})
	orgs := namesOf(b, graph.LabelOrganization)
	if slices.Contains(orgs, "Radaa Deterrence Force") || !slices.Contains(orgs, "Special Deterrence Force") {
		t.Errorf("%q: organizations %q, want the Special Deterrence Force once", text, orgs)
	}
}

// An acronym the text uses without defining it is the body the
// dictionary knows whose initials it spells: "the AA" after "the Arakan
// Army".
func TestUndefinedAcronymOfAKnownBody(t *testing.T) {
	x := fullExtractor(t)
	text := "The Arakan Army seized Kyaukphyu on Monday. Residents said AA fighters were patrolling the main market. The AA said it would protect foreign investment."
	b := x.Extract(&article.Article{ID: article.ID(text), Text: text})
	if orgs := namesOf(b, graph.LabelOrganization); !slices.Equal(orgs, []string{"Arakan Army"}) {
		t.Errorf("%q: organizations %q, want only the Arakan Army", text, orgs)
	}
}

// "Led by X, the veteran Bosnian Serb leader": an office of a people or a
// place, not of a state or a body, leaves him the body he leads.
func TestLedPastAnOfficeOfAPlace(t *testing.T) {
	x := fullExtractor(t)
	text := "The text was drafted by the Alliance of Independent Social Democrats (SNSD), the party led by Milorad Dodik, the veteran Bosnian Serb leader."
	got := facts(x.Extract(&article.Article{ID: article.ID(text), Text: text}))
	if !got["REPRESENTS Milorad Dodik -> Alliance of Independent Social Democrats"] {
		t.Errorf("%q: got %s, want REPRESENTS Milorad Dodik -> Alliance of Independent Social Democrats", text, dump(got))
	}
}

// The spokesman of a body speaks for it, not for a person: "the
// spokesman of the Arakan Army", against "an adviser to the UAE
// president".
func TestSpokesmanOfABody(t *testing.T) {
	x := fullExtractor(t)
	text := "Khine Thu Kha, the spokesman of the Arakan Army, told reporters in Sittwe that the fighting continued."
	got := facts(x.Extract(&article.Article{ID: article.ID(text), Text: text}))
	if !got["REPRESENTS Khine Thu Kha -> Arakan Army"] {
		t.Errorf("%q: got %s, want REPRESENTS Khine Thu Kha -> Arakan Army", text, dump(got))
	}
	text = "Anwar Gargash, diplomatic adviser to the UAE president, said the talks went well."
	got = facts(x.Extract(&article.Article{ID: article.ID(text), Text: text}))
	if got["REPRESENTS Anwar Gargash -> United Arab Emirates"] {
		t.Errorf("%q: got %s, want no REPRESENTS of the UAE", text, dump(got))
	}
}

// A vote demanded after another demand, joined by "and", is no election
// held: "demanding the release of jailed students and a new parliamentary
// election" on the day of the march.
func TestDemandedVoteAfterAnotherDemand(t *testing.T) {
	x := fullExtractor(t)
	text := "Tens of thousands of students marched through Belgrade on Saturday, demanding the release of jailed students and a new parliamentary election. The ruling Serbian Progressive Party, which won a parliamentary election in December 2023, called the protests a foreign plot."
	got := facts(x.Extract(&article.Article{ID: article.ID(text), Text: text, Published: "2025-03-04"}))
	if !got["Event election"] || got["Event election 2025-03-01"] {
		t.Errorf("%q: got %s, want the election of 2023 and none on 2025-03-01", text, dump(got))
	}
}

// A people's compound adjective describes a place, it names nothing:
// "the Kurdish-majority border town that ..." is the town named before,
// "Tal Hamis, a Kurdish-majority town" introduces a town.
func TestPeopleCompoundDescribesAPlace(t *testing.T) {
	x := fullExtractor(t)
	for _, tc := range []struct{ text, want string }{
		{"Fighters massed near Kobani, the Kurdish-majority border town that the Syrian Democratic Forces control.", "CONTROLS Syrian Democratic Forces -> Kobani"},
		{"The Syrian Democratic Forces said they still held Tal Hamis, a Kurdish-majority town near the border, after days of fighting.", "CONTROLS Syrian Democratic Forces -> Tal Hamis"},
	} {
		got := facts(x.Extract(&article.Article{ID: article.ID(tc.text), Text: tc.text}))
		if !got[tc.want] {
			t.Errorf("%q: got %s, want %s", tc.text, dump(got), tc.want)
		}
	}
}

// "army commander X" names no army: the guess (the army the story names
// most, here Israel's) yields to the office the gazetteer knows him in.
// "the Liberty and Refoundation party (Libre)": the short name in brackets
// follows the noun the party's name leaves out. "the Pretoria peace deal":
// a document named after its capital, not South Africa. "an ALF team under
// its spokesman": the team's owner, not the sentence's subject. "police
// spokeswoman X": the police the story names. "the Omani capital, Muscat":
// the city, called the capital. "Defence Minister Israel Katz": the leader
// the gazetteer knows, whose office there overrules an actor near him, but
// not one it bears out ("Riek Machar's SPLM-IO"). "In a communique read out
// by X, the bloc demanded that the military rulers of A, B and C": the bloc,
// of all three. "the Turkish-backed Syrian National Army": a backer before
// the name; "backing from" is no verb.
func TestFullText(t *testing.T) {
	x := fullExtractor(t)
	for _, tc := range []struct{ text, want, notWant string }{
		{"The Israel Defense Forces struck targets in Lebanon on Saturday, and the Israel Defense Forces said they would strike again, according to residents and the Lebanese army. President Joseph Aoun said after meeting army commander General Rodolphe Haykal in Baabda that Israel had broken the truce.",
			"REPRESENTS Rodolphe Haykal -> Lebanon", "REPRESENTS Rodolphe Haykal -> Israel"},
		{"Honduras held a presidential election on Sunday. Rebeca Ordonez is the candidate of the governing Liberty and Refoundation party (Libre). On Monday, Libre demanded that the National Electoral Council recount the ballots.",
			"DEMANDS Liberty and Refoundation -> National Electoral Council", "Leader Libre"},
		{"The African Union brokered the Pretoria peace deal between Ethiopia and the Tigray People's Liberation Front in 2022. On Monday the African Union mediated new talks between the two sides in Addis Ababa.",
			"PARTY_TO Ethiopia -> event:agreement", "State South Africa"},
		{"Talks convened by the African Union on Monday brought together a Malian delegation and an Azawad Liberation Front (ALF) team under its spokesman, Ahmed Ag Bilal.",
			"REPRESENTS Ahmed Ag Bilal -> Azawad Liberation Front", "REPRESENTS Ahmed Ag Bilal -> African Union"},
		{"The Haitian National Police withdrew from Kenscoff on Friday. Gangs of the Viv Ansanm coalition attacked the town again on Saturday, police spokeswoman Marie Jean said.",
			"REPRESENTS Marie Jean -> Haitian National Police", "REPRESENTS Marie Jean -> Viv Ansanm"},
		{"Lebanese President Joseph Aoun welcomed the release. He said Beirut demands that Israel withdraw its troops from five hilltop positions inside southern Lebanon. Israel has refused to leave the hills. Defence Minister Israel Katz said on Tuesday that the army would stay, and insisted that the Lebanese state disarm the group.",
			"REPRESENTS Israel Katz -> Israel", "REPRESENTS Israel Katz -> Lebanon"},
		{"Clashes broke out in Juba on Tuesday. Government spokesman Michael Makuei accused troops loyal to First Vice President Riek Machar's SPLM-IO of fighting alongside the militia.",
			"REPRESENTS Riek Machar -> SPLM-IO", "Leader Machar"},
		{"West African leaders gathered in Abuja on Sunday. In a communique read out by Omar Alieu Touray, president of the ECOWAS Commission, the bloc demanded that the military rulers of Burkina Faso, Mali and Niger publish timetables for elections.",
			"DEMANDS ECOWAS -> Niger", "DEMANDS Omar Alieu Touray -> Niger"},
		{"Fighters of the Turkish-backed Syrian National Army shelled SDF positions near the dam. SDF commander Mazloum Abdi, whose forces still hold Raqqa with backing from some 2,000 American troops, said the withdrawal showed good faith.",
			"SUPPORTS Turkey -> Syrian National Army", "SUPPORTS Mazloum Abdi -> United States"},
		{"Talks opened in the Omani capital, Muscat, on Monday as Oman hosted envoys of Yemen and the Houthis.",
			"LOCATED_IN Muscat -> Oman", "Leader Muscat"},
		// A round-up's heading on a line of its own names its story's
		// country; a capital on its own line is a dateline.
		{"The week's wars, in brief.\n\nMALI\n\nRebels attacked a convoy near Kidal.\n\nYEMEN\n\nStrikes were reported around Sanaa, the capital the Houthis have held since 2014.",
			"LOCATED_IN Sanaa -> Yemen", ""},
		{"Lai Ching-te won the vote.\nANKARA\nTaiwan's ruling party won the presidential election on Saturday.",
			"Leader Lai Ching-te", "State Turkey"},
		// "The Tripoli government": the one government of Libya the
		// story names apart from the state.
		{"The Government of National Accord (GNA) in Tripoli and the Libyan National Army signed a truce. Turkey backs the Tripoli government with drones.",
			"SUPPORTS Turkey -> Government of National Accord", "SUPPORTS Turkey -> Libya"},
		// Troops kept in a breakaway region hold it; in a province, they
		// are there.
		{"Russia keeps 1,500 troops in Transnistria. Turkey keeps troops in Gagauzia.",
			"CONTROLS Russia -> Transnistria", "CONTROLS Turkey -> Gagauzia"},
		// A name that qualifies the noun before another is not the one
		// "led by" names.
		{"JNIM, led by Tuareg jihadist Iyad Ag Ghaly, attacked Timbuktu on Monday.",
			"REPRESENTS Iyad Ag Ghaly -> JNIM", "Leader Tuareg"},
		// A bare plural opening the sentence past a participle is the
		// story's group.
		{"The Viv Ansanm coalition has spread beyond the capital. Armed gangs seized the town of Mirebalais on Monday.",
			"CONTROLS Viv Ansanm -> Mirebalais", "CONTROLS Haiti -> Mirebalais"},
		// "the" joins a name only after another connector.
		{"In western Myanmar the Arakan Army holds most of Rakhine.",
			"CONTROLS Arakan Army -> Rakhine", "Organization Myanmar the Arakan Army"},
		// A round-up's story is told apart: "the military" under the
		// heading MYANMAR is Myanmar's, not the Syrian army of the story
		// before it.
		{"Syrian rebels took Hama on Thursday. The Syrian army withdrew from the city, the Syrian government said.\n\nCONGO – The M23 seized Walikale on Wednesday.\n\nMYANMAR – The Arakan Army said it had captured Maungdaw, the military's last outpost on Myanmar's border with Bangladesh.",
			"PARTY_TO Myanmar -> event:attack", "PARTY_TO Syrian Armed Forces -> event:attack"},
		// "a Venezuelan team": a demonym before "team" names its state.
		{"The deal was the product of talks in Doha between American negotiators and a Venezuelan team led by Jorge Rodríguez.",
			"REPRESENTS Jorge Rodríguez -> Venezuela", "REPRESENTS Jorge Rodríguez -> United States"},
		// A former president who facilitates talks mediates for himself
		// or his body, not for his state, and his state is no side.
		{"Ethiopia and the TPLF signed a truce in Pretoria. The agreement was reached after ten days of talks convened by the African Union and facilitated by former Nigerian president Olusegun Obasanjo, together with former Kenyan president Uhuru Kenyatta.",
			"MEDIATES Uhuru Kenyatta -> event:talks", "MEDIATES Kenya -> event:talks"},
		{"Flights resumed to Mekelle as the Tigray truce holds. The agreement was reached after ten days of talks convened by the African Union and facilitated by the bloc's envoy for the Horn of Africa, former Nigerian president Olusegun Obasanjo, together with former Kenyan president Uhuru Kenyatta.",
			"Organization African Union", "PARTY_TO Kenya -> event:talks"},
		// "Latin American" is no demonym of the United States.
		{"Venezuela ordered seven Latin American countries to recall their ambassadors.",
			"State Venezuela", "State United States"},
		// "the military halts its air strikes": a verb the tagger reads
		// as a noun, before its object.
		{"Myanmar's junta held a vote. ASEAN said it will not endorse the result unless the military halts its air strikes.",
			"DEMANDS ASEAN -> Myanmar", "DEMANDS Myanmar -> ASEAN"},
		// An attack on no one in particular is no attack.
		{"Under the treaty an attack on one member is treated as an attack on all, Mali and Niger said.",
			"State Mali", "PARTY_TO Mali -> event:attack"},
		{"Forces loyal to the Southern Transitional Council took Seiyun and al-Mahra on Thursday.",
			"CONTROLS Southern Transitional Council -> Al-Mahra", "Organization Seiyun"},
		// The body that reports a war's toll is no side of it.
		{"More than 300,000 people have fled fighting around El Fasher in Sudan since April, the United Nations said.",
			"PARTY_TO Sudan -> event:armed_conflict", "PARTY_TO United Nations -> event:armed_conflict"},
		{"Separatists have fought the army in Cameroon since 2017 in a war that has killed more than 6,000 people, according to the International Crisis Group.",
			"PARTY_TO Cameroon -> event:armed_conflict", "PARTY_TO International Crisis Group -> event:armed_conflict"},
		// The fronts that rejected the 2016 accord are not the FARC.
		{"Colombia's government resumed talks with FARC dissidents in Caracas on Tuesday.",
			"PARTY_TO FARC dissidents -> event:talks", "PARTY_TO FARC -> event:talks"},
		// A shadow government is not the one its capital names.
		{"The National Unity Government (NUG) said on Monday it would fight on. Russia backs the Naypyidaw government with arms.",
			"SUPPORTS Russia -> Myanmar", "SUPPORTS Russia -> National Unity Government"},
		// A headline's verb read as the noun "brokers": the name after
		// it is a side, not a mediator.
		{"Algeria brokers Mali talks with the Azawad Liberation Front. Mali and the Azawad Liberation Front held talks in Algiers on Sunday.",
			"PARTY_TO Mali -> event:talks", "MEDIATES Mali -> event:talks"},
		// A known leader's surname after "at" is no place, though the
		// recognizer reads it as one.
		{"French President Emmanuel Macron spoke at Deby funeral on Friday. Chad's army named a military council after the death of President Idriss Deby.",
			"Leader Idriss Deby", "Region Deby"},
		// A body of nations a speaker addresses is no side of the attack
		// he tells of.
		{"Mali's foreign minister told the U.N. Security Council the assault on Gao amounted to a declaration of war by Algeria.",
			"PARTY_TO Algeria -> event:attack", "PARTY_TO UN Security Council -> event:attack"},
		// A bare plural opening the sentence past its dateline refers, to
		// the group whose name holds its adjective.
		{"ADEN, Yemen, June 21 - Southern separatists backed by the United Arab Emirates have seized control of the island of Socotra, deepening a rift in the coalition fighting the Houthis. The Southern Transitional Council said the island was now under its control.",
			"SUPPORTS United Arab Emirates -> Southern Transitional Council", "CONTROLS Houthis -> Socotra"},
		// Asking a court to rule, or a body of one's own state to act, is
		// no demand of an adversary; urging a state is.
		{"Mali asked the International Court of Justice to rule on its border dispute with Algeria, and urged Algeria to withdraw its troops.",
			"DEMANDS Mali -> Algeria", "DEMANDS Mali -> International Court of Justice"},
		// A sentence adverb set off by a comma is no name.
		{"Kyrgyzstan and Tajikistan clashed on the border on Friday. Still, the Kyrgyz leader demanded that Tajikistan pull its units out of the villages.",
			"DEMANDS Kyrgyzstan -> Tajikistan", "Leader Still"},
		// A weapon's maker takes part only through a fact of its own.
		{"Sweden has sent artillery to Ukraine, and Denmark has donated all 19 of its French-made howitzers to Ukraine.",
			"SUPPORTS Sweden -> Ukraine", "State France"},
		{"Venezuelan President Nicolas Maduro ordered PDVSA to grant licences in the disputed region.",
			"Organization PDVSA", "DEMANDS Nicolas Maduro -> PDVSA"},
		// "they" opening a sentence that names no actor before it: the
		// plural noun of the sentence before, not its subject.
		{"DAMASCUS - Iran pledged support to Assad on Sunday, as insurgents led by Hayat Tahrir al-Sham (HTS) tightened their grip on Aleppo. By Saturday they held most of Aleppo, including the citadel.",
			"CONTROLS Hayat Tahrir al-Sham -> Aleppo", "CONTROLS Iran -> Aleppo"},
		// "President X of Algeria's firm support": the possessive owns
		// what follows it, not the office.
		{"BAMAKO, Dec 1 - Algerian Foreign Minister Omar Haddad flew to Bamako on Sunday to assure President Assimi Goita of Algeria's firm support.",
			"REPRESENTS Omar Haddad -> Algeria", "REPRESENTS Assimi Goita -> Algeria"},
		// A state a body is named after is named too, by its name or an
		// alias.
		{"BANGKOK, April 22 - Myanmar's military regained control of Lashio on Tuesday after the rebels pulled out under a ceasefire brokered by China.",
			"State Myanmar", ""},
		{"U.S. Africa Command said it carried out an air strike near Galcad on Friday in support of Somali forces.",
			"State United States", ""},
		// A name the list repeats ("known as Radaa") is no item of it; the
		// list goes on past it.
		{"A ceasefire brokered by the United Nations held in Tripoli on Tuesday. The truce between the Special Deterrence Force, known as Radaa, and the 444th Combat Brigade took effect on Sunday night.",
			"PARTY_TO 444 Brigade -> event:ceasefire", ""},
		// "the air force": the story's armed forces.
		{"Sudan's army and the Rapid Support Forces met in Jeddah. The paramilitaries demand that the air force stop bombing their positions.",
			"DEMANDS Rapid Support Forces -> Sudanese Armed Forces", ""},
		// A side's negotiators, delegation or side name it.
		{"Mali's army and the Azawad Liberation Front met in Algiers. Army negotiators have insisted that the rebels withdraw their fighters from Kidal.",
			"DEMANDS Mali -> Azawad Liberation Front", ""},
		{"Mali and the Azawad Liberation Front met in Algiers. The federal side had demanded the complete disarmament of the rebels as a precondition for any settlement.",
			"DEMANDS Mali -> Azawad Liberation Front", ""},
		{"Mali and the Azawad Liberation Front met in Algiers. Government negotiators, who met rebel representatives in the Algerian capital last week, insist that the rebels lift their siege of Gao.",
			"DEMANDS Mali -> Azawad Liberation Front", ""},
		// "3,000" is one number: the phrase between commas goes on past
		// it, and the backers counted are named after it.
		{"Yet Mali's army, backed by some 3,000 Algerian troops serving in the African Union mission, is still fighting the Azawad Liberation Front.",
			"SUPPORTS Algeria -> Mali", "FIGHTS Algeria -> Azawad Liberation Front"},
		{"Yet Mali's army, backed by some 3,000 Algerian troops serving in the African Union mission, is still fighting the Azawad Liberation Front.",
			"FIGHTS Mali -> Azawad Liberation Front", ""},
		// A number counts the sender's own men, named after it.
		{"Algeria has sent 10,000 Wagner Group troops to the border.",
			"State Algeria", "SUPPORTS Algeria -> Wagner Group"},
		// People counted are not their state.
		{"Israeli troops seized Rafah on Tuesday, a day after ordering some 100,000 Palestinians to leave.",
			"CONTROLS Israel -> Rafah", "DEMANDS Israel -> Palestine"},
		// A name with an office in apposition is a person's.
		{"GAO, March 2 (Sahel Brief) - Peter Mayen, the acting leader of the Azawad Liberation Front, won Saturday's leadership run-off with 54.7 percent of the vote, the movement's council said on Sunday.",
			"Leader Peter Mayen", ""},
		// "the country's military rulers": the story's state's rulers.
		{"Mali's government spokesman Abdoulaye Maiga confirmed that the country's military rulers had given France one month to pull its special forces out.",
			"DEMANDS Mali -> France", "DEMANDS Abdoulaye Maiga -> France"},
		// A title after "of" ends a body's name: the person is its head.
		{"Ag Rhissa, a minister in the Bamako-based Government of National Transition of Prime Minister Choguel Maiga, gave the rebels 48 hours to leave.",
			"Leader Choguel Maiga", "Organization Government of National Transition of Prime Minister Choguel Maiga"},
		// What a verb of control holds part of is a place; so is an
		// exclave.
		{"Sudan and Ethiopia met on Monday. Sudan now controls most of al-Fashaga, which Ethiopian farmers cultivated for decades.",
			"CONTROLS Sudan -> al-Fashaga", ""},
		{"Fighting broke out on Wednesday near the Tajik exclave of Vorukh.",
			"Region Vorukh", ""},
		// A crossing or a border post names an unknown place.
		{"Gunmen from Zuwara exchanged fire with police at the Ras Ajdir border post on Sunday.",
			"Region Ras Ajdir", "Region Ras Ajdir border"},
		{"Hundreds of trucks were stranded at the Kalam Tar crossing after the clashes.",
			"Region Kalam Tar", ""},
		// A capital before "talks" is where they meet, not its state.
		{"Mali and the Azawad Liberation Front swapped prisoners on Monday as Doha talks dragged on.",
			"LOCATED_IN event:talks -> Doha", ""},
		{"Mali and the Azawad Liberation Front swapped prisoners on Monday after the Doha peace talks.",
			"LOCATED_IN event:talks -> Doha", ""},
		// A demonym before a group the gazetteer knows qualifies it.
		{"The army, backed by Russian Wagner Group mercenaries, is fighting on two fronts in northern Mali.",
			"SUPPORTS Wagner Group -> Mali", "Organization Russian Wagner Group"},
		// A known name after "and" ends a list only when the words before
		// name a body of their own.
		{"The decision was taken on Monday at a meeting of the National Defence and Security Council in Naypyitaw.",
			"Organization National Defence and Security Council", "Organization UN Security Council"},
		// One capitalized word between "the" and a common noun names no one.
		{"Rebels led by the Islamist group Hayat Tahrir al-Sham took Hama on Friday. HTS leader Abu Mohammed al-Golani said the offensive would go on.",
			"CONTROLS Hayat Tahrir al-Sham -> Hama", "Leader Islamist"},
		{"Israel said its troops had found tunnels near Rafah. Rear Admiral Daniel Hagari, the chief military spokesman, told reporters the search would go on.",
			"REPRESENTS Daniel Hagari -> Israel", "Organization Rear"},
		// A demonym before a known name of another state's is part of a
		// name of its own.
		{"That row began when the council excluded Karim Wade, candidate of the Senegalese Democratic Party (PDS), because he had held French nationality.",
			"REPRESENTS Karim Wade -> Senegalese Democratic Party", "REPRESENTS Karim Wade -> Senegal"},
		// A portfolio before a title in apposition is part of the title,
		// no body; what the sentence said before him (the prime
		// minister's office, the day he spoke) leaves him the state he
		// speaks for.
		{"Pakistan denied any role. After a meeting chaired by Prime Minister Narendra Modi, Foreign Secretary Vikram Misri announced late on Wednesday that India would shut the main crossing.",
			"REPRESENTS Vikram Misri -> India", "Organization Foreign"},
		// "known as the X": a body the noun before it names, with the
		// short name in brackets after it, however its initials spell.
		{"The army retook Kidal on Tuesday. The rebel alliance, known as the Permanent Defence Framework (CDP), said its fighters had left the town. CDP leaders met in Algiers.",
			"Organization Permanent Defence Framework", "Organization CDP"},
		// Only a whole name.
		{"The deal commits the group, which calls itself the Ejército Gaitanista de Colombia, to move its members.",
			"State Colombia", "Organization Ejército Gaitanista"},
		// The quoted words before a title in lower case are not whom the
		// speaker serves, nor is the state whose troops they name.
		{"Congo accused its neighbour of backing the rebels. \"We demand the immediate and unconditional withdrawal of Rwandan troops from our territory,\" government spokesman Patrick Muyaya said in Kinshasa.",
			"REPRESENTS Patrick Muyaya -> Democratic Republic of the Congo", "REPRESENTS Patrick Muyaya -> Rwanda"},
		{"Congo accused its neighbour of backing the rebels. \"We demand the immediate withdrawal of Rwandan forces and of their M23 proxies from every locality they occupy,\" government spokesman Patrick Muyaya told reporters.",
			"REPRESENTS Patrick Muyaya -> Democratic Republic of the Congo", "REPRESENTS Patrick Muyaya -> Rwanda"},
		// A name set off by commas after a body's noun, a year its last
		// word.
		{"Gabon's vote was disputed. The main opposition platform, Alternance 2023, struck a more cautious note. Its candidate, Albert Ondo Ossa, said he had won.",
			"REPRESENTS Albert Ondo Ossa -> Alternance 2023", "REPRESENTS Albert Ondo Ossa -> Gabon"},
		// "the armed forces": the state whose office its sentence names
		// before it, not the story's most named.
		{"Evo Morales flew to Mexico. Bolivia's first indigenous president stepped down after the commander of the armed forces, General Williams Kaliman, publicly suggested that he leave office.",
			"REPRESENTS Williams Kaliman -> Bolivia", "REPRESENTS Williams Kaliman -> Mexico"},
		// Who fights alongside another is no side of a fight with it.
		{"Mali's junta held a referendum on Sunday. Western governments say Russian mercenaries from the Wagner Group are fighting alongside the army.",
			"SUPPORTS Russia -> Mali", "FIGHTS Mali -> Wagner Group"},
		// A number opens the name of a military unit only, not a count
		// of seats.
		{"Candidates backed by the party won 93 of the 265 National Assembly seats contested on Thursday. The 444 Combat Brigade guarded Tripoli.",
			"Organization 444 Combat Brigade", "Organization 265 National Assembly"},
		// A person's supporters are not the person.
		{"Peru's former president Moussa Dicko was arrested. Hundreds of Dicko supporters clashed with police outside Congress late on Thursday.",
			"State Peru", "FIGHTS Peru -> Congress"},
		// A state in another actor's compound is no state named before
		// a head of state.
		{"Fighting raged around Marib in Yemen. The Iran-aligned Houthis have been trying since February to seize Marib, the last northern stronghold of the internationally recognised government of President Abd-Rabbu Mansour Hadi.",
			"REPRESENTS Abd-Rabbu Mansour Hadi -> Yemen", "REPRESENTS Abd-Rabbu Mansour Hadi -> Iran"},
		// "Centre" is no part of a person's name.
		{"Gabon's army seized power on Wednesday, minutes after the Gabonese Elections Centre declared Bongo the winner.",
			"State Gabon", "Leader Elections Centre"},
		// A military intelligence agency is no army "the junta" could be.
		{"Mali's junta cut ties with Ukraine on Sunday after a spokesman for Ukraine's military intelligence agency, the HUR, said the rebels had received information. Since the coup, the junta has turned to Moscow for aircraft and weapons.",
			"SUPPORTS Russia -> Mali", "SUPPORTS Russia -> Ukraine"},
		// A known spokeswoman of a state body speaks for its state.
		{"Armenia's opposition rallied in Yerevan against the result of Armenia's election. The sharpest reaction came from Moscow. Foreign ministry spokeswoman Maria Zakharova said the election had taken place under pressure, prompting Armenia's foreign ministry to summon the Russian charge d'affaires.",
			"REPRESENTS Maria Zakharova -> Russia", "REPRESENTS Maria Zakharova -> Armenia"},
		// A word before the noun of an apposition describes the group.
		{"He accused Burundian troops deployed in eastern Congo of fighting alongside the FDLR, the Hutu militia Kigali regards as its gravest threat.",
			"Organization Democratic Forces for the Liberation of Rwanda", "Organization Hutu"},
		// "whose president" after a place that is no state: no owner.
		{"Somali forces retook Harardhere with American air support. The town lies in Mudug, part of the federal member state of Galmudug, whose president, Ahmed Abdi Karie, travelled there on Monday.",
			"Leader Ahmed Abdi Karie", "REPRESENTS Ahmed Abdi Karie -> Somalia"},
		// A place the gazetteer does not know owns a governor's office.
		{"Bolivia's army said it would free former interim president Jeanine Anez and Santa Cruz governor Luis Fernando Camacho.",
			"Leader Luis Fernando Camacho", "Organization Cruz"},
		// A regional adjective before "country" places the country.
		{"Idriss Deby, who ruled the Central African country for three decades, died of wounds sustained while visiting troops battling rebels in northern Chad.",
			"State Chad", "State Central African Republic"},
		// "Congress" alone is no state's in particular.
		{"LIMA - Peru's president, Dina Boluarte, said she would send Congress a bill to bring elections forward, after two protesters were killed in clashes with police.",
			"Organization Congress", "Organization U.S. Congress"},
		{"President Bashar al-Assad lost Hama on Friday. Yet Assad's allies look stretched.",
			"Leader Bashar al-Assad", "Leader Yet Assad"},
		// "They" after a group named past the verb of saying is that
		// group, not the speaker; "the M23 rebels" is a plural for it.
		{"In Kinshasa, President Felix Tshisekedi said that the M23 rebels must leave every town they have seized, including Bunagana.",
			"CONTROLS M23 -> Bunagana", "CONTROLS Democratic Republic of the Congo -> Bunagana"},
		// A surname the gazetteer gives one leader, in office that year for
		// a state the story names, is that leader.
		{"Erdogan said on Tuesday he believed Putin wanted the corridor to stay open. Russia quit the grain deal with Turkey in July.",
			"REPRESENTS Vladimir Putin -> Russia", "Leader Putin"},
	} {
		got := facts(x.Extract(&article.Article{ID: article.ID(tc.text), Text: tc.text, Published: "2025-12-06"}))
		if !got[tc.want] || got[tc.notWant] {
			t.Errorf("%q: got %s, want %s and not %s", tc.text, dump(got), tc.want, tc.notWant)
		}
	}
}

// TestGoldArticles checks facts of the project's own gold articles that a
// sentence alone does not show: what a rule finds in a whole story.
func TestGoldArticles(t *testing.T) {
	x := fullExtractor(t)
	for _, tc := range []struct{ path, want, notWant string }{
		// "Talks between A and B, brokered by SADC, broke up late on
		// Friday": the verb dating the talks is past the participle and
		// its agent.
		{"../../testdata/reports/335.txt", "Event talks 2025-02-14", ""},
		// "The United States and Britain have carried out repeated strikes
		// on Houthi targets ... in response to the shipping attacks":
		// allies against a target, no sides of the story's attack.
		{"../../testdata/reports/02.txt", "PARTY_TO Houthis -> event:attack", "PARTY_TO United States -> event:attack"},
	} {
		err := source.Read(t.Context(), []string{tc.path}, source.Options{}, func(a *article.Article, err error) error {
			if err != nil {
				return err
			}
			if got := facts(x.Extract(a)); !got[tc.want] || got[tc.notWant] {
				t.Errorf("%s: got %s, want %s and not %q", tc.path, dump(got), tc.want, tc.notWant)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("read %s: %v", tc.path, err)
		}
	}
}

// A spokesman named without a state speaks for the state the headline
// has speak ("China says ..."), not for the story's main state.
func TestHeadlineSpeaker(t *testing.T) {
	x := fullExtractor(t)
	text := "Myanmar's military and an alliance of ethnic armed groups have agreed to a ceasefire in Shan state after talks in the Chinese city of Kunming. Foreign ministry spokeswoman Mao Ning told a regular briefing on Friday that the two sides had agreed to disengage their troops. Myanmar's junta said the talks were constructive."
	for _, tc := range []struct{ title, want, notWant string }{
		{"China says Myanmar junta, rebels agree truce", "REPRESENTS Mao Ning -> China", "REPRESENTS Mao Ning -> Myanmar"},
		{"Myanmar junta, rebels agree truce", "REPRESENTS Mao Ning -> Myanmar", "REPRESENTS Mao Ning -> China"},
	} {
		got := facts(x.Extract(&article.Article{ID: article.ID(tc.title + text), Title: tc.title, Text: text, Published: "2024-01-13"}))
		if !got[tc.want] || got[tc.notWant] {
			t.Errorf("%q: got %s, want %s and not %s", tc.title, dump(got), tc.want, tc.notWant)
		}
	}
}
