package queries

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
)

//go:embed resolve.cypher.tmpl
var resolveTemplate string

var resolveTmpl = template.Must(template.New("resolve").Parse(resolveTemplate))

// resolveLine is how a query looks a name up: on a line of its own,
//
//	CALL geokg.resolve($actor) YIELD node AS a
//
// which stands for the resolver of resolve.cypher.tmpl, one row per node
// the name matches.
var resolveLine = regexp.MustCompile(`(?m)^([ \t]*)CALL[ \t]+geokg\.resolve\([ \t]*\$([A-Za-z_][A-Za-z0-9_]*)[ \t]*\)[ \t]+YIELD[ \t]+node[ \t]+AS[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*$`)

// asOfLine is how a query reads a fact as of a day: on a line of its own,
//
//	CALL geokg.asOf(r, asOf, 'gain') YIELD last, changed
//
// which stands for the "asof" template of resolve.cypher.tmpl: the newest
// report of r on or before asOf and the day of the newest that says gain.
var asOfLine = regexp.MustCompile(`(?m)^([ \t]*)CALL[ \t]+geokg\.asOf\([ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*'([a-z]+)'[ \t]*\)[ \t]+YIELD[ \t]+last[ \t]*,[ \t]*changed[ \t]*$`)

type asOfArgs struct{ Rel, Day, Change string }

// eventsLine is how a query reads an actor's or a place's events of a
// period: on a line of its own,
//
//	CALL geokg.events(y, PARTY_TO, from, to) YIELD e
//
// which stands for the "events" template of resolve.cypher.tmpl: each
// Event e that y is tied to by the type (PARTY_TO or MEDIATES from y,
// LOCATED_IN to y) and whose time meets the period from..to (DATE values),
// read from the indexes of the relationships' bounds (store.EventRelKey),
// so that a period reads its own events however long y's history.
var eventsLine = regexp.MustCompile(`(?m)^([ \t]*)CALL[ \t]+geokg\.events\([ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*(PARTY_TO|MEDIATES|LOCATED_IN)[ \t]*,[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\)[ \t]+YIELD[ \t]+e[ \t]*$`)

type eventsArgs struct {
	Var, Type, Key, Pattern, From, To string
	Days                              int
}

// eventsData leaves e without its label: only a relationship with an
// Event keeps the key its index holds, and checking the label would read
// each event once more.
func eventsData(m []string) eventsArgs {
	typ := graph.RelType(m[3])
	a := eventsArgs{Var: m[2], Type: m[3], From: m[4], To: m[5], Days: store.EventShortDays,
		Key: store.EventRelKey(typ, graph.LabelState, graph.LabelEvent), Pattern: "()-[r:" + m[3] + "]->(e)"}
	if typ == graph.RelLocatedIn {
		a.Key, a.Pattern = store.EventRelKey(typ, graph.LabelEvent, graph.LabelRegion), "(e)-[r:"+m[3]+"]->()"
	}
	return a
}

// betweenLine is how a query reads the relationships between two nodes:
// on a line of its own,
//
//	CALL geokg.between(a, b, SUPPORTS|FIGHTS) YIELD r
//
// which stands for the "between" template of resolve.cypher.tmpl: each
// relationship r of the types, in either direction, between the entities
// a and b, read from the indexes of the relationships' ends
// (store.PropBetween), not by reading every relationship of either.
var betweenLine = regexp.MustCompile(`(?m)^([ \t]*)CALL[ \t]+geokg\.between\([ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*([A-Z_]+(?:[ \t]*\|[ \t]*[A-Z_]+)*)[ \t]*\)[ \t]+YIELD[ \t]+r[ \t]*$`)

type betweenArgs struct {
	A, B, Key, Value string
	Types            []string
}

func betweenData(m []string) (betweenArgs, error) {
	a := betweenArgs{A: m[2], B: m[3], Key: store.PropBetween, Value: store.BetweenValue(m[2], m[3])}
	for _, t := range strings.Split(m[4], "|") {
		t = strings.TrimSpace(t)
		if !slices.Contains(store.BetweenTypes, graph.RelType(t)) {
			return a, fmt.Errorf("geokg.between(%s, %s, %s): %s is not one of the types between two entities, %v", m[2], m[3], m[4], t, store.BetweenTypes)
		}
		a.Types = append(a.Types, t)
	}
	return a, nil
}

// insideLine is how a query reads the places inside a place: on a line
// of its own,
//
//	CALL geokg.inside(g, 3) YIELD place, inside
//
// which stands for the "inside" template of resolve.cypher.tmpl: g itself,
// then each Region up to that many LOCATED_IN steps inside it (1 to 3),
// with the path from it to g, one row per path as the pattern
// (place:Region)-[:LOCATED_IN*0..3]->(g) gives them. Each step is read
// from the index of the places' containers (store.PropWithin), not among
// the events held in the place.
var insideLine = regexp.MustCompile(`(?m)^([ \t]*)CALL[ \t]+geokg\.inside\([ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*([0-9]+)[ \t]*\)[ \t]+YIELD[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*$`)

