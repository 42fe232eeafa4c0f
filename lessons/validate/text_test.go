package validate

import "testing"

func TestValidEmail(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"lucia.prueba@correo.example", true},
		{"a+b@x.es", true},
		{"LUCIA.PRUEBA@CORREO.EXAMPLE", true},
		{"lucia_prueba-1@correo.sub.example", true},
		{"lucía@correo.example", true},

		{"", false},
		{"lucia.prueba", false},                       // no @
		{"lucia.pruebacorreo.example", false},         // no @
		{"lucia@prueba@correo.example", false},        // two @
		{"lucia prueba@correo.example", false},        // space
		{"lucia.prueba@correo .example", false},       // space
		{" lucia.prueba@correo.example", false},       // space before
		{"lucia.prueba@correo.example ", false},       // space after
		{"lucia.prueba@\tcorreo.example", false},      // tab
		{"Lucía <l@x.es>", false},                     // a name
		{"<l@x.es>", false},                           // angle brackets
		{"l@x.es (Lucía)", false},                     // a comment
		{"lucia.prueba@correo.example.", false},       // trailing dot
		{"lucia.prueba.@correo.example", false},       // trailing dot before @
		{"lucia.prueba@correo", false},                // no dot in domain
		{".lucia@correo.example", false},              // leading dot
		{"lucia@.correo.example", false},              // leading dot in domain
		{"lucia..prueba@correo.example", false},       // double dot
		{"lucia@correo..example", false},              // double dot in domain
		{"@correo.example", false},                    // no local part
		{"lucia@", false},                             // no domain
		{"l@x.es, m@x.es", false},                     // two addresses
		{`"lucia prueba"@correo.example`, false},      // quoted local part
		{"lucia.prueba@correo.example\n", false},      // newline
		{"lucia.prueba＠correo.example", false},        // fullwidth at sign
		{"mailto:lucia.prueba@correo.example", false}, // a link
		{"lucia@gmail.con", false},                    // a typo in a well-known domain
		{"lucia@hotmial.com", false},                  // a typo in a well-known domain
		{"lucia@gmail.com", true},
		{"lucia@hotmail.es", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ValidEmail(tt.in); got != tt.want {
				t.Errorf("ValidEmail(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestNFC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Luci\u0301a", "Lucía"},
		{"Lucía", "Lucía"},
		{"n\u0303", "ñ"},
		{"", ""},
		{"👍🏽", "👍🏽"},
	}
	for _, tt := range tests {
		if got := NFC(tt.in); got != tt.want {
			t.Errorf("NFC(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lucía Prueba", "lucía prueba"},
		{"  LUCÍA    PRUEBA  ", "lucía prueba"},
		{"lucía\t\n prueba", "lucía prueba"},
		{"Luci\u0301a", "lucía"},
		{"AÑO", "año"},
		{"Espan\u0303a", "españa"},
		{"¡Hola! 👋", "¡hola! 👋"},
		{"", ""},
		{" \t\n", ""},
		{"a\u00a0b", "a b"}, // a no-break space is a space
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Normalise(tt.in); got != tt.want {
				t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lucía", "lucia"},
		{"Luci\u0301a", "lucia"},
		{"  LUCÍA   Prueba ", "lucia prueba"},
		{"España", "espana"},
		{"AÑO", "ano"},
		{"ÁÉÍÓÚ ÜÏ", "aeiou ui"},
		{"Ça va", "ca va"},
		{"pingüino", "pinguino"},
		{"¿Qué tal? 👍🏽", "¿que tal? 👍🏽"},
		{"", ""},
		{"a\xffb", "a\ufffdb"}, // invalid UTF-8 becomes one replacement character, as in Normalise
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
