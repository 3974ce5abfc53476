package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer that a command writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// A server for Neo4j Browser that other machines can reach is warned
// about; one on loopback is not.
func TestBrowserWarnsOffLoopback(t *testing.T) {
	for _, tt := range []struct {
		addr string
		warn bool
	}{
		{"localhost:0", false},
		{"127.0.0.1:0", false},
		{"0.0.0.0:0", true},
		{":0", true},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		var out, errb syncBuffer
		done := make(chan int, 1)
		go func() {
			done <- run(ctx, []string{"geokg", "browser", "--addr", tt.addr}, strings.NewReader(""), &out, &errb)
		}()
		deadline := time.Now().Add(time.Minute)
		for !strings.Contains(out.String(), "Serving") && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("--addr %s: exit status %d; stderr:\n%s", tt.addr, code, errb.String())
		}
		if got := strings.Contains(errb.String(), "warning: listening on"); got != tt.warn {
			t.Errorf("--addr %s: warned %v, want %v; stderr:\n%s", tt.addr, got, tt.warn, errb.String())
		}
	}
}