type insideArgs struct {
	Var, Place, Path, Key string
	Steps                 []insideStep
}

// insideStep is the path of a place n steps inside: its relationships
// from the container down, each read by its container's id, and the
// chain that joins them from the place to the container.
type insideStep struct {
	Rels  []insideRel
	Chain string
}

type insideRel struct{ Name, Container string }

func insideData(m []string) (insideArgs, error) {
	a := insideArgs{Var: m[2], Place: m[4], Path: m[5], Key: store.PropWithin}
	depth, err := strconv.Atoi(m[3])
	if err != nil || depth < 1 || depth > 3 {
		return a, fmt.Errorf("geokg.inside(%s, %s): the depth must be 1, 2 or 3", m[2], m[3])
	}
	for n := 1; n <= depth; n++ {
		var st insideStep
		container := a.Var
		for i := 1; i <= n; i++ {
			name := fmt.Sprintf("%s_%d", a.Path, i)
			st.Rels = append(st.Rels, insideRel{Name: name, Container: container})
			container = "startNode(" + name + ")"
			st.Chain = "-[" + name + "]->" + st.Chain
			if i < n {
				st.Chain = "()" + st.Chain
			}
		}
		a.Steps = append(a.Steps, st)
	}
	return a, nil
}

// Part is a piece of a query's Cypher: written in the query's file, or
// written out by geokg (the name resolver, the checks of parameter values).
type Part struct {
	Text      string
	Generated bool
}

// expand turns a query's body into the Cypher that runs: each
// geokg.resolve line replaced by the resolver, and, when the query takes
// names or words of the vocabulary, a last UNION ALL part that returns one
// row per value that matches nothing, its message in the first column.
// checks is that part alone, as a query whose rows are the messages.
func expand(body string, params []Param) (parts []Part, checks string, err error) {
	cypher, checks, err := expandText(body, params)
	if err != nil {
		return nil, "", err
	}
	// Split the result where the generated text begins and ends, as marked
	// by expandText.
	for cypher != "" {
		i := strings.Index(cypher, genStart)
		if i < 0 {
			parts = append(parts, Part{Text: cypher})
			break
		}
		if i > 0 {
			parts = append(parts, Part{Text: cypher[:i]})
		}
		cypher = cypher[i+len(genStart):]
		j := strings.Index(cypher, genEnd)
		parts = append(parts, Part{Text: cypher[:j], Generated: true})
		cypher = cypher[j+len(genEnd):]
	}
	return parts, checks, nil
}

// genStart and genEnd mark generated text while it is being made; no
// Cypher holds these bytes.
const genStart, genEnd = "\x00<", "\x00>"

// macro replaces each line of cypher that re matches by the text fn makes
// of its submatches, indented as the line was and marked as generated.
// usage is how the macro must be written, for the error when it stands
// elsewhere than on a line of its own.
func macro(cypher string, re *regexp.Regexp, name, usage string, fn func(m []string) (string, error)) (string, error) {
	var err error
	out := re.ReplaceAllStringFunc(cypher, func(line string) string {
		m := re.FindStringSubmatch(line)
		text, ferr := fn(m)
		if ferr != nil {
			if err == nil {
				err = ferr
			}
			return line
		}
		return genStart + m[1] + strings.ReplaceAll(text, "\n", "\n"+m[1]) + genEnd
	})
	if err != nil {
		return "", err
	}
	if strings.Contains(stripComments(out), name) {
		return "", fmt.Errorf("%s must stand on a line of its own, as %s", name, usage)
	}
	return out, nil
}

