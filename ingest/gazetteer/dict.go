// Package gazetteer holds geokg's gazetteer: the states, regions and
// organizations the extractor recognises by name, with their alternative
// names, demonyms and metonyms. The built-in entries are embedded data
// files; users add their own in the same format.
//
// The format is tab-separated text, one entry a line, '#' starting a
// comment line. The columns are:
//
//	label     State, Region or Organization
//	name      the canonical name ("Russia", "Nagorno-Karabakh", "NATO")
//	aliases   other names, '|'-separated ("Russian Federation|RF")
//	demonyms  adjectives and nouns of people, '|'-separated ("Russian|Russians")
//	metonyms  capitals and seats that stand for the actor ("Moscow|Kremlin")
//	kind      Organization: armed_group, igo, party, government_body, other;
//	          Region: province, city, disputed, breakaway, occupied, sea, area
//	within    the name of the State or Region it lies in or belongs to
//
// Trailing empty columns may be left out.
//
// A Leader line names a person and an office he held: kind is the office
// ("president", "foreign minister"), within the State or Organization he
// held it for, and an eighth column the years ("2013-" while he holds it,
// "2016-2021"). The extractor falls back on them for a person an article
// names without saying whom he serves.
package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
)

//go:embed data/*.tsv
var builtin embed.FS

// Entry is one named actor or place.
type Entry struct {
	Label    graph.Label
	Name     string
	Aliases  []string
	Demonyms []string
	Metonyms []string
	Kind     string // a graph.OrgKind or a graph.RegionKind
	Within   string
}

// Surfaces are all the names that denote the entry itself: the canonical
// name, its aliases and its metonyms.
func (e *Entry) Surfaces() []string {
	out := append([]string{e.Name}, e.Aliases...)
	return append(out, e.Metonyms...)
}

// An Office is a known person's office: what he held, for whom, when.
type Office struct {
	Name    string
	Aliases []string
	Title   string
	Serves  string
	From    int // the year he took it
	To      int // the year he left it; 0 while he holds it
}

// Held reports whether o was held in year (any year when year is 0).
func (o *Office) Held(year int) bool {
	return year == 0 || year >= o.From && (o.To == 0 || year <= o.To)
}

// Dict is a set of entries, looked up by canonical name, and the offices
// of known leaders.
type Dict struct {
	Entries []*Entry
	Offices []*Office
	byName  map[string]*Entry // key: Label + "\x00" + lower-case name
}

// Default returns the built-in dictionary.
func Default() (*Dict, error) {
	d := &Dict{byName: map[string]*Entry{}}
	files, err := fs.Glob(builtin, "data/*.tsv")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		r, err := builtin.Open(f)
		if err != nil {
			return nil, err
		}
		err = d.Read(r, f)
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}

// AddFile reads a user dictionary file into d. An entry with the label and
// name of an existing one extends it (its lists are merged; a non-empty kind
// or within replaces the old one).
func (d *Dict) AddFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("dictionary: %w", err)
	}
	defer f.Close()
	return d.Read(f, path)
}

// Read parses entries from r; name is used in error messages.
func (d *Dict) Read(r io.Reader, name string) error {
	if d.byName == nil {
		d.byName = map[string]*Entry{}
	}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		if strings.HasPrefix(text, string(graph.LabelLeader)+"\t") {
			o, err := parseOffice(text)
			if err != nil {
				return fmt.Errorf("dictionary %s:%d: %w", name, line, err)
			}
			d.Offices = append(d.Offices, o)
			continue
		}
		e, err := parseLine(text)
		if err != nil {
			return fmt.Errorf("dictionary %s:%d: %w", name, line, err)
		}
		d.add(e)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("dictionary %s: %w", name, err)
	}
	return nil
}

// Lookup returns the entry of the given label and canonical name, or nil.
func (d *Dict) Lookup(label graph.Label, name string) *Entry {
	return d.byName[key(label, name)]
}

