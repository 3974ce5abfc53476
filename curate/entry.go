// Package curate holds analysts' corrections to the extracted graph: a
// plain text file of entries (merge two actors, rename, relabel, reject a
// node or a relationship, add a relationship, set a leader's role), each
// with who made it, when and why, and the rewriting that applies them to a
// graph batch.
//
// The same rewriting runs on every article's graph after extraction (so
// that extract, export, ingest and load agree) and on the part of a stored
// graph that the corrections concern (graph/store's Correct). It talks to
// no database.
package curate

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
)

// Verb is what an entry does.
type Verb string

// The verbs of a curation file.
const (
	Merge   Verb = "merge"   // node becomes an alias of into
	Rename  Verb = "rename"  // node gets a new canonical name
	Relabel Verb = "relabel" // node gets another label, or kind
	Reject  Verb = "reject"  // a node, or a relationship, is false
	Add     Verb = "add"     // a relationship the articles missed
	Role    Verb = "role"    // a leader's office for a state or organization
)

// Verbs lists the verbs in the order help shows them.
var Verbs = []Verb{Merge, Rename, Relabel, Reject, Add, Role}

// Entry is one correction: a line of the curation file.
type Entry struct {
	ID   string    // short hex id, unique in the file
	Verb Verb      // what it does
	At   time.Time // when it was recorded (UTC)
	By   string    // who recorded it
	Why  string    // the reason; for add and role, the analyst's note

	// Node is the subject of merge, rename, relabel and reject of a node.
	Node string
	// Into is the node that merge keeps.
	Into string
	// Name is the canonical name: the kept node's after a merge, the new
	// one after a rename.
	Name string
	// Label and Kind are relabel's new label and kind; either may be empty.
	Label graph.Label
	Kind  string

	// From, Rel and To name the relationship of reject, add and role.
	From string
	Rel  graph.RelType
	To   string
	// Props are the properties add and role set: role or demand.
	Props map[string]string

	// Line is the entry's line in its file (0 when not read from one).
	Line int
}

// fieldOrder is every key an entry line may carry, in the order lines are
// written: the subject first, the bookkeeping last.
var fieldOrder = []string{"node", "from", "leader", "rel", "to", "of", "into", "name", "label", "kind", "role", "demand", "why", "by", "at", "id"}

// keys lists the keys each verb requires and allows, besides why, by, at
// and id.
var keys = map[Verb]struct{ required, optional []string }{
	Merge:   {[]string{"node", "into", "name"}, []string{"kind"}},
	Rename:  {[]string{"node", "name"}, nil},
	Relabel: {[]string{"node"}, []string{"label", "kind"}},
	Reject:  {nil, []string{"node", "from", "rel", "to"}},
	Add:     {[]string{"from", "rel", "to"}, []string{"role", "demand"}},
	Role:    {[]string{"leader", "of", "role"}, nil},
}

// labelOfPrefix maps the prefix of a node id to its label (graph.EntityID
// writes them; events have hashed ids).
var labelOfPrefix = map[string]graph.Label{
	"leader": graph.LabelLeader,
	"state":  graph.LabelState,
	"region": graph.LabelRegion,
	"org":    graph.LabelOrganization,
	"event":  graph.LabelEvent,
}

// LabelOf is the label that a node id names by its prefix, or "" when the
// id is not one an entry may name.
func LabelOf(id string) graph.Label {
	p, _, ok := strings.Cut(id, ":")
	if !ok {
		return ""
	}
	return labelOfPrefix[p]
}

// withLabel is id with its prefix changed to label's (the slug stays).
func withLabel(id string, label graph.Label) string {
	_, slug, _ := strings.Cut(id, ":")
	return strings.SplitN(graph.EntityID(label, "x"), ":", 2)[0] + ":" + slug
}

// CheckNodeID tells whether id is the id of a node that corrections may
// name: a leader, state, region, organization or event.
func CheckNodeID(id string) error {
	label := LabelOf(id)
	_, slug, _ := strings.Cut(id, ":")
	if label == "" || slug == "" {
		return fmt.Errorf("%q is not a node id (ids look like state:russia, org:m23, leader:nikol-pashinyan, event:1f570f0b8344366c: the node's id property)", id)
	}
	if label != graph.LabelEvent && graph.Slug(slug) != slug {
		return fmt.Errorf("%q is not a node id: after the prefix, ids are lower case words joined by dashes (%s)", id, withSlug(id, graph.Slug(slug)))
	}
	return nil
}

func withSlug(id, slug string) string {
	p, _, _ := strings.Cut(id, ":")
	return p + ":" + slug
}

