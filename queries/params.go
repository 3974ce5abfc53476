package queries

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Kind is a scalar parameter type.
type Kind string

// The scalar parameter types.
const (
	String Kind = "string"
	Int    Kind = "int"
	Float  Kind = "float"
	Bool   Kind = "bool"
	Date   Kind = "date" // an ISO day, or a day relative to today: 7d, 2w, 1m, 1y, today

	// Names of entities: strings that must name a node of the kind's
	// labels, by name or alias, in any case and with or without accents.
	// The query looks them up with CALL geokg.resolve($param).
	Actor  Kind = "actor"  // a State, Organization or Leader
	Place  Kind = "place"  // a Region or a State
	Entity Kind = "entity" // any of the four

	// Words of the graph's vocabulary, in any case; "" stands for any.
	RelType   Kind = "reltype"   // a relationship type
	LabelKind Kind = "label"     // a node label
	EventType Kind = "eventtype" // an event type
)

// kinds lists every Kind, in the order the docs give them.
var kinds = []Kind{String, Int, Float, Bool, Date, Actor, Place, Entity, RelType, LabelKind, EventType}

// IsName tells whether values of k name an entity of the graph.
func (k Kind) IsName() bool { return k == Actor || k == Place || k == Entity }

// Labels are the node labels a name of kind k may belong to, for names.
func (k Kind) Labels() []graph.Label {
	switch k {
	case Actor:
		return []graph.Label{graph.LabelState, graph.LabelOrganization, graph.LabelLeader}
	case Place:
		return []graph.Label{graph.LabelRegion, graph.LabelState}
	case Entity:
		return []graph.Label{graph.LabelState, graph.LabelOrganization, graph.LabelLeader, graph.LabelRegion}
	}
	return nil
}

// Vocabulary is the set of values of a vocabulary kind, nil for others.
func (k Kind) Vocabulary() []string {
	var out []string
	switch k {
	case RelType:
		for _, t := range graph.RelTypes {
			out = append(out, string(t))
		}
	case LabelKind:
		for _, l := range graph.Labels {
			out = append(out, string(l))
		}
	case EventType:
		for _, t := range graph.EventTypes {
			out = append(out, string(t))
		}
	}
	return out
}

// Type is a parameter's type: a scalar Kind or a list of one.
type Type struct {
	Kind Kind
	List bool
}

func (t Type) String() string {
	if t.List {
		return "list<" + string(t.Kind) + ">"
	}
	return string(t.Kind)
}

// ParseType reads a type as written in a header: string, int, float, bool,
// date, list<T>, or list (a list of strings).
func ParseType(s string) (Type, error) {
	if s == "list" {
		return Type{Kind: String, List: true}, nil
	}
	var t Type
	if in, ok := strings.CutPrefix(s, "list<"); ok {
		elem, ok := strings.CutSuffix(in, ">")
		if !ok {
			return Type{}, fmt.Errorf("unknown type %q", s)
		}
		t.List, s = true, elem
	}
	k := Kind(s)
	if !slices.Contains(kinds, k) {
		return Type{}, fmt.Errorf("unknown type %q (want %s, or list<T>)", s, kindList())
	}
	if t.List && k.IsName() {
		return Type{}, fmt.Errorf("unknown type %q: a list cannot hold names of entities (%s)", "list<"+s+">", k)
	}
	t.Kind = k
	return t, nil
}

// Parse turns a command-line value into the type's Go value, the one sent
// to Neo4j: string, int64, float64, bool, dbtype.Date, or []any of those.
// A list is a JSON array or comma-separated items; "" is the empty list.
func (t Type) Parse(s string) (any, error) {
	if !t.List {
		return t.Kind.parse(s)
	}
	trimmed := strings.TrimSpace(s)
	if strings.HasPrefix(trimmed, "[") {
		dec := json.NewDecoder(strings.NewReader(trimmed))
		dec.UseNumber()
		var raw any
		if err := dec.Decode(&raw); err != nil || dec.More() {
			return nil, fmt.Errorf("%q is not a JSON array", s)
		}
		return t.FromJSON(raw)
	}
	list := []any{}
	if trimmed == "" {
		return list, nil
	}
	for _, item := range strings.Split(s, ",") {
		v, err := t.Kind.parse(strings.TrimSpace(item))
		if err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, nil
}

func kindList() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

func (k Kind) parse(s string) (any, error) {
	switch k {
	case String:
		return s, nil
	case Actor, Place, Entity:
		if strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("a name is needed (the name or an alias of a %s)", k.what())
		}
		return strings.TrimSpace(s), nil
	case RelType, LabelKind, EventType:
		s = strings.TrimSpace(s)
		if s == "" {
			return "", nil
		}
		for _, v := range k.Vocabulary() {
			if strings.EqualFold(v, s) {
				return v, nil
			}
		}
		return nil, fmt.Errorf("%q is not a %s (want one of %s, or \"\" for any)", s, k.vocabularyName(), strings.Join(k.Vocabulary(), ", "))
	case Int:
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not an int", s)
		}
		return n, nil
	case Float:
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%q is not a float", s)
		}
		return f, nil
	case Bool:
		b, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("%q is not a bool (want true or false)", s)
		}
		return b, nil
	case Date:
		if r, ok := parseRelativeDate(s); ok {
			return r, nil
		}
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("%q is not a date (want YYYY-MM-DD, or a day before today: 7d, 2w, 1m, 1y, today)", s)
		}
		return dbtype.Date(d), nil
	}
	return nil, fmt.Errorf("unknown type %q", k)
}

