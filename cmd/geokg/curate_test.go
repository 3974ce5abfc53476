package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// A curation file named in the developer's environment must not reach the
// tests of other commands.
func init() {
	if os.Getenv("GEOKG_TEST_MAIN") != "1" {
		os.Unsetenv("GEOKG_CURATION")
		os.Unsetenv("GEOKG_ANALYST")
	}
}

// curationCorpus writes invented articles about invented actors, their
// dictionary, and a third article, published later, that repeats a fact
// the analysts reject.
func curationCorpus(t *testing.T) (dir, dict, later string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "articles")
	laterDir := filepath.Join(root, "later")
	for _, d := range []string{dir, laterDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(root, "dict.tsv"): "State\tRuritania\t\tRuritanian|Ruritanians\tStrelsau\t\t\n" +
			"State\tBorduria\t\tBordurian|Bordurians\tSzohod\t\t\n" +
			"State\tSyldavia\t\tSyldavian|Syldavians\tKlow\t\t\n" +
			"Region\tKosovia\t\t\t\tdisputed\tBorduria\n" +
			"Organization\tPeople's Front\t\t\t\tarmed_group\tBorduria\n" +
			"Organization\tPopular Front Army\tPFA\t\t\tarmed_group\tBorduria\n",
		filepath.Join(dir, "a1.txt"): "title: Ruritania and Borduria talk in Doha\npublished: 2024-05-01\n\n" +
			"DOHA (Test Wire) - Ruritania and Borduria held ceasefire talks in Doha on Tuesday, mediated by Qatar.\n" +
			"Syldavia armed Borduria, officials said.\n" +
			"The People's Front controls Kosovia, the region's governor said.\n" +
			"Foreign Minister Jan Novak of Ruritania said the talks were useful.\n",
		filepath.Join(dir, "a2.txt"): "title: Fighting in Kosovia\npublished: 2024-06-10\n\n" +
			"STRELSAU (Test Wire) - The Popular Front Army controls Kosovia, Borduria said on Monday.\n" +
			"Syldavia armed the Popular Front Army, according to diplomats.\n" +
			"Foreign Minister Jan Novak of Ruritania condemned the fighting.\n",
		filepath.Join(laterDir, "a3.txt"): "title: Syldavian weapons reach Borduria\npublished: 2024-07-01\n\n" +
			"KLOW (Test Wire) - Syldavia armed Borduria again this week, officials said.\n" +
			"The Popular Front Army holds Kosovia, Ruritania said.\n",
	}
	for p, body := range files {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(root, "dict.tsv"), laterDir
}

