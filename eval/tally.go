package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Kinds of scored items: the first part of a Key.
const (
	KindEntity   = "entity"
	KindRelation = "relation"
	KindEvent    = "event"
	// KindEventAttr scores the date and the place of each predicted event
	// that matched a gold one.
	KindEventAttr = "event_attr"
)

// Kinds lists the kinds in the order reports show them.
var Kinds = []string{KindEntity, KindRelation, KindEvent, KindEventAttr}

// Key names one scored row: an entity label, a relation type, or "Event".
type Key struct {
	Kind  string
	Label string
}

// String is the key as reports write it: "entity:State".
func (k Key) String() string { return k.Kind + ":" + k.Label }

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Add returns the sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.TP + o.TP, c.FP + o.FP, c.FN + o.FN}
}

// PRF returns precision, recall and F1. With nothing predicted, precision
// is 1 when nothing was missed either, else 0; with nothing to find,
// recall is 1.
func (c Counts) PRF() (p, r, f1 float64) {
	tp, fp, fn := float64(c.TP), float64(c.FP), float64(c.FN)
	switch {
	case c.TP+c.FP != 0:
		p = tp / (tp + fp)
	case c.FN == 0:
		p = 1
	}
	r = 1
	if c.TP+c.FN != 0 {
		r = tp / (tp + fn)
	}
	if p+r != 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// Tally accumulates counts per key over one or more articles, with a line
// for every miss and extra, the number of duplicate entity nodes, and the
// number of articles whose prediction could not be had.
type Tally struct {
	counts     map[Key]Counts
	rules      map[string]Counts // by rule id: facts right (TP) and wrong (FP)
	Errors     []string
	Duplicates int
	Failures   int
	Articles   int // articles scored
}

// NewTally returns an empty tally.
func NewTally() *Tally { return &Tally{counts: map[Key]Counts{}} }

func (t *Tally) add(k Key, c Counts) {
	if t.counts == nil {
		t.counts = map[Key]Counts{}
	}
	t.counts[k] = t.counts[k].Add(c)
}

// Count returns the counts of key k.
func (t *Tally) Count(k Key) Counts { return t.counts[k] }

// Keys returns the keys of a kind that have counts, sorted by label.
func (t *Tally) Keys(kind string) []Key {
	var out []Key
	for k := range t.counts {
		if k.Kind == kind {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

// Total returns the micro-averaged counts of a kind.
func (t *Tally) Total(kind string) Counts {
	var c Counts
	for _, k := range t.Keys(kind) {
		c = c.Add(t.counts[k])
	}
	return c
}

// Sum returns the counts over every key of every kind.
func (t *Tally) Sum() Counts {
	var c Counts
	for _, n := range t.counts {
		c = c.Add(n)
	}
	return c
}

// Merge adds o's counts, errors, duplicates and failures to t.
func (t *Tally) Merge(o *Tally) {
	for k, c := range o.counts {
		t.add(k, c)
	}
	for id, c := range o.rules {
		t.addRule([]string{id}, c)
	}
	t.Errors = append(t.Errors, o.Errors...)
	t.Duplicates += o.Duplicates
	t.Failures += o.Failures
}

// addRule adds c to the counts of each rule of ids.
func (t *Tally) addRule(ids []string, c Counts) {
	if t.rules == nil {
		t.rules = map[string]Counts{}
	}
	for _, id := range ids {
		t.rules[id] = t.rules[id].Add(c)
	}
}

// Rules returns the ids of the rules whose facts were scored, sorted.
func (t *Tally) Rules() []string {
	out := make([]string, 0, len(t.rules))
	for id := range t.rules {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// RuleCount returns how many of the facts rule id made were right (TP)
// and wrong (FP). A fact that matches only an optional gold fact counts
// neither way; misses (FN) are not any rule's.
func (t *Tally) RuleCount(id string) Counts { return t.rules[id] }

// WriteRuleTable writes the precision of each rule: the facts it made,
// right and wrong, worst first.
func (t *Tally) WriteRuleTable(w io.Writer) error {
	ids := t.Rules()
	sort.SliceStable(ids, func(i, j int) bool {
		pi, _, _ := t.rules[ids[i]].PRF()
		pj, _, _ := t.rules[ids[j]].PRF()
		return pi < pj
	})
	if _, err := fmt.Fprintf(w, "%-32s %5s %5s %5s  %6s\n", "rule", "facts", "tp", "fp", "P"); err != nil {
		return err
	}
	for _, id := range ids {
		c := t.rules[id]
		p, _, _ := c.PRF()
		if _, err := fmt.Fprintf(w, "%-32s %5d %5d %5d  %6.3f\n", id, c.TP+c.FP, c.TP, c.FP, p); err != nil {
			return err
		}
	}
	return nil
}

// Fail records that the prediction for an article could not be had; the
// article then scores as if nothing had been predicted for it.
func (t *Tally) Fail(article string, err error) {
	t.Failures++
	t.errorf("%s: %v", article, err)
}

// Row is one line of a report.
type Row struct {
	Key string // "entity:State", or "entity:ALL" for the kind's total
	Counts
}

// Rows returns the report's rows: for each kind, its keys sorted by label
// and then its total.
func (t *Tally) Rows() []Row {
	var rows []Row
	for _, kind := range Kinds {
		for _, k := range t.Keys(kind) {
			rows = append(rows, Row{k.String(), t.counts[k]})
		}
		rows = append(rows, Row{kind + ":ALL", t.Total(kind)})
	}
	return rows
}

// WriteTable writes the report as a table, in the layout of score.py.
func (t *Tally) WriteTable(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%-26s %5s %5s %5s  %6s %6s %6s\n", "", "tp", "fp", "fn", "P", "R", "F1"); err != nil {
		return err
	}
	for _, r := range t.Rows() {
		p, rc, f := r.PRF()
		if _, err := fmt.Fprintf(w, "%-26s %5d %5d %5d  %6.3f %6.3f %6.3f\n", r.Key, r.TP, r.FP, r.FN, p, rc, f); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "duplicate entity nodes: %d   extractor failures: %d\n", t.Duplicates, t.Failures)
	return err
}

// ArticleLine is the one-line summary of an article's own tally.
func ArticleLine(name string, t *Tally) string {
	c := t.Sum()
	_, _, f := c.PRF()
	return fmt.Sprintf("%-12s tp=%3d fp=%3d fn=%3d  F1=%.3f", name, c.TP, c.FP, c.FN, f)
}

// jsonRow is a row of the JSON report; its keys sort the way score.py
// writes them.
type jsonRow struct {
	F1        pyJSONFloat `json:"f1"`
	FN        int         `json:"fn"`
	FP        int         `json:"fp"`
	Precision pyJSONFloat `json:"precision"`
	Recall    pyJSONFloat `json:"recall"`
	TP        int         `json:"tp"`
}

// WriteJSON writes the report as the JSON object score.py --json prints:
// a key per row with tp, fp, fn and rounded precision, recall and F1,
// plus "duplicates" and "extractor_failures".
func (t *Tally) WriteJSON(w io.Writer) error { return t.writeJSON(w, false) }

// WriteJSONByRule writes the JSON report with a key "rule:ID" for each
// rule, with its tp, fp and precision.
func (t *Tally) WriteJSONByRule(w io.Writer) error { return t.writeJSON(w, true) }

// ruleRow is a rule's row of the JSON report.
type ruleRow struct {
	FP        int         `json:"fp"`
	Precision pyJSONFloat `json:"precision"`
	TP        int         `json:"tp"`
}

func (t *Tally) writeJSON(w io.Writer, byRule bool) error {
	out := map[string]any{
		"duplicates":         t.Duplicates,
		"extractor_failures": t.Failures,
	}
	for _, r := range t.Rows() {
		p, rc, f := r.PRF()
		out[r.Key] = jsonRow{
			F1: pyJSONFloat(round4(f)), FN: r.FN, FP: r.FP,
			Precision: pyJSONFloat(round4(p)), Recall: pyJSONFloat(round4(rc)), TP: r.TP,
		}
	}
	if byRule {
		for id, c := range t.rules {
			p, _, _ := c.PRF()
			out["rule:"+id] = ruleRow{FP: c.FP, Precision: pyJSONFloat(round4(p)), TP: c.TP}
		}
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// pyJSONFloat is a float written as Python's json module writes it (1.0,
// not 1).
type pyJSONFloat float64

// MarshalJSON implements json.Marshaler.
func (f pyJSONFloat) MarshalJSON() ([]byte, error) { return []byte(pyFloat(float64(f))), nil }
