package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// verboseFlag lists, among the reader's notes, the files a directory walk
// passes over.
func verboseFlag() cli.Flag {
	return &cli.BoolFlag{Name: "verbose", Usage: "also list the files skipped in directories (gold files, READMEs, unknown types)"}
}

// noteFunc prints the reader's notes (fallbacks, empty feeds) on standard
// error. Files skipped in a directory walk are routine in a folder that also
// holds annotations or documentation, so they are listed only with --verbose.
func noteFunc(c *cli.Context) func(origin, msg string) {
	verbose := c.Bool("verbose")
	return func(origin, msg string) {
		if !verbose && strings.HasPrefix(msg, "skipped:") {
			return
		}
		fmt.Fprintf(c.App.ErrWriter, "geokg: %s: %s\n", origin, msg)
	}
}
