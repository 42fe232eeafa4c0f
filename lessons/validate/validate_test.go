package validate

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

type vcase struct {
	in, canon, rule string
}

func runValidator(t *testing.T, name string, check func(string) (string, string), cases []vcase) {
	t.Helper()
	for _, c := range cases {
		canon, rule := check(c.in)
		if rule != c.rule || (c.rule == "" && canon != c.canon) {
			t.Errorf("%s(%q) = %q, %q; want %q, %q", name, c.in, canon, rule, c.canon, c.rule)
		}
		if rule != "" && canon != "" {
			t.Errorf("%s(%q) gave a canonical value %q with rule %q", name, c.in, canon, rule)
		}
	}
}

func TestCheckDNI(t *testing.T) {
	runValidator(t, "CheckDNI", CheckDNI, []vcase{
		// The example of the Ministry of the Interior, and others computed by hand.
		{"12345678Z", "12345678Z", ""},
		{"12345678z", "12345678Z", ""},
		{" 12.345.678-Z ", "12345678Z", ""},
		{"12345678 Z", "12345678Z", ""},
		{"87654321X", "87654321X", ""},
		{"00000000T", "00000000T", ""},
		{"00000023T", "00000023T", ""},
		{"99999999R", "99999999R", ""},

		{"", "", RuleRequired},
		{"   ", "", RuleRequired},
		{"12345678A", "", RuleDNILetter},
		{"12345679Z", "", RuleDNILetter},
		{"12345678", "", RuleDNINoLetter},
		{"1234567Z", "", RuleDNIFormat},   // 7 numbers, and not the letter of 01234567
		{"1234567L", "", RuleDNIZero},     // an old DNI without its leading 0: the letter is right
		{"1.234.567-l", "", RuleDNIZero},  // with its separators
		{"01234567L", "01234567L", ""},    // what the message asks for
		{"0234567L", "", RuleDNIFormat},   // 7 numbers starting with 0: not a left-out 0
		{"X01234567L", "", RuleDNIIsNIE},  // an old-format NIE in a DNI field
		{"123456789Z", "", RuleDNIFormat}, // 9 numbers
		{"1234567", "", RuleDNIFormat},
		{"Z12345678", "", RuleDNIFormat}, // letter first
		{"12345678ZZ", "", RuleDNIFormat},
		{"12345678Ñ", "", RuleDNIFormat},
		{"１２３４５６７８Z", "", RuleDNIFormat}, // fullwidth digits
		{"12345678Z👍", "", RuleDNIFormat},
		{"X1234567L", "", RuleDNIIsNIE},
		{"X1234567A", "", RuleDNIFormat}, // neither a DNI nor a right NIE
		{strings.Repeat("1", 10000), "", RuleDNIFormat},
	})
}

func TestCheckNIE(t *testing.T) {
	runValidator(t, "CheckNIE", CheckNIE, []vcase{
		{"X1234567L", "X1234567L", ""},
		{"x-1234567-l", "X1234567L", ""},
		{"Y1234567X", "Y1234567X", ""},
		{"Z1234567R", "Z1234567R", ""},

		{"", "", RuleRequired},
		{"X1234567A", "", RuleNIELetter},
		{"Y1234567L", "", RuleNIELetter},
		{"W1234567L", "", RuleNIEFormat},
		{"X123456L", "", RuleNIEFormat},
		{"X12345678L", "", RuleNIEFormat},
		{"12345678Z", "", RuleNIEFormat},
		{"X1234567", "", RuleNIEFormat},
		// The format before Orden INT/2058/2008: X and 8 numbers.
		{"X01234567L", "", RuleNIEOld},
		{"x-0123.4567-l", "", RuleNIEOld},
		{"X01234567A", "", RuleNIEFormat}, // old format, wrong letter: not the same number
		{"X11234567L", "", RuleNIEFormat}, // 8 numbers not starting with 0: never a NIE
		{"Y01234567X", "", RuleNIEFormat}, // Y came with the new format: never 8 numbers
	})
	runValidator(t, "CheckDNIorNIE", CheckDNIorNIE, []vcase{
		{"12345678Z", "12345678Z", ""},
		{"X1234567L", "X1234567L", ""},
		{"", "", RuleRequired},
		{"12345678A", "", RuleDNILetter},
		{"X1234567A", "", RuleNIELetter},
		{"12345678", "", RuleDNINoLetter},
		{"1234567L", "", RuleDNIZero},
		{"X01234567L", "", RuleNIEOld},
	})
}

