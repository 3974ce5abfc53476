// Package queries is geokg's library of canned Cypher queries for analysts:
// the queries embedded in the binary and those in user folders, their
// headers (title, description, typed parameters), running them against
// Neo4j and writing their rows as a table, JSON or CSV.
//
// A query file is Cypher that starts with a header of line comments:
//
//	// Who mediates between two actors
//	// Third parties that mediate events in which both actors are sides.
//	// @param a string "Armenia" first actor: name or alias, any case
//	// @param b string "Azerbaijan" second actor
//	// @param limit int 25
//	MATCH ...
//
// The first line is the title (Neo4j Browser names a favorite by it). The
// other comment lines up to the first line of Cypher are the description,
// except those starting with "@param", which declare a parameter:
//
//	@param NAME TYPE DEFAULT [DOC]
//
// TYPE is string, int, float, bool, date, or list<T> of one of those ("list"
// alone is list<string>). DEFAULT is a JSON value ("Russia", 10, 0.5, true,
// "2024-01-31", ["talks","ceasefire"]) or the word required. DOC is the rest of
// the line; a leading "—" or "-" is dropped. Every $name in the Cypher must be
// declared, and every declared parameter used.
package queries

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// Query is one canned query.
type Query struct {
	Name        string  // file name without .cypher
	Title       string  // first header line
	Description string  // the other header lines, as one paragraph
	Params      []Param // in header order
	Text        string  // the whole file, header included, as written
	Source      string  // "builtin" or the file's path

	parts  []Part // what runs: the body with the resolver written out
	checks string // the query whose rows say which values match nothing
	table  string // the Cypher without the graph column (TableCypher)
}