func expandText(body string, params []Param) (cypher, checks string, err error) {
	cypher = body
	for _, d := range []struct {
		re          *regexp.Regexp
		name, usage string
		text        func(m []string) (string, error)
	}{
		{resolveLine, "geokg.resolve", "CALL geokg.resolve($name) YIELD node AS x", func(m []string) (string, error) {
			name, v := m[2], m[3]
			p, ok := findParam(params, name)
			if !ok || !p.Type.Kind.IsName() || p.Type.List {
				return "", fmt.Errorf("geokg.resolve($%s): the parameter must be declared with a name type (actor, place or entity)", name)
			}
			return execute("resolve", resolveData(p, v))
		}},
		{asOfLine, "geokg.asOf", "CALL geokg.asOf(r, day, 'gain') YIELD last, changed", func(m []string) (string, error) {
			return execute("asof", asOfArgs{Rel: m[2], Day: m[3], Change: m[4]})
		}},
		{eventsLine, "geokg.events", "CALL geokg.events(y, PARTY_TO, from, to) YIELD e", func(m []string) (string, error) {
			return execute("events", eventsData(m))
		}},
		{betweenLine, "geokg.between", "CALL geokg.between(a, b, SUPPORTS|FIGHTS) YIELD r", templated("between", betweenData)},
		{insideLine, "geokg.inside", "CALL geokg.inside(g, 3) YIELD place, inside", templated("inside", insideData)},
	} {
		if cypher, err = macro(cypher, d.re, d.name, d.usage, d.text); err != nil {
			return "", "", err
		}
	}
	cypher = strings.TrimRight(strings.TrimSpace(cypher), ";")

	var parts, names []string
	for _, p := range params {
		if p.Type.Kind.IsName() {
			names = append(names, fmt.Sprintf("{name: $%s, labels: %s, what: '%s'}",
				p.Name, cypherList(labelNames(p.Type.Kind.Labels())), p.Type.Kind.what()))
		}
	}
	if len(names) > 0 {
		part, err := execute("miss", missArgs{
			Index:        store.ActorIndex,
			Names:        "[" + strings.Join(names, ", ") + "]",
			EntityLabels: cypherList(labelNames(graph.EntityLabels)),
			Node:         resolveArgs{Var: "node", Param: "asked.name"},
		})
		if err != nil {
			return "", "", err
		}
		parts = append(parts, "  "+part)
	}
	for _, p := range params {
		var part string
		var err error
		switch k := p.Type.Kind; {
		case k.Vocabulary() != nil:
			tmpl := "word"
			if p.Type.List {
				tmpl = "words-in"
			}
			part, err = execute(tmpl, vocabularyData(p))
		}
		if err != nil {
			return "", "", err
		}
		if part != "" {
			parts = append(parts, "  "+part)
		}
	}
	if len(parts) == 0 {
		return cypher, "", nil
	}
	cols, err := returnColumns(cypher)
	if err != nil {
		return "", "", fmt.Errorf("a query that takes names must end with RETURN and named columns, for the row that says a name matches nothing: %w", err)
	}
	sub := "CALL () {\n" + strings.Join(parts, "\n  UNION ALL\n") + "\n}\n"
	ret := make([]string, len(cols))
	for i, c := range cols {
		v := "null"
		if i == 0 {
			v = "problem"
		}
		ret[i] = v + " AS " + quoteName(c)
	}
	cypher += genStart + "\nUNION ALL\n" + sub + "RETURN " + strings.Join(ret, ", ") + genEnd
	return cypher, sub + "RETURN problem", nil
}

// templated is the text of template name for the data that data reads
// from a macro's submatches.
func templated[T any](name string, data func(m []string) (T, error)) func(m []string) (string, error) {
	return func(m []string) (string, error) {
		d, err := data(m)
		if err != nil {
			return "", err
		}
		return execute(name, d)
	}
}

func findParam(params []Param, name string) (Param, bool) {
	for _, p := range params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

func execute(name string, data any) (string, error) {
	var b strings.Builder
	if err := resolveTmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("resolver template %s: %w", name, err)
	}
	return b.String(), nil
}

type resolveArgs struct {
	Index  string
	Param  string // $actor
	Var    string // the variable each node is bound to
	Labels string // the test of Var's labels: a:State OR a:Leader
}

func resolveData(p Param, v string) resolveArgs {
	return resolveArgs{
		Index:  store.ActorIndex,
		Param:  "$" + p.Name,
		Var:    v,
		Labels: labelTest(v, p.Type.Kind.Labels()),
	}
}

type missArgs struct {
	Index        string
	Names        string      // a Cypher list of the names asked for, their labels and what they are
	EntityLabels string      // a Cypher list of the entity labels
	Node         resolveArgs // node and asked.name, for the match template
}

type vocabularyArgs struct {
	Param, Name, What, List, Lower string
}

func vocabularyData(p Param) vocabularyArgs {
	words := p.Type.Kind.Vocabulary()
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	return vocabularyArgs{
		Param: "$" + p.Name,
		Name:  p.Name,
		What:  p.Type.Kind.vocabularyName(),
		List:  strings.Join(words, ", "),
		Lower: cypherList(lower),
	}
}

func labelTest(v string, labels []graph.Label) string {
	tests := make([]string, len(labels))
	for i, l := range labels {
		tests[i] = v + ":" + string(l)
	}
	return strings.Join(tests, " OR ")
}

func labelNames(labels []graph.Label) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = string(l)
	}
	return out
}

