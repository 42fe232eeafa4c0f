package termbg

import "testing"

func TestDark(t *testing.T) {
	for in, want := range map[string]bool{
		"15;0": true, "0;15": false, "7;4": true, "0;7": false, "0;8": false, "12;default;0": true,
		"": true, "default;default": true, "15": true, "0;99": true, "0;-1": true,
	} {
		if got := Dark(in); got != want {
			t.Errorf("Dark(%q) = %v, want %v", in, got, want)
		}
	}
}