// Cypher is the Cypher that runs: the query's text without its header,
// each CALL geokg.resolve($name) written out, and, for a query that takes
// names or words of the vocabulary, a last part that returns one row for
// each value that matches nothing. Neo4j Browser runs it as it is.
func (q *Query) Cypher() string {
	if q.parts == nil {
		// A Query made by hand, not by Parse.
		_, body := splitHeader(q.Text)
		return body
	}
	var b strings.Builder
	for _, p := range q.parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

// Parts is Cypher in pieces, those that geokg wrote out marked.
func (q *Query) Parts() []Part { return q.parts }

// Header is the query's header: its // comment lines, with a line break
// after each.
func (q *Query) Header() string {
	header, _ := splitHeader(q.Text)
	lines := strings.SplitAfterN(q.Text, "\n", len(header)+1)
	return strings.Join(lines[:len(header)], "")
}

// Checks is a query whose rows say which parameter values match nothing
// in the graph (a name of no node, a word outside its vocabulary), one
// message a row, or "" when the query takes no such parameter.
func (q *Query) Checks() string { return q.checks }

// Param returns the declared parameter called name.
func (q *Query) Param(name string) (Param, bool) {
	for _, p := range q.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Param is a declared parameter of a query.
type Param struct {
	Name     string
	Type     Type
	Default  any // typed value (see Type.Parse), nil when Required
	Required bool
	Doc      string
}

var (
	paramRef  = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)
	paramName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// Parse reads a query file's text. name is the query's name, used in errors.
func Parse(name, text string) (*Query, error) {
	header, body := splitHeader(text)
	if len(header) == 0 {
		return nil, fmt.Errorf("query %s: no header: the first line must be a // Title comment", name)
	}
	q := &Query{Name: name, Title: header[0].text, Text: text}
	if q.Title == "" || strings.HasPrefix(q.Title, "@") {
		return nil, fmt.Errorf("query %s: line 1: the first line must be a // Title comment", name)
	}
	var desc []string
	for _, l := range header[1:] {
		if rest, ok := strings.CutPrefix(l.text, "@param"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			p, err := parseParam(rest)
			if err != nil {
				return nil, fmt.Errorf("query %s: line %d: %w", name, l.n, err)
			}
			if _, dup := q.Param(p.Name); dup {
				return nil, fmt.Errorf("query %s: line %d: parameter %s declared twice", name, l.n, p.Name)
			}
			q.Params = append(q.Params, p)
			continue
		}
		if l.text != "" {
			desc = append(desc, l.text)
		}
	}
	q.Description = strings.Join(desc, " ")
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("query %s: no Cypher after the header", name)
	}
	used := map[string]bool{}
	for _, m := range paramRef.FindAllStringSubmatch(stripComments(body), -1) {
		used[m[1]] = true
		if _, ok := q.Param(m[1]); !ok {
			return nil, fmt.Errorf("query %s: $%s is used but not declared with // @param", name, m[1])
		}
	}
	for _, p := range q.Params {
		if !used[p.Name] {
			return nil, fmt.Errorf("query %s: parameter %s is declared but not used", name, p.Name)
		}
	}
	var err error
	if q.parts, q.checks, err = expand(body, q.Params); err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	q.table = tableCypher(q.Cypher())
	return q, nil
}

type headerLine struct {
	n    int
	text string
}

// splitHeader returns the leading // comment lines (without the slashes)
// and the rest of the text.
func splitHeader(text string) ([]headerLine, string) {
	var header []headerLine
	rest := text
	for n := 1; rest != ""; n++ {
		line, after, _ := strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		c, ok := strings.CutPrefix(t, "//")
		if !ok {
			break
		}
		header = append(header, headerLine{n: n, text: strings.TrimSpace(c)})
		rest = after
	}
	return header, rest
}

// stripComments drops // comments outside string literals, so that a $word
// in a comment is not taken for a parameter.
func stripComments(cypher string) string {
	var b strings.Builder
	var quote rune
	rs := []rune(cypher)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == '\\' && i+1 < len(rs) {
				b.WriteRune(r)
				i++
				r = rs[i]
			} else if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"' || r == '`':
			quote = r
		case r == '/' && i+1 < len(rs) && rs[i+1] == '/':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
			if i < len(rs) {
				b.WriteRune('\n')
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// parseParam reads "NAME TYPE DEFAULT [DOC]".
func parseParam(s string) (Param, error) {
	fields := strings.Fields(s)
	if len(fields) < 3 {
		return Param{}, fmt.Errorf("@param wants NAME TYPE DEFAULT [DOC], got %q", strings.TrimSpace(s))
	}
	p := Param{Name: fields[0]}
	if !paramName.MatchString(p.Name) {
		return Param{}, fmt.Errorf("@param %q: not a valid parameter name", p.Name)
	}
	t, err := ParseType(fields[1])
	if err != nil {
		return Param{}, fmt.Errorf("@param %s: %w", p.Name, err)
	}
	p.Type = t
	// The default starts after NAME and TYPE; it is one JSON value, which
	// may hold spaces.
	rest := strings.TrimSpace(s)
	for range 2 {
		rest = strings.TrimLeft(rest, " \t")
		rest = rest[strings.IndexAny(rest+" ", " \t"):]
	}
	rest = strings.TrimLeft(rest, " \t")
	if r, ok := strings.CutPrefix(rest, "required"); ok && (r == "" || r[0] == ' ' || r[0] == '\t') {
		p.Required = true
		rest = r
	} else {
		dec := json.NewDecoder(strings.NewReader(rest))
		dec.UseNumber()
		var raw any
		if err := dec.Decode(&raw); err != nil {
			return Param{}, fmt.Errorf("@param %s: default %q is not a JSON value or required", p.Name, firstField(rest))
		}
		off := dec.InputOffset()
		if off < int64(len(rest)) && rest[off] != ' ' && rest[off] != '\t' {
			return Param{}, fmt.Errorf("@param %s: default %q is not a JSON value or required", p.Name, firstField(rest))
		}
		v, err := t.FromJSON(raw)
		if err != nil {
			return Param{}, fmt.Errorf("@param %s: default: %w", p.Name, err)
		}
		p.Default = v
		rest = rest[off:]
	}
	doc := strings.TrimSpace(rest)
	for _, dash := range []string{"—", "--", "-"} {
		if d, ok := strings.CutPrefix(doc, dash); ok {
			doc = strings.TrimSpace(d)
			break
		}
	}
	p.Doc = doc
	return p, nil
}

func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// DefaultText is the default as written in a header ("required" when
// there is none).
func (p Param) DefaultText() string {
	if p.Required {
		return "required"
	}
	return p.Type.Format(p.Default)
}

// jsonText marshals v without HTML escaping.
func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
