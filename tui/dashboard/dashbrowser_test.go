package dashboard

import (
	"strings"
	"testing"
)

// issue 16: a practice browser's outcomes say what the learner did, with
// the page or file they name.
func TestDashboardBrowserMistakeNames(t *testing.T) {
	dd := newDash(t, "en", liveClass(nil), 80, 24)
	d := dd.d
	for _, c := range []struct{ lesson, step, id, want string }{
		{"anuncios-imv", "llegar-imv", "no-anuncio", "opened an advert"},
		{"anuncios-imv", "llegar-imv", "no-gestoria", `opened "We handle your claim"`},
		{"anuncios-imv", "llegar-imv", "oficial", `did not reach "Ingreso Mínimo Vital - Social Security"`},
		{"anuncios-imv", "ver-anuncios", "mirar-anuncios", "opened a link without checking where it goes"},
		{"sitio-conocido", "guardar-favorito", "guardada:buscar", `bookmarked "sede seguridad social - Search"`},
		{"sitio-conocido", "guardar-favorito", "guardada", `did not bookmark "Social Security electronic office"`},
		{"sitio-conocido", "guardar-favorito", "no-such-rule", "no such rule"},
	} {
		if got := d.MistakeName(c.lesson, c.step, c.id); !strings.HasPrefix(got, c.want) {
			t.Errorf("MistakeName(%s, %s, %s) = %q, want %q", c.lesson, c.step, c.id, got, c.want)
		}
	}
}
