package gazetteer

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// The tests in this file check the built-in data rather than the loader:
// the gazetteer is only as good as its consistency.

func builtinDict(t *testing.T) *Dict {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBuiltinStates(t *testing.T) {
	d := builtinDict(t)
	n := 0
	for _, e := range d.Entries {
		if e.Label == "State" {
			n++
		}
	}
	// 193 UN members, 2 observers (Vatican, Palestine) and 3 partially
	// recognised states (Kosovo, Taiwan, Sahrawi Arab Democratic Republic).
	if n != 198 {
		t.Errorf("%d State entries, want 198", n)
	}
	for _, name := range []string{
		"United States", "Russia", "China", "United Kingdom", "Democratic Republic of the Congo",
		"Ivory Coast", "Myanmar", "Czech Republic", "Turkey", "Vatican", "Palestine", "Kosovo", "Taiwan",
	} {
		if d.Lookup("State", name) == nil {
			t.Errorf("no State %q", name)
		}
	}
	for _, name := range []string{"Abkhazia", "South Ossetia", "Transnistria", "Northern Cyprus", "Somaliland"} {
		if e := d.Lookup("Region", name); e == nil || e.Kind != "breakaway" {
			t.Errorf("Region %q: got %+v, want kind breakaway", name, e)
		}
		if d.Lookup("State", name) != nil {
			t.Errorf("%q is a State; breakaway entities are Regions", name)
		}
	}
}

func TestBuiltinKinds(t *testing.T) {
	regionKinds := map[string]bool{
		"province": true, "city": true, "disputed": true, "breakaway": true,
		"occupied": true, "sea": true, "area": true, "wider": true,
	}
	for _, e := range builtinDict(t).Entries {
		switch e.Label {
		case "State":
			if e.Kind != "" || e.Within != "" {
				t.Errorf("State %q has kind %q or within %q; states have neither", e.Name, e.Kind, e.Within)
			}
		case "Region":
			if !regionKinds[e.Kind] {
				t.Errorf("Region %q: kind %q", e.Name, e.Kind)
			}
			// Open water, areas across borders and territories no single
			// state is agreed to hold lie within nothing.
			if e.Kind != "sea" && e.Kind != "area" && e.Kind != "wider" && e.Kind != "disputed" && e.Within == "" {
				t.Errorf("Region %q (%s) has no within", e.Name, e.Kind)
			}
		}
	}
}

func TestBuiltinWithinExists(t *testing.T) {
	d := builtinDict(t)
	for _, e := range d.Entries {
		if e.Within == "" {
			continue
		}
		w := d.Lookup("State", e.Within)
		if w == nil {
			w = d.Lookup("Region", e.Within)
		}
		if w == nil {
			t.Errorf("%s %q: within %q is neither a State nor a Region", e.Label, e.Name, e.Within)
			continue
		}
		if w == e {
			t.Errorf("%s %q lies within itself", e.Label, e.Name)
		}
	}
	// No cycles: following within always ends at a State or a top Region.
	for _, e := range d.Entries {
		seen := map[*Entry]bool{}
		for x := e; x != nil && x.Within != ""; {
			if seen[x] {
				t.Errorf("%s %q: within cycle", e.Label, e.Name)
				break
			}
			seen[x] = true
			next := d.Lookup("State", x.Within)
			if next == nil {
				next = d.Lookup("Region", x.Within)
			}
			x = next
		}
	}
}

// TestBuiltinOffices checks that every known leader serves a State or an
// Organization of the gazetteer and that no office is listed twice.
func TestBuiltinOffices(t *testing.T) {
	d := builtinDict(t)
	if len(d.Offices) < 300 {
		t.Errorf("%d leader offices, want the heads of state and government of every state since 2016", len(d.Offices))
	}
	seen := map[string]bool{}
	for _, o := range d.Offices {
		if d.Lookup("State", o.Serves) == nil && d.Lookup("Organization", o.Serves) == nil {
			t.Errorf("leader %q serves %q, neither a State nor an Organization", o.Name, o.Serves)
		}
		k := o.Name + "\x00" + o.Title + "\x00" + o.Serves + "\x00" + fmt.Sprint(o.From)
		if seen[k] {
			t.Errorf("leader %q: %s of %s from %d listed twice", o.Name, o.Title, o.Serves, o.From)
		}
		seen[k] = true
		if o.To != 0 && o.To < o.From {
			t.Errorf("leader %q: years %d-%d", o.Name, o.From, o.To)
		}
	}
}

// TestBuiltinSurfacesUnique checks that within a label a surface form (name,
// alias or metonym) denotes one entry, so that the extractor never has to
// guess between two entries of the built-in data. The same form under two
// labels is deliberate: "Moscow" is both Russia's metonym and the city.
func TestBuiltinSurfacesUnique(t *testing.T) {
	owner := map[string]*Entry{} // key: label + lower-case surface
	for _, e := range builtinDict(t).Entries {
		for _, s := range e.Surfaces() {
			k := string(e.Label) + "\x00" + strings.ToLower(s)
			if o, ok := owner[k]; ok && o != e {
				t.Errorf("%s surface %q names both %q and %q", e.Label, s, o.Name, e.Name)
				continue
			}
			owner[k] = e
		}
	}
	// A demonym must not be another entry's name in the same label either.
	for _, e := range builtinDict(t).Entries {
		for _, s := range e.Demonyms {
			if o, ok := owner[string(e.Label)+"\x00"+strings.ToLower(s)]; ok && o.Name != e.Name {
				t.Errorf("%s demonym %q of %q is a surface of %q", e.Label, s, e.Name, o.Name)
			}
		}
	}
}

func TestBuiltinDemonymsUnique(t *testing.T) {
	owner := map[string]*Entry{}
	for _, e := range builtinDict(t).Entries {
		for _, s := range e.Demonyms {
			k := strings.ToLower(s)
			if o, ok := owner[k]; ok && o != e {
				t.Errorf("demonym %q belongs to both %s %q and %s %q", s, o.Label, o.Name, e.Label, e.Name)
				continue
			}
			owner[k] = e
		}
	}
}

// TestBuiltinSurfaceForms guards the conventions of the data: every form is
// a proper name (it has a capital letter or a digit, so no ordinary
// lower-case word can match it), has no leading "the", and is clean of
// stray spaces and separators.
func TestBuiltinSurfaceForms(t *testing.T) {
	for _, e := range builtinDict(t).Entries {
		forms := append(e.Surfaces(), e.Demonyms...)
		for _, s := range forms {
			if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) {
				t.Errorf("%s %q: form %q has no capital letter", e.Label, e.Name, s)
			}
			if strings.HasPrefix(s, "the ") {
				t.Errorf("%s %q: form %q starts with \"the\"; matchers accept it before any name", e.Label, e.Name, s)
			}
			if strings.Contains(s, "  ") || strings.ContainsAny(s, "\t;") {
				t.Errorf("%s %q: form %q has stray spaces or separators", e.Label, e.Name, s)
			}
		}
	}
}

