package main

import (
	"fmt"
	"io"
)

// runLearners is aula learners reset-pin NAME: a learner who forgot their
// PIN chooses a new one at their next sign-in. It speaks the language of
// --lang or of the environment.
func runLearners(args []string, stdout, stderr io.Writer) int {
	cat := cliCatalog(args)
	fs := newFlags("learners", stderr)
	data := fs.String("data", defaultDataDir(), "")
	fs.String("lang", "", "") // read by cliCatalog
	usage := cat.T("learners_usage")
	rest, ok := parseCLI(fs, args, cat, "aula learners", stdout, stderr, usage)
	if !ok {
		return exitUsage
	}
	if len(rest) != 2 || rest[0] != "reset-pin" {
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	st, code := openExisting(*data, cat, "aula learners", stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	found, err := learnersCalled(st, rest[1])
	if err != nil {
		fmt.Fprintln(stderr, "aula learners:", err)
		return exitData
	}
	if len(found) == 0 {
		fmt.Fprintln(stderr, cat.T("learners_nobody", "Name", rest[1]))
		return exitProblem
	}
	l := found[0]
	if err := st.SetPIN(l.ID, ""); err != nil {
		fmt.Fprintln(stderr, "aula learners:", err)
		return exitData
	}
	fmt.Fprintln(stdout, cat.T("learners_pin_removed", "Name", l.Name))
	return exitOK
}
