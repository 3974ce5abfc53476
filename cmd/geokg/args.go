package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed lets every command take its flags before or after its
// arguments ("geokg extract FILE --workers 2"): the CLI library stops
// reading flags at the first argument, so the flags that follow arguments
// are moved before them, each with its value. "--" ends the flags: what
// follows it stays an argument ("geokg extract -- -odd-name.txt").
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	var cmd *cli.Command
	cmds := app.Commands
	i := 1
	for i < len(args) {
		c := findCommand(cmds, args[i])
		if c == nil {
			break
		}
		cmd, cmds = c, c.Subcommands
		i++
	}
	if cmd == nil || cmd.SkipFlagParsing {
		return args
	}
	var flags, pos []string
	rest := args[i:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			pos = append(pos, rest[j+1:]...)
			j = len(rest)
		case a == "-" || !strings.HasPrefix(a, "-"):
			pos = append(pos, a)
		default:
			flags = append(flags, a)
			name, _, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if !inline && takesValue(cmd.Flags, name) && j+1 < len(rest) {
				flags = append(flags, rest[j+1])
				j++
			}
		}
	}
	out := append(append([]string(nil), args[:i]...), flags...)
	if len(pos) > 0 {
		out = append(append(out, "--"), pos...)
	}
	return out
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// takesValue tells whether the flag of that name reads the next argument
// as its value: every flag but a boolean one.
func takesValue(flags []cli.Flag, name string) bool {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if v, ok := f.(cli.DocGenerationFlag); ok {
				return v.TakesValue()
			}
			return true
		}
	}
	return false
}
