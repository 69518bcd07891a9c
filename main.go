// Command afterview tracks job applications after the interview: where each
// one stands against the windows employers state (debrief, decision, reply,
// offer, reapply) and what to chase today. Run it with no command for the
// interactive view; `afterview chase` prints what is due; `afterview --help`
// lists every command.
//
// The command line is package tui/cli; the rules live in timeline, the data
// in store, and how things look in tui. This is the one place that reads the
// process's arguments, streams, environment and clock.
package main

import (
	"os"
	"time"

	"github.com/afterview/afterview/tui/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, time.Now))
}
