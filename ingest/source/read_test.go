package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/geokg/geokg/ingest/article"
)

// got is everything one Read handed over, in order.
type got struct {
	events []string // "article ORIGIN" or the error message, in order
	arts   []*article.Article
	errs   []string
	notes  []string
}

func readAll(t *testing.T, inputs []string, opt Options) got {
	t.Helper()
	var g got
	opt.Note = func(origin, msg string) { g.notes = append(g.notes, origin+": "+msg) }
	err := Read(context.Background(), inputs, opt, func(a *article.Article, err error) error {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("failure is a %T, want *InputError: %v", err, err)
			}
			g.errs = append(g.errs, err.Error())
			g.events = append(g.events, err.Error())
			return nil
		}
		if a.ID != article.ID(a.Text) {
			t.Errorf("%s: ID %q is not ArticleID of its text", a.Origin, a.ID)
		}
		g.arts = append(g.arts, a)
		g.events = append(g.events, "article "+a.Origin)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return g
}

// fields is the part of an Article a test states; ID is checked apart.
type fields struct {
	Origin, Title, URL, Published, Source, Text string
}

func fieldsOf(a *article.Article) fields {
	return fields{a.Origin, a.Title, a.URL, a.Published, a.Source, a.Text}
}

func checkArticles(t *testing.T, g got, want []fields, wantErrs []string) {
	t.Helper()
	if len(g.arts) != len(want) {
		t.Errorf("got %d articles, want %d", len(g.arts), len(want))
	}
	for i := 0; i < len(g.arts) && i < len(want); i++ {
		if f := fieldsOf(g.arts[i]); f != want[i] {
			t.Errorf("article %d:\n got %#v\nwant %#v", i, f, want[i])
		}
	}
	if strings.Join(g.errs, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n got %q\nwant %q", g.errs, wantErrs)
	}
}

const in = "testdata/inputs/"

