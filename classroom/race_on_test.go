//go:build race

package classroom

// raceBuild says the tests run under the race detector, which makes every
// TLS handshake several times slower: the attacks that open hundreds of
// connections at once open fewer, still well over the hub's budget.
const raceBuild = true
