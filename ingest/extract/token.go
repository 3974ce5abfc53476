package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of an article, with its place in
// the text and its part-of-speech tag.
type token struct {
	Text  string // as written, apostrophes normalized to '
	Key   string // the form used for dictionary look-ups
	Lower string
	Tag   string // Penn Treebank tag from prose
	NER   string // prose's IOB entity label, a weak signal
	Start int    // byte offsets in the text
	End   int
	Sent  int // sentence index
}

// sentence is a span of tokens [From, To) with its text.
type sentence struct {
	From, To int
	Start    int // byte offsets in the text
	End      int
}

// tokenize splits text into tokens. It keeps abbreviations with their
// period ("U.S.", "Sept.", "Jr."), splits possessive endings ("Baku's" →
// "Baku" "'s") and keeps hyphenated compounds whole ("Armenia-controlled").
func (x *Extractor) tokenize(text string) []token {
	var toks []token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			// Line breaks matter for sentence splitting: keep them as tokens.
			toks = append(toks, token{Text: "\n", Start: i})
			i += size
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := i
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) || ((r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == '&') && j+s2 < len(text) && nextIsWord(text[j+s2:])) || r2 == ',' && thousands(text, j) {
					j += s2
					continue
				}
				break
			}
			word := text[i:j]
			// A trailing period belongs to the word when it is an
			// abbreviation or an initial.
			if j < len(text) && text[j] == '.' && (x.lex.isAbbrev(word+".") || strings.Contains(word, ".")) {
				j++
				// "U.S.-hosted": the compound goes on after the period.
				if j+1 < len(text) && text[j] == '-' && nextIsWord(text[j+1:]) {
					j++
					for j < len(text) {
						r2, s2 := utf8.DecodeRuneInString(text[j:])
						if !isWordRune(r2) && !(r2 == '-' && j+s2 < len(text) && nextIsWord(text[j+s2:])) {
							break
						}
						j += s2
					}
				}
				word = text[i:j]
			}
			toks = appendWord(toks, word, i)
			i = j
		default:
			toks = append(toks, token{Text: string(r), Start: i})
			i += size
		}
	}
	for k := range toks {
		t := &toks[k]
		t.End = t.Start + len(t.Text)
		t.Text = strings.ReplaceAll(t.Text, "’", "'")
		t.Lower = strings.ToLower(t.Text)
		t.Key = t.Text
		if isAllCaps(t.Text) && utf8.RuneCountInString(t.Text) > 3 {
			// Datelines and shouted headlines: "CHINA on Monday".
			t.Key = titleCase(t.Lower)
		}
		switch t.Text {
		case "“", "”", "\"":
			t.Key = "\""
		}
	}
	return toks
}

// appendWord adds word, split into stem and possessive ending; "ex-" and
// "then-" go apart from the title they qualify ("then-prime minister").
func appendWord(toks []token, word string, start int) []token {
	for _, pre := range []string{"ex-", "then-", "Ex-", "Then-"} {
		if rest, ok := strings.CutPrefix(word, pre); ok && rest != "" && !isCapitalized(rest) {
			toks = append(toks, token{Text: pre, Start: start})
			return appendWord(toks, rest, start+len(pre))
		}
	}
	for _, suf := range []string{"'s", "’s"} {
		if len(word) > len(suf) && strings.HasSuffix(word, suf) {
			stem := word[:len(word)-len(suf)]
			return append(toks, token{Text: stem, Start: start}, token{Text: suf, Start: start + len(stem)})
		}
	}
	if strings.HasSuffix(word, "s'") || strings.HasSuffix(word, "s’") {
		n := len(word) - len("'")
		if strings.HasSuffix(word, "’") {
			n = len(word) - len("’")
		}
		return append(toks, token{Text: word[:n], Start: start}, token{Text: "'", Start: start + n})
	}
	return append(toks, token{Text: word, Start: start})
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// isDash reports whether s is a dash: "—", "–", "--".
func isDash(s string) bool {
	switch s {
	case "—", "–", "--", "―":
		return true
	}
	return false
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func titleCase(lower string) string {
	var b strings.Builder
	up := true
	for _, r := range lower {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(r)
		}
		up = r == ' ' || r == '-'
	}
	return b.String()
}

// segment assigns tokens to sentences and returns the sentences. A
// sentence ends at a line break, or at '.', '!' or '?' (after any closing
// quote) when the next word starts a new sentence.
func segment(text string, toks []token) []sentence {
	var sents []sentence
	for i := range toks {
		toks[i].Sent = -1
	}
	from := 0
	closeAt := func(to int) {
		// Drop line-break tokens at the edges.
		for from < to && toks[from].Text == "\n" {
			from++
		}
		end := to
		for end > from && toks[end-1].Text == "\n" {
			end--
		}
		if from < end {
			sents = append(sents, sentence{From: from, To: end, Start: toks[from].Start, End: toks[end-1].End})
		}
		from = to
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i].Text
		if t == "\n" {
			closeAt(i + 1)
			continue
		}
		if t != "." && t != "!" && t != "?" {
			continue
		}
		// Closing quotes and brackets stay with the sentence; a straight
		// quote closes only when one is open.
		open := false
		for k := from; k < i; k++ {
			switch toks[k].Text {
			case "\"":
				open = !open
			case "“":
				open = true
			case "”":
				open = false
			}
		}
		j := i + 1
		for j < len(toks) && (toks[j].Text == "”" || toks[j].Text == "\"" && open || toks[j].Text == "'" || toks[j].Text == ")") {
			if toks[j].Text == "\"" {
				open = false
			}
			j++
		}
		if j >= len(toks) || toks[j].Text == "\n" || isCapitalized(toks[j].Text) || toks[j].Key == "\"" || unicode.IsDigit(rune(toks[j].Text[0])) {
			closeAt(j)
			i = j - 1
		}
	}
	closeAt(len(toks))
	for k, s := range sents {
		for i := s.From; i < s.To; i++ {
			toks[i].Sent = k
		}
	}
	return sents
}

// thousands reports whether the comma at text[i] separates the thousands
// of a number: "3,000 troops" is one word, "in 2020, 3 died" is not.
func thousands(text string, i int) bool {
	if i == 0 || !isDigit(text[i-1]) || i+4 > len(text) {
		return false
	}
	for _, c := range []byte(text[i+1 : i+4]) {
		if !isDigit(c) {
			return false
		}
	}
	return i+4 == len(text) || !isDigit(text[i+4])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
