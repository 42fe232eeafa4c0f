package lessons

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Validators for real-world data typed into forms. Each one takes what the
// learner typed and returns it in a canonical form ("12345678Z",
// "ES9121000418450200051332", "15/04/1978") and the id of the rule it breaks,
// or "" when the value is valid. The rule ids are stored as mistakes and the
// user interface says them in plain words ("form_err_<rule>"); the value
// itself is never stored.

// Rule ids of the validators. Every one has a message in the app's catalog.
const (
	RuleRequired       = "required"        // nothing typed in a required field
	RuleChoose         = "required_choose" // nothing chosen in a drop-down or radio buttons
	RuleCheck          = "required_check"  // a required check box is not ticked
	RuleFile           = "required_file"   // a required document is not attached
	RuleDay            = "required_day"    // no day chosen on the calendar
	RuleTooLong        = "too_long"
	RuleTextSymbols    = "text_symbols" // emoji, control characters
	RuleNameDigits     = "name_digits"
	RuleNameChars      = "name_chars"
	RuleDNIFormat      = "dni_format"
	RuleDNINoLetter    = "dni_no_letter"
	RuleDNILetter      = "dni_letter"
	RuleDNIIsNIE       = "dni_is_nie"
	RuleNIEFormat      = "nie_format"
	RuleNIELetter      = "nie_letter"
	RuleIBANNoCountry  = "iban_no_country"
	RuleIBANCountry    = "iban_country"
	RuleIBANChars      = "iban_chars"
	RuleIBANLength     = "iban_length"
	RuleIBANCheck      = "iban_check"
	RulePostcodeFormat = "postcode_format"
	RulePostcodeProv   = "postcode_province"
	RulePhoneChars     = "phone_chars"
	RulePhoneCountry   = "phone_country"
	RulePhoneLength    = "phone_length"
	RulePhoneStart     = "phone_start"
	RuleDateFormat     = "date_format"
	RuleDateYear       = "date_year"
	RuleDateMonth      = "date_month"
	RuleDateDay        = "date_day"
	RuleDateOld        = "date_old"
	RuleDateFuture     = "date_future"
	RuleDatePast       = "date_past"
	RuleEmailSpace     = "email_space"
	RuleEmailAt        = "email_at"
	RuleEmailAccent    = "email_accent"
	RuleEmailDomain    = "email_domain"
	RuleEmailNoUser    = "email_no_user"
	RuleEmailDots      = "email_dots"
	RuleEmailInvalid   = "email_invalid"
	RuleEmailTypo      = "email_typo"
	RuleCodeFormat     = "code_format"
	RuleCodeNone       = "code_none"
	RuleCodeWrong      = "code_wrong"
	RuleCodeExpired    = "code_expired"
	RuleOptionFull     = "option_full"
	RuleDayFull        = "day_full"
	RuleDayClosed      = "day_closed"
	RuleFileType       = "file_type"
	RuleFileSize       = "file_size"
)

// FormRules lists every rule id a form can report, for the catalog's tests.
func FormRules() []string {
	return []string{RuleRequired, RuleChoose, RuleCheck, RuleFile, RuleDay, RuleTooLong, RuleTextSymbols,
		RuleNameDigits, RuleNameChars, RuleDNIFormat, RuleDNINoLetter, RuleDNILetter, RuleDNIIsNIE,
		RuleNIEFormat, RuleNIELetter, RuleIBANNoCountry, RuleIBANCountry, RuleIBANChars, RuleIBANLength,
		RuleIBANCheck, RulePostcodeFormat, RulePostcodeProv, RulePhoneChars, RulePhoneCountry,
		RulePhoneLength, RulePhoneStart, RuleDateFormat, RuleDateYear, RuleDateMonth, RuleDateDay,
		RuleDateOld, RuleDateFuture, RuleDatePast, RuleEmailSpace, RuleEmailAt, RuleEmailAccent,
		RuleEmailDomain, RuleEmailNoUser, RuleEmailDots, RuleEmailInvalid, RuleEmailTypo, RuleCodeFormat, RuleCodeNone, RuleCodeWrong, RuleCodeExpired,
		RuleOptionFull, RuleDayFull, RuleDayClosed, RuleFileType, RuleFileSize}
}

// maxValidate bounds the text a validator looks at: a 10,000-character
// paste is judged on its start, fast.
const maxValidate = 256

