package curate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseLineRoundTrip(t *testing.T) {
	lines := []string{
		`merge node=org:march-23-movement into=org:m23 name=M23 kind=armed_group why="the group's usual name" by=alice at=2025-03-02T10:14:05Z id=5c1e0a7b`,
		`rename node=state:drc name="Democratic Republic of the Congo" why="canonical short name" by=bob at=2025-03-03T08:00:00Z id=0a0b0c0d`,
		`relabel node=region:kosovo label=State why="partially recognised state" by=alice at=2025-03-04T09:00:00Z id=11223344`,
		`relabel node=org:wagner kind=armed_group why="a private army" by=alice at=2025-03-04T09:00:00Z id=22334455`,
		`reject node=leader:john-doe why="not a person: a column's byline" by=carol at=2025-03-05T00:00:00Z id=33445566`,
		`reject from=state:russia rel=MEDIATES to=event:1f570f0b8344366c why="Russia was a side, not the mediator" by=carol at=2025-03-05T00:00:00Z id=44556677`,
		`add from=state:qatar rel=MEDIATES to=event:1f570f0b8344366c why="Qatar hosted the talks (ministry statement of 3 May)" by=dan at=2025-03-06T00:00:00Z id=55667788`,
		`add from=org:m23 rel=DEMANDS to=state:dr-congo demand="direct talks" why="stated in the group's communiqué" by=dan at=2025-03-06T00:00:00Z id=66778899`,
		`role leader=leader:jane-roe of=state:ruritania role="Foreign Minister" why="appointed in May" by=erin at=2025-03-07T00:00:00Z id=778899aa`,
	}
	for _, line := range lines {
		e, err := ParseLine(line)
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if got := e.String(); got != line {
			t.Errorf("round trip:\n got %s\nwant %s", got, line)
		}
	}
}

func TestParseLineErrors(t *testing.T) {
	base := ` why=w by=a at=2025-01-01T00:00:00Z`
	cases := []struct{ line, want string }{
		{`fuse node=state:a into=state:b name=B` + base, `unknown verb "fuse"`},
		{`node=state:a merge` + base, `starts with its verb`},
		{`merge node=state:a name=B` + base, `into= is missing`},
		{`merge node=state:a into=state:a name=A` + base, `into itself`},
		{`merge node=State:Russia into=state:b name=B` + base, `not a node id`},
		{`merge node=state:Russia into=state:b name=B` + base, `state:russia`},
		{`merge node=article:0123 into=state:b name=B` + base, `not a node id`},
		{`merge node=org:a into=org:b name=B` + base, `kind=`},
		{`merge node=org:a into=state:b name=B kind=party` + base, `has no kind`},
		{`merge node=event:a into=state:b name=B` + base, `event merges only into an event`},
		{`merge node=state:a into=state:b name=B colour=red` + base, `unknown key "colour"`},
		{`merge node=state:a into=state:b name=B name=C` + base, `given twice`},
		{`merge node=state:a into=state:b name="B` + base, `quoted`},
		{`merge node=state:a into=state:b name=B why=w by=a`, `when it was made is missing (at=)`},
		{`merge node=state:a into=state:b name=B why=w by=a at=yesterday`, `not a time`},
		{`merge node=state:a into=state:b name=B by=a at=2025-01-01T00:00:00Z`, `why is missing`},
		{`merge node=state:a into=state:b name=B why=w at=2025-01-01T00:00:00Z`, `who made it`},
		{`merge node=state:a into=state:b name=B id=XYZ` + base, `hex`},
		{`relabel node=region:kosovo` + base, `give the new label=, kind=`},
		{`relabel node=region:kosovo label=Organization` + base, `needs a kind`},
		{`relabel node=region:kosovo label=Organization kind=city` + base, `unknown organization kind`},
		{`relabel node=region:kosovo label=State kind=city` + base, `has no kind`},
		{`relabel node=region:kosovo label=Article` + base, `is not one of Leader`},
		{`relabel node=region:kosovo label=Country` + base, `unknown label "Country"`},
		{`relabel node=event:abc label=State` + base, `events have no other label`},
		{`relabel node=state:kosovo label=State` + base, `is a State already`},
		{`reject from=state:a rel=MEDIATES` + base, `give node=`},
		{`reject node=state:a from=state:a rel=MEDIATES to=event:b` + base, `give node=`},
		{`reject from=state:a rel=MENTIONS to=state:b` + base, `MENTIONS relationships cannot be corrected`},
		{`reject from=state:a rel=CONTROLS to=state:b` + base, `goes from Leader or State or Organization to Region`},
		{`add from=region:a rel=LOCATED_IN to=event:b` + base, `from the event to the place`},
		{`add from=state:a rel=BORDERS to=state:b` + base, `unknown relationship type "BORDERS"`},
		{`add from=state:a rel=SUPPORTS to=state:b role=ally` + base, `role= belongs to REPRESENTS`},
		{`add from=state:a rel=DEMANDS to=state:b demand=""` + base, `demand= is empty`},
		{`role leader=state:a of=state:b role=President` + base, `from Leader to State or Organization`},
		{`rename node=state:a name="--"` + base, `no letters or digits`},
		{`merge node=state:a into=state:b name=B junk` + base, `not key=value`},
	}
	for _, c := range cases {
		_, err := ParseLine(c.line)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got error %v\nwant one containing %q", c.line, err, c.want)
		}
	}
}

