package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/source"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// curationFlag is --curation: the analysts' corrections applied by every
// command that extracts or loads.
func curationFlag() cli.Flag {
	return &cli.StringFlag{Name: "curation", EnvVars: []string{"GEOKG_CURATION"}, Category: "Curation",
		Usage: "apply the analysts' corrections of the curation `FILE` (see geokg curate)"}
}

// curationFileFlag is --curation for the curate commands: the file they
// work on.
func curationFileFlag() cli.Flag {
	return &cli.StringFlag{Name: "curation", EnvVars: []string{"GEOKG_CURATION"},
		Usage: "the curation `FILE`: analysts' corrections, one entry a line (required)"}
}

// loadCuration reads the curation file named by --curation or
// $GEOKG_CURATION, or returns nil when none is named. A file that cannot
// be read or has a bad line is a usage error: nothing runs with half of it.
func loadCuration(c *cli.Context) (*curate.Set, error) {
	path := c.String("curation")
	if path == "" {
		return nil, nil
	}
	s, err := curate.Load(path)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return s, nil
}

// curationPath is the curation file a curate command works on.
func curationPath(c *cli.Context) (string, error) {
	if p := c.String("curation"); p != "" {
		return p, nil
	}
	return "", usageError("curate %s: no curation file: give --curation FILE or set GEOKG_CURATION", c.Command.Name)
}

// openCuration reads the curation file a curate command works on.
func openCuration(c *cli.Context) (*curate.Set, error) {
	path, err := curationPath(c)
	if err != nil {
		return nil, err
	}
	s, err := curate.Load(path)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return s, nil
}

// correctDB brings the graph in Neo4j in line with s. With withdraw, it
// also reads everything an earlier correction marked, to take back what
// entries since removed had done: that reads every relationship of the
// graph, so only curate apply does it; otherwise the work is in
// proportion to the entries, whatever the size of the graph.
func correctDB(ctx context.Context, db *store.DB, s *curate.Set, write, withdraw bool) (store.CorrectStats, error) {
	moved, touched, rels := s.Scope()
	scope := store.Scope{Moved: moved, Touched: touched, Rels: rels}
	if withdraw {
		scope.Mark = curate.PropCuration
	}
	return db.Correct(ctx, scope, s.Correct, write)
}

// curationSummary is what correcting the graph by the curation file did
// at the end of the run.
type curationSummary struct {
	File    string `json:"file"`
	Entries int    `json:"entries"`
	store.CorrectStats
}

// correct brings the graph in line with the curation file, when there is
// one: articles skipped as loaded before, and entries recorded since, are
// corrected too.
func (s *summary) correct(ctx context.Context, db *store.DB, cur *curate.Set) error {
	if cur == nil {
		return nil
	}
	st, err := correctDB(ctx, db, cur, true, false)
	if err != nil {
		return err
	}
	s.Curation = &curationSummary{File: cur.Path, Entries: len(cur.Entries), CorrectStats: st}
	return nil
}

