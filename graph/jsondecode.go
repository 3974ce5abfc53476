package graph

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeLine decodes one line of the export format: a node or a
// relationship, exactly one of the two returned. Property values come out
// as encoding/json would give them to an any (numbers as float64, objects
// as map[string]any), except that a list holding only strings is a
// []string. It is a parser for this one shape, several times faster than
// encoding/json, which spends most of its time in reflection.
func DecodeLine(raw []byte) (*Node, *Rel, error) {
	d := decoder{b: raw}
	var l jsonLine
	if err := d.line(&l); err != nil {
		return nil, nil, err
	}
	if l.Props == nil {
		l.Props = map[string]any{}
	}
	switch l.Type {
	case "node":
		if l.ID == "" || len(l.Labels) == 0 {
			return nil, nil, errors.New("node without id or labels")
		}
		return &Node{ID: l.ID, Labels: l.Labels, Props: l.Props}, nil, nil
	case "relationship":
		if l.Label == "" || l.Start == nil || l.End == nil {
			return nil, nil, errors.New("relationship without label, start or end")
		}
		return nil, &Rel{ID: l.ID, Type: l.Label, Start: *l.Start, End: *l.End, Props: l.Props}, nil
	}
	return nil, nil, fmt.Errorf("unknown type %q (want node or relationship)", l.Type)
}

type decoder struct {
	b []byte
	i int
}

func (d *decoder) errorf(format string, args ...any) error {
	return fmt.Errorf("invalid JSON at offset %d: %s", d.i, fmt.Sprintf(format, args...))
}

func (d *decoder) ws() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// expect consumes c after white space.
func (d *decoder) expect(c byte) error {
	d.ws()
	if d.i >= len(d.b) {
		return d.errorf("unexpected end, want %q", c)
	}
	if d.b[d.i] != c {
		return d.errorf("got %q, want %q", d.b[d.i], c)
	}
	d.i++
	return nil
}

// object calls field for each key of an object; field consumes the value.
func (d *decoder) object(field func(key string) error) error {
	if err := d.expect('{'); err != nil {
		return err
	}
	d.ws()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return nil
	}
	for {
		d.ws()
		k, err := d.str()
		if err != nil {
			return err
		}
		if err := d.expect(':'); err != nil {
			return err
		}
		if err := field(k); err != nil {
			return err
		}
		d.ws()
		if d.i >= len(d.b) {
			return d.errorf("unexpected end of object")
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return nil
		default:
			return d.errorf("got %q in object", d.b[d.i])
		}
	}
}

func (d *decoder) line(l *jsonLine) error {
	err := d.object(func(k string) error {
		var err error
		switch k {
		case "type":
			l.Type, err = d.strField(k)
		case "id":
			l.ID, err = d.strField(k)
		case "label":
			var s string
			s, err = d.strField(k)
			l.Label = RelType(s)
		case "labels":
			l.Labels, err = d.labels()
		case "start", "end":
			var r *Ref
			if r, err = d.ref(); k == "start" {
				l.Start = r
			} else {
				l.End = r
			}
		case "properties":
			var v any
			if v, err = d.value(); err == nil {
				switch p := v.(type) {
				case map[string]any:
					l.Props = p
				case nil:
					l.Props = nil
				default:
					err = fmt.Errorf("properties is a %s, want an object", kind(v))
				}
			}
		default:
			_, err = d.value()
		}
		return err
	})
	if err != nil {
		return err
	}
	d.ws()
	if d.i != len(d.b) {
		return d.errorf("data after the object")
	}
	return nil
}

// strField reads a string or null ("").
func (d *decoder) strField(name string) (string, error) {
	v, err := d.value()
	if err != nil {
		return "", err
	}
	switch s := v.(type) {
	case string:
		return s, nil
	case nil:
		return "", nil
	}
	return "", fmt.Errorf("%s is a %s, want a string", name, kind(v))
}

func (d *decoder) labels() ([]Label, error) {
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	switch l := v.(type) {
	case nil:
		return nil, nil
	case []string:
		out := make([]Label, len(l))
		for i, s := range l {
			out[i] = Label(s)
		}
		return out, nil
	case []any:
		if len(l) == 0 {
			return []Label{}, nil
		}
	}
	return nil, fmt.Errorf("labels is a %s, want a list of strings", kind(v))
}

func (d *decoder) ref() (*Ref, error) {
	d.ws()
	if d.i+4 <= len(d.b) && string(d.b[d.i:d.i+4]) == "null" {
		d.i += 4
		return nil, nil
	}
	r := &Ref{}
	err := d.object(func(k string) error {
		var err error
		switch k {
		case "id":
			r.ID, err = d.strField("id")
		case "labels":
			r.Labels, err = d.labels()
		default:
			_, err = d.value()
		}
		return err
	})
	return r, err
}