// allowedEnds is the graph contract's table of relationship endpoints.
var allowedEnds = map[graph.RelType][2][]graph.Label{
	graph.RelRepresents: {{graph.LabelLeader}, {graph.LabelState, graph.LabelOrganization}},
	graph.RelMediates:   {actors, {graph.LabelEvent}},
	graph.RelPartyTo:    {actors, {graph.LabelEvent}},
	graph.RelControls:   {actors, {graph.LabelRegion}},
	graph.RelDemands:    {actors, actors},
	graph.RelLocatedIn:  {{graph.LabelRegion, graph.LabelEvent}, {graph.LabelState, graph.LabelRegion}},
	graph.RelSupports:   {actors, actors},
	graph.RelFights:     {{graph.LabelState, graph.LabelOrganization}, {graph.LabelState, graph.LabelOrganization}},
}

var actors = []graph.Label{graph.LabelLeader, graph.LabelState, graph.LabelOrganization}

// checkEnds tells whether the contract allows a relationship of type typ
// from a node of label from to one of label to.
func checkEnds(typ graph.RelType, from, to graph.Label) error {
	ends, ok := allowedEnds[typ]
	if !ok {
		return fmt.Errorf("%s relationships cannot be corrected (reject or add the node instead)", typ)
	}
	if !slices.Contains(ends[0], from) || !slices.Contains(ends[1], to) {
		if typ == graph.RelLocatedIn && from == graph.LabelRegion && to == graph.LabelEvent {
			return fmt.Errorf("LOCATED_IN goes from the event to the place")
		}
		return fmt.Errorf("a %s relationship goes from %s to %s, not from %s to %s", typ, joinLabels(ends[0]), joinLabels(ends[1]), from, to)
	}
	return nil
}

func joinLabels(ls []graph.Label) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = string(l)
	}
	return strings.Join(s, " or ")
}

// Check tells whether e is complete and consistent on its own.
func (e *Entry) Check() error {
	if e.By == "" {
		return fmt.Errorf("%s: who made it is missing (by=)", e.Verb)
	}
	if e.At.IsZero() {
		return fmt.Errorf("%s: when it was made is missing (at=)", e.Verb)
	}
	if strings.TrimSpace(e.Why) == "" {
		return fmt.Errorf("%s: why is missing (why=)", e.Verb)
	}
	nodes := func(ids ...string) error {
		for _, id := range ids {
			if err := CheckNodeID(id); err != nil {
				return fmt.Errorf("%s: %w", e.Verb, err)
			}
		}
		return nil
	}
	switch e.Verb {
	case Merge:
		if err := nodes(e.Node, e.Into); err != nil {
			return err
		}
		if e.Node == e.Into {
			return fmt.Errorf("merge: a node cannot be merged into itself")
		}
		if a, b := LabelOf(e.Node), LabelOf(e.Into); (a == graph.LabelEvent) != (b == graph.LabelEvent) {
			return fmt.Errorf("merge: an event merges only into an event, and an actor or place only into an actor or place (%s into %s)", a, b)
		}
		if strings.TrimSpace(e.Name) == "" {
			return fmt.Errorf("merge: the kept node's name is empty")
		}
		// The kept node's kind is pinned, so that the merged node's own
		// kind never takes its place.
		switch LabelOf(e.Into) {
		case graph.LabelOrganization:
			if e.Kind == "" {
				return fmt.Errorf("merge: give the kept organization's kind= (%s)", kindList(graph.OrgKinds))
			}
			if _, err := graph.ParseOrgKind(e.Kind); err != nil {
				return fmt.Errorf("merge: %w", err)
			}
		case graph.LabelRegion:
			if e.Kind != "" {
				if _, err := graph.ParseRegionKind(e.Kind); err != nil {
					return fmt.Errorf("merge: %w", err)
				}
			}
		default:
			if e.Kind != "" {
				return fmt.Errorf("merge: a %s has no kind", LabelOf(e.Into))
			}
		}
	case Rename:
		if err := nodes(e.Node); err != nil {
			return err
		}
		if strings.TrimSpace(e.Name) == "" {
			return fmt.Errorf("rename: the new name is empty")
		}
		if graph.Slug(e.Name) == "" {
			return fmt.Errorf("rename: the name %q has no letters or digits", e.Name)
		}
	case Relabel:
		if err := nodes(e.Node); err != nil {
			return err
		}
		from := LabelOf(e.Node)
		if from == graph.LabelEvent {
			return fmt.Errorf("relabel: events have no other label (reject the event, or merge it into another)")
		}
		to := e.Label
		if to == "" {
			to = from
		}
		if !to.IsEntity() {
			return fmt.Errorf("relabel: label %q is not one of Leader, State, Region, Organization", e.Label)
		}
		if e.Label == "" && e.Kind == "" {
			return fmt.Errorf("relabel: give the new label=, kind=, or both")
		}
		switch to {
		case graph.LabelOrganization:
			if e.Kind == "" && from != graph.LabelOrganization {
				return fmt.Errorf("relabel: an Organization needs a kind (%s)", kindList(graph.OrgKinds))
			}
			if e.Kind != "" {
				if _, err := graph.ParseOrgKind(e.Kind); err != nil {
					return fmt.Errorf("relabel: %w", err)
				}
			}
		case graph.LabelRegion:
			if e.Kind != "" {
				if _, err := graph.ParseRegionKind(e.Kind); err != nil {
					return fmt.Errorf("relabel: %w", err)
				}
			}
		default:
			if e.Kind != "" {
				return fmt.Errorf("relabel: a %s has no kind", to)
			}
		}
		if to == from && e.Kind == "" {
			return fmt.Errorf("relabel: %s is a %s already", e.Node, from)
		}
	case Reject:
		switch {
		case e.Node != "" && e.From == "" && e.Rel == "" && e.To == "":
			return nodes(e.Node)
		case e.Node == "" && e.From != "" && e.Rel != "" && e.To != "":
			if err := nodes(e.From, e.To); err != nil {
				return err
			}
			if err := checkEnds(e.Rel, LabelOf(e.From), LabelOf(e.To)); err != nil {
				return fmt.Errorf("reject: %w", err)
			}
		default:
			return fmt.Errorf("reject: give node= (a node), or from=, rel= and to= (a relationship)")
		}
	case Add, Role:
		if err := nodes(e.From, e.To); err != nil {
			return err
		}
		if err := checkEnds(e.Rel, LabelOf(e.From), LabelOf(e.To)); err != nil {
			return fmt.Errorf("%s: %w", e.Verb, err)
		}
		for k, v := range e.Props {
			switch {
			case k == "role" && e.Rel != graph.RelRepresents:
				return fmt.Errorf("%s: role= belongs to REPRESENTS, not %s", e.Verb, e.Rel)
			case k == "demand" && e.Rel != graph.RelDemands:
				return fmt.Errorf("%s: demand= belongs to DEMANDS, not %s", e.Verb, e.Rel)
			case strings.TrimSpace(v) == "":
				return fmt.Errorf("%s: %s= is empty", e.Verb, k)
			}
		}
	default:
		return fmt.Errorf("unknown verb %q (want one of %s)", e.Verb, verbList())
	}
	return nil
}

