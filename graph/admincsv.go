package graph

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// merged is b in stored form, one element per id, as the loader would
// write it.
func merged(b *Batch) *Batch {
	m := NewMerger()
	m.Add(b)
	return m.Batch()
}

// AdminImport names the files WriteAdminCSV wrote and the array delimiter
// they use.
type AdminImport struct {
	Dir            string
	NodeFiles      map[string]string // label -> file name in Dir
	RelFiles       map[string]string // type -> file name in Dir
	ArrayDelimiter string            // as neo4j-admin's --array-delimiter takes it
}

// Command is the neo4j-admin command that imports the files into database
// (which must not exist, or is overwritten).
func (a *AdminImport) Command(database string) string {
	var b strings.Builder
	b.WriteString("neo4j-admin database import full")
	for _, l := range sortedKeys(a.NodeFiles) {
		fmt.Fprintf(&b, " \\\n  --nodes=%s=%s", l, filepath.Join(a.Dir, a.NodeFiles[l]))
	}
	for _, t := range sortedKeys(a.RelFiles) {
		fmt.Fprintf(&b, " \\\n  --relationships=%s=%s", t, filepath.Join(a.Dir, a.RelFiles[t]))
	}
	fmt.Fprintf(&b, " \\\n  --array-delimiter=%s --multiline-fields=true --id-type=string --overwrite-destination=true \\\n  %s", a.ArrayDelimiter, database)
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WriteAdminCSV writes b into dir as CSV files for neo4j-admin database
// import full, in stored form (see Merger), one line per id: one file of
// nodes per label (id:ID, :LABEL, then the properties with typed headers
// such as aliases:string[] or confidence:double) and one file of
// relationships per type (:START_ID, :END_ID, :TYPE, then the properties). Node ids share one id space; they
// are unique across labels by their prefixes. The array delimiter is ';'
// unless a list element contains one, then '|', then U+001F.
func WriteAdminCSV(dir string, b *Batch) (*AdminImport, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("neo4j-admin export: %w", err)
	}
	b = merged(b)
	delim := chooseDelimiter(b)
	imp := &AdminImport{Dir: dir, NodeFiles: map[string]string{}, RelFiles: map[string]string{}, ArrayDelimiter: delim.flag}

	nodesBy := map[string][]*Node{}
	for i := range b.Nodes {
		n := &b.Nodes[i]
		nodesBy[string(n.Label())] = append(nodesBy[string(n.Label())], n)
	}
	for label, nodes := range nodesBy {
		props := make([]map[string]any, len(nodes))
		for i, n := range nodes {
			props[i] = n.Props
		}
		cols := columns(props, "id")
		name := "nodes_" + label + ".csv"
		err := writeCSV(filepath.Join(dir, name), func(w *csvWriter) error {
			header := []string{"id:ID", ":LABEL"}
			for _, c := range cols {
				header = append(header, c.header())
			}
			w.header(header)
			for _, n := range nodes {
				w.quoted(n.ID)
				w.quoted(JoinLabels(n.Labels, delim.char))
				for _, c := range cols {
					if err := w.value(n.Props[c.name], c.typ, delim.char); err != nil {
						return fmt.Errorf("node %s property %s: %w", n.ID, c.name, err)
					}
				}
				w.end()
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		imp.NodeFiles[label] = name
	}

	relsBy := map[string][]*Rel{}
	for i := range b.Rels {
		r := &b.Rels[i]
		relsBy[string(r.Type)] = append(relsBy[string(r.Type)], r)
	}
	for typ, rels := range relsBy {
		props := make([]map[string]any, len(rels))
		for i, r := range rels {
			props[i] = r.Props
		}
		cols := columns(props, "")
		name := "relationships_" + typ + ".csv"
		err := writeCSV(filepath.Join(dir, name), func(w *csvWriter) error {
			header := []string{":START_ID", ":END_ID", ":TYPE"}
			for _, c := range cols {
				header = append(header, c.header())
			}
			w.header(header)
			for _, r := range rels {
				w.quoted(r.Start.ID)
				w.quoted(r.End.ID)
				w.quoted(string(r.Type))
				for _, c := range cols {
					if err := w.value(r.Props[c.name], c.typ, delim.char); err != nil {
						return fmt.Errorf("relationship %s property %s: %w", r.ID, c.name, err)
					}
				}
				w.end()
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		imp.RelFiles[typ] = name
	}
	return imp, nil
}

type delimiter struct {
	char string // in the data
	flag string // as the --array-delimiter option
}

func chooseDelimiter(b *Batch) delimiter {
	has := map[string]bool{}
	scan := func(p map[string]any) {
		for _, v := range p {
			for _, s := range Strings(v) {
				for _, d := range []string{";", "|"} {
					if strings.Contains(s, d) {
						has[d] = true
					}
				}
			}
		}
	}
	for i := range b.Nodes {
		scan(b.Nodes[i].Props)
	}
	for i := range b.Rels {
		scan(b.Rels[i].Props)
	}
	switch {
	case !has[";"]:
		return delimiter{";", "';'"}
	case !has["|"]:
		return delimiter{"|", "'|'"}
	}
	return delimiter{"\x1f", "U+001F"}
}

// column is one property column of a CSV file, with its neo4j-admin type.
type column struct {
	name, typ string
}

func (c column) header() string {
	if c.typ == "string" {
		return c.name
	}
	return c.name + ":" + c.typ
}

// columns are the properties of a set of elements, typed from their
// values, skipping skip (the id column of nodes).
func columns(props []map[string]any, skip string) []column {
	types := map[string]string{}
	for _, p := range props {
		for k, v := range p {
			if k == skip {
				continue
			}
			types[k] = mergeAdminType(types[k], adminType(v))
		}
	}
	cols := make([]column, 0, len(types))
	for k, t := range types {
		cols = append(cols, column{k, t})
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].name < cols[j].name })
	return cols
}

// mergeAdminType is the type of a column that holds values of types old
// ("" for none yet) and t: mixed types become strings.
func mergeAdminType(old, t string) string {
	if old == "" || old == t {
		return t
	}
	if strings.HasSuffix(old, "[]") || strings.HasSuffix(t, "[]") {
		return "string[]"
	}
	return "string"
}

func adminType(v any) string {
	switch x := v.(type) {
	case bool:
		return "boolean"
	case int, int64:
		return "long"
	case float64, float32:
		return "double"
	case []float64:
		return "double[]"
	case []string:
		return "string[]"
	case []any:
		if len(x) > 0 {
			switch x[0].(type) {
			case float64:
				return "double[]"
			case bool:
				return "boolean[]"
			}
		}
		return "string[]"
	}
	return "string"
}

// csvWriter writes the CSV dialect neo4j-admin reads: every string value
// quoted, so that an empty string stays a property and an empty unquoted
// field means no property.
type csvWriter struct {
	w     *bufio.Writer
	first bool
}

func writeCSV(path string, fn func(w *csvWriter) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("neo4j-admin export: %w", err)
	}
	w := &csvWriter{w: bufio.NewWriter(f), first: true}
	err = fn(w)
	if ferr := w.w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("neo4j-admin export %s: %w", path, err)
	}
	return nil
}

func (w *csvWriter) sep() {
	if !w.first {
		w.w.WriteByte(',')
	}
	w.first = false
}

func (w *csvWriter) header(cols []string) {
	for _, c := range cols {
		w.sep()
		w.w.WriteString(c)
	}
	w.end()
}

func (w *csvWriter) quoted(s string) {
	w.sep()
	w.w.WriteByte('"')
	w.w.WriteString(strings.ReplaceAll(s, `"`, `""`))
	w.w.WriteByte('"')
}

func (w *csvWriter) end() {
	w.w.WriteByte('\n')
	w.first = true
}

func (w *csvWriter) value(v any, typ, delim string) error {
	if v == nil {
		w.sep()
		return nil
	}
	switch {
	case strings.HasSuffix(typ, "[]"):
		var parts []string
		switch x := v.(type) {
		case []string:
			parts = x
		case []float64:
			for _, f := range x {
				parts = append(parts, strconv.FormatFloat(f, 'g', -1, 64))
			}
		case []any:
			for _, e := range x {
				parts = append(parts, scalarText(e))
			}
		default:
			parts = []string{scalarText(v)}
		}
		if len(parts) == 0 {
			w.sep() // neo4j-admin cannot tell an empty array from none
			return nil
		}
		w.quoted(strings.Join(parts, delim))
	case typ == "string":
		w.quoted(scalarText(v))
	case typ == "long":
		// Numbers read back from JSON are float64: no exponent here.
		w.sep()
		if f, ok := v.(float64); ok {
			w.w.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
		} else {
			w.w.WriteString(scalarText(v))
		}
	default:
		w.sep()
		w.w.WriteString(scalarText(v))
	}
	return nil
}

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	default:
		return fmt.Sprint(x)
	}
}

// JoinLabels joins labels with sep: "State:Extra".
func JoinLabels(ls []Label, sep string) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(l))
	}
	return b.String()
}