func TestCheckIBAN(t *testing.T) {
	runValidator(t, "CheckIBAN", CheckIBAN, []vcase{
		// The example of the Bank of Spain's IBAN documents, and others
		// checked with the mod-97 rule.
		{"ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332", ""},
		{"ES9121000418450200051332", "ES9121000418450200051332", ""},
		{"es91 2100 0418 4502 0005 1332", "ES9121000418450200051332", ""},
		{"  ES79 2100 0813 6101 2345 6789 ", "ES7921000813610123456789", ""},
		{"ES6000491500051234567892", "ES6000491500051234567892", ""},

		{"", "", RuleRequired},
		{"ES91 2100 0418 4502 0005 1333", "", RuleIBANCheck},   // one digit changed
		{"ES19 2100 0418 4502 0005 1332", "", RuleIBANCheck},   // check digits swapped
		{"ES91 2100 0418 4502 0005 133", "", RuleIBANLength},   // one missing
		{"ES91 2100 0418 4502 0005 13322", "", RuleIBANLength}, // one too many
		{"2100 0418 4502 0005 1332", "", RuleIBANNoCountry},    // the old 20 digits
		{"GB82 WEST 1234 5698 7654 32", "", RuleIBANCountry},   // a valid British IBAN: not Spanish
		// Separators as in the DNI field: dashes, dots, no-break spaces.
		{"ES91-2100-0418-4502-0005-1332", "ES9121000418450200051332", ""},
		{"ES91.2100.0418.4502.0005.1332", "ES9121000418450200051332", ""},
		{"ES91\u00a02100\u00a00418\u00a04502\u00a00005\u00a01332", "ES9121000418450200051332", ""},
		// The word IBAN copied from the bank's paper.
		{"IBAN ES91 2100 0418 4502 0005 1332", "", RuleIBANWord},
		{"IBAN: ES91 2100 0418 4502 0005 1332", "", RuleIBANWord},
		{"iban es9121000418450200051332", "", RuleIBANWord},
		// Mod 97 holds but the CCC's own control digits do not (issue 15).
		{"ES6821000418000200051332", "", RuleIBANCCC},
		{"ES29 2100 0418 4602 0005 1332", "", RuleIBANCCC}, // first control digit wrong, IBAN digits recomputed
		{"ES56 2100 0418 4402 0005 1332", "", RuleIBANCCC}, // second control digit wrong, IBAN digits recomputed
		{"ES91/2100/0418/4502/0005/1332", "", RuleIBANChars},
		{"ES91 2100 0418 4502 0005 133O", "", RuleIBANChars}, // letter O for zero
		{"ÉS91 2100 0418 4502 0005 1332", "", RuleIBANChars},
		{"ES91 2100 0418 4502 0005 1332 👍", "", RuleIBANChars},
		{"E", "", RuleIBANCountry},
		{"ES", "", RuleIBANLength},
	})
	if got := FormatIBAN("ES9121000418450200051332"); got != "ES91 2100 0418 4502 0005 1332" {
		t.Errorf("FormatIBAN = %q", got)
	}
}

func TestCheckPostcode(t *testing.T) {
	runValidator(t, "CheckPostcode", CheckPostcode, []vcase{
		{"28999", "28999", ""},
		{"01001", "01001", ""},
		{"52001", "52001", ""},
		{" 08 001 ", "08001", ""},

		{"", "", RuleRequired},
		{"2899", "", RulePostcodeFormat}, // 28999 or 02899: a number missing somewhere
		{"8001", "", RulePostcodeZero},   // Barcelona's 08001 without its 0: 80 is no province
		{"9001", "", RulePostcodeZero},   // Burgos, 09001
		{"5300", "", RulePostcodeZero},   // Ávila, 05300
		{"5200", "", RulePostcodeFormat}, // 52 is Melilla: 5200x with a number missing
		{"0800", "", RulePostcodeFormat},
		{"289999", "", RulePostcodeFormat},
		{"28A99", "", RulePostcodeFormat},
		{"2899ñ", "", RulePostcodeFormat},
		{"00999", "", RulePostcodeProv},
		{"53001", "", RulePostcodeProv},
		{"60000", "", RulePostcodeProv},
	})
}

