package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestDefaultLoads(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		label graph.Label
		name  string
	}{
		{"State", "Russia"}, {"Region", "Nagorno-Karabakh"}, {"Organization", "NATO"},
	} {
		if d.Lookup(c.label, c.name) == nil {
			t.Errorf("built-in dictionary lacks %s %s", c.label, c.name)
		}
	}
	seen := map[string]bool{}
	for _, e := range d.Entries {
		k := key(e.Label, e.Name)
		if seen[k] {
			t.Errorf("duplicate entry %s %s", e.Label, e.Name)
		}
		seen[k] = true
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, in, wantErr string
		check             func(t *testing.T, d *Dict)
	}{
		{name: "state with all columns",
			in: "State\tRussia\tRussian Federation|RF\tRussian\tMoscow|Kremlin\n",
			check: func(t *testing.T, d *Dict) {
				e := d.Lookup("State", "russia")
				if e == nil || strings.Join(e.Aliases, ",") != "Russian Federation,RF" || strings.Join(e.Metonyms, ",") != "Moscow,Kremlin" {
					t.Fatalf("got %+v", e)
				}
			}},
		{name: "organization kind defaults to other",
			in: "# comment\n\nOrganization\tSome Group\n",
			check: func(t *testing.T, d *Dict) {
				if e := d.Lookup("Organization", "Some Group"); e == nil || e.Kind != "other" {
					t.Fatalf("got %+v", e)
				}
			}},
		{name: "repeated entry merges",
			in: "Region\tDonetsk\tDonetsk Oblast\t\t\tprovince\nRegion\tDonetsk\tDonetsk region\t\t\t\tUkraine\n",
			check: func(t *testing.T, d *Dict) {
				e := d.Lookup("Region", "Donetsk")
				if len(d.Entries) != 1 || len(e.Aliases) != 2 || e.Kind != "province" || e.Within != "Ukraine" {
					t.Fatalf("got %d entries, %+v", len(d.Entries), e)
				}
			}},
		{name: "leader offices",
			in: "Leader\tAmadou Traore\tTraore\t\t\tpresident\tMali\t2019-\nLeader\tAna Ruiz\t\t\t\tforeign minister\tAlgeria\t2016-2021\nLeader\tSam Roe\t\t\t\tprime minister\tMali\t2018\n",
			check: func(t *testing.T, d *Dict) {
				if len(d.Offices) != 3 || len(d.Entries) != 0 {
					t.Fatalf("got %d offices, %d entries", len(d.Offices), len(d.Entries))
				}
				o := d.Offices[0]
				if o.Name != "Amadou Traore" || o.Title != "president" || o.Serves != "Mali" || o.From != 2019 || o.To != 0 || !o.Held(2025) || o.Held(2018) || !o.Held(0) {
					t.Fatalf("got %+v", o)
				}
				if o := d.Offices[1]; o.From != 2016 || o.To != 2021 || o.Held(2022) || !o.Held(2021) {
					t.Fatalf("got %+v", o)
				}
				if o := d.Offices[2]; o.From != 2018 || o.To != 2018 {
					t.Fatalf("got %+v", o)
				}
			}},
		{name: "leader without years", in: "Leader\tA B\t\t\t\tpresident\tMali\n", wantErr: "x.tsv:1: a Leader line has 7 columns"},
		{name: "leader with bad years", in: "Leader\tA B\t\t\t\tpresident\tMali\t2020-2019\n", wantErr: "years \"2020-2019\""},
		{name: "leader without office", in: "Leader\tA B\t\t\t\t\tMali\t2020-\n", wantErr: "needs a name, an office"},
		{name: "bad label", in: "Country\tFrance\n", wantErr: "x.tsv:1: label \"Country\""},
		{name: "bad kind", in: "\nOrganization\tX\t\t\t\tclub\n", wantErr: "x.tsv:2: unknown organization kind \"club\""},
		{name: "too many columns", in: "State\tA\t\t\t\t\t\textra\n", wantErr: "x.tsv:1: 8 columns"},
		{name: "empty name", in: "State\t \n", wantErr: "empty name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &Dict{}
			err := d.Read(strings.NewReader(tc.in), "x.tsv")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, d)
		})
	}
}

func TestAddFileExtendsDefault(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "mine.tsv")
	if err := os.WriteFile(p, []byte("State\tRussia\tRossiya\nOrganization\tMy Militia\t\t\t\tarmed_group\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	n := len(d.Entries)
	if err := d.AddFile(p); err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) != n+1 {
		t.Errorf("entries: %d, want %d", len(d.Entries), n+1)
	}
	if e := d.Lookup("State", "Russia"); e == nil || !contains(e.Aliases, "Rossiya") {
		t.Errorf("Russia not extended: %+v", e)
	}
	if err := d.AddFile(filepath.Join(t.TempDir(), "missing.tsv")); err == nil || !strings.Contains(err.Error(), "missing.tsv") {
		t.Errorf("missing file error %v does not name the file", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
