package extract

import (
	"testing"

	"github.com/geokg/geokg/ingest/article"
)

// TestTimeExpressions reads the first time expression of a sentence and
// resolves it against a publication date, for every form news uses.
func TestTimeExpressions(t *testing.T) {
	x := testExtractor(t)
	const pub = "2024-03-15" // a Friday
	tests := []struct{ text, pub, want string }{
		{"Talks were held on Friday.", pub, "day 2024-03-15"},
		{"Talks were held on Tuesday.", pub, "day 2024-03-12"},
		{"Talks ended late Thursday.", pub, "day 2024-03-14"},
		{"Talks were held last Friday.", pub, "day 2024-03-08"},
		{"The deal will be signed on Monday.", pub, "day 2024-03-18"},
		{"Talks are due to resume on Monday.", pub, "day 2024-03-18"},
		{"The envoys are to meet on Saturday.", pub, "day 2024-03-16"},
		{"Mali and Algeria agreed late on Wednesday to set aside their dispute.", pub, "day 2024-03-13"},
		{"The sides agreed on Tuesday that a vote will be held.", pub, "day 2024-03-12"},
		{"Fighting began Sept. 27.", pub, "day 2023-09-27"},
		{"The truce began March 2.", pub, "day 2024-03-02"},
		{"The treaty was signed on 27 September 2023.", pub, "day 2023-09-27"},
		{"The treaty was signed on September 27, 2023.", pub, "day 2023-09-27"},
		{"The truce began yesterday.", pub, "day 2024-03-14"},
		{"Drones struck the port overnight.", pub, "day 2024-03-15"},
		{"The war began on August 8, 2008.", pub, "day 2008-08-08"},
		{"The talks opened on the 5th.", pub, "day 2024-03-05"},
		{"The talks opened on the 20th.", pub, "day 2024-02-20"},
		{"The envoys met three days ago.", pub, "day 2024-03-12"},
		{"The envoys met last week.", pub, "week 2024-03-04 2024-03-10"},
		{"The envoys met at the weekend.", pub, "week 2024-03-09 2024-03-10"},
		{"The envoys met earlier this week.", pub, "week 2024-03-11 2024-03-15"},
		{"The envoys met this month.", pub, "month 2024-03-01 2024-03-31"},
		{"The envoys met earlier this month.", pub, "month 2024-03-01 2024-03-15"},
		{"The envoys met last month.", pub, "month 2024-02-01 2024-02-29"},
		{"The envoys met earlier this year.", pub, "year 2024-01-01 2024-03-15"},
		{"The envoys met in January.", pub, "month 2024-01-01 2024-01-31"},
		{"The envoys met in November.", pub, "month 2023-11-01 2023-11-30"},
		{"The envoys will meet in November.", pub, "month 2024-11-01 2024-11-30"},
		{"Fighting has raged since early July.", pub, "month 2023-07-01 2023-07-10"},
		{"The offensive began in late September.", pub, "month 2023-09-21 2023-09-30"},
		{"The offensive began in mid-February.", pub, "month 2024-02-11 2024-02-20"},
		{"The accord was signed in March 2023.", pub, "month 2023-03-01 2023-03-31"},
		{"The war ended in 2020.", pub, "year 2020-01-01 2020-12-31"},
		{"They recalled the 2020 war.", pub, "year 2020-01-01 2020-12-31"},
		{"They recalled the 2001-2002 war.", pub, "years 2001-01-01 2002-12-31"},
		{"It goes back to the 1990s.", pub, "decade 1990-01-01 1999-12-31"},
		{"The war lasted from March 3 to March 9, 2011.", pub, "range 2011-03-03 2011-03-09"},
		{"The war lasted from February 3 to 9.", pub, "range 2024-02-03 2024-02-09"},
		{"Talks opened on 2024-02-27.", pub, "day 2024-02-27"},
		{"The war began on Oct. 8 last year.", pub, "day 2023-10-08"},
		{"Some 2000 troops crossed the border.", pub, ""},
		{"Nothing dated here.", pub, ""},
		// Without a publication date only explicit dates resolve.
		{"Talks were held on Friday.", "", "unknown"},
		{"The envoys met last week.", "", "unknown"},
		{"The war ended in 2020.", "", "year 2020-01-01 2020-12-31"},
		{"Fighting began Sept. 27.", "", "month-day 9-27"},
		{"The war lasted from March 3 to March 9, 2011.", "", "range 2011-03-03 2011-03-09"},
	}
	for _, tc := range tests {
		d := x.analyze(&article.Article{ID: "t", Text: tc.text, Published: tc.pub})
		got := ""
		if xs := d.times[0]; len(xs) > 0 {
			got = describeTimex(xs[0])
		}
		if got != tc.want {
			t.Errorf("%q (published %q): %q, want %q", tc.text, tc.pub, got, tc.want)
		}
	}
}

func describeTimex(x timex) string {
	switch {
	case x.md != nil:
		return "month-day " + itoa(int(x.md.m)) + "-" + itoa(x.md.d)
	case !x.when.known():
		return "unknown"
	case x.when.prec == precDay:
		return "day " + isoDay(x.when.lo)
	}
	return x.when.prec.String() + " " + isoDay(x.when.lo) + " " + isoDay(x.when.hi)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestChangeDatedByFighting: a change its own clause does not date takes
// the day of the fighting told in its sentence, and only of fighting.
func TestChangeDatedByFighting(t *testing.T) {
	x := fullExtractor(t)
	tests := []struct{ text, fact, date string }{
		{"The Azawad Liberation Front seized Gao; the attack on Sunday left dozens dead.", "CONTROLS Azawad Liberation Front -> Gao", "2024-03-10"},
		{"The Azawad Liberation Front seized Gao, the army said, after an attack on Sunday that left dozens dead.", "CONTROLS Azawad Liberation Front -> Gao", "2024-03-10"},
		{"The Azawad Liberation Front seized Gao; talks with Mali in Algiers on Sunday failed.", "CONTROLS Azawad Liberation Front -> Gao", ""},
		{"The Azawad Liberation Front seized Gao. The attack on Sunday left dozens dead.", "CONTROLS Azawad Liberation Front -> Gao", ""},
	}
	for _, tt := range tests {
		got, ok := exampleFacts(x, Example{Text: tt.text})[tt.fact]
		if !ok {
			t.Errorf("%q: no %s", tt.text, tt.fact)
			continue
		}
		if got.Change != "gain" || got.Date != tt.date {
			t.Errorf("%q: %s [%s %s], want [gain %s]", tt.text, tt.fact, got.Change, got.Date, tt.date)
		}
	}
}