// FromJSON turns a decoded JSON value (decoded with UseNumber) into the
// type's Go value.
func (t Type) FromJSON(raw any) (any, error) {
	if !t.List {
		return t.Kind.fromJSON(raw)
	}
	items, ok := raw.([]any)
	if !ok {
		return nil, fmt.Errorf("%s is not a JSON array", jsonText(raw))
	}
	list := make([]any, 0, len(items))
	for _, item := range items {
		v, err := t.Kind.fromJSON(item)
		if err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, nil
}

func (k Kind) fromJSON(raw any) (any, error) {
	switch v := raw.(type) {
	case string:
		if k != Int && k != Float && k != Bool {
			return k.parse(v)
		}
	case json.Number:
		if k == Int || k == Float {
			return k.parse(v.String())
		}
	case bool:
		if k == Bool {
			return v, nil
		}
	}
	return nil, fmt.Errorf("%s is not a %s", jsonText(raw), k)
}

// Format writes a value of the type as a JSON literal, the form of header
// defaults; dates are quoted ISO strings.
func (t Type) Format(v any) string {
	if f, ok := v.(float64); ok && !t.List {
		// 0.0, not 0: the value reads back as a float in Cypher too.
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s
	}
	return jsonText(plainParam(v))
}

// plainParam turns a parameter value into JSON-ready data.
func plainParam(v any) any {
	switch v := v.(type) {
	case dbtype.Date:
		return v.String()
	case RelativeDate:
		return v.String()
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = plainParam(x)
		}
		return out
	}
	return v
}

// Bind types the raw key=value parameters of a run against q's header and
// fills in defaults. An undeclared key, a bad value or a missing required
// parameter is an error naming it. Relative dates (7d) count back from
// today.
func (q *Query) Bind(raw map[string]string) (map[string]any, error) {
	return q.bindAt(raw, time.Now())
}

func (q *Query) bindAt(raw map[string]string, now time.Time) (map[string]any, error) {
	params := make(map[string]any, len(q.Params))
	for k, s := range raw {
		p, ok := q.Param(k)
		if !ok {
			return nil, fmt.Errorf("query %s has no parameter %q (it takes: %s)", q.Name, k, q.paramNames())
		}
		v, err := p.Type.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("parameter %s (%s): %w", k, p.Type, err)
		}
		params[k] = v
	}
	for _, p := range q.Params {
		if _, ok := params[p.Name]; ok {
			continue
		}
		if p.Required {
			return nil, fmt.Errorf("query %s needs parameter %s (%s): --param %s=VALUE", q.Name, p.Name, p.Type, p.Name)
		}
		params[p.Name] = p.Default
	}
	for k, v := range params {
		params[k] = resolveDates(v, now)
	}
	return params, nil
}

// resolveDates replaces relative dates by the days they stand for.
func resolveDates(v any, now time.Time) any {
	switch v := v.(type) {
	case RelativeDate:
		return v.At(now)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = resolveDates(x, now)
		}
		return out
	}
	return v
}

// what names the labels a name of kind k may belong to: "State,
// Organization or Leader".
func (k Kind) what() string {
	labels := k.Labels()
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = string(l)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func (k Kind) vocabularyName() string {
	switch k {
	case RelType:
		return "relationship type"
	case LabelKind:
		return "label"
	case EventType:
		return "event type"
	}
	return string(k)
}

func (q *Query) paramNames() string {
	if len(q.Params) == 0 {
		return "no parameters"
	}
	names := make([]string, len(q.Params))
	for i, p := range q.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// RelativeDate is a day counted back from today: "7d", "2w", "1m", "1y",
// or "today". Bind turns it into the day it stands for on the day of the
// run; Neo4j Browser says the same with
// :param since => date() - duration('P7D').
type RelativeDate struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

var relativeDate = regexp.MustCompile(`^(\d{1,5})([dwmy])$`)

func parseRelativeDate(s string) (RelativeDate, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "today" {
		return RelativeDate{0, 'd'}, true
	}
	m := relativeDate.FindStringSubmatch(s)
	if m == nil {
		return RelativeDate{}, false
	}
	n, _ := strconv.Atoi(m[1])
	return RelativeDate{n, m[2][0]}, true
}

func (r RelativeDate) String() string {
	if r.N == 0 {
		return "today"
	}
	return strconv.Itoa(r.N) + string(r.Unit)
}

// At is the day r stands for when today is the day of now. Months and
// years that end on a shorter month keep to its last day, as Cypher's
// date() - duration('P1M') does (2025-03-31 less a month is 2025-02-28).
func (r RelativeDate) At(now time.Time) dbtype.Date {
	y, m, d := now.Date()
	switch r.Unit {
	case 'd':
		d -= r.N
	case 'w':
		d -= 7 * r.N
	case 'm', 'y':
		months := r.N
		if r.Unit == 'y' {
			months *= 12
		}
		first := time.Date(y, m-time.Month(months), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1).Day()
		return dbtype.Date(time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC))
	}
	return dbtype.Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// Cypher is the Cypher expression of r: date() - duration('P7D').
func (r RelativeDate) Cypher() string {
	if r.N == 0 {
		return "date()"
	}
	unit := map[byte]string{'d': "D", 'w': "W", 'm': "M", 'y': "Y"}[r.Unit]
	return fmt.Sprintf("date() - duration('P%d%s')", r.N, unit)
}