func TestReadFormats(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []fields
		errs  []string
	}{
		{
			name:  "plain text whose first sentence has a colon",
			input: in + "text/plain.txt",
			want: []fields{{
				Origin: in + "text/plain.txt",
				Text: "Geneva: Delegations from Armenia and Azerbaijan met for a third day of talks on Tuesday, diplomats said, as negotiators tried to settle the text of a border commission.\n\n" +
					"The Swiss foreign ministry, which hosted the meeting, said the two sides had agreed to meet again before the end of the month.",
			}},
		},
		{
			name:  "text with a header",
			input: in + "text/header.txt",
			want: []fields{{
				Origin:    in + "text/header.txt",
				Title:     "Mediators press Khartoum and rival forces to extend truce",
				URL:       "https://news.example.org/2024/03/sudan-truce",
				Published: "2024-03-03",
				Source:    "Example Wire",
				Text: "Saudi and U.S. mediators urged Sudan's army and the Rapid Support Forces on Sunday to extend a week-long truce that expires at midnight.\n\n" +
					"The truce has largely held in Khartoum, residents said, although shelling was reported in the west of the capital.",
			}},
		},
		{
			name:  "header fields that are unknown",
			input: in + "text/header_unknown.txt",
			want: []fields{{
				Origin: in + "text/header_unknown.txt",
				Source: "Daily Sample",
				Text:   "Talks between Serbia and Kosovo resumed in Brussels after a pause of four months, the European Union's envoy said.",
			}},
		},
		{
			name:  "a first paragraph that starts like a header line",
			input: in + "text/colon_paragraph.txt",
			want: []fields{{
				Origin: in + "text/colon_paragraph.txt",
				Text: "Source: a senior official in Ankara said the meeting would take place next week.\n" +
					"The official spoke on condition of anonymity because the talks were not yet public.\n\n" +
					"Turkey has offered to host a new round between Russia and Ukraine.",
			}},
		},
		{
			name:  "CRLF line ends, stray spaces, runs of blank lines, a date with a zone",
			input: in + "text/crlf.txt",
			want: []fields{{
				Origin:    in + "text/crlf.txt",
				Title:     "Ceasefire holds along the Line of Control",
				Published: "2025-05-12",
				Text: "India and Pakistan both reported a quiet night along the Line of Control.\n\n" +
					"Military officials from the two sides spoke by hotline on Monday.\n\n" +
					"Villagers began returning to their homes.",
			}},
		},
		{
			name:  "Markdown with a title heading and all kinds of markup",
			input: in + "markdown/article.md",
			want: []fields{{
				Origin: in + "markdown/article.md",
				Title:  "Qatar brokers prisoner exchange between Kyiv and Moscow",
				Text: "Ukraine and Russia swapped 95 prisoners each on Saturday in an exchange brokered by Qatar, officials in both capitals said.\n\n" +
					"Reactions\n\n" +
					"\"Every exchange brings families hope,\" Ukraine's ombudsman said in a statement posted on Telegram.\n\n" +
					"The exchange was the third this year.\n\n" +
					"Qatar's foreign ministry said talks would continue.\n\n" +
					"Reporting by the Sample Desk; editing by staff.\n\n" +
					"Escaped *asterisks* stay & so do snake_case_words.",
			}},
		},
		{
			name:  "Markdown front matter gives the title; the heading stays text",
			input: in + "markdown/frontmatter.md",
			want: []fields{{
				Origin:    in + "markdown/frontmatter.md",
				Title:     "Lebanon and Israel agree to expand monitoring committee",
				Published: "2024-12-09",
				Source:    "Example Times",
				Text:      "A different heading\n\nThe United States and France will join an expanded committee to monitor the truce, officials said.",
			}},
		},
		{
			name:  "Markdown setext headings",
			input: in + "markdown/setext.md",
			want: []fields{{
				Origin: in + "markdown/setext.md",
				Title:  "Ethiopia and Tigray leaders meet in Pretoria",
				Text:   "The African Union panel said both delegations had arrived in Pretoria on Monday.\n\nBackground\n\nA truce signed last year ended two years of war.",
			}},
		},
		{
			name:  "HTML page with meta tags and page furniture",
			input: in + "html/page.html",
			want: []fields{{
				Origin:    in + "html/page.html",
				Title:     "Philippines and China hold talks on disputed shoal",
				URL:       "https://post.example.com/asia/shoal-talks",
				Published: "2024-07-02",
				Source:    "Sample Post",
				Text: "Philippine and Chinese diplomats met in Manila on Tuesday for talks on the Second Thomas Shoal, where their coast guards have clashed repeatedly this year, the Philippine foreign ministry said.\n\n" +
					"The ministry described the talks as frank and said both sides agreed on the need to lower tensions in the South China Sea, although neither gave ground on its claims to the reef.\n\n" +
					"Beijing has demanded that Manila remove a grounded navy ship that serves as an outpost on the shoal. Manila has refused and says the reef lies within its exclusive economic zone.\n\n" +
					"A Chinese embassy spokesperson said in a statement that China would continue to defend its sovereignty and urged the Philippines to stop what it called provocations.",
			}},
		},
		{
			name:  "HTML in a declared legacy encoding",
			input: in + "html/latin1.html",
			want: []fields{{
				Origin: in + "html/latin1.html",
				Title:  "Bogotá y el ELN reanudan el diálogo",
				Text: "El Gobierno de Colombia y la guerrilla del ELN reanudaron el diálogo en Caracas el lunes, según un comunicado conjunto leído por los negociadores.\n\n" +
					"Venezuela y Cuba actúan como garantes del proceso, que estaba suspendido desde hace tres meses tras un ataque contra una base militar en Arauca.\n\n" +
					"Los negociadores dijeron que la próxima ronda tratará el cese al fuego y la participación de la sociedad civil.",
			}},
		},
		{
			name:  "JSON lines, bad lines reported by number and the rest read",
			input: in + "jsonl/articles.jsonl",
			want: []fields{
				{
					Origin: in + "jsonl/articles.jsonl:1", Title: "Niger junta rejects ECOWAS deadline",
					URL: "https://example.net/niger-1", Published: "2023-08-06", Source: "Example Africa",
					Text: "Niger's military rulers rejected a deadline set by the West African bloc ECOWAS to restore the ousted president.\n\nThe bloc's defence chiefs met in Abuja.",
				},
				{
					Origin: in + "jsonl/articles.jsonl:5", Title: "Thailand and Cambodia agree on border patrols",
					Published: "2025-07-27",
					Text:      "Thailand and Cambodia agreed to joint border patrols after talks hosted by Malaysia.",
				},
				{
					Origin: in + "jsonl/articles.jsonl:7", Title: "Moldova and Transnistria leaders meet",
					Published: "2025-02-01",
					Text:      "Moldova's reintegration envoy met the Transnistrian leader in Bender on Saturday.",
				},
			},
			errs: []string{
				"read " + in + "jsonl/articles.jsonl:2: invalid JSON: unexpected end of JSON input",
				"read " + in + "jsonl/articles.jsonl:4: no article text: \"text\" is missing or empty",
				"read " + in + "jsonl/articles.jsonl:6: invalid record: \"title\" is a JSON number, want a string",
			},
		},
		{
			name:  "RSS file: content preferred to description, HTML stripped, an empty item reported",
			input: in + "feed/world.rss",
			want: []fields{
				{
					Origin: in + "feed/world.rss#1", Title: "Yemen's warring parties agree to swap detainees",
					URL: "https://world.example.org/yemen-swap", Published: "2023-03-20", Source: "Example World News",
					Text: "Yemen's government and the Houthis agreed to exchange nearly 900 detainees after talks in Switzerland, the United Nations said.\n\nThe International Committee of the Red Cross will oversee the release.",
				},
				{
					Origin: in + "feed/world.rss#3", Title: "Georgia opposition rallies in Tbilisi",
					URL: "https://world.example.org/tbilisi-rally", Published: "2024-11-30", Source: "Example World News",
					Text: "Thousands rallied in Tbilisi for a third night against the government's decision to suspend EU accession talks.",
				},
			},
			errs: []string{"read " + in + "feed/world.rss#2: feed item has no content or description"},
		},
		{
			name:  "Atom file, the date as the publisher wrote it",
			input: in + "feed/region.atom",
			want: []fields{{
				Origin: in + "feed/region.atom#1", Title: "Azerbaijan and Armenia finalise peace text",
				URL: "https://region.example.org/peace-text", Published: "2025-03-13", Source: "Example Region Desk",
				Text: "Azerbaijan and Armenia said they had finished negotiating the text of a peace agreement.",
			}},
		},
		{
			name:  "a feed in the encoding its XML declaration names",
			input: in + "feed/latin1.rss",
			want: []fields{{
				Origin: in + "feed/latin1.rss#1", Title: "Accord de cessez-le-feu signé à Doha",
				URL: "https://fil.example.fr/doha", Published: "2024-04-05", Source: "Le Fil d'exemple",
				Text: "Les délégations se sont engagées à respecter la trêve.",
			}},
		},
		{
			name:  "a file named on the command line without a known extension is sniffed",
			input: in + "feed/sniffed-feed",
			want: []fields{
				{
					Origin: in + "feed/sniffed-feed#1", Title: "Yemen's warring parties agree to swap detainees",
					URL: "https://world.example.org/yemen-swap", Published: "2023-03-20", Source: "Example World News",
					Text: "Yemen's government and the Houthis agreed to exchange nearly 900 detainees after talks in Switzerland, the United Nations said.\n\nThe International Committee of the Red Cross will oversee the release.",
				},
				{
					Origin: in + "feed/sniffed-feed#3", Title: "Georgia opposition rallies in Tbilisi",
					URL: "https://world.example.org/tbilisi-rally", Published: "2024-11-30", Source: "Example World News",
					Text: "Thousands rallied in Tbilisi for a third night against the government's decision to suspend EU accession talks.",
				},
			},
			errs: []string{"read " + in + "feed/sniffed-feed#2: feed item has no content or description"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := readAll(t, []string{tt.input}, Options{})
			checkArticles(t, g, tt.want, tt.errs)
		})
	}
}

