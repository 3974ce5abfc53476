package graph

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// A sorter sorts records of a key and a payload by key, in a bounded
// amount of memory: records gather in one buffer, and when the buffer
// holds more than limit bytes it is sorted and written to a file (a run);
// each then merges the runs and what is left in the buffer. Keys are byte
// strings compared as such; the first glen bytes of a key name the group
// a record belongs to.
//
// A run is a sequence of records, each three unsigned varints (key
// length, group length, payload length), the key and the payload. The
// payloads are export lines already, so a run needs no encoding of its
// own, and reading it back allocates nothing per record: a
// length-prefixed record is read into a buffer the reader reuses.
type sorter struct {
	dir   string
	limit int64
	// The records' bytes are in blocks of blockSize (or one of its own
	// for a larger record): a buffer that grows by blocks is never
	// copied, and its blocks are reused after each run, so the heap holds
	// about limit bytes of them and no garbage.
	blocks [][]byte
	used   int   // blocks in use; the last of them is being filled
	size   int64 // bytes of records in the buffer, with their overhead
	recs   []sortRec
	runs   []string
	// Runs written so far, for the names of new ones.
	written int
	w       *bufio.Writer

	// A full buffer is sorted and written by a goroutine of its own while
	// the next one fills (pending is its result); its blocks and records
	// come back as the spare ones for the buffer after. So the sorter
	// holds up to twice limit bytes.
	pending     chan error
	spareBlocks [][]byte
	spareRecs   []sortRec
	bgW         *bufio.Writer
}

// sortRec is a record in the buffer: the key at off in its block, then
// the payload.
type sortRec struct {
	block, off       int32
	klen, glen, plen int32
}

// recOverhead is what a record costs beside its bytes: its sortRec.
const recOverhead = 20

// blockSize is the size of the buffer's blocks.
const blockSize = 1 << 20

// maxFanIn is how many runs are merged at once; more are first merged in
// groups into longer runs, so that a huge corpus does not open thousands
// of files, each with its read buffer.
const maxFanIn = 64

func newSorter(dir string, limit int64) *sorter {
	return &sorter{dir: dir, limit: limit}
}

// add appends a record; key[:glen] is its group.
func (s *sorter) add(key []byte, glen int, payload []byte) error {
	n := len(key) + len(payload)
	if s.used == 0 || len(s.blocks[s.used-1])+n > cap(s.blocks[s.used-1]) {
		if s.used == len(s.blocks) {
			s.blocks = append(s.blocks, make([]byte, 0, max(blockSize, n)))
		} else if cap(s.blocks[s.used]) < n {
			s.blocks[s.used] = make([]byte, 0, n)
		}
		s.used++
	}
	b := s.blocks[s.used-1]
	off := len(b)
	b = append(append(b, key...), payload...)
	s.blocks[s.used-1] = b
	s.recs = append(s.recs, sortRec{block: int32(s.used - 1), off: int32(off), klen: int32(len(key)), glen: int32(glen), plen: int32(len(payload))})
	s.size += int64(n) + recOverhead
	if s.size > s.limit {
		return s.flush()
	}
	return nil
}

// record is r's key, group length and payload.
func (s *sorter) record(r sortRec) (key []byte, glen int, payload []byte) {
	b := s.blocks[r.block]
	end := int(r.off + r.klen)
	return b[r.off:end], int(r.glen), b[end : end+int(r.plen)]
}

func (s *sorter) key(r sortRec) []byte {
	return s.blocks[r.block][r.off : r.off+r.klen]
}

// sortBuffer sorts the records in the buffer by key.
func (s *sorter) sortBuffer() {
	slices.SortFunc(s.recs, func(a, b sortRec) int { return bytes.Compare(s.key(a), s.key(b)) })
}

// flush hands the buffer to a goroutine that sorts it and writes it as a
// run, once the run before is written, and empties it. An error writing
// a run is returned by the next flush or by each.
func (s *sorter) flush() error {
	if len(s.recs) == 0 {
		return nil
	}
	if err := s.wait(); err != nil {
		return err
	}
	job := &sorter{blocks: s.blocks, used: s.used, recs: s.recs}
	path := s.nextRun()
	s.blocks, s.recs = s.spareBlocks, s.spareRecs[:0]
	s.used, s.size = 0, 0
	done := make(chan error, 1)
	s.pending = done
	go func() {
		job.sortBuffer()
		err := writeRunFile(path, &s.bgW, func(emit func(key []byte, glen int, payload []byte) error) error {
			for _, r := range job.recs {
				if err := emit(job.record(r)); err != nil {
					return err
				}
			}
			return nil
		})
		for i := range job.used {
			job.blocks[i] = job.blocks[i][:0]
		}
		s.spareBlocks, s.spareRecs = job.blocks, job.recs[:0]
		done <- err
	}()
	return nil
}

// wait waits for the run being written, if any, and returns its error.
func (s *sorter) wait() error {
	if s.pending == nil {
		return nil
	}
	err := <-s.pending
	s.pending = nil
	return err
}

// nextRun names a new run and counts it among the runs.
func (s *sorter) nextRun() string {
	path := filepath.Join(s.dir, fmt.Sprintf("run-%05d", s.written))
	s.written++
	s.runs = append(s.runs, path)
	return path
}

