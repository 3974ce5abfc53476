package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/geokg/geokg/queries"
	"github.com/urfave/cli/v2"
)

func browserCommand() *cli.Command {
	return &cli.Command{
		Name:  "browser",
		Usage: "serve the canned queries and the graph style to Neo4j Browser",
		Description: `Serves, on localhost, a Neo4j Browser guide with one slide per canned query
(click a code block to fill Browser's editor), the graph style sheet, and
the queries as favorites to import. Then, in Neo4j Browser:

  :style http://localhost:7475/style.grass
  :play http://localhost:7475/guide.html

Browser fetches from "localhost" without configuration (its default
browser.remote_content_hostname_whitelist is guides.neo4j.com,localhost);
the docker-compose.yml runs both commands on connect. With --export, writes
guide.html, style.grass and geokg-favorites.zip to a folder instead.

Examples:
  geokg browser
  geokg browser --addr localhost:8080
  geokg browser --export out/browser`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "localhost:7475", Usage: "listen on `HOST:PORT`; an address other than loopback is warned about"},
			&cli.StringFlag{Name: "export", Usage: "write the files to `DIR` and exit instead of serving"},
			queryDirsFlag(),
		},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usageError("browser takes no arguments")
			}
			lib, err := loadLibrary(c)
			if err != nil {
				return err
			}
			if dir := c.String("export"); dir != "" {
				return exportBrowser(c, lib, dir)
			}
			ln, err := net.Listen("tcp", c.String("addr"))
			if err != nil {
				return usageError("listen: %v", err)
			}
			addr := ln.Addr().(*net.TCPAddr)
			if !addr.IP.IsLoopback() {
				fmt.Fprintf(c.App.ErrWriter, "geokg: warning: listening on %s, which other machines can reach: anyone on the network can read the guide and queries (--addr localhost:%d keeps them on this machine)\n", addr, addr.Port)
			}
			base := browserBase(addr, c.String("addr"))
			h, err := queries.Handler(lib, base)
			if err != nil {
				ln.Close()
				return err
			}
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
			fmt.Fprintf(c.App.Writer, "Serving the geokg guide and style on %s (Ctrl-C stops).\n\n%s", base, queries.Instructions(base))
			done := make(chan error, 1)
			go func() { done <- srv.Serve(ln) }()
			select {
			case err := <-done:
				return err
			case <-c.Context.Done():
				ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Context), 5*time.Second)
				defer cancel()
				if err := srv.Shutdown(ctx); err != nil {
					return err
				}
				if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
					return err
				}
				return nil
			}
		},
	}
}

// browserBase is the address Browser should fetch from. Browser's default
// allow-list names the host "localhost", not 127.0.0.1, so a loopback
// address is spelled localhost.
func browserBase(a *net.TCPAddr, requested string) string {
	host, _, _ := net.SplitHostPort(requested)
	if host == "" || a.IP.IsLoopback() || host == "localhost" {
		host = "localhost"
	}
	return fmt.Sprintf("http://%s", net.JoinHostPort(host, fmt.Sprint(a.Port)))
}

func exportBrowser(c *cli.Context, lib *queries.Library, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usageError("export: %v", err)
	}
	write := func(name string, fill func(f *os.File) error) error {
		path := filepath.Join(dir, name)
		tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(name)+".*")
		if err != nil {
			return fmt.Errorf("export %s: %w", path, err)
		}
		if err := fill(tmp); err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return fmt.Errorf("export %s: %w", path, err)
		}
		if err := tmp.Close(); err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("export %s: %w", path, err)
		}
		if err := os.Chmod(tmp.Name(), 0o644); err != nil {
			return err
		}
		return os.Rename(tmp.Name(), path)
	}
	base := "http://localhost:7475"
	if err := write("guide.html", func(f *os.File) error { return queries.Guide(f, lib, base) }); err != nil {
		return err
	}
	if err := write("style.grass", func(f *os.File) error { _, err := f.Write(queries.Style); return err }); err != nil {
		return err
	}
	if err := write("geokg-favorites.zip", func(f *os.File) error { return queries.FavoritesZip(f, lib) }); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "guide"), 0o755); err != nil {
		return usageError("export: %v", err)
	}
	for _, q := range lib.All() {
		if err := write(filepath.Join("guide", q.Name+".html"), func(f *os.File) error { return queries.GuidePage(f, q, base) }); err != nil {
			return err
		}
	}
	fmt.Fprintf(c.App.Writer, "wrote guide.html, guide/*.html, style.grass and geokg-favorites.zip to %s\n", dir)
	return nil
}