func TestReadDirectory(t *testing.T) {
	g := readAll(t, []string{in + "dir"}, Options{})
	wantEvents := []string{
		"article " + in + "dir/a-first.md",
		"article " + in + "dir/africa/goma.html",
		"article " + in + "dir/b-second.txt",
		"article " + in + "dir/europe/kosovo.txt",
	}
	if strings.Join(g.events, "\n") != strings.Join(wantEvents, "\n") {
		t.Errorf("events:\n got %q\nwant %q", g.events, wantEvents)
	}
	wantNotes := []string{
		in + "dir/README.md: skipped: a directory's documentation, not an article",
		in + "dir/africa/annotations.json: skipped: not a known article file type",
		in + "dir/africa/notes.xyz: skipped: not a known article file type",
	}
	if strings.Join(g.notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("notes:\n got %q\nwant %q", g.notes, wantNotes)
	}
	for _, a := range g.arts {
		if strings.Contains(a.Text, "never be read") {
			t.Errorf("%s: a hidden file was read", a.Origin)
		}
	}
	if len(g.arts) == 4 && (g.arts[0].Title != "First file" || g.arts[3].Title != "Kosovo and Serbia negotiators meet") {
		t.Errorf("titles: %q, %q", g.arts[0].Title, g.arts[3].Title)
	}
}