func curateCommand() *cli.Command {
	return &cli.Command{
		Name:  "curate",
		Usage: "record analysts' corrections (merge, rename, relabel, reject, add, role) and apply them",
		Description: `An extractor is never perfect. geokg curate records corrections in a curation
file, a plain text file of one entry a line (verb, then key=value pairs,
with who made it, when and why) that reads well in a diff and belongs in
version control. Name it with --curation FILE or GEOKG_CURATION.

The corrections apply wherever a graph is made: geokg extract, export,
ingest and load correct every article's graph after extraction (so a
re-import, a --force reload or a rebuild from scratch ends with the same
corrected graph, and a rejected fact does not come back from new
articles), and "geokg curate apply" corrects a graph already in Neo4j
without reading the articles again. Nodes and relationships that analysts
changed or added carry the ids of the entries (property curation) and their
notes (curation_notes).

Nodes are named by their id, as Neo4j shows it (state:russia, org:m23,
leader:nikol-pashinyan, event:1f570f0b8344366c). An entry acts on the graph
as the entries before it left it: after "rename state:drc ...", the old id
still names the renamed node.

Examples:
  export GEOKG_CURATION=~/geokg/curation.txt
  geokg curate merge org:march-23-movement org:m23 --name M23 --kind armed_group --why "the group's usual name"
  geokg curate rename state:drc "Democratic Republic of the Congo" --why "canonical name"
  geokg curate relabel region:kosovo State --why "a partially recognised state"
  geokg curate relabel org:wagner-group --kind armed_group --why "a private army, not a company"
  geokg curate reject leader:john-smith --why "a reporter's byline, not a leader"
  geokg curate reject state:russia MEDIATES event:1f570f0b8344366c --why "Russia was a side"
  geokg curate add state:qatar MEDIATES event:1f570f0b8344366c --why "hosted the talks (ministry statement, 3 May)"
  geokg curate role leader:jane-doe state:ruritania "Foreign Minister" --why "appointed on 2 May"
  geokg curate list
  geokg curate undo 5c1e0a7b
  geokg curate check /data/news/
  geokg curate apply`,
		Subcommands: []*cli.Command{
			curateMergeCommand(), curateRenameCommand(), curateRelabelCommand(), curateRejectCommand(),
			curateAddCommand(), curateRoleCommand(),
			curateListCommand(), curateUndoCommand(), curateCheckCommand(), curateApplyCommand(),
		},
	}
}

// recordFlags are the flags of every command that records an entry.
func recordFlags(more ...cli.Flag) []cli.Flag {
	return append([]cli.Flag{
		curationFileFlag(),
		&cli.StringFlag{Name: "why", Usage: "the reason, kept with the entry (required); for add and role, the note shown beside the evidence"},
		&cli.StringFlag{Name: "by", EnvVars: []string{"GEOKG_ANALYST"}, Usage: "who makes the correction (default: the login name)"},
	}, more...)
}

// newEntry starts an entry from the common flags.
func newEntry(c *cli.Context, verb curate.Verb) (*curate.Entry, error) {
	why := strings.TrimSpace(c.String("why"))
	if why == "" {
		return nil, usageError("curate %s: say why with --why \"...\" (kept with the entry)", verb)
	}
	by := c.String("by")
	if by == "" {
		if u, err := user.Current(); err == nil {
			by = u.Username
		}
	}
	if by == "" {
		return nil, usageError("curate %s: say who makes the correction with --by NAME or GEOKG_ANALYST", verb)
	}
	return &curate.Entry{Verb: verb, By: by, Why: why, At: time.Now().UTC().Truncate(time.Second)}, nil
}

// record writes e to the curation file and says what was done.
func record(c *cli.Context, e *curate.Entry) error {
	path, err := curationPath(c)
	if err != nil {
		return err
	}
	if err := e.Check(); err != nil {
		return usageError("curate %v", err)
	}
	if _, err := curate.Record(path, e); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return &exitError{code: 1, err: err}
		}
		return usageError("curate %v", err)
	}
	fmt.Fprintf(c.App.Writer, "%s:%d: %s %s %s\n", path, e.Line, e.ID, e.Verb, e.Summary())
	if onTerminal(c.App.ErrWriter) {
		fmt.Fprintln(c.App.ErrWriter, "geokg: recorded; extract, export, ingest and load apply it; geokg curate apply corrects the graph in Neo4j now")
	}
	return nil
}

func onTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// args checks the number of arguments of a curate command.
func args(c *cli.Context, min, max int, usage string) ([]string, error) {
	if c.NArg() < min || c.NArg() > max {
		return nil, usageError("curate %s: want %s", c.Command.Name, usage)
	}
	return c.Args().Slice(), nil
}

