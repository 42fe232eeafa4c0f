package dashboard

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// V asks for a code (long enough for a pasted one), checks it through
// Config.Verify in a command and shows the verdict with what the code
// says, in the trainer's language; a dashboard without Verify says where
// to check instead.
func TestDashboardVerifiesACertificate(t *testing.T) {
	var asked []string
	dd := newDashWith(t, "es", liveClass(flagRows()), 80, 24, func(c *Config) {
		c.Verify = func(_ context.Context, code string) (VerifyAnswer, error) {
			asked = append(asked, code)
			if strings.HasPrefix(code, "AB") {
				return VerifyAnswer{Genuine: true, Lines: []string{"AUTÉNTICO: firmado.", "  Persona:    Begoña Núñez"}}, nil
			}
			return VerifyAnswer{Lines: []string{"NO ES AUTÉNTICO: cambiado."}}, nil
		}
	})
	dd.keys("V")
	dd.must("Comprobar un certificado")
	code := "AB" + strings.Repeat("CDEFG-", 40) // 242 characters, pasted
	dd.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(code)})
	dd.keys("enter")
	if len(asked) != 1 || asked[0] != code {
		t.Fatalf("checked %q, want the whole code pasted", asked)
	}
	dd.must("✔ Certificado auténtico")
	dd.must("Persona:    Begoña Núñez")
	dd.keys("enter")
	dd.mustNot("Persona:")
	dd.keys("V")
	dd.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ZZZZ")})
	dd.keys("enter")
	dd.must("✘ El certificado no es auténtico")

	en := newDash(t, "en", liveClass(flagRows()), 80, 24)
	en.keys("V")
	// At 80 columns the status wraps onto a second line: not cut.
	en.must("This dashboard cannot verify certificates", "use aula certificate verify CODE.")
}

type fakeRetention struct {
	months  int
	names   []string
	applied int
}

func (r *fakeRetention) Due() (int, string, []string, error) {
	return r.months, "2026-06-06", r.names, nil
}

func (r *fakeRetention) Apply() ([]string, error) {
	r.applied++
	return r.names, nil
}

// T lists who the retention would erase, without erasing (Cancel has the
// focus, and Enter alone keeps everybody); Erase then erases them and says
// how many went, with singular and plural right.
func TestDashboardRetentionDryRunThenErase(t *testing.T) {
	r := &fakeRetention{months: 6, names: []string{"Begoña", "Luis", "Ana", "Pedro", "Rosa", "Juan", "Eva", "Marta", "Paco", "Lola"}}
	dd := newDashWith(t, "es", liveClass(flagRows()), 80, 24, func(c *Config) { c.Retention = r })
	dd.keys("T")
	dd.must("Conservación: 6 meses sin actividad")
	dd.must("10 personas no tienen actividad desde el 2026-06-06")
	dd.must("Begoña")
	dd.must("y 2 más")
	dd.keys("enter") // Cancel
	if r.applied != 0 {
		t.Fatal("Enter on the dry run erased")
	}
	dd.mustNot("Begoña")
	dd.keys("T", "left", "enter")
	if r.applied != 1 {
		t.Fatalf("Erase applied the retention %d times", r.applied)
	}
	dd.must("Borradas 10 personas sin actividad desde el 2026-06-06")

	r.names = []string{"Begoña"}
	en := newDashWith(t, "en", liveClass(flagRows()), 80, 24, func(c *Config) { c.Retention = r })
	en.keys("T")
	en.must("1 learner has had no activity since 2026-06-06")
	en.must("Erase 1 learner")
	en.keys("left", "enter")
	en.must("Erased 1 learner with no activity")

	r.names = nil
	en.keys("T")
	en.must("Retention: 6 months without activity", "Nobody has been inactive since before 2026-06-06")
	en.keys("enter")
	r.months = 0
	en.keys("T")
	en.must("Retention is off", "aula learners retention --months 12")
	none := newDash(t, "en", liveClass(flagRows()), 80, 24)
	none.keys("T")
	none.must("The retention is set on the hub's computer")
}
