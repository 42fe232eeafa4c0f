package form

import (
	"testing"
	"time"

	"aula/lessons/validate"
)

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

// An appointment calendar refuses the fixed national holidays of Spain,
// whatever the weekday, and says so (issue 15: cita previa took
// Christmas Day).
func TestDayRuleRefusesNationalHolidays(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) // a Tuesday
	f := &Field{Kind: "day", Days: 60, Closed: []string{"sat", "sun"}, Full: []int{2}}
	tests := []struct {
		day  string
		want string
	}{
		{"2026-12-02", ""},                      // a Wednesday with free appointments
		{"2026-12-03", validate.RuleDayFull},    // full (2 days from now)
		{"2026-12-07", ""},                      // the Monday between two holidays
		{"2026-12-08", validate.RuleDayHoliday}, // Immaculate Conception, a Tuesday
		{"2026-12-06", validate.RuleDayClosed},  // Constitution Day on a Sunday: closed anyway
		{"2026-12-24", ""},                      // Christmas Eve is a working day
		{"2026-12-25", validate.RuleDayHoliday}, // Christmas Day, a Friday
		{"2027-01-01", validate.RuleDayHoliday}, // New Year's Day, a Friday
		{"2027-01-06", validate.RuleDayHoliday}, // Epiphany, a Wednesday
		{"2027-01-07", ""},                      // the day after
		{"2027-05-01", validate.RuleDayClosed},  // beyond the 60 days
		{"2026-12-01", validate.RuleDayClosed},  // today: not from tomorrow
	}
	for _, tt := range tests {
		d, err := time.Parse("2006-01-02", tt.day)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.DayRule(d, now); got != tt.want {
			t.Errorf("DayRule(%s) = %q, want %q", tt.day, got, tt.want)
		}
	}
	for _, md := range [][2]int{{1, 1}, {1, 6}, {5, 1}, {8, 15}, {10, 12}, {11, 1}, {12, 6}, {12, 8}, {12, 25}} {
		if !Holiday(time.Date(2030, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%d/%d is a national holiday", md[1], md[0])
		}
	}
	// The sample answer never picks a holiday.
	fm := &Form{Pages: []*Page{{Fields: []*Field{{ID: "dia", Kind: "day", Required: true, Days: 1}}}}}
	if a := fm.SampleAnswer(time.Date(2026, 12, 24, 9, 0, 0, 0, time.UTC)); a.Values["dia"] != "" {
		t.Errorf("the only day is Christmas Day, yet the sample chose %q", a.Values["dia"])
	}
}
