package curate

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Header starts a new curation file.
const Header = `# geokg curation file: analysts' corrections to the extracted graph.
# One entry a line: the verb, then key=value pairs (values with spaces in
# double quotes). geokg applies the entries in order at extraction and at
# load, and "geokg curate apply" applies them to a graph in Neo4j. Write
# entries with "geokg curate merge|rename|relabel|reject|add|role"; lines
# edited by hand are checked the same way ("geokg curate list").
`

// Read reads the entries of a curation file from r; name is the file's
// name in errors. A line that is not a valid entry fails the whole file,
// with name:line and the reason, so that nothing is applied in part.
func Read(r io.Reader, name string) (*Set, error) {
	var entries []*Entry
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := ParseLine(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		e.Line = n
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewSet(name, entries)
}

// Load reads the curation file at path (see Read).
func Load(path string) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("curation file: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// LoadOrEmpty is Load, with an empty set when the file does not exist
// yet: the first entry creates it.
func LoadOrEmpty(path string) (*Set, error) {
	s, err := Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewSet(path, nil)
	}
	return s, err
}

// Record adds e at the end of the curation file at path, creating the
// file (with Header) when it does not exist. The file is read first: a
// file with a bad line is refused, and so is an entry that has nothing to
// act on after the entries before it (merging two nodes that are one
// already), or whose id is taken. e gets its id when it has none.
func Record(path string, e *Entry) (*Set, error) {
	if err := e.Check(); err != nil {
		return nil, err
	}
	if e.ID == "" {
		e.ID = e.NewID()
	}
	old, err := LoadOrEmpty(path)
	if err != nil {
		return nil, err
	}
	s, err := NewSet(path, append(append([]*Entry(nil), old.Entries...), e))
	if err != nil {
		return nil, err
	}
	if why, ok := s.idle[len(s.Entries)-1]; ok {
		return nil, fmt.Errorf("%s: nothing to do: %s", e.Verb, why)
	}
	if err := s.conflicts(len(s.Entries) - 1); err != nil {
		return nil, err
	}
	line := e.String() + "\n"
	existing, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		line = Header + line
	case err != nil:
		return nil, fmt.Errorf("curation file: %w", err)
	case len(existing) > 0 && !bytes.HasSuffix(existing, []byte("\n")):
		line = "\n" + line
	}
	// One write in append mode: another writer's entry is not lost.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("curation file: %w", err)
	}
	if _, err := f.WriteString(line); err != nil {
		f.Close()
		return nil, fmt.Errorf("curation file %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("curation file %s: %w", path, err)
	}
	e.Line = strings.Count(string(existing), "\n") + strings.Count(line, "\n")
	return s, nil
}

// conflicts refuses an entry that would act on a node or relationship
// that earlier entries rejected.
func (s *Set) conflicts(i int) error {
	e := s.Entries[i]
	rejected := func(id string) error {
		before, _ := NewSet(s.Path, s.Entries[:i])
		f := before.resolve(id)
		if j, ok := before.rejected[f]; ok {
			return fmt.Errorf("%s: %s is rejected (entry %s, line %d); undo that entry first", e.Verb, id, s.Entries[j].ID, s.Entries[j].Line)
		}
		return nil
	}
	var ids []string
	switch e.Verb {
	case Merge:
		ids = []string{e.Node, e.Into}
	case Rename, Relabel:
		ids = []string{e.Node}
	case Add, Role:
		ids = []string{e.From, e.To}
	case Reject:
		if e.Node != "" {
			before, _ := NewSet(s.Path, s.Entries[:i])
			if j, ok := before.rejected[before.resolve(e.Node)]; ok {
				return fmt.Errorf("reject: %s is rejected already (entry %s)", e.Node, s.Entries[j].ID)
			}
		}
	}
	for _, id := range ids {
		if err := rejected(id); err != nil {
			return err
		}
	}
	return nil
}

// Remove takes the entries with the given ids (or unique prefixes of at
// least 4 digits) out of the curation file at path, keeping every other
// line as it is, and returns them. The file is replaced whole (a new file
// renamed over it), so a reader never sees half of it.
func Remove(path string, ids []string) ([]*Entry, error) {
	s, err := Load(path)
	if err != nil {
		return nil, err
	}
	drop := map[int]*Entry{}
	var out []*Entry
	for _, id := range ids {
		var match []*Entry
		for _, e := range s.Entries {
			if e.ID == id || (len(id) >= 4 && strings.HasPrefix(e.ID, id)) {
				match = append(match, e)
			}
		}
		switch len(match) {
		case 0:
			return nil, fmt.Errorf("%s: no entry %q (geokg curate list shows the ids)", path, id)
		case 1:
		default:
			return nil, fmt.Errorf("%s: %q is the start of %d entry ids; give more of it", path, id, len(match))
		}
		if drop[match[0].Line] == nil {
			drop[match[0].Line] = match[0]
			out = append(out, match[0])
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("curation file: %w", err)
	}
	var b bytes.Buffer
	for i, line := range strings.SplitAfter(string(raw), "\n") {
		if drop[i+1] == nil {
			b.WriteString(line)
		}
	}
	if err := replaceFile(path, b.Bytes()); err != nil {
		return nil, err
	}
	return out, nil
}

func replaceFile(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("curation file: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, mode)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("curation file %s: %w", path, err)
	}
	return nil
}