func TestCheckPhone(t *testing.T) {
	runValidator(t, "CheckPhone", CheckPhone, []vcase{
		{"600000000", "600000000", ""},
		{"600 00 00 00", "600000000", ""},
		{"+34 600 000 000", "600000000", ""},
		{"0034600000000", "600000000", ""},
		{"712-345-678", "712345678", ""},
		{"912 345 678", "912345678", ""},
		{"(+34) 812 345 678", "812345678", ""},

		{"", "", RuleRequired},
		{"60000000", "", RulePhoneLength},
		{"6000000000", "", RulePhoneLength},
		{"500000000", "", RulePhoneStart},
		{"100000000", "", RulePhoneStart},
		{"+44 7700 900123", "", RulePhoneCountry},
		{"600 OOO OOO", "", RulePhoneChars},
		{"600000000 👍", "", RulePhoneChars},
		{"seiscientos", "", RulePhoneChars},
		// +34 with the + or a 0 of 0034 left out.
		{"34600000000", "", RulePhonePlus},
		{"34 600 000 000", "", RulePhonePlus},
		{"034 600 000 000", "", RulePhonePlus},
		{"34500000000", "", RulePhoneLength}, // not a Spanish number after 34
	})
}

func TestCheckMobile(t *testing.T) {
	runValidator(t, "CheckMobile", CheckMobile, []vcase{
		{"600 000 000", "600000000", ""},
		{"+34 699 999 999", "699999999", ""},
		{"712 345 678", "712345678", ""},
		{"744 000 000", "744000000", ""},

		{"", "", RuleRequired},
		{"912 345 678", "", RulePhoneLandline},
		{"812 345 678", "", RulePhoneLandline},
		{"900 000 000", "", RulePhoneSpecial}, // freephone
		{"800 000 000", "", RulePhoneSpecial}, // freephone
		{"806 000 000", "", RulePhoneSpecial}, // special rate
		{"902 000 000", "", RulePhoneSpecial},
		{"701 234 567", "", RulePhoneSpecial}, // personal numbering: forwards elsewhere
		{"34600000000", "", RulePhonePlus},
		{"60000000", "", RulePhoneLength},
		{"500000000", "", RulePhoneStart},
	})
}

func TestCheckDate(t *testing.T) {
	today := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		in, when, canon, rule string
	}{
		{"15/04/1978", WhenAny, "15/04/1978", ""},
		{"15-04-1978", WhenAny, "15/04/1978", ""},
		{"15.4.1978", WhenAny, "15/04/1978", ""},
		{"1/3/2026", WhenPast, "01/03/2026", ""},
		{"02/03/2026", WhenPast, "02/03/2026", ""},   // today is not the future
		{"02/03/2026", WhenFuture, "02/03/2026", ""}, // nor the past
		{"29/02/2024", WhenAny, "29/02/2024", ""},    // a leap year
		{"31/12/2030", WhenFuture, "31/12/2030", ""},

		{"", WhenAny, "", RuleRequired},
		{"15/04/78", WhenAny, "", RuleDateYear},
		{"15041978", WhenAny, "", RuleDateFormat},
		{"15 04 1978", WhenAny, "", RuleDateFormat},
		{"15 / 04 / 1978", WhenAny, "", RuleDateFormat},
		{"1978/04/15", WhenAny, "", RuleDateFormat},
		{"quince de abril", WhenAny, "", RuleDateFormat},
		{"15/abril/1978", WhenAny, "", RuleDateFormat},
		{"15/04/1978 👍", WhenAny, "", RuleDateFormat},
		{"04/15/1978", WhenAny, "", RuleDateMonth}, // month and day swapped
		{"15/00/1978", WhenAny, "", RuleDateMonth},
		{"31/02/2026", WhenAny, "", RuleDateDay},
		{"29/02/2025", WhenAny, "", RuleDateDay},
		{"31/04/2026", WhenAny, "", RuleDateDay},
		{"00/04/2026", WhenAny, "", RuleDateDay},
		{"15/04/1878", WhenAny, "", RuleDateOld},
		{"03/03/2026", WhenPast, "", RuleDateFuture},
		{"15/04/2078", WhenPast, "", RuleDateFuture},
		{"01/03/2026", WhenFuture, "", RuleDatePast},
		// A part left empty.
		{"15//04/1978", WhenAny, "", RuleDateEmpty},
		{"15//1978", WhenAny, "", RuleDateEmpty},
		{"/04/1978", WhenAny, "", RuleDateEmpty},
		{"15/04/1978/", WhenAny, "", RuleDateEmpty},
		{"15-04-", WhenAny, "", RuleDateEmpty}, // the year left out
		// A date of birth over 120 years ago is a slip in the year.
		{"15/04/1901", WhenPast, "", RuleDateAge},
		{"01/03/1906", WhenPast, "", RuleDateAge},
		{"02/03/1906", WhenPast, "02/03/1906", ""}, // exactly 120 today
		{"15/04/1901", WhenAny, "15/04/1901", ""},  // any other date may be that old
	}
	for _, c := range cases {
		canon, rule := CheckDate(c.in, today, c.when)
		if rule != c.rule || canon != c.canon {
			t.Errorf("CheckDate(%q, %s) = %q, %q; want %q, %q", c.in, c.when, canon, rule, c.canon, c.rule)
		}
	}
}

