package source

import (
	"html"
	"regexp"
	"strings"
)

var (
	rxFence      = regexp.MustCompile("^\\s{0,3}(`{3,}|~{3,})")
	rxATXHeading = regexp.MustCompile(`^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$`)
	rxSetext     = regexp.MustCompile(`^\s{0,3}(=+|-+)\s*$`)
	rxRule       = regexp.MustCompile(`^\s{0,3}([-*_])(?:\s*[-*_]){2,}\s*$`)
	rxRefDef     = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*\S+`)
	rxListItem   = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])\s+`)
	rxQuote      = regexp.MustCompile(`^\s{0,3}(?:>\s?)+`)
	rxTableSep   = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$`)
	rxComment    = regexp.MustCompile(`(?s)<!--.*?-->`)

	rxEscape     = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])")
	rxCode       = regexp.MustCompile("`+([^`]*?)`+")
	rxImage      = regexp.MustCompile(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`)
	rxLink       = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	rxAutolink   = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	rxTag        = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	rxStrongStar = regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*`)
	rxStrongUnd  = regexp.MustCompile(`(^|\W)__(\S(?:.*?\S)?)__(\W|$)`)
	rxEmStar     = regexp.MustCompile(`\*(\S(?:[^*]*?\S)?)\*`)
	rxEmUnd      = regexp.MustCompile(`(^|\W)_(\S(?:[^_]*?\S)?)_(\W|$)`)
	rxStrike     = regexp.MustCompile(`~~(\S(?:.*?\S)?)~~`)
)

// stripMarkdown turns Markdown into plain text, one paragraph per block
// with blank lines between. A level-one heading that opens the document
// is its title: it is returned, and left out of the text when the header
// gave no other title or gave the same one.
func stripMarkdown(src, headerTitle string) (title, text string) {
	src = rxComment.ReplaceAllString(src, "")
	lines := strings.Split(src, "\n")
	var out []string // lines of output; "" separates paragraphs
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, strings.Join(para, " "), "")
			para = para[:0]
		}
	}
	block := func(s string) {
		flush()
		if s = inlineMarkdown(s); strings.TrimSpace(s) != "" {
			out = append(out, s, "")
		}
	}
	fence := ""
	seenContent := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if fence != "" {
			if closesFence(line, fence) {
				fence = ""
			}
			continue
		}
		if m := rxFence.FindStringSubmatch(line); m != nil {
			// Code is not news prose: it is dropped.
			flush()
			fence = m[1]
			seenContent = true
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		heading, level := "", 0
		if m := rxATXHeading.FindStringSubmatch(line); m != nil {
			heading, level = m[2], len(m[1])
		} else if len(para) == 0 && i+1 < len(lines) && rxSetext.MatchString(lines[i+1]) && !rxListItem.MatchString(line) && !rxRule.MatchString(line) {
			heading, level = line, 2
			if strings.TrimSpace(lines[i+1])[0] == '=' {
				level = 1
			}
			i++
		}
		if level > 0 {
			h := strings.TrimSpace(inlineMarkdown(heading))
			if !seenContent && level == 1 && title == "" {
				title = h
				seenContent = true
				if headerTitle == "" || strings.EqualFold(headerTitle, h) {
					flush()
					continue
				}
			}
			seenContent = true
			block(heading)
			continue
		}
		seenContent = true
		switch {
		case rxRule.MatchString(line):
			flush()
		case rxRefDef.MatchString(line):
			// A link reference definition is not text.
		case rxTableSep.MatchString(line):
		case strings.HasPrefix(strings.TrimSpace(line), "|"):
			cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
			for j := range cells {
				cells[j] = strings.TrimSpace(cells[j])
			}
			block(strings.Join(cells, ", "))
		case rxListItem.MatchString(line):
			// Each list item is a paragraph of its own, so that items
			// without a final full stop are not run together.
			flush()
			para = append(para, inlineMarkdown(rxListItem.ReplaceAllString(rxQuote.ReplaceAllString(line, ""), "")))
		default:
			line = rxQuote.ReplaceAllString(line, "")
			if rxListItem.MatchString(line) {
				flush()
				line = rxListItem.ReplaceAllString(line, "")
			}
			para = append(para, inlineMarkdown(line))
		}
	}
	flush()
	return title, strings.Join(out, "\n")
}

// closesFence says whether line ends a code block opened by fence: a run
// of the same character, at least as long, and nothing else.
func closesFence(line, fence string) bool {
	t := strings.TrimSpace(line)
	return len(t) >= len(fence) && strings.Trim(t, fence[:1]) == ""
}

// escapeBase maps a backslash-escaped ASCII character into the private
// use area while inline markup is stripped, so that an escaped "*" is not
// taken for emphasis.
const escapeBase = 0xE000

// inlineMarkdown strips inline markup from one line of Markdown.
func inlineMarkdown(s string) string {
	s = rxEscape.ReplaceAllStringFunc(s, func(m string) string {
		return string(rune(escapeBase + rune(m[1])))
	})
	s = rxCode.ReplaceAllString(s, "$1")
	s = rxImage.ReplaceAllString(s, "")
	s = rxLink.ReplaceAllString(s, "$1")
	s = rxAutolink.ReplaceAllString(s, "$1")
	s = rxTag.ReplaceAllString(s, "")
	s = rxStrongStar.ReplaceAllString(s, "$1")
	s = rxStrongUnd.ReplaceAllString(s, "$1$2$3")
	s = rxStrike.ReplaceAllString(s, "$1")
	s = rxEmStar.ReplaceAllString(s, "$1")
	s = rxEmUnd.ReplaceAllString(s, "$1$2$3")
	s = strings.Map(func(r rune) rune {
		if r >= escapeBase && r < escapeBase+0x80 {
			return r - escapeBase
		}
		return r
	}, s)
	return html.UnescapeString(s)
}