// writeFile writes a file under dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadBadInputs(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		data    []byte // nil: the file is not created
		opt     Options
		wantErr string // with DIR for the directory of the file
	}{
		{"empty file", "empty.txt", []byte{}, Options{}, "read DIR/empty.txt: empty input"},
		{"only white space", "blank.md", []byte(" \n\t\n\n  "), Options{}, "read DIR/blank.md: empty input"},
		{"NUL bytes", "archive.txt", []byte("PK\x03\x04\x00\x00\x08\x00some zipped bytes"), Options{}, "read DIR/archive.txt: binary content, not text (NUL or control bytes)"},
		{"many control bytes", "garbage.txt", []byte("\x01\x02\x03\x04 The talks \x05\x06\x07\x08\x0e\x0f"), Options{}, "read DIR/garbage.txt: binary content, not text (NUL or control bytes)"},
		{"binary behind a known extension", "image.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{}, "read DIR/image.html: binary content, not text (NUL or control bytes)"},
		{"Latin-1 text", "latin1.txt", []byte("title: Talks\n\nThe minister met his counterpart in Bogot\xe1 on Monday."), Options{}, "read DIR/latin1.txt: invalid UTF-8 at line 3, column 42 (byte 0xe1): convert the file to UTF-8"},
		{"invalid UTF-8 in Markdown", "bad.md", []byte("# Title\n\n\xff\xfe\xfd broken"), Options{}, "read DIR/bad.md: invalid UTF-8 at line 3, column 1 (byte 0xff): convert the file to UTF-8"},
		{"invalid UTF-8 in a JSON lines record", "bad.jsonl", []byte("{\"text\":\"caf\xe9\"}\n"), Options{}, "read DIR/bad.jsonl:1: invalid UTF-8 at line 1, column 13 (byte 0xe9): convert the file to UTF-8"},
		{"a header and no text", "header-only.txt", []byte("title: Nothing\nsource: Nobody\n\n\n"), Options{}, "read DIR/header-only.txt: no article text after the header"},
		{"Markdown that is all code", "code.md", []byte("```\nfmt.Println(1)\n```\n"), Options{}, "read DIR/code.md: no article text"},
		{"HTML without text", "empty.html", []byte("<html><head><title>x</title></head><body><script>var a;</script></body></html>"), Options{}, "read DIR/empty.html: no article text found in the page"},
		{"XML that is not a feed", "sitemap.xml", []byte("<?xml version=\"1.0\"?><urlset><url><loc>https://example.org/</loc></url></urlset>"), Options{}, "read DIR/sitemap.xml: not a readable RSS, Atom or JSON feed: failed to detect feed type"},
		{"a feed cut short", "cut.rss", []byte("<rss version=\"2.0\"><channel><title>T</title><item><title>Half"), Options{}, "read DIR/cut.rss: not a readable RSS, Atom or JSON feed: XML syntax error on line 1: unexpected EOF"},
		{"a missing file", "missing.txt", nil, Options{}, "read DIR/missing.txt: no such file or directory"},
		{"a file over the size limit", "long.txt", []byte(strings.Repeat("The talks went on. ", 20)), Options{MaxBytes: 100}, "read DIR/long.txt: larger than the 100-byte limit"},
		{"a JSON lines record over the size limit", "long.jsonl", []byte(`{"text":"` + strings.Repeat("word ", 40) + `"}` + "\n"), Options{MaxBytes: 100}, "read DIR/long.jsonl:1: line too long: over the 100-byte limit"},
		{"a JSON article without text", "one.json", []byte("{\n  \"title\": \"No body\"\n}\n"), Options{}, "read DIR/one.json: no article text: \"text\" is missing or empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			bad := filepath.Join(dir, tt.file)
			if tt.data != nil {
				writeFile(t, dir, tt.file, tt.data)
			}
			good := writeFile(t, dir, "zz-good.txt", []byte("Chad and Sudan agreed to reopen their border crossing."))
			g := readAll(t, []string{bad, good}, tt.opt)
			want := []string{strings.ReplaceAll(tt.wantErr, "DIR", dir), "article " + good}
			if strings.Join(g.events, "\n") != strings.Join(want, "\n") {
				t.Errorf("events:\n got %q\nwant %q", g.events, want)
			}
		})
	}
}

func TestReadBadInputsInDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("Mali and Algeria resumed talks in Algiers."))
	writeFile(t, dir, "b.txt", []byte{})
	writeFile(t, dir, "c/d.txt", []byte("\x00\x01\x02"))
	writeFile(t, dir, "c/e.md", []byte("Ghana offered to host the next round."))
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "c/f.txt")); err != nil {
		t.Fatal(err)
	}
	g := readAll(t, []string{dir}, Options{})
	want := []string{
		"article " + dir + "/a.txt",
		"read " + dir + "/b.txt: empty input",
		"read " + dir + "/c/d.txt: binary content, not text (NUL or control bytes)",
		"article " + dir + "/c/e.md",
		"read " + dir + "/c/f.txt: broken symbolic link: its target " + dir + "/nowhere does not exist",
	}
	if strings.Join(g.events, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n got %q\nwant %q", g.events, want)
	}
	if len(g.notes) != 0 {
		t.Errorf("notes: %q", g.notes)
	}
}

// A link named as an input is followed like the directory or file it
// leads to; links inside a directory are followed to files only, so that
// no walk loops, and the others are passed over or fail, each named.
func TestReadSymbolicLinks(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "articles")
	writeFile(t, arts, "a.txt", []byte("Mali and Algeria resumed talks in Algiers."))
	writeFile(t, arts, "sub/b.txt", []byte("Ghana offered to host the next round."))
	other := filepath.Join(dir, "other")
	writeFile(t, other, "c.txt", []byte("Chad and Sudan agreed to reopen their border crossing."))
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	link(arts, filepath.Join(dir, "articles-link"))
	link(filepath.Join(other, "c.txt"), filepath.Join(arts, "c-link.txt"))
	link(other, filepath.Join(arts, "other-link"))
	link(arts, filepath.Join(arts, "sub", "up"))                     // back to an ancestor: a loop if followed
	link(filepath.Join(arts, "y.txt"), filepath.Join(arts, "x.txt")) // x -> y -> x
	link(filepath.Join(arts, "x.txt"), filepath.Join(arts, "y.txt"))
	link(filepath.Join(dir, "gone.md"), filepath.Join(arts, "z.md"))

	var skipped []string
	opt := Options{Skip: func(path, why string) { skipped = append(skipped, path+": "+why) }}
	for _, in := range []string{filepath.Join(dir, "articles-link"), filepath.Join(dir, "articles-link") + "/"} {
		g := readAll(t, []string{in}, opt)
		root := filepath.Join(dir, "articles-link")
		want := []string{
			"article " + root + "/a.txt",
			"article " + root + "/c-link.txt",
			"article " + root + "/sub/b.txt",
			"read " + root + "/x.txt: symbolic link loop: the link leads back to itself",
			"read " + root + "/y.txt: symbolic link loop: the link leads back to itself",
			"read " + root + "/z.md: broken symbolic link: its target " + dir + "/gone.md does not exist",
		}
		if strings.Join(g.events, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: events:\n got %q\nwant %q", in, g.events, want)
		}
		wantSkipped := []string{
			root + "/other-link: a link to a directory (links inside a directory are not followed; name it as an input to read it)",
			root + "/sub/up: a link to a directory (links inside a directory are not followed; name it as an input to read it)",
		}
		if strings.Join(skipped, "\n") != strings.Join(wantSkipped, "\n") {
			t.Errorf("%s: skipped:\n got %q\nwant %q", in, skipped, wantSkipped)
		}
		if len(g.notes) != 0 {
			t.Errorf("%s: notes %q, want none: skipped entries go to Skip when it is set", in, g.notes)
		}
		skipped = nil
	}

	// A link to a file named as an input is that file.
	g := readAll(t, []string{filepath.Join(arts, "c-link.txt")}, Options{})
	if len(g.arts) != 1 || !strings.Contains(g.arts[0].Text, "Chad") {
		t.Errorf("a link to a file: %q", g.events)
	}
}