// geokgOK runs geokg against db and fails the test unless it exits 0.
func geokgOK(t *testing.T, db *store.DB, args ...string) string {
	t.Helper()
	out, errs, code := geokgDB(t, db, args...)
	if code != 0 {
		t.Fatalf("geokg %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// The analysts' corrections: each kind, recorded through the CLI.
func recordCorrections(t *testing.T, db *store.DB, path string) {
	t.Helper()
	t.Setenv("GEOKG_ANALYST", "ana")
	for _, args := range [][]string{
		{"merge", "org:popular-front-army", "org:people-s-front", "--name", "People's Front", "--kind", "armed_group", "--why", "one group under two names"},
		{"rename", "state:borduria", "Republic of Borduria", "--why", "official name"},
		{"relabel", "region:kosovia", "State", "--why", "declared independence"},
		// Named by the old id: the entries before it renamed Borduria.
		{"reject", "state:syldavia", "SUPPORTS", "state:borduria", "--why", "the arms went to the rebels, not the state"},
		{"reject", "region:doha", "--why", "a place of talks, not wanted here"},
		{"add", "state:qatar", "SUPPORTS", "state:ruritania", "--why", "Qatari loans (finance ministry, 2 May)"},
		{"role", "leader:jan-novak", "state:ruritania", "Minister of Foreign Affairs", "--why", "the full title"},
	} {
		geokgOK(t, db, append([]string{"curate"}, append(args, "--curation", path)...)...)
	}
}

// checkCorrected checks the corrected graph's dump.
func checkCorrected(t *testing.T, what, dump string, s *curate.Set) {
	t.Helper()
	for _, gone := range []string{`"id":"org:popular-front-army"`, `"id":"state:borduria"`, `"id":"region:kosovia"`, `"id":"region:doha"`} {
		if strings.Contains(dump, gone) {
			t.Errorf("%s: %s is still in the graph", what, gone)
		}
	}
	nodes := map[string]map[string]any{}
	rels := map[string]map[string]any{}
	for _, line := range strings.Split(dump, "\n") {
		var el struct {
			Type   string   `json:"type"`
			ID     string   `json:"id"`
			Labels []string `json:"labels"`
			Label  string   `json:"label"`
			Start  struct{ ID string }
			End    struct{ ID string }
			Props  map[string]any `json:"properties"`
		}
		if err := json.Unmarshal([]byte(line), &el); err != nil {
			t.Fatal(err)
		}
		if el.Type == "node" {
			el.Props["labels"] = strings.Join(el.Labels, ":")
			nodes[el.ID] = el.Props
		} else {
			rels[el.Start.ID+" "+el.Label+" "+el.End.ID] = el.Props
		}
	}
	str := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	if p := nodes["org:people-s-front"]; p == nil || !strings.Contains(str(p["aliases"]), "Popular Front Army") || str(p["curation"]) != str([]string{s.Entries[0].ID}) {
		t.Errorf("%s: merged node %v", what, p)
	}
	if p := rels["org:people-s-front CONTROLS state:kosovia"]; p == nil || len(p["sources"].([]any)) < 2 {
		t.Errorf("%s: CONTROLS of the merged node: %v", what, p)
	}
	if p := nodes["state:republic-of-borduria"]; p == nil || p["name"] != "Republic of Borduria" || !strings.Contains(str(p["aliases"]), `"Borduria"`) {
		t.Errorf("%s: renamed node %v", what, p)
	}
	if p := nodes["state:kosovia"]; p == nil || p["labels"] != "State" || p["kind"] != nil {
		t.Errorf("%s: relabeled node %v", what, p)
	}
	if p := rels["state:syldavia SUPPORTS state:republic-of-borduria"]; p != nil {
		t.Errorf("%s: the rejected SUPPORTS is in the graph: %v", what, p)
	}
	if p := rels["state:syldavia SUPPORTS org:people-s-front"]; p == nil {
		t.Errorf("%s: SUPPORTS of the merged group is gone", what)
	}
	if p := rels["state:qatar SUPPORTS state:ruritania"]; p == nil || str(p["sources"]) != str([]string{curate.SourcePrefix + s.Entries[5].ID}) ||
		str(p["curation_notes"]) != str([]string{"ana, " + s.Entries[5].At.Format("2006-01-02") + ": Qatari loans (finance ministry, 2 May)"}) {
		t.Errorf("%s: added SUPPORTS %v", what, p)
	}
	if p := rels["leader:jan-novak REPRESENTS state:ruritania"]; p == nil || p["role"] != "Minister of Foreign Affairs" || len(p["sources"].([]any)) != 3 {
		t.Errorf("%s: role %v", what, p)
	}
}

// The corrections of each kind survive a --force reload, a rebuild from
// an empty database and a new article that repeats the rejected fact;
// curate apply on the uncorrected graph gives the same graph, and twice
// changes nothing; a curation file with a bad line is refused with its
// file and line, and nothing is applied.
func TestCurationSurvivesReloads(t *testing.T) {
	db := neo4jtest.DB(t)
	dir, dict, later := curationCorpus(t)
	path := filepath.Join(t.TempDir(), "curation.txt")
	recordCorrections(t, db, path)
	s, err := curate.Load(path)
	if err != nil {
		t.Fatal(err)
	}

	// Before: the extractor makes every fact that is corrected.
	raw := geokgOK(t, db, "extract", "--dict", dict, dir)
	for _, want := range []string{`"id":"org:popular-front-army"`, `"id":"region:kosovia"`, `"id":"region:doha"`, `{"id":"state:syldavia","labels":["State"]},"end":{"id":"state:borduria"`} {
		if !strings.Contains(raw, want) {
			t.Fatalf("the extractor no longer makes %s; the test articles need another sentence", want)
		}
	}

	geokgOK(t, db, "ingest", "--dict", dict, "--curation", path, dir)
	want := canonDump(t, db)
	checkCorrected(t, "ingest", want, s)

	out := geokgOK(t, db, "curate", "apply", "--curation", path)
	if !strings.Contains(out, "up to date") {
		t.Errorf("curate apply after a curated ingest: %s", out)
	}
	sameGraph(t, "curate apply after a curated ingest", want, canonDump(t, db))

	summary := filepath.Join(t.TempDir(), "summary.json")
	geokgOK(t, db, "ingest", "--force", "--dict", dict, "--curation", path, "--summary", summary, dir)
	sameGraph(t, "--force reload", want, canonDump(t, db))
	var sum struct {
		Curation *struct {
			File         string
			Entries      int
			NodesDeleted int `json:"nodes_deleted"`
		}
	}
	if raw, err := os.ReadFile(summary); err != nil || json.Unmarshal(raw, &sum) != nil || sum.Curation == nil ||
		sum.Curation.File != path || sum.Curation.Entries != 7 || sum.Curation.NodesDeleted != 0 {
		t.Errorf("summary of a curated --force reload: %s", raw)
	}

	neo4jtest.Reset(t, db)
	geokgOK(t, db, "ingest", "--dict", dict, "--curation", path, dir)
	sameGraph(t, "rebuild from empty", want, canonDump(t, db))

	// extract with the curation, then load: the same graph.
	neo4jtest.Reset(t, db)
	file := filepath.Join(t.TempDir(), "graph.jsonl")
	if err := os.WriteFile(file, []byte(geokgOK(t, db, "extract", "--dict", dict, "--curation", path, dir)), 0o644); err != nil {
		t.Fatal(err)
	}
	geokgOK(t, db, "load", file)
	sameGraph(t, "curated extract, loaded", want, canonDump(t, db))

	// The graph loaded without corrections, then corrected in place.
	neo4jtest.Reset(t, db)
	geokgOK(t, db, "ingest", "--dict", dict, dir)
	uncorrected := canonDump(t, db)
	out = geokgOK(t, db, "curate", "apply", "--dry-run", "--curation", path)
	if !strings.Contains(out, "would change") {
		t.Errorf("dry run: %s", out)
	}
	sameGraph(t, "after a dry run", uncorrected, canonDump(t, db))
	geokgOK(t, db, "curate", "apply", "--curation", path)
	sameGraph(t, "curate apply on the uncorrected graph", want, canonDump(t, db))
	out = geokgOK(t, db, "curate", "apply", "--curation", path)
	if !strings.Contains(out, "up to date") {
		t.Errorf("second curate apply: %s", out)
	}
	sameGraph(t, "second curate apply", want, canonDump(t, db))

	// A bad line: refused with file:line, the graph untouched.
	bad := filepath.Join(t.TempDir(), "bad.txt")
	text, _ := os.ReadFile(path)
	lines := strings.Count(string(text), "\n")
	if err := os.WriteFile(bad, append(text, []byte("merge node=state:qatar into=state:ruritania why=oops by=ana at=2025-01-01T00:00:00Z\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	wantErr := bad + ":" + itoa(lines+1) + ": merge: name= is missing"
	for _, args := range [][]string{
		{"ingest", "--force", "--dict", dict, "--curation", bad, dir, later},
		{"curate", "apply", "--curation", bad},
		{"load", "--curation", bad, file},
		{"extract", "--curation", bad, dir},
	} {
		out, errs, code := geokgDB(t, db, args...)
		if code != 2 || !strings.Contains(errs, wantErr) || out != "" {
			t.Errorf("geokg %s: exit %d, stdout %d bytes, stderr %q; want 2 and %q", args[0], code, len(out), errs, wantErr)
		}
	}
	sameGraph(t, "after a bad curation file", want, canonDump(t, db))

	// A new article repeats the rejected fact and names the merged group.
	geokgOK(t, db, "ingest", "--dict", dict, "--curation", path, later)
	got := canonDump(t, db)
	checkCorrected(t, "a new article", got, s)
	if !strings.Contains(got, `"title":"Syldavian weapons reach Borduria"`) {
		t.Error("the new article is not in the graph")
	}
	if p := strings.Count(got, "holds Kosovia"); p == 0 {
		t.Error("the new article's CONTROLS did not reach the merged group")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// geokgOffline runs geokg in this process without a database.
func geokgOffline(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"geokg"}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestCurateCommandsOffline(t *testing.T) {
	t.Setenv("GEOKG_ANALYST", "bo")
	dir, dict, _ := curationCorpus(t)
	path := filepath.Join(t.TempDir(), "fixes.txt")
	t.Setenv("GEOKG_CURATION", path)

	cases := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"curate", "rename", "state:borduria", "Republic of Borduria", "--why", "official"}, 0, path + ":7: ", ""},
		{[]string{"curate", "reject", "state:syldavia", "supports", "state:borduria", "--why", "wrong"}, 0, "reject (state:syldavia)-[:SUPPORTS]->(state:borduria)", ""},
		{[]string{"curate", "add", "state:qatar", "SUPPORTS", "state:ruritania", "--why", "loans", "--by", "cy"}, 0, "add (state:qatar)-[:SUPPORTS]->(state:ruritania)", ""},
		{[]string{"curate", "add", "state:nowhere", "SUPPORTS", "state:ruritania", "--why", "stale"}, 0, "add", ""},
		{[]string{"curate", "rename", "state:borduria", "Borduria"}, 2, "", "say why with --why"},
		{[]string{"curate", "rename", "State:Borduria", "Borduria", "--why", "x"}, 2, "", "not a node id"},
		{[]string{"curate", "relabel", "region:kosovia", "Country", "--why", "x"}, 2, "", `unknown label "Country"`},
		{[]string{"curate", "add", "region:kosovia", "CONTROLS", "state:borduria", "--why", "x"}, 2, "", "a CONTROLS relationship goes from"},
		{[]string{"curate", "reject", "a", "b", "--why", "x"}, 2, "", "want NODE, or FROM TYPE TO"},
		{[]string{"curate", "merge", "org:a", "org:b", "--name", "B", "--why", "x", "--uri", "bolt://127.0.0.1:1"}, 2, "", "give --name (and --kind for an organization)"},
		{[]string{"curate", "rename", "state:republic-of-borduria", "Republic of Borduria", "--why", "again"}, 2, "", `is named "Republic of Borduria" already`},
		{[]string{"curate", "list", "--curation", path}, 0, "bo", ""},
		{[]string{"curate", "check"}, 0, "", "4 entries, all valid"},
		{[]string{"curate", "check", "--dict", dict, dir}, 1, "matches nothing in 2 articles", "1 of 4 entries match nothing"},
	}
	for _, c := range cases {
		out, errs, code := geokgOffline(c.args...)
		if code != c.code || !strings.Contains(out, c.stdout) || !strings.Contains(errs, c.stderr) {
			t.Errorf("geokg %s: exit %d\nstdout %s\nstderr %s\nwant exit %d, %q, %q", strings.Join(c.args, " "), code, out, errs, c.code, c.stdout, c.stderr)
		}
	}

	// A line written by hand that has nothing to do.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("merge node=state:borduria into=state:republic-of-borduria name=\"Republic of Borduria\" why=dup by=dee at=2025-01-01T00:00:00Z\n")
	f.Close()
	if out, _, code := geokgOffline("curate", "check"); code != 1 || !strings.Contains(out, "are one node already") {
		t.Errorf("check of an entry with nothing to do: %d %s", code, out)
	}

	out, _, _ := geokgOffline("curate", "list", "--format", "json")
	var rows []struct{ ID, Verb, By, Entry string }
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 5 {
		t.Fatalf("list --format json: %v\n%s", err, out)
	}
	if rows[2].By != "cy" || rows[0].By != "bo" || !strings.HasPrefix(rows[1].Entry, "reject from=state:syldavia rel=SUPPORTS to=state:borduria why=wrong by=bo at=") {
		t.Errorf("list: %+v", rows)
	}
	// check names the stale entries: the added relationship whose end no
	// article makes, and the rename of a node already so named.
	out, _, _ = geokgOffline("curate", "check", "--dict", dict, "--format", "csv", dir)
	if !strings.Contains(out, rows[3].ID) || !strings.Contains(out, rows[4].ID) || strings.Contains(out, rows[0].ID) {
		t.Errorf("check: %s", out)
	}

	out, _, code := geokgOffline("curate", "undo", rows[3].ID[:5], rows[4].ID)
	if code != 0 || !strings.Contains(out, "removed "+rows[3].ID) {
		t.Errorf("undo: %d %s", code, out)
	}
	if _, errs, code := geokgOffline("curate", "check", "--dict", dict, dir); code != 0 {
		t.Errorf("check after undo: exit %d: %s", code, errs)
	}
	if _, errs, code := geokgOffline("curate", "undo", "ffff"); code != 2 || !strings.Contains(errs, `no entry "ffff"`) {
		t.Errorf("undo of an unknown id: %d %s", code, errs)
	}
	t.Setenv("GEOKG_CURATION", "")
	if _, errs, code := geokgOffline("curate", "list"); code != 2 || !strings.Contains(errs, "give --curation FILE or set GEOKG_CURATION") {
		t.Errorf("no file: %d %s", code, errs)
	}
	if _, errs, code := geokgOffline("extract", "--curation", filepath.Join(dir, "none.txt"), dir); code != 2 || !strings.Contains(errs, "none.txt") {
		t.Errorf("a missing curation file: %d %s", code, errs)
	}
	out, _, code = geokgOffline("curate", "--help")
	if code != 0 || !strings.Contains(out, "geokg curate merge") || !strings.Contains(out, "apply") {
		t.Errorf("help: %s", out)
	}
}

// shellWords splits a command line as sh does for words in single quotes
// (the form the duplicates query writes).
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	in, started := false, false
	for _, r := range line {
		switch {
		case r == '\'':
			in, started = !in, true
		case r == ' ' && !in:
			if started {
				words = append(words, cur.String())
				cur.Reset()
				started = false
			}
		default:
			cur.WriteRune(r)
			started = true
		}
	}
	if in {
		t.Fatalf("unbalanced quotes in %s", line)
	}
	if started {
		words = append(words, cur.String())
	}
	return words
}

// The commands the duplicates query prints run as they are, and merge the
// pairs; the evidence query shows the notes of analysts' relationships.
func TestDuplicatesCommandsAndEvidenceNotes(t *testing.T) {
	db := neo4jtest.DB(t)
	loadQueryFixture(t, db)
	path := filepath.Join(t.TempDir(), "curation.txt")
	t.Setenv("GEOKG_ANALYST", "ana")

	out := geokgOK(t, db, "query", "run", "duplicates", "--format", "json")
	var rows []struct{ Name, Other, Command string }
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("duplicates: %v\n%s", err, out)
	}
	for _, r := range rows {
		words := shellWords(t, r.Command)
		if len(words) < 5 || words[0] != "geokg" || words[1] != "curate" || words[2] != "merge" {
			t.Fatalf("not a merge command: %s", r.Command)
		}
		geokgOK(t, db, append(words[1:], "--curation", path)...)
	}
	geokgOK(t, db, "curate", "add", "state:qatar", "SUPPORTS", "state:rwanda", "--why", "loans (finance ministry)", "--curation", path)
	geokgOK(t, db, "curate", "apply", "--curation", path)
	if out := geokgOK(t, db, "query", "run", "duplicates", "--format", "json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("duplicates after merging them all: %s", out)
	}

	// One parameter: the notes beside the articles' sentences, for the
	// analyst's relationship and for none of the articles' own. A row is
	// a sentence with its article.
	out = geokgOK(t, db, "query", "run", "evidence", "-p", "from=Qatar", "--format", "json")
	var ev []struct {
		Relation, To      string
		Notes             []string
		Curated           bool
		Sentence, Article *string
	}
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatalf("evidence: %v\n%s", err, out)
	}
	found := false
	for _, e := range ev {
		switch {
		case e.Relation == "SUPPORTS" && e.To == "Rwanda":
			found = true
			if !e.Curated || len(e.Notes) != 1 || !strings.HasSuffix(e.Notes[0], ": loans (finance ministry)") || e.Article != nil {
				t.Errorf("evidence of an analyst's relationship: %+v", e)
			}
		case e.Curated || len(e.Notes) > 0 || e.Sentence == nil || e.Article == nil:
			t.Errorf("evidence of an article's relationship: %+v", e)
		}
	}
	if !found || len(ev) < 2 {
		t.Errorf("evidence from Qatar: %s", out)
	}
}
