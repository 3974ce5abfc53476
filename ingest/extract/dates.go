package extract

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"
)

// The date grammar: it finds the time expressions of a sentence ("on
// Friday", "Sept. 27", "27 September 2023", "last week", "in 2020", "since
// 1994", "earlier this year") and resolves each against the article's
// publication date to the days it may denote. Which event a time
// expression dates is eventtime.go's business.

// precision is how much of a date a time expression gives.
type precision int

const (
	precNone   precision = iota
	precDay              // one day: "on Friday", "Sept. 27"
	precWeek             // a week or a weekend: "last week"
	precMonth            // a month or part of one: "in March", "late September"
	precYear             // a year: "in 2020", "the 2020 war"
	precRange            // several days, months or years: "from March 3 to March 9", "2001-2002"
	precDecade           // "the 1990s"
	precYears            // "2001-2002"
)

var precisionNames = [...]string{"", "day", "week", "month", "year", "range", "decade", "years"}

func (p precision) String() string { return precisionNames[p] }

// period is a span of days, both ends included, with the precision the
// text gave it. A zero period is unknown.
type period struct {
	lo, hi time.Time
	prec   precision
}

func (p period) known() bool { return p.prec != precNone }

func (p period) day() (string, bool) {
	if p.prec == precDay {
		return isoDay(p.lo), true
	}
	return "", false
}

func isoDay(t time.Time) string { return t.Format("2006-01-02") }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func monthPeriod(y int, m time.Month) period {
	lo := day(y, m, 1)
	return period{lo, lo.AddDate(0, 1, -1), precMonth}
}

func yearPeriod(y int) period { return period{day(y, 1, 1), day(y, 12, 31), precYear} }

// timex is one time expression: tokens [from, to) and what they denote.
type timex struct {
	from, to int
	when     period
	// since: "since 1994", "since early July": the start of something
	// that goes on.
	since bool
	// rng: a range, "from March 3 to March 9", which starts at its
	// first day.
	rng bool
	// md is a month and day whose year neither the text nor a
	// publication date gives ("began Sept. 27" in an undated article);
	// when stays unknown until an event's year completes it. mdEnd ends
	// a range of them.
	md, mdEnd *monthDay
	// dateline: the date of a dateline ("GAO, May 3:"), the day of the
	// report, not of an event.
	dateline bool
	future   bool
}

type monthDay struct {
	m time.Month
	d int
}

// calendar holds the words of the date grammar, from data/dates.tsv.
type calendar struct {
	months   map[string]time.Month
	weekdays map[string]time.Weekday
	relative map[string]relDate
	maxRel   int
	// relFirst holds the first words of the relative phrases: most
	// tokens begin none, and need no phrase built to tell.
	relFirst map[string]bool
	parts    map[string][2]int
	future   map[string]bool
}

// relDate is a relative phrase: n units from the publication date's.
type relDate struct {
	unit   string // day, week, weekend, month, year
	n      int
	toDate bool // the period ends on the publication day
}