func TestReadUnreadable(t *testing.T) {
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		p := writeFile(t, dir, "locked.txt", []byte("Text nobody may read."))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		g := readAll(t, []string{p}, Options{})
		if want := "read " + p + ": permission denied"; len(g.errs) != 1 || g.errs[0] != want {
			t.Errorf("errors %q, want %q", g.errs, want)
		}
	}
	// Whatever the user, a stream that fails to read is reported.
	failing := iotest.ErrReader(errors.New("input/output error"))
	g := readAll(t, []string{"-", in + "text/plain.txt"}, Options{Stdin: failing})
	want := []string{"read -: input/output error", "article " + in + "text/plain.txt"}
	if strings.Join(g.events, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n got %q\nwant %q", g.events, want)
	}
}

func TestReadLongJSONLines(t *testing.T) {
	// Records longer than any read buffer, around one that is over the
	// limit, with CRLF line ends and no end to the last line.
	long := strings.Repeat("Delegates met again. ", 3000)
	data := `{"title":"Long","text":"` + long + "\"}\r\n" +
		`{"text":"` + strings.Repeat("x", 200_000) + "\"}\r\n" +
		`{"title":"Last","text":"` + long + `"}`
	p := writeFile(t, t.TempDir(), "long.jsonl", []byte(data))
	g := readAll(t, []string{p}, Options{MaxBytes: 100_000})
	want := []string{"article " + p + ":1", "read " + p + ":2: line too long: over the 100000-byte limit", "article " + p + ":3"}
	if strings.Join(g.events, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n got %q\nwant %q", g.events, want)
	}
	if g.arts[0].Text != strings.TrimSpace(long) || g.arts[1].Title != "Last" {
		t.Errorf("long records read wrong: %d bytes, title %q", len(g.arts[0].Text), g.arts[1].Title)
	}
}

