package queries

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// webDriver is a W3C WebDriver session of a headless Chromium, driven
// through chromedriver: just the commands an analyst's clicks need.
type webDriver struct {
	t       testing.TB
	base    string // http://127.0.0.1:PORT/session/ID
	timeout time.Duration
}

// chromiumFlags are what Chromium needs on a machine without a display,
// sandbox or outside network: without the networking flags it keeps
// trying to reach Google's hosts.
var chromiumFlags = []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
	"--window-size=1500,1100", "--lang=en-US"}

// startChromium starts chromedriver and a Chromium session with a fresh
// profile; both end with the test.
func startChromium(t testing.TB, chromium, chromedriver string) *webDriver {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var log bytes.Buffer
	cmd := exec.Command(chromedriver, "--port="+strconv.Itoa(port))
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", chromedriver, err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	root := "http://127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(root + "/status")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("chromedriver did not answer: %v\n%s", err, log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	profile := t.TempDir()
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]any{
			"binary": chromium,
			"args":   append([]string{"--user-data-dir=" + profile}, chromiumFlags...),
		},
	}}}
	var created struct {
		SessionID string `json:"sessionId"`
	}
	if err := call(http.MethodPost, root+"/session", caps, &created); err != nil {
		t.Fatalf("start Chromium: %v\n%s", err, log.String())
	}
	wd := &webDriver{t: t, base: root + "/session/" + created.SessionID, timeout: 30 * time.Second}
	t.Cleanup(func() { call(http.MethodDelete, wd.base, nil, nil) })
	return wd
}

