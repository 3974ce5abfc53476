package queries

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/internal/neo4jtest"
)

// browserTools finds Debian's chromium and chromedriver. Outside CI the
// test is skipped, with the command that installs them, when they are
// missing; in CI (CI=true) that fails it: make test-browser installs them
// there first.
func browserTools(t *testing.T) (chromium, chromedriver string) {
	t.Helper()
	chromium = os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium, _ = exec.LookPath("chromium")
	}
	chromedriver, _ = exec.LookPath("chromedriver")
	if chromium != "" && chromedriver != "" {
		return chromium, chromedriver
	}
	msg := "Chromium and chromedriver are needed to drive Neo4j Browser: sudo apt-get install chromium chromium-driver (Debian), or make test-browser"
	if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return "", ""
}

// TestBrowserInChromium checks the analyst's path through Neo4j Browser in a
// real headless Chromium: connect, open the guide, apply the style, run
// queries from the guide, and import the favorites, against the test
// server's Browser and the fixture graph.
//
// It takes a minute or two, so it runs only with GEOKG_TEST_BROWSER=1, as
// make test-browser sets it. GEOKG_SCREENSHOTS=DIR keeps pictures of the
// guide and of the main queries' answers there (make screenshots: docs/browser).
func TestBrowserInChromium(t *testing.T) {
	if os.Getenv("GEOKG_TEST_BROWSER") == "" {
		t.Skip("drives Neo4j Browser in headless Chromium: make test-browser")
	}
	chromium, chromedriver := browserTools(t)
	db := neo4jtest.DB(t)
	loadFixture(t, db)
	browserURL := neo4jtest.BrowserURL(t)
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// Browser fetches guides only from hosts of its allow-list,
	// "localhost" by default.
	ln, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://localhost:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	h, err := Handler(lib, base)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Shutdown(context.Background()) })

	wd := startChromium(t, chromium, chromedriver)
	wd.open(browserURL + "?dbms=" + strings.Replace(db.Config.URI, "bolt://", "bolt%3A%2F%2F", 1) + "&preselectAuthMethod=NATIVE")
	user := wd.waitElement("the connect form", `return document.querySelector('[data-testid="username"]')`)
	wd.js(`arguments[0].value = ''`, user)
	wd.typeInto(user, db.Config.User)
	wd.typeInto(wd.waitElement("the password field", `return document.querySelector('[data-testid="password"]')`), db.Config.Password)
	wd.clickUntil("the connect button", `return document.querySelector('[data-testid="connect"]')`, `return document.body.innerText.includes('You are connected')`)
	shots := os.Getenv("GEOKG_SCREENSHOTS")
	// shot keeps a picture of the frame script finds, once the graph
	// layout has settled.
	shot := func(name, script string) {
		t.Helper()
		if shots == "" {
			return
		}
		el := wd.waitElement("the frame to picture", script)
		wd.js(`arguments[0].scrollIntoView()`, el)
		time.Sleep(2 * time.Second)
		wd.screenshotOf(el, filepath.Join(shots, name+".png"))
	}
	run := func(cmd string) {
		t.Helper()
		wd.js(`document.querySelector('.monaco-editor textarea').focus()`)
		wd.chord("\uE009", "a") // what the editor holds gives way
		wd.keys(cmd + "\uE007")
	}
	run(":play " + base + "/guide.html")
	wd.waitJS("the guide", `return document.body.innerText.includes('geokg: canned queries')`)
	// The frame that shows the guide, found again each time: Browser
	// redraws it.
	const guideFrame = `return Array.from(document.querySelectorAll('article[data-testid="frame"]')).find(f => f.querySelector('a[play-topic]'))`
	wd.click(wd.waitElement("the guide's pin", guideFrame+`?.querySelector('button[title="Pin at top"]')`))
	shot("guide", guideFrame)

	// The style, from the ▶ of its block on slide 1.
	wd.click(wd.waitElement("the :style block's play icon", guideFrame+`?.querySelector('pre.runnable i')`))
	wd.waitJS("the style applied", `return document.body.innerText.includes(':style ' + arguments[0]) && document.body.innerText.includes('#4C8EDA')`, base)

	// Slide 1 links to each query's page, which opens in the guide's
	// frame; there, one click runs the query with the values shown, in a
	// frame of its own that draws its answer in the geokg style.
	openPage := func(name, text string) {
		t.Helper()
		wd.click(wd.waitElement("the link back to all queries", guideFrame+`?.querySelector('a[play-topic$="/guide.html"]') ?? document.body`))
		wd.click(wd.waitElement("the link to the "+name+" page", guideFrame+`?.querySelector('a[play-topic$="/guide/`+name+`.html"]')`))
		wd.waitJS("the "+name+" page", guideFrame+`?.innerText.includes(arguments[0])`, text)
	}
	openPage("mediators", "Third parties that mediate events")
	shot("guide-mediators", guideFrame)
	frames := wd.js(`return document.querySelectorAll('article[data-testid="frame"]').length`)
	wd.click(wd.waitElement("the ▶ that runs the query", guideFrame+`?.querySelector('pre.runnable i')`))
	wd.waitJS("a new frame", `return document.querySelectorAll('article[data-testid="frame"]').length > arguments[0]`, frames)
	// The newest frame comes right under the pinned guide.
	const resultFrame = `return Array.from(document.querySelectorAll('article[data-testid="frame"]')).filter(f => !f.querySelector('a[play-topic]'))[0]`
	wd.waitJS("the mediators' graph", resultFrame+`?.querySelector('svg .node') && Array.from(document.querySelectorAll('svg .node')).some(n => n.textContent.includes('European'))`)
	wd.waitJS("states drawn in the geokg blue, events by their name",
		resultFrame+`?.querySelector('svg .node circle[fill="#4C8EDA"]') && Array.from(document.querySelectorAll('svg .node')).some(n => n.querySelector('circle[fill="#F16667"]') && /talks/i.test(n.textContent))`)
	if wd.js(guideFrame) == nil {
		t.Fatal("running a query from the guide replaced the guide")
	}
	shot("mediators", resultFrame)

	// Other values: the :params block fills the editor; run it, then the
	// query block's ▶. A state stands for the places in it.
	openPage("region-control", "Actors that hold, occupy or administer")
	wd.click(wd.waitElement("the :params block", guideFrame+`?.querySelectorAll('pre.runnable')[1]`))
	editor := wd.waitJS("the :params command in the editor", `return document.querySelector('.monaco-editor .view-lines')?.innerText.replace(/\u00a0/g, ' ')`)
	if !strings.HasPrefix(editor.(string), ":params {region: \"Goma\", depth: 2}") {
		t.Errorf("the :params block put %q in the editor", editor)
	}
	frames = wd.js(`return document.querySelectorAll('article[data-testid="frame"]').length`)
	run(":params {region: \"Democratic Republic of the Congo\", depth: 2}")
	// :params replaces every parameter; the block's second line sets the
	// day again.
	if !strings.Contains(editor.(string), ":param as_of => date()") {
		t.Errorf("the :params block sets no as_of: %q", editor)
	}
	run(":param as_of => date()")
	// The query's frame comes after the two of the parameters.
	wd.waitJS("the parameters' frames", `return document.querySelectorAll('article[data-testid="frame"]').length >= arguments[0] + 2`, frames)
	frames = wd.js(`return document.querySelectorAll('article[data-testid="frame"]').length`)
	wd.clickUntil("the query block's ▶", guideFrame+`?.querySelectorAll('pre.runnable')[2]?.querySelector('i')`,
		`return document.querySelectorAll('article[data-testid="frame"]').length > arguments[0]`, frames)
	wd.waitJS("Goma and M23 drawn for the Congo", resultFrame+`?.querySelector('svg .node') && ['Goma', 'M23'].every(w => Array.from(`+resultFrame[len("return "):]+`.querySelectorAll('svg .node')).some(n => n.textContent.includes(w)))`)
	shot("region-control", resultFrame)

	// A name that matches nothing: one row that says so, with close names.
	run(":params {actor: \"Gaza\", min_confidence: 0.0}")
	openPage("allies-and-enemies", "Who backs the actor")
	wd.click(wd.waitElement("the query block's ▶", guideFrame+`?.querySelectorAll('pre.runnable')[2]?.querySelector('i')`))
	wd.waitJS("the row that says Gaza names no actor", resultFrame+`?.innerText.includes('No State, Organization or Leader is named "Gaza". Close names: Gaza Strip (Region)')`)
	shot("no-match", resultFrame)

	// More answers, for the pictures of the docs only.
	if shots != "" {
		for _, q := range []struct {
			name, params, page, want string
			table                    bool
		}{
			{"network", `:params {actor: "Rwanda", min_confidence: 0.0, limit: 100}`, "Everything within two relationships", "M23", false},
			{"timeline", `:params {name: "Gaza Strip", from: "1900-01-01", to: "2999-12-31"}`, "One row per event that took place", "Doha", false},
			// The sentences are the answer: the Table view.
			{"evidence", `:params {from: "M23", to: "Goma", type: "", limit: 200}`, "Each sentence that supports", "Goma", true},
		} {
			run(q.params)
			openPage(q.name, q.page)
			wd.click(wd.waitElement("the query block's ▶", guideFrame+`?.querySelectorAll('pre.runnable')[2]?.querySelector('i')`))
			wd.waitJS(q.name+"'s answer", resultFrame+`?.querySelector('svg .node') && Array.from(`+resultFrame[len("return "):]+`.querySelectorAll('svg .node')).some(n => n.textContent.includes(arguments[0]))`, q.want)
			if q.table {
				wd.click(wd.waitElement("the Table view", resultFrame+`?.querySelector('[data-testid="cypherFrameSidebarTable"]')`))
			}
			shot(q.name, resultFrame)
		}
	}

	// The pinned guide stays however many frames follow it.
	for i := 0; i < 16; i++ {
		run("RETURN " + strconv.Itoa(i) + " AS n")
	}
	wd.waitJS("the last of many frames", `return document.body.innerText.includes('RETURN 15 AS n')`)
	if wd.js(guideFrame) == nil {
		t.Error("the guide is gone after 16 more frames")
	}

	// The favorites: dropped on the window, one per query in the folder
	// geokg, each named by its query.
	wd.js(`const done = arguments[arguments.length - 1];
		fetch(arguments[0] + '/geokg-favorites.zip').then(r => r.blob()).then(blob => {
			const dt = new DataTransfer();
			dt.items.add(new File([blob], 'geokg-favorites.zip', {type: 'application/zip'}));
			const target = document.querySelector('.filedrop') || document.body;
			for (const type of ['dragenter', 'dragover', 'drop']) {
				target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));
			}
		})`, base)
	wd.click(wd.waitElement("the Favorites drawer", `return document.querySelector('li[title="Favorites"]')`))
	wd.click(wd.waitElement("the geokg folder", `return document.querySelector('[data-testid="expandFolder-geokg"]')`))
	names := wd.waitJS("the favorites of the geokg folder", `const got = Array.from(document.querySelectorAll('[data-testid="savedScriptListItem"]')).map(e => e.innerText.trim()); return got.length >= arguments[0] ? got : null`, len(lib.All()))
	if shots != "" {
		wd.screenshot(filepath.Join(shots, "favorites.png"))
	}
	seen := map[string]bool{}
	for _, n := range names.([]any) {
		seen[strings.Fields(n.(string))[0]] = true
	}
	for _, q := range lib.All() {
		if !seen[q.Name+":"] {
			t.Errorf("no favorite named %s: in %v", q.Name, names)
		}
	}
}
