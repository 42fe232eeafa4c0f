package form

import "testing"

// A "mobile" field takes a mobile and explains why a landline or a
// special-rate number is not one (issue 15: the IMV form's mobile box took
// 900 numbers).
func TestFormMobileField(t *testing.T) {
	if c, rule := checkText("mobile", "600 000 000"); rule != "" {
		t.Errorf("600 000 000: rule %q, want none (clean %q)", rule, c)
	}
	for _, v := range []string{"900 123 456", "912 345 678"} {
		if _, rule := checkText("mobile", v); rule == "" {
			t.Errorf("%s was taken as a mobile", v)
		}
	}
}