func TestCheckEmail(t *testing.T) {
	runValidator(t, "CheckEmail", CheckEmail, []vcase{
		{"lucia.prueba@correo.example", "lucia.prueba@correo.example", ""},
		{" Lucia.Prueba@Correo.Example ", "lucia.prueba@correo.example", ""},

		{"", "", RuleRequired},
		{"lucia prueba@correo.example", "", RuleEmailSpace},
		{"lucia.pruebacorreo.example", "", RuleEmailAt},
		{"lucia@prueba@correo.example", "", RuleEmailAt},
		{"lucia.prueba\"correo.example", "", RuleEmailAt}, // Shift+2 gives " on a Spanish keyboard
		{"lucía.prueba@correo.example", "", RuleEmailAccent},
		{"lucia.prueba@correo", "", RuleEmailDomain},
		{"lucia.prueba@correo,example", "", RuleEmailDomain},
		{"lucia..prueba@correo.example", "", RuleEmailDots},
		{"@correo.example", "", RuleEmailNoUser},
		{"lucia.prueba@correo.example.", "", RuleEmailDots},
		{"lucia.prueba@", "", RuleEmailDomain},
		{"lucia<prueba>@correo.example", "", RuleEmailInvalid},
		{"lucia.prueba@gmail.con", "", RuleEmailTypo},
		{"lucia.prueba@hotmial.com", "", RuleEmailTypo},
		{"0@AC.Con", "", RuleEmailTypo},
		{"lucia.prueba\u00a0@correo.example", "", RuleEmailSpace}, // a no-break space pasted from a web page
		{"ñoño@correo.example", "", RuleEmailAccent},
	})
}

func TestCheckNameAndText(t *testing.T) {
	runValidator(t, "CheckName", CheckName, []vcase{
		{"Lucía", "lucia", ""},
		{"María José", "maria jose", ""},
		{"Prueba-Ejemplo", "prueba-ejemplo", ""},
		{"O'Neill", "o'neill", ""},
		{"Núñez", "nunez", ""},
		{"Luci\u0301a", "lucia", ""}, // an accent typed as its own character
		{"", "", RuleRequired},
		{"Lucía2", "", RuleNameDigits},
		{"Lucía 👍", "", RuleNameChars},
		{"Lucía@", "", RuleNameChars},
		{"Lucía\tPrueba", "", RuleNameChars},
	})
	runValidator(t, "CheckText", CheckText, []vcase{
		{"Calle del Ejemplo, 12, 3.º B", "calle del ejemplo, 12, 3.º b", ""},
		{"Avda. de la Prueba 4 - 1ª", "avda. de la prueba 4 - 1ª", ""},
		{"", "", RuleRequired},
		{"Calle del Ejemplo 👍", "", RuleTextSymbols},
		{"Calle\x00Ejemplo", "", RuleTextSymbols},
		{"Calle ´Ejemplo", "", RuleTextSymbols}, // an accent left on its own
		{"Calle ★ Ejemplo", "", RuleTextSymbols},
	})
}

func TestFormRulesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range FormRules() {
		if seen[r] || r == "" {
			t.Errorf("rule %q is empty or listed twice", r)
		}
		seen[r] = true
	}
}

var validatorSeeds = []string{
	"", " ", "\t", "\u00a0", "12345678Z", "12.345.678-z", "X1234567L", "ES91 2100 0418 4502 0005 1332",
	"28999", "+34 600 000 000", "15/04/1978", "31/02/2026", "lucia.prueba@correo.example", "Lucía", "Luci\u0301a",
	"👍", "España 👍", "\xff\xfe", "a\x00b", "\u0301", strings.Repeat("ñ€👍", 3000), strings.Repeat("9", 10000),
	"0034", "+", "ES", "XYZ", "//", "1/1/1", "99/99/9999", "-1/-1/-2000",
	"1234567L", "X01234567L", "IBAN ES91 2100 0418 4502 0005 1332", "ES6821000418000200051332",
	"ES91-2100-0418-4502-0005-1332", "8001", "34600000000", "900 000 000", "15//04/1978", "15/04/1901",
}

