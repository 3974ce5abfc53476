package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// geokg runs the command line and returns its exit status and streams.
func geokg(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"geokg"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

const userRules = `# a user's rule
- id: mine.grab
  fact: CONTROLS
  change: gain
  form: verb
  doc: an actor grabs a place
  trigger: {words: [grabbed]}
  from: {side: subject}
  to: {side: place, labels: [Region]}
  guards: [quotation, negation]
  confidence: 0.7
  examples:
    - {text: Mali grabbed Kidal., yields: CONTROLS Mali -> Kidal}
    - {text: Mali never grabbed Kidal., lacks: CONTROLS Mali -> Kidal}
`

func TestRulesCommands(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mine := write("mine.yaml", userRules)
	bad := write("bad.yaml", strings.Replace(userRules, "guards: [quotation, negation]", "guards: [quotation, sarcasm]", 1))
	art := write("a.txt", "title: Kidal\npublished: 2024-03-15\n\nMali grabbed Kidal on Monday. Fighters of the Azawad Liberation Front seized Gao on Thursday.\n")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string // substrings, in this order
		stderr string
	}{
		{"list", []string{"rules", "list"}, 0, []string{"ID", "FACT", "controls.seize", "CONTROLS", "gain"}, ""},
		{"list one fact as csv", []string{"rules", "list", "--fact", "demands", "--format", "csv"}, 0, []string{"id,fact,change", "demands.demand,DEMANDS"}, ""},
		{"list a user's rules", []string{"rules", "list", "--rules", mine}, 0, []string{"controls.seize", "mine.grab"}, ""},
		{"list with a rule off", []string{"rules", "list", "--rules-off", "controls.take"}, 0, []string{"controls.take (off)"}, ""},
		{"show", []string{"rules", "show", "controls.seize"}, 0, []string{"id:", "controls.seize", "change:", "gain, by force", "trigger:", "seized", "guards:", "negation", "examples:", "yields CONTROLS", "lacks"}, ""},
		{"show an unknown rule", []string{"rules", "show", "controls.nope"}, 2, nil, `no rule "controls.nope"`},
		{"show nothing", []string{"rules", "show"}, 2, nil, "name the rule ids"},
		{"a bad rules file names file and line", []string{"rules", "list", "--rules", bad}, 2, nil, "bad.yaml:2: rule mine.grab: guard \"sarcasm\""},
		{"a missing rules file", []string{"extract", "--rules", filepath.Join(dir, "none.yaml"), art}, 2, nil, "none.yaml"},
		{"switching off an unknown rule", []string{"extract", "--rules-off", "controls.nope", art}, 2, nil, `cannot switch off "controls.nope"`},
		{"explain", []string{"extract", "--explain", art}, 0, []string{"Kidal", "CONTROLS Azawad Liberation Front -> Gao [gain 2024-03-14]", "controls.seize", "0.80", "Fighters of the Azawad Liberation Front seized Gao on Thursday."}, ""},
		{"a user's rule at work", []string{"extract", "--explain", "--rules", mine, art}, 0, []string{"CONTROLS Mali -> Kidal [gain 2024-03-11]", "mine.grab", "0.70", "Mali grabbed Kidal on Monday."}, ""},
		{"a rule off makes nothing", []string{"extract", "--rules-off", "controls.seize", art}, 0, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := geokg(t, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errs)
			}
			rest := out
			for _, s := range tc.stdout {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Fatalf("output lacks %q (in order); got:\n%s", s, out)
				}
				rest = rest[i+len(s):]
			}
			if tc.stderr != "" && !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tc.stderr)
			}
		})
	}
	if _, out, _ := geokg(t, "extract", "--rules-off", "controls.seize", art); strings.Contains(out, `"label":"CONTROLS"`) {
		t.Errorf("controls.seize switched off, yet a CONTROLS fact:\n%s", out)
	}
	code, out, errs := geokg(t, "rules", "show", "--format", "json", "controls.seize", "event.talks")
	var shown []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil || len(shown) != 2 || shown[0]["id"] != "controls.seize" {
		t.Errorf("rules show --format json: exit %d, %s%s", code, out, errs)
	}
}

func TestEvalByRule(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "001.txt"), []byte("title: t\npublished: 2024-03-15\n\nFighters of the Azawad Liberation Front seized Gao on Thursday. Algeria backs the Azawad Liberation Front, diplomats say.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := `{"article": "001.txt",
	  "entities": [{"type": "Organization", "name": "Azawad Liberation Front"}, {"type": "Region", "name": "Gao"},
	    {"type": "State", "name": "Mali"}, {"type": "State", "name": "Algeria"}],
	  "relations": [{"type": "CONTROLS", "from": ["Azawad Liberation Front"], "to": ["Gao"]},
	    {"type": "LOCATED_IN", "from": ["Gao"], "to": ["Mali"]}],
	  "events": []}`
	if err := os.WriteFile(filepath.Join(dir, "001.gold.json"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := geokg(t, "eval", "--gold", dir, "--by-rule")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// The support is not in the gold graph: its rule is wrong once.
	for _, want := range []string{"relation:ALL", "rule ", "supports.verb                        1     0     1   0.000", "controls.seize                       1     1     0   1.000"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = geokg(t, "eval", "--gold", dir, "--by-rule", "--format", "json")
	var report map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &report) != nil || report["rule:controls.seize"].(map[string]any)["tp"] != 1.0 {
		t.Errorf("eval --by-rule --format json: exit %d, %s", code, out)
	}
}
