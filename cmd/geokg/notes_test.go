package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Text that is not English gets a note naming it, beside its Article
// node; English text does not.
func TestExtractNotesTextNotInEnglish(t *testing.T) {
	dir := t.TempDir()
	fr := filepath.Join(dir, "fr.txt")
	en := filepath.Join(dir, "en.txt")
	os.WriteFile(fr, []byte("title: Essai\n\nLe gouvernement a annoncé mardi la reprise des négociations avec les rebelles dans la capitale, sous l'égide de l'Union africaine.\n"), 0o644)
	os.WriteFile(en, []byte("title: Test\n\nThe government announced on Tuesday that talks with the rebels would resume in the capital under the auspices of the African Union.\n"), 0o644)
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"geokg", "extract", fr, en}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errb.String())
	}
	want := "geokg: " + fr + ": the text does not look like English"
	if !strings.HasPrefix(errb.String(), want) || strings.Count(errb.String(), "\n") != 1 {
		t.Errorf("stderr:\n%s\nwant one line: %s...", errb.String(), want)
	}
	if !strings.Contains(out.String(), `"title":"Essai"`) {
		t.Errorf("the article not in English has no Article node:\n%s", out.String())
	}
}

// Entries that directory walks pass over are named when no article was
// read at all, and only then (without --verbose).
func TestExtractNamesPassedOverWhenNothingRead(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"README.md": "about\n", "a.json": "{}\n", "b.csv": "x,y\n"} {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"geokg", "extract", dir}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d\n%s", code, errb.String())
	}
	for _, want := range []string{"no article read; 3 entries in directories passed over", "README.md: a directory's documentation", "a.json: not a known article file type", "b.csv: not a known"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}

	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Qatar hosted talks between Mali and Algeria in Doha.\n"), 0o644)
	errb.Reset()
	if code := run(context.Background(), []string{"geokg", "extract", dir}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d\n%s", code, errb.String())
	}
	if errb.Len() != 0 {
		t.Errorf("an article read, yet stderr:\n%s", errb.String())
	}
}