// FuzzValidators: no input makes a validator panic, a valid value's
// canonical form is itself valid and stable, and a rule is always a known id.
func FuzzValidators(f *testing.F) {
	for _, s := range validatorSeeds {
		f.Add(s)
	}
	today := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	known := map[string]bool{}
	for _, r := range FormRules() {
		known[r] = true
	}
	checks := map[string]func(string) (string, string){
		"dni": CheckDNI, "nie": CheckNIE, "dni_nie": CheckDNIorNIE, "iban": CheckIBAN, "postcode": CheckPostcode,
		"phone": CheckPhone, "mobile": CheckMobile, "email": CheckEmail, "name": CheckName, "text": CheckText,
		"date": func(s string) (string, string) { return CheckDate(s, today, WhenPast) },
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, check := range checks {
			canon, rule := check(s)
			if rule != "" {
				if !known[rule] || canon != "" {
					t.Fatalf("%s(%q) = %q, %q: unknown rule or a value with a rule", name, s, canon, rule)
				}
				continue
			}
			if !utf8.ValidString(canon) {
				t.Fatalf("%s(%q) = %q: not valid UTF-8", name, s, canon)
			}
			if name == "mobile" {
				if phone, _ := CheckPhone(s); phone != canon || (canon[0] != '6' && canon[0] != '7') {
					t.Fatalf("CheckMobile(%q) = %q, CheckPhone = %q", s, canon, phone)
				}
			}
			if name == "name" || name == "text" {
				continue // folded: compared, not typed again
			}
			again, rule2 := check(canon)
			if rule2 != "" || again != canon {
				t.Fatalf("%s(%q) = %q, but %s(%q) = %q, %q", name, s, canon, name, canon, again, rule2)
			}
		}
	})
}

// FuzzCheckDNI: a valid DNI is always 8 digits and the letter of their
// remainder by 23.
func FuzzCheckDNI(f *testing.F) {
	for _, s := range validatorSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		canon, rule := CheckDNI(s)
		if rule == RuleDNIZero {
			// The message says to add a 0 in front: doing so is accepted.
			fixed := "0" + Squeeze(s, " .-\u00a0")
			if _, again := CheckDNI(fixed); again != "" {
				t.Fatalf("CheckDNI(%q) = %s, but with the 0 added, %q is %s", s, rule, fixed, again)
			}
			return
		}
		if rule != "" {
			return
		}
		if len(canon) != 9 || !asciiDigits(canon[:8]) {
			t.Fatalf("CheckDNI(%q) accepted %q", s, canon)
		}
		n := 0
		for _, c := range canon[:8] {
			n = n*10 + int(c-'0')
		}
		if DNILetter(n) != canon[8] {
			t.Fatalf("CheckDNI(%q) accepted %q with the wrong letter", s, canon)
		}
	})
}

// FuzzCheckIBAN: a valid IBAN is ES and 22 digits whose mod-97 is 1;
// changing any one digit makes it invalid.
func FuzzCheckIBAN(f *testing.F) {
	for _, s := range validatorSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		canon, rule := CheckIBAN(s)
		if rule != "" {
			return
		}
		if len(canon) != 24 || canon[:2] != "ES" || !asciiDigits(canon[2:]) || ibanMod97(canon) != 1 || !cccOK(canon[4:]) {
			t.Fatalf("CheckIBAN(%q) accepted %q", s, canon)
		}
		b := []byte(canon)
		b[10] = '0' + (b[10]-'0'+1)%10
		if _, rule := CheckIBAN(string(b)); rule != RuleIBANCheck {
			t.Fatalf("one digit changed in %q: %s, want %s", canon, rule, RuleIBANCheck)
		}
	})
}

// FuzzCheckDate: a valid date is a real day, written back the same way.
func FuzzCheckDate(f *testing.F) {
	for _, s := range validatorSeeds {
		f.Add(s)
	}
	today := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		canon, rule := CheckDate(s, today, WhenAny)
		if rule != "" {
			return
		}
		d, err := time.Parse("02/01/2006", canon)
		if err != nil || d.Year() < 1900 {
			t.Fatalf("CheckDate(%q) accepted %q: %v", s, canon, err)
		}
		// Exactly 3 parts, none of them empty.
		if parts := strings.FieldsFunc(s, dateSep); len(parts) != 3 || strings.Count(strings.TrimSpace(s), "/")+
			strings.Count(s, "-")+strings.Count(s, ".") != 2 {
			t.Fatalf("CheckDate(%q) accepted %q with a part missing or empty", s, canon)
		}
		if _, rule := CheckDate(s, today, WhenPast); rule == "" && d.Before(today.AddDate(-maxAge, 0, -1)) {
			t.Fatalf("CheckDate(%q, past) accepted a birth %d years ago", s, today.Year()-d.Year())
		}
	})
}
