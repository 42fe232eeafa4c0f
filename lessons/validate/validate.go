package validate

import (
	"slices"
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
	RuleDNIZero        = "dni_zero" // 7 numbers and the right letter: the leading 0 left out
	RuleNIEFormat      = "nie_format"
	RuleNIELetter      = "nie_letter"
	RuleNIEOld         = "nie_old"   // X and 8 numbers: the format before July 2008
	RuleIBANWord       = "iban_word" // the word IBAN typed before the number
	RuleIBANCCC        = "iban_ccc"  // mod 97 holds, the Spanish account's own check digits do not
	RuleIBANNoCountry  = "iban_no_country"
	RuleIBANCountry    = "iban_country"
	RuleIBANChars      = "iban_chars"
	RuleIBANLength     = "iban_length"
	RuleIBANCheck      = "iban_check"
	RulePostcodeFormat = "postcode_format"
	RulePostcodeProv   = "postcode_province"
	RulePostcodeZero   = "postcode_zero" // 4 numbers: the leading 0 left out (8001 for 08001)
	RulePhoneChars     = "phone_chars"
	RulePhoneCountry   = "phone_country"
	RulePhoneLength    = "phone_length"
	RulePhoneStart     = "phone_start"
	RulePhonePlus      = "phone_plus"     // 34 or 034 before the number: the + or a 0 left out
	RulePhoneLandline  = "phone_landline" // a landline in a mobile field
	RulePhoneSpecial   = "phone_special"  // 70x, 80x, 90x (personal, freephone, special rate) in a mobile field
	RuleDateFormat     = "date_format"
	RuleDateEmpty      = "date_empty" // a part left empty: 15//04/1978
	RuleDateAge        = "date_age"   // a date of birth more than 120 years ago
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
	RuleDayHoliday     = "day_holiday" // a national holiday: no office gives appointments
	RuleFileType       = "file_type"
	RuleFileSize       = "file_size"
)