func (d *Dict) add(e *Entry) {
	k := key(e.Label, e.Name)
	old, ok := d.byName[k]
	if !ok {
		d.byName[k] = e
		d.Entries = append(d.Entries, e)
		return
	}
	old.Aliases = union(old.Aliases, e.Aliases)
	old.Demonyms = union(old.Demonyms, e.Demonyms)
	old.Metonyms = union(old.Metonyms, e.Metonyms)
	if e.Kind != "" {
		old.Kind = e.Kind
	}
	if e.Within != "" {
		old.Within = e.Within
	}
}

func parseLine(text string) (*Entry, error) {
	cols := strings.Split(text, "\t")
	for len(cols) < 7 {
		cols = append(cols, "")
	}
	if len(cols) > 7 {
		return nil, fmt.Errorf("%d columns, want at most 7 (label, name, aliases, demonyms, metonyms, kind, within)", len(cols))
	}
	e := &Entry{
		Label:    graph.Label(strings.TrimSpace(cols[0])),
		Name:     strings.TrimSpace(cols[1]),
		Aliases:  list(cols[2]),
		Demonyms: list(cols[3]),
		Metonyms: list(cols[4]),
		Kind:     strings.TrimSpace(cols[5]),
		Within:   strings.TrimSpace(cols[6]),
	}
	switch e.Label {
	case graph.LabelState, graph.LabelRegion, graph.LabelOrganization:
	default:
		return nil, fmt.Errorf("label %q, want State, Region, Organization or Leader", e.Label)
	}
	if e.Name == "" {
		return nil, fmt.Errorf("empty name")
	}
	var err error
	switch {
	case e.Label == graph.LabelOrganization && e.Kind == "":
		e.Kind = string(graph.OrgOther)
	case e.Label == graph.LabelOrganization:
		_, err = graph.ParseOrgKind(e.Kind)
	case e.Label == graph.LabelRegion && e.Kind != "":
		_, err = graph.ParseRegionKind(e.Kind)
	case e.Kind != "":
		err = fmt.Errorf("a %s has no kind (got %q)", e.Label, e.Kind)
	}
	if err != nil {
		return nil, err
	}
	return e, nil
}

// parseOffice reads a Leader line: label, name, aliases, two empty
// columns, office, whom it serves, years.
func parseOffice(text string) (*Office, error) {
	cols := strings.Split(text, "\t")
	if len(cols) != 8 {
		return nil, fmt.Errorf("a Leader line has %d columns, want 8 (Leader, name, aliases, -, -, office, serves, years)", len(cols))
	}
	o := &Office{
		Name:    strings.TrimSpace(cols[1]),
		Aliases: list(cols[2]),
		Title:   strings.TrimSpace(cols[5]),
		Serves:  strings.TrimSpace(cols[6]),
	}
	if o.Name == "" || o.Title == "" || o.Serves == "" {
		return nil, fmt.Errorf("a Leader line needs a name, an office and whom it serves")
	}
	if strings.TrimSpace(cols[3]) != "" || strings.TrimSpace(cols[4]) != "" {
		return nil, fmt.Errorf("a Leader has no demonyms or metonyms")
	}
	from, to, ok := strings.Cut(strings.TrimSpace(cols[7]), "-")
	var err error
	if o.From, err = strconv.Atoi(from); err != nil || o.From < 1800 {
		return nil, fmt.Errorf("years %q, want YYYY-, YYYY-YYYY or YYYY", cols[7])
	}
	switch {
	case !ok:
		o.To = o.From
	case to != "":
		if o.To, err = strconv.Atoi(to); err != nil || o.To < o.From {
			return nil, fmt.Errorf("years %q, want YYYY-, YYYY-YYYY or YYYY", cols[7])
		}
	}
	return o, nil
}

func list(col string) []string {
	var out []string
	for _, s := range strings.Split(col, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	for _, s := range a {
		seen[s] = true
	}
	for _, s := range b {
		if !seen[s] {
			seen[s] = true
			a = append(a, s)
		}
	}
	return a
}

func key(label graph.Label, name string) string {
	return string(label) + "\x00" + strings.ToLower(name)
}