func TestReadRefusesBadLinesWithFileAndLine(t *testing.T) {
	text := Header + `
merge node=state:a into=state:b name=B why=w by=a at=2025-01-01T00:00:00Z
merge node=state:c into=state:b name=B why=w by=a
reject node=state:d why=w by=a at=2025-01-01T00:00:00Z id=abcd1234
reject node=state:e why=w by=a at=2025-01-01T00:00:00Z id=abcd1234
`
	_, err := Read(strings.NewReader(text), "fixes.txt")
	if err == nil {
		t.Fatal("a file with a bad line was accepted")
	}
	if !strings.Contains(err.Error(), "fixes.txt:9: merge: when it was made is missing (at=)") {
		t.Errorf("error %q does not name fixes.txt:9", err)
	}
	// Once the bad line is fixed, the duplicate id is reported.
	text = strings.Replace(text, "name=B why=w by=a\n", "name=B why=w by=a at=2025-01-01T00:00:00Z\n", 1)
	_, err = Read(strings.NewReader(text), "fixes.txt")
	if err == nil || !strings.Contains(err.Error(), "fixes.txt:11: entry id abcd1234 is the id of line 10 too") {
		t.Errorf("duplicate ids: error %v", err)
	}
}

func TestRecordListAndRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "curation.txt")
	at := time.Date(2025, 3, 2, 10, 14, 5, 0, time.UTC)
	e1 := &Entry{Verb: Merge, Node: "org:march-23-movement", Into: "org:m23", Name: "M23", Kind: "armed_group", By: "alice", At: at, Why: "usual name"}
	if _, err := Record(path, e1); err != nil {
		t.Fatal(err)
	}
	e2 := &Entry{Verb: Reject, Node: "leader:john-doe", By: "bob", At: at, Why: "a byline"}
	if _, err := Record(path, e2); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(raw), Header) {
		t.Errorf("new file lacks the header:\n%s", raw)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Entries) != 2 || s.Entries[0].ID != e1.ID || s.Entries[1].ID != e2.ID {
		t.Fatalf("entries read back: %+v", s.Entries)
	}
	if s.Entries[0].Line != e1.Line || s.Entries[1].Line != e2.Line {
		t.Errorf("lines: recorded %d, %d; read %d, %d", e1.Line, e2.Line, s.Entries[0].Line, s.Entries[1].Line)
	}

	// Nothing to do, or acting on a rejected node: refused, file unchanged.
	again := &Entry{Verb: Merge, Node: "org:march-23-movement", Into: "org:m23", Name: "M23", Kind: "armed_group", By: "alice", At: at.Add(time.Hour), Why: "again"}
	if _, err := Record(path, again); err == nil || !strings.Contains(err.Error(), "one node already") {
		t.Errorf("merging twice: %v", err)
	}
	onRejected := &Entry{Verb: Rename, Node: "leader:john-doe", Name: "John Doe", By: "bob", At: at, Why: "x"}
	if _, err := Record(path, onRejected); err == nil || !strings.Contains(err.Error(), "is rejected") {
		t.Errorf("renaming a rejected node: %v", err)
	}
	if raw2, _ := os.ReadFile(path); string(raw2) != string(raw) {
		t.Errorf("a refused entry changed the file")
	}

	removed, err := Remove(path, []string{e1.ID[:5]})
	if err != nil || len(removed) != 1 || removed[0].ID != e1.ID {
		t.Fatalf("Remove = %v, %v", removed, err)
	}
	s, err = Load(path)
	if err != nil || len(s.Entries) != 1 || s.Entries[0].ID != e2.ID {
		t.Fatalf("after remove: %v %v", s, err)
	}
	if raw3, _ := os.ReadFile(path); !strings.HasPrefix(string(raw3), Header) {
		t.Errorf("remove lost the comments")
	}
	if _, err := Remove(path, []string{"ffffffff"}); err == nil {
		t.Error("removing an unknown id succeeded")
	}
}
