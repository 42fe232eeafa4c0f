package main

// The terminal's background is decided from the environment before Bubble
// Tea's init would ask the terminal and wait up to 5 seconds for an answer
// that some terminals never give (see internal/termbg).
import _ "aula/internal/termbg"
