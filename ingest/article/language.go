package article

import (
	_ "embed"
	"strings"
	"unicode"
)

//go:embed english.txt
var englishFile string

// englishWords is the set of english.txt.
var englishWords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(englishFile, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

// Below minEnglishWords words a text is too short to tell its language;
// below minEnglishShare of its words among the common English ones it is
// not English. English news runs at 0.25 to 0.5; French, German, Spanish,
// Italian, Portuguese or Dutch at under 0.1 (their "a", "in", "on" are the
// few words they share). A text mostly in another script than Latin
// (Cyrillic, Arabic, Chinese, which may not even separate words) is not
// English whatever its words.
const (
	minEnglishWords = 12
	minEnglishShare = 0.12
	minLatinShare   = 0.5
	minLetters      = 20
)

// English tells whether text looks like English, the one language the
// extractor reads, by its script and the share of its words that are
// common English function words. A text too short to tell counts as
// English.
func English(text string) bool {
	letters, latin := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if r < unicode.MaxASCII {
				latin++
			}
		}
	}
	if letters >= minLetters && float64(latin) < minLatinShare*float64(letters) {
		return false
	}
	words, common := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		if englishWords[strings.ToLower(w)] {
			common++
		}
	}
	return words < minEnglishWords || float64(common) >= minEnglishShare*float64(words)
}