func curateMergeCommand() *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge a node into another: its name becomes an alias, its relationships move",
		ArgsUsage: "NODE INTO",
		Description: `NODE becomes part of INTO: every relationship of NODE moves to INTO (with
its sources and evidence, merged with those INTO has already), NODE's name
and aliases become aliases of INTO, and NODE is gone. Relationships between
the two vanish. INTO keeps its name (--name) and, for an organization, its
kind (--kind); without them geokg reads them from Neo4j.
The duplicates query (geokg query run duplicates) prints this command for
each pair it finds.

Examples:
  geokg curate merge org:march-23-movement org:m23 --why "the long form of M23"
  geokg curate merge region:palestine state:palestine --name Palestine --why "one actor"`,
		Flags: append(recordFlags(
			&cli.StringFlag{Name: "name", Usage: "the kept node's canonical name (default: its name in Neo4j)"},
			&cli.StringFlag{Name: "kind", Usage: "the kept organization's kind, or region's (default: its kind in Neo4j)"},
		), connFlags()...),
		Action: func(c *cli.Context) error {
			a, err := args(c, 2, 2, "NODE INTO (two node ids)")
			if err != nil {
				return err
			}
			e, err := newEntry(c, curate.Merge)
			if err != nil {
				return err
			}
			e.Node, e.Into, e.Name, e.Kind = a[0], a[1], c.String("name"), c.String("kind")
			if err := curate.CheckNodeID(e.Into); err != nil {
				return usageError("curate merge: %v", err)
			}
			label := curate.LabelOf(e.Into)
			if e.Name == "" || label == graph.LabelOrganization && e.Kind == "" {
				n, err := lookupNode(c, e.Into)
				if err != nil {
					return err
				}
				if e.Name == "" {
					e.Name, _ = n.Props[graph.PropName].(string)
				}
				if e.Kind == "" && (label == graph.LabelOrganization || label == graph.LabelRegion) {
					e.Kind, _ = n.Props[graph.PropKind].(string)
				}
			}
			return record(c, e)
		},
	}
}

// lookupNode reads a node from Neo4j, for the name and kind that merge
// keeps; the error says to give them instead.
func lookupNode(c *cli.Context, id string) (*graph.Node, error) {
	hint := "give --name (and --kind for an organization)"
	cfg, err := connConfig(c, c.App.ErrWriter)
	if err != nil {
		return nil, usageError("curate merge: %v; %s", err, hint)
	}
	ctx, cancel := context.WithTimeout(c.Context, 30*time.Second)
	defer cancel()
	db, err := store.Connect(ctx, cfg)
	if err != nil {
		return nil, usageError("curate merge: cannot read %s from Neo4j (%v); %s", id, err, hint)
	}
	defer db.Close(context.WithoutCancel(ctx))
	nodes, err := db.Nodes(ctx, []graph.Ref{{ID: id, Labels: []graph.Label{curate.LabelOf(id)}}})
	if err != nil {
		return nil, &exitError{code: 2, err: fmt.Errorf("curate merge: %w", err)}
	}
	if len(nodes) == 0 {
		return nil, usageError("curate merge: %s is not in the graph in %s; check the id, or %s", id, db.Config, hint)
	}
	return &nodes[0], nil
}

func curateRenameCommand() *cli.Command {
	return &cli.Command{
		Name:      "rename",
		Usage:     "give a node a new canonical name (the old one becomes an alias)",
		ArgsUsage: "NODE NAME",
		Description: `The node takes the id of its new name (state:drc renamed "Democratic
Republic of the Congo" becomes state:democratic-republic-of-the-congo), so
that articles naming it either way meet on it; its old name becomes an
alias. An event keeps its id.

Examples:
  geokg curate rename state:drc "Democratic Republic of the Congo" --why "canonical name"`,
		Flags: recordFlags(),
		Action: func(c *cli.Context) error {
			a, err := args(c, 2, 2, "NODE NAME")
			if err != nil {
				return err
			}
			e, err := newEntry(c, curate.Rename)
			if err != nil {
				return err
			}
			e.Node, e.Name = a[0], a[1]
			return record(c, e)
		},
	}
}