func cypherList(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = "'" + w + "'"
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func quoteName(s string) string {
	if plainName.MatchString(s) {
		return s
	}
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}

// returnColumns reads the column names of a query's last RETURN clause:
// the alias after AS, or else the expression as written.
func returnColumns(cypher string) ([]string, error) {
	toks := topLevel(cypher)
	last := -1
	for i, t := range toks {
		if t.word == "RETURN" {
			last = i
		}
	}
	if last < 0 {
		return nil, fmt.Errorf("no RETURN clause")
	}
	items := returnItems(cypher, toks, last)
	var cols []string
	for _, it := range items {
		if it.expr == "*" || it.expr == "" {
			return nil, fmt.Errorf("RETURN %s: name every column", strings.TrimSpace(cypher[items[0].from:items[len(items)-1].to]))
		}
		cols = append(cols, it.name)
	}
	return cols, nil
}

// returnItem is one column of a RETURN clause.
type returnItem struct {
	from, to int    // the item's text in the query, alias included, spaces after it not
	expr     string // its expression, without comments or DISTINCT
	name     string // the alias after AS, or else the expression as written
}

// returnItems reads the columns of the RETURN clause whose keyword is
// toks[i], up to its ORDER BY, SKIP, LIMIT or the UNION after it.
func returnItems(cypher string, toks []token, i int) []returnItem {
	from, to := toks[i].end, len(cypher)
	for _, t := range toks[i+1:] {
		if t.word == "ORDER" || t.word == "SKIP" || t.word == "LIMIT" || t.word == "UNION" {
			to = t.pos
			break
		}
	}
	var out []returnItem
	for n, text := range splitTopLevel(cypher[from:to]) {
		it := returnItem{from: from, to: from + len(strings.TrimRight(text, " \t\r\n"))}
		from += len(text) + 1
		expr := strings.TrimSpace(stripComments(text))
		if as := lastTopLevelWord(expr, "AS"); as >= 0 {
			it.name = strings.Trim(strings.TrimSpace(expr[as+2:]), "`")
			expr = strings.TrimSpace(expr[:as])
		}
		if n == 0 && strings.HasPrefix(strings.ToUpper(expr), "DISTINCT ") {
			expr = strings.TrimSpace(expr[len("DISTINCT "):])
		}
		it.expr = expr
		if it.name == "" {
			it.name = strings.Join(strings.Fields(expr), " ")
		}
		out = append(out, it)
	}
	return out
}

// token is a keyword-like word outside strings, comments and brackets.
type token struct {
	word     string // upper case
	pos, end int
}

// topLevel lists the words of cypher that stand outside strings, comments
// and brackets, in upper case.
func topLevel(cypher string) []token {
	var out []token
	scan(cypher, func(i int, depth int, r byte) int {
		if depth != 0 || !isWordStart(r) || (i > 0 && isWordByte(cypher[i-1])) {
			return i + 1
		}
		j := i
		for j < len(cypher) && isWordByte(cypher[j]) {
			j++
		}
		out = append(out, token{word: strings.ToUpper(cypher[i:j]), pos: i, end: j})
		return j
	})
	return out
}

// splitTopLevel splits s at the commas that stand outside strings,
// comments and brackets.
func splitTopLevel(s string) []string {
	var out []string
	last := 0
	scan(s, func(i int, depth int, r byte) int {
		if depth == 0 && r == ',' {
			out = append(out, s[last:i])
			last = i + 1
		}
		return i + 1
	})
	return append(out, s[last:])
}

// lastTopLevelWord is the position of the last word w (any case) of s
// outside strings, comments and brackets, or -1.
func lastTopLevelWord(s, w string) int {
	pos := -1
	for _, t := range topLevel(s) {
		if t.word == w {
			pos = t.pos
		}
	}
	return pos
}

// scan walks the code of cypher: visit is called for each byte outside
// strings and comments with the bracket depth there, and returns the index
// to go on from.
func scan(cypher string, visit func(i, depth int, r byte) int) {
	depth := 0
	for i := 0; i < len(cypher); {
		r := cypher[i]
		switch {
		case r == '\'' || r == '"' || r == '`':
			j := i + 1
			for j < len(cypher) && cypher[j] != r {
				if cypher[j] == '\\' && r != '`' {
					j++
				}
				j++
			}
			i = j + 1
			continue
		case r == '/' && i+1 < len(cypher) && cypher[i+1] == '/':
			for i < len(cypher) && cypher[i] != '\n' {
				i++
			}
			continue
		case r == '/' && i+1 < len(cypher) && cypher[i+1] == '*':
			end := strings.Index(cypher[i+2:], "*/")
			if end < 0 {
				return
			}
			i += end + 4
			continue
		case r == '(' || r == '[' || r == '{':
			depth++
		case r == ')' || r == ']' || r == '}':
			depth--
		}
		next := visit(i, depth, r)
		if r == '(' || r == '[' || r == '{' || r == ')' || r == ']' || r == '}' {
			next = i + 1
		}
		i = next
	}
}

func isWordStart(r byte) bool {
	return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

func isWordByte(r byte) bool { return isWordStart(r) || (r >= '0' && r <= '9') }