// writeRun writes the records that fill emits, in order, to a new run.
func (s *sorter) writeRun(fill func(emit func(key []byte, glen int, payload []byte) error) error) error {
	return writeRunFile(s.nextRun(), &s.w, fill)
}

// writeRunFile writes the records that fill emits to the run at path,
// through *bw (made at first use, reused after).
func writeRunFile(path string, bw **bufio.Writer, fill func(emit func(key []byte, glen int, payload []byte) error) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("sort run: %w", err)
	}
	if *bw == nil {
		*bw = bufio.NewWriterSize(f, 1<<20)
	}
	w := *bw
	w.Reset(f)
	var hdr [3 * binary.MaxVarintLen64]byte
	err = fill(func(key []byte, glen int, payload []byte) error {
		n := binary.PutUvarint(hdr[:], uint64(len(key)))
		n += binary.PutUvarint(hdr[n:], uint64(glen))
		n += binary.PutUvarint(hdr[n:], uint64(len(payload)))
		w.Write(hdr[:n])
		w.Write(key)
		_, err := w.Write(payload)
		return err
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sort run %s: %w", path, err)
	}
	return nil
}

// each calls fn with every record in key order. The slices are valid only
// during the call. The runs are removed as they are merged.
func (s *sorter) each(fn func(key []byte, glen int, payload []byte) error) error {
	if err := s.wait(); err != nil {
		return err
	}
	for len(s.runs) > maxFanIn {
		group := s.runs[:maxFanIn]
		rest := slices.Clone(s.runs[maxFanIn:])
		s.runs = nil
		err := s.writeRun(func(emit func(key []byte, glen int, payload []byte) error) error {
			return mergeRuns(group, nil, emit)
		})
		if err != nil {
			return err
		}
		s.runs = append(rest, s.runs...)
		if err := removeAll(group); err != nil {
			return err
		}
	}
	s.sortBuffer()
	err := mergeRuns(s.runs, s, fn)
	if rerr := removeAll(s.runs); err == nil {
		err = rerr
	}
	s.runs = nil
	return err
}

func removeAll(paths []string) error {
	var errs []error
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// mergeRuns calls fn with the records of the runs at paths and of mem's
// buffer (sorted; mem may be nil) in key order.
func mergeRuns(paths []string, mem *sorter, fn func(key []byte, glen int, payload []byte) error) error {
	var h cursorHeap
	defer func() {
		for _, c := range h.all {
			c.close()
		}
	}()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("sort run: %w", err)
		}
		h.all = append(h.all, &cursor{f: f, r: bufio.NewReaderSize(f, 1<<16), path: p})
	}
	if mem != nil && len(mem.recs) > 0 {
		h.all = append(h.all, &cursor{mem: mem})
	}
	for _, c := range h.all {
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			h.live = append(h.live, c)
		}
	}
	heap.Init(&h)
	for len(h.live) > 0 {
		c := h.live[0]
		if err := fn(c.key, c.glen, c.payload); err != nil {
			return err
		}
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

// A cursor reads the records of one run, or of a sorter's buffer.
type cursor struct {
	f    *os.File
	r    *bufio.Reader
	path string
	buf  []byte
	mem  *sorter
	i    int

	key, payload []byte
	glen         int
}

func (c *cursor) next() (bool, error) {
	if c.mem != nil {
		if c.i >= len(c.mem.recs) {
			return false, nil
		}
		c.key, c.glen, c.payload = c.mem.record(c.mem.recs[c.i])
		c.i++
		return true, nil
	}
	klen, err := binary.ReadUvarint(c.r)
	if err == io.EOF {
		return false, nil
	}
	glen, err2 := binary.ReadUvarint(c.r)
	plen, err3 := binary.ReadUvarint(c.r)
	if err := errors.Join(err, err2, err3); err != nil {
		return false, fmt.Errorf("sort run %s: %w", c.path, err)
	}
	n := int(klen + plen)
	if cap(c.buf) < n {
		c.buf = make([]byte, n, n+n/2)
	}
	c.buf = c.buf[:n]
	if _, err := io.ReadFull(c.r, c.buf); err != nil {
		return false, fmt.Errorf("sort run %s: %w", c.path, err)
	}
	c.key, c.glen, c.payload = c.buf[:klen], int(glen), c.buf[klen:]
	return true, nil
}

func (c *cursor) close() {
	if c.f != nil {
		c.f.Close()
	}
}

// cursorHeap orders the live cursors by their current key.
type cursorHeap struct {
	all  []*cursor
	live []*cursor
}

func (h *cursorHeap) Len() int           { return len(h.live) }
func (h *cursorHeap) Less(i, j int) bool { return bytes.Compare(h.live[i].key, h.live[j].key) < 0 }
func (h *cursorHeap) Swap(i, j int)      { h.live[i], h.live[j] = h.live[j], h.live[i] }
func (h *cursorHeap) Push(x any)         { h.live = append(h.live, x.(*cursor)) }
func (h *cursorHeap) Pop() any {
	c := h.live[len(h.live)-1]
	h.live = h.live[:len(h.live)-1]
	return c
}