func loadCalendar(fsys fs.FS) (*calendar, error) {
	c := &calendar{
		months: map[string]time.Month{}, weekdays: map[string]time.Weekday{}, relative: map[string]relDate{}, relFirst: map[string]bool{},
		parts: map[string][2]int{}, future: map[string]bool{},
	}
	err := eachLine(fsys, "dates.tsv", func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return fmt.Errorf("want kind<TAB>phrase<TAB>value")
		}
		val := ""
		if len(f) > 2 {
			val = f[2]
		}
		switch f[0] {
		case "month":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 || n > 12 {
				return fmt.Errorf("month %q: value %q, want 1-12", f[1], val)
			}
			c.months[f[1]] = time.Month(n)
		case "weekday":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 || n > 6 {
				return fmt.Errorf("weekday %q: value %q, want 0-6", f[1], val)
			}
			c.weekdays[f[1]] = time.Weekday(n)
		case "relative":
			v := strings.Fields(val)
			if len(v) < 2 || len(v) > 3 {
				return fmt.Errorf("relative %q: value %q, want UNIT OFFSET [todate]", f[1], val)
			}
			switch v[0] {
			case "day", "week", "weekend", "month", "year":
			default:
				return fmt.Errorf("relative %q: unit %q, want day, week, weekend, month or year", f[1], v[0])
			}
			n, err := strconv.Atoi(v[1])
			if err != nil {
				return fmt.Errorf("relative %q: offset %q is not a number", f[1], v[1])
			}
			r := relDate{unit: v[0], n: n}
			if len(v) == 3 {
				if v[2] != "todate" {
					return fmt.Errorf("relative %q: %q, want todate", f[1], v[2])
				}
				r.toDate = true
			}
			c.relative[f[1]] = r
			c.maxRel = max(c.maxRel, len(strings.Fields(f[1])))
			c.relFirst[strings.Fields(f[1])[0]] = true
		case "part":
			a, b, ok := strings.Cut(val, "-")
			x, err1 := strconv.Atoi(a)
			y, err2 := strconv.Atoi(b)
			if !ok || err1 != nil || err2 != nil || x < 1 || y > 31 || x > y {
				return fmt.Errorf("part %q: value %q, want FIRST-LAST days", f[1], val)
			}
			c.parts[f[1]] = [2]int{x, y}
		case "future":
			c.future[f[1]] = true
		default:
			return fmt.Errorf("unknown kind %q (want month, weekday, relative, part or future)", f[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// dateScanner finds the time expressions of one sentence.
type dateScanner struct {
	cal  *calendar
	toks []token // the sentence
	base int     // index of toks[0] in the document
	pub  time.Time
	// hasPub: the article has a publication date; without one only
	// explicit dates resolve.
	hasPub bool
}

// scan returns the time expressions of the sentence, in text order.
func (s *dateScanner) scan() []timex {
	var out []timex
	for i := 0; i < len(s.toks); {
		x, n := s.at(i)
		if n == 0 {
			i++
			continue
		}
		x.from, x.to = s.base+i, s.base+i+n
		if i > 0 && s.toks[i-1].Lower == "since" {
			x.since = true
			x.from--
		}
		out = append(out, x)
		i += n
	}
	return out
}

func (s *dateScanner) low(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Lower
}

func (s *dateScanner) text(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Text
}

// at reads a time expression starting at token i: what it denotes and its
// length in tokens, or 0.
func (s *dateScanner) at(i int) (timex, int) {
	// Ranges first: "from March 3 to March 9".
	if s.low(i) == "from" || s.low(i) == "between" {
		if a, n := s.single(i + 1); n > 0 && (a.when.known() || a.md != nil) {
			j := i + 1 + n
			if w := s.low(j); w == "to" || w == "until" || w == "till" || w == "and" || w == "through" {
				b, m := s.single(j + 1)
				// "from March 3 to March 9, 2011": the year at the end is
				// the start's too.
				if m > 0 && a.when.prec == precDay && b.when.prec == precDay && !s.hasYear(i+1, j) && a.when.lo.Year() != b.when.lo.Year() {
					a.when.lo = day(b.when.lo.Year(), a.when.lo.Month(), a.when.lo.Day())
					a.when.hi = a.when.lo
				}
				if m > 0 && a.md != nil && b.when.prec == precDay {
					lo := day(b.when.lo.Year(), a.md.m, a.md.d)
					a = timex{when: period{lo, lo, precDay}}
				}
				if m > 0 && a.when.known() && b.when.known() && !b.when.hi.Before(a.when.lo) {
					return timex{when: period{a.when.lo, b.when.hi, precRange}, rng: true}, j + 1 + m - i
				}
				if m > 0 && a.md != nil && b.md != nil {
					return timex{md: a.md, mdEnd: b.md, rng: true}, j + 1 + m - i
				}
				if b, m := s.bareDay(j+1, a); m > 0 {
					return b, j + 1 + m - i
				}
			}
		}
		return timex{}, 0
	}
	return s.single(i)
}

// hasYear reports whether tokens [from, to) hold a year.
func (s *dateScanner) hasYear(from, to int) bool {
	for k := from; k < to; k++ {
		if _, ok := yearNumber(s.text(k)); ok {
			return true
		}
	}
	return false
}

// bareDay reads the end of a range that gives only a day: "from March 3
// to 9".
func (s *dateScanner) bareDay(i int, a timex) (timex, int) {
	d, ok := dayNumber(s.text(i))
	if !ok {
		return timex{}, 0
	}
	if a.md != nil && d > a.md.d {
		return timex{md: a.md, mdEnd: &monthDay{a.md.m, d}, rng: true}, 1
	}
	if !a.when.known() || a.when.prec != precDay || d < a.when.lo.Day() || d > daysIn(a.when.lo.Year(), a.when.lo.Month()) {
		return timex{}, 0
	}
	hi := day(a.when.lo.Year(), a.when.lo.Month(), d)
	return timex{when: period{a.when.lo, hi, precRange}, rng: true}, 1
}

// single reads one date: a day, a week, a month or a year.
func (s *dateScanner) single(i int) (timex, int) {
	if i >= len(s.toks) {
		return timex{}, 0
	}
	t := s.toks[i]
	// ISO dates: "2024-08-14".
	if len(t.Text) == 10 && t.Text[4] == '-' && t.Text[7] == '-' {
		if d, err := time.Parse("2006-01-02", t.Text); err == nil {
			return timex{when: period{d, d, precDay}}, 1
		}
	}
	for _, read := range singleReads {
		if x, n := read(s, i); n > 0 {
			return x, n
		}
	}
	return timex{}, 0
}

// singleReads are the readers of one date, in the order single tries
// them: method expressions, for method values built at every token cost
// more than the reads themselves.
var singleReads = [...]func(*dateScanner, int) (timex, int){
	(*dateScanner).relativePhrase, (*dateScanner).weekday, (*dateScanner).monthDate, (*dateScanner).dayMonth,
	(*dateScanner).ago, (*dateScanner).ordinalDay, (*dateScanner).year,
}

// relativePhrase reads "yesterday", "last week", "earlier this year".
func (s *dateScanner) relativePhrase(i int) (timex, int) {
	if !s.cal.relFirst[s.toks[i].Lower] {
		return timex{}, 0
	}
	for n := min(s.cal.maxRel, len(s.toks)-i); n >= 1; n-- {
		var b strings.Builder
		for k := i; k < i+n; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(s.toks[k].Lower)
		}
		r, ok := s.cal.relative[b.String()]
		if !ok {
			continue
		}
		if !s.hasPub {
			return timex{}, n
		}
		// "last week's talks" reads the same; "this week" in "this
		// week's summit" too.
		return timex{when: s.relative(r)}, n
	}
	return timex{}, 0
}

func (s *dateScanner) relative(r relDate) period {
	p := s.pub
	var out period
	switch r.unit {
	case "day":
		d := p.AddDate(0, 0, r.n)
		return period{d, d, precDay}
	case "week":
		// Weeks run Monday to Sunday.
		off := (int(p.Weekday()) + 6) % 7
		lo := p.AddDate(0, 0, -off+7*r.n)
		out = period{lo, lo.AddDate(0, 0, 6), precWeek}
	case "weekend":
		// The weekend on or before the publication day.
		off := (int(p.Weekday()) + 1) % 7 // days since Saturday
		lo := p.AddDate(0, 0, -off+7*r.n)
		out = period{lo, lo.AddDate(0, 0, 1), precWeek}
	case "month":
		m := day(p.Year(), p.Month(), 1).AddDate(0, r.n, 0)
		out = monthPeriod(m.Year(), m.Month())
	case "year":
		out = yearPeriod(p.Year() + r.n)
	}
	if r.toDate && out.hi.After(p) {
		out.hi = p
	}
	return out
}

// weekday reads "Friday", "Friday's", "last Friday", "next Monday". The
// day is the latest such day on or before the publication date, or the
// next one when the sentence speaks of the future.
func (s *dateScanner) weekday(i int) (timex, int) {
	t := s.toks[i]
	wd, ok := s.cal.weekdays[t.Lower]
	if !ok || !isCapitalized(t.Text) {
		return timex{}, 0
	}
	from := i
	last, next := false, false
	switch s.low(i - 1) {
	case "last", "past":
		last = true
		from--
	case "next", "coming", "this":
		next = s.low(i-1) != "this" || s.futureBefore(i)
		from--
	}
	n := i + 1 - from
	// "Sunday, Oct. 5" or "Friday (Sept. 27)": the explicit date decides.
	if w := s.low(i + 1); w == "," || w == "(" {
		if x, m := s.monthDate(i + 2); m > 0 && x.when.prec == precDay {
			return x, n + 1 + m
		}
	}
	if !s.hasPub {
		return timex{}, n
	}
	p := s.pub
	delta := (int(p.Weekday()) - int(wd) + 7) % 7
	var d time.Time
	switch {
	case next || !last && s.futureBefore(i):
		ahead := (int(wd) - int(p.Weekday()) + 7) % 7
		if ahead == 0 && next {
			ahead = 7
		}
		d = p.AddDate(0, 0, ahead)
	case last && delta == 0:
		d = p.AddDate(0, 0, -7)
	default:
		d = p.AddDate(0, 0, -delta)
	}
	return timex{when: period{d, d, precDay}}, n
}

// futureBefore reports whether a word of the future stands shortly
// before token i in its clause: "will be signed on Monday", "talks are
// due to resume on Monday", "the envoys are to meet on Friday". "Agreed late
// on Wednesday to set aside the dispute" is past: the future word must
// come before the date.
func (s *dateScanner) futureBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		w := s.toks[k].Lower
		if s.cal.future[w] || k+1 < i && s.cal.future[w+" "+s.toks[k+1].Lower] {
			return true
		}
		switch w {
		case ",", ";", "and", "but", "after", "before", "when", "since", "said", "says":
			return false
		}
	}
	return false
}

// monthDate reads "Sept. 27", "September 27, 2023", "March 2023",
// "in March", "late September", "mid-March".
func (s *dateScanner) monthDate(i int) (timex, int) {
	if i >= len(s.toks) {
		return timex{}, 0
	}
	part := [2]int{1, 31}
	from := i
	// "late September", "early July"
	if r, isPart := s.cal.parts[s.low(i)]; isPart && i+1 < len(s.toks) {
		if _, ok := s.cal.months[s.low(i+1)]; ok {
			part = r
			i++
		}
	}
	t := s.toks[i]
	word, name := t.Lower, t.Text
	if p, m, ok := strings.Cut(word, "-"); ok {
		// "mid-March"
		r, isPart := s.cal.parts[p]
		if !isPart {
			return timex{}, 0
		}
		part, word, name = r, m, t.Text[len(p)+1:]
	}
	mon, ok := s.cal.months[word]
	if !ok || !isCapitalized(name) {
		return timex{}, 0
	}
	n := i + 1 - from
	// "Sept. 27", "September 27, 2023", "Sept. 27th", "Oct. 8 last year"
	if d, ok := dayNumber(s.text(i + 1)); ok {
		n++
		y, hasYear := 0, false
		if s.low(i+2) == "," {
			if yy, ok := yearNumber(s.text(i + 3)); ok {
				y, hasYear = yy, true
				n += 2
			}
		} else if yy, ok := yearNumber(s.text(i + 2)); ok {
			y, hasYear = yy, true
			n++
		} else if r, ok := s.cal.relative[s.low(i+2)+" "+s.low(i+3)]; ok && r.unit == "year" && s.hasPub {
			y, hasYear = s.pub.Year()+r.n, true
			n += 2
		}
		return s.dayOf(i, mon, d, y, hasYear), n
	}
	// "March 2023", "March, 2023"
	if y, ok := yearNumber(s.text(i + 1)); ok {
		return timex{when: s.part(monthPeriod(y, mon), part)}, n + 1
	}
	if s.low(i+1) == "," {
		if y, ok := yearNumber(s.text(i + 2)); ok {
			return timex{when: s.part(monthPeriod(y, mon), part)}, n + 2
		}
	}
	// A month alone: "in March", "since early July", "late September".
	// "May" and "March" are words too: a bare month needs a preposition
	// or a part before it.
	switch s.low(from - 1) {
	case "in", "since", "until", "till", "by", "during", "from", "of", "before", "after", "through", "last", "this", "next", "early", "late", "mid":
	default:
		if from == i {
			return timex{}, 0
		}
	}
	if !s.hasPub {
		return timex{}, n
	}
	y := s.pub.Year()
	switch {
	case s.low(from-1) == "last":
		if mon >= s.pub.Month() {
			y--
		}
		from--
		n++
	case s.low(from-1) == "next" || s.futureBefore(from):
		if mon < s.pub.Month() {
			y++
		}
	case mon > s.pub.Month():
		y--
	}
	return timex{when: s.part(monthPeriod(y, mon), part)}, n
}

// part narrows a month to the days of part ("late September").
func (s *dateScanner) part(p period, part [2]int) period {
	if part == [2]int{1, 31} {
		return p
	}
	lo := day(p.lo.Year(), p.lo.Month(), part[0])
	hi := day(p.lo.Year(), p.lo.Month(), min(part[1], p.hi.Day()))
	return period{lo, hi, precMonth}
}

// dayMonth reads "27 September", "27 September 2023", "26 August".
func (s *dateScanner) dayMonth(i int) (timex, int) {
	d, ok := dayNumber(s.text(i))
	if !ok {
		return timex{}, 0
	}
	k := i + 1
	if s.low(k) == "of" {
		k++
	}
	mon, ok := s.cal.months[s.low(k)]
	if !ok || !isCapitalized(s.text(k)) {
		return timex{}, 0
	}
	n := k + 1 - i
	y, hasYear := yearNumber(s.text(k + 1))
	if hasYear {
		n++
	}
	return s.dayOf(i, mon, d, y, hasYear), n
}

// dayOf resolves a day of a month, with or without a year.
func (s *dateScanner) dayOf(i int, mon time.Month, d, y int, hasYear bool) timex {
	if hasYear {
		if d > daysIn(y, mon) {
			return timex{}
		}
		t := day(y, mon, d)
		return timex{when: period{t, t, precDay}}
	}
	if !s.hasPub {
		return timex{md: &monthDay{mon, d}}
	}
	y = s.pub.Year()
	if d > daysIn(y, mon) && !(mon == time.February && d == 29) {
		return timex{}
	}
	future := s.futureBefore(i)
	t := day(y, mon, min(d, daysIn(y, mon)))
	switch {
	case future && t.Before(s.pub.AddDate(0, -6, 0)):
		// "will meet on Jan. 5" written in December.
		t = day(y+1, mon, min(d, daysIn(y+1, mon)))
	case !future && t.After(s.pub.AddDate(0, 0, 7)):
		// A past event on a day later in the year than the publication
		// date: last year's.
		t = day(y-1, mon, min(d, daysIn(y-1, mon)))
	}
	return timex{when: period{t, t, precDay}, future: future}
}

// ago reads "three days ago", "a week ago", "two years ago".
func (s *dateScanner) ago(i int) (timex, int) {
	n, ok := countWord(s.low(i))
	if !ok {
		return timex{}, 0
	}
	k := i + 1
	// "more than five years ago" is some time before that.
	if s.low(i-1) == "than" || s.low(i-1) == "over" {
		return timex{}, 0
	}
	unit := strings.TrimSuffix(s.low(k), "s")
	if s.low(k+1) != "ago" {
		return timex{}, 0
	}
	if !s.hasPub {
		return timex{}, 3
	}
	p := s.pub
	switch unit {
	case "day":
		d := p.AddDate(0, 0, -n)
		return timex{when: period{d, d, precDay}}, 3
	case "week":
		d := p.AddDate(0, 0, -7*n)
		return timex{when: period{d.AddDate(0, 0, -3), d.AddDate(0, 0, 3), precWeek}}, 3
	case "month":
		d := day(p.Year(), p.Month(), 1).AddDate(0, -n, 0)
		return timex{when: monthPeriod(d.Year(), d.Month())}, 3
	case "year":
		// "a year ago": about then, give or take a season.
		d := p.AddDate(-n, 0, 0)
		return timex{when: period{d.AddDate(0, -3, 0), d.AddDate(0, 3, 0), precRange}}, 3
	}
	return timex{}, 0
}

// ordinalDay reads "on the 5th": a day of the publication month, or of
// the month before when the 5th is still to come.
func (s *dateScanner) ordinalDay(i int) (timex, int) {
	if s.low(i-1) != "the" || s.low(i-2) != "on" {
		return timex{}, 0
	}
	w := s.low(i)
	if len(w) < 3 {
		return timex{}, 0
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
	default:
		return timex{}, 0
	}
	d, err := strconv.Atoi(w[:len(w)-2])
	if err != nil || d < 1 || d > 31 {
		return timex{}, 0
	}
	// "on the 5th day", "on the 2nd floor": an ordinal of a noun.
	if k := i + 1; k < len(s.toks) && strings.HasPrefix(s.toks[k].Tag, "NN") && !isCapitalized(s.toks[k].Text) {
		return timex{}, 0
	}
	if !s.hasPub {
		return timex{}, 1
	}
	m := day(s.pub.Year(), s.pub.Month(), 1)
	if d > s.pub.Day() {
		m = m.AddDate(0, -1, 0)
	}
	if d > daysIn(m.Year(), m.Month()) {
		return timex{}, 0
	}
	t := day(m.Year(), m.Month(), d)
	return timex{when: period{t, t, precDay}}, 1
}

// year reads "2020", "2001-2002", "the 1990s", "2014-15". A four-digit
// number is a year after a preposition or a determiner, before an event
// word, or alone; not as a count of things ("2000 troops").
func (s *dateScanner) year(i int) (timex, int) {
	w := s.text(i)
	if y, ok := yearNumber(w); ok {
		if k := i + 1; k < len(s.toks) && strings.HasPrefix(s.toks[k].Tag, "NNS") && s.toks[k].Lower != "war" {
			return timex{}, 0
		}
		switch s.low(i + 1) {
		case "people", "troops", "soldiers", "civilians", "km", "kilometres", "kilometers", "miles", "tonnes", "tons":
			return timex{}, 0
		}
		return timex{when: yearPeriod(y)}, 1
	}
	// "2001-2002", "2014-15"
	if a, b, ok := strings.Cut(w, "-"); ok {
		y1, ok1 := yearNumber(a)
		if !ok1 {
			return timex{}, 0
		}
		y2, ok2 := yearNumber(b)
		if !ok2 && len(b) == 2 {
			if n, err := strconv.Atoi(b); err == nil {
				y2, ok2 = y1/100*100+n, true
			}
		}
		if !ok2 || y2 <= y1 || y2-y1 > 20 {
			return timex{}, 0
		}
		return timex{when: period{day(y1, 1, 1), day(y2, 12, 31), precYears}, rng: true}, 1
	}
	// "the 1990s"
	if len(w) == 5 && strings.HasSuffix(w, "0s") {
		if y, ok := yearNumber(w[:4]); ok {
			return timex{when: period{day(y, 1, 1), day(y+9, 12, 31), precDecade}}, 1
		}
	}
	return timex{}, 0
}

// dayNumber reads a day of a month: "27", "27th", "1st", "27,".
func dayNumber(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) == 0 || len(w) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(w)
	return d, err == nil && d >= 1 && d <= 31
}

// yearNumber reads a year of news: four digits from 1900 to 2099.
func yearNumber(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil && y >= 1900 && y <= 2099
}

func countWord(w string) (int, bool) {
	switch w {
	case "a", "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n > 0 && n < 100
}

func daysIn(y int, m time.Month) int { return day(y, m+1, 1).AddDate(0, 0, -1).Day() }
