// Package pdffont holds the font of Aula's PDFs (certificates, session
// reports): DejaVu Sans and DejaVu Sans Bold, which print every letter of
// Spanish and English (á é í ó ú ñ ü ¿ ¡ ç) and Greek, Cyrillic and more
// for a name as its owner writes it. Fpdf embeds in each PDF only the
// letters it uses. Licence: LICENSE beside this file.
package pdffont

import (
	_ "embed"

	"codeberg.org/go-pdf/fpdf"
)

// Family is the name the font is added under.
const Family = "dejavu"

var (
	//go:embed DejaVuSans.ttf
	regular []byte
	//go:embed DejaVuSans-Bold.ttf
	bold []byte
)

// Add makes the font (regular "" and bold "B") available in pdf.
func Add(pdf *fpdf.Fpdf) {
	pdf.AddUTF8FontFromBytes(Family, "", regular)
	pdf.AddUTF8FontFromBytes(Family, "B", bold)
}