// FormRules lists every rule id a form can report, for the catalog's tests.
func FormRules() []string {
	return []string{RuleRequired, RuleChoose, RuleCheck, RuleFile, RuleDay, RuleTooLong, RuleTextSymbols,
		RuleNameDigits, RuleNameChars, RuleDNIFormat, RuleDNINoLetter, RuleDNILetter, RuleDNIIsNIE, RuleDNIZero,
		RuleNIEFormat, RuleNIELetter, RuleNIEOld, RuleIBANWord, RuleIBANCCC, RuleIBANNoCountry, RuleIBANCountry, RuleIBANChars, RuleIBANLength,
		RuleIBANCheck, RulePostcodeFormat, RulePostcodeProv, RulePostcodeZero, RulePhoneChars, RulePhoneCountry,
		RulePhoneLength, RulePhoneStart, RulePhonePlus, RulePhoneLandline, RulePhoneSpecial, RuleDateFormat, RuleDateEmpty, RuleDateAge, RuleDateYear, RuleDateMonth, RuleDateDay,
		RuleDateOld, RuleDateFuture, RuleDatePast, RuleEmailSpace, RuleEmailAt, RuleEmailAccent,
		RuleEmailDomain, RuleEmailNoUser, RuleEmailDots, RuleEmailInvalid, RuleEmailTypo, RuleCodeFormat, RuleCodeNone, RuleCodeWrong, RuleCodeExpired,
		RuleOptionFull, RuleDayFull, RuleDayClosed, RuleDayHoliday, RuleFileType, RuleFileSize}
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

// Squeeze removes the characters in cut and turns letters to capitals.
func Squeeze(s, cut string) string {
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
//
// The letter is the remainder of the number divided by 23, looked up in
// dniLetters (Real Decreto 1553/2005, art. 11, BOE-A-2005-21163: "número
// personal del DNI y carácter de verificación correspondiente al NIF"; the
// algorithm as the Ministerio del Interior publishes it on dnielectronico.es).
//
// An old DNI below 10,000,000 is often written without its leading 0
// (1234567L). The number and the letter are right, but the sede forms ask
// for exactly 8 numbers: the learner is told to add the 0 (RuleDNIZero),
// not accepted silently, so the habit carries over to the real forms.
func CheckDNI(s string) (string, string) {
	v := Squeeze(s, " .-\u00a0")
	if v == "" {
		return "", RuleRequired
	}
	if v[0] == 'X' || v[0] == 'Y' || v[0] == 'Z' {
		if _, rule := CheckNIE(s); rule == "" || rule == RuleNIEOld {
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
	if len(v) == 8 && asciiDigits(v[:7]) && v[0] != '0' {
		if n, _ := strconv.Atoi(v[:7]); DNILetter(n) == v[7] {
			return "", RuleDNIZero
		}
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
// and the control letter, as in X1234567L. Y and Z count as 1 and 2 in
// front of the number for the letter.
//
// Orden INT/2058/2008 (BOE-A-2008-12050) set the NIE at nine characters:
// the letter, "siete dígitos" and the check letter. Before it, NIEs were X
// and 8 numbers (X01234567L); the same number is now written without the
// first 0. A learner who types the old form from an old card is told to
// drop that 0 (RuleNIEOld).
func CheckNIE(s string) (string, string) {
	v := Squeeze(s, " .-\u00a0")
	if v == "" {
		return "", RuleRequired
	}
	if len(v) == 10 && v[0] == 'X' && v[1] == '0' && asciiDigits(v[2:9]) {
		if n, _ := strconv.Atoi(v[2:9]); DNILetter(n) == v[9] {
			return "", RuleNIEOld
		}
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
	v := Squeeze(s, " .-\u00a0")
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
// check. Spaces, dots and dashes are allowed, as in the DNI field
// (ES91 2100 0418 4502 0005 1332, ES91-2100-…). The word IBAN copied from
// a bank's paper in front of the number is pointed out (RuleIBANWord): the
// box asks for the number only.
//
// The 20 numbers after ES and the 2 check digits are the old Código Cuenta
// Cliente (CCC): bank (4), branch (4), 2 control digits and the account
// (10). Each control digit is a mod-11 check, the first over "00", bank
// and branch, the second over the account, with the weights 1, 2, 4, 8, 5,
// 10, 9, 7, 3, 6 (AEB Cuaderno 37 / CECA, the CCC the Banco de España
// register numbers the banks of; the IBAN kept it whole when SEPA replaced
// the CCC, Reglamento (UE) 260/2012). An IBAN can pass mod 97 with those
// digits wrong (ES6821000418000200051332): RuleIBANCCC.
func CheckIBAN(s string) (string, string) {
	v := Squeeze(s, " .-\u00a0\t")
	if v == "" {
		return "", RuleRequired
	}
	if strings.HasPrefix(v, "IBAN") {
		return "", RuleIBANWord
	}
	for _, r := range v {
		if (r < '0' || r > '9') && (r < 'A' || r > 'Z') {
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
	if !cccOK(v[4:]) {
		return "", RuleIBANCCC
	}
	return v, ""
}

// cccWeights weigh the digits of each part of a CCC, left to right.
var cccWeights = [10]int{1, 2, 4, 8, 5, 10, 9, 7, 3, 6}

// cccDigit is the control digit of 10 digits: 11 minus the weighted sum
// mod 11, where 11 counts as 0 and 10 as 1.
func cccDigit(d string) byte {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += int(d[i]-'0') * cccWeights[i]
	}
	c := 11 - sum%11
	switch c {
	case 11:
		c = 0
	case 10:
		c = 1
	}
	return byte('0' + c)
}

// cccOK checks the 2 control digits of a 20-digit CCC.
func cccOK(ccc string) bool {
	return cccDigit("00"+ccc[:8]) == ccc[8] && cccDigit(ccc[10:20]) == ccc[9]
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
// (the province, in the order of the INE province codes) go from 01 to 52
// (Correos, "Códigos postales": the first two digits are the province; not
// checked against a Correos page with the search tool, which had none).
// The provinces 01 to 09 start with
// 0, often left out (8001 for Barcelona's 08001): RulePostcodeZero says so
// when the 4 numbers cannot be a code with a later number missing, that is
// when their first 2 are not a province already (2899 is 28999 or 02899:
// just "5 numbers", RulePostcodeFormat).
func CheckPostcode(s string) (string, string) {
	v := Squeeze(s, " \u00a0")
	if v == "" {
		return "", RuleRequired
	}
	if len(v) == 4 && asciiDigits(v) && v[0] != '0' {
		if p, _ := strconv.Atoi(v[:2]); p > 52 {
			return "", RulePostcodeZero
		}
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
//
// Plan Nacional de Numeración Telefónica (Real Decreto 2296/2004, BOE
// 30/12/2004; "El Plan Nacional de Numeración – Guía práctica de usuario",
// DGTel, 2016): all numbers have 9 digits; 8 and 9 are landlines and
// "números inteligentes", 6 and 7 mobiles and personal numbers. The
// international prefix is 00 and Spain's code is 34, so 34 or 034 in front
// of 9 numbers is +34 with the + or a 0 left out: RulePhonePlus.
func CheckPhone(s string) (string, string) {
	v := Squeeze(s, " .-()\u00a0")
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
	if len(v) == 11 && v[:2] == "34" && v[2] >= '6' || len(v) == 12 && v[:3] == "034" && v[3] >= '6' {
		return "", RulePhonePlus
	}
	if len(v) != 9 {
		return "", RulePhoneLength
	}
	if v[0] < '6' {
		return "", RulePhoneStart
	}
	return v, ""
}

// CheckMobile validates a Spanish mobile number: a phone number (see
// CheckPhone) starting with 6, or with 7 and then 1 to 9.
//
// Plan Nacional de Numeración (Real Decreto 2296/2004) and the CNMC's
// numbering register: 6 and 71 to 74 are mobile (71-74 in use since 2011,
// 75-79 kept for mobiles to come); 70 is "numeración personal", a number
// that forwards elsewhere; 800 and 900 are freephone ("cobro revertido
// automático"), 80x and 90x special rates; the other numbers starting with
// 8 or 9 are landlines. None of those receives an SMS code.
func CheckMobile(s string) (string, string) {
	v, rule := CheckPhone(s)
	if rule != "" {
		return "", rule
	}
	switch {
	case v[0] == '6', v[0] == '7' && v[1] != '0':
		return v, ""
	case v[0] == '7', v[1] == '0':
		return "", RulePhoneSpecial
	}
	return "", RulePhoneLandline
}

// Date ranges a date field may ask for.
const (
	WhenAny    = ""
	WhenPast   = "past"   // today or before: a date of birth
	WhenFuture = "future" // today or after: the validity of a document
)

// CheckDate validates a date written day/month/year (15/04/1978; also with
// - or . and 1-digit days and months) that exists in the calendar, is not
// before 1900, and is in the range asked for, compared with today. A date
// of birth (WhenPast) more than maxAge years ago is a slip in the year
// (1901 for 1991): nobody has lived that long (the oldest person on record
// in Spain, María Branyas, died at 117 in 2024).
func CheckDate(s string, today time.Time, when string) (string, string) {
	t, rule := parseDate(clip(strings.TrimSpace(s)))
	if rule != "" {
		return "", rule
	}
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case when == WhenPast && t.After(day):
		return "", RuleDateFuture
	case when == WhenPast && t.Before(day.AddDate(-maxAge, 0, 0)):
		return "", RuleDateAge
	case when == WhenFuture && t.Before(day):
		return "", RuleDatePast
	}
	return t.Format("02/01/2006"), ""
}

// maxAge is the age in years past which a date of birth is a typing slip.
const maxAge = 120

// dateSep says whether r separates the parts of a date.
func dateSep(r rune) bool { return r == '/' || r == '-' || r == '.' }

// parseDate reads day/month/year and names what is wrong with it.
func parseDate(v string) (time.Time, string) {
	if v == "" {
		return time.Time{}, RuleRequired
	}
	if strings.ContainsAny(v, " \t") {
		return time.Time{}, RuleDateFormat
	}
	raw := strings.Split(strings.NewReplacer("-", "/", ".", "/").Replace(v), "/")
	if len(raw) >= 3 && slices.Contains(raw, "") {
		return time.Time{}, RuleDateEmpty
	}
	parts := strings.FieldsFunc(v, dateSep)
	if len(parts) != 3 {
		return time.Time{}, RuleDateFormat
	}
	for _, p := range parts {
		if !asciiDigits(p) || len(p) > 4 {
			return time.Time{}, RuleDateFormat
		}
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return time.Time{}, RuleDateFormat
	}
	if len(parts[2]) != 4 {
		return time.Time{}, RuleDateYear
	}
	d, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	y, _ := strconv.Atoi(parts[2])
	if m < 1 || m > 12 {
		return time.Time{}, RuleDateMonth
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return time.Time{}, RuleDateDay
	}
	if y < 1900 {
		return time.Time{}, RuleDateOld
	}
	return t, ""
}

// emailRule names each problem CheckAddress finds as a form rule.
func emailRule(p AddressProblem) string {
	switch p {
	case AddressEmpty:
		return RuleRequired
	case AddressSpace:
		return RuleEmailSpace
	case AddressNoAt, AddressManyAt:
		return RuleEmailAt
	case AddressNoUser:
		return RuleEmailNoUser
	case AddressNoDomain, AddressNoDot:
		return RuleEmailDomain
	case AddressDots:
		return RuleEmailDots
	case AddressInvalid:
		return RuleEmailInvalid
	case AddressTypo:
		return RuleEmailTypo
	}
	return ""
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
		return "", emailRule(p)
	}
	switch {
	case accent:
		return "", RuleEmailAccent
	case p != AddressOK:
		return "", emailRule(p)
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