func (d *decoder) value() (any, error) {
	d.ws()
	if d.i >= len(d.b) {
		return nil, d.errorf("unexpected end, want a value")
	}
	switch c := d.b[d.i]; {
	case c == '"':
		return d.str()
	case c == '{':
		m := map[string]any{}
		err := d.object(func(k string) error {
			v, err := d.value()
			m[k] = v
			return err
		})
		return m, err
	case c == '[':
		return d.array()
	case c == 't':
		return true, d.word("true")
	case c == 'f':
		return false, d.word("false")
	case c == 'n':
		return nil, d.word("null")
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	return nil, d.errorf("unexpected %q", d.b[d.i])
}

func (d *decoder) word(w string) error {
	if d.i+len(w) > len(d.b) || string(d.b[d.i:d.i+len(w)]) != w {
		return d.errorf("want %s", w)
	}
	d.i += len(w)
	return nil
}

// array reads a list: a []string when every element is a string, else
// a []any.
func (d *decoder) array() (any, error) {
	d.i++ // '['
	d.ws()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		return []any{}, nil
	}
	var strs []string
	var vals []any
	for {
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		if s, ok := v.(string); ok && vals == nil {
			strs = append(strs, s)
		} else {
			if vals == nil {
				vals = make([]any, len(strs), len(strs)+4)
				for i, s := range strs {
					vals[i] = s
				}
			}
			vals = append(vals, v)
		}
		d.ws()
		if d.i >= len(d.b) {
			return nil, d.errorf("unexpected end of list")
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			if vals != nil {
				return vals, nil
			}
			return strs, nil
		default:
			return nil, d.errorf("got %q in list", d.b[d.i])
		}
	}
}

func (d *decoder) number() (any, error) {
	start := d.i
	if d.b[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if digits() == 0 {
		return nil, d.errorf("bad number")
	}
	if d.i < len(d.b) && d.b[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return nil, d.errorf("bad number")
		}
	}
	if d.i < len(d.b) && (d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		d.i++
		if d.i < len(d.b) && (d.b[d.i] == '+' || d.b[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return nil, d.errorf("bad number")
		}
	}
	f, err := strconv.ParseFloat(string(d.b[start:d.i]), 64)
	if err != nil {
		return nil, d.errorf("%v", err)
	}
	return f, nil
}

// str reads a string, the quote at d.i.
func (d *decoder) str() (string, error) {
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return "", d.errorf("want a string")
	}
	d.i++
	start := d.i
	ascii := true
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			if !ascii && !utf8.Valid(s) {
				return string([]rune(string(s))), nil // invalid bytes become U+FFFD, as in encoding/json
			}
			return string(s), nil
		case c == '\\':
			return d.escaped(start)
		case c < 0x20:
			return "", d.errorf("control character in string")
		case c >= 0x80:
			ascii = false
		}
		d.i++
	}
	return "", d.errorf("unterminated string")
}

// escaped finishes a string that has escapes, from start.
func (d *decoder) escaped(start int) (string, error) {
	buf := append(make([]byte, 0, d.i-start+16), d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			if !utf8.Valid(buf) {
				return string([]rune(string(buf))), nil
			}
			return string(buf), nil
		case c < 0x20:
			return "", d.errorf("control character in string")
		case c != '\\':
			buf = append(buf, c)
			d.i++
			continue
		}
		d.i++
		if d.i >= len(d.b) {
			break
		}
		e := d.b[d.i]
		d.i++
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return "", d.errorf("bad \\u escape")
			}
			if utf16.IsSurrogate(r) {
				// A pair makes one rune; anything else is U+FFFD, and what
				// follows is read on its own, as encoding/json does.
				dec := utf8.RuneError
				if d.i+1 < len(d.b) && d.b[d.i] == '\\' && d.b[d.i+1] == 'u' {
					save := d.i
					d.i += 2
					if r2, ok := d.hex4(); ok {
						dec = utf16.DecodeRune(r, r2)
					}
					if dec == utf8.RuneError {
						d.i = save
					}
				}
				r = dec
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", d.errorf("bad escape \\%c", e)
		}
	}
	return "", d.errorf("unterminated string")
}

func (d *decoder) hex4() (rune, bool) {
	if d.i+4 > len(d.b) {
		return 0, false
	}
	var r rune
	for _, c := range d.b[d.i : d.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	d.i += 4
	return r, true
}

func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case []any, []string:
		return "list"
	}
	return "object"
}