// TestBuiltinAmbiguousForms pins surface forms that news uses in more
// than one sense: a form that names an actor must reach it, and a form
// that usually means something else ("Caribbean leaders", ethnic "Serbs",
// "Rada" for a force outside Ukraine) must name no entry at all.
func TestBuiltinAmbiguousForms(t *testing.T) {
	owner := map[string][]string{}
	for _, e := range builtinDict(t).Entries {
		for _, s := range append(e.Surfaces(), e.Demonyms...) {
			owner[s] = append(owner[s], string(e.Label)+" "+e.Name)
		}
	}
	for _, tc := range []struct {
		form, want string // want "" means no entry may use the form
	}{
		{"Deir Al Zor", "Region Deir ez-Zor"},
		{"Deir al-Zor", "Region Deir ez-Zor"},
		{"Georgetown", "State Guyana"},
		{"St. Vincent", "State Saint Vincent and the Grenadines"},
		{"St Vincent", "State Saint Vincent and the Grenadines"},
		{"Rada Special Deterrence Force", "Organization Special Deterrence Force"},
		{"Rada militia", "Organization Special Deterrence Force"},
		{"Caribbean", ""},
		{"Rada", ""},
		{"Serb", ""},
		{"Serbs", ""},
		{"Serbian", "State Serbia"},
	} {
		got := owner[tc.form]
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("%q names %v; it is too ambiguous to name any entry", tc.form, got)
		case tc.want != "" && (len(got) != 1 || got[0] != tc.want):
			t.Errorf("%q names %v, want only %s", tc.form, got, tc.want)
		}
	}
}