func kindList[T ~string](ks []T) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func verbList() string { return kindList(Verbs) }

// fields is e as the key=value pairs of its line (the verb aside).
func (e *Entry) fields() map[string]string {
	f := map[string]string{"why": e.Why, "by": e.By, "id": e.ID}
	if !e.At.IsZero() {
		f["at"] = e.At.UTC().Format(time.RFC3339)
	}
	set := func(k, v string) {
		if v != "" {
			f[k] = v
		}
	}
	switch e.Verb {
	case Role:
		set("leader", e.From)
		set("of", e.To)
		set("role", e.Props["role"])
	default:
		set("node", e.Node)
		set("into", e.Into)
		set("name", e.Name)
		set("label", string(e.Label))
		set("kind", e.Kind)
		set("from", e.From)
		set("rel", string(e.Rel))
		set("to", e.To)
		for k, v := range e.Props {
			set(k, v)
		}
	}
	return f
}

// String is e's line in a curation file: the verb, then key=value pairs,
// values quoted as Go strings where they need it.
func (e *Entry) String() string {
	var b strings.Builder
	b.WriteString(string(e.Verb))
	f := e.fields()
	for _, k := range fieldOrder {
		v, ok := f[k]
		if !ok || (v == "" && k == "id") {
			continue
		}
		b.WriteString(" " + k + "=" + quote(v))
	}
	return b.String()
}

// quote leaves a value bare when it reads back as itself.
func quote(v string) string {
	if v == "" || strings.ContainsAny(v, " \t\"#=\\") || strconv.Quote(v) != `"`+v+`"` {
		return strconv.Quote(v)
	}
	return v
}

// Summary is a short account of what e does, for listings.
func (e *Entry) Summary() string {
	switch e.Verb {
	case Merge:
		return fmt.Sprintf("%s into %s (%q)", e.Node, e.Into, e.Name)
	case Rename:
		return fmt.Sprintf("%s to %q", e.Node, e.Name)
	case Relabel:
		var to []string
		if e.Label != "" {
			to = append(to, string(e.Label))
		}
		if e.Kind != "" {
			to = append(to, "kind "+e.Kind)
		}
		return fmt.Sprintf("%s as %s", e.Node, strings.Join(to, ", "))
	case Reject:
		if e.Node != "" {
			return e.Node
		}
		return fmt.Sprintf("(%s)-[:%s]->(%s)", e.From, e.Rel, e.To)
	case Role:
		return fmt.Sprintf("%s for %s: %q", e.From, e.To, e.Props["role"])
	}
	s := fmt.Sprintf("(%s)-[:%s]->(%s)", e.From, e.Rel, e.To)
	keys := make([]string, 0, len(e.Props))
	for k := range e.Props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s += fmt.Sprintf(" %s %q", k, e.Props[k])
	}
	return s
}

