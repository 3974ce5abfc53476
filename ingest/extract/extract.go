// Package extract turns news articles into the graph of geokg's contract:
// Leaders, States, Regions, Organizations and Events, and the relationships
// between them, each with the sentences that support it.
//
// It works with a gazetteer (package dict), a grammar of titles, event
// triggers and relation cues kept in embedded data files, and prose's
// part-of-speech tagger and entity recognizer as weak signals. An
// Extractor is built once per process and is safe for concurrent use.
package extract

import (
	"fmt"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/gazetteer"
	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/tag"
)

// Extractor extracts graphs from articles. Its models and dictionaries are
// read-only after New, so one Extractor serves any number of goroutines.
type Extractor struct {
	lex   *lexicon
	rules *ruleSet
	gaz   *surfaceIndex
	dict  *gazetteer.Dict
	// offices are the known leaders' offices by the id of each of their
	// names.
	offices map[string][]*gazetteer.Office
	tagger  *tag.Tagger
	ner     *ner.Extracter // nil when disabled
}

// Option configures an Extractor.
type Option func(*config)

type config struct {
	ner   bool
	rules []*Rule
	off   []string
}

// WithNER turns prose's named-entity recognizer on or off (on by default).
// It is one signal for finding persons; without it extraction is faster and
// relies on titles and speech verbs alone.
func WithNER(on bool) Option { return func(c *config) { c.ner = on } }

// WithRules adds rules to the built-in ones (see ParseRules). A rule whose
// id is taken already is an error.
func WithRules(rules ...*Rule) Option {
	return func(c *config) { c.rules = append(c.rules, rules...) }
}

// WithoutRules switches off the rules with these ids: the matcher skips
// them and the stages of the pipeline make no fact under them.
func WithoutRules(ids ...string) Option {
	return func(c *config) { c.off = append(c.off, ids...) }
}

// New builds an Extractor over the gazetteer d, loading prose's models
// once.
func New(d *gazetteer.Dict, opts ...Option) (*Extractor, error) {
	cfg := config{ner: true}
	for _, o := range opts {
		o(&cfg)
	}
	lex, err := loadLexicon(dataFS)
	if err != nil {
		return nil, err
	}
	builtin, err := loadBuiltinRules(dataFS)
	if err != nil {
		return nil, err
	}
	rules, err := compileRules(builtin, cloneRules(cfg.rules), cfg.off, lex.stageRuleIDs())
	if err != nil {
		return nil, err
	}
	lex.addRuleCues(rules)
	x := &Extractor{lex: lex, rules: rules, dict: d}
	if x.tagger, err = tag.New(); err != nil {
		return nil, fmt.Errorf("load part-of-speech model: %w", err)
	}
	if cfg.ner {
		if x.ner, err = ner.New(); err != nil {
			return nil, fmt.Errorf("load entity model: %w", err)
		}
	}
	x.gaz = x.buildGazetteer(d)
	x.offices = map[string][]*gazetteer.Office{}
	for _, o := range d.Offices {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			k := personKey(n)
			x.offices[k] = append(x.offices[k], o)
		}
	}
	return x, nil
}

// Extract returns the graph of one article: its Article node, the actors,
// places and events it names, MENTIONS from the article to each, and the
// relationships found between them.
func (x *Extractor) Extract(a *article.Article) *graph.Batch {
	d := x.analyze(a)
	return d.batch()
}

// articleText is the text analyzed: the title as its own first line unless
// the body already opens with it.
func articleText(a *article.Article) string {
	title := strings.TrimSpace(a.Title)
	body := a.Text
	if title == "" || strings.EqualFold(title, "unknown") || strings.HasPrefix(strings.TrimSpace(body), title) {
		return body
	}
	return title + "\n" + body
}

// Rules returns the rules the Extractor runs, built-in and added, in the
// order they are written; rules switched off are included. The rules must
// not be modified.
func (x *Extractor) Rules() []*Rule { return x.rules.all }

// RuleOff reports whether the rule with this id is switched off.
func (x *Extractor) RuleOff(id string) bool { return x.rules.off[id] }
