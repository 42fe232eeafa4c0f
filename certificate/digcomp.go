package certificate

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// digcompYAML holds DigComp 2.2's areas and competences in each language,
// and which of them each built-in itinerary covers (its header names the
// sources).
//
//go:embed digcomp.yaml
var digcompYAML []byte

// Competence is one DigComp 2.2 competence, named in one language.
type Competence struct {
	Number   string // "4.2"
	Name     string // "Protecting personal data and privacy"
	Area     string // "4"
	AreaName string // "Safety"
}

type named struct {
	Number string `yaml:"number"`
	En     string `yaml:"en"`
	Es     string `yaml:"es"`
}

func (n named) in(lang string) string {
	if lang == "en" {
		return n.En
	}
	return n.Es
}

type framework struct {
	Areas       []named             `yaml:"areas"`
	Competences []named             `yaml:"competences"`
	Itineraries map[string][]string `yaml:"itineraries"`
}

var (
	digcompOnce sync.Once
	digcomp     framework
	digcompErr  error
)

func loadDigComp() (framework, error) {
	digcompOnce.Do(func() {
		digcompErr = yaml.Unmarshal(digcompYAML, &digcomp)
		if digcompErr == nil {
			digcompErr = digcomp.check()
		}
	})
	return digcomp, digcompErr
}

// check makes sure every competence an itinerary lists exists, in both
// languages, in an area that exists.
func (f framework) check() error {
	known := map[string]bool{}
	areas := map[string]bool{}
	for _, a := range f.Areas {
		areas[a.Number] = a.En != "" && a.Es != ""
	}
	for _, c := range f.Competences {
		area, _, _ := strings.Cut(c.Number, ".")
		if !areas[area] || c.En == "" || c.Es == "" {
			return fmt.Errorf("digcomp.yaml: competence %q lacks a name or an area", c.Number)
		}
		known[c.Number] = true
	}
	for it, cs := range f.Itineraries {
		for _, c := range cs {
			if !known[c] {
				return fmt.Errorf("digcomp.yaml: itinerary %q lists competence %q, which DigComp 2.2 does not have", it, c)
			}
		}
	}
	return nil
}

// Competences are the DigComp 2.2 competences itinerary covers, named in
// lang, in the framework's order; none for an itinerary not mapped.
func Competences(itinerary, lang string) []Competence {
	f, err := loadDigComp()
	if err != nil {
		return nil
	}
	want := map[string]bool{}
	for _, n := range f.Itineraries[itinerary] {
		want[n] = true
	}
	var out []Competence
	for _, c := range f.Competences {
		if !want[c.Number] {
			continue
		}
		area, _, _ := strings.Cut(c.Number, ".")
		comp := Competence{Number: c.Number, Name: c.in(lang), Area: area}
		for _, a := range f.Areas {
			if a.Number == area {
				comp.AreaName = a.in(lang)
			}
		}
		out = append(out, comp)
	}
	return out
}
