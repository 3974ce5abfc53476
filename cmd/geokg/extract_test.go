package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.txt", "title: First\npublished: 2024-03-15\n\nQatar hosted talks between Mali and Algeria in Doha on Friday.\n")
	empty := write("empty.txt", "")
	b := write("b.txt", "title: Second\n\nFrench President Emmanuel Macron met Malian officials in Bamako.\n")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string // substrings, in this order
		stderr string
	}{
		{"two articles in order", []string{"extract", "--workers", "2", a, b}, 0, []string{`"title":"First"`, `"title":"Second"`}, ""},
		{"a bad input goes on", []string{"extract", a, empty, b}, 1, []string{`"title":"First"`, `"title":"Second"`}, "empty.txt"},
		{"unknown format", []string{"extract", "--format", "xml", a}, 2, nil, "unknown --format"},
		{"no input", []string{"extract"}, 2, nil, "no input"},
		{"missing dictionary", []string{"extract", "--dict", filepath.Join(dir, "none.tsv"), a}, 2, nil, "none.tsv"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), append([]string{"geokg"}, tc.args...), strings.NewReader(""), &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errb.String())
			}
			rest := out.String()
			for _, s := range tc.stdout {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Fatalf("output lacks %s (in order); got:\n%s", s, out.String())
				}
				rest = rest[i+len(s):]
			}
			if tc.stderr != "" && !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.stderr)
			}
			if tc.code != 2 {
				if _, err := graph.ReadJSONL(bytes.NewReader(out.Bytes())); err != nil {
					t.Errorf("output is not the export format: %v", err)
				}
			}
		})
	}
}

func TestExtractStdinAndHelp(t *testing.T) {
	var out, errb bytes.Buffer
	in := strings.NewReader("Turkish President Recep Tayyip Erdogan spoke in Ankara on Monday.\n")
	if code := run(context.Background(), []string{"geokg", "extract", "-"}, in, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), `"name":"Recep Tayyip Erdogan"`) {
		t.Errorf("no leader from standard input:\n%s", out.String())
	}
	out.Reset()
	run(context.Background(), []string{"geokg", "extract", "--help"}, strings.NewReader(""), &out, &errb)
	if !strings.Contains(out.String(), "Examples:") {
		t.Errorf("extract --help has no examples:\n%s", out.String())
	}
}
