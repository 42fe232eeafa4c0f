package validate

import (
	"slices"
	"strings"
	"testing"
)

// TestCheckAddress is the one address validator, used by type steps
// (match: email and match: address) and by inbox steps (To and Cc).
func TestCheckAddress(t *testing.T) {
	tests := []struct {
		in   string
		want AddressProblem
		fix  string
	}{
		{"lucia.prueba@correo.example", AddressOK, ""},
		{"LUCIA.PRUEBA@CORREO.EXAMPLE", AddressOK, ""},
		{"a+b@x.es", AddressOK, ""},
		{"lucía@correo.example", AddressOK, ""},
		{"servicios.sociales@villaejemplo.example", AddressOK, ""},
		{"lucia@gmail.com", AddressOK, ""},
		{"lucia@GMAIL.COM", AddressOK, ""},
		{"lucia@hotmail.es", AddressOK, ""},
		{"lucia@ymail.com", AddressOK, ""}, // a real domain, not a typo of gmail.com
		{"lucia@mail.com", AddressOK, ""},
		{"lucia@seg-social.es", AddressOK, ""},
		{"lucia@co.example", AddressOK, ""},

		{"", AddressEmpty, ""},
		{"lucia prueba@correo.example", AddressSpace, ""},
		{" lucia@correo.example", AddressSpace, ""},
		{"lucia@correo.example ", AddressSpace, ""},
		{"lucia@\tcorreo.example", AddressSpace, ""},
		{"lucia@correo.example\n", AddressSpace, ""},
		{"lucia\u00a0prueba@correo.example", AddressSpace, ""}, // a no-break space
		{"lucia.prueba", AddressNoAt, ""},
		{"lucia.pruebacorreo.example", AddressNoAt, ""},
		{"lucia.prueba＠correo.example", AddressNoAt, ""}, // a fullwidth at sign is not @
		{`lucia.prueba"correo.example`, AddressNoAt, ""}, // Shift+2 gives " on a Spanish keyboard
		{"lucia@prueba@correo.example", AddressManyAt, ""},
		{"@correo.example", AddressNoUser, ""},
		{"lucia@", AddressNoDomain, ""},
		{"lucia..prueba@correo.example", AddressDots, ""},
		{".lucia@correo.example", AddressDots, ""},
		{"lucia.@correo.example", AddressDots, ""},
		{"lucia@.correo.example", AddressDots, ""},
		{"lucia@correo.example.", AddressDots, ""},
		{"lucia@correo..example", AddressDots, ""},
		{"lucia@correo", AddressNoDot, ""},
		{"Lucía <l@x.es>", AddressSpace, ""},
		{"<l@x.es>", AddressInvalid, ""},
		{"l@x.es,m@x.es", AddressManyAt, ""},
		{"lucia,prueba@correo.example", AddressInvalid, ""},
		{`"lucia"@correo.example`, AddressInvalid, ""},
		{"lucia@corr(eo).example", AddressInvalid, ""},
		{"mailto:lucia@correo.example", AddressInvalid, ""},

		{"lucia@gmail.con", AddressTypo, "lucia@gmail.com"},
		{"lucia@gmail.co", AddressTypo, "lucia@gmail.com"},
		{"lucia@gmail.comm", AddressTypo, "lucia@gmail.com"},
		{"lucia@gmial.com", AddressTypo, "lucia@gmail.com"},
		{"lucia@gamil.com", AddressTypo, "lucia@gmail.com"},
		{"lucia@gmai.com", AddressTypo, "lucia@gmail.com"},
		{"lucia@hotmial.com", AddressTypo, "lucia@hotmail.com"},
		{"lucia@hotmal.es", AddressTypo, "lucia@hotmail.es"},
		{"lucia@hotmail.con", AddressTypo, "lucia@hotmail.com"},
		{"lucia@outlok.es", AddressTypo, "lucia@outlook.es"},
		{"lucia@yaho.es", AddressTypo, "lucia@yahoo.es"},
		{"Lucia@GMAIL.CON", AddressTypo, "Lucia@gmail.com"},
		{"lucia@correo.con", AddressTypo, "lucia@correo.com"},
		{"lucia@empresa.cmo", AddressTypo, "lucia@empresa.com"},
		// The suggestion passes the checker itself (issue 15: ac.com
		// would be flagged as a typo of mac.com in turn).
		{"0@AC.Con", AddressTypo, "0@mac.com"},
		{"ana@ac.con", AddressTypo, "ana@mac.com"},
		{"ana@mac.con", AddressTypo, "ana@mac.com"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, fix := CheckAddress(tt.in)
			if got != tt.want || fix != tt.fix {
				t.Errorf("CheckAddress(%q) = %q, %q; want %q, %q", tt.in, got, fix, tt.want, tt.fix)
			}
			if fix != "" {
				if again, _ := CheckAddress(fix); again != AddressOK {
					t.Errorf("the suggestion %q for %q is itself %q", fix, tt.in, again)
				}
			}
			if got.Syntax() != (tt.want != AddressOK && tt.want != AddressTypo) {
				t.Errorf("%q: Syntax() = %v", tt.want, got.Syntax())
			}
		})
	}
}

