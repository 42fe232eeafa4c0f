package lazy

import (
	"sync"
	"testing"
)

var built int

var counted = Value[[]string]{New: func() []string {
	built++
	return []string{"a", "b"}
}}

var digits = Regexp{Expr: `^[0-9]+$`}

func TestValueIsBuiltOnceOnFirstGet(t *testing.T) {
	if built != 0 {
		t.Fatalf("built %d times before the first Get", built)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := counted.Get(); len(got) != 2 || got[1] != "b" {
				t.Errorf("Get() = %v", got)
			}
		})
	}
	wg.Wait()
	if built != 1 {
		t.Errorf("built %d times, want once", built)
	}
}

func TestRegexpCompilesOnFirstGet(t *testing.T) {
	if digits.re != nil {
		t.Fatal("compiled before the first Get")
	}
	first := digits.Get()
	if !first.MatchString("2026") || first.MatchString("20x6") {
		t.Error("the expression does not match as written")
	}
	if again := digits.Get(); again != first {
		t.Error("compiled more than once")
	}
}

func TestRegexpThatDoesNotCompilePanicsOnGet(t *testing.T) {
	bad := Regexp{Expr: `(`}
	defer func() {
		if recover() == nil {
			t.Error("no panic for an expression that does not compile")
		}
	}()
	bad.Get()
}
