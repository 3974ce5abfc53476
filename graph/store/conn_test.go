package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestRedactURI(t *testing.T) {
	for in, want := range map[string]string{
		"bolt://127.0.0.1:7687":                "bolt://127.0.0.1:7687",
		"bolt://neo4j:s3cret@db:7687":          "bolt://neo4j:xxxxx@db:7687",
		"neo4j+s://me:s3cret@x.databases.io":   "neo4j+s://me:xxxxx@x.databases.io",
		"bolt://neo4j:s3cret@db:7687/%zz":      "bolt://xxxxx@db:7687/%zz", // does not parse
		"neo4j:s3cret@db:7687":                 "xxxxx@db:7687",            // no scheme
		"bolt://neo4j:p@ss:w@rd@db:7687/%zz%x": "bolt://xxxxx@db:7687/%zz%x",
	} {
		if got := RedactURI(in); got != want {
			t.Errorf("RedactURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestURICredentials(t *testing.T) {
	c, err := Config{URI: "bolt://alice:s3cret@db:7687", User: "neo4j", Password: "other"}.withURICredentials()
	if err != nil || c.URI != "bolt://db:7687" || c.User != "alice" || c.Password != "s3cret" {
		t.Errorf("got %+v, %v", c, err)
	}
	c, err = Config{URI: "neo4j://bob@db", User: "neo4j", Password: "kept"}.withURICredentials()
	if err != nil || c.URI != "neo4j://db" || c.User != "bob" || c.Password != "kept" {
		t.Errorf("user alone: got %+v, %v", c, err)
	}
	for _, uri := range []string{"http://alice:s3cret@db:7474", "db:7687", "bolt://alice:s3cret@db:7687/%zz"} {
		_, err := Config{URI: uri}.withURICredentials()
		if err == nil || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("%s: error %v, want one without the password", uri, err)
		}
	}
}

// Lost tells the ways a server fails as a whole apart, and says no more
// than happened: retries "ran out" only when they ran.
func TestLost(t *testing.T) {
	c := Config{URI: "bolt://neo4j:s3cret@db:7687", QueryTimeout: 90 * time.Second}
	for _, tt := range []struct {
		err  error
		want string // "" for nil
	}{
		{nil, ""},
		{context.Canceled, ""},
		{errors.New("Neo.ClientError.Statement.SyntaxError"), ""},
		{fmt.Errorf("write State: %w", context.DeadlineExceeded), "did not answer within 1m30s"},
		{errors.New("Timeout while reading from connection [server-side timeout hint: 0s, user-provided context deadline: 2025-01-01]: context deadline exceeded"), "did not answer within 1m30s"},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 30s)"}, "retries ran out (timeout (exceeded max retry time: 30s))"},
		{&neo4j.TransactionExecutionLimit{Cause: "too many failed connection attempts (allowed max 100)"}, "the server stopped or restarted"},
		{&neo4j.TransactionExecutionLimit{Cause: "context deadline exceeded", Errors: []error{errors.New("Neo.TransientError.General.DatabaseUnavailable")}}, "kept failing until the query timeout (1m30s) ran out"},
		{&neo4j.ConnectivityError{Inner: errors.New("read tcp: connection reset by peer")}, "lost the connection to Neo4j at bolt://neo4j:xxxxx@db:7687"},
	} {
		got := c.Lost(tt.err)
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("Lost(%v) = %v, want nil", tt.err, got)
		case tt.want != "" && (got == nil || !strings.Contains(got.Error(), tt.want)):
			t.Errorf("Lost(%v) = %v, want it to say %q", tt.err, got, tt.want)
		case got != nil && strings.Contains(got.Error(), "s3cret"):
			t.Errorf("Lost(%v) = %v shows the password", tt.err, got)
		}
		if tt.want != "" && !strings.Contains(tt.want, "retries ran out") && got != nil && strings.Contains(got.Error(), "retries ran out") {
			t.Errorf("Lost(%v) = %v says retries ran out", tt.err, got)
		}
	}
}
