package ui

// EasyPIN says whether a PIN is one of the first anybody would try: every
// digit the same (0000, 7777) or digits in a straight run up or down
// (1234, 4321, 0123, 987654). Aula teaches strong secrets, so it says so,
// gently, and lets the person keep it.
func EasyPIN(pin string) bool {
	if len(pin) < 2 {
		return false
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return false
		}
	}
	same, up, down := true, true, true
	for i := 1; i < len(pin); i++ {
		d := int(pin[i]) - int(pin[i-1])
		same = same && d == 0
		up = up && d == 1
		down = down && d == -1
	}
	return same || up || down
}
