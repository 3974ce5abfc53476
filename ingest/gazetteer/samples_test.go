package gazetteer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldFile is the part of the evaluation gold format these tests read.
type goldFile struct {
	Article  string
	Entities []struct {
		Type     string
		Name     string
		Aliases  []string
		Kind     string
		Optional bool
	}
	Relations []struct {
		Type string
		From []string
		To   []string
	}
	Events []struct {
		Type                         string
		Parties, Mediators, Location []string
	}
}

func readGolds(t *testing.T) map[string]goldFile {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/articles/*.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no gold files in testdata/articles")
	}
	out := map[string]goldFile{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[p] = g
	}
	return out
}

// TestSampleGoldWellFormed checks the hand-made gold graphs of the sample
// articles: each describes the article beside it, and every relation and
// event names entities the file lists.
func TestSampleGoldWellFormed(t *testing.T) {
	relTypes := map[string]bool{
		"REPRESENTS": true, "MEDIATES": true, "PARTY_TO": true, "CONTROLS": true,
		"DEMANDS": true, "LOCATED_IN": true, "SUPPORTS": true, "FIGHTS": true,
	}
	eventTypes := map[string]bool{
		"talks": true, "ceasefire": true, "agreement": true, "armed_conflict": true,
		"attack": true, "summit": true, "election": true, "sanctions": true,
		"prisoner_exchange": true, "protest": true, "other": true,
	}
	entityTypes := map[string]bool{"Leader": true, "State": true, "Region": true, "Organization": true}
	for p, g := range readGolds(t) {
		if want := strings.TrimSuffix(filepath.Base(p), ".gold.json") + ".txt"; g.Article != want {
			t.Errorf("%s: article %q, want %q", p, g.Article, want)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), g.Article)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		names := map[string]bool{}
		for _, e := range g.Entities {
			if !entityTypes[e.Type] {
				t.Errorf("%s: entity %q has type %q", p, e.Name, e.Type)
			}
			if e.Type == "Organization" && e.Kind == "" {
				t.Errorf("%s: organization %q has no kind", p, e.Name)
			}
			if names[e.Name] {
				t.Errorf("%s: entity %q listed twice", p, e.Name)
			}
			names[e.Name] = true
		}
		known := func(what string, list []string) {
			for _, n := range list {
				if !names[n] {
					t.Errorf("%s: %s names %q, which is not an entity of the file", p, what, n)
				}
			}
		}
		for _, r := range g.Relations {
			if !relTypes[r.Type] {
				t.Errorf("%s: relation type %q", p, r.Type)
			}
			known(r.Type, r.From)
			known(r.Type, r.To)
		}
		for _, e := range g.Events {
			if !eventTypes[e.Type] {
				t.Errorf("%s: event type %q", p, e.Type)
			}
			known(e.Type+" parties", e.Parties)
			known(e.Type+" mediators", e.Mediators)
			known(e.Type+" location", e.Location)
		}
	}
}

// TestSampleGoldInDictionary checks that the built-in gazetteer knows every
// State, Region and Organization the sample articles' gold graphs require,
// under the gold's name or one of its aliases.
func TestSampleGoldInDictionary(t *testing.T) {
	surfaces := map[string]bool{} // label + lower-case surface
	for _, e := range builtinDict(t).Entries {
		for _, s := range e.Surfaces() {
			surfaces[string(e.Label)+"\x00"+strings.ToLower(s)] = true
		}
	}
	for p, g := range readGolds(t) {
		for _, e := range g.Entities {
			if e.Type == "Leader" || e.Optional {
				continue
			}
			found := false
			for _, s := range append([]string{e.Name}, e.Aliases...) {
				found = found || surfaces[e.Type+"\x00"+strings.ToLower(s)]
			}
			if !found {
				t.Errorf("%s: %s %q is not in the built-in dictionary", filepath.Base(p), e.Type, e.Name)
			}
		}
	}
}