func curateRelabelCommand() *cli.Command {
	return &cli.Command{
		Name:      "relabel",
		Usage:     "change a node's label (Region to State...) or kind",
		ArgsUsage: "NODE [LABEL]",
		Description: `LABEL is Leader, State, Region or Organization; the node takes the id of its
new label (region:kosovo becomes state:kosovo). --kind sets an
organization's kind (` + strings.Join(kinds(graph.OrgKinds), ", ") + `) or a region's (` + strings.Join(kinds(graph.RegionKinds), ", ") + `).
Relationships keep their types.

Examples:
  geokg curate relabel region:kosovo State --why "a partially recognised state"
  geokg curate relabel org:wagner-group --kind armed_group --why "a private army"`,
		Flags: recordFlags(&cli.StringFlag{Name: "kind", Usage: "the organization's or region's kind"}),
		Action: func(c *cli.Context) error {
			a, err := args(c, 1, 2, "NODE [LABEL]")
			if err != nil {
				return err
			}
			e, err := newEntry(c, curate.Relabel)
			if err != nil {
				return err
			}
			e.Node, e.Kind = a[0], c.String("kind")
			if len(a) == 2 {
				l, err := graph.ParseLabel(a[1])
				if err != nil {
					return usageError("curate relabel: %v", err)
				}
				e.Label = l
			}
			return record(c, e)
		},
	}
}

func kinds[T ~string](ks []T) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

func curateRejectCommand() *cli.Command {
	return &cli.Command{
		Name:      "reject",
		Usage:     "reject a node, or a relationship, as false: it never enters the graph again",
		ArgsUsage: "NODE | FROM TYPE TO",
		Description: `A rejected node goes with all its relationships; a rejected relationship goes
alone (FIGHTS in both directions). New articles that state it again do not
bring it back.

Examples:
  geokg curate reject leader:john-smith --why "a reporter's byline"
  geokg curate reject state:russia MEDIATES event:1f570f0b8344366c --why "Russia was a side"`,
		Flags: recordFlags(),
		Action: func(c *cli.Context) error {
			a, err := args(c, 1, 3, "NODE, or FROM TYPE TO")
			if err != nil {
				return err
			}
			e, err := newEntry(c, curate.Reject)
			if err != nil {
				return err
			}
			switch len(a) {
			case 1:
				e.Node = a[0]
			case 3:
				if e.Rel, err = graph.ParseRelType(strings.ToUpper(a[1])); err != nil {
					return usageError("curate reject: %v", err)
				}
				e.From, e.To = a[0], a[2]
			default:
				return usageError("curate reject: want NODE, or FROM TYPE TO")
			}
			return record(c, e)
		},
	}
}

func curateAddCommand() *cli.Command {
	return &cli.Command{
		Name:      "add",
		Usage:     "add a relationship the articles missed, with the analyst as its source",
		ArgsUsage: "FROM TYPE TO",
		Description: `The relationship's sources get "curation:" and the entry's id beside any
articles that state it, its confidence is 1, and --why is the note that the
evidence query shows beside the articles' sentences. It enters the graph
when both nodes are there.

Examples:
  geokg curate add state:qatar MEDIATES event:1f570f0b8344366c --why "hosted the talks (ministry statement, 3 May)"
  geokg curate add org:m23 DEMANDS state:dr-congo --demand "direct talks" --why "communiqué of 12 May"`,
		Flags: recordFlags(
			&cli.StringFlag{Name: "role", Usage: "the office, for REPRESENTS"},
			&cli.StringFlag{Name: "demand", Usage: "what is demanded, for DEMANDS"},
		),
		Action: func(c *cli.Context) error {
			a, err := args(c, 3, 3, "FROM TYPE TO")
			if err != nil {
				return err
			}
			e, err := newEntry(c, curate.Add)
			if err != nil {
				return err
			}
			if e.Rel, err = graph.ParseRelType(strings.ToUpper(a[1])); err != nil {
				return usageError("curate add: %v", err)
			}
			e.From, e.To = a[0], a[2]
			for _, k := range []string{"role", "demand"} {
				if v := c.String(k); v != "" {
					if e.Props == nil {
						e.Props = map[string]string{}
					}
					e.Props[k] = v
				}
			}
			return record(c, e)
		},
	}
}

