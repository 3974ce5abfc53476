package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/geokg/geokg/ingest/article"
	"github.com/mmcdole/gofeed"
)

func parseFeed(data []byte) (*gofeed.Feed, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a readable RSS, Atom or JSON feed: %w", err)
	}
	return feed, nil
}

// itemArticle is a feed item as an article, from the feed alone: its
// content, or its description when it has no content.
func itemArticle(feed *gofeed.Feed, it *gofeed.Item) (*article.Article, error) {
	text := htmlText(firstOf(it.Content, it.Description))
	if text == "" {
		return nil, errors.New("feed item has no content or description")
	}
	a := &article.Article{Text: text, ID: article.ID(text), URL: it.Link}
	itemFields(a, feed, it)
	return a, nil
}

// itemFields fills an article's title, date and source from its feed
// item, where the item gives them.
func itemFields(a *article.Article, feed *gofeed.Feed, it *gofeed.Item) {
	if t := htmlText(it.Title); t != "" {
		a.Title = strings.Join(strings.Fields(t), " ")
	}
	// The date as written comes first: the parsed time is in UTC, which
	// can be the day after the date the publisher gave.
	switch {
	case NormalizeDate(it.Published) != "":
		a.Published = NormalizeDate(it.Published)
	case it.PublishedParsed != nil:
		a.Published = isoDate(*it.PublishedParsed)
	case NormalizeDate(it.Updated) != "":
		a.Published = NormalizeDate(it.Updated)
	case it.UpdatedParsed != nil:
		a.Published = isoDate(*it.UpdatedParsed)
	}
	if a.Source == "" {
		a.Source = strings.TrimSpace(feed.Title)
	}
}

// feedFile reads a feed from a file: each item is an article made of the
// item's own content. Nothing is fetched for a local file.
func (r *reader) feedFile(origin string, data []byte) error {
	feed, err := parseFeed(data)
	if err != nil {
		return r.fail(origin, 0, err)
	}
	if len(feed.Items) == 0 {
		r.note(origin, "feed has no items")
		return nil
	}
	for i, it := range feed.Items {
		itemOrigin := fmt.Sprintf("%s#%d", origin, i+1)
		a, err := itemArticle(feed, it)
		if err != nil {
			err = r.fail(itemOrigin, 0, err)
		} else {
			a.Origin = itemOrigin
			err = r.emit(a)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// itemResult is what became of one feed item read from a URL.
type itemResult struct {
	a      *article.Article
	err    error
	origin string
	note   string
}

// feedURL reads a feed fetched from feedURL (found at pageURL after
// redirects): each item's page is fetched and read as HTML, up to
// Fetchers at a time; an item whose page fails is read from the feed
// when it has content of its own, and reported otherwise. Articles come
// in the feed's order.
func (r *reader) feedURL(ctx context.Context, feedURL, pageURL string, data []byte) error {
	feed, err := parseFeed(data)
	if err != nil {
		return r.fail(feedURL, 0, err)
	}
	if len(feed.Items) == 0 {
		r.note(feedURL, "feed has no items")
		return nil
	}
	base, _ := url.Parse(pageURL)

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()

	// A slot is taken before an item is fetched and given back once its
	// result is handed on, so at most Fetchers pages are held at once.
	slots := make(chan struct{}, r.opt.Fetchers)
	results := make([]chan itemResult, len(feed.Items))
	for i := range results {
		results[i] = make(chan itemResult, 1)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i, it := range feed.Items {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] <- r.item(ctx, feed, it, fmt.Sprintf("%s#%d", feedURL, i+1), base)
			}()
		}
	}()

	for i := range feed.Items {
		var res itemResult
		select {
		case res = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-slots
		if res.note != "" {
			r.note(res.origin, res.note)
		}
		if res.err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			err = r.fail(res.origin, 0, res.err)
		} else {
			err = r.emit(res.a)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// item reads one feed item: its page when it links to one, else (or when
// the page fails) its own content. fallbackOrigin names an item without
// a link.
func (r *reader) item(ctx context.Context, feed *gofeed.Feed, it *gofeed.Item, fallbackOrigin string, base *url.URL) itemResult {
	link := resolve(base, strings.TrimSpace(it.Link))
	if link == "" || r.opt.ItemContentOnly || !isURL(link) {
		origin := link
		if origin == "" {
			origin = fallbackOrigin
		}
		a, err := itemArticle(feed, it)
		if err != nil {
			return itemResult{err: err, origin: origin}
		}
		a.URL, a.Origin = link, origin
		return itemResult{a: a, origin: origin}
	}

	a, pageErr := r.page(ctx, link)
	if pageErr == nil {
		// The feed's title and date for the item win over the page's:
		// they are what the publisher listed.
		itemFields(a, feed, it)
		a.URL, a.Origin = link, link
		return itemResult{a: a, origin: link}
	}
	own, err := itemArticle(feed, it)
	if err != nil {
		return itemResult{err: pageErr, origin: link}
	}
	own.URL, own.Origin = link, link
	return itemResult{a: own, origin: link, note: fmt.Sprintf("page not read (%v); the feed's own text for the item is used", pageErr)}
}