// Note is how the entry reads beside the facts it changed: who, when and
// why.
func (e *Entry) Note() string {
	return fmt.Sprintf("%s, %s: %s", e.By, e.At.UTC().Format("2006-01-02"), e.Why)
}

// NewID is a fresh id for e: a hash of its content, the time included.
func (e *Entry) NewID() string {
	c := *e
	c.ID = ""
	h := sha1.Sum([]byte(c.String()))
	return hex.EncodeToString(h[:4])
}

// ParseLine reads one entry line. Errors say what is wrong, without the
// file and line (the caller adds them).
func ParseLine(line string) (*Entry, error) {
	toks, err := tokenize(line)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, fmt.Errorf("empty entry")
	}
	if strings.Contains(toks[0], "=") {
		return nil, fmt.Errorf("an entry starts with its verb (%s), not %q", verbList(), toks[0])
	}
	e := &Entry{Verb: Verb(toks[0])}
	k, ok := keys[e.Verb]
	if !ok {
		return nil, fmt.Errorf("unknown verb %q (want one of %s)", toks[0], verbList())
	}
	allowed := append(append([]string{"why", "by", "at", "id"}, k.required...), k.optional...)
	seen := map[string]bool{}
	for _, t := range toks[1:] {
		key, raw, ok := strings.Cut(t, "=")
		if !ok {
			return nil, fmt.Errorf("%s: %q is not key=value", e.Verb, t)
		}
		if !slices.Contains(allowed, key) {
			return nil, fmt.Errorf("%s: unknown key %q (allowed: %s)", e.Verb, key, strings.Join(allowed, ", "))
		}
		if seen[key] {
			return nil, fmt.Errorf("%s: %s= given twice", e.Verb, key)
		}
		seen[key] = true
		v, err := unquote(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %s=: %w", e.Verb, key, err)
		}
		if err := e.set(key, v); err != nil {
			return nil, fmt.Errorf("%s: %w", e.Verb, err)
		}
	}
	for _, r := range k.required {
		if !seen[r] {
			return nil, fmt.Errorf("%s: %s= is missing (%s needs %s)", e.Verb, r, e.Verb, strings.Join(k.required, "=, ")+"=")
		}
	}
	if err := e.Check(); err != nil {
		return nil, err
	}
	if e.ID == "" {
		e.ID = e.NewID()
	}
	return e, nil
}

func (e *Entry) set(key, v string) error {
	prop := func(k string) {
		if e.Props == nil {
			e.Props = map[string]string{}
		}
		e.Props[k] = v
	}
	switch key {
	case "id":
		if len(v) < 4 || strings.Trim(v, "0123456789abcdef") != "" {
			return fmt.Errorf("id %q is not at least 4 lower-case hex digits", v)
		}
		e.ID = v
	case "at":
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return fmt.Errorf("at=%q is not a time like 2025-03-02T10:14:05Z", v)
		}
		e.At = t.UTC()
	case "by":
		e.By = v
	case "why":
		e.Why = v
	case "node":
		e.Node = v
	case "into":
		e.Into = v
	case "name":
		e.Name = v
	case "label":
		l, err := graph.ParseLabel(v)
		if err != nil {
			return err
		}
		e.Label = l
	case "kind":
		e.Kind = v
	case "from", "leader":
		e.From = v
	case "to", "of":
		e.To = v
	case "rel":
		t, err := graph.ParseRelType(v)
		if err != nil {
			return err
		}
		e.Rel = t
	case "role":
		prop("role")
		if e.Verb == Role {
			e.Rel = graph.RelRepresents
		}
	case "demand":
		prop("demand")
	}
	return nil
}

// tokenize splits a line at spaces outside double quotes.
func tokenize(line string) ([]string, error) {
	var toks []string
	s := strings.TrimSpace(line)
	for s != "" {
		i := 0
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			if s[i] == '"' {
				q, err := strconv.QuotedPrefix(s[i:])
				if err != nil {
					return nil, fmt.Errorf("unterminated or bad quoted value at %q", s[i:])
				}
				i += len(q)
				continue
			}
			i++
		}
		toks = append(toks, s[:i])
		s = strings.TrimLeft(s[i:], " \t")
	}
	return toks, nil
}

func unquote(raw string) (string, error) {
	if !strings.HasPrefix(raw, `"`) {
		if strings.Contains(raw, `"`) {
			return "", fmt.Errorf("quote the whole value: %s", raw)
		}
		return raw, nil
	}
	v, err := strconv.Unquote(raw)
	if err != nil {
		return "", fmt.Errorf("bad quoted value %s", raw)
	}
	return v, nil
}