func TestReadUTF16(t *testing.T) {
	text := "Peru and Ecuador signed a border accord."
	le := []byte{0xFF, 0xFE}
	for _, r := range text {
		le = append(le, byte(r), 0)
	}
	p := writeFile(t, t.TempDir(), "utf16.txt", le)
	g := readAll(t, []string{p}, Options{})
	checkArticles(t, g, []fields{{Origin: p, Text: text}}, nil)
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		want  []fields
		errs  []string
	}{
		{
			name:  "text with a header",
			stdin: "title: Truce talks\npublished: 2024-02-29\n\nIraq hosted the talks.\n",
			want:  []fields{{Origin: "-", Title: "Truce talks", Published: "2024-02-29", Text: "Iraq hosted the talks."}},
		},
		{
			name:  "Markdown",
			stdin: "# Summit ends\n\nLeaders of the **African Union** met in [Addis Ababa](https://example.org).\n",
			want:  []fields{{Origin: "-", Title: "Summit ends", Text: "Leaders of the African Union met in Addis Ababa."}},
		},
		{
			name:  "HTML",
			stdin: "<!doctype html><html><head><meta property=\"og:title\" content=\"Port reopens\"></head><body><p>The port of Hodeidah reopened to shipping on Friday, officials said, after a pause of two weeks.</p></body></html>",
			want:  []fields{{Origin: "-", Title: "Port reopens", Text: "The port of Hodeidah reopened to shipping on Friday, officials said, after a pause of two weeks."}},
		},
		{
			name:  "JSON lines",
			stdin: "{\"title\":\"One\",\"text\":\"First text.\"}\nnot json\n{\"title\":\"Two\",\"text\":\"Second text.\"}\n",
			want:  []fields{{Origin: "-:1", Title: "One", Text: "First text."}, {Origin: "-:3", Title: "Two", Text: "Second text."}},
			errs:  []string{"read -:2: invalid JSON: invalid character 'o' in literal null (expecting 'u')"},
		},
		{
			name:  "JSON lines after a byte order mark",
			stdin: "\ufeff{\"title\":\"BOM\",\"text\":\"Marked text.\"}\n",
			want:  []fields{{Origin: "-:1", Title: "BOM", Text: "Marked text."}},
		},
		{
			name:  "one JSON article over several lines",
			stdin: "{\n  \"title\": \"Spread out\",\n  \"text\": \"Oman mediated.\"\n}\n",
			want:  []fields{{Origin: "-", Title: "Spread out", Text: "Oman mediated."}},
		},
		{
			name:  "a JSON array of articles",
			stdin: "[\n {\"title\": \"A\", \"text\": \"Text A.\"},\n {\"title\": \"B\"}\n]",
			want:  []fields{{Origin: "-#1", Title: "A", Text: "Text A."}},
			errs:  []string{"read -#2: no article text: \"text\" is missing or empty"},
		},
		{
			name:  "an RSS feed",
			stdin: "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>Item</title><link>https://example.org/i</link><description>Kuwait offered to mediate.</description></item></channel></rss>",
			want:  []fields{{Origin: "-#1", Title: "Item", URL: "https://example.org/i", Source: "Wire", Text: "Kuwait offered to mediate."}},
		},
		{
			name:  "a JSON feed",
			stdin: `{"version":"https://jsonfeed.org/version/1.1","title":"JF","items":[{"id":"1","title":"J","url":"https://example.org/j","content_text":"Norway hosted the talks."}]}`,
			want:  []fields{{Origin: "-#1", Title: "J", URL: "https://example.org/j", Source: "JF", Text: "Norway hosted the talks."}},
		},
		{
			name: "empty",
			errs: []string{"read -: empty input"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(tt.stdin)})
			checkArticles(t, g, tt.want, tt.errs)
		})
	}
}

func TestReadUnsupportedScheme(t *testing.T) {
	g := readAll(t, []string{"ftp://example.org/a.txt"}, Options{})
	want := "read ftp://example.org/a.txt: unsupported URL scheme: only http and https are read"
	if len(g.errs) != 1 || g.errs[0] != want {
		t.Errorf("errors %q, want %q", g.errs, want)
	}
}

func TestReadStops(t *testing.T) {
	stop := errors.New("enough")
	var n int
	err := Read(context.Background(), []string{in + "dir", in + "text"}, Options{}, func(a *article.Article, err error) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("Read returned %v after %d calls, want %v after 1", err, n, stop)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Read(ctx, []string{in + "dir", in + "text"}, Options{}, func(a *article.Article, err error) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Read returned %v after %d calls, want %v after 1", err, n, context.Canceled)
	}
}

func TestArticles(t *testing.T) {
	var origins []string
	for a, err := range Articles(context.Background(), []string{in + "jsonl/articles.jsonl"}, Options{}) {
		if err != nil {
			origins = append(origins, "error")
		} else {
			origins = append(origins, a.Origin)
		}
		if len(origins) == 3 {
			break
		}
	}
	want := []string{in + "jsonl/articles.jsonl:1", "error", "error"}
	if strings.Join(origins, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", origins, want)
	}
}
