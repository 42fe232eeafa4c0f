package xapi

import (
	"cmp"
	"context"
	"path"
	"slices"
	"strings"
	"time"
)

// Row is what a region sees of one itinerary at one centre (Itinerary ""
// is the centre as a whole).
type Row struct {
	Centre               string      `json:"centre"` // the centre's IRI
	Itinerary            string      `json:"itinerary,omitempty"`
	ItineraryName        string      `json:"itinerary_name,omitempty"`
	Learners             int         `json:"learners"`              // active in the period
	LessonsCompleted     int         `json:"lessons_completed"`     // different learner and lesson
	ItinerariesCompleted int         `json:"itineraries_completed"` // different learner and itinerary
	WorkedExample        []StepShare `json:"worked_example"`        // the steps where most learners needed the worked example, most first
	CertificatesIssued   int         `json:"certificates_issued"`   // different learner and itinerary certificate
}

// StepShare is one step and how many of the learners who met it needed
// its worked example.
type StepShare struct {
	Step     string `json:"step"` // the step's IRI
	Name     string `json:"name"`
	Needed   int    `json:"needed"`
	Learners int    `json:"learners"`
}

// SummaryVerbs are the verbs Summarize reads.
var SummaryVerbs = []string{VerbAttempted, VerbCompleted, VerbAnswered, VerbUsedHint, VerbWorkedExample, VerbEarned}

// Fetch reads from the LRS every statement with one of SummaryVerbs
// stored since, about activity if set, each once.
func Fetch(ctx context.Context, c *Client, since time.Time, activity string) ([]Statement, error) {
	var out []Statement
	seen := map[string]bool{}
	for _, verb := range SummaryVerbs {
		err := c.Statements(ctx, Query{Since: since, Verb: verb, Activity: activity, Limit: 500}, func(s Statement) error {
			if !seen[s.ID] {
				seen[s.ID] = true
				out = append(out, s)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// StepsShown is how many steps a row lists under WorkedExample.
const StepsShown = 3

type rowAcc struct {
	row      Row
	learners map[string]bool
	lessons  map[string]bool
	itins    map[string]bool
	certs    map[string]bool
	steps    map[string]*stepAcc
}

type stepAcc struct {
	name   string
	met    map[string]bool
	needed map[string]bool
}

// Summarize counts statements per centre and itinerary; lang chooses the
// names shown. Rows come by centre, the whole centre first, then its
// itineraries by name.
func Summarize(sts []Statement, lang string) []Row {
	accs := map[[2]string]*rowAcc{}
	acc := func(centre, itin, itinName string) *rowAcc {
		k := [2]string{centre, itin}
		a := accs[k]
		if a == nil {
			a = &rowAcc{row: Row{Centre: centre, Itinerary: itin, ItineraryName: itinName},
				learners: map[string]bool{}, lessons: map[string]bool{}, itins: map[string]bool{}, certs: map[string]bool{}, steps: map[string]*stepAcc{}}
			accs[k] = a
		}
		return a
	}
	for _, s := range sts {
		if s.Actor.Account == nil {
			continue
		}
		centre, who := s.Actor.Account.HomePage, s.Actor.Account.Name
		targets := []*rowAcc{acc(centre, "", "")}
		for _, it := range itinerariesOf(s) {
			targets = append(targets, acc(centre, it.ID, pick(it.Definition, lang, it.ID)))
		}
		typ := ""
		if s.Object.Definition != nil {
			typ = s.Object.Definition.Type
		}
		for _, a := range targets {
			a.learners[who] = true
			switch {
			case s.Verb.ID == VerbCompleted && typ == TypeLesson:
				a.lessons[who+" "+s.Object.ID] = true
			case s.Verb.ID == VerbCompleted && typ == TypeItinerary:
				a.itins[who+" "+s.Object.ID] = true
			case s.Verb.ID == VerbEarned && typ == TypeCertificate:
				a.certs[who+" "+s.Object.ID] = true
			case typ == TypeInteraction:
				st := a.steps[s.Object.ID]
				if st == nil {
					st = &stepAcc{name: pick(s.Object.Definition, lang, s.Object.ID), met: map[string]bool{}, needed: map[string]bool{}}
					a.steps[s.Object.ID] = st
				}
				st.met[who] = true
				if s.Verb.ID == VerbWorkedExample {
					st.needed[who] = true
				}
			}
		}
	}
	rows := make([]Row, 0, len(accs))
	for _, a := range accs {
		r := a.row
		r.Learners, r.LessonsCompleted, r.ItinerariesCompleted = len(a.learners), len(a.lessons), len(a.itins)
		r.CertificatesIssued = len(a.certs)
		r.WorkedExample = []StepShare{}
		for id, st := range a.steps {
			if len(st.needed) > 0 {
				r.WorkedExample = append(r.WorkedExample, StepShare{Step: id, Name: st.name, Needed: len(st.needed), Learners: len(st.met)})
			}
		}
		slices.SortFunc(r.WorkedExample, func(x, y StepShare) int {
			// the larger share first: x.N/x.L > y.N/y.L
			return cmp.Or(cmp.Compare(y.Needed*x.Learners, x.Needed*y.Learners), cmp.Compare(y.Needed, x.Needed), strings.Compare(x.Step, y.Step))
		})
		if len(r.WorkedExample) > StepsShown {
			r.WorkedExample = r.WorkedExample[:StepsShown]
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(x, y Row) int {
		return cmp.Or(strings.Compare(x.Centre, y.Centre), strings.Compare(x.Itinerary, y.Itinerary))
	})
	return rows
}

// itinerariesOf are the itineraries a statement is about: its object, or
// the itineraries among its context activities.
func itinerariesOf(s Statement) []Activity {
	if s.Object.Definition != nil && s.Object.Definition.Type == TypeItinerary {
		return []Activity{s.Object}
	}
	var out []Activity
	if ca := s.Context; ca != nil && ca.ContextActivities != nil {
		for _, a := range slices.Concat(ca.ContextActivities.Parent, ca.ContextActivities.Grouping) {
			if a.Definition != nil && a.Definition.Type == TypeItinerary {
				out = append(out, a)
			}
		}
	}
	return out
}

// pick is an activity's name in lang, else in any language, else the
// last part of its id.
func pick(d *Definition, lang, id string) string {
	if d != nil {
		if n := d.Name[lang]; n != "" {
			return n
		}
		keys := make([]string, 0, len(d.Name))
		for k := range d.Name {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if d.Name[k] != "" {
				return d.Name[k]
			}
		}
	}
	return path.Base(id)
}

// CentreName is the short name of a centre IRI: its last part.
func CentreName(iri string) string { return path.Base(iri) }
