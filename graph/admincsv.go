package graph

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	for _, l := range slices.Sorted(maps.Keys(a.NodeFiles)) {
		fmt.Fprintf(&b, " \\\n  --nodes=%s=%s", l, filepath.Join(a.Dir, a.NodeFiles[l]))
	}
	for _, t := range slices.Sorted(maps.Keys(a.RelFiles)) {
		fmt.Fprintf(&b, " \\\n  --relationships=%s=%s", t, filepath.Join(a.Dir, a.RelFiles[t]))
	}
	fmt.Fprintf(&b, " \\\n  --array-delimiter=%s --multiline-fields=true --id-type=string --overwrite-destination=true \\\n  %s", a.ArrayDelimiter, database)
	return b.String()
}

// WriteAdminCSV writes b into dir as CSV files for neo4j-admin database
// import full, in stored form (see Merger), one line per id: one file of
// nodes per label (id:ID, :LABEL, then the properties with typed headers
// such as aliases:string[] or confidence:double) and one file of
// relationships per type (:START_ID, :END_ID, :TYPE, then the properties). Node ids share one id space; they
// are unique across labels by their prefixes. The array delimiter is ';'
// unless a list element contains one, then '|', then U+001F.
func WriteAdminCSV(dir string, b *Batch) (*AdminImport, error) {
	b = merged(b)
	return writeAdmin(dir, func(fn func(n *Node, r *Rel) error) error {
		for i := range b.Nodes {
			if err := fn(&b.Nodes[i], nil); err != nil {
				return err
			}
		}
		for i := range b.Rels {
			if err := fn(nil, &b.Rels[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// WriteStoredAdminCSV writes a graph in stored form, such as a database
// holds, into dir as WriteAdminCSV does, each element as StoredElement
// gives it, one element in memory at a time: each calls its function with
// every element once, and the elements wait in a temporary file in tmpDir
// ("" for the system's) until the columns of every file are known.
func WriteStoredAdminCSV(dir, tmpDir string, each func(fn func(n *Node, r *Rel) error) error) (*AdminImport, error) {
	tmp, err := os.CreateTemp(tmpDir, "geokg-admin-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("neo4j-admin export: %w", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	t := newAdminTypes()
	w := bufio.NewWriterSize(tmp, 1<<20)
	jw := NewJSONLWriter(w)
	err = each(func(n *Node, r *Rel) error {
		b := StoredElement(n, r)
		for i := range b.Nodes {
			t.see(&b.Nodes[i], nil)
		}
		for i := range b.Rels {
			t.see(nil, &b.Rels[i])
		}
		return jw.Write(b)
	})
	if err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, fmt.Errorf("neo4j-admin export: %w", err)
	}
	return t.write(dir, func(fn func(n *Node, r *Rel) error) error {
		if _, err := tmp.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("neo4j-admin export: %w", err)
		}
		if err := ScanJSONL(bufio.NewReaderSize(tmp, 1<<20), fn); err != nil {
			return fmt.Errorf("neo4j-admin export: read %s: %w", tmp.Name(), err)
		}
		return nil
	})
}

// writeAdmin writes the elements that each calls fn with (twice: once to
// type the columns and choose the delimiter, once to write) into one CSV
// file per label and per relationship type.
func writeAdmin(dir string, each func(fn func(n *Node, r *Rel) error) error) (*AdminImport, error) {
	t := newAdminTypes()
	if err := each(t.see); err != nil {
		return nil, err
	}
	return t.write(dir, each)
}

// adminTypes gathers, from every element to be written, the typed columns
// of each CSV file and the list delimiter.
type adminTypes struct {
	groups         map[string]*csvGroup
	semicolon, bar bool // in list elements
}

func newAdminTypes() *adminTypes { return &adminTypes{groups: map[string]*csvGroup{}} }

func (t *adminTypes) group(n *Node, r *Rel) (string, *csvGroup) {
	name := "relationships_"
	if n != nil {
		name = "nodes_" + string(n.Label())
	} else {
		name += string(r.Type)
	}
	g := t.groups[name]
	if g == nil {
		g = &csvGroup{types: map[string]string{}}
		t.groups[name] = g
	}
	return name, g
}

// see takes in the properties of one element.
func (t *adminTypes) see(n *Node, r *Rel) error {
	_, g := t.group(n, r)
	p, skip := map[string]any(nil), ""
	if n != nil {
		p, skip = n.Props, PropID
	} else {
		p = r.Props
	}
	g.see(p, skip)
	for _, v := range p {
		if _, one := v.(string); one {
			continue
		}
		for _, e := range Strings(v) {
			t.semicolon = t.semicolon || strings.Contains(e, ";")
			t.bar = t.bar || strings.Contains(e, "|")
		}
	}
	return nil
}

// write writes the elements that each calls fn with, every one of them
// seen before, into dir.
func (t *adminTypes) write(dir string, each func(fn func(n *Node, r *Rel) error) error) (*AdminImport, error) {
	semicolon, bar, group := t.semicolon, t.bar, t.group
	delim := delimiter{";", "';'"}
	switch {
	case semicolon && !bar:
		delim = delimiter{"|", "'|'"}
	case semicolon && bar:
		delim = delimiter{"\x1f", "U+001F"}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("neo4j-admin export: %w", err)
	}
	imp := &AdminImport{Dir: dir, NodeFiles: map[string]string{}, RelFiles: map[string]string{}, ArrayDelimiter: delim.flag}
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	writers := map[string]*csvWriter{}
	err := each(func(n *Node, r *Rel) error {
		name, g := group(n, r)
		w := writers[name]
		if w == nil {
			f, err := os.Create(filepath.Join(dir, name+".csv"))
			if err != nil {
				return fmt.Errorf("neo4j-admin export: %w", err)
			}
			files = append(files, f)
			w = &csvWriter{w: bufio.NewWriterSize(f, 1<<16), first: true}
			writers[name] = w
			g.cols = g.columns()
			header := []string{"id:ID", ":LABEL"}
			if n != nil {
				imp.NodeFiles[string(n.Label())] = name + ".csv"
			} else {
				header = []string{":START_ID", ":END_ID", ":TYPE"}
				imp.RelFiles[string(r.Type)] = name + ".csv"
			}
			for _, c := range g.cols {
				header = append(header, c.header())
			}
			w.header(header)
		}
		what, p := "", map[string]any(nil)
		if n != nil {
			w.quoted(n.ID)
			w.quoted(JoinLabels(n.Labels, delim.char))
			what, p = "node "+n.ID, n.Props
		} else {
			w.quoted(r.Start.ID)
			w.quoted(r.End.ID)
			w.quoted(string(r.Type))
			what, p = "relationship "+r.ID, r.Props
		}
		for _, c := range g.cols {
			if err := w.value(p[c.name], c.typ, delim.char); err != nil {
				return fmt.Errorf("%s property %s: %w", what, c.name, err)
			}
		}
		w.end()
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name, w := range writers {
		if err := w.w.Flush(); err != nil {
			return nil, fmt.Errorf("neo4j-admin export %s: %w", name, err)
		}
	}
	for _, f := range files {
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("neo4j-admin export: %w", err)
		}
	}
	files = nil
	return imp, nil
}

type delimiter struct {
	char string // in the data
	flag string // as the --array-delimiter option
}

// csvGroup gathers the typed columns of one CSV file.
type csvGroup struct {
	types map[string]string
	cols  []column
}

func (g *csvGroup) see(p map[string]any, skip string) {
	for k, v := range p {
		if k != skip {
			g.types[k] = mergeAdminType(g.types[k], adminType(v))
		}
	}
}

func (g *csvGroup) columns() []column {
	cols := make([]column, 0, len(g.types))
	for k, t := range g.types {
		cols = append(cols, column{k, t})
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].name < cols[j].name })
	return cols
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