func curateRoleCommand() *cli.Command {
	return &cli.Command{
		Name:      "role",
		Usage:     "set a leader's office for a state or organization",
		ArgsUsage: "LEADER OF ROLE",
		Description: `Sets the role of the leader's REPRESENTS relationship (adding it, with the
analyst as its source, when the articles do not state it), whatever role
the articles give.

Examples:
  geokg curate role leader:jane-doe state:ruritania "Foreign Minister" --why "appointed on 2 May"`,
		Flags: recordFlags(),
		Action: func(c *cli.Context) error {
			a, err := args(c, 3, 3, "LEADER OF ROLE")
			if err != nil {
				return err
			}
			e, err := newEntry(c, curate.Role)
			if err != nil {
				return err
			}
			e.From, e.To, e.Rel, e.Props = a[0], a[1], graph.RelRepresents, map[string]string{"role": a[2]}
			return record(c, e)
		},
	}
}

func curateListCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "list the entries of the curation file (and check it)",
		Description: `Examples:
  geokg curate list
  geokg curate list --format json | jq '.[] | select(.by == "alice")'`,
		Flags: []cli.Flag{curationFileFlag(), &cli.StringFlag{Name: "format", Aliases: []string{"o"}, Value: "table", Usage: "table, json or csv"}},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError("curate list takes no arguments")
			}
			s, err := openCuration(c)
			if err != nil {
				return err
			}
			return writeEntries(c.App.Writer, c.String("format"), s.Entries, nil)
		},
	}
}

// writeEntries prints entries as a table, JSON or CSV; notes, when set,
// adds a column.
func writeEntries(w io.Writer, format string, entries []*curate.Entry, notes map[*curate.Entry]string) error {
	type row struct {
		ID    string `json:"id"`
		Line  int    `json:"line"`
		At    string `json:"at"`
		By    string `json:"by"`
		Verb  string `json:"verb"`
		What  string `json:"what"`
		Why   string `json:"why"`
		Note  string `json:"note,omitempty"`
		Entry string `json:"entry"`
	}
	rows := make([]row, 0, len(entries))
	for _, e := range entries {
		rows = append(rows, row{ID: e.ID, Line: e.Line, At: e.At.Format(time.RFC3339), By: e.By, Verb: string(e.Verb),
			What: e.Summary(), Why: e.Why, Note: notes[e], Entry: e.String()})
	}
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		cw := csv.NewWriter(w)
		head := []string{"id", "line", "at", "by", "verb", "what", "why"}
		if notes != nil {
			head = append(head, "note")
		}
		cw.Write(head)
		for _, r := range rows {
			rec := []string{r.ID, fmt.Sprint(r.Line), r.At, r.By, r.Verb, r.What, r.Why}
			if notes != nil {
				rec = append(rec, r.Note)
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	case "table":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		head := "ID\tLINE\tDATE\tBY\tVERB\tWHAT\tWHY"
		if notes != nil {
			head += "\tNOTE"
		}
		fmt.Fprintln(tw, head)
		for _, r := range rows {
			line := fmt.Sprintf("%s\t%d\t%s\t%s\t%s\t%s\t%s", r.ID, r.Line, r.At[:10], r.By, r.Verb, cut(r.What, 70), cut(r.Why, 50))
			if notes != nil {
				line += "\t" + r.Note
			}
			fmt.Fprintln(tw, line)
		}
		return tw.Flush()
	}
	return usageError("unknown --format %q (want table, json or csv)", format)
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func curateUndoCommand() *cli.Command {
	return &cli.Command{
		Name:      "undo",
		Usage:     "take entries out of the curation file",
		ArgsUsage: "ID...",
		Description: `Removes the entries (by id, or a unique start of one, as geokg curate list
shows them) and leaves every other line as it is. From then on, extraction
and loading no longer apply them. In a graph in Neo4j, geokg curate apply
then withdraws what they added (relationships, roles, marks); what they
merged, renamed, relabeled or rejected stays so until the graph is rebuilt
from the articles.

Examples:
  geokg curate undo 5c1e0a7b
  geokg curate undo 5c1e 0a0b`,
		Flags: []cli.Flag{curationFileFlag()},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageError("curate undo: give the ids of the entries (geokg curate list shows them)")
			}
			path, err := curationPath(c)
			if err != nil {
				return err
			}
			removed, err := curate.Remove(path, c.Args().Slice())
			if err != nil {
				return usageError("curate undo: %v", err)
			}
			structural := false
			for _, e := range removed {
				fmt.Fprintf(c.App.Writer, "removed %s %s %s\n", e.ID, e.Verb, e.Summary())
				structural = structural || e.Verb != curate.Add && e.Verb != curate.Role
			}
			if structural {
				fmt.Fprintln(c.App.ErrWriter, "geokg: a graph in Neo4j keeps what a merge, rename, relabel or reject did until it is rebuilt from the articles; geokg curate apply withdraws added relationships and marks")
			} else {
				fmt.Fprintln(c.App.ErrWriter, "geokg: run geokg curate apply to withdraw it from the graph in Neo4j")
			}
			return nil
		},
	}
}

func curateCheckCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check the curation file, and find entries that no longer match anything in the articles",
		ArgsUsage: "[PATH...|URL...]",
		Description: `Without arguments, checks that every line of the curation file is a valid
entry. With articles, extracts them (as extract does, without the
corrections) and lists the entries that act on nothing in them: a merge or
rename whose node no article yields any more, a rejected fact no article
states, an added relationship whose ends never show. Such entries are stale
(the extractor or the dictionaries improved) and can go.

Exit status: 0 when every entry matches, 1 when some do not, 2 on misuse or
a bad curation file.

Examples:
  geokg curate check
  geokg curate check /data/news/ --dict mine.tsv`,
		Flags: []cli.Flag{
			curationFileFlag(),
			&cli.StringFlag{Name: "format", Aliases: []string{"o"}, Value: "table", Usage: "table, json or csv"},
			&cli.StringSliceFlag{Name: "dict", Usage: "extend the gazetteer with the dictionary `FILE` (repeatable)"},
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "articles extracted at once"},
			&cli.DurationFlag{Name: "timeout", Value: source.DefaultOptions().Timeout, Usage: "limit for each HTTP request, body included"},
			&cli.Int64Flag{Name: "max-size", Value: source.DefaultOptions().MaxBytes, Usage: "largest document read, in bytes"},
			verboseFlag(),
		},
		Action: runCurateCheck,
	}
}

// tallySink counts the entries that act on each graph, and stores nothing.
type tallySink struct{ t *curate.Tally }

func (s tallySink) Write(_ context.Context, batches []*graph.Batch) (graph.Stats, []error, error) {
	for _, b := range batches {
		s.t.Add(b)
	}
	return graph.Stats{}, make([]error, len(batches)), nil
}