func TestRecipients(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"marta@correo.example", []string{"marta@correo.example"}},
		{" marta@correo.example ", []string{"marta@correo.example"}},
		{"marta@correo.example, luis@correo.example", []string{"marta@correo.example", "luis@correo.example"}},
		{"marta@correo.example; luis@correo.example", []string{"marta@correo.example", "luis@correo.example"}},
		{"Marta Prueba <marta@correo.example>", []string{"marta@correo.example"}},
		{`"Prueba, Marta" <marta@correo.example>`, []string{"marta@correo.example"}},
		{"marta@correo.example,,", []string{"marta@correo.example"}},
		{"marta correo.example, luis@correo.example", []string{"marta correo.example", "luis@correo.example"}},
		{"marta@gmail.con", []string{"marta@gmail.con"}},
		{"martacorreo.example", []string{"martacorreo.example"}},
	}
	for _, tt := range tests {
		if got := Recipients(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Recipients(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNearAddress(t *testing.T) {
	want := "servicios.sociales@villaejemplo.example"
	for in, near := range map[string]bool{
		want:                                      false, // the same is not near: it is right
		"servicios.sociales@villaejemplo.exampl":  true,
		"servicio.sociales@villaejemplo.example":  true,
		"servicios.socailes@villaejemplo.example": true,
		"servicios-sociales@villaejemplo.example": true,
		"sociales@villaejemplo.example":           false,
		"lucia.prueba@correo.example":             false,
		"":                                        false,
	} {
		if got := NearAddress(in, want); got != near {
			t.Errorf("NearAddress(%q) = %v, want %v", in, got, near)
		}
	}
	if !SameAddress("Servicios.Sociales@VillaEjemplo.example ", want) {
		t.Error("SameAddress should ignore capitals and spaces around")
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"gmail.com", "gmail.com", 0}, {"gmail.con", "gmail.com", 1},
		{"hotmial.com", "hotmail.com", 1}, {"gamil.com", "gmail.com", 1}, {"gmail.es", "gmail.com", 3},
		{"ñandú", "nandu", 2}, {"abcdef", "ghijkl", 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, 3); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzCheckAddress(f *testing.F) {
	for _, s := range []string{"", "lucia@gmail.con", "a@b.c", "Lucía <l@x.es>", "@", "@@", "a@b..c", "\xff@x.es",
		strings.Repeat("a", 5000) + "@x.es", "👍@👍.es", `"a b"@x.es`, "a@[1.2.3.4]",
		"0@AC.Con", "ana@ac.con", "a@mac.con"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, fix := CheckAddress(s)
		if !slices.Contains(AddressProblems, p) && p != AddressOK {
			t.Fatalf("CheckAddress(%q) = unknown problem %q", s, p)
		}
		if (p == AddressTypo) != (fix != "") {
			t.Fatalf("CheckAddress(%q) = %q with fix %q", s, p, fix)
		}
		if p == AddressOK && (strings.ContainsAny(s, " \t\n<>") || strings.Count(s, "@") != 1) {
			t.Fatalf("CheckAddress(%q) accepts it", s)
		}
		if fix != "" {
			if q, _ := CheckAddress(fix); q != AddressOK {
				t.Fatalf("the fix %q of %q is itself %q", fix, s, q)
			}
		}
		for _, r := range Recipients(s) {
			CheckAddress(r)
		}
	})
}
