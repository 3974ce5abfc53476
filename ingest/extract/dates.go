package extract

import (
	"strconv"
	"strings"
	"time"
)

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

var months = map[string]time.Month{
	"january": 1, "jan.": 1, "february": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4, "apr.": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "aug.": 8, "september": 9, "sept.": 9, "sep.": 9, "october": 10, "oct.": 10, "november": 11, "nov.": 11, "december": 12, "dec.": 12,
}

// dateOf resolves the date of the event at t from its sentence, against
// the article's publication date: "on Friday", "Sept. 27", "yesterday".
func (d *doc) dateOf(t trigger) string {
	return d.dateIn(t.sent)
}

// dateIn is the first date of sentence si, or "".
func (d *doc) dateIn(si int) string {
	pub, err := time.Parse("2006-01-02", d.a.Published)
	if err != nil {
		return ""
	}
	s := d.sents[si]
	return resolveDate(d.toks[s.From:s.To], pub)
}

// resolveDate finds the first date expression in toks. Weekdays are the
// most recent such day on or before pub unless the verb is future ("will",
// "due", "to be signed"), then the next one.
func resolveDate(toks []token, pub time.Time) string {
	// The future is told shortly before the day ("will be signed on
	// Monday", "talks are due to resume on Monday"), not anywhere in the
	// sentence: "agreed late on Wednesday to set aside the dispute" is past.
	futureBefore := func(i int) bool {
		for k := i - 1; k >= 0 && k >= i-10; k-- {
			switch toks[k].Lower {
			case "will", "due", "expected", "scheduled", "next", "shall":
				return true
			case "set":
				if k+1 < len(toks) && (toks[k+1].Lower == "to" || toks[k+1].Lower == "for") {
					return true
				}
			case ",", ";", "and", "but", "after", "before", "when":
				return false
			}
		}
		return false
	}
	for i, t := range toks {
		switch t.Lower {
		case "today":
			return pub.Format("2006-01-02")
		case "yesterday":
			return pub.AddDate(0, 0, -1).Format("2006-01-02")
		case "tomorrow":
			return pub.AddDate(0, 0, 1).Format("2006-01-02")
		}
		if wd, ok := weekdays[t.Lower]; ok && isCapitalized(t.Text) {
			delta := int(pub.Weekday() - wd)
			if futureBefore(i) {
				delta = -int(wd - pub.Weekday())
				if delta > 0 {
					delta -= 7
				}
				return pub.AddDate(0, 0, -delta).Format("2006-01-02")
			}
			if delta < 0 {
				delta += 7
			}
			return pub.AddDate(0, 0, -delta).Format("2006-01-02")
		}
		if m, ok := months[t.Lower]; ok && isCapitalized(t.Text) && i+1 < len(toks) {
			day, err := strconv.Atoi(strings.TrimSuffix(toks[i+1].Text, ","))
			if err != nil || day < 1 || day > 31 {
				continue
			}
			year := pub.Year()
			if i+3 < len(toks) && toks[i+2].Text == "," {
				if y, err := strconv.Atoi(toks[i+3].Text); err == nil && y > 1900 {
					year = y
				}
			}
			date := time.Date(year, m, day, 0, 0, 0, 0, time.UTC)
			if date.After(pub.AddDate(0, 1, 0)) {
				date = date.AddDate(-1, 0, 0)
			}
			return date.Format("2006-01-02")
		}
	}
	return ""
}