func runCurateCheck(c *cli.Context) error {
	s, err := openCuration(c)
	if err != nil {
		return err
	}
	path := s.Path
	idle := s.Idle()
	if c.NArg() == 0 {
		if len(idle) > 0 {
			if err := writeEntries(c.App.Writer, c.String("format"), inFileOrder(s, idle), idle); err != nil {
				return err
			}
			return &exitError{code: 1, err: fmt.Errorf("curate check: %d of %d entries have nothing to do", len(idle), len(s.Entries))}
		}
		fmt.Fprintf(c.App.ErrWriter, "geokg: %s: %d entries, all valid\n", path, len(s.Entries))
		return nil
	}
	x, err := newExtractor(c)
	if err != nil {
		return err
	}
	tally := s.NewTally()
	po, note := newPassedOver(c), noteFunc(c)
	res, err := ingest.Run(c.Context, ingest.Options{
		Inputs:    c.Args().Slice(),
		Source:    readOptions(c, po, note),
		Extractor: x,
		Workers:   c.Int("workers"),
		Sink:      tallySink{tally},
		Failure:   func(f ingest.Failure) { fmt.Fprintf(c.App.ErrWriter, "geokg: %v\n", f.Err) },
	})
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	stale := map[*curate.Entry]string{}
	for _, e := range tally.Unmatched() {
		stale[e] = fmt.Sprintf("matches nothing in %d articles", res.Read-res.Failed)
	}
	for e, why := range idle {
		stale[e] = why
	}
	list := inFileOrder(s, stale)
	if len(list) > 0 {
		if err := writeEntries(c.App.Writer, c.String("format"), list, stale); err != nil {
			return err
		}
	}
	fmt.Fprintf(c.App.ErrWriter, "geokg: %d of %d entries match nothing in %d articles read (%d failed)\n", len(list), len(s.Entries), res.Read, res.Failed)
	if len(list) > 0 || res.Failed > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// inFileOrder lists the entries of s that m names, in file order.
func inFileOrder(s *curate.Set, m map[*curate.Entry]string) []*curate.Entry {
	var out []*curate.Entry
	for _, e := range s.Entries {
		if _, ok := m[e]; ok {
			out = append(out, e)
		}
	}
	return out
}

func curateApplyCommand() *cli.Command {
	return &cli.Command{
		Name:  "apply",
		Usage: "correct the graph in Neo4j by the curation file, without reading the articles again",
		Description: `Merges, renames and relabels nodes (moving their relationships with their
sources and evidence, merged by the loader's rules), deletes rejected nodes
and relationships, adds the analysts' relationships between nodes in the
graph, sets roles, names and kinds, marks what analysts changed, and
withdraws what entries since removed had added. All of it happens in one
transaction: a failure leaves the graph as it was. Running it again
changes nothing. ingest and load do the same at the end by themselves,
except the withdrawal of removed entries (which reads every relationship
of the graph): run curate apply after curate undo.

Exit status: 0 on success, 2 on misuse, a bad curation file, or when Neo4j
cannot be reached or fails.

Examples:
  geokg curate apply
  geokg curate apply --dry-run`,
		Flags: append([]cli.Flag{
			curationFileFlag(),
			&cli.BoolFlag{Name: "dry-run", Usage: "count what would change, and change nothing"},
		}, connFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError("curate apply takes no arguments")
			}
			s, err := openCuration(c)
			if err != nil {
				return err
			}
			db, err := connect(c)
			if err != nil {
				return err
			}
			defer db.Close(context.WithoutCancel(c.Context))
			dry := c.Bool("dry-run")
			st, err := correctDB(c.Context, db, s, !dry, true)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			verb := "changed"
			if dry {
				verb = "would change"
			}
			if !st.Changed() {
				fmt.Fprintf(c.App.Writer, "%s: %d entries; the graph is up to date\n", s.Path, len(s.Entries))
				return nil
			}
			fmt.Fprintf(c.App.Writer, "%s: %d entries; %s nodes: %d created, %d updated, %d deleted; relationships: %d created, %d updated, %d deleted\n",
				s.Path, len(s.Entries), verb, st.NodesCreated, st.NodesUpdated, st.NodesDeleted, st.RelsCreated, st.RelsUpdated, st.RelsDeleted)
			return nil
		},
	}
}
