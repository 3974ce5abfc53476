package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestInterspersed(t *testing.T) {
	app := newApp(nil, nil, nil)
	tests := []struct {
		in, want []string
	}{
		{[]string{"geokg", "extract", "a.txt", "--workers", "2"}, []string{"geokg", "extract", "--workers", "2", "--", "a.txt"}},
		{[]string{"geokg", "extract", "--workers=2", "a.txt", "b.txt"}, []string{"geokg", "extract", "--workers=2", "--", "a.txt", "b.txt"}},
		{[]string{"geokg", "ingest", "dir", "--force", "more", "--summary", "s.json"}, []string{"geokg", "ingest", "--force", "--summary", "s.json", "--", "dir", "more"}},
		{[]string{"geokg", "extract", "--", "-odd.txt", "--workers"}, []string{"geokg", "extract", "--", "-odd.txt", "--workers"}},
		{[]string{"geokg", "extract", "-"}, []string{"geokg", "extract", "--", "-"}},
		{[]string{"geokg", "query", "run", "timeline", "-p", "name=Mali", "--format", "json"}, []string{"geokg", "query", "run", "-p", "name=Mali", "--format", "json", "--", "timeline"}},
		{[]string{"geokg", "--version"}, []string{"geokg", "--version"}},
		{[]string{"geokg", "nosuch", "x", "--y"}, []string{"geokg", "nosuch", "x", "--y"}},
	}
	for _, tt := range tests {
		if got := interspersed(app, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("interspersed(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// Every command takes its flags after its arguments too, and "--" ends the
// flags for a file named like one.
func TestFlagsAfterArguments(t *testing.T) {
	dir := t.TempDir()
	body := []byte("title: T\npublished: 2024-03-15\n\nQatar hosted talks between Mali and Algeria in Doha on Friday.\n")
	for _, name := range []string{"a.txt", "-odd.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, args := range [][]string{
		{"extract", "a.txt", "--workers", "2"},
		{"extract", "--workers", "2", "--", "-odd.txt"},
		{"extract", "-odd.txt", "--workers", "1"}, // without "--", "-odd.txt" is an unknown flag
	} {
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"geokg"}, args...), strings.NewReader(""), &out, &errb)
		wantOK := !slices.Contains(args, "-odd.txt") || slices.Contains(args, "--")
		if wantOK && (code != 0 || !strings.Contains(out.String(), `"labels":["State"]`)) {
			t.Errorf("%q: exit %d\n%s", args, code, errb.String())
		}
		if !wantOK && (code != 2 || !strings.Contains(errb.String(), "-odd.txt")) {
			t.Errorf("%q: exit %d, want 2 naming the flag\n%s", args, code, errb.String())
		}
	}
}