func clip(s string) string {
	if len(s) <= maxValidate {
		return s
	}
	s = s[:maxValidate]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// squeeze removes the characters in cut and turns letters to capitals.
func squeeze(s, cut string) string {
	var b strings.Builder
	for _, r := range clip(strings.TrimSpace(s)) {
		if strings.ContainsRune(cut, r) {
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

func asciiDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dniLetters maps the remainder of the number divided by 23 to the letter.
const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// DNILetter returns the control letter of a DNI number (up to 8 digits).
func DNILetter(n int) byte { return dniLetters[n%23] }

// CheckDNI validates a DNI: 8 numbers and the control letter, as in
// 12345678Z. Spaces, dots and dashes are allowed (12.345.678-Z).
func CheckDNI(s string) (string, string) {
	v := squeeze(s, " .-\u00a0")
	if v == "" {
		return "", RuleRequired
	}
	if v[0] == 'X' || v[0] == 'Y' || v[0] == 'Z' {
		if _, rule := CheckNIE(s); rule == "" {
			return "", RuleDNIIsNIE
		}
	}
	return checkDNIDigits(v)
}

func checkDNIDigits(v string) (string, string) {
	if asciiDigits(v) {
		if len(v) == 8 {
			return "", RuleDNINoLetter
		}
		return "", RuleDNIFormat
	}
	if len(v) != 9 || !asciiDigits(v[:8]) || v[8] < 'A' || v[8] > 'Z' {
		return "", RuleDNIFormat
	}
	n, _ := strconv.Atoi(v[:8])
	if DNILetter(n) != v[8] {
		return "", RuleDNILetter
	}
	return v, ""
}

// CheckNIE validates a foreigner's identity number: X, Y or Z, 7 numbers
// and the control letter, as in X1234567L.
func CheckNIE(s string) (string, string) {
	v := squeeze(s, " .-\u00a0")
	if v == "" {
		return "", RuleRequired
	}
	if len(v) != 9 || strings.IndexByte("XYZ", v[0]) < 0 || !asciiDigits(v[1:8]) || v[8] < 'A' || v[8] > 'Z' {
		return "", RuleNIEFormat
	}
	n, _ := strconv.Atoi(string('0'+byte(strings.IndexByte("XYZ", v[0]))) + v[1:8])
	if DNILetter(n) != v[8] {
		return "", RuleNIELetter
	}
	return v, ""
}

// CheckDNIorNIE accepts either a DNI or a NIE.
func CheckDNIorNIE(s string) (string, string) {
	v := squeeze(s, " .-\u00a0")
	if v != "" && strings.IndexByte("XYZ", v[0]) >= 0 {
		return CheckNIE(s)
	}
	if v == "" {
		return "", RuleRequired
	}
	return checkDNIDigits(v)
}

// CheckIBAN validates a Spanish account number in IBAN form: ES, 2 check
// digits and 20 more numbers (24 characters), with the ISO 13616 mod-97
// check. Spaces are allowed, as in ES91 2100 0418 4502 0005 1332.
func CheckIBAN(s string) (string, string) {
	v := squeeze(s, " \u00a0\t")
	if v == "" {
		return "", RuleRequired
	}
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') {
			return "", RuleIBANChars
		}
	}
	if v[0] >= '0' && v[0] <= '9' {
		return "", RuleIBANNoCountry
	}
	if len(v) < 2 || v[:2] != "ES" {
		return "", RuleIBANCountry
	}
	if len(v) > 2 && !asciiDigits(v[2:]) {
		return "", RuleIBANChars
	}
	if len(v) != 24 {
		return "", RuleIBANLength
	}
	if ibanMod97(v) != 1 {
		return "", RuleIBANCheck
	}
	return v, ""
}

// ibanMod97 moves the first 4 characters to the end, turns letters into
// numbers (A = 10 … Z = 35) and returns the remainder by 97.
func ibanMod97(v string) int {
	r := 0
	for _, c := range v[4:] + v[:4] {
		if c >= 'A' && c <= 'Z' {
			n := int(c-'A') + 10
			r = (r*100 + n) % 97
		} else {
			r = (r*10 + int(c-'0')) % 97
		}
	}
	return r
}

// FormatIBAN writes a canonical IBAN in groups of 4: ES91 2100 0418 …
func FormatIBAN(v string) string {
	var parts []string
	for len(v) > 4 {
		parts = append(parts, v[:4])
		v = v[4:]
	}
	return strings.Join(append(parts, v), " ")
}

// CheckPostcode validates a Spanish postal code: 5 numbers whose first 2
// (the province) go from 01 to 52.
func CheckPostcode(s string) (string, string) {
	v := squeeze(s, " \u00a0")
	if v == "" {
		return "", RuleRequired
	}
	if len(v) != 5 || !asciiDigits(v) {
		return "", RulePostcodeFormat
	}
	if p, _ := strconv.Atoi(v[:2]); p < 1 || p > 52 {
		return "", RulePostcodeProv
	}
	return v, ""
}

// CheckPhone validates a Spanish phone number: 9 numbers starting with 6,
// 7, 8 or 9, optionally after +34 or 0034. Spaces, dots and dashes are
// allowed.
func CheckPhone(s string) (string, string) {
	v := squeeze(s, " .-()\u00a0")
	if v == "" {
		return "", RuleRequired
	}
	switch {
	case strings.HasPrefix(v, "+34"):
		v = v[3:]
	case strings.HasPrefix(v, "0034"):
		v = v[4:]
	case strings.HasPrefix(v, "+"), strings.HasPrefix(v, "00"):
		return "", RulePhoneCountry
	}
	if !asciiDigits(v) {
		return "", RulePhoneChars
	}
	if len(v) != 9 {
		return "", RulePhoneLength
	}
	if v[0] < '6' {
		return "", RulePhoneStart
	}
	return v, ""
}

// Date ranges a date field may ask for.
const (
	WhenAny    = ""
	WhenPast   = "past"   // today or before: a date of birth
	WhenFuture = "future" // today or after: the validity of a document
)

// CheckDate validates a date written day/month/year (15/04/1978; also with
// - or . and 1-digit days and months) that exists in the calendar, is not
// before 1900, and is in the range asked for, compared with today.
func CheckDate(s string, today time.Time, when string) (string, string) {
	v := clip(strings.TrimSpace(s))
	if v == "" {
		return "", RuleRequired
	}
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 || strings.ContainsAny(v, " \t") {
		return "", RuleDateFormat
	}
	for _, p := range parts {
		if !asciiDigits(p) || len(p) > 4 {
			return "", RuleDateFormat
		}
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return "", RuleDateFormat
	}
	if len(parts[2]) != 4 {
		return "", RuleDateYear
	}
	d, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	y, _ := strconv.Atoi(parts[2])
	if m < 1 || m > 12 {
		return "", RuleDateMonth
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return "", RuleDateDay
	}
	if y < 1900 {
		return "", RuleDateOld
	}
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case when == WhenPast && t.After(day):
		return "", RuleDateFuture
	case when == WhenFuture && t.Before(day):
		return "", RuleDatePast
	}
	return t.Format("02/01/2006"), ""
}

// emailRules names each problem CheckAddress finds as a form rule.
var emailRules = map[AddressProblem]string{
	AddressEmpty: RuleRequired, AddressSpace: RuleEmailSpace, AddressNoAt: RuleEmailAt,
	AddressManyAt: RuleEmailAt, AddressNoUser: RuleEmailNoUser, AddressNoDomain: RuleEmailDomain,
	AddressNoDot: RuleEmailDomain, AddressDots: RuleEmailDots, AddressInvalid: RuleEmailInvalid,
	AddressTypo: RuleEmailTypo,
}

// CheckEmail validates an email address in a form with CheckAddress (the
// one address checker, shared with the mail app) and names its problem as
// a form rule. Official forms also refuse accents and ñ, which an address
// may carry nowadays: that is the one rule of its own.
func CheckEmail(s string) (string, string) {
	v := clip(strings.TrimSpace(s))
	p, _ := CheckAddress(v)
	accent := strings.IndexFunc(v, func(r rune) bool { return r > unicode.MaxASCII && !unicode.IsSpace(r) }) >= 0
	switch p {
	case AddressEmpty, AddressSpace, AddressNoAt, AddressManyAt:
		return "", emailRules[p]
	}
	switch {
	case accent:
		return "", RuleEmailAccent
	case p != AddressOK:
		return "", emailRules[p]
	}
	return strings.ToLower(v), ""
}

// CheckName validates a person's name or surnames: letters of any
// alphabet, spaces, hyphens, apostrophes and dots.
func CheckName(s string) (string, string) {
	v := clip(strings.TrimSpace(s))
	if v == "" {
		return "", RuleRequired
	}
	for _, r := range v {
		switch {
		case unicode.IsDigit(r):
			return "", RuleNameDigits
		case unicode.IsLetter(r), unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '\'', r == '’', r == '.':
		default:
			return "", RuleNameChars
		}
	}
	return Fold(v), ""
}

// CheckText validates free text such as an address: no emoji, symbols or
// control characters.
func CheckText(s string) (string, string) {
	v := clip(strings.TrimSpace(s))
	if v == "" {
		return "", RuleRequired
	}
	for _, r := range v {
		if unicode.IsControl(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Cs, r) || unicode.Is(unicode.Co, r) ||
			r == utf8.RuneError || r == '\u200d' || r == '\ufe0f' || unicode.In(r, unicode.Sk) {
			return "", RuleTextSymbols
		}
	}
	return Fold(v), ""
}