// call sends one WebDriver command and decodes its value into out.
func call(method, url string, body, out any) error {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return fmt.Errorf("%s %s: %s: %w", method, url, resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error, Message string
		}
		json.Unmarshal(env.Value, &e)
		return fmt.Errorf("%s: %s", e.Error, firstLine(e.Message))
	}
	if out != nil {
		return json.Unmarshal(env.Value, out)
	}
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func (wd *webDriver) do(method, path string, body, out any) {
	wd.t.Helper()
	if err := call(method, wd.base+path, body, out); err != nil {
		wd.t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
}

// open loads url in the window.
func (wd *webDriver) open(url string) {
	wd.t.Helper()
	wd.do(http.MethodPost, "/url", map[string]any{"url": url}, nil)
}

// js runs script in the page with args (available as arguments[i]) and
// returns its result.
func (wd *webDriver) js(script string, args ...any) any {
	wd.t.Helper()
	if args == nil {
		args = []any{}
	}
	var out any
	wd.do(http.MethodPost, "/execute/sync", map[string]any{"script": script, "args": args}, &out)
	return out
}

// waitJS waits until script returns a truthy value, and returns it.
func (wd *webDriver) waitJS(what, script string, args ...any) any {
	wd.t.Helper()
	deadline := time.Now().Add(wd.timeout)
	for {
		v := wd.js(script, args...)
		if truthy(v) {
			return v
		}
		if time.Now().After(deadline) {
			wd.giveUp("timed out waiting for " + what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// truthy reports whether a script's result is true as JavaScript counts
// it.
func truthy(v any) bool {
	return v != nil && v != false && v != "" && v != float64(0)
}

// giveUp fails the test with why, after a picture of the page.
func (wd *webDriver) giveUp(why string) {
	wd.t.Helper()
	wd.screenshot(os.TempDir() + "/geokg-browser-failure.png")
	wd.t.Fatalf("%s (a picture of the page: %s/geokg-browser-failure.png)", why, os.TempDir())
}

// clickUntil clicks the element find returns until done holds: a page
// still settling may take a click without acting on it, and asking again
// is what a user does.
func (wd *webDriver) clickUntil(what, find, done string, args ...any) {
	wd.t.Helper()
	deadline := time.Now().Add(wd.timeout)
	for {
		wd.click(wd.waitElement(what, find))
		for retry := time.Now().Add(5 * time.Second); time.Now().Before(retry); time.Sleep(200 * time.Millisecond) {
			if truthy(wd.js(done, args...)) {
				return
			}
		}
		if time.Now().After(deadline) {
			wd.giveUp("clicking " + what + " did nothing")
		}
	}
}

// keys types text into the focused element; "\uE007" is Enter.
func (wd *webDriver) keys(text string) {
	wd.t.Helper()
	var actions []map[string]any
	for _, r := range text {
		actions = append(actions, map[string]any{"type": "keyDown", "value": string(r)}, map[string]any{"type": "keyUp", "value": string(r)})
	}
	wd.do(http.MethodPost, "/actions", map[string]any{"actions": []any{map[string]any{"type": "key", "id": "keyboard", "actions": actions}}}, nil)
}

// chord presses modifier (such as "\uE009", Control) with key.
func (wd *webDriver) chord(modifier, key string) {
	wd.t.Helper()
	actions := []map[string]any{
		{"type": "keyDown", "value": modifier}, {"type": "keyDown", "value": key},
		{"type": "keyUp", "value": key}, {"type": "keyUp", "value": modifier},
	}
	wd.do(http.MethodPost, "/actions", map[string]any{"actions": []any{map[string]any{"type": "key", "id": "keyboard", "actions": actions}}}, nil)
}

// screenshot saves a PNG of the window at path.
func (wd *webDriver) screenshot(path string) {
	var b64 string
	if err := call(http.MethodGet, wd.base+"/screenshot", nil, &b64); err != nil {
		wd.t.Logf("screenshot: %v", err)
		return
	}
	png, err := base64.StdEncoding.DecodeString(b64)
	if err == nil {
		err = os.WriteFile(path, png, 0o644)
	}
	if err != nil {
		wd.t.Logf("screenshot %s: %v", path, err)
	}
}

// element is a WebDriver element reference.
type element map[string]string

// waitElement waits until script returns an element, and returns it.
func (wd *webDriver) waitElement(what, script string, args ...any) element {
	wd.t.Helper()
	v := wd.waitJS(what, script, args...)
	m, ok := v.(map[string]any)
	if !ok {
		wd.t.Fatalf("%s: the script returned %v, not an element", what, v)
	}
	el := element{}
	for k, x := range m {
		el[k] = fmt.Sprint(x)
	}
	return el
}

func (el element) id() string {
	for _, v := range el {
		return v
	}
	return ""
}

// click clicks el with the mouse, as a user does.
func (wd *webDriver) click(el element) {
	wd.t.Helper()
	// An element Browser has just drawn may still be sliding or fading in:
	// WebDriver calls it not interactable, or says another element would
	// receive the click, until it settles.
	path := "/element/" + el.id() + "/click"
	deadline := time.Now().Add(wd.timeout)
	for {
		err := call(http.MethodPost, wd.base+path, map[string]any{}, nil)
		if err == nil {
			return
		}
		settling := strings.Contains(err.Error(), "not interactable") || strings.Contains(err.Error(), "click intercepted")
		if !settling || time.Now().After(deadline) {
			wd.t.Fatalf("webdriver POST %s: %v", path, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// typeInto types text into the input el.
func (wd *webDriver) typeInto(el element, text string) {
	wd.t.Helper()
	wd.do(http.MethodPost, "/element/"+el.id()+"/value", map[string]any{"text": text}, nil)
}

// screenshotOf saves a PNG of the element el at path.
func (wd *webDriver) screenshotOf(el element, path string) {
	wd.t.Helper()
	var b64 string
	wd.do(http.MethodGet, "/element/"+el.id()+"/screenshot", nil, &b64)
	png, err := base64.StdEncoding.DecodeString(b64)
	if err == nil {
		err = os.WriteFile(path, png, 0o644)
	}
	if err != nil {
		wd.t.Fatalf("screenshot %s: %v", path, err)
	}
}
