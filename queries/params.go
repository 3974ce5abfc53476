package queries

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

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
	Date   Kind = "date" // YYYY-MM-DD, or today
)

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
	switch k := Kind(s); k {
	case String, Int, Float, Bool, Date:
		t.Kind = k
		return t, nil
	}
	return Type{}, fmt.Errorf("unknown type %q (want string, int, float, bool, date or list<T>)", s)
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

func (k Kind) parse(s string) (any, error) {
	switch k {
	case String:
		return s, nil
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
		if strings.EqualFold(strings.TrimSpace(s), "today") {
			y, m, d := time.Now().Date()
			return dbtype.Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)), nil
		}
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("%q is not a date (want YYYY-MM-DD or today)", s)
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
		if k == String || k == Date {
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
// parameter is an error naming it.
func (q *Query) Bind(raw map[string]string) (map[string]any, error) {
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
	return params, nil
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
