package ingest

import "testing"

func TestRecentForgetsTheOldest(t *testing.T) {
	r := newRecent(3)
	steps := []struct {
		key  uint64
		seen bool
	}{
		{1, false}, {2, false}, {3, false},
		{1, true},  // still among the last three
		{4, false}, // 1 goes
		{1, false}, // forgotten, so new again; 2 goes
		{3, true}, {4, true}, {2, false},
	}
	for i, s := range steps {
		if got := r.add(s.key); got != s.seen {
			t.Errorf("step %d: add(%d) = %v, want %v", i, s.key, got, s.seen)
		}
		if len(r.in) > 3 || len(r.ring) > 3 {
			t.Fatalf("step %d: holds %d keys and a ring of %d, more than 3", i, len(r.in), len(r.ring))
		}
	}
}
