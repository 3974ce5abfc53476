package main

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/internal/neo4jtest"
)

// silentServer is a port that accepts connections and never answers, like
// a stuck server or another service: it returns its address.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var held []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range held {
			c.Close()
		}
		mu.Unlock()
	})
	return ln.Addr().String()
}

// stallProxy forwards connections to a server until stall is called; from
// then on it passes nothing either way and answers no new connection, as
// a server stopped with SIGSTOP would.
type stallProxy struct {
	ln      net.Listener
	target  string
	stalled chan struct{}
	closed  chan struct{}
	once    sync.Once
}

func newStallProxy(t *testing.T, target string) *stallProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &stallProxy{ln: ln, target: target, stalled: make(chan struct{}), closed: make(chan struct{})}
	var conns []net.Conn
	var mu sync.Mutex
	keep := func(c net.Conn) {
		mu.Lock()
		conns = append(conns, c)
		mu.Unlock()
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			keep(c)
			select {
			case <-p.stalled:
				continue
			default:
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			keep(up)
			go p.pipe(up, c)
			go p.pipe(c, up)
		}
	}()
	t.Cleanup(func() {
		close(p.closed)
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return p
}

func (p *stallProxy) pipe(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		select {
		case <-p.stalled:
			<-p.closed
			return
		default:
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (p *stallProxy) stall() { p.once.Do(func() { close(p.stalled) }) }

func (p *stallProxy) uri() string { return "bolt://" + p.ln.Addr().String() }

// A server that accepts and never answers gives every database command
// exit status 2 and one line naming the timeout, within it.
func TestSilentServer(t *testing.T) {
	addr := silentServer(t)
	const secret = "silent-secret-Zk4"
	in := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(in, []byte("Qatar hosted talks between Mali and Algeria in Doha.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(t.TempDir(), "a.jsonl")
	var out, errb bytes.Buffer
	if code := run(t.Context(), []string{"geokg", "extract", in}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, errb.String())
	}
	if err := os.WriteFile(export, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"ping"},
		{"ingest", in},
		{"load", export},
		{"schema", "apply"},
		{"export", "--from-db"},
		{"query", "run", "mediators", "-p", "a=Mali", "-p", "b=Algeria"},
	}
	for _, scheme := range []string{"bolt", "neo4j", "bolt+s", "neo4j+ssc"} {
		for _, args := range commands {
			if scheme != "bolt" && args[0] != "ping" {
				continue
			}
			uri := scheme + "://" + addr
			args := append(args, "--uri", uri, "--connect-timeout", "500ms")
			start := time.Now()
			stdout, stderr, code := connRun(t, map[string]string{"NEO4J_PASSWORD": secret}, args...)
			took := time.Since(start)
			what := strings.Join(args, " ")
			if code != 2 {
				t.Errorf("%s: exit status %d, want 2; stderr:\n%s", what, code, stderr)
			}
			if stdout != "" {
				t.Errorf("%s: stdout %q, want nothing", what, stdout)
			}
			checkOneLine(t, stderr, secret)
			if !strings.Contains(stderr, "no answer within 500ms") {
				t.Errorf("%s: stderr %q does not name the timeout", what, stderr)
			}
			// The limit is 500ms; a busy machine may add some, never a hang.
			if took > 20*time.Second {
				t.Errorf("%s: took %s with a 500ms connect timeout", what, took)
			}
		}
	}
}

func TestTimeoutFlags(t *testing.T) {
	for _, args := range [][]string{
		{"ping", "--connect-timeout", "0s"},
		{"ping", "--query-timeout", "-1s"},
		{"ping", "--connect-timeout", "soon"},
	} {
		_, stderr, code := connRun(t, nil, args...)
		if code != 2 {
			t.Errorf("%s: exit status %d, want 2", strings.Join(args, " "), code)
		}
		if strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: stderr, want one line:\n%s", strings.Join(args, " "), stderr)
		}
	}
	// The environment sets them too.
	addr := silentServer(t)
	_, stderr, code := connRun(t, map[string]string{"NEO4J_URI": "bolt://" + addr, "NEO4J_CONNECT_TIMEOUT": "500ms"}, "ping")
	if code != 2 || !strings.Contains(stderr, "no answer within 500ms") {
		t.Errorf("NEO4J_CONNECT_TIMEOUT=500ms: exit %d, stderr %q", code, stderr)
	}
}

// A password written into the URI is used, and never printed.
func TestPasswordInURI(t *testing.T) {
	const secret = "uri-secret-Pq9"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	for _, uri := range []string{
		"bolt://neo4j:" + secret + "@127.0.0.1:" + strconv.Itoa(port),
		"bolt://neo4j:" + secret + "@127.0.0.1:" + strconv.Itoa(port) + "/%zz", // does not parse
		"http://neo4j:" + secret + "@127.0.0.1:" + strconv.Itoa(port),          // wrong scheme
	} {
		_, stderr, code := connRun(t, nil, "ping", "--uri", uri)
		if code != 2 {
			t.Errorf("exit status %d, want 2", code)
		}
		checkOneLine(t, stderr, secret)
	}

	db := neo4jtest.DB(t)
	host := strings.TrimPrefix(db.Config.URI, "bolt://")
	if host == db.Config.URI {
		t.Skipf("test server %s is not a bolt:// address", db.Config.URI)
	}
	stdout, stderr, code := connRun(t, nil, "ping", "--uri", "bolt://"+db.Config.User+":"+db.Config.Password+"@"+host)
	if code != 0 {
		t.Fatalf("ping with the password in the URI: exit %d\n%s", code, stderr)
	}
	if strings.Contains(stdout+stderr, db.Config.Password) {
		t.Errorf("the password is printed:\n%s%s", stdout, stderr)
	}
	wrong := "not-" + db.Config.Password
	_, stderr, code = connRun(t, map[string]string{"NEO4J_PASSWORD": db.Config.Password}, "ping", "--uri", "bolt://"+db.Config.User+":"+wrong+"@"+host)
	if code != 2 || !strings.Contains(stderr, "authentication failed") {
		t.Errorf("a wrong password in the URI: exit %d, stderr %q; want the URI's password used, and refused", code, stderr)
	}
	checkOneLine(t, stderr, wrong, db.Config.Password)

	// No password at all says so.
	_, stderr, code = connRun(t, nil, "ping", "--uri", db.Config.URI)
	if code != 2 || !strings.Contains(stderr, "no password given") {
		t.Errorf("no password: exit %d, stderr %q", code, stderr)
	}
}

func TestPasswordFileChecks(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\nsecond line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := connRun(t, nil, "ping", "--password-file", empty)
	if code != 2 || !strings.Contains(stderr, "is empty") {
		t.Errorf("empty password file: exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = connRun(t, nil, "ping", "--password-file", dir)
	if code != 2 || !strings.Contains(stderr, "is a directory") {
		t.Errorf("a directory as password file: exit %d, stderr %q", code, stderr)
	}

	open := filepath.Join(dir, "open")
	if err := os.WriteFile(open, []byte("open-secret-Wn3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(open, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	addr := silentServer(t)
	_, stderr, code = connRun(t, nil, "ping", "--uri", "bolt://"+addr, "--connect-timeout", "200ms", "--password-file", open)
	if code != 2 || !strings.Contains(stderr, "warning: password file "+open+" can be read by other users (mode 0644)") {
		t.Errorf("a password file others can read: exit %d, stderr %q", code, stderr)
	}
	if strings.Contains(stderr, "open-secret-Wn3") {
		t.Errorf("the password is printed: %s", stderr)
	}
	if err := os.Chmod(open, 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, _ = connRun(t, nil, "ping", "--uri", "bolt://"+addr, "--connect-timeout", "200ms", "--password-file", open)
	if strings.Contains(stderr, "warning") {
		t.Errorf("a private password file is warned about: %s", stderr)
	}
}

// exitStatus is the exit status of a finished command, or -1 when it was
// killed by a signal.
func exitStatus(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// A server that stops answering in the middle of an ingest ends it with
// exit status 2 and one line naming the query timeout; SIGINT and SIGTERM
// end it at once, with their own exit statuses, even then.
func TestServerStallsMidIngest(t *testing.T) {
	db := neo4jtest.DB(t)
	host := strings.TrimPrefix(db.Config.URI, "bolt://")
	if host == db.Config.URI {
		t.Skipf("test server %s is not a bolt:// address", db.Config.URI)
	}
	in := synthArticles(t, 21, 400)
	// The server plans the loader's queries once: on a busy machine the
	// first transaction into a cold server can take longer than the
	// short timeout below.
	if _, stderr, code := geokgDB(t, db, "ingest", synthArticles(t, 20, 5)); code != 0 {
		t.Fatalf("warm-up ingest: exit %d\n%s", code, stderr)
	}

	for _, tc := range []struct {
		name   string
		signal os.Signal // nil: wait for the query timeout
		code   int
		say    string
	}{
		{"query timeout", nil, 2, "did not answer within 20s"},
		{"SIGINT", os.Interrupt, 130, "interrupted; run the same command again"},
		{"SIGTERM", syscall.SIGTERM, 143, "interrupted; run the same command again"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			neo4jtest.Reset(t, db)
			p := newStallProxy(t, host)
			// Long enough that a busy machine does not end the run
			// before the stall.
			timeout := "20s"
			if tc.signal != nil {
				timeout = "10m"
			}
			cmd := geokgCommand(t, db, "ingest", "--uri", p.uri(), "--query-timeout", timeout, "--batch-size", "1", "--workers", "1", in)
			var errb syncBuffer
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			t.Cleanup(func() {
				cmd.Process.Kill()
				if t.Failed() {
					t.Logf("geokg ingest:\n%s", errb.String())
				}
			})
			for countArticleNodes(t, db) < 10 {
				select {
				case err := <-exited:
					t.Fatalf("the ingest ended before the stall: %v", err)
				case <-time.After(20 * time.Millisecond):
				}
			}
			p.stall()
			start := time.Now()
			if tc.signal != nil {
				time.Sleep(200 * time.Millisecond) // into the stalled transaction
				start = time.Now()
				cmd.Process.Signal(tc.signal)
			}
			code := exitStatus(<-exited)
			took := time.Since(start)
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, errb.String())
			}
			if !strings.Contains(errb.String(), tc.say) {
				t.Errorf("stderr does not say %q:\n%s", tc.say, errb.String())
			}
			if !strings.Contains(errb.String(), "geokg ingest: ") {
				t.Errorf("no summary:\n%s", errb.String())
			}
			if limit := 60 * time.Second; took > limit {
				t.Errorf("took %s to end after the stall", took)
			}
			t.Logf("ended %s after the stall (signal %v):\n%s", took.Round(10*time.Millisecond), tc.signal, errb.String())
		})
	}
}

// An interrupted extract leaves whole articles on its output: a prefix of
// the uninterrupted output that ends where an article ends.
func TestExtractInterrupted(t *testing.T) {
	in := synthArticles(t, 22, 1000)
	var full, errb bytes.Buffer
	if code := run(t.Context(), []string{"geokg", "extract", "--workers", "1", in}, strings.NewReader(""), &full, &errb); code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, errb.String())
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(exe, "extract", "--workers", "1", in)
		cmd.Env = append(os.Environ(), "GEOKG_TEST_MAIN=1")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		first := make([]byte, 1)
		if _, err := io.ReadFull(stdout, first); err != nil {
			t.Fatal(err)
		}
		got.Write(first)
		cmd.Process.Signal(sig)
		io.Copy(&got, stdout)
		code := exitStatus(cmd.Wait())
		want := 130
		if sig == syscall.SIGTERM {
			want = 143
		}
		if code != want {
			t.Errorf("%v: exit status %d, want %d; stderr:\n%s", sig, code, want, errb.String())
		}
		if got.Len() == full.Len() {
			t.Fatalf("%v: the extract ended before the signal; the test needs a larger input", sig)
		}
		if !bytes.HasPrefix(full.Bytes(), got.Bytes()) {
			t.Fatalf("%v: the output is not a prefix of the uninterrupted one", sig)
		}
		rest := full.Bytes()[got.Len():]
		if !bytes.HasPrefix(rest, []byte(`{"type":"node","id":"article:`)) {
			t.Errorf("%v: the output stops inside an article; the next line would be:\n%.200s", sig, rest)
		}
		t.Logf("%v: %d of %d bytes written", sig, got.Len(), full.Len())
	}
}
