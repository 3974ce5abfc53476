//go:build !unix

package neo4jtest

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// lock creates path exclusively, waiting at most wait for another process
// to remove it. Unlike flock, a crashed process leaves the file behind;
// delete it by hand then.
func lock(path string, wait time.Duration) (unlock func(), err error) {
	deadline := time.Now().Add(wait)
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("another test process held the database lock %s for more than %v (delete it if no test runs)", path, wait)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
