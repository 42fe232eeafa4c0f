package ui

import "testing"

func TestEasyPIN(t *testing.T) {
	for pin, want := range map[string]bool{
		"1234": true, "0000": true, "9999": true, "4321": true, "0123": true, "6789": true, "987654": true, "3456": true,
		"4821": false, "1212": false, "2468": false, "1243": false, "9012": false, "": false, "12a4": false,
	} {
		if got := EasyPIN(pin); got != want {
			t.Errorf("EasyPIN(%q) = %v, want %v", pin, got, want)
		}
	}
}
