package extract

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// withFile is the embedded grammar with one data file's lines replaced.
func withFile(t *testing.T, name, content string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(dataFS, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(dataFS, path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if content == "" {
		delete(m, "data/"+name)
	} else {
		m["data/"+name] = &fstest.MapFile{Data: []byte(content)}
	}
	return m
}

// Every name of the vocabulary in a data file is checked when the grammar
// loads: a typo fails with the file, the line and what is allowed, instead
// of silently doing nothing.
func TestLexiconRejectsUnknownNames(t *testing.T) {
	if _, err := loadLexicon(dataFS); err != nil {
		t.Fatalf("the embedded grammar: %v", err)
	}
	eventTypes, _ := fs.ReadFile(dataFS, "data/event_types.tsv")
	tests := []struct {
		file, content, want string
	}{
		{"events.tsv", "talks\ttalks\nwar_crime\tmassacre\n", `events.tsv:2: unknown event type "war_crime" (want one of talks,`},
		{"event_types.tsv", strings.Replace(string(eventTypes), "summit\tpartners\tno\tno\tnone\tpoint\tvenue\n", "", 1), "no row for event type summit"},
		{"event_types.tsv", strings.Replace(string(eventTypes), "summit\tpartners\tno\tno\tnone", "summit\tpartners\tmaybe\tno\tnone", 1), `mediated "maybe", want yes or no`},
		{"event_types.tsv", strings.Replace(string(eventTypes), "summit\tpartners\tno\tno\tnone", "summit\tfriends\tno\tno\tnone", 1), `sides "friends"`},
		{"event_types.tsv", strings.Replace(string(eventTypes), "summit\tpartners\tno\tno\tnone", "summit\tpartners\tno\tno\tsometimes", 1), `fighting "sometimes"`},
		{"event_types.tsv", strings.Replace(string(eventTypes), "summit\tpartners\tno\tno\tnone\tpoint", "summit\tpartners\tno\tno\tnone\tmoment", 1), `time "moment", want point or span`},
		{"event_types.tsv", strings.Replace(string(eventTypes), "summit\tpartners\tno\tno\tnone\tpoint\tvenue", "summit\tpartners\tno\tno\tnone\tpoint\tcity", 1), `place "city", want venue, area or country`},
		{"dates.tsv", "month\tjanuary\t1\nmonth\tfebruary\t13\n", `dates.tsv:2: month "february": value "13", want 1-12`},
		{"dates.tsv", "relative\tyesterday\tdays -1\n", `dates.tsv:1: relative "yesterday": unit "days"`},
		{"dates.tsv", "season\tspring\t3\n", `dates.tsv:1: unknown kind "season"`},
		{"event_verbs.tsv", "report\tsaid\nhappens\tbegan\n", `event_verbs.tsv:2: unknown kind "happens"`},
		{"org_heads.tsv", "army\tarmed_group\nclub\tsports\n", `org_heads.tsv:2: unknown organization kind "sports"`},
		{"nominals.tsv", "rebels\tarmed_group\nthe mob\tcrowd\n", `nominals.tsv:2: unknown target "crowd"`},
	}
	for _, tt := range tests {
		_, err := loadLexicon(withFile(t, tt.file, tt.content))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.file, err, tt.want)
		}
	}
}
