//go:build !linux

package main

import "errors"

func run(config) error {
	return errors.New("the measurement from outside needs Linux (pseudo-terminals and /proc)")
}
